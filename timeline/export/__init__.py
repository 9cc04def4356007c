"""Exporters: the YAML contract, JSON, TimelineJS3, CSV (TimelineJS/Flourish sheet), ICS, the site.

`render(timeline, fmt)` gives one format as text; `write_site` writes the whole published folder;
`load` reads a timeline.yaml back.
"""

from __future__ import annotations

from collections.abc import Callable

from timeline.export.csv_export import dump_csv
from timeline.export.ics import dump_ics
from timeline.export.json_export import dump_json
from timeline.export.load import TimelineFileError, load, loads
from timeline.export.site import render_index, write_site
from timeline.export.timelinejs import dump_timelinejs
from timeline.export.yaml_export import dump_yaml, timeline_to_dict
from timeline.model import Timeline

FORMATS: tuple[str, ...] = ("yaml", "json", "timelinejs", "csv", "ics")

# The file each format is written to inside the site folder.
FILENAMES: dict[str, str] = {
    "yaml": "timeline.yaml",
    "json": "timeline.json",
    "timelinejs": "timeline.timelinejs.json",
    "csv": "timeline.csv",
    "ics": "timeline.ics",
}

_RENDERERS: dict[str, Callable[[Timeline], str]] = {
    "yaml": dump_yaml,
    "json": dump_json,
    "timelinejs": dump_timelinejs,
    "csv": dump_csv,
    "ics": dump_ics,
}


def render(timeline: Timeline, fmt: str) -> str:
    """One export format as text; raises ValueError naming the allowed formats for an unknown one."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; allowed: {', '.join(FORMATS)}") from None
    return renderer(timeline)


__all__ = [
    "FILENAMES",
    "FORMATS",
    "TimelineFileError",
    "dump_csv",
    "dump_ics",
    "dump_json",
    "dump_timelinejs",
    "dump_yaml",
    "load",
    "loads",
    "render",
    "render_index",
    "timeline_to_dict",
    "write_site",
]
