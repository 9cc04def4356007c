"""A small block-style YAML writer for plain data (dicts, lists, str, int, float, bool, None).

PyYAML builds a node graph in Python before emitting, which took about a minute for a 20,000-article
timeline (4 million scalars). This writer emits the same block layout directly. A string is written plain
only where YAML's resolver reads it back as that same string, otherwise double-quoted with escapes, so
`yaml.safe_load(to_yaml(data)) == data` holds for any such data (a property test checks it).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

# Characters that are fine inside a plain scalar in block context (quotes are, after the first
# character). Anything else ('#', ':', control characters, YAML's extra line breaks, the BOM) sends the
# string to the double-quoted style: a simpler rule than YAML's, and always safe.
_PLAIN_BODY = re.compile(r"[^\x00-\x1f\x7f-\x9f:#\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]*")
# A plain scalar may not start with an indicator character or a space.
_PLAIN_START = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]")
# Inside double quotes, escape what JSON leaves raw but YAML may not carry as is.
_DQ_EXTRA = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or not _PLAIN_START.match(text):
        return False
    if not _PLAIN_BODY.fullmatch(text):
        return False
    # Plain text that YAML would read as a number, date, bool or null must be quoted.
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG


def _escape_extra(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"


def scalar(value: Any) -> str:
    """One scalar in YAML: null, true/false, a number that reads back as itself, or a string."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, str):
        if _plain_ok(value):
            return value
        # JSON's escapes (\" \\ \n \t \uXXXX ...) are all valid in YAML's double-quoted style.
        return _DQ_EXTRA.sub(_escape_extra, json.dumps(value, ensure_ascii=False))
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


class ScalarCache(dict[Any, str]):
    """`cache[value]` is `scalar(value)`, worked out once per distinct value.

    For strings and None only: as dict keys 1, 1.0 and True are the same key, but not the same YAML.
    """

    def __missing__(self, value: str | None) -> str:
        written = self[value] = scalar(value)
        return written


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    # YAML 1.1 reads "1e-05" as a string: a float needs a dot before its exponent.
    if "e" in text and "." not in text:
        text = text.replace("e", ".0e")
    return text


def to_yaml(data: Mapping[str, Any]) -> str:
    """A mapping as a block-style YAML document (sequences not indented under keys, as PyYAML does)."""
    lines: list[str] = []
    _Writer(lines).mapping(data, 0)
    return "\n".join(lines) + "\n" if lines else "{}\n"


def _is_block(value: Any) -> bool:
    return isinstance(value, Mapping | list | tuple) and len(value) > 0


_ATOMS = (int, float, bool)


class _Writer:
    """Appends a document's lines, deciding how each distinct string is written once.

    A timeline repeats its keys, ids, dates and kinds millions of times, and the plain-or-quoted test
    (a resolver call) was most of the writing time.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.strings = ScalarCache()

    def scalar(self, value: Any) -> str:
        """`scalar(value)`, remembered for strings."""
        return self.strings[value] if isinstance(value, str) else scalar(value)

    def inline(self, value: Any) -> str:
        """A value on the line of its key or dash: a scalar, or an empty collection."""
        if isinstance(value, Mapping):
            return "{}"
        if isinstance(value, list | tuple):
            return "[]"
        return self.scalar(value)

    def mapping(self, data: Mapping[str, Any], indent: int) -> None:
        """A mapping's lines at `indent`."""
        pad = " " * indent
        lines = self.lines
        strings = self.strings
        for key, value in data.items():
            name = self.scalar(str(key))
            if type(value) is str:  # most values: skip the generic checks
                lines.append(f"{pad}{name}: {strings[value]}")
            elif value is None or type(value) in _ATOMS:
                lines.append(f"{pad}{name}: {scalar(value)}")
            elif not _is_block(value):
                lines.append(f"{pad}{name}: {self.inline(value)}")
            elif isinstance(value, Mapping):
                lines.append(f"{pad}{name}:")
                self.mapping(value, indent + 2)
            else:
                lines.append(f"{pad}{name}:")
                self.sequence(value, indent)

    def sequence(self, items: Sequence[Any], indent: int) -> None:
        """A sequence's lines, its dashes at `indent` (not indented under a key, as PyYAML does)."""
        pad = " " * indent
        lines = self.lines
        for item in items:
            if not _is_block(item):
                lines.append(f"{pad}- {self.inline(item)}")
                continue
            start = len(lines)
            if isinstance(item, Mapping):
                self.mapping(item, indent + 2)
            else:
                self.sequence(item, indent + 2)
            # The item's first line moves up onto the dash: "- key: value".
            lines[start] = f"{pad}- {lines[start][indent + 2 :]}"
