"""Mentions across articles -> canonical events, with conflicts and salience.

Each mention is a TF-IDF vector (IDF over the whole collection) of the content words of its title
and sentence, plus its actors' surnames; a second vector adds, more weakly, the sentences around
it. Across articles two mentions are compared by each one's own words against the other's words
with context (context alone meeting context does not count); inside one article only their own
words count, discounted, since an article's neighbouring sentences would make anything look alike.

Stages (order matters: each works on the clusters the previous one left):
1. same date range: mentions with the same (start, end) are clustered by average link, in a
   canonical order (leader clustering against centroids for very crowded dates), so input order
   cannot matter. Days the news is about (publication days and just before) need more shared
   content than "quiet" dates far from any publication, which usually name one happening;
2. conflicts: a lone article dating an event differently from an agreeing majority (3+ articles),
   within a month, sharing an actor and a distinctive word next to the date ("a June 2 runoff" vs
   "the runoff on June 20"), is the same event told two ways: the majority date wins and the lone
   mentions are kept under `conflicts`, never dropped. Two dates in one sentence are a sequence;
3. refinement: a coarse mention ("in June") joins the most similar precise event whose date lies
   inside its range ("June 20"), when the content matches; otherwise it stays its own event.

Duplicates: mentions of an article with `duplicate_of` set are left out (the article is the same
words as its canonical one, not an independent source); every other mention ends up in exactly one
event, as a source or as a conflict (with `top=None`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from timeline import salience
from timeline.display import display_date
from timeline.model import GRANULARITIES, Article, ArticleResult, Event, Mention, MentionFeatures
from timeline.text import content_words, detokenize, merge_names, sentence_spans, words

SAME_DATE_SIM = 0.06
# A precise date away from every publication day ("the runoff on June 20", two months ahead) is
# named for one happening, so its mentions need only a little shared content; the days the news is
# about carry many distinct events and need more.
SAME_QUIET_DATE_SIM = 0.01
NEWS_DAY_SPAN = 2
ATTACH_SIM = {"week": 0.05, "month": 0.05, "quarter": 0.1, "season": 0.1, "year": 0.15}
# Inside one article two sentences must share much more to report one event: an article rarely
# says the same thing twice, while it often lists several things happening in one week.
SAME_ARTICLE_DISCOUNT = 0.25
CONFLICT_SIM = 0.12  # centroid cosine (with context) two disagreeing clusters need at least
CONFLICT_MINORITY = 1  # articles giving the minority date, at most
CONFLICT_MAJORITY = 3  # articles giving the majority date, at least
CONFLICT_WINDOW = 31  # days: a disagreement is about the same week or month, not a year apart
CONFLICT_RARE = 0.2  # a word next to more than this share of all dates names no particular event
WINDOW = 4  # words either side of a date that say what it is the date of
MAX_ATTACH_CANDIDATES = 40  # precise events a coarse mention is compared with, largest first
MAX_AVERAGE_LINK = 60  # above this many mentions on one date, cluster against centroids instead
CONTEXT_WEIGHT = 0.5  # neighbouring sentences count half a word of the mention's own sentence
# Own words are counted this many times and context words once, then all is divided by it: the
# weights above, exactly, with the counting done in C.
CONTEXT_SCALE = round(1 / CONTEXT_WEIGHT)
SUMMARY_CHARS = 320

Vec = dict[str, float]
Bag = Mapping[str, float]  # word -> weighted count
_PRECISE = ("time", "day")


def _key(m: Mention) -> tuple[str, int, int, int]:
    return (m.article_id, m.timex.start, m.timex.end, m.quote_start)


def _surnames(actors: Sequence[str]) -> set[str]:
    return {a.split()[-1].lower().rstrip(".") for a in actors if a.split()}


def mention_features(text: str, mentions: Sequence[Mention]) -> tuple[MentionFeatures, ...]:
    """What the merge compares of each mention of one article: its words, its context, its sentence."""
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    # A sentence is one mention's quote and its neighbours' context, and often holds several dates:
    # find its words once. (Words never span a space, so sentences joined give their words in turn.)
    memo: dict[str, list[str]] = {}

    def words_of(part: str) -> list[str]:
        if part not in memo:
            memo[part] = content_words(part)
        return memo[part]

    out = []
    for m in mentions:
        k = bisect.bisect_right(starts, m.quote_start) - 1
        context = [text[s:e] for s, e in spans[max(0, k - 1) : k] + spans[k + 1 : k + 2]]
        # The clause around the date says more about the event than the sentence: its words again.
        # Surnames sorted: a set's order changes between processes, and the float sums follow it.
        mine = words_of(m.quote) + words_of(m.title) + ["@" + name for name in sorted(_surnames(m.actors))]
        # Counted in C, first-seen order: the counts adding 1.0 per word gives.
        own = dict(Counter(mine))
        scaled = Counter(mine * CONTEXT_SCALE)
        for part in context:
            scaled.update(words_of(part))
        weights = map(operator.truediv, scaled.values(), itertools.repeat(CONTEXT_SCALE))
        full = dict(zip(scaled, weights, strict=True))
        out.append(MentionFeatures(own, full, k, frozenset(_window_words(m))))
    return tuple(out)


def result_features(r: ArticleResult) -> Sequence[MentionFeatures]:
    """One per mention of a result: from the per-article stage, or computed now where missing."""
    if len(r.features) == len(r.mentions):
        return r.features
    return mention_features(r.article.text or "", r.mentions)


def _features(results: Sequence[ArticleResult], mentions: Sequence[Mention]) -> list[MentionFeatures]:
    """Each collected mention's features (see `result_features`)."""
    known: dict[tuple[str, int, int, int], MentionFeatures] = {}
    for r in results:
        if r.article.duplicate_of is not None or not r.mentions:
            continue
        for m, f in zip(r.mentions, result_features(r), strict=True):
            known.setdefault(_key(m), f)
    return [known[_key(m)] for m in mentions]


