"""format_timexes renders tagged expressions as text, JSON and inline TimeML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from timeline.temporal import format_timexes, tag

TEXT = "Ossoff won Tuesday & faces a runoff on June 20 <after> nearly 40 years."


def test_timeml_is_escaped_xml_with_the_original_text() -> None:
    out = format_timexes(TEXT, tag(TEXT, "2017-04-19"), "timeml")
    root = ET.fromstring(f"<TEXT>{out}</TEXT>")
    assert "".join(root.itertext()) == TEXT
    timexes = root.findall("TIMEX3")
    assert [(t.text, t.get("type"), t.get("value"), t.get("mod")) for t in timexes] == [
        ("Tuesday", "DATE", "2017-04-18", None),
        ("June 20", "DATE", "2017-06-20", None),
        ("nearly 40 years", "DURATION", "P40Y", "APPROX"),
    ]
    assert [t.get("tid") for t in timexes] == ["t1", "t2", "t3"]


def test_json_round_trips() -> None:
    rows = json.loads(format_timexes(TEXT, tag(TEXT, "2017-04-19"), "json"))
    assert rows[0] == {
        "start": 11,
        "end": 18,
        "text": "Tuesday",
        "type": "DATE",
        "value": "2017-04-18",
        "mod": None,
        "range_start": "2017-04-18",
        "range_end": "2017-04-18",
        "granularity": "day",
        "anchor": "dct",
        "confidence": rows[0]["confidence"],
    }


def test_text_has_one_line_per_expression() -> None:
    out = format_timexes(TEXT, tag(TEXT, "2017-04-19"), "text")
    assert len(out.splitlines()) == 3
    assert out.splitlines()[0].split("\t")[:4] == ["11-18", "Tuesday", "DATE", "2017-04-18"]


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        format_timexes(TEXT, [], "yaml")
