"""Mentions: which expressions date an event, sentence splitting, titles, actors."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events import extract_mentions, make_title
from timeline.model import Article, Timex
from timeline.text import detokenize, explicit_dates, names, sentence_spans

D = dt.date


def timex(text: str, expr: str, day: dt.date | None, **kw: object) -> Timex:
    """A resolved DATE timex for the first occurrence of `expr` in `text`."""
    start = text.index(expr)
    fields: dict = {
        "type": "DATE",
        "value": day.isoformat() if day else "XXXX-XX-XX",
        "range_start": day,
        "range_end": day,
        "granularity": "day" if day else None,
        "anchor": "dct",
    }
    fields.update(kw)
    return Timex(start, start + len(expr), expr, **fields)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sen. Tim Kaine (D-Va.) spoke. Rep. John Lewis (D-Ga.) agreed.",
            ["Sen. Tim Kaine (D-Va.) spoke.", "Rep. John Lewis (D-Ga.) agreed."],
            id="titles-and-party-state-tags",
        ),
        pytest.param(
            "The U.S. Senate voted. It passed.",
            ["The U.S. Senate voted.", "It passed."],
            id="dotted-acronym",
        ),
        pytest.param(
            "Actor Samuel L. Jackson recorded an ad. It ran.",
            ["Actor Samuel L. Jackson recorded an ad.", "It ran."],
            id="middle-initial",
        ),
        pytest.param(
            "“Dems failed in Kansas. Great job!” Trump tweeted. Then he left.",
            ["“Dems failed in Kansas. Great job!” Trump tweeted.", "Then he left."],
            id="period-inside-quotation",
        ),
        pytest.param(
            "He said “we won.” Then he left.",
            ["He said “we won.”", "Then he left."],
            id="quote-closing-after-period",
        ),
        pytest.param(
            "Obama , who said it , left . The vote was on Tuesday .",
            ["Obama , who said it , left .", "The vote was on Tuesday ."],
            id="tokenised-t17",
        ),
        pytest.param(
            "It raised $8. 3 million. Fine.",
            ["It raised $8. 3 million.", "Fine."],
            id="broken-decimal",
        ),
        pytest.param(
            "Great job! — Donald J. Trump (@realDonaldTrump) April 19, 2017 The next one.",
            ["Great job!", "— Donald J. Trump (@realDonaldTrump) April 19, 2017", "The next one."],
            id="tweet-signature-is-its-own-sentence",
        ),
        pytest.param("Line one\nLine two", ["Line one", "Line two"], id="line-breaks"),
    ],
)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expr", "expected"),
    [
        pytest.param(
            "President Donald Trump drew a distinct line Wednesday after Democratic congressional "
            "candidate John Ossoff failed to garner 50 percent of the vote in Tuesday’s special election.",
            "Tuesday",
            "Democratic congressional candidate John Ossoff failed to garner 50 percent of the vote in "
            "the special election",
            id="possessive-date-becomes-the",
        ),
        pytest.param(
            "President Donald Trump drew a distinct line Wednesday after Democratic congressional "
            "candidate John Ossoff failed to garner 50 percent of the vote in Tuesday’s special election.",
            "Wednesday",
            "President Donald Trump drew a distinct line",
            id="clause-split-at-subordinator",
        ),
        pytest.param(
            "Senate Minority Leader Chuck Schumer is headlining an event on Friday for Senate "
            "Democratic candidates.",
            "Friday",
            "Senate Minority Leader Chuck Schumer is headlining an event for Senate Democratic candidates",
            id="dangling-preposition-removed",
        ),
        pytest.param(
            "The next night, Sen. Kamala Harris (D.Calif.) is holding a $1,000-per-person event for "
            "her leadership PAC, Fearless for the People.",
            "The next night",
            "Sen. Kamala Harris is holding a $1,000-per-person event for her leadership PAC",
            id="leading-adverbial-borrows-main-clause",
        ),
        pytest.param(
            "While Jon Ossoff did not win outright, the young Democrat is headed to a June 2 runoff "
            "against Karen Handel.",
            "June 2",
            "The young Democrat is headed to a runoff against Karen Handel",
            id="date-modifying-a-noun-keeps-determiner",
        ),
        pytest.param(
            "Spain 's health minister , Trinidad Jimenez , confirms Europe 's first case on 27 April .",
            "27 April",
            "Trinidad Jimenez confirms Europe's first case",
            id="tokenised-apposition-subject-recovered",
        ),
        pytest.param(
            "In Tuesday’s special election, Ossoff fell short of 50 percent.",
            "Tuesday",
            "Ossoff fell short of 50 percent in the special election",
            id="leading-prepositional-phrase-moves-after",
        ),
        pytest.param(
            "11.25 BST An electron micrograph of the swine flu virus was released on Sunday .",
            "Sunday",
            "An electron micrograph of the swine flu virus was released",
            id="live-blog-clock-stamp-dropped",
        ),
        pytest.param(
            "Mike Clarke\\/AFP\\/Getty Images Since The World Health Organisation raised its alert "
            "on Monday .",
            "Monday",
            "The World Health Organisation raised its alert",
            id="photo-credit-dropped",
        ),
    ],
)
def test_make_title(sentence: str, expr: str, expected: str) -> None:
    start = sentence.index(expr)
    assert make_title(sentence, start, start + len(expr)) == expected


SIGNED = (
    "Great job Karen Handel! It is now Hollywood vs. Georgia on June 20th.\n\n"
    "— Donald J. Trump (@realDonaldTrump) April 19, 2017\n\n"
    "“We are now failing,” he said today. Republicans must get out today and VOTE.\n\n"
    "— Donald J. Trump (@realDonaldTrump) April 18, 2017\n\n"
    "The vote was held on Tuesday. Ossoff campaigned for three weeks. He tweets daily. "
    "Price won in November. "
    "Trump tweeted multiple attacks in recent days. He said in a tweet posted at dawn Tuesday.\n"
    "At 4:33 pm on 28 May 2010 , keyleigh wrote : what a mess .\n"
    "Page last updated at 07:41 GMT , Wednesday , 9 June 2010 .\n"
    "The roads are all made of sand Posted by madfortravel 22 Jan 2012\n"
    "This was completed at 1930 CDT on 1 June ."
)


@pytest.mark.parametrize(
    ("expr", "kw", "kept"),
    [
        pytest.param("June 20th", {}, True, id="event-date-in-tweet-body-kept"),
        pytest.param("April 19, 2017", {}, False, id="tweet-signature-dates-no-event"),
        pytest.param("now", {"value": "PRESENT_REF"}, False, id="present-ref"),
        pytest.param("today", {}, False, id="today-in-quotation"),
        pytest.param("Tuesday", {}, True, id="plain-sentence-date-kept"),
        pytest.param("three weeks", {"type": "DURATION", "value": "P3W"}, False, id="duration"),
        pytest.param("daily", {"type": "SET", "value": "P1D"}, False, id="set"),
        pytest.param("November", {"granularity": "month"}, True, id="coarse-date-kept"),
        pytest.param("in recent days", {}, False, id="vague-recent"),
        pytest.param("28 May 2010", {}, False, id="reader-comment-signature"),
        pytest.param("Wednesday , 9 June 2010", {}, False, id="page-update-stamp"),
        pytest.param("22 Jan 2012", {}, False, id="posted-by-reader-stamp"),
        pytest.param("1930", {"granularity": "year"}, False, id="clock-time-read-as-year"),
        pytest.param("dawn Tuesday", {}, True, id="posted-at-dawn-is-not-a-page-stamp"),
        pytest.param("June 20th", {"range_start": None, "range_end": None}, False, id="unresolved"),
    ],
)
def test_which_expressions_date_events(expr: str, kw: dict, kept: bool) -> None:
    text = SIGNED
    start = text.index(expr)  # the first "today" is the one inside the quotation
    fields: dict = {
        "type": "DATE",
        "value": "2017-04-18",
        "range_start": D(2017, 4, 18),
        "range_end": D(2017, 4, 18),
        "granularity": "day",
    }
    fields.update(kw)
    t = Timex(start, start + len(expr), expr, **fields)
    art = Article("a", text, D(2017, 4, 19), "header", 1.0)
    assert bool(extract_mentions(art, [t])) is kept


def test_today_in_an_embedded_tweet_is_not_an_event() -> None:
    text = SIGNED
    start = text.index("today", text.index("Republicans"))
    t = Timex(start, start + 5, "today", "DATE", "2017-04-19", None, D(2017, 4, 19), D(2017, 4, 19), "day")
    assert extract_mentions(Article("a", text), [t]) == []


def test_mention_fields() -> None:
    text = "Ossoff won 48.1 percent of the vote Tuesday and now faces a runoff against Karen Handel."
    t = timex(text, "Tuesday", D(2017, 4, 18), confidence=0.85)
    (m,) = extract_mentions(Article("003", text, D(2017, 4, 19)), [t])
    assert m.article_id == "003"
    assert m.quote == text and m.quote_start == 0
    assert m.title == "Ossoff won 48.1 percent of the vote and now faces a runoff against Karen Handel"
    assert (m.start, m.end, m.granularity) == (D(2017, 4, 18), D(2017, 4, 18), "day")
    assert "Karen Handel" in m.actors and "Ossoff" in m.actors
    assert m.confidence == 0.85
    assert text[m.timex.start : m.timex.end] == "Tuesday"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "President Donald Trump met Karen Handel.", ["Donald Trump", "Karen Handel"], id="titles-dropped"
        ),
        pytest.param("Trump’s Secretary Tom Price spoke.", ["Trump", "Tom Price"], id="possessive-ends-name"),
        pytest.param("Rep. John Lewis (D-Ga.) spoke.", ["John Lewis"], id="party-tag-dropped"),
        pytest.param("On Tuesday, SHOCKING media said so.", [], id="shouting-and-weekdays-are-not-names"),
        pytest.param("Follow @realDonaldTrump now.", ["Follow"], id="handles-are-not-names"),
        pytest.param("Prime Minister Theresa May spoke.", ["Theresa May"], id="may-the-surname"),
        pytest.param("11.25 BST People wear masks.", ["People"], id="time-zone-is-not-a-name"),
    ],
)
def test_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("on April 19, 2017 and", [D(2017, 4, 19)], id="month-day-year"),
        pytest.param("on 19 April 2017 .", [D(2017, 4, 19)], id="day-month-year"),
        pytest.param("dated 2017-04-19.", [D(2017, 4, 19)], id="iso"),
        pytest.param("on June 31, 2017", [], id="impossible-date-ignored"),
        pytest.param("in June", [], id="no-year-no-date"),
    ],
)
def test_explicit_dates(text: str, expected: list[dt.date]) -> None:
    assert [d for _, _, d in explicit_dates(text)] == expected


def test_detokenize() -> None:
    assert detokenize("Spain 's minister , Jimenez -LRB- PSOE -RRB- , said `` no '' .") == (
        'Spain\'s minister, Jimenez (PSOE), said " no ".'
    )


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300),
    st.lists(st.tuples(st.integers(-5, 320), st.integers(0, 30)), max_size=6),
)
def test_extract_mentions_never_raises_and_offsets_are_valid(text: str, spans: list[tuple[int, int]]) -> None:
    txs = [
        Timex(
            s, s + n, text[max(s, 0) : s + n], "DATE", "2020-01-01", None, D(2020, 1, 1), D(2020, 1, 1), "day"
        )
        for s, n in spans
    ]
    for m in extract_mentions(Article("x", text), txs):
        assert 0 <= m.quote_start <= m.timex.start < m.timex.end <= len(text)
        assert m.quote == text[m.quote_start : m.quote_start + len(m.quote)]
        assert m.title


def test_a_long_article_is_split_and_read_in_linear_time() -> None:
    # Regression: slicing the rest of the text at every sentence boundary, and scanning every
    # quotation per boundary and per "now", made a 10 MB article take minutes. This 1 MB one (quotes,
    # a tweet handle, no paragraph breaks) takes under a second when each pass is linear.
    block = "Mr. Smith said “the vote is now. It counts.” Voters met on Tuesday - see (@poll) now. "
    text = block * 12_000
    spans = sentence_spans(text)
    # The period inside the quotation ends no sentence; the "(@poll)" signature line is its own.
    assert len(spans) == 3 * 12_000
    now, tuesday = block.index("now. "), block.index("Tuesday")
    day = D(2017, 4, 18)
    txs = [
        Timex(at, at + len(expr), expr, "DATE", "2017-04-18", None, day, day, "day")
        for k in range(0, 12_000, 6)
        for off, expr in ((now, "now"), (tuesday, "Tuesday"), (block.rindex("now"), "now"))
        for at in [k * len(block) + off]
    ]
    mentions = extract_mentions(Article("long", text), txs)
    # "now" inside the quotation is the speaker's moment, after the handle a signature's date.
    assert len(mentions) == 2_000
    assert {(m.timex.text, m.title) for m in mentions} == {("Tuesday", "Voters met")}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param(
            "\x85On 2020-01-01 we met.", (3, 13), id="a-next-line-char-str-strip-knows-leads-the-quote"
        ),
        pytest.param("\u2028On 2020-01-01 we met.", (3, 13), id="a-line-separator-leads-the-quote"),
        pytest.param("\x850", (0, 1), id="an-expression-of-blanks-dates-nothing"),
    ],
)
def test_quote_starts_at_its_first_visible_character(text: str, span: tuple[int, int]) -> None:
    start, end = span
    timex = Timex(
        start, end, text[start:end], "DATE", "2020-01-01", None, D(2020, 1, 1), D(2020, 1, 1), "day"
    )
    for m in extract_mentions(Article("x", text), [timex]):
        assert m.quote == text[m.quote_start : m.quote_start + len(m.quote)]
        assert not m.quote[:1].isspace()
        assert m.title