def idf_table(bags: Sequence[Bag]) -> dict[str, float]:
    """Inverse document frequency of every word of `bags`, over these bags."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    return {t: 1 + math.log((n + 1) / (c + 1)) for t, c in df.items()}


def unseen_idf(n: int) -> float:
    """The IDF a word none of `n` bags holds would have: the weight of a word new to the collection."""
    return 1 + math.log(n + 1)


def _vectors(bags: Sequence[Bag], idf: Mapping[str, float] | None = None, unseen: float = 0.0) -> list[Vec]:
    """Unit TF-IDF vectors of bags of words; IDF over these bags unless a table is given."""
    if idf is None:
        idf = idf_table(bags)
    else:
        missing = {t for bag in bags for t in bag if t not in idf}
        if missing:
            idf = {**idf, **dict.fromkeys(sorted(missing), unseen)}
    out = []
    tf = _Damped()
    for bag in bags:
        # The same products, sums and quotients as a loop per word, in the same order, run by map().
        w = list(map(operator.mul, map(tf.__getitem__, bag.values()), map(idf.__getitem__, bag)))
        norm = math.sqrt(sum(map(operator.mul, w, w))) or 1.0
        out.append(dict(zip(bag, map(operator.truediv, w, itertools.repeat(norm)), strict=True)))
    return out


class _Damped(dict[float, float]):
    """Count -> 1 + log(1 + count), computed once per distinct count (there are few)."""

    def __missing__(self, count: float) -> float:
        value = self[count] = 1 + math.log1p(count)
        return value


def _cos(a: Vec, b: Vec) -> float:
    if len(a) > len(b):
        a, b = b, a
    # Products in a's order, summed in C: the float a loop over a's words gives. Against a large
    # vector (a group's sum) most words are shared, so take them all; else only the shared ones
    # (the zeros left out add nothing).
    if len(b) > 4 * len(a):
        return sum(map(operator.mul, a.values(), map(b.get, a, _ZEROS)), 0.0)
    shared = list(filter(b.__contains__, a))
    return sum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared)), 0.0)


_ZEROS = itertools.repeat(0.0)


def _centroid(vecs: Sequence[Vec]) -> Vec:
    acc: dict[str, float] = defaultdict(float)
    for v in vecs:
        for t, x in v.items():
            acc[t] += x
    return _unit(acc)


def _unit(acc: dict[str, float]) -> Vec:
    """`acc` scaled to length 1, by map() in C: the same sums and quotients, in the same order."""
    norm = math.sqrt(sum(map(operator.mul, acc.values(), acc.values()))) or 1.0
    return dict(zip(acc, map(operator.truediv, acc.values(), itertools.repeat(norm)), strict=True))


class _Similarity:
    """Cosine between mentions: with context across articles, without it inside one article.

    Two mentions of one article share their neighbouring sentences, so with context they would
    look alike whatever they report; across articles the context is what ties "the vote" to "the
    special election".
    """

    def __init__(
        self, mentions: Sequence[Mention], full: list[Vec], own: list[Vec], sentence: list[int]
    ) -> None:
        self.mentions, self.full, self.own, self.sentence = mentions, full, own, sentence

    def __call__(self, a: int, b: int) -> float:
        if self.mentions[a].article_id == self.mentions[b].article_id:
            # Consecutive sentences giving one date usually tell one happening and its details.
            adjacent = abs(self.sentence[a] - self.sentence[b]) <= 1
            return _cos(self.own[a], self.own[b]) * (1.0 if adjacent else SAME_ARTICLE_DISCOUNT)
        # Each side's own words must meet the other's: context alone matching context ("Ossoff" in
        # the sentence before both) would tie any two things the same story mentions.
        return (_cos(self.own[a], self.full[b]) + _cos(self.full[a], self.own[b])) / 2

    def group_profile(self, members: Sequence[int]) -> _Profile:
        """Sums of a group's context vectors, overall and per article, for fast group similarity."""
        total: dict[str, float] = defaultdict(float)
        per_article: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        counts: Counter[str] = Counter()
        for j in members:
            aid = self.mentions[j].article_id
            counts[aid] += 1
            part = per_article[aid]
            for t, x in self.full[j].items():
                total[t] += x
                part[t] += x
        parts = {a: dict(v) for a, v in per_article.items()}
        total_sq = sum(map(operator.mul, total.values(), total.values()))
        own = [self.own[j] for j in members]
        return _Profile(dict(total), total_sq, parts, counts, len(members), own)

    def to_group(self, i: int, p: _Profile) -> float:
        """Cosine of mention i to a group's other articles (own words only when there are none)."""
        aid = self.mentions[i].article_id
        mine = p.per_article.get(aid)
        if mine is not None and len(p.per_article) == 1:
            return _cos(self.own[i], p.own) * SAME_ARTICLE_DISCOUNT
        dot = _cos(self.full[i], p.total)
        sq = p.total_sq
        if mine is not None:
            # |total - mine|^2 = |total|^2 - 2 total.mine + |mine|^2, without building the vector.
            dot -= _cos(self.full[i], mine)
            sq = p.total_sq - 2 * p.cross(aid) + p.norm(aid)
        return dot / math.sqrt(sq) if sq > 1e-12 else 0.0

    def centrality(self, i: int, p: _Profile) -> float:
        """Mean cosine of mention i to the group's mentions from other articles."""
        aid = self.mentions[i].article_id
        n_others = p.size - p.counts.get(aid, 0)
        if n_others <= 0:
            return 0.0
        mine = p.per_article.get(aid)
        dot = _cos(self.full[i], p.total) - (_cos(self.full[i], mine) if mine else 0.0)
        return dot / n_others


