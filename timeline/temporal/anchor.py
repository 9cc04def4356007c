"""Anchoring: which side of the publication date a weekday or month falls (tense), and date shifts.

No function here looks at the clock: every relative value is computed from a DCT or an earlier date
found in the text.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

import pendulum

from timeline.temporal.grammar import _ABBR, FULL_MONTHS, WEEKDAYS, letter_runs

Tense = Literal["past", "future"] | None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A period after these is an abbreviation, not the end of a sentence.
_ABBREVIATIONS = _words(
    "vs Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Sgt St Jr Sr Inc Co Corp Ltd No Jan Feb Aug Sept Oct Nov "
    "Dec Calif Ga Va Fla Mass U.S"
)
# The stdlib engine is several times faster than `regex` on these simple patterns (hot path).
# Tokenised copy spaces its quotes off: ". `` We are within ...".
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'(`]*\s*[A-Z0-9])|\n\s*\n|\n(?=\s*[•*-])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# What goes on a clock after its "a.m." or "p.m.": a day, a month or a zone ("10:35 a.m. Friday",
# "10:39 p.m. Alaska time Monday", "7:30 p.m. ET on Thursday"), which opens no sentence though it is
# capitalised.
_ON_CLOCK = re.compile(
    rf"(?:{'|'.join(d.capitalize() for d in WEEKDAYS)}|{FULL_MONTHS}|{_ABBR})\b"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+[Tt]ime\b"
    r"|(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|Eastern|Central|Mountain|Pacific)\b"
)
# A capitalised word that opens a sentence, not one that goes on a clock.
_NEW_SENTENCE_AFTER = re.compile(rf"\s+[\"“‘'`]*(?!{_ON_CLOCK.pattern})[A-Z][a-z]")
# A spaced dash sets off a clause as a comma does ("Hayward - who is to leave in October - accepted");
# a spaced ampersand is an "and" ("won Tuesday & faces a runoff").
# The clitics "'ll", "'d", "'ve", "'re" and "'m" are words of their own, written on ("we'll") or, in
# tokenised copy, apart ("we 'll"); so is "'s" after a pronoun ("it's due", not "the company's").
_CLITICS = "ll|d|ve|re|m|s"
_CLITIC_MARK = rf"['’](?:{_CLITICS}|{_CLITICS.upper()})\b"
# Every alternative opens with a literal character or a class (the lookbehinds come after it), so
# the engine skips blanks by its first-character test instead of trying each alternative there; a
# word's repeats are possessive, as nothing after them could take a letter back.
_TOKEN = re.compile(
    rf"[A-Za-z]++(?:-[A-Za-z]+)*+(?:['’][a-z]+)?+|['’](?<![A-Za-z]['’])(?:{_CLITICS}|{_CLITICS.upper()})\b"
    r"|[,;]|:(?!\d)|-(?<=\s-)-?(?=\s)|[–—&](?<=\s[–—&])(?=\s)|[–—]"
)
_TOKEN_AS = {"-": ",", "--": ",", "–": ",", "—": ",", "&": "and"}
_CLITIC = re.compile(rf"(?i)([a-z]*)['’]({_CLITICS})")
_HAS_CLITIC = re.compile(_CLITIC_MARK)
_S_PRONOUNS = _words("it he she that there what who here where how")
_NEGATED_AUXILIARIES = _words("would is are was were had")


def _tokens(text: str, start: int, end: int) -> list[str]:
    """Words and clause punctuation of text[start:end], a dash read as a comma, '&' as 'and' and a
    clitic as its own word ("we'd" -> "we", "'d")."""
    tokens = _TOKEN.findall(text, start, end)
    if not _TOKEN_AS.keys().isdisjoint(tokens):
        tokens = [_TOKEN_AS.get(t, t) for t in tokens]
    if _HAS_CLITIC.search(text, start, end) is None:
        return tokens
    split: list[str] = []
    for t in tokens:
        clitic = _CLITIC.fullmatch(t)
        if clitic is None:
            split.append(t)
            continue
        base, mark = clitic[1], "'" + clitic[2].lower()
        owner = base.lower() if base else (split[-1].lower() if split else "")
        if mark == "'s" and owner not in _S_PRONOUNS:
            split.append(t if base else "s")  # a possessive, kept as it was written
        elif base:
            split.extend([base, mark])
        else:
            split.append(mark)
    return split


def _lowered_all(tokens: list[str]) -> list[str]:
    """Each token lowercased, in one C-level pass (tokens never hold a line break)."""
    return "\n".join(tokens).lower().split("\n") if tokens else []


@functools.lru_cache(maxsize=64)
def _words_at(text: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The tokens of text[start:end] and the same lowercased, cached: the side signal and the tense
    of one expression often read the same stretch (a quarter of the calls on news)."""
    tokens = _tokens(text, start, end)
    return tuple(tokens), tuple(_lowered_all(tokens))


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    """False for the period of an abbreviation ('Sen.', 'vs.', 'U.S.') or an initial ('J.')."""
    if text[m.start()] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, m.start() - 6), m.start())
    if word is None:
        return True
    w = word[1]
    if w in ("a.m", "p.m") and (_ON_CLOCK.match(text, m.end()) or text.startswith("(", m.end())):
        # "at 10:39 p.m. Alaska time Monday", "at 10:35 a.m. (0735 GMT) Friday": the clock's period
        # ends no sentence.
        return False
    return not (w in _ABBREVIATIONS or (len(w) == 1 and w.isupper()))


