"""The tagger's cheap screens skip work only where the exact test they stand in front of would find
nothing: each property compares a screen with the slow path it spares, on arbitrary text."""

from __future__ import annotations

import importlib
import inspect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

# By module path: the package's `normalise` name is the function, not its module.
anchor = importlib.import_module("timeline.temporal.anchor")
normalise = importlib.import_module("timeline.temporal.normalise")

# Every word the tense module spells out (its word sets and the quoted words of its code), so the
# properties reach the cue reader's branches, plus endings it reads and pieces of punctuation.
_SPELLED = sorted(
    {
        w
        for value in vars(anchor).values()
        if isinstance(value, frozenset)
        for w in value
        if isinstance(w, str)
    }
    | set(re.findall(r"\"([a-z'’-]+)\"", inspect.getsource(anchor)))
)
_TOKENS = st.one_of(
    st.sampled_from(_SPELLED),
    st.sampled_from(["walked", "talking", "didn't", "won’t", "Friday", "<t>", ",", "the", "of"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz'-", min_size=1, max_size=9),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=14), st.data())
def test_tokens_the_tense_scan_skips_are_no_cue(tokens: list[str], data: st.DataObject) -> None:
    # Regression guard: a cue word added to `_cue` but not to `_MAY_CUE` would be skipped silently.
    lows = [t.lower() for t in tokens]
    i = data.draw(st.integers(0, len(tokens) - 1))
    if lows[i] in anchor._MAY_CUE or lows[i].endswith(anchor._CUE_ENDINGS):
        return
    for timetable in (False, True):
        assert anchor._cue(tokens, lows, i, timetable) is None


_PLAIN_TOKEN = re.compile(
    rf"(?<![A-Za-z]){anchor._CLITIC_MARK}|[A-Za-z]+(?:-[A-Za-z]+)*(?:['’][a-z]+)?|[,;]|:(?!\d)"
    r"|(?<=\s)(?:-{1,2}|[–—&])(?=\s)|[–—]"
)
_PROSE = st.lists(
    st.one_of(
        st.sampled_from(
            ["well-to-do", "we'd", "It’S", "'ll", "o'clock", " -- ", " - ", "-", "–", "—", " & ", "&",
             ": ", ",", ";", ".", "'", "’", " ", "\n", "“", "é", "Zurich's", "x-"]
        ),
        st.text(alphabet=st.sampled_from(list("ab Z'’-–&,;:1 ")), max_size=4),
    ),
    max_size=16,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_PROSE, st.integers(0, 60), st.integers(0, 60))
def test_the_fast_token_pattern_reads_the_plain_ones_tokens(text: str, start: int, end: int) -> None:
    assert anchor._TOKEN.findall(text, start, end) == _PLAIN_TOKEN.findall(text, start, end)


_NEAR_VERBS = st.lists(
    st.one_of(
        st.sampled_from(
            ["meets", "Meets", "MEETS", "ends", "effect", "xmeets", "meets2", "émeets", "meets_"]
        ),
        st.text(alphabet=st.sampled_from(list("abz éK\u212a-.,1_")), max_size=6),
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_NEAR_VERBS, st.integers(0, 40), st.integers(0, 40))
def test_the_timetable_screen_agrees_with_the_word_test(text: str, start: int, length: int) -> None:
    lo, hi = max(0, start - anchor._REACH_BEFORE), start + length + anchor._REACH_AFTER_FRONTED
    exact = not anchor._TIMETABLE_WORDS.isdisjoint(w.lower() for w in anchor._WORD_RUN.findall(text, lo, hi))
    assert anchor.may_be_timetable(text, start, start + length) == exact


_BEFORE = st.lists(
    st.one_of(
        st.sampled_from(
            ["about", "more than", "at least", "up to", "the", "end of", "mid-", "early", "later", "of the",
             "some", "well over", "in", "on", "(about", "circa", "roughly", "—", "-", "  ", "\n"]
        ),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz -", max_size=6),
    ),
    max_size=8,
).map(" ".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_BEFORE, st.sampled_from(["", " ", "  ", "-", " -", "- "]))
def test_a_prefix_match_always_ends_with_a_word_its_gate_lets_through(before: str, tail: str) -> None:
    before = (before + tail).lower()
    last = normalise._last_word(before)
    if normalise._APPROX.search(before):
        assert last in normalise._APPROX_LAST
    if normalise._FUZZY.search(before) or normalise._FUZZY_RELATIVE.search(before):
        assert last in normalise._FUZZY_LAST


def test_hot_lookups_stay_cached() -> None:
    # Regression guard: a helper inserted above `value_range` once took its lru_cache decorator, and
    # tagging cost 4% more instructions with every output unchanged.
    calendar = importlib.import_module("timeline.temporal.calendar")
    base = importlib.import_module("timeline.temporal.base")
    for cached in (calendar.value_range, base._rx, anchor._by_distance, anchor._words_at):
        assert hasattr(cached, "cache_info"), cached
