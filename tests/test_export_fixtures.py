"""Hand-built timelines and hypothesis strategies shared by the export and site tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from timeline.model import GRANULARITIES, Article, Event, Mention, Timeline, Timex

HOSTILE = "<script>alert(1)</script> </script><img src=x onerror=alert(1)> \"q\" 'q' & café ☃ \u2028"


def mention(
    article_id: str,
    sentence: str,
    expression: str,
    start: dt.date,
    end: dt.date | None = None,
    granularity: str = "day",
    quote_start: int = 100,
    title: str = "",
) -> Mention:
    """A mention whose timex offsets point at `expression` inside `sentence` (placed at quote_start)."""
    at = sentence.index(expression)
    timex = Timex(
        start=quote_start + at,
        end=quote_start + at + len(expression),
        text=expression,
        type="DATE",
        value=start.isoformat() if granularity == "day" else start.strftime("%Y-%m"),
        range_start=start,
        range_end=end or start,
        granularity=granularity,  # type: ignore[arg-type]
        anchor="dct",
        confidence=0.9,
    )
    return Mention(
        article_id=article_id,
        timex=timex,
        quote=sentence,
        quote_start=quote_start,
        title=title or sentence[:40],
        start=start,
        end=end or start,
        granularity=granularity,  # type: ignore[arg-type]
        actors=("Ossoff",),
        confidence=0.9,
    )


def sample_timeline() -> Timeline:
    """Three ok articles (one hostile), one skipped, one duplicate; point, span and conflicting events."""
    d = dt.date
    articles = (
        Article(
            id="a1",
            text="",
            published=d(2017, 4, 19),
            published_source="header",
            published_confidence=1.0,
            title="Trump weighs in on Georgia race",
            url="https://example.com/a1",
            source="Example News",
        ),
        Article(
            id="a2",
            text="",
            published=d(2017, 4, 20),
            published_source="content",
            published_confidence=0.7,
            published_evidence="April 20, 2017",
            title="Runoff set for June",
        ),
        Article(
            id="evil",
            text="",
            published=d(2017, 4, 21),
            published_source="metadata",
            published_confidence=1.0,
            title="Evil " + HOSTILE,
            url="javascript:alert(1)",
            warnings=("decoded as Latin-1",),
        ),
        Article(id="empty", text="", status="skipped", reason="empty file"),
        Article(
            id="a2-copy",
            text="",
            published=d(2017, 4, 20),
            published_source="duplicate",
            published_confidence=0.7,
            duplicate_of="a2",
            title="Runoff set for June (copy)",
        ),
    )
    s1 = "Ossoff failed to garner 50 percent on Tuesday, April 18."
    s2 = "The runoff will be held on June 20, officials said."
    s3 = "The runoff is on June 21, according to the campaign."
    s4 = "Ossoff raised money throughout March."
    s5 = "Evil quote " + HOSTILE + " on May 5 indeed."
    events = (
        Event(
            id="e-special-election",
            start=d(2017, 4, 18),
            end=d(2017, 4, 18),
            granularity="day",
            display_date="18 April 2017",
            title="Special election: Ossoff short of 50 percent",
            summary="Ossoff failed to reach 50 percent.",
            salience=0.8,
            sources=(mention("a1", s1, "Tuesday, April 18", d(2017, 4, 18)),),
            actors=("Ossoff",),
        ),
        Event(
            id="e-fundraising",
            start=d(2017, 3, 1),
            end=d(2017, 3, 31),
            granularity="month",
            display_date="March 2017",
            title="Ossoff raises money",
            summary="",
            salience=0.3,
            sources=(mention("a2", s4, "March", d(2017, 3, 1), d(2017, 3, 31), "month", 40),),
            actors=("Ossoff",),
            confidence=0.8,
        ),
        Event(
            id="e-runoff",
            start=d(2017, 6, 20),
            end=d(2017, 6, 20),
            granularity="day",
            display_date="20 June 2017",
            title="Runoff election",
            summary="Ossoff faces Handel in the runoff.",
            salience=0.9,
            sources=(
                mention("a1", s2, "June 20", d(2017, 6, 20), quote_start=300),
                mention("a2", s2, "June 20", d(2017, 6, 20), quote_start=10),
            ),
            conflicts=(mention("evil", s3, "June 21", d(2017, 6, 21), quote_start=5),),
            actors=("Handel", "Ossoff"),
        ),
        Event(
            id="e-evil",
            start=d(2017, 5, 5),
            end=d(2017, 5, 5),
            granularity="day",
            display_date="5 May 2017",
            title="Evil title " + HOSTILE,
            summary="Evil summary " + HOSTILE,
            salience=0.1,
            sources=(mention("evil", s5, "May 5", d(2017, 5, 5), quote_start=0),),
            actors=(HOSTILE,),
        ),
    )
    events = tuple(sorted(events, key=lambda e: (e.start, e.end, e.id)))
    return Timeline(title="Georgia's 6th: " + HOSTILE, articles=articles, events=events)


# Hypothesis strategies: arbitrary (hostile, unicode, extreme-date) timelines for property tests.
_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
# Up to 9998: a span of a year (plus the exclusive end day) must still be a valid date.
_day = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9998, 12, 31))
_unit = st.floats(min_value=0, max_value=1, allow_nan=False)
_granularity = st.sampled_from(GRANULARITIES)


@st.composite
def mentions(draw: st.DrawFn) -> Mention:
    """Any mention: offsets and quote need not agree (exporters must cope)."""
    start = draw(_day)
    a, b = sorted(draw(st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))))
    return Mention(
        article_id=draw(_text),
        timex=Timex(
            start=a,
            end=b,
            text=draw(_text),
            type=draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])),
            value=draw(_text),
            mod=draw(st.none() | _text),
            range_start=draw(st.none() | _day),
            range_end=draw(st.none() | _day),
            granularity=draw(st.none() | _granularity),
            anchor=draw(st.sampled_from(["absolute", "dct", "anaphora", "none"])),
            confidence=draw(_unit),
        ),
        quote=draw(_text),
        quote_start=draw(st.integers(0, 10_000)),
        title=draw(_text),
        start=start,
        end=start + dt.timedelta(days=draw(st.integers(0, 30))),
        granularity=draw(_granularity),
        actors=tuple(draw(st.lists(_text, max_size=2))),
        confidence=draw(_unit),
    )


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    """Any timeline: 0-4 events (points and spans of every granularity), 0-3 articles."""
    events = []
    for i in range(draw(st.integers(0, 4))):
        start = draw(_day)
        events.append(
            Event(
                id=f"e{i}",
                start=start,
                end=start + dt.timedelta(days=draw(st.sampled_from([0, 0, 6, 30, 364]))),
                granularity=draw(_granularity),
                display_date=draw(_text),
                title=draw(_text),
                summary=draw(_text),
                salience=draw(st.floats(min_value=-10, max_value=10, allow_nan=False)),
                sources=tuple(draw(st.lists(mentions(), max_size=2))),
                conflicts=tuple(draw(st.lists(mentions(), max_size=1))),
                actors=tuple(draw(st.lists(_text, max_size=2))),
                confidence=draw(_unit),
            )
        )
    articles = tuple(
        Article(
            id=draw(_text),
            text="",
            published=draw(st.none() | _day),
            published_source=draw(st.sampled_from(["header", "content", "none"])),
            published_confidence=draw(_unit),
            published_evidence=draw(st.none() | _text),
            title=draw(st.none() | _text),
            url=draw(st.none() | _text | st.just("https://example.com/x?a=1&b=<2>")),
            source=draw(st.none() | _text),
            path=draw(st.none() | _text),
            duplicate_of=draw(st.none() | _text),
            status=draw(st.sampled_from(["ok", "skipped"])),
            reason=draw(st.none() | _text),
            warnings=tuple(draw(st.lists(_text, max_size=2))),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    return Timeline(title=draw(_text), articles=articles, events=tuple(events))


def test_fixture_offsets_point_at_the_expressions() -> None:
    # The exporters highlight `quote[timex.start - quote_start:]`; the fixture must be honest.
    for event in sample_timeline().events:
        for m in (*event.sources, *event.conflicts):
            rel = m.timex.start - m.quote_start
            assert m.quote[rel : rel + len(m.timex.text)] == m.timex.text


def test_fixture_has_every_case_the_exporters_handle() -> None:
    timeline = sample_timeline()
    assert any(e.conflicts for e in timeline.events)
    assert any(e.start != e.end for e in timeline.events)
    assert any(a.status == "skipped" for a in timeline.articles)
    assert any(a.duplicate_of for a in timeline.articles)
    assert any(HOSTILE in e.title for e in timeline.events)
