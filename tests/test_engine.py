"""Engines and the result cache: same results whatever runs them, and a rebuild reuses what it can."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from timeline.cache import ResultCache, article_key
from timeline.engine import LocalEngine, SerialEngine, make_engine, run_articles
from timeline.model import Article, ArticleResult, Mention, Timex


def _fake_analyse(article: Article) -> ArticleResult:
    # A stand-in per-article stage: deterministic, picklable, cheap.
    timex = Timex(0, 3, article.text[:3], "DATE", "2017-04-18", range_start=dt.date(2017, 4, 18))
    mention = Mention(
        article.id, timex, article.text, 0, article.text, dt.date(2017, 4, 18), dt.date(2017, 4, 18), "day"
    )
    return ArticleResult(article, (timex,), (mention,))


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i:04d}", text=f"Art {i} text.") for i in range(n)]


def test_model_objects_pickle_round_trip() -> None:
    result = _fake_analyse(Article(id="x", text="Tue vote.", published=dt.date(2017, 4, 19)))
    assert pickle.loads(pickle.dumps(result)) == result


def test_make_engine_picks_serial_for_one_worker() -> None:
    assert isinstance(make_engine("local", 1), SerialEngine)


def test_local_pool_matches_serial_and_keeps_order() -> None:
    articles = _articles(300)
    serial = list(run_articles(_fake_analyse, articles, SerialEngine(), batch_size=64))
    engine = LocalEngine(2)
    try:
        pooled = list(run_articles(_fake_analyse, articles, engine, batch_size=64))
    finally:
        engine.close()
    assert pooled == serial
    assert [r.article.id for r in pooled] == [a.id for a in articles]


def test_cache_serves_unchanged_articles(tmp_path: Path) -> None:
    articles = _articles(50)
    calls: list[str] = []

    def counting(article: Article) -> ArticleResult:
        calls.append(article.id)
        return _fake_analyse(article)

    with ResultCache(tmp_path) as cache:
        first = list(run_articles(counting, articles, SerialEngine(), cache))
    assert len(calls) == 50
    calls.clear()
    changed = [*articles, Article(id="new", text="A new article.")]
    hits: list[bool] = []
    with ResultCache(tmp_path) as cache:
        second = list(run_articles(counting, changed, SerialEngine(), cache, lambda r, hit: hits.append(hit)))
    assert calls == ["new"], "only the added article is computed again"
    assert second[:50] == first
    assert hits.count(True) == 50


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"text": "Other text."}, id="text edit"),
        pytest.param({"published": dt.date(2020, 1, 1)}, id="new publication date"),
        pytest.param({"title": "A title"}, id="metadata edit"),
    ],
)
def test_cache_key_changes_with_content(change: dict) -> None:
    import dataclasses

    article = Article(id="x", text="Some text.")
    assert article_key(article) != article_key(dataclasses.replace(article, **change))
    assert article_key(article) == article_key(Article(id="x", text="Some text."))


def test_corrupt_cache_row_is_a_miss(tmp_path: Path) -> None:
    with ResultCache(tmp_path) as cache:
        cache._db.execute("INSERT INTO results VALUES ('k', x'00')")
        assert cache.get_many(["k"]) == {}
