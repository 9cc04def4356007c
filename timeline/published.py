"""Publication-date inference for articles that came without one.

Evidence, strongest first:
1. the article's own header or metadata (set by ingest, confidence 1.0; never overridden);
2. its content: a dateline, a tweet signature ("— Name (@handle) April 19, 2017", the latest one
   wins: the article quotes tweets already posted), or the latest explicit full date the text treats
   as past, when the weekdays it mentions fit;
3. a near-duplicate dated article ("duplicate");
4. the dated articles telling the same story ("story"): the publication date most supported by the
   most similar dated articles, never before the latest explicit past date the article states;
5. explicit-date bounds: the latest explicit past date as a weak lower-bound guess.
No evidence leaves the article undated ("none"); the clock is never consulted.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from timeline.dedupe import find_duplicates
from timeline.model import Article, ArticleResult, Timex
from timeline.text import (
    WEEKDAYS,
    content_words,
    explicit_dates,
    is_signature,
    names,
    sentence_at,
    sentence_spans,
)

EARLIEST = dt.date(1800, 1, 1)  # htmldate-style plausibility: anything earlier is a misreading
LATEST = dt.date(2200, 1, 1)
_FUTURE_CUES = re.compile(
    r"\b(will|'ll|shall|going to|is to|are to|to be held|scheduled|set to|set for|slated|upcoming|"
    r"headed to|heads to|heading to|due|next|expected to|plans? to|until|by|deadline|would|faces?|"
    r"facing)\b",
    re.I,
)
_DATELINE_RE = re.compile(
    r"^\s*(?:(?:published|posted|updated|last updated|first published)\s*(?:on|:)?\s*|"
    r"[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w. ]{1,20})?\s*[,(—–-]\s*)",
    re.I,
)
_WEEKDAY_RE = re.compile(
    r"\b(?<!next )(?<!last )(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I
)
STORY_MIN_SIM = 0.12
STORY_TOP = 5
STORY_STALE_DAYS = 30


@dataclasses.dataclass(frozen=True, slots=True)
class _Dated:
    day: dt.date
    start: int
    end: int


def _full_dates(text: str, timexes: Iterable[Timex]) -> list[_Dated]:
    """Fully written day dates: the tagger's absolute ones plus a regex safety net."""
    found: dict[int, _Dated] = {}
    for t in timexes:
        if (
            t.anchor == "absolute"
            and t.granularity in ("day", "time")
            and t.range_start is not None
            and t.range_start == t.range_end
            and re.search(r"\d{4}", t.text)
        ):
            found[t.start] = _Dated(t.range_start, t.start, t.end)
    # A regex date inside a tagged one is the same date. Explicit dates come in text order, so the
    # furthest end among the spans starting at or before one decides: no scan of all spans per date.
    tagged = sorted((d.start, d.end) for d in found.values())
    tagged_starts = [start for start, _ in tagged]
    reach = list(itertools.accumulate((end for _, end in tagged), max))
    added_reach = -1  # furthest end of the regex dates added so far (they start earlier)
    for start, end, day in explicit_dates(text):
        k = bisect.bisect_right(tagged_starts, start) - 1
        if (k >= 0 and reach[k] > start) or added_reach > start:
            continue
        found[start] = _Dated(day, start, end)
        added_reach = max(added_reach, end)
    return [found[k] for k in sorted(found) if EARLIEST <= found[k].day <= LATEST]


def _is_future(text: str, spans: Sequence[tuple[int, int]], d: _Dated) -> bool:
    """True when the sentence looks ahead to the date ("will move to a runoff on June 20, 2017")."""
    span = sentence_at(spans, d.start)
    s = span[0] if span else max(0, d.start - 200)
    return bool(_FUTURE_CUES.search(text[s : d.start]))


def weekdays_mentioned(text: str) -> set[int]:
    """Weekday numbers (Mon=0) the text names bare, as in "Tuesday's vote" (not "next Tuesday")."""
    return {WEEKDAYS[m.group(1).lower()] for m in _WEEKDAY_RE.finditer(text)}


def weekday_fit(day: dt.date, mentioned: set[int]) -> bool:
    """A news text names its own day or the day before ("Tuesday's vote" read on Wednesday)."""
    if not mentioned:
        return True
    return day.weekday() in mentioned or (day.weekday() - 1) % 7 in mentioned


