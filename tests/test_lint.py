"""ruff lint and format are part of the test run, so CI and the README's one test command cover them."""

from __future__ import annotations

import ast
import collections
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("args", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"])
def test_ruff(args: list[str]) -> None:
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is not installed: pip install -e '.[test]'")
    done = subprocess.run([ruff, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _module_names_bound_twice(source: str) -> list[str]:
    """Top-level names a module assigns more than once."""
    counts: collections.Counter[str] = collections.Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            counts.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            counts[node.target.id] += 1
    return sorted(name for name, n in counts.items() if n > 1)


@pytest.mark.parametrize("path", sorted((ROOT / "timeline").rglob("*.py")), ids=lambda p: p.name)
def test_no_module_constant_is_bound_twice(path: Path) -> None:
    # A second "_PAST_AUX = ..." far down a module silently replaced the first for every function
    # that read it at run time; ruff's F811 only flags redefinitions of unused names.
    assert _module_names_bound_twice(path.read_text(encoding="utf-8")) == []


def test_a_name_bound_twice_is_found() -> None:
    assert _module_names_bound_twice("A = 1\ndef f():\n    return A\nA = 2\nB: int = 3\n") == ["A"]
