"""Golden exports: the seeds built through the whole pipeline must match tests/golden/ byte for byte.

After a deliberate change, regenerate with `python scripts/regen_golden.py` and review the diff.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"

pytest.importorskip("timeline.pipeline")


def _regen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("regen_golden", ROOT / "scripts" / "regen_golden.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REGEN = _regen()


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    """A fresh build of every golden format (once for the module)."""
    return REGEN.golden_outputs()


@pytest.mark.parametrize("name", sorted(REGEN.FILES))
def test_export_matches_golden(outputs: dict[str, bytes], name: str) -> None:
    expected = GOLDEN / name
    assert expected.is_file(), f"missing {expected}: run python scripts/regen_golden.py"
    assert outputs[name] == expected.read_bytes(), (
        f"{name} differs from tests/golden/{name}; if the change is deliberate run "
        "python scripts/regen_golden.py and review the diff"
    )


def test_golden_yaml_loads_back(outputs: dict[str, bytes]) -> None:
    from timeline.export import dump_yaml, loads

    text = outputs["timeline.yaml"].decode("utf-8")
    assert dump_yaml(loads(text)) == text
