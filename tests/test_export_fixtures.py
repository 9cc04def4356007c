"""Hand-built timelines shared by the export tests (a helper module, not a conftest)."""

from __future__ import annotations

import datetime as dt

from timeline.model import Article, Event, Mention, Timeline, Timex

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