class _Profile:
    """A group's context vectors summed, overall and per article; the rest worked out on first use.

    Most groups are only asked about the articles of a few mentions, or never for their own-words
    centroid, so those are not computed for every article of every group.
    """

    __slots__ = (
        "_cross",
        "_norms",
        "_own",
        "_own_vecs",
        "counts",
        "per_article",
        "size",
        "total",
        "total_sq",
    )

    def __init__(
        self,
        total: Vec,
        total_sq: float,
        per_article: dict[str, Vec],
        counts: Counter[str],
        size: int,
        own_vecs: list[Vec],
    ) -> None:
        self.total, self.total_sq, self.per_article = total, total_sq, per_article
        self.counts, self.size = counts, size
        self._own_vecs = own_vecs
        self._own: Vec | None = None
        self._cross: dict[str, float] = {}
        self._norms: dict[str, float] = {}

    @property
    def own(self) -> Vec:
        """Centroid of the members' own-words vectors."""
        if self._own is None:
            self._own = _centroid(self._own_vecs)
        return self._own

    def cross(self, aid: str) -> float:
        """total . per_article[aid] (products summed in C, in the order of a loop over the part)."""
        if aid not in self._cross:
            part = self.per_article[aid]
            self._cross[aid] = sum(map(operator.mul, part.values(), map(self.total.__getitem__, part)))
        return self._cross[aid]

    def norm(self, aid: str) -> float:
        """|per_article[aid]|^2."""
        if aid not in self._norms:
            part = self.per_article[aid]
            self._norms[aid] = sum(map(operator.mul, part.values(), part.values()))
        return self._norms[aid]


