"""End-to-end throughput, peak memory and incremental rebuild time on a large collection.

    python bench/bench_scale.py DATA_DIR [--sizes 2000,20000] [--jobs 1 --jobs 0]

DATA_DIR holds T17-style topics (`*/articles.json` with `uid`, `dct`, `text`). The benchmark writes a
JSON Lines collection of N distinct news-length articles into a temporary folder: each is a short run of
consecutive sentences from a source article, keeping its publication date, plus sentences drawn from
other articles of the topic, so texts do not collapse into near-duplicates. For each --jobs value (0 = all
cores) it runs `timeline build` in a subprocess and prints articles/s and peak memory: of the whole build,
and of the per-article stages alone (streamed, results discarded), which should not grow with N. Finally it
adds one article and times `timeline build --append` and a full rebuild, both with the cache.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`])")


def load_topics(data_dir: Path) -> list[list[dict]]:
    """Every topic's articles (uid, dct, text), sorted for a stable sample."""
    topics = []
    for path in sorted(data_dir.glob("*/articles.json")):
        records = json.loads(path.read_text(encoding="utf-8"))
        topics.append(sorted(records, key=lambda r: str(r["uid"])))
    if not topics:
        sys.exit(f"no */articles.json under {data_dir}")
    return topics


def synthesise(topics: list[list[dict]], n: int, seed: int = 17) -> list[dict]:
    """N distinct articles of about news length built from the topics' sentences (deterministic)."""
    rng = random.Random(seed)
    split = [[(r, _SENTENCE_END.split(r["text"])) for r in topic if r.get("text")] for topic in topics]
    out = []
    for i in range(n):
        topic = split[i % len(split)]
        record, sentences = topic[rng.randrange(len(topic))]
        # A short run from one article (it gives the date), then sentences from across the topic, so two
        # synthetic articles rarely share enough to count as near-duplicates.
        start = rng.randrange(max(1, len(sentences) - 4))
        body = sentences[start : start + rng.randint(3, 5)]
        for _ in range(rng.randint(8, 14)):
            _, other = topic[rng.randrange(len(topic))]
            body.append(other[rng.randrange(len(other))])
        out.append({"id": f"s{i:07d}", "published": record["dct"][:10], "text": " ".join(body)})
    return out


def write_jsonl(records: list[dict], path: Path) -> None:
    """Write records one per line."""
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_build(
    input_path: Path, out: Path, jobs: int, cache: Path | None, extra: tuple[str, ...] = ()
) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB, the largest process) of one `timeline build`."""
    config = out.parent / f"bench-{out.name}.yaml"
    config.write_text(f"cache: {json.dumps(str(cache)) if cache else 'null'}\nexports: [yaml]\n")
    # A fresh wrapper process per build so ru_maxrss of the children is this build's alone.
    code = (
        "import resource, subprocess, sys, json\n"
        "p = subprocess.run(sys.argv[1:], check=False)\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'rc': p.returncode, 'maxrss_children': u.ru_maxrss}))\n"
    )
    args = [sys.executable, "-m", "timeline", "build", "--config", str(config), "--input", str(input_path)]
    args += ["--out", str(out), "--quiet", "--jobs", str(jobs), *extra]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report["rc"] != 0:
        sys.exit(f"build failed: {done.stderr}")
    # RUSAGE_CHILDREN is the largest resident set of any waited-for process in the tree (Linux: KiB).
    return seconds, report["maxrss_children"] / 1024


def stage_peak_mib(input_path: Path, jobs: int) -> float:
    """Peak RSS (MiB) of the per-article stages alone, streamed over the input with results discarded."""
    code = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from timeline.engine import make_engine, run_articles\n"
        "from timeline.ingest import read_articles\n"
        "from timeline.pipeline import analyse_article\n"
        "engine = make_engine('local', int(sys.argv[2]))\n"
        "for _ in run_articles(analyse_article, read_articles(Path(sys.argv[1])), engine): pass\n"
        "engine.close()\n"
        "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(max(own, kids))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(input_path), str(jobs)], capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip()) / 1024


def main() -> None:
    """Parse arguments, synthesise the collection, run the builds, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--sizes", default="2000,20000", help="collection sizes, comma-separated")
    parser.add_argument("--jobs", type=int, action="append", help="worker counts (0 = all cores)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs_list = args.jobs or [1, 0]
    topics = load_topics(args.data_dir)
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores; python {sys.version.split()[0]}")
    header = ("articles", "jobs", "seconds", "articles/s", "build peak MiB", "stage peak MiB", "mean chars")
    print("  ".join(f"{h:>14}" for h in header))
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        root = Path(tmp)
        for size in sizes:
            records = synthesise(topics, size)
            mean_chars = sum(len(r["text"]) for r in records) / len(records)
            collection = root / f"c{size}"
            collection.mkdir()
            write_jsonl(records, collection / "articles.jsonl")
            stage_peak = stage_peak_mib(collection, 1)
            for jobs in jobs_list:
                workers = jobs or cores
                seconds, peak = run_build(collection, root / f"out-{size}-{workers}", workers, None)
                row = (
                    size,
                    workers,
                    f"{seconds:.1f}",
                    f"{size / seconds:.0f}",
                    f"{peak:.0f}",
                    f"{stage_peak:.0f}",
                    f"{mean_chars:.0f}",
                )
                print("  ".join(f"{c:>14}" for c in row), flush=True)
        # Incremental rebuild: a cached build of the largest collection, then one article added.
        size = sizes[-1]
        collection = root / f"c{size}"
        cache = root / "cache"
        first, _ = run_build(collection, root / "inc-1", cores, cache)
        extra = synthesise(topics, size + 1, seed=99)[-1] | {"id": "added-one"}
        (collection / "added.jsonl").write_text(json.dumps(extra) + "\n", encoding="utf-8")
        # First placing the new article among the events of the last build, then a full cached rebuild.
        appended, _ = run_build(collection, root / "inc-2", cores, cache, ("--append",))
        second, _ = run_build(collection, root / "inc-3", cores, cache)
        print(
            f"incremental: cold cached build of {size} articles {first:.1f} s; after adding one article, "
            f"--append {appended:.1f} s, full rebuild (cached tags) {second:.1f} s"
        )
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"benchmark driver peak RSS: {usage.ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
