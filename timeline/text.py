"""Shared text helpers: sentence spans, detokenising, content words, names, explicit dates.

Everything here is pure and works on both ordinary news prose and the tokenised text of research
corpora such as T17 ("Obama , who said ... .").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import operator
import re
from collections.abc import Iterable, Sequence


def _words_of(block: str) -> list[str]:
    """The whitespace-separated words of a block of text (for readable word-list constants)."""
    return block.split()


# Words a period does not end a sentence after (titles, initials handled separately, months, ...).
ABBREVIATIONS: frozenset[str] = frozenset(
    _words_of(
        """
        mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm maj pres hon rev st jr sr inc
        corp co ltd llc bros no nos vs v etc al approx dept est fig univ ave blvd rd mt ft jan
        feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
        ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
        mont neb nev okla ore pa tenn tex va vt wash wis wyo
        """
    )
)

STOPWORDS: frozenset[str] = frozenset(
    _words_of(
        """
        a about above after again against all almost also although am among an and another any
        are around as at be because been before being below between both but by can could did do
        does doing down during each either even ever every few for from further had has have
        having he her here hers herself him himself his how however i if in into is it its
        itself just least less like made make many may me might more most much must my myself
        near nearly neither no nor not now of off on once only or other others our ours
        ourselves out over own per perhaps put quite rather really said same say says saying she
        should since so some still such than that the their theirs them themselves then there
        these they this those though through thus to too toward towards under until up upon us
        very via was we were what whatever when where whether which while who whom whose why
        will with within without would yet you your yours yourself yourselves told tell tells
        according including including across already among amid one two three four five six
        seven eight nine ten first second third new news told mr mrs ms dr per cent percent s t
        don doesn didn isn wasn aren weren won lrb rrb lsb rsb
        """
    )
)

# Calendar words carry the date, not the content: two mentions sharing "tuesday" are not the same event.
TEMPORAL_WORDS: frozenset[str] = frozenset(
    _words_of(
        """
        monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
        thursdays fridays saturdays sundays january february march april may june july august
        september october november december jan feb mar apr jun jul aug sep sept oct nov dec
        today tonight yesterday tomorrow morning afternoon evening night day days week weeks
        weekend month months year years decade decades century earlier later last next ago
        recently recent early late time times dawn midnight noon hour hours minute minutes
        season spring summer autumn fall winter quarter bst gmt utc cet cest edt est cdt cst pdt
        pst
        """
    )
)

MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"
_WORD_RE = re.compile(r"[^\W_](?:[\w'’\-]*[^\W_])?")
_QUOTED_RE = re.compile(r"“[^“”\n]{1,800}”|\"[^\"\n]{1,800}\"|``[^\n]{1,800}?''")
# "— Donald J. Trump (@realDonaldTrump) April 19, 2017": the tweet-embed signature line.
SIGNATURE_RE = re.compile(r"[—–-]{1,2}\s*[^\n()—–]{1,60}?\(@\w{1,30}\)\s*")
_HANDLE_BEFORE_RE = re.compile(r"\(@\w{1,30}\)[\s,]*$")
_ATTRIBUTION_RE = re.compile(
    r"\s+(?:[A-Z][\w.’'-]*\s+){1,3}(?:said|says|tweeted|told|wrote|added|asked|replied|declared|"
    r"insisted|explained|noted|warned|continued)\b"
)
# A stop (and the first character after the spaces that follow it, if any), or a line break.
_BOUNDARY_RE = re.compile(r"[.!?]+[”’\"')\]]*(?=\s)(?:(?=\s+(\S)))?|\n\s*\n|\n")
_ALNUM_RE = re.compile(r"[^\W_]")  # what str.isalnum() accepts
_PARAGRAPH_BREAK_RE = re.compile(r"(?=\n\n)")  # every start, overlapping ones too, as str.find sees them
_DASH_RE = re.compile(r"[—–-]")
_CAPITAL_RE = re.compile(r"[A-Z]")
_DOTTED_RE = re.compile(r"(?:[A-Za-z]{1,5}\.)+[A-Za-z]{1,5}")
_ORDINAL_RE = re.compile(r"\d+(st|nd|rd|th|s)?")
_POSSESSIVE_END_RE = re.compile(r"['’]s?$")
_POSSESSIVE_STRIP_RE = re.compile(r"(['’]s|['’])$")
_INITIAL_RE = re.compile(r"[A-Z]\.")
_LOWER_AFTER_HYPHEN_RE = re.compile(r"-[a-z]")
_PARTY_TAG_RE = re.compile(r"[DRI][-.][A-Z][a-z]{1,4}")
# A token and the whitespace before it (tokens cover every other character).
_NAME_TOKEN_GAP_RE = re.compile(r"(\s*)([@#]\w+|[A-Z]\.(?=\s)|[A-Z][\w'’\-]*|\w+|\S)")
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_EXPLICIT_DATE_RES = (
    # April 19, 2017 / Apr. 19 2017 / April 19th, 2017
    re.compile(
        rf"\b(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:1[89]|20)\d\d)\b",
        re.IGNORECASE,
    ),
    # 19 April 2017
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_ALT})\.?,?\s+(?P<year>(?:1[89]|20)\d\d)\b",
        re.IGNORECASE,
    ),
    # 2017-04-19
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)
_DETOK_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"-LRB-|-LSB-|-LCB-"), "("),
    (re.compile(r"-RRB-|-RSB-|-RCB-"), ")"),
    (re.compile(r"``|''"), '"'),
    (re.compile(r"`\s?"), "'"),
    (re.compile(r"\(\s+"), "("),
    (re.compile(r"\s+\)"), ")"),
    (re.compile(r"\s+([,.;:!?%])"), r"\1"),
    (re.compile(r"\s+(['’](?:s|re|ve|ll|d|m|t)\b|n['’]t\b)", re.IGNORECASE), r"\1"),
    (re.compile(r"\$\s+(?=\d)"), "$"),
    (re.compile(r"\s{2,}"), " "),
)


def detokenize(text: str) -> str:
    """Undo Penn-Treebank style tokenisation ("Obama , who" -> "Obama, who") and squeeze spaces."""
    out = text
    for pattern, repl in _DETOK_RULES:
        out = pattern.sub(repl, out)
    return out.strip()


def words(text: str) -> list[str]:
    """The word tokens of a text, in order, case kept."""
    return _WORD_RE.findall(text)


def normalize_word(word: str) -> str:
    """Lower-case a word and drop a possessive ("Ossoff’s" -> "ossoff")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w.strip("'-")