_FUTURE = _words(
    "will 'll ’ll shall scheduled slated upcoming tomorrow intends hopes expects won't wo expected "
    "set due aims"
)
# "plans"/"planned"/"planning" only point ahead when an infinitive follows ("plans to visit").
_PLAN = _words("plan plans planned planning intend intending")
# A promise or a wish points ahead before its infinitive ("has vowed to put more officers on the
# streets by the summer", "they hope to beat Duke on Saturday"); otherwise "vowed" is a past verb
# like any other.
_PROMISE = _words(
    "vow vows vowed vowing pledge pledges pledged pledging promise promises promised hope hoped hoping want "
    "wants"
)
# Getting ready for something: what follows "for" is still ahead.
_PREPARE = _words("prepare prepares preparing brace braces bracing")
_EXPECT = _words("expect expects expecting anticipate anticipates")
_PAST = _words(
    "was were had did said told ago yesterday last won lost led met sent took came went made got gave "
    "began beat held left saw ran fell rose found thought brought bought paid spent wrote spoke broke "
    "chose drew flew grew knew threw struck stood sold kept felt heard meant became caught taught "
    "fought sought shot drove rode wore swore tore woke froze hid slid shook forgot withdrew overtook "
    "undertook ended earlier previously recently announced reported agreed died killed elected voted "
    "posted tweeted says rang sang sank shrank swam drank fled stole bled blew swept slept wept crept "
    "sprang spun stung swung clung flung strode strove arose awoke ate forgave overcame oversaw "
    "overthrew upheld withheld understood built rebuilt dealt dug knelt leapt stuck sat laid shone"
)
# Left out as mostly other words or other tenses: "hit", "cut", "put", "burst", "spread" (present
# too), "fed" (the Fed), "lent" (Lent), "ground", "wound", "bound", "bit", "lay".
_BE_PRESENT = _words("is are am 's ’s 're ’re")
# Before "due" or "planned for" these make it a past plan ("was due on Monday"), not one still ahead.
_PAST_AUX = _words("was were been had")
# A word right before these governs the expression after them ("due in September", "held on Friday").
_GOVERNED_BY = _words("in on by")
# What follows "due" or "expected" when it names when something falls due ("due in July", "expected
# Tuesday"), not a cause ("due to") or an infinitive ("expected to").
_DUE_BEFORE_DATE = _GOVERNED_BY | {"<t>"}
# "than expected", "more than analysts expected", "as expected": a comparison with a forecast.
_COMPARED = _words("than as")
# Verbs of scheduled events: their simple present with a weekday is a timetable, so the day is ahead
# ("the leaders meet Friday", "Obama visits Israel on Wednesday"); past events take the past tense.
# Only for weekdays and weekends: in a dated chronology ("2 May: BP starts drilling") the present is
# historical. Base forms that are mostly nouns ("travel", "vote", "launch") are left out, and so are
# stative verbs ("holds a 12.5% stake", "plays a role"), whose present says nothing of a day.
_SCHEDULED = _words(
    "meet meets visit visits travels arrive arrives leave leaves begin begins start starts open opens "
    "resume resumes return returns close head heads host hosts fly flies testify testifies convene convenes "
    "votes launches kick kicks unveil unveils attend attends reconvene reconvenes face faces ends closes "
    "expires wraps reopen reopens depart departs decide decides announce announces play plays runs continues "
    "takes goes airs speak speaks hear hears addresses publishes debuts premieres "
    "delivers competes races go vote travel launch compete debut premiere"
)
# How far (characters) the tense of an expression is looked for: back, on, and on after a fronted
# date ("In January, a week after ..., a bombing killed"), whose main verb may come well after it.
_REACH_BEFORE = 120
_REACH_AFTER = 60
_REACH_AFTER_FRONTED = 160
_INTO_EFFECT = {("into", "goes"), ("into", "comes"), ("into", "enters")}
_BECAME = _PAST_AUX | _words("became become becomes")
# Before "starting" or "beginning" these make it a verb of its own: "the strike was starting Tuesday".
_BE_OR_HAD = _PAST_AUX | _BE_PRESENT
# Any word a timetable cue needs: without one near an expression, `timetable` cannot change its tense.
_TIMETABLE_WORDS = _SCHEDULED | {"effect", "effective", "force", "starting", "beginning"}
_TIMETABLE_BYTES = frozenset(w.encode() for w in _TIMETABLE_WORDS)
# A whole word: one that a window cuts at its start is not read as the piece after the cut.
_WORD_RUN = re.compile(r"(?<!\w)\w+")
_NOT_PRESENT = _words("to did didn't not never n't does doesn't could would should might must can")
_NOT_ED = _words(
    "need indeed red bed speed seed feed hundred proceed bleed breed creed greed weed shed united "
    "limited based related detailed advanced concerned interested supposed alleged so-called "
    "medicated dedicated sophisticated complicated experienced talented"
)
# Verbs whose 'un' undoes an action: their '-ed' form is a past tense like any other.
_REVERSED = _words(
    "unveiled unleashed uncovered unlocked unearthed unravelled unraveled unfolded unloaded unsealed "
    "unpacked unplugged unblocked untied unwrapped unmasked unfrozen unfroze unseated"
)
# Hyphenated prefixes that leave a verb a verb ("re-elected", "co-founded").
_VERB_PREFIXES = _words("re co pre e de mis out over under self")
# After these "that" is a determiner, not a conjunction opening a clause ("from that verdict").
_PREPOSITIONS = _words("from of in on at by with for to into under over about after before against")
# Words that open a verb's object or adverbial, never a noun after an adjective.
_OBJECT_OPENERS = _words(
    "<t> into to the a an on in at for by with from over through until his her its their late early well"
)
_RANKS = _words("first second third last only latest next")
_DETERMINERS = _words("the a an this that these those its their his her our my your some any no every")
_CONDITIONAL = _words("if unless whether lest")
_CLAUSE_BREAK = _words(", ; : that because but and")
_CONJUNCTIONS = _words("; and but while whereas")
_SAY_VERBS = _words("says said say reports reported told added adds")
# The verbs of an attribution whose day is when a report came ("..., officials said on Monday"), as a
# regular expression alternation.
ATTRIBUTION_VERBS = "said|told|announced|reported|confirmed"
# The right-hand context ends at a coordinated clause ("planned a rally on Saturday and were ...")
# or a colon ("posed to me on Tuesday: what should we do?"); a clock's colon is no token.
_RIGHT_STOP = _CONJUNCTIONS | {"that", ":"}
# A trailing attribution (", BP says", ", officials said") is a clause of its own.
_SAY = _SAY_VERBS | _words(
    "according learned learnt warned warns announced confirmed insisted stated explained noted wrote "
    "tweeted acknowledged claimed predicted estimated argued cautioned admitted declared"
)
# A past cue does not fix the date of what it reports or of an infinitive or modal after it.
_REPORTING = _SAY_VERBS | _words("announced agreed")
_DEFERRING = _words("to would will could may might should can be being effective")
# ... nor of another clause's expression ("won the vote Tuesday and faces a runoff on June 20").
_COORDINATING = _CONJUNCTIONS | {"or"}
_OPEN_QUOTES = ("“", "``")
_CLOSE_QUOTES = ("”", "''")
_QUOTE_MARK = re.compile("|".join(map(re.escape, (*_OPEN_QUOTES, *_CLOSE_QUOTES))))


