"""The YAML contract: keys, JSON Schema, and the loader's round trip (load then dump = same file)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from test_export_fixtures import HOSTILE, sample_timeline, timelines

from timeline.export import TimelineFileError, dump_yaml, load, loads, timeline_to_dict
from timeline.export.yaml_writer import to_yaml
from timeline.model import Timeline

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "timeline" / "schema" / "timeline.schema.json"

# The keys the README promises; more may be added, none removed.
CONTRACT = {
    "top": {"title", "articles", "events"},
    "article": {
        "id",
        "title",
        "published",
        "published_source",
        "published_confidence",
        "published_evidence",
        "duplicate_of",
        "status",
    },
    "event": {
        "id",
        "start",
        "end",
        "granularity",
        "display_date",
        "title",
        "summary",
        "salience",
        "confidence",
        "sources",
        "conflicts",
    },
    "mention": {"article", "quote", "expression", "char_start", "char_end", "date"},
}


def test_contract_keys_are_all_there() -> None:
    data = timeline_to_dict(sample_timeline())
    assert CONTRACT["top"] <= data.keys()
    for article in data["articles"]:
        assert CONTRACT["article"] <= article.keys()
    for event in data["events"]:
        assert CONTRACT["event"] <= event.keys()
        for mention in event["sources"] + event["conflicts"]:
            assert CONTRACT["mention"] <= mention.keys()


def test_skipped_article_carries_its_reason() -> None:
    data = timeline_to_dict(sample_timeline())
    skipped = [a for a in data["articles"] if a["status"] == "skipped"]
    assert skipped and all(a["reason"] for a in skipped)


def test_yaml_matches_the_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load(dump_yaml(sample_timeline()))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_requires_the_contract_keys() -> None:
    # Walk the schema without jsonschema: its required lists are the README's contract.
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert set(schema["required"]) == CONTRACT["top"]
    defs = schema["$defs"]
    for name in ("article", "event", "mention"):
        assert set(defs[name]["required"]) == CONTRACT[name]
        assert CONTRACT[name] <= defs[name]["properties"].keys()


def test_schema_rejects_a_broken_file() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = yaml.safe_load(dump_yaml(sample_timeline()))
    del data["events"][0]["sources"]
    data["articles"][0]["published"] = "19 April 2017"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert len(errors) == 2


def test_load_round_trips_the_file(tmp_path: Path) -> None:
    text = dump_yaml(sample_timeline())
    path = tmp_path / "timeline.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    assert dump_yaml(loaded) == text
    assert loaded.events == sample_timeline().events  # events come back exactly (rounded floats)


def test_load_keeps_hostile_text_verbatim() -> None:
    loaded = loads(dump_yaml(sample_timeline()))
    assert HOSTILE in loaded.title
    assert any(HOSTILE in e.title for e in loaded.events)


def test_load_names_the_file_and_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: x\nevents:\n- id: e1\n  start: yesterday\n", encoding="utf-8")
    with pytest.raises(TimelineFileError, match=r"broken\.yaml.*(start|missing key)"):
        load(path)


def test_load_reads_a_minimal_contract_file() -> None:
    # A file with only the README's keys (another tool wrote it) still loads.
    text = """
title: Minimal
articles:
- {id: a, title: null, published: '2020-01-02', published_source: header,
   published_confidence: 1.0, published_evidence: null, duplicate_of: null, status: ok}
events:
- id: e
  start: '2020-01-01'
  end: '2020-01-31'
  granularity: month
  display_date: January 2020
  title: T
  summary: S
  salience: 0.5
  confidence: 1.0
  sources:
  - {article: a, quote: In January it began., expression: January, char_start: 3, char_end: 10,
     value: 2020-01, date: '2020-01-01', end: '2020-01-31', granularity: month}
  conflicts: []
"""
    timeline = loads(text)
    assert timeline.events[0].sources[0].timex.text == "January"
    assert timeline.events[0].end == dt.date(2020, 1, 31)


# dump_yaml writes records directly for speed; the dict form (also the JSON export) stays the reference.
@settings(max_examples=300, deadline=None)
@given(timelines())
def test_dump_yaml_is_the_contract_dict_written_by_to_yaml(timeline: Timeline) -> None:
    assert dump_yaml(timeline) == to_yaml(timeline_to_dict(timeline))


def test_dump_yaml_is_the_contract_dict_on_the_sample() -> None:
    timeline = sample_timeline()
    assert dump_yaml(timeline) == to_yaml(timeline_to_dict(timeline))


# Property: whatever the strings and numbers, dump -> load -> dump is the identity on the file.
@settings(max_examples=80, deadline=None)
@given(timelines())
def test_dump_load_dump_is_stable(timeline: Timeline) -> None:
    text = dump_yaml(timeline)
    assert dump_yaml(loads(text)) == text


@pytest.mark.parametrize("text", ["a\x85b", "a\u2028b", "a\u2029b", "reason:\x85", "\x85"])
def test_yaml_line_break_characters_survive(text: str) -> None:
    # Regression (found by the property above): PyYAML wrote NEL raw in a single-quoted scalar
    # and reading it back folded it into a space.
    timeline = Timeline(title=text, articles=(), events=())
    assert loads(dump_yaml(timeline)).title == text