def _content_form(raw: str) -> str:
    """The content word a raw token stands for, or "" when it says nothing about what happened."""
    w = normalize_word(raw)
    if len(w) < 2 or w in STOPWORDS or w in TEMPORAL_WORDS or w.isdigit() or _ORDINAL_RE.fullmatch(w):
        return ""
    return w


class _ContentForms(dict[str, str]):
    """Raw token -> content form, filled on first sight: a collection repeats a small vocabulary."""

    LIMIT = 500_000  # a flood of distinct tokens (random strings, hashes) must not grow it forever

    def __missing__(self, raw: str) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        form = self[raw] = _content_form(raw)
        return form


_CONTENT_FORMS = _ContentForms()


def content_words(text: str) -> list[str]:
    """Lower-cased words that say what happened: no stopwords, calendar words or bare numbers."""
    # The lookup runs in C through map(); only unseen tokens reach Python code.
    return [w for w in map(_CONTENT_FORMS.__getitem__, _WORD_RE.findall(text)) if w]


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation or an initial, not a sentence."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '(["“':
        start -= 1
    token = text[start:dot]
    if not token:
        return False
    bare = token.rsplit("-", 1)[-1]  # "D-Ga." -> "Ga"
    if bare.lower().rstrip(".") in ABBREVIATIONS:
        return True
    # An initial ("Donald J. Trump") or a dotted acronym ("U.S.", "D.Calif.").
    return bool(_CAPITAL_RE.fullmatch(bare) or _DOTTED_RE.fullmatch(bare))


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]


