"""render(), FORMATS and the public API of timeline.export, plus the JSON export."""

from __future__ import annotations

import json

import pytest
from test_export_fixtures import sample_timeline

import timeline.export as export
from timeline.export import FILENAMES, FORMATS, render, timeline_to_dict


def test_formats_are_the_documented_ones() -> None:
    assert FORMATS == ("yaml", "json", "timelinejs", "csv", "ics")
    assert set(FILENAMES) == set(FORMATS)


def test_public_api_is_declared() -> None:
    for name in export.__all__:
        assert hasattr(export, name), name
    for name in ("write_site", "render", "load", "FORMATS"):
        assert name in export.__all__


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_text_deterministically(fmt: str) -> None:
    first = render(sample_timeline(), fmt)
    assert isinstance(first, str) and first
    assert render(sample_timeline(), fmt) == first


def test_unknown_format_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="allowed: yaml, json, timelinejs, csv, ics"):
        render(sample_timeline(), "pdf")


def test_json_is_the_yaml_contract_data() -> None:
    timeline = sample_timeline()
    text = render(timeline, "json")
    assert json.loads(text) == timeline_to_dict(timeline)
    assert "café ☃" in text  # unicode kept as is, not \u-escaped
    assert text.endswith("\n")
