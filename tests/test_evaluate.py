"""TimeML reading and TempEval-3 scoring on a tiny fixture corpus written for these tests."""

from __future__ import annotations

from pathlib import Path

from timeline.evaluate import evaluate_directory, read_timeml

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"


def test_read_timeml_keeps_offsets_into_the_plain_text() -> None:
    doc = read_timeml(FIXTURES / "tiny_1.tml")
    assert str(doc.dct) == "2017-04-19"
    assert "<" not in doc.text and "&amp;" not in doc.text and "&" in doc.text
    assert [(g.text, g.type, g.value) for g in doc.gold][:3] == [
        ("Tuesday", "DATE", "2017-04-18"),
        ("June 20, 2017", "DATE", "2017-06-20"),
        ("nearly 40 years", "DURATION", "P40Y"),
    ]
    for g in doc.gold:
        assert doc.text[g.start : g.end] == g.text


def _evaluate(directory: Path, tmp_path: Path) -> tuple[str, list[list[str]]]:
    """The report on `directory` and the rows of its --errors TSV (header first)."""
    errors = tmp_path / "errors.tsv"
    report = evaluate_directory(directory, errors)
    return report, [line.split("\t") for line in errors.read_text(encoding="utf-8").splitlines()]


def test_evaluate_directory_report_and_errors(tmp_path: Path) -> None:
    report, rows = _evaluate(FIXTURES, tmp_path)
    assert "documents: 2" in report
    assert "gold: 8" in report
    assert "strict span   P=1.0000 R=1.0000 F1=1.0000" in report
    # "the spring" has no year in the gold (XXXX-SP) while the tagger resolves it: one value error.
    assert "value         F1=0.8750" in report
    assert "ms/document" in report
    assert rows[0] == ["doc", "kind", "text", "gold", "system", "context"]
    assert [r[:4] for r in rows[1:]] == [["tiny_1", "wrong_value", "the spring", "XXXX-SP"]]


def _write_timeml(path: Path, dct: str, text: str) -> None:
    """A one-document TimeML file: `dct` as its CREATION_TIME, `text` (with gold TIMEX3 tags) as TEXT."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">'
        f"x</TIMEX3></DCT><TEXT>{text}</TEXT></TimeML>",
        encoding="utf-8",
    )


def test_misses_and_spurious_are_counted(tmp_path: Path) -> None:
    _write_timeml(
        tmp_path / "sub" / "doc.tml",
        "1998-01-08",
        'It rained on Friday. The <TIMEX3 tid="t1" type="DATE" value="1998">Blue Period</TIMEX3> ended.',
    )
    report, rows = _evaluate(tmp_path, tmp_path)
    assert "gold: 1   system: 1" in report
    assert "relaxed span  P=0.0000 R=0.0000 F1=0.0000" in report
    assert sorted(r[1] for r in rows[1:]) == ["miss", "spurious"]


def test_relaxed_only_matches_are_listed_as_span_errors(tmp_path: Path) -> None:
    # The gold span takes in the preposition, which the tagger leaves out ("on Friday" vs "Friday").
    _write_timeml(
        tmp_path / "doc.tml",
        "2013-03-18",
        'They left <TIMEX3 tid="t1" type="DATE" value="2013-03-15">on Friday</TIMEX3> and came back.',
    )
    report, rows = _evaluate(tmp_path, tmp_path)
    assert "strict span   P=0.0000 R=0.0000 F1=0.0000" in report
    assert "relaxed span  P=1.0000 R=1.0000 F1=1.0000" in report
    assert [r[:5] for r in rows[1:]] == [["doc", "span", "on Friday", "on Friday", "Friday"]]
