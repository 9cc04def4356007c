"""Live-blog stamps: the 24-hour clock heading each entry of a live page ('2059: Kurtz tweets ...').

Read one at a time, "2059:" or "1930:" looks like a year. A live page gives itself away by its run of
stamps: every one a valid clock reading, newest first, and some past the publication year.
"""

from __future__ import annotations

import datetime as dt
import itertools

from timeline.temporal.base import Norm

# Fewer stamps than this are a list of years or scores, not a live page.
_MIN_STAMPS = 3


def _heads(text: str) -> list[tuple[int, str]]:
    """Every "NNNN:" (or "NNNN :") followed by a space that is not inside a longer number."""
    out = []
    i = text.find(":")
    while i >= 0:
        # Colons are rare in prose, so walking them is far faster than a regex over every position.
        j = i - 1 if text[i - 1 : i] == " " else i
        digits = text[max(0, j - 4) : j]
        if (
            len(digits) == 4
            and digits.isdigit()
            and digits.isascii()
            and text[i + 1 : i + 2].isspace()
            and (j < 5 or text[j - 5] not in "0123456789,.$£€")
        ):
            out.append((j - 4, digits))
        i = text.find(":", i + 1)
    return out


def live_blog_stamps(text: str, dct: dt.date | None) -> list[Norm]:
    """The entry stamps of a live page as TIME expressions on the publication date (else none)."""
    if dct is None:
        return []
    heads = _heads(text)
    if len(heads) < _MIN_STAMPS:
        return []
    if any(int(d[:2]) > 23 or int(d[2:]) > 59 for _, d in heads):
        return []  # some "NNNN:" is no clock reading ("1979: Ixtoc blows out")
    values = [int(d) for _, d in heads]
    if any(a < b for a, b in itertools.pairwise(values)) or max(values) <= dct.year:
        return []  # a chronology runs forward, or stays within years already past
    return [
        Norm(start, start + 4, "TIME", f"{dct.isoformat()}T{d[:2]}:{d[2:]}", None, "dct", 0.8)
        for start, d in heads
    ]
