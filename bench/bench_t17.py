"""Date selection on T17-style topics: Date-F1 of the most salient events against the gold timelines.

Usage: python bench/bench_t17.py DATA_DIR [--jobs N] [--topic NAME ...] [--append-share 0.05 ...]

DATA_DIR holds one folder per topic, each with `articles.json` (a list of {uid, dct, text, ...}; only
those three fields are used) and `timeline.json` (a list of {date, text}). For each topic the
articles are built with their `dct` as metadata publication date, run through the per-article
stages and the merge, and the k = |gold dates| most salient day-precise events dated between the gold
timeline's first and last date give k distinct dates (an event whose date is already taken is
skipped). Date-F1 is the set F1 of those dates against the gold dates, as in Ghalandari & Ifrim
(ACL 2020). The publication-count baseline ranks the same window's days by articles published.

With --append-share F, the topic is also built as a desk would grow it: the oldest articles in full, then
the newest F appended (`timeline build --append`), and the same Date-F1 is given for that timeline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline import append, merge, published
from timeline import events as events_mod
from timeline.model import Article, ArticleResult, Event


def _analyse(article: Article) -> ArticleResult:
    """The pipeline's per-article stage when it exists, else the same steps done here."""
    try:
        from timeline.pipeline import analyse_article
    except ImportError:
        from timeline.temporal import tag

        timexes = tuple(tag(article.text, article.published))
        return ArticleResult(article, timexes, tuple(events_mod.extract_mentions(article, timexes)))
    return analyse_article(article)


def load_topic(folder: Path) -> tuple[list[Article], list[dt.date]]:
    """Articles (dct as metadata date) and the gold timeline's dates of one topic folder."""
    raw = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    articles = [
        Article(
            id=str(item["uid"]),
            text=item.get("text") or "",
            published=dt.date.fromisoformat(str(item["dct"])[:10]),
            published_source="metadata",
            published_confidence=1.0,
        )
        for item in raw
    ]
    gold = json.loads((folder / "timeline.json").read_text(encoding="utf-8"))
    dates = sorted({dt.date.fromisoformat(str(g["date"])[:10]) for g in gold})
    return articles, dates


def select_dates(events: Sequence[Event], k: int, first: dt.date, last: dt.date) -> list[dt.date]:
    """The k distinct dates of the most salient day-precise events within [first, last]."""
    picked: list[dt.date] = []
    for e in sorted(events, key=lambda e: (-e.salience, e.start, e.id)):
        if len(picked) >= k:
            break
        if e.granularity not in ("day", "time") or e.start != e.end:
            continue
        if first <= e.start <= last and e.start not in picked:
            picked.append(e.start)
    return picked


def pub_baseline(articles: Sequence[Article], k: int, first: dt.date, last: dt.date) -> list[dt.date]:
    """The k days in [first, last] with the most articles published (earlier day on ties)."""
    counts = Counter(a.published for a in articles if a.published and first <= a.published <= last)
    return [d for d, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:k]]


def date_f1(predicted: Sequence[dt.date], gold: Sequence[dt.date]) -> float:
    """Set F1 of predicted dates against gold dates."""
    p, g = set(predicted), set(gold)
    hits = len(p & g)
    if not hits:
        return 0.0
    precision, recall = hits / len(p), hits / len(g)
    return 2 * precision * recall / (precision + recall)


def run_topic(
    folder: Path, jobs: int, shares: Sequence[float] = ()
) -> tuple[float, float, float, int, list[str]]:
    """(Date-F1, baseline F1, seconds, articles, Date-F1 after appending each share) for one topic."""
    articles, gold = load_topic(folder)
    started = time.perf_counter()
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            analysed = list(pool.map(_analyse, articles, chunksize=8))
    else:
        analysed = [_analyse(a) for a in articles]
    events = merge.merge_events(_linked(analysed))
    seconds = time.perf_counter() - started
    k, first, last = len(gold), gold[0], gold[-1]
    f1 = date_f1(select_dates(events, k, first, last), gold)
    base = date_f1(pub_baseline(articles, k, first, last), gold)
    appended = []
    for share in shares:
        try:
            grown = append_newest(analysed, share)
            appended.append(f"{date_f1(select_dates(grown, k, first, last), gold):.3f}")
        except append.CannotAppend as exc:
            appended.append(f"refused ({exc})")
    return f1, base, seconds, len(articles), appended


def _linked(analysed: Sequence[ArticleResult]) -> list[ArticleResult]:
    linked = published.infer_from_collection(analysed)
    return [ArticleResult(a, r.timexes, r.mentions) for a, r in zip(linked, analysed, strict=True)]


def append_newest(analysed: Sequence[ArticleResult], share: float) -> tuple[Event, ...]:
    """Every event after a full build of the oldest articles and `--append` of the newest `share` of them."""
    order = sorted(analysed, key=lambda r: (r.article.published or dt.date.min, r.article.id))
    cut = len(order) - round(share * len(order))
    old = _linked(order[:cut])
    events, basis = merge.merge_collection(old)
    keys = {r.article.id: r.article.id for r in old}
    state = append.state_of_build("bench", keys, old, keys, events, basis)
    store = {r.article.id: r for r in old}
    grown = append.append(
        state, {r.article.id: r for r in order[cut:]}, lambda ids: {i: store[i] for i in ids if i in store}
    )
    return grown.events


def main(argv: Sequence[str] | None = None) -> int:
    """Run every topic of DATA_DIR and print per-topic and mean Date-F1 with the baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for per-article work")
    parser.add_argument("--topic", action="append", default=[], help="only these topic folders")
    parser.add_argument(
        "--append-share",
        type=float,
        action="append",
        default=[],
        help="also build the oldest articles in full and append this share of the newest (repeatable)",
    )
    args = parser.parse_args(argv)
    topics = sorted(p for p in args.data_dir.iterdir() if (p / "articles.json").exists())
    if args.topic:
        topics = [p for p in topics if p.name in args.topic]
    if not topics:
        print(f"no topics with articles.json under {args.data_dir}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    scores, bases = [], []
    shares = args.append_share
    extra = "".join(f" {f'append {x:.0%}':>11}" for x in shares)
    print(f"{'topic':30} {'articles':>8} {'Date-F1':>8} {'pubcount':>8} {'seconds':>8}{extra}")
    for folder in topics:
        f1, base, seconds, n, appended = run_topic(folder, args.jobs, shares)
        scores.append(f1)
        bases.append(base)
        print(
            f"{folder.name:30} {n:8d} {f1:8.3f} {base:8.3f} {seconds:8.1f}"
            + "".join(f" {a:>11}" for a in appended)
        )
    mean, mean_base = sum(scores) / len(scores), sum(bases) / len(bases)
    print(f"{'mean':30} {'':8} {mean:8.3f} {mean_base:8.3f}")
    print(f"wall time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
