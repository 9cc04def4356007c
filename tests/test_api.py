"""The public API is what __all__ declares, and every public function says what it does."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import timeline

PACKAGE = Path(timeline.__file__).parent


def test_all_names_exist() -> None:
    for name in timeline.__all__:
        assert hasattr(timeline, name), name


def test_public_names_are_declared() -> None:
    public = {
        n
        for n, v in vars(timeline).items()
        if not n.startswith("_") and not inspect.ismodule(v) and n != "annotations"
    }
    assert public <= set(timeline.__all__), public - set(timeline.__all__)


def _public_definitions(tree: ast.Module) -> list[ast.AST]:
    # Module-level functions and classes, and the methods of those classes; inner helpers are private.
    found: list[ast.AST] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.append(node)
        if isinstance(node, ast.ClassDef):
            found.extend(n for n in node.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef))
    return found


def test_every_public_function_has_a_docstring() -> None:
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _public_definitions(tree):
            if node.name.startswith("_") or ast.get_docstring(node):
                continue
            missing.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}")
    assert not missing, "public functions without a docstring:\n" + "\n".join(missing)


def test_tag_is_importable_from_the_top() -> None:
    (timex,) = [t for t in timeline.tag("The vote was on Tuesday.", "2017-04-19") if t.text == "Tuesday"]
    assert timex.value == "2017-04-18"
