"""Timeline -> JSON: the YAML contract's data, as JSON (same keys, same order)."""

from __future__ import annotations

import json

from timeline.export.yaml_export import timeline_to_dict
from timeline.model import Timeline


def dump_json(timeline: Timeline) -> str:
    """Serialise a timeline to JSON text with the YAML contract's keys (stable order, unicode kept)."""
    return json.dumps(timeline_to_dict(timeline), ensure_ascii=False, indent=2) + "\n"
