"""Mentions across articles -> canonical events, with conflicts and salience.

Stages (order matters: each works on the clusters the previous one left):
1. same date range: mentions with the same (start, end) are linked when their content is similar
   (TF-IDF cosine over content words and actor names, IDF over the whole collection); linked
   mentions form one event (union-find over the links, so input order cannot matter);
2. refinement: a coarse mention ("in June") joins the most similar precise event whose date lies
   inside its range ("June 20"), when the content matches; otherwise it stays its own event;
3. conflicts: two precise events with close but different dates and very similar content are one
   event told two ways; the date with more independent articles wins (then precision, confidence),
   and the other mentions are kept under `conflicts`, never dropped. Two dates given in one sentence
   of one article are a sequence, not a disagreement, and are never merged.

Duplicates: mentions of an article with `duplicate_of` set are left out (the article is the same
words as its canonical one, not an independent source); every other mention ends up in exactly one
event, as a source or as a conflict (with `top=None`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from timeline import salience
from timeline.display import display_date
from timeline.model import GRANULARITIES, ArticleResult, Event, Mention
from timeline.text import content_words, merge_names

SAME_DATE_SIM = 0.3
ATTACH_SIM = {"week": 0.2, "month": 0.2, "quarter": 0.3, "season": 0.3, "year": 0.35}
CONFLICT_SIM = 0.45
CONFLICT_WINDOW = 31  # days: a disagreement is about the same week or month, not a year apart
MAX_PAIRWISE = 400  # above this many mentions on one date, link against cluster centroids instead
SUMMARY_CHARS = 320

Vec = dict[str, float]
_PRECISE = ("time", "day")


def _key(m: Mention) -> tuple[str, int, int, int]:
    return (m.article_id, m.timex.start, m.timex.end, m.quote_start)


def _bag(m: Mention) -> Counter[str]:
    bag: Counter[str] = Counter(content_words(m.quote))
    for w in content_words(m.title):
        bag[w] += 1  # the clause around the date says more about the event than the whole sentence
    for actor in m.actors:
        bag["@" + actor.lower()] += 1
    return bag


def _vectors(mentions: Sequence[Mention]) -> list[Vec]:
    bags = [_bag(m) for m in mentions]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    out = []
    for bag in bags:
        w = {t: (1 + math.log(c)) * (1 + math.log((n + 1) / (df[t] + 1))) for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        out.append({t: v / norm for t, v in w.items()})
    return out


def _cos(a: Vec, b: Vec) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _centroid(vecs: Sequence[Vec]) -> Vec:
    acc: dict[str, float] = defaultdict(float)
    for v in vecs:
        for t, x in v.items():
            acc[t] += x
    norm = math.sqrt(sum(x * x for x in acc.values())) or 1.0
    return {t: x / norm for t, x in acc.items()}


class _Clusters:
    """Union-find over mention indices; the smaller index is the root, so results are canonical."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return [out[k] for k in sorted(out)]


def _link_same_date(idx: list[int], vecs: list[Vec], uf: _Clusters) -> None:
    """Stage 1 for the mentions of one date range."""
    if len(idx) <= MAX_PAIRWISE:
        for i, a in enumerate(idx):
            for b in idx[i + 1 :]:
                if _cos(vecs[a], vecs[b]) >= SAME_DATE_SIM:
                    uf.union(a, b)
        return
    # Very busy dates: leader clustering against centroids, in canonical (sorted) order.
    leaders: list[tuple[int, Vec, list[Vec]]] = []
    for a in idx:
        best, best_sim = None, SAME_DATE_SIM
        for j, (_root, cen, _members) in enumerate(leaders):
            sim = _cos(vecs[a], cen)
            if sim >= best_sim:
                best, best_sim = j, sim
        if best is None:
            leaders.append((a, vecs[a], [vecs[a]]))
        else:
            root, _cen, members = leaders[best]
            members.append(vecs[a])
            uf.union(root, a)
            if len(members) <= 50:  # the centroid settles; stop recomputing it
                leaders[best] = (root, _centroid(members), members)