def _average_link(idx: list[int], sim: Callable[[int, int], float], threshold: float) -> list[list[int]]:
    """Agglomerative clustering, average linkage, ties broken by the smallest member index."""
    idx = sorted(idx)
    clusters: dict[int, list[int]] = {i: [i] for i in idx}
    sums: dict[tuple[int, int], float] = {}
    for p, a in enumerate(idx):
        for b in idx[p + 1 :]:
            sums[(a, b)] = sim(a, b)
    # Each pair's average, kept up to date (only pairs with the merged cluster change), so the best
    # pair is a max() in C instead of a pass in Python over all pairs at every merge.
    avgs = {pair: total for pair, total in sums.items()}  # singletons: the average is the sum
    while len(clusters) > 1:
        best = _best_pair(sums, avgs, clusters, threshold)
        if best is None:
            break
        a, b = best  # a < b: the merged cluster keeps the smaller key
        clusters[a].extend(clusters.pop(b))
        size_a = len(clusters[a])
        for c in list(clusters):
            if c in (a, b) or c == a:
                continue
            ab = sums.pop((min(b, c), max(b, c)), 0.0)
            avgs.pop((min(b, c), max(b, c)), None)
            ac = (min(a, c), max(a, c))
            sums[ac] = sums.get(ac, 0.0) + ab
            avgs[ac] = sums[ac] / (size_a * len(clusters[c]))
        sums.pop((a, b), None)
        avgs.pop((a, b), None)
    return [sorted(c) for c in clusters.values()]


def _best_pair(
    sums: dict[tuple[int, int], float],
    avgs: dict[tuple[int, int], float],
    clusters: dict[int, list[int]],
    threshold: float,
) -> tuple[int, int] | None:
    """The pair of clusters to merge: highest average above the threshold, near-ties by smallest pair."""
    if not avgs:
        return None
    values = list(avgs.values())
    top = max(values)
    if top <= threshold + 1e-12:
        return None
    at = values.index(top)
    values[at] = -math.inf
    if not values or max(values) < top - 2e-12:
        return list(avgs)[at]  # a clear winner: what the full scan below would pick
    # Near-ties within the tolerance: the scan, in its order, decides as it always has.
    best, best_avg = None, threshold
    for (a, b), total in sums.items():
        avg = total / (len(clusters[a]) * len(clusters[b]))
        if avg > best_avg + 1e-12 or (best is not None and abs(avg - best_avg) <= 1e-12 and (a, b) < best):
            best, best_avg = (a, b), avg
    return best


