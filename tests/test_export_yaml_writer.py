"""The YAML writer: whatever plain data goes in comes back from yaml.safe_load unchanged."""

from __future__ import annotations

import math

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.export.yaml_writer import scalar, to_yaml

_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
_data = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(max_size=12), _data, max_size=5))
def test_round_trips_through_safe_load(data: dict) -> None:
    assert yaml.safe_load(to_yaml(data)) == data


@pytest.mark.parametrize(
    ("value", "written"),
    [
        pytest.param("Ossoff's campaign", "Ossoff's campaign", id="apostrophe stays plain"),
        pytest.param("2017-04-19", '"2017-04-19"', id="a date string is quoted so it stays a string"),
        pytest.param("yes", '"yes"', id="a YAML 1.1 bool word is quoted"),
        pytest.param("null", '"null"', id="null word is quoted"),
        pytest.param("1979", '"1979"', id="a number string is quoted"),
        pytest.param("- dash", '"- dash"', id="leading indicator"),
        pytest.param("a: b", '"a: b"', id="colon"),
        pytest.param("line\nbreak", '"line\\nbreak"', id="newline escaped"),
        pytest.param("a\u2028b", '"a\\u2028b"', id="unicode line separator escaped"),
        pytest.param(" padded", '" padded"', id="leading space"),
        pytest.param("", '""', id="empty string"),
        pytest.param(1e-05, "1.0e-05", id="float exponent needs a dot in YAML 1.1"),
        pytest.param(None, "null", id="None"),
        pytest.param(True, "true", id="bool"),
    ],
)
def test_scalar_rules(value: object, written: str) -> None:
    assert scalar(value) == written
    assert yaml.safe_load(f"k: {written}")["k"] == value


def test_special_floats() -> None:
    assert math.isnan(yaml.safe_load(f"k: {scalar(float('nan'))}")["k"])
    assert yaml.safe_load(f"k: {scalar(float('-inf'))}")["k"] == float("-inf")


def test_layout_matches_block_style() -> None:
    text = to_yaml({"title": "T", "events": [{"id": "e1", "sources": [{"article": "a"}], "conflicts": []}]})
    assert text == "title: T\nevents:\n- id: e1\n  sources:\n  - article: a\n  conflicts: []\n"
