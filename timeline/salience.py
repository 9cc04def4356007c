"""How important an event is: independent sources, and how much the collection talks about its date.

The date-level signals follow the date-selection literature for news timeline summarisation
(Ghalandari & Ifrim, ACL 2020; Tran et al. 2015): a day matters when many articles refer to it
and when many articles are published on it or right after it. The event-level signal is the number
of independent articles reporting the event itself. All counts are of distinct, non-duplicate
articles, and enter logarithmically so that no single signal swamps the others.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from timeline.model import ArticleResult, Mention

# Coarse dates are less useful on a timeline and their reference counts are not comparable to days.
GRANULARITY_WEIGHT = {
    "time": 1.0,
    "day": 1.0,
    "week": 0.6,
    "month": 0.5,
    "quarter": 0.4,
    "season": 0.4,
    "year": 0.3,
    "decade": 0.15,
    "century": 0.1,
}
# Date-level signals lead (the strongest known ones for date selection); the event's own coverage
# ranks the events of one day and must not make a day's rank hinge on how its mentions clustered.
W_SOURCES = 0.5
W_REFS = 1.0
W_PUBS = 0.6
W_CONFLICTS = 0.3


@dataclass(frozen=True, slots=True)
class DateStats:
    """Per-day counts over the collection: articles referring to a day, articles published on it."""

    refs: dict[dt.date, int]
    pubs: dict[dt.date, int]

    def ref_count(self, day: dt.date) -> int:
        """Distinct articles that refer to `day` with a day-precise expression."""
        return self.refs.get(day, 0)

    def pub_count(self, day: dt.date) -> int:
        """Articles published on `day`."""
        return self.pubs.get(day, 0)


def date_stats(results: Sequence[ArticleResult]) -> DateStats:
    """Count, per day, the non-duplicate articles that mention it and that were published on it."""
    refs: dict[dt.date, set[str]] = defaultdict(set)
    pubs: dict[dt.date, int] = defaultdict(int)
    for r in results:
        a = r.article
        if a.duplicate_of is not None:
            continue
        if a.published is not None:
            pubs[a.published] += 1
        for m in r.mentions:
            if m.granularity in ("day", "time") and m.start == m.end:
                refs[m.start].add(a.id)
    return DateStats({d: len(s) for d, s in refs.items()}, dict(pubs))


def score(
    stats: DateStats,
    start: dt.date,
    end: dt.date,
    granularity: str,
    sources: Iterable[Mention],
    conflicts: Iterable[Mention] = (),
) -> float:
    """Salience of one event: log-scaled independent sources, date references and publications."""
    n_src = len({m.article_id for m in sources})
    n_conf = len({m.article_id for m in conflicts})
    day_level = granularity in ("day", "time") and start == end
    refs = stats.ref_count(start) if day_level else 0
    # Reports of a day's events appear that day and the next (time zones, print deadlines).
    pubs = (stats.pub_count(start) + stats.pub_count(start + dt.timedelta(days=1))) if day_level else 0
    raw = (
        W_SOURCES * math.log1p(n_src)
        + W_REFS * math.log1p(refs)
        + W_PUBS * math.log1p(pubs)
        + W_CONFLICTS * math.log1p(n_conf)
    )
    return round(raw * GRANULARITY_WEIGHT.get(granularity, 0.3), 6)