@functools.lru_cache(maxsize=4)
def _quote_index(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the text's quotations, both ascending (matches never overlap).

    Cached: one article asks about many expressions, and scanning the whole text each time made
    long articles quadratic. A string caches its hash, so a hit costs no pass over the text.
    """
    spans = _quoted_spans(text)
    return [s for s, _ in spans], [e for _, e in spans]


def _last_quote_end(starts: list[int], ends: list[int], before: int) -> int:
    """End of the last quotation starting before `before` (-1 if none): it reaches furthest."""
    k = bisect.bisect_left(starts, before) - 1
    return ends[k] if k >= 0 else -1


# Mentions, merge features and date inference each split the same article in turn; the cache is small
# (a few texts) and the result a tuple, so no caller can change what another one is served.
@functools.lru_cache(maxsize=8)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence (start, end) offsets: copes with "Sen.", "D-Ga.", "U.S.", initials and quotes.

    A period inside a quotation does not end the sentence that quotes it ("“... Georgia. Great job!”
    Trump tweeted." is one sentence); line breaks always do, and so does a tweet signature.
    """
    q_starts, q_ends = _quote_index(text)
    cuts: set[int] = set()
    for m in _BOUNDARY_RE.finditer(text):
        token = m.group(0)
        if token.startswith("\n"):
            cuts.add(m.start())
            cuts.add(m.end())
            continue
        end = m.end()
        # Found by the boundary's own lookahead: a match per boundary on text[end:] was quadratic.
        follower = m.group(1)
        if follower is None:
            continue
        if not (follower.isupper() or follower.isdigit() or follower in "\"“‘'`([—–-"):
            continue
        if token.startswith(".") and len(token.rstrip("”’\"')]")) == 1:
            if _is_abbreviation(text, m.start()):
                continue
            # "$8. 3 million": a period between digits is a broken decimal, not a full stop.
            if follower.isdigit() and m.start() > 0 and text[m.start() - 1].isdigit():
                continue
        # “... Great job!” Trump tweeted. — the attribution finishes the quoting sentence.
        if token[-1] in "”\"'" and _ATTRIBUTION_RE.match(text, end):
            continue
        # Inside a quotation (and not at its closing mark) the sentence goes on.
        if _last_quote_end(q_starts, q_ends, m.start()) > end:
            continue
        cuts.add(end)
    # A signature holds "(@handle)": without one, skip trying the pattern at every dash.
    for m in SIGNATURE_RE.finditer(text) if "(@" in text else ():
        if "(@" in m.group(0):
            cuts.add(m.start())
            date_end = _date_end_after(text, m.end())
            if date_end is not None:
                cuts.add(date_end)
    spans = []
    prev = 0
    for cut in [*sorted(cuts), len(text)]:
        if cut <= prev:
            continue
        s, e = prev, cut
        # Every blank str.strip knows (U+0085, U+2028 too), so a sentence starts at a visible character.
        while s < e and (text[s].isspace() or text[s] == ","):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and _ALNUM_RE.search(text, s, e):
            spans.append((s, e))
        prev = cut
    return tuple(spans)


def _date_end_after(text: str, pos: int) -> int | None:
    """End offset of an explicit date starting at `pos` (after a signature), if there is one."""
    for rx in _EXPLICIT_DATE_RES:
        m = rx.match(text, pos)
        if m:
            return m.end()
    return None


def sentence_at(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span containing `offset` (binary search over sorted spans)."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if offset < s:
            hi = mid - 1
        elif offset >= e:
            lo = mid + 1
        else:
            return spans[mid]
    return None


def in_quotation(text: str, start: int, end: int) -> bool:
    """True when [start, end) lies inside a quotation mark pair."""
    return _last_quote_end(*_quote_index(text), start) >= end


def in_tweet(text: str, start: int) -> bool:
    """True when `start` lies in an embedded tweet: the paragraph a signature line closes."""
    breaks, signatures = _tweet_index(text)
    k = bisect.bisect_left(breaks, start)
    para_end = breaks[k] if k < len(breaks) else len(text)
    window = min(len(text), para_end + 200)
    # The first signature at or after `start` that fits in the window, as a search of
    # text[start:window] would find it: a match inside the window is a match in the whole text, so
    # only the precomputed starts need trying. The signature must close this paragraph or open the
    # next one, not sit paragraphs away.
    for sig in signatures[bisect.bisect_left(signatures, start) :]:
        if sig > para_end + 3:
            return False
        if SIGNATURE_RE.match(text, sig, window) is None:
            continue
        if sig <= para_end:
            return True  # no paragraph break between `start` and the signature
        # Just past the break: it counts only when whitespace around it is all that separates them.
        a, b = start, sig
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return text.find("\n\n", max(a, para_end), b) < 0
    return False


@functools.lru_cache(maxsize=4)
def _tweet_index(text: str) -> tuple[list[int], list[int]]:
    """Where paragraph breaks and tweet signatures start, ascending (cached, as `_quote_index`)."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK_RE.finditer(text)]
    if "(@" not in text:
        return breaks, []
    signatures = [m.start() for m in _DASH_RE.finditer(text) if SIGNATURE_RE.match(text, m.start())]
    return breaks, signatures


def is_signature(text: str, start: int) -> bool:
    """True when an expression at `start` follows a tweet signature "(@handle)"."""
    return bool(_HANDLE_BEFORE_RE.search(text[max(0, start - 80) : start]))


def explicit_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Fully written calendar dates (with a year) as (start, end, date), in text order."""
    found: dict[int, tuple[int, int, dt.date]] = {}
    for rx in _EXPLICIT_DATE_RES:
        for m in rx.finditer(text):
            month_s = m.group("month")
            month = int(month_s) if month_s.isdigit() else MONTHS.get(month_s.lower().rstrip("."))
            if month is None:
                continue
            try:
                day = dt.date(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                continue
            if m.start() not in found:
                found[m.start()] = (m.start(), m.end(), day)
    return [found[k] for k in sorted(found)]


# Words that open a name but are not part of it ("President Donald Trump" -> "Donald Trump").
_NAME_PREFIXES: frozenset[str] = frozenset(
    _words_of(
        """
        president sen senator rep representative gov governor mr mrs ms dr prof gen general adm
        admiral secretary minister prime chancellor republican republicans democrat democratic
        democrats actor actress star host candidate congressman congresswoman mayor judge
        justice chief leader former vice house senate minority majority speaker sir lord lady
        king queen prince princess pope saint st the a an on in at by for of and but so if as
        after when while despite although meanwhile still however then this that these those his
        her their its our
        """
    )
)
_NAME_CONNECTORS = frozenset({"of", "de", "da", "van", "von", "la", "le", "del", "bin", "al"})


def names(text: str) -> list[str]:
    """Capitalised name sequences ("Karen Handel", "Daily Kos"), titles and calendar words dropped."""
    out: list[str] = []
    seen: set[str] = set()  # `out` keeps the order; a list scan per name was quadratic on long texts
    # Tokens with the whitespace before each, and which ones are capitalised, found in C: a name
    # can only start at a capital, so the lower-case bulk of the text is never looked at in Python.
    pairs = _NAME_TOKEN_GAP_RE.findall(text)
    gaps = [g for g, _ in pairs]
    toks = [t for _, t in pairs]
    capital = list(map(str.isupper, map(operator.itemgetter(0), toks)))
    resume = 0
    for i in itertools.compress(itertools.count(), capital):
        if i < resume:
            continue  # inside the name just read
        j = i
        seq: list[str] = []
        while j < len(toks):
            t = toks[j]
            if j > i and (len(gaps[j]) > 1 or "\n" in gaps[j]):
                break
            if capital[j]:
                seq.append(t)
                if _POSSESSIVE_END_RE.search(t):
                    j += 1  # a possessive ends the name: "Trump’s Secretary of Health"
                    break
            elif t in _NAME_CONNECTORS and j + 1 < len(toks) and capital[j + 1]:
                seq.append(t)
            else:
                break
            j += 1
        resume = max(j, i + 1)
        name = _NAME_FORMS[tuple(seq)]
        if name and name not in seen:
            seen.add(name)
            out.append(name)
    return out


def _name_form(seq: tuple[str, ...]) -> str:
    """The name a run of capitalised tokens stands for, or "" when it is none."""
    cleaned = [_POSSESSIVE_STRIP_RE.sub("", w) for w in seq]
    cleaned = [w if _INITIAL_RE.fullmatch(w) else w.rstrip(".,") for w in cleaned]
    while cleaned and (
        cleaned[0].lower().rstrip(".") in _NAME_PREFIXES
        or cleaned[0].lower() in TEMPORAL_WORDS
        or cleaned[0].lower() in STOPWORDS
    ):
        cleaned.pop(0)
    while (
        cleaned
        and cleaned[-1] != "May"  # the month, or Theresa May: a surname after a first name
        and (
            cleaned[-1].lower() in TEMPORAL_WORDS
            or cleaned[-1].lower() in _NAME_CONNECTORS
            or cleaned[-1].lower() in STOPWORDS
        )
    ):
        cleaned.pop()
    if not cleaned:
        return ""
    name = " ".join(cleaned)
    # Shouting ("FAKE"), one-letter tokens, hyphenated adjectives ("Republican-heavy"), party-state
    # tags ("D-Ga") are not names.
    if (
        len(name) < 3
        or (name.isupper() and len(name) > 4)
        or _LOWER_AFTER_HYPHEN_RE.search(name)
        or _PARTY_TAG_RE.fullmatch(name)
    ):
        return ""
    return name


class _NameForms(dict[tuple[str, ...], str]):
    """Token run -> name, filled on first sight: the same names recur across a collection."""

    LIMIT = 200_000  # bounded, as `_ContentForms`

    def __missing__(self, seq: tuple[str, ...]) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        name = self[seq] = _name_form(seq)
        return name


_NAME_FORMS = _NameForms()


def merge_names(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """Union of name lists, most frequent first; a name contained in a longer one is folded in."""
    counts: dict[str, int] = {}
    for group in groups:
        for name in set(group):
            counts[name] = counts.get(name, 0) + 1
    token_sets = {n: set(n.split()) for n in counts}
    folded: dict[str, int] = {}
    for name, count in counts.items():
        # "Ossoff" counts for "Jon Ossoff": the longest name holding all its words takes its count.
        hosts = [k for k in counts if k != name and token_sets[name] < token_sets[k]]
        host = max(hosts, key=lambda k: (counts[k], len(k), k), default=name)
        folded[host] = folded.get(host, 0) + count
    return tuple(sorted(folded, key=lambda n: (-folded[n], -len(n), n)))
