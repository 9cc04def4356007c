"""Case-insensitive rules run without their flag on lowercased text: same matches, faster."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.temporal import grammar, tag
from timeline.temporal.caseless import caseless, lowered

# Each row: pattern, whether it may run flag-free on lowercased text, and why.
QUALIFIES = [
    pytest.param(r"(?i:ago|later)", True, id="all case-insensitive, spelled lowercase"),
    pytest.param(r"(?<![\w])(?i:\d+\s+days?)(?!\w)", True, id="categories and lookarounds are case-free"),
    pytest.param(r"(?i:GMT)", False, id="an uppercase letter would miss the lowered text"),
    pytest.param(r"(?i:years?)(?!\s*olds?)", False, id="a case-sensitive lookahead would start to match OLD"),
    pytest.param(r"May|June", False, id="month names are case-sensitive on purpose"),
    pytest.param(r"(?i:[a-z]+)", True, id="a lowercase range under the flag"),
    pytest.param(r"[A-Z]\w+", False, id="an uppercase range"),
    pytest.param(r"(?i)ago", False, id="a global flag is not stripped"),
    pytest.param(r"(?i:(a)\1)", False, id="back-references are not reasoned about"),
    pytest.param(r"(?<=\b(?:in|for)\s+)years", False, id="variable lookbehind: not a stdlib pattern"),
]


@pytest.mark.parametrize(("pattern", "expected"), QUALIFIES)
def test_which_patterns_run_caseless(pattern: str, expected: bool) -> None:
    assert (caseless(pattern) is not None) is expected


def test_the_costly_rules_run_caseless() -> None:
    # The point of the module: the duration rule was the tagger's largest single cost.
    assert {"duration", "ago", "anaphor", "rel_unit", "the_unit"} <= set(grammar._caseless_rules())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Report at 10 a.m.", "report at 10 a.m."),
        # "İ" lowercases to two characters; (?i) matching reads it as "i". It had been kept as it was,
        # so "Current İ..." matched the "current" rule only in the original pattern.
        ("İstanbul in May", "istanbul in may"),
        ("", ""),
    ],
)
def test_lowered_keeps_offsets(text: str, expected: str) -> None:
    assert lowered(text) == expected
    assert len(lowered(text)) == len(text)


def test_uppercase_age_is_no_duration() -> None:
    # Regression: the "-year-old" guard was case-sensitive, so a headline's "22-YEAR-OLD" was P22Y.
    assert tag("MEET A 22-YEAR-OLD WAITER", "2010-06-01") == []
    assert [t.value for t in tag("A 22-YEAR DELAY", "2010-06-01")] == ["P22Y"]


# Mixed-case words the caseless rules react to, and one character that lowercases to two.
_WORDS = st.sampled_from(
    [
        "the",
        "The",
        "THE",
        "a",
        "An",
        "two",
        "Two",
        "TWO",
        "22",
        "1,000",
        "last",
        "past",
        "Next",
        "few",
        "several",
        "year",
        "Years",
        "WEEKS",
        "day",
        "days",
        "ago",
        "Earlier",
        "LATER",
        "long",
        "-long",
        "-",
        "quarter",
        "Quarter",
        "century",
        "Decade",
        "that",
        "same",
        "night",
        "morning",
        "Monday",
        "FRIDAY",
        "friday",
        "'s",
        "this",
        "coming",
        "Current",
        "recent",
        "now",
        "Today",
        "YESTERDAY",
        "future",
        "half",
        "end",
        "of",
        "old",
        "olds",
        "-old",
        "İ",
        ",",
        ".",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
@example("Current İ")  # found by this test: "İ" was kept as it was, which [a-z] under (?i) matches
def test_caseless_rules_match_exactly_as_the_original(text: str) -> None:
    low = lowered(text)
    for name, fast in grammar._caseless_rules().items():
        original = dict(grammar.RULES)[name]
        expected = [m.span() for m in original.finditer(text)]
        got = [m.span() for m in fast.finditer(low)]
        assert got == expected, name


def test_rule_keywords_hold_no_whitespace() -> None:
    # The rules allow any whitespace between words: a keyword of two words ("from now") would skip
    # a window where a line break or a double space splits them.
    spaced = [w for words in grammar._RULE_KEYWORDS.values() for w in words if any(ch.isspace() for ch in w)]
    assert spaced == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # Both were split into smaller expressions when the keyword was "from now" / "last year".
        ("The offer ends two weeks from\nnow.", "two weeks from\nnow"),
        ("Net was $4 million in the corresponding period last\nyear.", "the corresponding period last\nyear"),
    ],
)
def test_a_line_break_inside_a_phrase_keeps_it_whole(text: str, span: str) -> None:
    assert span in [t.text for t in tag(text, "1989-10-27")]
