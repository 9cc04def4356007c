"""The data that flows through the pipeline: frozen dataclasses, no behaviour beyond derived values.

read -> Article; tag -> Timex; events -> Mention; merge -> Event; the whole result -> Timeline.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from collections.abc import Callable
from typing import Any, Literal, TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """A frozen, slotted dataclass that pickles as (class, field values).

    The cache and the append state hold hundreds of thousands of these; the generic pickling of slotted
    dataclasses looks up the fields of every object, in Python, and took most of a cached rebuild's
    loading time. Unpickling calls the constructor with the values, so equal objects come back.
    """
    made: Any = dataclasses.dataclass(frozen=True, slots=True)(cls)
    values: Callable[[Any], Any] = operator.attrgetter(*(f.name for f in dataclasses.fields(made)))
    if len(dataclasses.fields(made)) == 1:
        single = values
        values = lambda obj: (single(obj),)  # noqa: E731 - attrgetter of one name gives the bare value

    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return (made, values(self))

    made.__reduce__ = __reduce__
    return made  # type: ignore[no-any-return]


# How an article's publication date was known (the YAML's `published_source`).
PublishedSource = Literal["header", "metadata", "content", "duplicate", "story", "none"]
ArticleStatus = Literal["ok", "skipped"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# Calendar granularity of a resolved date; "time" is a day with a clock time.
Granularity = Literal["time", "day", "week", "month", "quarter", "season", "year", "decade", "century"]

GRANULARITIES: tuple[str, ...] = (
    "time",
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "year",
    "decade",
    "century",
)


@record
class Article:
    """One input article as read, plus what later stages learned about its publication date."""

    id: str
    text: str
    published: dt.date | None = None
    published_source: PublishedSource = "none"
    # 1.0 for a header or metadata date; lower where it had to be inferred.
    published_confidence: float = 0.0
    # The words that gave the date when it was inferred (a dateline, a tweet signature, ...).
    published_evidence: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    duplicate_of: str | None = None
    status: ArticleStatus = "ok"
    reason: str | None = None
    # Things a user should know that did not stop the article (e.g. "decoded as Latin-1").
    warnings: tuple[str, ...] = ()


@record
class Timex:
    """A temporal expression found in a text, with its TIMEX3 value and the calendar range it covers.

    `start`/`end` are character offsets into the tagged text (end exclusive). `range_start`/`range_end`
    are the first and last calendar day the expression covers, when it resolves to one (None for
    durations, sets and unresolved values such as `XXXX-XX-XX`).
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    range_start: dt.date | None = None
    range_end: dt.date | None = None
    granularity: Granularity | None = None
    # How the value was anchored: "absolute" (fully written), "dct" (against the publication date),
    # "anaphora" (against an earlier date in the text), "none" (not anchored).
    anchor: str = "absolute"
    # How sure the tagger is of `value` (1.0 = written out in full; less where tense picked a side).
    confidence: float = 1.0

    @property
    def resolved(self) -> bool:
        """True when the expression covers a known calendar range."""
        return self.range_start is not None and self.range_end is not None


@record
class Mention:
    """An event as one article tells it: the sentence, what happened, and the date it gives."""

    article_id: str
    timex: Timex
    quote: str  # the sentence that dates the event, as written
    quote_start: int  # offset of the quote in the article body
    title: str  # who did what: the clause around the expression, cleaned
    start: dt.date
    end: dt.date
    granularity: Granularity
    actors: tuple[str, ...] = ()
    confidence: float = 1.0


@record
class Event:
    """A canonical event: one real-world happening with every mention that reports it.

    `sources` hold the mentions that agree with the event's date; `conflicts` hold mentions of the same
    event that date it differently. Every mention is in exactly one of the two.
    """

    id: str
    start: dt.date
    end: dt.date
    granularity: Granularity
    display_date: str
    title: str
    summary: str
    salience: float
    sources: tuple[Mention, ...]
    conflicts: tuple[Mention, ...] = ()
    actors: tuple[str, ...] = ()
    # How sure we are of the date (lowest confidence among the best-supported mentions' anchoring).
    confidence: float = 1.0

    @property
    def independent_sources(self) -> int:
        """Number of distinct articles among the sources (duplicates are already folded out)."""
        return len({m.article_id for m in self.sources})


@record
class TextSignature:
    """A text's near-duplicate sketch: computed per article (and cached) so linking need not reread text.

    `size` is the number of distinct word 3-gram hashes, `sketch` the smallest of them (ascending),
    `fold` the hashes folded onto a bit set and `lost` how many landed on a bit already set.
    """

    size: int
    sketch: tuple[int, ...]
    fold: int
    lost: int


@record
class MentionFeatures:
    """What the merge compares of one mention, read from its article once (in parallel, and cached).

    `own` counts the content words of the sentence, title and actors; `full` adds the neighbouring
    sentences at a lower weight; `sentence` is the index of the mention's sentence in the article;
    `window` holds the content words next to the date. The mappings are never mutated.
    """

    own: dict[str, float]
    full: dict[str, float]
    sentence: int
    window: frozenset[str]


@record
class ArticleResult:
    """What the per-article stages produce for one article: the article, its expressions, its mentions.

    `signature` and `features` (one per mention) are derived from the text for the cross-article
    stages, so a rebuild does not read every text again; when absent those stages compute them.
    """

    article: Article
    timexes: tuple[Timex, ...] = ()
    mentions: tuple[Mention, ...] = ()
    signature: TextSignature | None = None
    features: tuple[MentionFeatures, ...] = ()


@record
class Timeline:
    """The canonical timeline: every input article with its status, and the events in date order."""

    title: str
    articles: tuple[Article, ...]
    events: tuple[Event, ...]
