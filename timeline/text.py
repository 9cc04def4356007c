"""Shared text helpers: sentence spans, detokenising, content words, names, explicit dates.

Everything here is pure and works on both ordinary news prose and the tokenised text of research
corpora such as T17 ("Obama , who said ... .").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable


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
_BOUNDARY_RE = re.compile(r"[.!?]+[”’\"')\]]*(?=\s)|\n\s*\n|\n")
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


def content_words(text: str) -> list[str]:
    """Lower-cased words that say what happened: no stopwords, calendar words or bare numbers."""
    out = []
    for raw in words(text):
        w = normalize_word(raw)
        if len(w) < 2 or w in STOPWORDS or w in TEMPORAL_WORDS or w.isdigit():
            continue
        if re.fullmatch(r"\d+(st|nd|rd|th|s)?", w):
            continue
        out.append(w)
    return out


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
    return bool(re.fullmatch(r"[A-Z]", bare) or re.fullmatch(r"(?:[A-Za-z]{1,5}\.)+[A-Za-z]{1,5}", bare))


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets: copes with "Sen.", "D-Ga.", "U.S.", initials and quotes.

    A period inside a quotation does not end the sentence that quotes it ("“... Georgia. Great job!”
    Trump tweeted." is one sentence); line breaks always do, and so does a tweet signature.
    """
    quotes = _quoted_spans(text)
    cuts: set[int] = set()
    for m in _BOUNDARY_RE.finditer(text):
        token = m.group(0)
        if token.startswith("\n"):
            cuts.add(m.start())
            cuts.add(m.end())
            continue
        end = m.end()
        nxt = re.match(r"\s+(\S)", text[end:])
        if nxt is None:
            continue
        follower = nxt.group(1)
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
        if any(qs < m.start() and end < qe for qs, qe in quotes):
            continue
        cuts.add(end)
    for m in SIGNATURE_RE.finditer(text):
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
        while s < e and text[s] in " \t\r\n,":
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            spans.append((s, e))
        prev = cut
    return spans


def _date_end_after(text: str, pos: int) -> int | None:
    """End offset of an explicit date starting at `pos` (after a signature), if there is one."""
    for rx in _EXPLICIT_DATE_RES:
        m = rx.match(text, pos)
        if m:
            return m.end()
    return None


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
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
    return any(qs < start and end <= qe for qs, qe in _quoted_spans(text))


def in_tweet(text: str, start: int) -> bool:
    """True when `start` lies in an embedded tweet: the paragraph a signature line closes."""
    para_end = text.find("\n\n", start)
    para_end = len(text) if para_end < 0 else para_end
    tail = text[start : min(len(text), para_end + 200)]
    sig = SIGNATURE_RE.search(tail)
    if sig is None or "(@" not in sig.group(0):
        return False
    # The signature must close this paragraph or open the next one, not sit paragraphs away.
    return "\n\n" not in tail[: sig.start()].strip() and sig.start() <= para_end - start + 3


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
    toks = list(re.finditer(r"[@#]\w+|[A-Z]\.(?=\s)|[A-Z][\w'’\-]*|\w+|\S", text))
    i = 0
    while i < len(toks):
        tok = toks[i].group(0)
        if not tok[0].isupper():
            i += 1
            continue
        j = i
        seq: list[str] = []
        while j < len(toks):
            t = toks[j].group(0)
            gap = text[toks[j - 1].end() : toks[j].start()] if j > i else " "
            if j > i and (len(gap) > 1 or "\n" in gap):
                break
            if t[0].isupper():
                seq.append(t)
                if re.search(r"['’]s?$", t):
                    j += 1  # a possessive ends the name: "Trump’s Secretary of Health"
                    break
            elif t in _NAME_CONNECTORS and j + 1 < len(toks) and toks[j + 1].group(0)[0].isupper():
                seq.append(t)
            else:
                break
            j += 1
        i = max(j, i + 1)
        cleaned = [re.sub(r"(['’]s|['’])$", "", w) for w in seq]
        cleaned = [w if re.fullmatch(r"[A-Z]\.", w) else w.rstrip(".,") for w in cleaned]
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
            continue
        name = " ".join(cleaned)
        # All-capitals shouting ("FAKE", "BIG") and one-letter tokens are not names.
        # Shouting ("FAKE"), hyphenated adjectives ("Republican-heavy"), party-state tags ("D-Ga").
        if (
            len(name) < 3
            or (name.isupper() and len(name) > 4)
            or re.search(r"-[a-z]", name)
            or re.fullmatch(r"[DRI][-.][A-Z][a-z]{1,4}", name)
        ):
            continue
        if name not in out:
            out.append(name)
    return out


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
