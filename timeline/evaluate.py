"""TimeML reader and TempEval-3 Task A scoring (TIMEX3 extraction and normalisation).

`evaluate_directory(path)` reads every `*.tml` under `path`, tags the plain text of `<TEXT>` against the
document's creation time, and reports strict/relaxed span P/R/F1 with value and type F1 as TempEval-3
defines them: attribute F1 = relaxed F1 x attribute accuracy over the relaxed matches.
"""

from __future__ import annotations

import datetime as dt
import html
import pathlib
import time
from dataclasses import dataclass

import regex

from timeline.temporal import tag

_TEXT = regex.compile(r"<TEXT>(.*?)</TEXT>", regex.S)
_TAG = regex.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = regex.compile(r'(\w+)="([^"]*)"')
_DCT = regex.compile(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: offsets into the document's plain text and its attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Document:
    """A TimeML document reduced to what Task A needs."""

    name: str
    text: str
    dct: dt.date | None
    gold: tuple[GoldTimex, ...]


def read_timeml(path: pathlib.Path) -> Document:
    """Plain text of <TEXT> (inner tags stripped, entities decoded), its DCT and gold TIMEX3 spans."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = _DCT.search(raw)
    if m:
        value = dict(_ATTR.findall(m[0])).get("value", "")
        vm = regex.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
        if vm:
            dct = dt.date(int(vm[1]), int(vm[2]), int(vm[3]))
    body_m = _TEXT.search(raw)
    body = body_m[1] if body_m else ""
    out: list[str] = []
    pos = 0
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold: list[GoldTimex] = []
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos : t.start()])
        out.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name = t[1] == "/", t[2]
        if name != "TIMEX3":
            continue
        if not closing and not t[4]:
            open_timex = (length, dict(_ATTR.findall(t[3])))
        elif closing and open_timex is not None:
            start, attrs = open_timex
            text = "".join(out)[start:length]
            gold.append(GoldTimex(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return Document(path.stem, "".join(out), dct, tuple(gold))


@dataclass
class _Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    value_ok: int = 0
    type_ok: int = 0
    matched: int = 0


def _prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _context(text: str, start: int, end: int) -> str:
    return regex.sub(r"\s+", " ", text[max(0, start - 50) : end + 50]).strip()


def evaluate_directory(path: pathlib.Path, errors_path: pathlib.Path | None = None) -> str:
    """Tag every *.tml under `path` and return the TempEval-3 Task A report (optionally write errors TSV)."""
    files = sorted(pathlib.Path(path).rglob("*.tml"))
    counts = _Counts()
    errors: list[tuple[str, ...]] = []
    elapsed = 0.0
    for f in files:
        doc = read_timeml(f)
        t0 = time.perf_counter()
        system = tag(doc.text, doc.dct)
        elapsed += time.perf_counter() - t0
        counts.gold += len(doc.gold)
        counts.system += len(system)
        gold_spans = {(g.start, g.end) for g in doc.gold}
        counts.strict += sum((s.start, s.end) in gold_spans for s in system)
        used: set[int] = set()
        for g in doc.gold:
            # One-to-one relaxed matching: the first unused overlapping system expression.
            match = next(
                (i for i, s in enumerate(system) if i not in used and s.start < g.end and g.start < s.end),
                None,
            )
            if match is None:
                errors.append((doc.name, "miss", g.text, g.value, "", _context(doc.text, g.start, g.end)))
                continue
            used.add(match)
            s = system[match]
            counts.matched += 1
            context = _context(doc.text, min(g.start, s.start), max(g.end, s.end))
            # A relaxed match only: strict span scoring counts it as a miss and a spurious one. For a span
            # error the value columns hold the two spans' texts, for a type error the two types.
            if (s.start, s.end) != (g.start, g.end):
                errors.append((doc.name, "span", g.text, g.text, s.text, context))
            if s.value == g.value:
                counts.value_ok += 1
            else:
                errors.append((doc.name, "wrong_value", g.text, g.value, s.value, context))
            if s.type == g.type:
                counts.type_ok += 1
            else:
                errors.append((doc.name, "wrong_type", g.text, g.type, s.type, context))
        for i, s in enumerate(system):
            if i not in used:
                errors.append((doc.name, "spurious", s.text, "", s.value, _context(doc.text, s.start, s.end)))
    sp, sr, sf = _prf(counts.strict, counts.system, counts.strict, counts.gold)
    rp, rr, rf = _prf(counts.matched, counts.system, counts.matched, counts.gold)
    value_acc = counts.value_ok / counts.matched if counts.matched else 0.0
    type_acc = counts.type_ok / counts.matched if counts.matched else 0.0
    ms = 1000 * elapsed / len(files) if files else 0.0
    if errors_path is not None:
        lines = ["doc\tkind\ttext\tgold\tsystem\tcontext"]
        lines += ["\t".join(col.replace("\t", " ") for col in row) for row in errors]
        pathlib.Path(errors_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "\n".join(
        [
            f"TempEval-3 Task A (TIMEX3) on {path}",
            f"documents: {len(files)}   gold: {counts.gold}   system: {counts.system}",
            f"strict span   P={sp:.4f} R={sr:.4f} F1={sf:.4f}",
            f"relaxed span  P={rp:.4f} R={rr:.4f} F1={rf:.4f}",
            f"value         F1={rf * value_acc:.4f} (accuracy {value_acc:.4f} over {counts.matched} matches)",
            f"type          F1={rf * type_acc:.4f} (accuracy {type_acc:.4f})",
            f"time          {ms:.2f} ms/document",
        ]
    )
