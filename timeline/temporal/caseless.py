"""Case-insensitive rules, run faster: without their (?i) flag, on the lowercased text.

The stdlib engine matches a case-insensitive literal op by op and cannot skip a failing branch of an
alternation early, so a big `(?i:one|two|...)` costs two to three times what the same pattern costs
case-sensitively. A pattern that is case-insensitive throughout and spells every letter in lowercase
matches `text.lower()` exactly where it matched `text`; `caseless` checks that from the parsed
pattern and gives the flag-free version, or None when the pattern does not qualify.

Unicode's odd case pairs are the one difference: under the flag "s" also matches the long "ſ" and "i"
the Turkish "ı" and "İ", which this lowercasing leaves alone. No English date is spelled with them.
"""

from __future__ import annotations

import re

try:  # the stdlib parser: private, so a Python that moves it just loses the speed-up
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None  # type: ignore[assignment]


def lowered(text: str) -> str:
    """`text` in lowercase, character for character, so offsets into it are offsets into `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # "İ" lowercases to two characters ("i" and a combining dot): keep the "i", which is what a
    # (?i) pattern matches it as ("current İ..." matched `current(?=\s+[a-z])` only in the original).
    return "".join(ch.lower()[0] for ch in text)


def _cased(ch: str) -> bool:
    return ch.lower() != ch.upper()


def _letters_ok(chars: list[str], icase: bool) -> bool:
    """Cased letters are allowed only where matching ignores case, and then only in lowercase."""
    return not any(_cased(ch) and (not icase or ch != ch.lower()) for ch in chars)


def _blind(sub: object, icase: bool) -> bool:
    for op, av in sub:  # type: ignore[attr-defined]
        if op is _sre.LITERAL or op is _sre.NOT_LITERAL:
            if not _letters_ok([chr(av)], icase):
                return False
        elif op is _sre.IN:
            for item, arg in av:
                if item is _sre.LITERAL and not _letters_ok([chr(arg)], icase):
                    return False
                if item is _sre.RANGE and not _letters_ok([chr(c) for c in range(arg[0], arg[1] + 1)], icase):
                    return False
        elif op is _sre.SUBPATTERN:
            _group, add, remove, body = av
            inner = (icase or bool(add & _sre.SRE_FLAG_IGNORECASE)) and not remove & _sre.SRE_FLAG_IGNORECASE
            if not _blind(body, inner):
                return False
        elif op is _sre.BRANCH:
            if not all(_blind(branch, icase) for branch in av[1]):
                return False
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            if not _blind(av[2], icase):
                return False
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if not _blind(av[1], icase):
                return False
        elif op is _sre.ATOMIC_GROUP:
            if not _blind(av, icase):
                return False
        elif op not in (_sre.ANY, _sre.AT, _sre.CATEGORY):
            return False  # back-references, conditionals: not worth reasoning about
    return True


def caseless(pattern: str) -> re.Pattern[str] | None:
    """`pattern` without its (?i) flags, to run on `lowered(text)`; None if that could match otherwise."""
    if _sre_parse is None or "(?i)" in pattern or "(?-i" in pattern:
        return None
    try:
        if not _blind(_sre_parse.parse(pattern), False):
            return None
        return re.compile(pattern.replace("(?i:", "(?:"))
    except (re.error, AttributeError, TypeError, ValueError):
        return None


def compile_lowered(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled to run on lowercased text: flag-free when `caseless` allows it."""
    return caseless(pattern) or re.compile(pattern)