def _snippet(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    span = sentence_at(spans, start)
    s, e = span if span else (start, end)
    e = max(e, end)
    quote = " ".join(text[s:e].split())
    return quote if len(quote) <= 200 else quote[:197] + "..."


def _with(article: Article, day: dt.date, source: str, conf: float, evidence: str) -> Article:
    return dataclasses.replace(
        article,
        published=day,
        published_source=source,  # type: ignore[arg-type]
        published_confidence=round(max(0.0, min(1.0, conf)), 3),
        published_evidence=evidence,
    )


def content_evidence(article: Article, timexes: Sequence[Timex]) -> tuple[dt.date, float, str, str] | None:
    """The best date the text gives for itself: (date, confidence, evidence, kind) or None."""
    text = article.text or ""
    spans = sentence_spans(text)
    dates = _full_dates(text, timexes)
    if not dates:
        return None
    # A dateline opens the text: "WASHINGTON, April 19, 2017 —", "Published: 19 April 2017".
    first = dates[0]
    if (
        first.start < 80
        and _DATELINE_RE.match(text[: first.start] or " ")
        and "\n" not in text[: first.start].strip()
    ):
        return (first.day, 0.9, " ".join(text[: first.end].split()), "dateline")
    signed = [d for d in dates if is_signature(text, d.start)]
    if signed:
        best = max(signed, key=lambda d: (d.day, d.start))
        line_start = text.rfind("\n", 0, best.start) + 1
        sig = text[max(line_start, best.start - 80) : best.end]
        dash = max(sig.rfind("—"), sig.rfind("–"))
        return (best.day, 0.8, " ".join((sig[dash:] if dash >= 0 else sig).split()), "signature")
    past = [d for d in dates if not _is_future(text, spans, d)]
    if not past:
        return None
    best = max(past, key=lambda d: (d.day, d.start))
    fits = weekday_fit(best.day, weekdays_mentioned(text))
    return (
        best.day,
        0.5 if fits else 0.3,
        _snippet(text, best.start, best.end, spans),
        "latest" if fits else "bound",
    )


def infer_from_content(article: Article, timexes: Sequence[Timex] | None = None) -> Article:
    """Date an undated article from its own words (dateline, signature, latest past date)."""
    if article.published is not None:
        return article
    try:
        found = content_evidence(article, tuple(timexes or ()))
    except (ValueError, IndexError, TypeError, AttributeError):
        found = None  # a malformed timex must not stop the article
    if found is None or found[3] == "bound":
        return article  # a bound is only a last resort, after the collection had its say
    day, conf, evidence, _kind = found
    return _with(article, day, "content", conf, evidence)


def _vector(article: Article) -> Counter[str]:
    text = article.text or ""
    vec = Counter(content_words(text))
    for name in names(text):
        vec["@" + name.lower()] += 2  # a shared name says "same story" more than a shared word
    return vec


def _tfidf(vectors: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    df: Counter[str] = Counter()
    for vec in vectors.values():
        df.update(vec.keys())
    n = len(vectors)
    out = {}
    for key, vec in vectors.items():
        weights = {w: (1 + math.log(c)) * (1 + math.log((n + 1) / (df[w] + 1))) for w, c in vec.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        out[key] = {w: v / norm for w, v in weights.items()}
    return out


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


class _StoryIndex:
    """The dated articles' vectors by word, to find an article's closest ones without scoring all."""

    def __init__(self, vecs: dict[str, dict[str, float]], dated: list[Article]) -> None:
        self.vecs, self.dated = vecs, dated
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.peak: dict[str, float] = defaultdict(float)  # a word's largest weight in any dated vector
        for i, d in enumerate(dated):
            for w, x in vecs[d.id].items():
                self.postings[w].append(i)
                self.peak[w] = max(self.peak[w], x)

    def closest(self, article: Article, top: int, floor: float) -> list[tuple[float, str, Article]]:
        """(rounded cosine, id, article) of other dated articles, holding every one that can be among
        the `top` most similar with a cosine of at least `floor`, exactly as a scan of all would rank.

        A first guess scores the articles sharing the article's heaviest (rarest) words: the `top`-th
        best of those raises the bar. Words whose largest possible contributions sum below the bar
        cannot lift an article over it on their own (MaxScore), so only articles holding one of the
        other words are scored.
        """
        vec = self.vecs[article.id]
        scored: dict[int, float] = {}

        def score(i: int) -> None:
            if i not in scored and self.dated[i].id != article.id:
                scored[i] = round(_cos(vec, self.vecs[self.dated[i].id]), 6)

        for w in sorted(vec, key=vec.__getitem__, reverse=True)[:8]:
            for i in self.postings.get(w, ()):
                score(i)
        ranked = sorted(scored.values(), reverse=True)
        # Margins: an article under the bar rounds below the guess, which is at most the true top-th.
        bar = max(floor, ranked[top - 1] - 1e-5) if len(ranked) >= top else floor
        bounds = sorted((x * self.peak.get(w, 0.0), w) for w, x in vec.items())
        total, essential = 0.0, len(bounds)
        for k, (bound, _w) in enumerate(bounds):
            if total + bound >= bar:
                essential = k
                break
            total += bound
        found: set[int] = set()
        for _bound, w in bounds[essential:]:
            found.update(self.postings.get(w, ()))
        words = set(vec)
        for i in found.difference(scored):
            other = self.vecs[self.dated[i].id]
            # A first pass in C over the shared words only; its sum may differ from `_cos` in the
            # last bit, so a margin decides who gets the exact cosine (few: most fall far short).
            common = words.intersection(other)
            rough = sum(map(operator.mul, map(vec.__getitem__, common), map(other.__getitem__, common)))
            if rough >= bar - 1e-9:
                score(i)
        return [(s, self.dated[i].id, self.dated[i]) for i, s in scored.items()]


def _story_date(
    article: Article,
    index: _StoryIndex,
    lower: dt.date | None,
    weekdays: set[int],
) -> tuple[dt.date, float, str] | None:
    """The publication date the most similar dated articles support, within the article's bounds."""
    # Articles below the threshold or the top never count, so those the index rules out (a margin
    # under them, for rounding) change nothing.
    sims = sorted(index.closest(article, STORY_TOP, STORY_MIN_SIM - 1e-5), key=lambda x: (-x[0], x[1]))
    top = [(s, d) for s, _, d in sims[:STORY_TOP] if s >= STORY_MIN_SIM]
    if not top:
        return None
    votes: dict[dt.date, float] = defaultdict(float)
    support: dict[dt.date, list[str]] = defaultdict(list)
    for s, d in top:
        assert d.published is not None
        votes[d.published] += s
        support[d.published].append(d.id)
    for day in sorted(votes, key=lambda k: (-votes[k], k)):
        if lower is not None and day < lower:
            continue  # the article states a later past date: it cannot be that old
        # Counts, not raw cosines: an unrelated article added to the collection shifts every IDF a
        # little, and must not change this article's date or confidence.
        agree = len(support[day])
        conf = min(0.7, 0.35 + 0.25 * agree / len(top) + 0.05 * min(2, agree - 1))
        if not weekday_fit(day, weekdays):
            conf *= 0.7
        ids = ", ".join(sorted(support[day]))
        return (day, conf, f"same story as {ids} (published {day.isoformat()})")
    return None


def as_duplicate(article: Article, canon: Article, sim: float) -> Article:
    """`article` marked as a near-duplicate of `canon`, dated from it when it has no better date."""
    a = dataclasses.replace(article, duplicate_of=canon.id)
    if (
        a.published_source not in ("header", "metadata")
        and canon.published is not None
        and canon.published_source != "none"
    ):
        conf = round(0.95 * min(1.0, canon.published_confidence or 0.5) * max(sim, 0.8), 3)
        if a.published is None or conf > a.published_confidence:
            a = _with(
                a, canon.published, "duplicate", conf, f"near-duplicate of {canon.id} (similarity {sim:.2f})"
            )
    return a


def needs_story_date(article: Article) -> bool:
    """Whether the collection pass tries to date `article` from the story: undated, or weakly dated."""
    return article.status == "ok" and (
        article.published is None
        or (article.published_source == "content" and article.published_confidence <= 0.5)
    )


def infer_from_collection(results: Sequence[ArticleResult]) -> list[Article]:
    """Articles in the same order, with duplicates marked and undated ones dated from the collection."""
    articles = [r.article for r in results]
    try:
        return _infer_from_collection(results)
    except (ValueError, IndexError, TypeError, AttributeError, KeyError, ZeroDivisionError):
        return articles  # inference is best effort: the articles as they came are still valid


def _infer_from_collection(results: Sequence[ArticleResult]) -> list[Article]:
    articles = [r.article for r in results]
    by_id = {a.id: a for a in articles}
    # Skipped articles (unreadable, empty) take no part: they are listed, never linked.
    signatures = {r.article.id: r.signature for r in results if r.signature is not None}
    dups = find_duplicates([a for a in articles if a.status == "ok"], signatures)
    out: dict[str, Article] = {}
    for a in articles:
        if a.id in dups:
            canon_id, sim = dups[a.id]
            a = as_duplicate(a, by_id[canon_id], sim)
        elif a.duplicate_of is not None:
            a = dataclasses.replace(a, duplicate_of=None)
        out[a.id] = a
    timexes = {r.article.id: r.timexes for r in results}
    # Story evidence compares only against articles dated by header/metadata or content, never
    # against ones dated by this same pass, so the result does not depend on input order.
    dated = sorted(
        (a for a in out.values() if a.published is not None and a.duplicate_of is None and a.status == "ok"),
        key=lambda a: a.id,
    )
    needy = [a for a in out.values() if needs_story_date(a)]
    if needy and dated:
        index = _StoryIndex(_tfidf({a.id: _vector(a) for a in out.values()}), dated)
        for a in needy:
            ev = content_evidence(dataclasses.replace(a, published=None), timexes.get(a.id, ()))
            text = a.text or ""
            spans = sentence_spans(text)
            past = [d for d in _full_dates(text, timexes.get(a.id, ())) if not _is_future(text, spans, d)]
            lower = max((d.day for d in past), default=None)
            story = _story_date(a, index, lower, weekdays_mentioned(text))
            if story is None:
                if a.published is None and ev is not None:
                    day, _conf, evidence, _kind = ev
                    out[a.id] = _with(a, day, "content", 0.25, f"on or after: {evidence}")
                continue
            day, conf, evidence = story
            # A weak content date far older than the story ("the 11 September 2001 attacks") is a
            # date the article cites, not the day it was written.
            stale = a.published is not None and (day - a.published).days > STORY_STALE_DAYS
            if a.published is None or (a.published != day and (conf > a.published_confidence or stale)):
                out[a.id] = _with(a, day, "story", conf, evidence)
    return [out[a.id] for a in articles]