def _leader(idx: list[int], vecs: list[Vec], threshold: float) -> list[list[int]]:
    """Centroid leader clustering in canonical order: linear in clusters, for very busy dates."""
    members: list[list[int]] = []
    centroids: list[Vec] = []
    sums: list[dict[str, float]] = []  # running sums behind the centroids, as `_centroid` adds them
    for a in idx:
        vec = vecs[a]
        best, best_sim = None, threshold
        for j, cen in enumerate(centroids):
            sim = _cos(vec, cen)
            if sim > best_sim:
                best, best_sim = j, sim
        if best is None:
            members.append([a])
            centroids.append(vec)
            sums.append(dict(vec))
            continue
        members[best].append(a)
        if len(members[best]) <= 50:  # the centroid settles: stop paying to update it
            acc = sums[best]
            for t, x in vec.items():
                acc[t] = acc.get(t, 0.0) + x
            # The same sums in the same order as `_centroid` over the first members: the same floats.
            centroids[best] = _unit(acc)
    return members


def _cluster(idx: list[int], sim: _Similarity, threshold: float = SAME_DATE_SIM) -> list[list[int]]:
    """Clusters of one date range's mentions: average link, or leader clustering when crowded."""
    if len(idx) <= MAX_AVERAGE_LINK:
        return _average_link(sorted(idx), sim, threshold)
    return _leader(sorted(idx), sim.full, threshold)


def news_days(articles: Iterable[Article]) -> set[dt.date]:
    """Days the collection reports as news: publication days and the two days before them."""
    days = set()
    for a in articles:
        if a.published is not None and a.duplicate_of is None:
            for back in range(NEWS_DAY_SPAN + 1):
                days.add(a.published - dt.timedelta(days=back))
    return days


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


def _event_id(start: dt.date, title: str) -> str:
    basis = start.isoformat() + "|" + " ".join(sorted(set(content_words(title))))
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def _summary(quote: str) -> str:
    text = detokenize(" ".join(quote.split()))
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text.rfind(" ", 0, SUMMARY_CHARS - 1)
    return text[: cut if cut > 0 else SUMMARY_CHARS - 1].rstrip(",;:") + "…"


def _collect(results: Sequence[ArticleResult]) -> list[Mention]:
    """Mentions of non-duplicate articles, each once, in canonical order."""
    mentions: dict[tuple[str, int, int, int], Mention] = {}
    for r in results:
        if r.article.duplicate_of is not None:
            continue
        for m in r.mentions:
            mentions.setdefault(_key(m), m)
    return [mentions[k] for k in sorted(mentions)]


@dataclass(frozen=True, slots=True)
class Basis:
    """What the merge learned of the whole collection that appending to its timeline reuses."""

    idf_full: dict[str, float]  # IDF of the words of the mentions with their context
    idf_own: dict[str, float]  # IDF of the words of the mentions alone
    mentions: int  # how many mentions both were counted over
    name_words: frozenset[str] = frozenset()  # words of people's names (see `conflict_words`)
    common: frozenset[str] = frozenset()  # words next to too many dates to name a happening

    def near(self, window: frozenset[str]) -> frozenset[str]:
        """The words of a mention's date window that may name its happening: no names, none too common."""
        return window - self.name_words - self.common


def merge_events(results: Sequence[ArticleResult], top: int | None = None) -> tuple[Event, ...]:
    """All articles' mentions -> canonical events in chronological order (the `top` most salient)."""
    return select_top(merge_collection(results)[0], top)


def select_top(events: Sequence[Event], top: int | None) -> tuple[Event, ...]:
    """The `top` most salient events (all when None) in chronological order."""
    kept = list(events)
    if top is not None and top >= 0:
        kept = sorted(kept, key=lambda e: (-e.salience, e.id))[:top]
    kept.sort(key=lambda e: (e.start, e.end, -e.salience, e.id))
    return tuple(kept)


