"""Append new articles to the last build's timeline without merging the whole collection again.

A full build merges every mention of every article at once: each word's IDF, each date's clusters and
where month and year mentions attach all depend on the whole collection, so one more article can move
events it never mentions, and re-merging 20,000 articles takes most of a minute. Appending keeps the
previous timeline and places only the new articles' mentions, by the full merge's own measures and
thresholds:

- vectors use the IDF of the last full build (a word it never saw weighs as a word in no mention);
- a precise mention ("June 20") joins the most similar event of its date; failing that, an event a
  month or less away, reported by 3+ articles, sharing an actor and the words next to the date, keeps
  it as a conflict ("a June 2 runoff"); failing that, it is a new event;
- a coarse mention ("in June") joins the most similar of the largest precise events in its range, or
  the most similar event of its own range, or is a new event;
- a new near-duplicate is marked as the full build marks it; when it is the better text of its group
  (an updated, longer wire copy), the old canonical text and its copies become its duplicates and the
  old text's mentions leave the timeline;
- the events it touched are rebuilt (title, sources, conflicts); the others keep their ids and content
  (their salience follows the new date counts).

The result is deterministic for a given last build and new articles, but it is not what a full build of
the same articles gives, which may regroup old mentions. Whatever append cannot decide the way the full
build would raises `CannotAppend` with the reason, and the caller builds in full: a changed or removed
article, a new article with no date of its own (the story dates it), an old article that a new canonical
text would date anew, an event left with conflicts only, growth past `GROWTH_LIMIT` since the last full
build, or a cached result gone missing.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from timeline import dedupe, merge, published, salience
from timeline.model import Article, ArticleResult, Event, Mention, MentionFeatures, TextSignature

# Appended articles, as a share of the last full build's, before a full build is due: the IDF and
# the grouping of old mentions drift from what the collection now says.
GROWTH_LIMIT = 0.1
# Precise events a coarse mention may join, fetched with a margin (appending can reorder sizes).
_COARSE_FETCH = merge.MAX_ATTACH_CANDIDATES + 8

Fetch = Callable[[Sequence[str]], Mapping[str, ArticleResult]]  # article ids -> their cached results


class CannotAppend(Exception):
    """Appending would not decide as a full build would: the message says why; build in full."""


@dataclass(frozen=True, slots=True)
class Clues:
    """What stage 2 of the merge compares before any vector: how many articles, which names, which words."""

    articles: int  # distinct articles giving the event's date
    names: frozenset[str]  # their actors' surnames
    near: frozenset[str]  # words next to the date, less names and words next to too many dates


def _clues(core: Sequence[Mention], windows: Sequence[frozenset[str]]) -> Clues:
    return Clues(
        len({m.article_id for m in core}),
        frozenset(n for m in core for n in merge._surnames(m.actors)),
        frozenset(w for ws in windows for w in ws),
    )


def _core_of(event: Event) -> list[Mention]:
    """The sources that made an event in stage 1: those on its own date range and of its kind."""
    where = (event.start, event.end, _precise(event.granularity))
    return [m for m in event.sources if _on(m, where)]


def _on(m: Mention, where: tuple[dt.date, dt.date, bool]) -> bool:
    """Whether a mention gives the date range `where` (start, end, precise) and is of its kind."""
    return (m.start, m.end, _precise(m.granularity)) == where


@dataclass(frozen=True, slots=True)
class BuildState:
    """What a build leaves for the next one to append to (kept in the cache, never published)."""

    tool: str  # fingerprint of the tool that built it: another version merges differently
    inputs: dict[str, str]  # article id -> cache key of the article as read
    results: dict[str, str]  # article id -> cache key of the result whose mentions the timeline holds
    articles: tuple[Article, ...]  # as linked, by id, texts dropped (no export reads them)
    events: tuple[Event, ...]  # every event, before any `top` cut, in chronological order
    basis: merge.Basis
    stats: salience.DateStats
    signatures: dict[str, TextSignature]  # of the readable articles, for near-duplicates
    clues: dict[str, Clues]  # of every precise event: what a disagreeing date must share with it
    full_articles: int  # articles of the last full build
    appended: int = 0  # articles appended since


def state_of_build(
    tool: str,
    inputs: Mapping[str, str],
    results: Sequence[ArticleResult],
    result_keys: Mapping[str, str],
    events: Sequence[Event],
    basis: merge.Basis,
) -> BuildState:
    """The state a full build leaves: its linked results, every event and the merge basis."""
    return BuildState(
        tool=tool,
        inputs=dict(inputs),
        results=dict(result_keys),
        articles=tuple(sorted((_textless(r.article) for r in results), key=lambda a: a.id)),
        events=tuple(events),
        basis=basis,
        stats=salience.date_stats(results),
        signatures=_signatures(results),
        clues=_event_clues(results, events, basis),
        full_articles=len(results),
    )


def _event_clues(
    results: Sequence[ArticleResult], events: Sequence[Event], basis: merge.Basis
) -> dict[str, Clues]:
    windows: dict[tuple[str, int, int, int], frozenset[str]] = {}
    for r in results:
        if r.article.duplicate_of is None:
            for m, f in zip(r.mentions, merge.result_features(r), strict=True):
                windows[merge._key(m)] = basis.near(f.window)
    out = {}
    for e in events:
        if _precise(e.granularity):
            core = _core_of(e)
            out[e.id] = _clues(core, [windows.get(merge._key(m), frozenset()) for m in core])
    return out


def _signature(r: ArticleResult) -> TextSignature:
    return r.signature or dedupe.signature(r.article.text or "")


def _signatures(results: Iterable[ArticleResult]) -> dict[str, TextSignature]:
    """Near-duplicate sketches of the readable articles (from the per-article stage where it made them)."""
    return {r.article.id: _signature(r) for r in results if r.article.status == "ok"}


def _textless(article: Article) -> Article:
    return dataclasses.replace(article, text="") if article.text else article


def check_inputs(state: BuildState, inputs: Mapping[str, str]) -> list[str]:
    """Ids of the new articles among `inputs` (id -> key); raises CannotAppend if any old one changed."""
    changed = sorted(a for a, k in inputs.items() if a in state.inputs and state.inputs[a] != k)
    if changed:
        raise CannotAppend(f"{len(changed)} article(s) changed since the last build, e.g. {changed[0]}")
    gone = sorted(set(state.inputs) - set(inputs))
    if gone:
        raise CannotAppend(f"{len(gone)} article(s) removed since the last build, e.g. {gone[0]}")
    new = sorted(set(inputs) - set(state.inputs))
    if state.appended + len(new) > GROWTH_LIMIT * max(state.full_articles, 1):
        raise CannotAppend(
            f"the collection grew by more than {GROWTH_LIMIT:.0%} since the last full build: "
            "its word weights and groupings are due to be redone"
        )
    return new


def append(state: BuildState, new: Mapping[str, ArticleResult], fetch: Fetch) -> BuildState:
    """The state with the `new` articles (input key -> per-article result) placed among its events."""
    if not new:
        return state
    order = sorted(new, key=lambda k: new[k].article.id)
    linked, changed = _link(state, [new[k] for k in order], fetch)
    # Old canonical texts a new one replaced: their mentions leave the timeline, as in a full build.
    was_canonical = {a.id for a in state.articles if a.duplicate_of is None}
    withdrawn = {i for i, a in changed.items() if a.duplicate_of is not None and i in was_canonical}
    old_articles = [changed.get(a.id, a) for a in state.articles]
    placed = [r for r in linked if r.article.status == "ok" and r.article.duplicate_of is None]
    # The withdrawn articles' mentions, found once: the date counts lose them, and so do their events.
    gone: list[Mention] = []
    losing: set[str] = set()
    for e in state.events if withdrawn else ():
        lost = [m for m in (*e.sources, *e.conflicts) if m.article_id in withdrawn]
        if lost:
            gone += lost
            losing.add(e.id)
    stats = _grown_stats(state, placed, withdrawn, gone)
    busy_days = merge.news_days([*old_articles, *(r.article for r in linked)])
    events, clues = _Placer(state, placed, fetch, stats, busy_days, withdrawn, losing).events()
    articles = tuple(sorted([*old_articles, *(_textless(r.article) for r in linked)], key=lambda a: a.id))
    return dataclasses.replace(
        state,
        inputs={**state.inputs, **{new[k].article.id: k for k in order}},
        results={**state.results, **{new[k].article.id: k for k in order}},
        articles=articles,
        events=events,
        stats=stats,
        clues=clues,
        signatures={**state.signatures, **_signatures(linked)},
        appended=state.appended + len(order),
    )


def _link(
    state: BuildState, new: Sequence[ArticleResult], fetch: Fetch
) -> tuple[list[ArticleResult], dict[str, Article]]:
    """New articles with near-duplicates marked, as `published.infer_from_collection` would.

    Also the old articles whose link changed (id -> article): when a new article is the better text of
    a group (dated, longer), the old canonical one and its duplicates become its duplicates.
    """
    index = dedupe.SketchIndex(state.signatures)
    by_id = {a.id: a for a in state.articles}  # as linked so far, old and new
    original = {r.article.id: r.article for r in new}  # new ones as they came, before any link
    texts = {i: a.text or "" for i, a in original.items()}
    members: dict[str, set[str]] = defaultdict(set)  # canonical id -> the ids of its duplicates
    for a in state.articles:
        if a.duplicate_of is not None:
            members[a.duplicate_of].add(a.id)
    changed: dict[str, Article] = {}

    def read(ids: Iterable[str]) -> None:
        missing = sorted(i for i in ids if i not in texts)
        texts.update({i: res.article.text or "" for i, res in _fetch_all(fetch, missing).items()})

    for r in new:
        a = r.article
        if a.status != "ok":
            continue
        if published.needs_story_date(a):
            raise CannotAppend(f"{a.id} has no date of its own: dating it from the story needs a full build")
        sig = _signature(r)
        candidates = index.candidates(sig)
        read(candidates)
        mine = dedupe.shingles(a.text)
        matched = [
            c for c in candidates if dedupe.similarity(mine, dedupe.shingles(texts[c])) >= dedupe.JACCARD
        ]
        index.add(a.id, sig)
        by_id[a.id] = a
        roots = {by_id[c].duplicate_of or c for c in matched}
        if not roots:
            continue
        group = {a.id, *roots, *(m for root in roots for m in members[root])}
        read(group)
        # The group's canonical text, as find_duplicates chooses it: the dated, then the longer one.
        canon = min(
            sorted(group), key=lambda i: dedupe.canonical_key(dataclasses.replace(by_id[i], text=texts[i]))
        )
        shingled = dedupe.shingles(texts[canon])
        for m in sorted(group - {canon}):
            if m not in original and by_id[m].published_source not in ("header", "metadata"):
                raise CannotAppend(
                    f"{m} would be dated anew as a near-duplicate of {canon}: a full build does that"
                )
            if by_id[m].duplicate_of == canon:
                continue
            sim = round(dedupe.similarity(dedupe.shingles(texts[m]), shingled), 3)
            linked = published.as_duplicate(original.get(m, by_id[m]), by_id[canon], sim)
            by_id[m] = linked
            if m not in original:
                changed[m] = linked
        for root in roots:
            members.pop(root, None)
        members[canon] = group - {canon}
    linked_new = [dataclasses.replace(r, article=by_id.get(r.article.id, r.article)) for r in new]
    return linked_new, changed


def _fetch_all(fetch: Fetch, ids: Sequence[str]) -> Mapping[str, ArticleResult]:
    found = fetch(ids) if ids else {}
    lost = [i for i in ids if i not in found]
    if lost:
        raise CannotAppend(
            f"the cache no longer holds {len(lost)} article(s) of the last build, e.g. {lost[0]}"
        )
    return found


def _grown_stats(
    state: BuildState, placed: Sequence[ArticleResult], withdrawn: set[str], gone: Sequence[Mention]
) -> salience.DateStats:
    """The date counts with the new independent articles added and the withdrawn ones (`gone`) taken out."""
    added = salience.date_stats(placed)
    gone_mentions: dict[str, list[Mention]] = defaultdict(list)
    for m in gone:
        gone_mentions[m.article_id].append(m)
    removed = salience.date_stats(
        [ArticleResult(a, mentions=tuple(gone_mentions[a.id])) for a in state.articles if a.id in withdrawn]
    )
    refs, pubs = Counter(state.stats.refs), Counter(state.stats.pubs)
    refs.update(added.refs)
    pubs.update(added.pubs)
    refs.subtract(removed.refs)
    pubs.subtract(removed.pubs)
    return salience.DateStats(
        {d: n for d, n in refs.items() if n > 0}, {d: n for d, n in pubs.items() if n > 0}
    )


def _precise(granularity: str) -> bool:
    return granularity in merge._PRECISE


class _Placer:
    """Places new mentions among the events of a state, then rebuilds the events it touched."""

    def __init__(
        self,
        state: BuildState,
        placed: Sequence[ArticleResult],
        fetch: Fetch,
        stats: salience.DateStats,
        news_days: set[dt.date],
        withdrawn: AbstractSet[str] = frozenset(),
        losing: AbstractSet[str] = frozenset(),
    ) -> None:
        self.state, self.stats, self.news_days = state, stats, news_days
        # `losing` events hold mentions of a `withdrawn` article: rebuilt without them, or dropped if empty.
        self.withdrawn = withdrawn
        self.old = {e.id: e for e in state.events}
        new_feats: dict[tuple[str, int, int, int], MentionFeatures] = {}
        for r in placed:
            new_feats.update(zip(map(merge._key, r.mentions), merge.result_features(r), strict=True))
        self.new = merge._collect(placed)
        basis = state.basis
        new_windows = {merge._key(m): basis.near(new_feats[merge._key(m)].window) for m in self.new}
        self.by_range: dict[tuple[dt.date, dt.date], list[str]] = defaultdict(list)
        for e in state.events:
            self.by_range[(e.start, e.end)].append(e.id)
        precise = sorted((e.start, e.id) for e in state.events if _precise(e.granularity))
        self.precise_starts = [d for d, _ in precise]
        self.precise_ids = [i for _, i in precise]
        wanted = sorted({*self._candidates(new_windows), *losing})
        self.fetch = fetch
        self.feats = new_feats
        self.mentions: list[Mention] = []
        self.pos: dict[tuple[str, int, int, int], int] = {}
        self.vecs: list[merge.Vec] = []
        self.own: list[merge.Vec] = []
        self.sentences: list[int] = []
        self.windows: list[frozenset[str]] = []
        self.sim = merge._Similarity(self.mentions, self.vecs, self.own, self.sentences)
        # Placing needs only the members that made each candidate event (its core); the rest of an
        # event is read only if a new mention joins it.
        cores = {eid: self._kept(_core_of(self.old[eid])) for eid in wanted}
        self._extend(sorted((m for core in cores.values() for m in core), key=merge._key))
        self._extend(self.new)
        # Events being worked on: old candidates and new ones, as member indices.
        self.members = {eid: [self.pos[merge._key(m)] for m in core] for eid, core in cores.items()}
        self.conflicts: dict[str, list[int]] = {eid: [] for eid in wanted}
        self.size = {eid: len(self._kept(self.old[eid].sources)) for eid in wanted}
        self.range_of: dict[str, tuple[dt.date, dt.date, bool]] = {
            eid: (self.old[eid].start, self.old[eid].end, _precise(self.old[eid].granularity))
            for eid in wanted
        }
        self.touched: set[str] = set(losing)
        self._profiles: dict[str, merge._Profile] = {}

    def _kept(self, mentions: Iterable[Mention]) -> list[Mention]:
        return [m for m in mentions if m.article_id not in self.withdrawn]

    def _extend(self, mentions: Sequence[Mention]) -> None:
        """Make mentions local (vectors by the state's IDF), reading their articles from the cache."""
        fresh = list({merge._key(m): m for m in mentions if merge._key(m) not in self.pos}.values())
        unread = sorted({m.article_id for m in fresh if merge._key(m) not in self.feats})
        for r in _fetch_all(self.fetch, unread).values():
            self.feats.update(zip(map(merge._key, r.mentions), merge.result_features(r), strict=True))
        missing = [m for m in fresh if merge._key(m) not in self.feats]
        if missing:
            raise CannotAppend(f"the cached result of {missing[0].article_id} no longer holds its mentions")
        feats = [self.feats[merge._key(m)] for m in fresh]
        basis = self.state.basis
        unseen = merge.unseen_idf(basis.mentions)
        for m in fresh:
            self.pos[merge._key(m)] = len(self.mentions)
            self.mentions.append(m)
        self.vecs.extend(merge._vectors([f.full for f in feats], basis.idf_full, unseen))
        self.own.extend(merge._vectors([f.own for f in feats], basis.idf_own, unseen))
        self.sentences.extend(f.sentence for f in feats)
        self.windows.extend(basis.near(f.window) for f in feats)

    def _candidates(self, windows: Mapping[tuple[str, int, int, int], frozenset[str]]) -> list[str]:
        """Old events a new mention could join or conflict with, by dates, sizes and clues alone."""
        out: set[str] = set()
        span = dt.timedelta(days=merge.CONFLICT_WINDOW)
        for m in self.new:
            same = self.by_range.get((m.start, m.end), [])
            if _precise(m.granularity):
                out.update(e for e in same if _precise(self.old[e].granularity))
                lo = bisect.bisect_left(self.precise_starts, m.start - span)
                hi = bisect.bisect_right(self.precise_starts, m.start + span)
                names, near = merge._surnames(m.actors), windows[merge._key(m)]
                for eid in self.precise_ids[lo:hi]:
                    clue = self.state.clues.get(eid)
                    if (
                        clue
                        and clue.articles >= merge.CONFLICT_MAJORITY
                        and names & clue.names
                        and near & clue.near
                    ):
                        out.add(eid)
            else:
                out.update(e for e in same if not _precise(self.old[e].granularity))
                lo = bisect.bisect_left(self.precise_starts, m.start)
                hi = bisect.bisect_right(self.precise_starts, m.end)
                in_range = sorted(self.precise_ids[lo:hi], key=lambda e: (-len(self.old[e].sources), e))
                out.update(in_range[:_COARSE_FETCH])
        return sorted(out)

    def _core(self, eid: str) -> list[int]:
        """The members an event's profile is of: those on its own date range and of its kind."""
        where = self.range_of[eid]
        return [i for i in self.members[eid] if _on(self.mentions[i], where)]

    def _profile(self, eid: str) -> merge._Profile:
        if eid not in self._profiles:
            self._profiles[eid] = self.sim.group_profile(self._core(eid))
        return self._profiles[eid]

    def _add(self, eid: str, i: int, conflict: bool = False) -> None:
        (self.conflicts if conflict else self.members)[eid].append(i)
        self.size[eid] = self.size.get(eid, 0) + (not conflict)
        self.touched.add(eid)
        self._profiles.pop(eid, None)

    def _new_event(self, i: int) -> None:
        m = self.mentions[i]
        eid = f"+{i:09d}"  # a working name: the event gets its real id when it is built
        self.members[eid], self.conflicts[eid], self.size[eid] = [i], [], 1
        self.range_of[eid] = (m.start, m.end, _precise(m.granularity))
        self.touched.add(eid)

    def _best(self, i: int, eids: Iterable[str], threshold: float) -> str | None:
        best, best_sim = None, threshold
        for eid in sorted(eids):
            s = self.sim.to_group(i, self._profile(eid))
            if s > best_sim:
                best, best_sim = eid, s
        return best

    def _same_range(self, i: int, eids: Sequence[str], threshold: float) -> str | None:
        """The event of i's own date range it joins, by the test stage 1 of the full merge uses there.

        Up to MAX_AVERAGE_LINK mentions on the range, clusters merge by average link: the mean
        similarity to the event's members must pass; on a crowded range, the similarity to its centroid.
        """
        cores = {e: self._core(e) for e in eids}
        if sum(map(len, cores.values())) + 1 > merge.MAX_AVERAGE_LINK:
            return self._best(i, eids, threshold)
        best, best_sim = None, threshold
        for eid in sorted(eids):
            core = cores[eid]
            s = sum(self.sim(i, j) for j in core) / len(core) if core else 0.0
            if s > best_sim + 1e-12:
                best, best_sim = eid, s
        return best

    def _in_range(self, start: dt.date, end: dt.date, precise: bool) -> list[str]:
        return [e for e, (s, _t, p) in self.range_of.items() if p == precise and start <= s <= end]

    def _place_precise(self, i: int) -> None:
        m = self.mentions[i]
        same = [e for e, r in self.range_of.items() if r == (m.start, m.end, True)]
        quiet = not any(m.start <= d <= m.end for d in self.news_days)
        best = self._same_range(i, same, merge.SAME_QUIET_DATE_SIM if quiet else merge.SAME_DATE_SIM)
        if best is not None:
            self._add(best, i)
            return
        conflict = self._conflict_of(i)
        if conflict is not None:
            self._add(conflict, i, conflict=True)
            return
        self._new_event(i)

    def _conflict_of(self, i: int) -> str | None:
        """The majority event a lone new date disagrees with, by the full merge's stage-2 tests."""
        m = self.mentions[i]
        names = merge._surnames(m.actors)
        near = self.windows[i]
        seq = merge._sentence_pairs([x for x in self.mentions if x.article_id == m.article_id])
        best, best_sim = None, merge.CONFLICT_SIM - 1e-12
        for eid, (start, _end, precise) in sorted(self.range_of.items()):
            if not precise or start == m.start or abs((start - m.start).days) > merge.CONFLICT_WINDOW:
                continue
            core = self._core(eid)
            if len({self.mentions[j].article_id for j in core}) < merge.CONFLICT_MAJORITY:
                continue
            if (m.start, start) in seq or (start, m.start) in seq:
                continue  # one sentence giving both dates: a sequence, not a disagreement
            if not names & {n for j in core for n in merge._surnames(self.mentions[j].actors)}:
                continue
            if not near & {w for j in core for w in self.windows[j]}:
                continue
            s = merge._cos(self.vecs[i], merge._centroid([self.vecs[j] for j in core]))
            if s >= best_sim + 1e-12:
                best, best_sim = eid, s
        return best

    def _place_coarse(self, i: int) -> None:
        m = self.mentions[i]
        threshold = merge.ATTACH_SIM.get(m.granularity)
        if threshold is not None:
            in_range = self._in_range(m.start, m.end, precise=True)
            in_range.sort(key=lambda e: (-self.size[e], e))
            best = self._best(i, in_range[: merge.MAX_ATTACH_CANDIDATES], threshold)
            if best is not None:
                self._add(best, i)
                return
        same = [e for e, r in self.range_of.items() if r == (m.start, m.end, False)]
        best = self._same_range(i, same, merge.SAME_DATE_SIM)
        if best is not None:
            self._add(best, i)
            return
        self._new_event(i)

    def events(self) -> tuple[tuple[Event, ...], dict[str, Clues]]:
        """Every event of the state and the new ones (the touched ones rebuilt), and precise events' clues."""
        new = [self.pos[merge._key(m)] for m in self.new]
        for i in new:  # precise first: coarse mentions refine them
            if _precise(self.mentions[i].granularity):
                self._place_precise(i)
        for i in new:
            if not _precise(self.mentions[i].granularity):
                self._place_coarse(i)
        # The touched old events whole again: the sources they absorbed and their conflicts.
        grown = sorted(e for e in self.touched if e in self.old)
        self._extend(
            sorted(
                self._kept(m for e in grown for m in (*self.old[e].sources, *self.old[e].conflicts)),
                key=merge._key,
            )
        )
        for e in grown:
            held = set(self.members[e])
            self.members[e] += [
                self.pos[k]
                for k in map(merge._key, self._kept(self.old[e].sources))
                if self.pos[k] not in held
            ]
            old_conflicts = [self.pos[merge._key(m)] for m in self._kept(self.old[e].conflicts)]
            self.conflicts[e] = old_conflicts + self.conflicts[e]
            if not self.members[e] and self.conflicts[e]:
                raise CannotAppend(
                    f"event {e} would keep only conflicts once a replaced article's mentions left"
                )
        kept = [e for e in self.state.events if e.id not in self.touched]
        by_root = {min(self.members[e]): e for e in self.touched if self.members[e]}
        rebuilt = merge._build_events(
            self.mentions,
            self.sim,
            {root: self.members[e] for root, e in by_root.items()},
            {root: self.conflicts[e] for root, e in by_root.items() if self.conflicts[e]},
            self.stats,
            {},
            taken=frozenset(e.id for e in kept),
        )
        rescored = [_rescored(e, self.stats) for e in kept]
        clues = {eid: c for eid, c in self.state.clues.items() if eid not in self.touched}
        for e in rebuilt:
            if _precise(e.granularity):
                core = _core_of(e)
                clues[e.id] = _clues(core, [self.windows[self.pos[merge._key(m)]] for m in core])
        return merge.select_top([*rescored, *rebuilt], None), clues


def _rescored(event: Event, stats: salience.DateStats) -> Event:
    score = salience.score(stats, event.start, event.end, event.granularity, event.sources, event.conflicts)
    return event if score == event.salience else dataclasses.replace(event, salience=score)
