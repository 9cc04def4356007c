"""Live-blog stamps: the 24-hour clock heading each entry of a live page ('2059: Kurtz tweets ...').

Read one at a time, "2059:" or "1930:" looks like a year. A live page gives itself away by its run of
stamps: every one a valid clock reading, newest first, and some past the publication year.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from timeline.temporal.base import Norm

_STAMP = re.compile(r"(?<![\d,.$£€])([01]\d|2[0-3])([0-5]\d) ?:(?=\s)")
# Fewer stamps than this are a list of years or scores, not a live page.
_MIN_STAMPS = 3
_ANY_STAMP = re.compile(r"(?<![\d,.$£€])\d{4} ?:(?=\s)")


def live_blog_stamps(text: str, dct: dt.date | None) -> list[Norm]:
    """The entry stamps of a live page as TIME expressions on the publication date (else none)."""
    if dct is None:
        return []
    found = list(_STAMP.finditer(text))
    if len(found) < _MIN_STAMPS or len(found) != len(_ANY_STAMP.findall(text)):
        return []  # too few, or some "NNNN:" is no clock reading ("1979: Ixtoc blows out")
    values = [int(m[1] + m[2]) for m in found]
    if any(a < b for a, b in itertools.pairwise(values)) or max(values) <= dct.year:
        return []  # a chronology runs forward, or stays within years already past
    return [
        Norm(m.start(), m.end(2), "TIME", f"{dct.isoformat()}T{m[1]}:{m[2]}", None, "dct", 0.8) for m in found
    ]