def merge_collection(results: Sequence[ArticleResult]) -> tuple[tuple[Event, ...], Basis]:
    """Every event of the collection in chronological order, and the collection basis they were merged on."""
    mentions = _collect(results)
    if not mentions:
        return (), Basis({}, {}, 0)
    feats = _features(results, mentions)
    idf_full = idf_table([f.full for f in feats])
    idf_own = idf_table([f.own for f in feats])
    vecs = _vectors([f.full for f in feats], idf_full)
    sim = _Similarity(mentions, vecs, _vectors([f.own for f in feats], idf_own), [f.sentence for f in feats])

    # Stage 1: same date range, similar content.
    by_range: dict[tuple[dt.date, dt.date, bool], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_range[(m.start, m.end, m.granularity in _PRECISE)].append(i)
    busy_days = news_days(r.article for r in results)
    clusters: list[list[int]] = []
    for rng in sorted(by_range):
        quiet = not any(rng[0] <= d <= rng[1] for d in busy_days) if rng[2] else False
        clusters.extend(_cluster(by_range[rng], sim, SAME_QUIET_DATE_SIM if quiet else SAME_DATE_SIM))
    clusters.sort(key=lambda c: c[0])
    precise = [c for c in clusters if mentions[c[0]].granularity in _PRECISE]
    coarse = [i for c in clusters if mentions[c[0]].granularity not in _PRECISE for i in c]

    # Stage 2: close dates, same content, a shared actor -> one event with conflicts.
    name_words, common = conflict_words(mentions, [f.window for f in feats])
    absorbed = _conflicts(mentions, vecs, precise, [f.window for f in feats], name_words, common)
    events_idx: dict[int, list[int]] = {c[0]: list(c) for c in precise if c[0] not in absorbed}
    conflicts_idx: dict[int, list[int]] = defaultdict(list)
    for lose, win in absorbed.items():
        conflicts_idx[win].extend(next(c for c in precise if c[0] == lose))

    # Stage 3: coarse mentions join the precise event they refine, or stand as their own.
    roots = sorted(events_idx, key=lambda r: (mentions[r].start, r))
    starts = [mentions[r].start for r in roots]
    # Profiles on demand: most events never meet a coarse mention, and those that gain none keep
    # theirs for building the event.
    profiles: dict[int, _Profile] = {}
    precise_size = {r: len(events_idx[r]) for r in roots}  # profiles are of the precise members
    grown: set[int] = set()
    rank = {r: (-len(events_idx[r]), r) for r in roots}  # largest events first, kept up to date
    leftover: list[int] = []
    for i in coarse:
        m = mentions[i]
        threshold = ATTACH_SIM.get(m.granularity)
        best, best_sim = None, threshold if threshold is not None else 2.0
        lo, hi = bisect.bisect_left(starts, m.start), bisect.bisect_right(starts, m.end)
        in_range = roots[lo:hi]
        if len(in_range) > MAX_ATTACH_CANDIDATES:
            # A year holds thousands of events; a coarse mention refines one of the big ones.
            in_range = sorted(in_range, key=rank.__getitem__)[:MAX_ATTACH_CANDIDATES]
        for r in in_range:
            if r not in profiles:
                profiles[r] = sim.group_profile(events_idx[r][: precise_size[r]])
            s = sim.to_group(i, profiles[r])
            if s > best_sim or (best is not None and s == best_sim and r < best):
                best, best_sim = r, s
        if best is None:
            leftover.append(i)
        else:
            events_idx[best].append(i)
            grown.add(best)
            rank[best] = (-len(events_idx[best]), best)
    by_coarse: dict[tuple[dt.date, dt.date], list[int]] = defaultdict(list)
    for i in leftover:
        by_coarse[(mentions[i].start, mentions[i].end)].append(i)
    for rng in sorted(by_coarse):
        for c in _cluster(by_coarse[rng], sim):
            events_idx[c[0]] = c

    stats = salience.date_stats(results)
    kept = {r: p for r, p in profiles.items() if r not in grown}
    events = _build_events(mentions, sim, events_idx, conflicts_idx, stats, kept)
    return select_top(events, None), Basis(idf_full, idf_own, len(mentions), name_words, common)


def _window_words(m: Mention, width: int = WINDOW) -> set[str]:
    """Content words within `width` words of the date in its sentence: what the date is the date of."""
    off = m.timex.start - m.quote_start
    if not 0 <= off <= len(m.quote):
        return set()
    left = words(m.quote[:off])[-width:]
    right = words(m.quote[off + len(m.timex.text) :])[:width]
    return set(content_words(" ".join(left + right)))


def conflict_words(
    mentions: Sequence[Mention], window_words: Sequence[frozenset[str]]
) -> tuple[frozenset[str], frozenset[str]]:
    """Words that cannot name a happening next to a date: people's names, and words next to many dates."""
    name_words = frozenset(w.lower() for m in mentions for a in m.actors for w in a.split())
    window_df = Counter(w for ws in window_words for w in ws - name_words)
    # Words next to many dates ("confirmed", "said") name no particular happening.
    common = frozenset(w for w, n in window_df.items() if n > max(8, CONFLICT_RARE * len(mentions)))
    return name_words, common


def _conflicts(
    mentions: list[Mention],
    vecs: list[Vec],
    precise: list[list[int]],
    window_words: list[frozenset[str]],
    name_words: frozenset[str],
    common: frozenset[str],
) -> dict[int, int]:
    """Stage 2: which precise clusters (by root) are another cluster's disagreeing minority."""
    seq_pairs = _sentence_pairs(mentions)
    order = sorted(precise, key=lambda c: (mentions[c[0]].start, c[0]))
    days = [mentions[c[0]].start for c in order]
    names = {c[0]: set().union(*(_surnames(mentions[i].actors) for i in c)) for c in order}
    windows = [w - name_words for w in window_words]
    near = {c[0]: {w for i in c for w in windows[i]} - common for c in order}
    arts = {c[0]: len({mentions[i].article_id for i in c}) for c in order}
    cen: dict[int, Vec] = {}  # centroids of the few clusters that get compared

    def centroid(c: list[int]) -> Vec:
        if c[0] not in cen:
            cen[c[0]] = _centroid([vecs[i] for i in c])
        return cen[c[0]]

    # A disagreement is a lone source against an agreeing majority, so every pair holds one of the
    # few majorities: pair each with the clusters up to CONFLICT_WINDOW days either side of it,
    # as (earlier, later) like a scan of all pairs would.
    window = dt.timedelta(days=CONFLICT_WINDOW)
    pairs = []
    for pos, c in enumerate(order):
        if arts[c[0]] < CONFLICT_MAJORITY:
            continue
        lo = bisect.bisect_left(days, days[pos] - window)
        hi = bisect.bisect_right(days, days[pos] + window)
        pairs.extend((order[q], c) for q in range(lo, pos) if arts[order[q][0]] <= CONFLICT_MINORITY)
        pairs.extend((c, order[q]) for q in range(pos + 1, hi) if arts[order[q][0]] <= CONFLICT_MINORITY)
    candidates = []
    for a, b in pairs:
        da, db = mentions[a[0]].start, mentions[b[0]].start
        if da == db or (da, db) in seq_pairs:
            continue
        # Different people on different days are a series ("Kaine on Wednesday, Harris the
        # next night"), not one event dated two ways; so is a different kind of happening.
        # The words next to the date name the happening ("a June 2 runoff", "a runoff election
        # on June 20"): they must agree too.
        if not (names[a[0]] & names[b[0]]) or not (near[a[0]] & near[b[0]]):
            continue
        sim = _cos(centroid(a), centroid(b))
        if sim >= CONFLICT_SIM:
            candidates.append((-round(sim, 9), a[0], b[0], a, b))
    candidates.sort(key=lambda x: x[:3])

    def support(c: list[int]) -> tuple[int, int, float, int]:
        arts = len({mentions[i].article_id for i in c})
        best_gran = min(_gran_rank(mentions[i].granularity) for i in c)
        conf = sum(mentions[i].confidence for i in c) / len(c)
        return (arts, -best_gran, round(conf, 9), -c[0])

    absorbed: dict[int, int] = {}
    winners: set[int] = set()
    for _s, _ra, _rb, a, b in candidates:
        if a[0] in absorbed or b[0] in absorbed:
            continue
        win, lose = (a, b) if support(a) >= support(b) else (b, a)
        if lose[0] in winners:
            continue  # a winner keeps its own date: disagreement does not chain
        absorbed[lose[0]] = win[0]
        winners.add(win[0])
    return absorbed


def _title_rank(
    i: int, mentions: list[Mention], sim: _Similarity, profile: _Profile, has_precise: bool
) -> tuple[bool, bool, float, float, tuple[str, int, int, int]]:
    """Sort key of the mention that speaks for an event (smallest first).

    A precise mention, outside quotation marks, most similar to the other articles' mentions
    (same-article ones share context, so they would flatter each other), then the most confident.
    """
    m = mentions[i]
    return (
        *_title_class(m, has_precise),
        -round(sim.centrality(i, profile), 9),
        -m.confidence,
        _key(m),
    )


def _title_class(m: Mention, has_precise: bool) -> tuple[bool, bool]:
    """The leading part of `_title_rank`: coarse when the event has a precise date, then quoted."""
    quoted = m.quote[:1] in "“\"'‘`" or len(content_words(m.title)) < 3
    return (m.granularity not in _PRECISE and has_precise, quoted)


def _build_events(
    mentions: list[Mention],
    sim: _Similarity,
    events_idx: dict[int, list[int]],
    conflicts_idx: dict[int, list[int]],
    stats: salience.DateStats,
    profiles: dict[int, _Profile],
    taken: frozenset[str] = frozenset(),
) -> list[Event]:
    """Events from their members' indices (by root), titled, summarised and scored; ids not in `taken`."""
    events: list[Event] = []
    used_ids: set[str] = set(taken)
    for root in sorted(events_idx):
        members = sorted(events_idx[root])
        dated = [mentions[i] for i in members if mentions[i].granularity in _PRECISE]
        if dated:
            start, end = dated[0].start, dated[0].end
        else:
            # Coarse-only: the narrowest range among them (they share one in practice).
            start, end = min(
                ((mentions[i].start, mentions[i].end) for i in members),
                key=lambda d: ((d[1] - d[0]).days, d),
            )
        on_date = [mentions[i] for i in members if (mentions[i].start, mentions[i].end) == (start, end)]
        gran = min((m.granularity for m in on_date), key=_gran_rank)
        # Only mentions of the best class can speak for the event: rank those alone, and when one
        # is left no similarity is needed at all.
        classes = [_title_class(mentions[i], bool(dated)) for i in members]
        lead = min(classes)
        contenders = [i for i, c in zip(members, classes, strict=True) if c == lead]
        if len(contenders) == 1:
            best = contenders[0]
        else:
            # A profile from stage 3 is of these very members in this order (clusters are sorted).
            profile = profiles.get(root) or sim.group_profile(members)
            best = min(contenders, key=lambda i: _title_rank(i, mentions, sim, profile, bool(dated)))
        canon = mentions[best]
        sources = tuple(sorted((mentions[i] for i in members), key=_key))
        conflicts = tuple(sorted((mentions[i] for i in conflicts_idx.get(root, ())), key=_key))
        eid = _event_id(start, canon.title)
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