# Rules ask for the same expression's sentence several times (side signal, tense, weekday in the
# week named); a text's hash is computed once, so the cache key is cheap.
@functools.lru_cache(maxsize=256)
def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence around [start, end) (a rough splitter is enough here)."""
    lo = max(0, start - 300)
    left = lo
    i = start
    while i > lo:
        # Walk back over the few punctuation marks only, instead of running a regex at every char.
        cand = max(
            text.rfind(".", lo, i), text.rfind("!", lo, i), text.rfind("?", lo, i), text.rfind("\n", lo, i)
        )
        if cand < 0:
            break
        # Up to the first character of the expression: the lookahead must see a sentence open there.
        m = _SENTENCE_END.match(text, cand, start + 1)
        if m is not None and _is_boundary(text, m):
            left = m.end()
            break
        i = cand
    hi = min(len(text), end + 300)
    right = hi
    if text[end - 1 : end] == "." and _NEW_SENTENCE_AFTER.match(text, end):
        return left, end  # the expression's own period ends it: "came shortly before 5 a.m. The House"
    for m in _SENTENCE_END.finditer(text, end, hi):
        if _is_boundary(text, m):
            right = m.start() + 1
            break
    return left, right


_BARE_PARTICIPLES = _words("broadcast cast put cut set run hit read shut")
# Verbs whose past is their bare form: after "he", "she" or "it" the bare form is past, as the
# present would take an -s ("the 1.2 percent he forecast in December", "it cut rates in May").
_SAME_PAST = _words("broadcast cast put cut set hit shut forecast spread cost quit bid upset let hurt burst")
_SINGULAR_SUBJECTS = _words("he she it")
# Verbs that link a subject to an adjective, as "closed" is in "would stay closed".
_LINKING = _words("stay stays staying remain remains remaining seem seems seemed get gets getting keep keeps")
# Pronouns that open a relative clause, which ends at its comma ("Lampard, whose contract ...,").
_RELATIVE = _words("who which whose whom")
# A charge names a past act: "is charged with killing 12 people on July 20", "accused of stealing",
# "faces trial for killing his wife on Monday", "pleaded guilty to lying".
_ALLEGING = _words(
    "charged accused suspected convicted acquitted indicted arrested jailed sentenced fined trial guilty "
    "innocent"
)
# After "could", words that make it a past "can" ("could see the smoke on Monday", "could only
# watch") or a perfect whose participle lies beyond the window read ("could have"); "could still
# come Monday" is a possibility ahead.
_PAST_ABILITY = _words("see hear feel smell taste only hardly barely scarcely have 've")
_INVERTING = _words("will would could should can may might must do does did 'll shall")
# After these a verb is bare, whatever it looks like ("will set out", "to beat").
_BARE_AFTER = _INVERTING | {"to"}
# "help it cut costs by June", "let it set prices": a bare verb after a causative's object.
_CAUSATIVE = _words("let lets make makes help helps helping")


def _looks_past(word: str) -> bool:
    """Whether a lowercased word reads as a past-tense verb ("told", "forced")."""
    return word in _PAST or (word.endswith("ed") and len(word) > 4 and not _not_ed(word))


def _not_ed(word: str) -> bool:
    """Whether a lowercased '-ed' word is no past verb: a listed adjective, or a negated participle
    ("unspecified", "undisclosed"), which is an adjective unless 'un' reverses a verb ("unveiled")."""
    if word in _NOT_ED:
        return True
    return word.startswith("un") and not word.startswith("under") and word not in _REVERSED


def _in_phrase(lows: list[str], i: int, test: Callable[[int], bool], reach: int = 8) -> bool:
    """Whether a token passing `test` (given its index) precedes token i within its phrase: at most
    `reach` tokens back, up to a clause break."""
    for j in range(i - 1, max(0, i - reach) - 1, -1):
        if lows[j] in _CLAUSE_BREAK:
            return False
        if test(j):
            return True
    return False


def _past_in_phrase(lows: list[str], i: int) -> bool:
    """Whether a past-looking verb precedes token i within its phrase."""
    return _in_phrase(lows, i, lambda j: _looks_past(lows[j]))


_NEGATIONS = _words("not n't never neither nor no nobody none")


def _negated(lows: list[str], i: int) -> bool:
    """Whether a negation precedes token i in its clause ("neither he nor she could be found")."""
    return _in_phrase(lows, i, lambda j: lows[j] in _NEGATIONS)


def _participle(word: str) -> bool:
    """Whether a word reads as a past participle ("held", "shown", "broadcast")."""
    return word.endswith(("ed", "en", "wn")) or word in _PAST or word in _BARE_PARTICIPLES


def _auxiliary(lows: list[str], i: int) -> str:
    """The word before token i, past any -ly adverbs: "be" in "will be permanently sealed"."""
    j = i - 1
    while j > 0 and lows[j].endswith("ly") and len(lows[j]) > 4:
        j -= 1
    return lows[j] if j >= 0 else ""


def _opens_clause(lows: list[str], start: int, stop: int) -> bool:
    """Whether lows[start:stop] open a clause with a tense of its own: a "that" clause ("warned that
    winds could drive the slick ashore on Friday"), a relative clause set off by a comma ("fiscal
    2013, which ends in October"), or a present scheduling verb in -s joined by "and" or "but" ("began
    on June 1 and runs through November 30")."""
    if "that" in lows[start:stop] and any(
        # After a preposition "that" is a determiner: "struck $450 million from that verdict in March".
        lows[j] == "that" and (j == 0 or lows[j - 1] not in _PREPOSITIONS)
        for j in range(start, stop)
    ):
        return True
    return any(
        (lows[j] == "," and lows[j + 1] in _RELATIVE)
        or (lows[j] in ("and", "but") and lows[j + 1].endswith("s") and lows[j + 1] in _SCHEDULED)
        for j in range(start, stop - 1)
    )


def _closes_insert(lows: list[str], comma: int) -> bool:
    """Whether the comma at `comma` closes a relative clause or an age set off after the subject
    ("Kerry, who arrived Sunday, leaves ...", "Obama, 51, visits ..."): the verb after it is the
    main one, not a noun in a list or an apposition ("Alarcon, head of the assembly")."""
    if lows[comma] != ",":
        return False
    opening = next((j for j in range(comma - 1, -1, -1) if lows[j] == ","), None)
    if opening is None:
        return False
    # Numbers are not tokens: an age leaves the two commas side by side. A participle set off after
    # the subject closes too: "The tournament, known as March Madness, begins Tuesday".
    inside = lows[opening + 1 : comma]
    return not inside or inside[0] in ("who", "which") or (opening > 0 and _participle(inside[0]))


def _cue(tokens: list[str], lows: list[str], i: int, timetable: bool = False) -> str | None:
    """Tense cue of token i (`lows` = the tokens lowercased): 'past', 'pluperfect' (past even in an
    "if" clause), 'future', 'prog', 'present', 'would', 'timetable' or None; `timetable` lets a
    scheduling verb's simple present point ahead."""
    word = lows[i]
    if word.endswith(("n't", "n’t")) and word[:-3] in _NEGATED_AUXILIARIES:
        word = word[:-3]  # "wouldn't" tells the tense "would" does
    if "-" in word and word.split("-", 1)[0] not in _VERB_PREFIXES:
        return None  # a compound ("remote-controlled", "long-awaited") is no finite verb
    prev = lows[i - 1] if i > 0 else ""
    prev2 = lows[i - 2] if i > 1 else ""
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    if (
        word in ("would", "could", "might", "should", "must", "'d")
        and nxt in ("have", "'ve")
        and _participle(lows[i + 2] if i + 2 < len(lows) else "")
    ):
        return "past"  # a perfect modal looks back: "would have been different", "must have left"
    if word in ("had", "'d") and _participle(nxt):
        # A past perfect is past even in an "if" clause: "if we'd been successful in June".
        return "pluperfect"
    if word == "'d":
        return "would"  # "he'd meet them on Monday"
    if word.endswith("ing") and prev in ("with", "of", "for", "to") and prev2 in _ALLEGING:
        # The charge dates what follows it ("charged with killing 12 people on July 20"), not the
        # expression just before it ("faces trial in July, accused of orchestrating violence").
        return None if "<t>" in lows[max(0, i - 5) : i - 2] else "past"
    if word in _SAME_PAST and prev in _SINGULAR_SUBJECTS and prev2 not in _INVERTING | _CAUSATIVE:
        return "past"  # not a question's "will it cut rates in June?"
    if word in ("would", "might", "should") or tokens[i] == "may":
        # Modals put the event ahead of the moment they are said, weaker than "will" ("could" is
        # as often a past "can"): "cooler air should arrive on Monday".
        return "would"
    if word == "could" and nxt and nxt not in _PAST_ABILITY and not _negated(lows, i):
        # "could be contained by Monday", "a final vote could come Wednesday": a possibility ahead.
        # A negated "could" is a past "can" ("could not be reached Monday", "neither he nor his wife
        # could be located Wednesday"), as it is before a verb of perception or "only".
        return "would"
    if word == "going" and nxt == "to":
        return "past" if prev in ("was", "were") else "future"
    if word in ("heading", "going", "moving") and nxt == "into" and prev not in ("was", "were"):
        return "future"  # "supplies were ample heading into the winter": the coming one
    if word in ("is", "are") and nxt == "to":
        return "future"
    if word in ("was", "were") and nxt == "to" and lows[i + 2 : i + 3] == ["be"]:
        return "would"  # "the well was to be sealed by Sunday": a plan, seen from the past
    if word == "likely" and nxt == "to":
        return "would"  # "the virus was likely to cause an epidemic in the autumn"
    if word == "ahead" and nxt == "of":
        # After a past verb it only orders two past events: "sales soared ahead of Valentine's Day".
        return None if _past_in_phrase(lows, i) else "future"
    if word in _PREPARE and nxt == "for" and prev not in ("was", "were"):
        return "future"  # "retailers are bracing for Christmas", "officials prepare for June's vote"
    if word in _PROMISE and nxt == "to":
        return "future"
    if word in _PLAN:
        if word == "planned" and nxt == "for" and prev not in _PAST_AUX:
            return "future"  # "rises planned for September": a reduced "which are planned for"
        return "future" if nxt == "to" else None
    if word in _EXPECT:
        return "future"  # "they expect the deal to close by Dec. 15"
    if word == "supposed" and nxt == "to" and prev in _BE_PRESENT:
        return "future"  # "talks that are supposed to conclude by May"
    if word in ("hopes", "aims") and (prev in _DETERMINERS or nxt in ("of", "for")):
        return None  # a noun: "the company's best hopes of plugging the leak rested on ..."
    if word in _FUTURE:
        if word in ("set", "expected") and nxt == "to":
            return "future"  # "talks, set to resume Monday": a reduced "which are set to"
        if word == "set" and prev in _BARE_AFTER:
            return None  # "will set out his plans on Monday": the auxiliary tells the tense
        if word == "set" and prev not in _BE_PRESENT and nxt != "for":
            return "past"  # "a record high set on Aug. 6"; "a summit set for April" is ahead
        # A fuzzy "early" or "late" is not yet in the expression's span when its day is resolved; a
        # particle belongs to the phrase ("due out in September", "due back on Monday").
        then = lows[i + 2] if nxt in ("early", "late", "out", "back") and i + 2 < len(lows) else nxt
        if (
            word in ("due", "expected")
            and then in _DUE_BEFORE_DATE
            and prev not in _PAST_AUX
            and _COMPARED.isdisjoint(lows[max(0, i - 3) : i])
        ):
            # A reduced "which is due": "a rise in fuel duty due in September was scrapped", "with a
            # result expected early Friday" are still ahead of their paper, whatever became of them;
            # "was due on Monday" stays with the past, and "(more) than (analysts) expected" compares
            # with a forecast.
            return "future"
        if word in ("expected", "due") and prev not in _BE_PRESENT and prev != "be":
            return None  # "be": "a second wave could be expected in the autumn"
        if word == "scheduled" and (
            (aux := _auxiliary(lows, i)) in ("was", "were") or (aux == "been" and prev2 == "had")
        ):
            return "past"  # "were originally scheduled to return on Monday": a plan that has lapsed
        return "future"
    if word in ("forecast", "predicted", "projected") and prev in _BE_PRESENT:
        return "future"  # "snow is forecast through Tuesday night", "are projected to peak in May"
    if (
        timetable
        and word in ("effect", "force")
        and ((prev, word) == ("takes", "effect") or (prev, prev2) in _INTO_EFFECT)
    ):
        # "the law takes effect Oct. 1", "goes into effect on Monday", "comes into force on Sunday"
        return "timetable"
    if timetable and word == "effective" and nxt == "<t>" and prev not in _BECAME:
        return "timetable"  # "a new labor pact effective June 1"; not "became effective Monday"
    if timetable and word in ("starting", "beginning") and nxt == "<t>" and prev not in _BE_OR_HAD:
        return "timetable"  # "Starting Tuesday, fares rise"; not "was starting Tuesday"
    if timetable and word in _SCHEDULED:
        if (
            prev in _NOT_PRESENT
            # "that" before a verb in -s is a relative pronoun ("the fiscal year that ends Sept. 30"):
            # as a determiner it takes a singular noun.
            or (prev in _DETERMINERS and not (prev == "that" and word.endswith("s")))
            or (prev in (",", ";", ":") and not _closes_insert(lows, i - 1))
            or prev.endswith(("'s", "’s"))
            # After a past verb a bare form is its object's noun: "humiliated host Brazil on Tuesday".
            or (_looks_past(prev) and not word.endswith("s"))
            # A past verb two back makes an -s form a plural noun after its modifier: "flew practice
            # runs on Thursday" (not "said it runs", "said Obama visits": a clause of their own).
            or (
                _looks_past(prev2)
                and tokens[i - 1].isalpha()
                and tokens[i - 1].islower()
                and prev not in _DETERMINERS
                and prev not in _S_PRONOUNS
            )
            # A bare form after an -ing word is a noun it modifies: "soared in their trading debut
            # on Thursday" (a gerund subject would take the -s form).
            or (prev.endswith("ing") and len(prev) > 4 and not word.endswith("s"))
            # "head" is a verb only going somewhere ("voters head to the polls Sunday"), else a noun
            # ("Hamas head Ismail Haniyeh on Sunday").
            or (word == "head" and nxt not in ("to", "for", "into", "home", "back"))
            # "close" is a timetable's only on the hour or the day ("polls close at 8 p.m.", "close
            # Monday"): "offices close on King Day" is a habit, "close to" nearness, "is close" a state.
            or (word == "close" and (nxt not in ("at", "<t>") or prev in _BE_PRESENT or prev in _PAST_AUX))
            # "open" after a verb in its phrase is an adjective: "left the door open", "remain open".
            or (word == "open" and _in_phrase(lows, i, lambda j: _looks_past(lows[j]) or lows[j] in _LINKING))
        ):
            # An infinitive, a negated past ("did not meet"), or a noun ("the votes", "Alarcon, head
            # of the assembly").
            return None
        return "timetable"
    if word == "be" and prev == "to" and _participle(nxt) and not _past_in_phrase(lows, i - 1):
        # "an interview to be broadcast later on Sunday": something still to happen; after a past verb
        # in its phrase it is that verb's complement ("forced the operation to be suspended"), and
        # after a rank it tells what has happened ("the first to be published").
        return None if prev2 in _RANKS else "future"
    if prev == "," and word in _ALLEGING and nxt in ("of", "with"):
        # A charge set off after the noun tells who the person is, not when: "faces trial in July,
        # accused of orchestrating violence".
        return None
    if word in _PAST:
        # "will be announced", "to be held": a participle after "be" is no past tense; nor is a bare
        # form that is also a past after a modal or "to" ("will beat Michigan on Monday").
        aux = _auxiliary(lows, i)
        if aux in ("is", "are", "am", "'re", "’re"):
            return None  # a present passive: "the conference is usually held in June" ("'s" may be "has")
        return None if aux in ("be", "being") or aux in _BARE_AFTER else "past"
    if word in ("is", "are", "am", "'s", "'re", "'m"):
        if nxt.endswith("ing") and len(nxt) > 5:
            return None  # the progressive's own cue is on its '-ing' word ("is preparing")
        return "present"
    if word.endswith("ing") and len(word) > 5 and prev in _BE_PRESENT:
        # "On Sunday it is preparing ...": a plan for a weekday. For a month or a date the progressive
        # tells what goes on now ("the cap placed on 3 June is collecting oil"): no side by itself.
        return "prog" if timetable else "present"
    if word.endswith("ed") and len(word) > 4 and not _not_ed(word) and not word.endswith("eed"):
        # Passives and infinitives in the present ("is expected", "to be voted") are not past.
        aux = _auxiliary(lows, i)
        if aux in _BE_PRESENT or aux in ("be", "being", "to", "will") or prev2 == "will":
            return None
        if aux in _LINKING:
            return None  # "would stay closed through the weekend": an adjective; the link verb tells
        if prev in _DETERMINERS and not (prev == "that" and nxt in _OBJECT_OPENERS):
            # "the seabed", "a detailed plan": a noun or an adjective, not a verb; a relative "that"
            # before a verb and its object or preposition is no determiner ("a debate that stretched
            # into the night").
            return None
        if tokens[i][0].isupper() and i > 0 and not tokens[i].isupper():
            return None  # a proper name such as "United" (all caps is a headline's verb: "RALLIED")
        return "past"
    return None


def _quote_window(text: str, left: int, right: int, start: int, end: int) -> tuple[int, int]:
    """Narrow [left, right) to the quotation around [start, end), if the expression is quoted."""
    if _QUOTE_MARK.search(text, left, right) is None:
        return left, right  # one scan instead of eight when no quote is near
    opens = [(text.rfind(q, left, start), q) for q in (*_OPEN_QUOTES, *_CLOSE_QUOTES)]
    pos, mark = max(opens)
    if pos >= 0 and mark in _OPEN_QUOTES:
        left = pos
    closes = [c for c in (text.find(q, end, right) for q in _CLOSE_QUOTES) if c >= 0]
    first_open = min((c for c in (text.find(q, end, right) for q in _OPEN_QUOTES) if c >= 0), default=-1)
    if closes and (first_open < 0 or min(closes) < first_open):
        right = min(closes)
    return left, right


# Past verbs of a state that lasted: "until" after them names when it ended, not a day ahead (unlike
# "postponed until Tuesday", which points ahead).
_ENDED_STATE = _words("ran lasted stayed remained continued waited worked lived slept")
# Verbs that move a date later: "to" after them names the new date, still ahead.
_POSTPONED = _words(
    "postponed postpone postpones delayed delay delays extended extend extends rescheduled reschedule "
    "adjourned adjourn deferred defer pushed"
)
# A preposition right before the expression that settles the side by itself.
_SIDE_SIGNAL: dict[str, Tense] = {"until": "future", "till": "future", "since": "past", "ended": "past"}


def _past_main_clause(after: Sequence[str]) -> bool:
    """Whether the clause after the first comma opens with a past 'was', 'were' or 'had'."""
    if "," not in after:
        return False
    k = list(after).index(",")
    return any(w in ("was", "were", "had") for w in after[k + 1 : k + 3])


# The past auxiliaries a negation before "until" follows ("did not", "was not"), and their contractions.
_NEGATABLE_PAST = _words("did was were")
_NEGATED_PAST = _words("didn't didn’t wasn't wasn’t weren't weren’t")


# After "was" or "were", words that make the state a plan ("was due to reopen until", "were set").
_PLANNED_STATE = _words("to due expected scheduled likely supposed going")


def _past_state(words: Sequence[str], k: int) -> bool:
    """Whether a "was" or "were" up to three words before the "until" at k tells of a state that
    ended ("were down until"), with no reporting verb before it (which would make it reported speech:
    "said the road was shut until Monday" may be a day ahead). A participle after it may be a decision
    whose end is still ahead: "was banned until 2015", "was postponed until Tuesday"."""
    for j in range(max(0, k - 3), k):
        if words[j] in ("was", "were"):
            state = words[j + 1]
            return (
                state not in _PLANNED_STATE
                and not _looks_past(state)
                and state not in _BARE_PARTICIPLES
                and _SAY_VERBS.isdisjoint(words[:j])
            )
    return False


def _negated_past(words: Sequence[str]) -> bool:
    """Whether `words` (before an "until") hold a negated "did", "was" or "were" with no modal or "to"
    after it ("did not yield until", "was not charged until"), or end in the cleft "it was not"."""
    if list(words[-3:]) == ["it", "was", "not"] or list(words[-2:]) in (["it", "wasn't"], ["it", "wasn’t"]):
        return True
    for j, word in enumerate(words):
        rest = words[j + 1 :]
        negated = word in _NEGATED_PAST or (word in _NEGATABLE_PAST and not _NEGATIONS.isdisjoint(rest[:2]))
        if negated and not any(w in _BARE_AFTER for w in rest):
            return True
    return False


def _signal(before: Sequence[str], after: Sequence[str] = ()) -> Tense:
    """The side a signal word settles; `before` and `after` are the lowercased words around."""
    if before[-1:] == ["to"] and not _POSTPONED.isdisjoint(before[-7:-1]):
        return "future"  # "extended the deadline to September", "postponed the vote to Monday"
    # Most expressions have no signal word before them: each loop runs only when its word is there.
    if not _SIDE_SIGNAL.keys().isdisjoint(before[-3:]):
        for k in range(max(0, len(before) - 3), len(before)):
            word = before[k]
            signal = _SIDE_SIGNAL.get(word)
            if signal == "future" and not _ENDED_STATE.isdisjoint(before[max(0, k - 3) : k]):
                return "past"  # "talks ran until Sunday", "banks remained closed until Tuesday": over
            if signal == "future" and _past_state(before, k):
                return "past"  # "some ATMs were down until Thursday morning"
            if signal == "future" and _negated_past(before[max(0, k - 6) : k]):
                return "past"  # "did not yield the floor until Friday", "it was not until Tuesday that"
            if signal == "future" and (
                "had" in before[-8:] or "had" in after[:4] or _past_main_clause(after)
            ):
                # "Until Thursday, they had not called him a suspect", "had claimed until Thursday",
                # "until April's accident in the Gulf, it was the worst spill": a state that ended.
                return "past"
            if signal:
                return signal
    if before[-3:] == ["as", "soon", "as"]:
        return "future"
    if "since" in before[-10:]:
        for word in reversed(before[-10:]):
            # "Since KKR bought RJR in February": a clause opened by "since" tells of the past.
            if word in _CLAUSE_BREAK:
                break
            if word == "since":
                return "past"
    return None


def side_signal(text: str, start: int, end: int) -> Tense:
    """The side a preposition or clause opener right before [start, end) settles ('until', 'since')."""
    left, right = sentence_bounds(text, start, end)
    before = list(_words_at(text, max(left, start - _REACH_BEFORE), start)[1])
    return _signal(before, list(_words_at(text, end, min(right, end + _REACH_AFTER))[1]))


def tense_at(text: str, start: int, end: int, *, timetable: bool = False) -> Tense:
    """The tense that decides the side of the DCT for the expression at [start, end) (`timetable`:
    a weekday, for which a scheduling verb's simple present points ahead)."""
    return _tense_cue(text, start, end, timetable)[0]


def may_be_timetable(text: str, start: int, end: int) -> bool:
    """Whether a scheduling verb stands near [start, end), so `timetable` may change its tense (a
    cheap test that spares a second reading of the sentence)."""
    lo, hi = max(0, start - _REACH_BEFORE), end + _REACH_AFTER_FRONTED
    # A screen at C speed first: the window's runs of ASCII letters hold every verb the exact test
    # below can find (and more: pieces of words glued to digits or accented letters).
    if _TIMETABLE_BYTES.isdisjoint(letter_runs(text[lo:hi].lower())):
        return False
    # A set look-up per word: a case-insensitive alternation of the verbs cost ten times as much.
    return not _TIMETABLE_WORDS.isdisjoint(w.lower() for w in _WORD_RUN.findall(text, lo, hi))


def firm_tense_at(text: str, start: int, end: int, *, timetable: bool = False) -> tuple[Tense, bool]:
    """The tense at [start, end) and whether it is firm: a past verb that governs the expression
    itself, with no infinitive, modal or conjunction between them and not a reporting verb ("died
    in the explosion in April", not "agreed to buy the unit in February", "said it pays in January")."""
    return _tense_cue(text, start, end, timetable)


def _verb_before(tokens: list[str], lows: list[str], pivot: int) -> bool:
    """Whether a tense cue precedes token `pivot` anywhere in its clause."""
    return _in_phrase(lows, pivot, lambda j: _cue(tokens, lows, j) is not None, reach=pivot)


_FRONTED = re.compile(r"[\"“‘'`(\s]*(?:[A-Z][a-z]+\s+)?")


# Clause breaks and "if" words are never cues themselves.
_NO_CUE = _CLAUSE_BREAK | _CONDITIONAL
# Every word `_cue` can read as a cue, and the endings it reads ('-ed', '-ing', a negated auxiliary):
# the scan skips any other token without calling it, as most tokens are no cue at all.
_MAY_CUE = (
    _PAST
    | _FUTURE
    | _PLAN
    | _PROMISE
    | _PREPARE
    | _EXPECT
    | _SAME_PAST
    | _SCHEDULED
    | _BE_PRESENT
    | _words(
        "would could might should must 'd had may going heading moving is are am was were 's 're 'm likely "
        "ahead supposed forecast predicted projected effect force effective starting beginning be"
    )
) - _NO_CUE
_CUE_ENDINGS = ("ed", "ing", "n't", "n’t")


@functools.lru_cache(maxsize=512)
def _by_distance(pivot: int, n: int) -> tuple[tuple[float, int], ...]:
    """Token indices around `pivot` (itself left out), nearest first, with their distances: a token
    after it counts 1.5 times as far, and a tie goes to the token before it (cached: the same few
    shapes recur)."""
    order: list[tuple[float, int]] = []
    left, right = pivot - 1, pivot + 1
    while left >= 0 or right < n:
        to_left = pivot - left if left >= 0 else math.inf
        to_right = (right - pivot) * 1.5 if right < n else math.inf
        if to_left <= to_right:
            order.append((to_left, left))
            left -= 1
        else:
            order.append((to_right, right))
            right += 1
    return tuple(order)


# How far (tokens) a progressive may stand from a date it points ahead ("is meeting in April").
_PROGRESSIVE_REACH = 6


# What a participle set off after its noun goes on with: its agent or a phrase of time or place
# ("The deal, signed by both leaders on Saturday, ..."), not an object as a finite verb's.
_PARTICIPLE_GOES_ON = _words("by in on at during last earlier late early")


def _set_off_participle(words: Sequence[str], k: int) -> bool:
    """Whether the lowercased `words` from k (just after a comma) to the expression are a past
    participle's phrase: "agreed by the ministers in the early hours of", not "said that at the close
    of"."""
    if k >= len(words) or not _looks_past(words[k]) or words[k] in _SAY_VERBS:
        return False
    return k + 1 == len(words) or words[k + 1] in _PARTICIPLE_GOES_ON


def _tense_cue(text: str, start: int, end: int, timetable: bool) -> tuple[Tense, bool]:
    left, right = sentence_bounds(text, start, end)
    # A fronted date ("In January, a week after the anniversary, a bombing in Birmingham killed a
    # guard") is told by the main verb, which may come well after it.
    fronted = _FRONTED.fullmatch(text, left, start) and text.startswith(",", end)
    reach = _REACH_AFTER_FRONTED if fronted else _REACH_AFTER
    left, right = _quote_window(text, max(left, start - _REACH_BEFORE), min(right, end + reach), start, end)
    # A window cut inside a word would make a cue of its piece ("visit" of "visiting").
    while 0 < left < start and text[left - 1].isalpha():
        left += 1
    while end < right < len(text) and text[right].isalpha():
        right -= 1
    before, low_before = map(list, _words_at(text, left, start))
    after, low_after = map(list, _words_at(text, end, right))
    signal = _signal(low_before, low_after)
    if signal is not None:
        return signal, False
    for i, low in enumerate(low_after):
        if low in _RIGHT_STOP or (low == "," and not _SAY.isdisjoint(low_after[i + 1 : i + 5])):
            after, low_after = after[:i], low_after[:i]
            break
    last_comma = len(before) - 1 - before[::-1].index(",") if "," in before else -1
    if not _RELATIVE.isdisjoint(low_before[last_comma + 1 :]) and "," in after:
        # A relative clause ends at its comma; the main verb after it is another clause's tense
        # ("Hayward, who faces a hearing on Thursday, has received a letter", "Lampard, whose
        # contract expires in June, scored twice").
        cut = after.index(",")
        after, low_after = after[:cut], low_after[:cut]
    elif last_comma >= 0 and "," in after and _set_off_participle(low_before, last_comma + 1):
        # So does a participle set off after its noun: "The plan, agreed by the ministers in the
        # early hours of Saturday, would raise 5.8 billion euros" tells of last Saturday.
        cut = after.index(",")
        after, low_after = after[:cut], low_after[:cut]
    tokens = [*before, "<T>", *after]
    lows = [*low_before, "<t>", *low_after]
    pivot = len(before)
    # Which tokens sit in an "if" clause (their past forms are irrealis); breaks and the expression
    # itself reset it. The cue words themselves are skipped.
    # Nearest cue wins; tokens are visited by distance so the scan stops at the first cue whose
    # (never smaller) adjusted distance cannot be beaten. Ties go to the leftmost token.
    conditional_at = [False] * len(tokens)
    if not _CONDITIONAL.isdisjoint(lows):
        conditional = False
        for i, low in enumerate(lows):
            if i == pivot or low in _CLAUSE_BREAK:
                conditional = False
            elif low in _CONDITIONAL:
                conditional = True
            else:
                conditional_at[i] = conditional
    best: tuple[float, int, str] | None = None
    order: Iterable[tuple[float, int]] = _by_distance(pivot, len(lows))
    if pivot > 1 and lows[pivot - 1] in _GOVERNED_BY:
        # The word before "in", "on" or "by" governs the expression and counts as next to it: "a rise due
        # in September was scrapped" is told by "due", not by the nearer "was" after it.
        order = itertools.chain(((1.0, pivot - 2),), (o for o in order if o[1] != pivot - 2))
    for base, i in order:
        if best is not None and base > best[0]:
            break
        low = lows[i]
        if low not in _MAY_CUE and not low.endswith(_CUE_ENDINGS):
            continue
        cue = _cue(tokens, lows, i, timetable)
        if cue is None or (conditional_at[i] and cue == "past"):
            continue
        if cue == "pluperfect":
            cue = "past"
        if cue == "past" and i == pivot + 1 and lows[i].endswith("ed") and _verb_before(tokens, lows, pivot):
            # "will face a hearing on Thursday devoted to the disaster": with a verb before the
            # expression in its clause, an '-ed' word right after it is a participle on the noun.
            continue
        if cue == "past" and 0 < i < pivot and lows[i - 1] == "," and "," in lows[i + 1 : pivot]:
            # A participle set off after its noun tells of the noun, not of the clause's date: "the
            # new model, unveiled in February, goes on sale in June".
            continue
        if cue == "past" and i < pivot and _opens_clause(lows, i + 1, pivot):
            # A clause opened between the past verb and the expression has its own tense.
            continue
        distance = base
        if cue == "present":
            # A present-tense copula nearest the expression leaves the side to proximity.
            distance += 2.5
        elif cue == "timetable":
            # A timetable verb governs the weekday after it ("faces a hearing on Thursday"); one after
            # the day only decides when no other verb does ("won the vote Tuesday & faces a runoff",
            # "the meeting is on Wednesday when Svanberg meets Obama").
            cue, distance = "future", distance + (10 if i > pivot else 0)
        elif cue == "prog" and base > _PROGRESSIVE_REACH:
            # Far off, a progressive tells what goes on now, not when the date is: "oil is continuing
            # to leak into the Gulf following the explosion on the rig in April".
            cue, distance = "present", distance + 2.5
        elif cue == "prog":
            cue, distance = "future", distance + 1
        elif cue == "would":
            # Future in the past: weaker than a plain tense cue at the same distance. On the left a
            # nearer modal is the reported clause's own verb and beats the reporting verb before it
            # ("Allen said BP would test the well on Tuesday").
            cue, distance = "future", distance * 1.5 if i > pivot else distance + 0.5
        if best is None or (distance, i) < best[:2]:
            best = (distance, i, cue)
    if (
        timetable
        and best is not None
        and best[2] == "present"
        and (best[1] == pivot - 1 or (best[1] == pivot - 2 and lows[pivot - 1] in ("on", "at")))
    ):
        # A weekday a present copula names: "the vote is on Friday", "the deadline is 5 p.m. Friday"
        # tell of a day to come (a day gone by would be "was").
        return "future", False
    if best is None or best[2] == "present":
        # With no verb to go by, or only a present one, "by" sets a deadline ahead ("supplies ready
        # by winter", "unless a deal is reached by Monday"), unless it opens the sentence ("By
        # Monday, 89m gallons ...") or the day is written out ("by Jan. 14"), which the nearest side
        # decides better.
        deadline = (
            before[-1:] == ["by"]
            and not text[end : end + 2].lstrip().startswith(",")
            and not any(ch.isdigit() for ch in text[start:end])
        )
        return ("future" if deadline else None), False
    if best[2] != "past":
        return "future", False
    i = best[1]
    between = lows[i + 1 : pivot] if i < pivot else lows[pivot + 1 : i]
    firm = lows[i] not in _REPORTING and not any(w in _DEFERRING or w in _COORDINATING for w in between)
    return "past", firm


# Without a tense cue a weekday is the past one (news reports what happened), except the day after
# the DCT: "Obama arrives in Israel Wednesday" in Tuesday's paper.
NEAR_FUTURE_DAYS = 1


def weekday_date(dct: dt.date, weekday: int, tense: Tense) -> dt.date:
    """The weekday nearest the DCT on the side the tense picks (no tense: past, or tomorrow)."""
    delta = weekday - dct.weekday()
    if delta == 0:
        return dct
    if tense == "future" or (tense is None and delta % 7 <= NEAR_FUTURE_DAYS):
        return dct + dt.timedelta(days=delta % 7)
    return dct - dt.timedelta(days=(-delta) % 7)


# How far (months) a tense may pull a month or a day written without its year from the nearest one.
REACH = 8.0


def month_year(dct: dt.date, month: int, day: int | None, tense: Tense, reach: float = REACH) -> int:
    """Year of a month (and day) written without one: nearest, or the tense's side within `reach`."""
    here = (month, day or 15)
    now = (dct.month, dct.day if day else 15)
    if here == now or (day is None and month == dct.month):
        return dct.year
    past_year = dct.year if here < now else dct.year - 1
    future_year = dct.year if here > now else dct.year + 1

    def months_away(year: int) -> float:
        return abs((year - dct.year) * 12 + (month - dct.month) + ((day or 15) - dct.day) / 31)

    if tense == "past" and months_away(past_year) <= reach:
        return past_year
    # A future cue ("will", "scheduled") is rarely a misreading, unlike the many '-ed' words that
    # look past: it may pull up to a year ahead ("will visit in December" said in March).
    if tense == "future" and months_away(future_year) <= max(reach, 12):
        return future_year
    return past_year if months_away(past_year) < months_away(future_year) else future_year


def shift(day: dt.date, *, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0) -> dt.date:
    """Calendar arithmetic (month ends clamp), by pendulum."""
    d = pendulum.date(day.year, day.month, day.day).add(years=years, months=months, weeks=weeks, days=days)
    return dt.date(d.year, d.month, d.day)


def week_value(day: dt.date) -> str:
    """ISO week value of a day, e.g. 2017-W15."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    """Calendar quarter (1-4) of a day."""
    return (day.month - 1) // 3 + 1