def _sentence_pairs(mentions: Sequence[Mention]) -> set[tuple[dt.date, dt.date]]:
    """Date pairs that one sentence states together: a sequence of events, not a disagreement."""
    by_sentence: dict[tuple[str, int], set[dt.date]] = defaultdict(set)
    for m in mentions:
        if m.granularity in _PRECISE:
            by_sentence[(m.article_id, m.quote_start)].add(m.start)
    pairs = set()
    for days in by_sentence.values():
        for a in days:
            for b in days:
                if a != b:
                    pairs.add((a, b))
    return pairs


def _gran_rank(g: str) -> int:
    return GRANULARITIES.index(g) if g in GRANULARITIES else len(GRANULARITIES)


def _event_id(start: dt.date, title: str, keys: Sequence[tuple[str, int, int, int]]) -> str:
    basis = start.isoformat() + "|" + " ".join(sorted(set(content_words(title))))
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def _summary(quote: str) -> str:
    text = " ".join(quote.split())
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text.rfind(" ", 0, SUMMARY_CHARS - 1)
    return text[: cut if cut > 0 else SUMMARY_CHARS - 1].rstrip(",;:") + "…"


def merge_events(results: Sequence[ArticleResult], top: int | None = None) -> tuple[Event, ...]:
    """All articles' mentions -> canonical events in chronological order (the `top` most salient)."""
    mentions: list[Mention] = []
    seen: set[tuple[str, int, int, int]] = set()
    for r in results:
        if r.article.duplicate_of is not None:
            continue
        for m in r.mentions:
            k = _key(m)
            if k not in seen:
                seen.add(k)
                mentions.append(m)
    if not mentions:
        return ()
    # Canonical order first: everything after depends only on the set of mentions.
    mentions.sort(key=_key)
    vecs = _vectors(mentions)
    uf = _Clusters(len(mentions))

    by_range: dict[tuple[dt.date, dt.date, bool], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_range[(m.start, m.end, m.granularity in _PRECISE)].append(i)
    for rng in sorted(by_range):
        _link_same_date(by_range[rng], vecs, uf)

    # Stage 2: coarse mentions join the precise event they refine.
    precise_groups = [g for g in uf.groups() if mentions[g[0]].granularity in _PRECISE]
    precise_groups.sort(key=lambda g: (mentions[g[0]].start, g[0]))
    centroids = {g[0]: _centroid([vecs[i] for i in g]) for g in precise_groups}
    starts = [mentions[g[0]].start for g in precise_groups]
    for i, m in enumerate(mentions):
        threshold = ATTACH_SIM.get(m.granularity)
        if threshold is None:
            continue
        lo = bisect.bisect_left(starts, m.start)
        hi = bisect.bisect_right(starts, m.end)
        best, best_sim = None, threshold
        for g in precise_groups[lo:hi]:
            sim = _cos(vecs[i], centroids[g[0]])
            if sim > best_sim or (sim == best_sim and best is not None and g[0] < best):
                best, best_sim = g[0], sim
        if best is not None:
            uf.union(best, i)

    # Stage 3: close dates, same content -> one event with conflicts.
    groups = uf.groups()
    info = []
    for g in groups:
        dates = Counter(
            (mentions[i].start, mentions[i].end) for i in g if mentions[i].granularity in _PRECISE
        )
        info.append(dates)
    seq_pairs = _sentence_pairs(mentions)
    precise = [
        gi for gi, g in enumerate(groups) if len(info[gi]) == 1
    ]  # only clusters with one precise date can disagree with another
    precise.sort(key=lambda gi: (next(iter(info[gi]))[0], groups[gi][0]))
    cen = {gi: _centroid([vecs[i] for i in groups[gi]]) for gi in precise}
    day_of = {gi: next(iter(info[gi]))[0] for gi in precise}
    pdays = [day_of[gi] for gi in precise]
    candidates = []
    for pos, a in enumerate(precise):
        hi = bisect.bisect_right(pdays, day_of[a] + dt.timedelta(days=CONFLICT_WINDOW))
        for b in precise[pos + 1 : hi]:
            if day_of[a] == day_of[b] or (day_of[a], day_of[b]) in seq_pairs:
                continue
            sim = _cos(cen[a], cen[b])
            if sim >= CONFLICT_SIM:
                candidates.append((-round(sim, 9), groups[a][0], groups[b][0], a, b))
    candidates.sort()

    def support(gi: int) -> tuple[int, int, float, int]:
        g = groups[gi]
        arts = len({mentions[i].article_id for i in g})
        best_gran = min(_gran_rank(mentions[i].granularity) for i in g)
        conf = sum(mentions[i].confidence for i in g) / len(g)
        return (arts, -best_gran, conf, -g[0])

    absorbed: dict[int, int] = {}  # minority group -> winning group
    winners: set[int] = set()
    for _s, _ka, _kb, a, b in candidates:
        if a in absorbed or b in absorbed:
            continue
        win, lose = (a, b) if support(a) >= support(b) else (b, a)
        if lose in winners:
            continue  # a winner keeps its own date; chains of disagreement stop here
        absorbed[lose] = win
        winners.add(win)

    stats = salience.date_stats(results)
    events = _build_events(mentions, vecs, groups, info, absorbed, stats)
    if top is not None and top >= 0:
        events = sorted(events, key=lambda e: (-e.salience, e.id))[:top]
    events.sort(key=lambda e: (e.start, e.end, -e.salience, e.id))
    return tuple(events)


def _build_events(
    mentions: list[Mention],
    vecs: list[Vec],
    groups: list[list[int]],
    info: list[Counter[tuple[dt.date, dt.date]]],
    absorbed: dict[int, int],
    stats: salience.DateStats,
) -> list[Event]:
    conflicts_of: dict[int, list[int]] = defaultdict(list)
    for lose, win in absorbed.items():
        conflicts_of[win].extend(groups[lose])
    events: list[Event] = []
    used_ids: set[str] = set()
    for gi, g in enumerate(groups):
        if gi in absorbed:
            continue
        members = [mentions[i] for i in g]
        # The event's date: the precise date most articles give, else the narrowest range.
        if info[gi]:
            by_date: dict[tuple[dt.date, dt.date], set[str]] = defaultdict(set)
            for m in members:
                if m.granularity in _PRECISE:
                    by_date[(m.start, m.end)].add(m.article_id)
            start, end = min(by_date, key=lambda d: (-len(by_date[d]), d))
        else:
            start, end = min(
                ((m.start, m.end) for m in members),
                key=lambda d: ((d[1] - d[0]).days, d),
            )
        sources_idx = [
            i
            for i in g
            if mentions[i].granularity not in _PRECISE or (mentions[i].start, mentions[i].end) == (start, end)
        ]
        conflict_idx = sorted(
            [i for i in g if i not in set(sources_idx)] + conflicts_of.get(gi, []),
            key=lambda i: _key(mentions[i]),
        )
        on_date = [mentions[i] for i in sources_idx if (mentions[i].start, mentions[i].end) == (start, end)]
        gran = min((m.granularity for m in on_date), key=_gran_rank)
        # The most central mention (closest to the event's centroid) speaks for the event.
        cen = _centroid([vecs[i] for i in sources_idx])
        best = min(
            sources_idx,
            key=lambda i: (
                mentions[i].granularity not in _PRECISE,
                -round(_cos(vecs[i], cen), 9),
                -mentions[i].confidence,
                _key(mentions[i]),
            ),
        )
        canon = mentions[best]
        sources = tuple(sorted((mentions[i] for i in sources_idx), key=_key))
        conflicts = tuple(mentions[i] for i in conflict_idx)
        eid = _event_id(start, canon.title, [_key(m) for m in sources])
        if eid in used_ids:
            extra = "|".join(f"{k[0]}:{k[1]}" for k in sorted(_key(m) for m in sources))
            eid = hashlib.sha1((eid + extra).encode("utf-8")).hexdigest()[:12]
        used_ids.add(eid)
        events.append(
            Event(
                id=eid,
                start=start,
                end=end,
                granularity=gran,
                display_date=display_date(start, end, gran, canon.timex.value),
                title=canon.title,
                summary=_summary(canon.quote),
                salience=salience.score(stats, start, end, gran, sources, conflicts),
                sources=sources,
                conflicts=conflicts,
                actors=merge_names(m.actors for m in sources)[:8],
                confidence=round(min(m.confidence for m in on_date), 3),
            )
        )
    return events
