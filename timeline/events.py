"""Timex + sentence -> Mention: the sentence that dates an event, who did what, and the date.

An expression yields a mention only when it dates something: resolved DATE/TIME expressions do;
durations, sets, vague references (PRESENT_REF, "in recent days"), "now"/"today" inside a quotation,
and the date of a tweet signature line ("— Donald J. Trump (@realDonaldTrump) April 19, 2017") do
not: the signature dates the tweet, whose own sentence is reported elsewhere in the article.
"""

from __future__ import annotations

import re

from timeline.model import Article, Mention, Timex
from timeline.text import _words_of as _words_of
from timeline.text import (
    detokenize,
    in_quotation,
    in_tweet,
    is_signature,
    names,
    sentence_at,
    sentence_spans,
    words,
)

MAX_TITLE_WORDS = 18
# Deictic words that, inside a quotation, refer to the speaker's moment, not a reported event.
_DEICTIC = frozenset({"now", "today", "tonight", "currently", "nowadays", "these days", "right now"})
_VAGUE = re.compile(r"\b(recent|recently|past few|coming|lately|once|some time|future|past)\b", re.I)
_REF_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
# Words that open a clause but say nothing about the event.
_CONNECTIVES = frozenset(
    _words_of(
        """
        and but or so yet then after before when whenever while although though as because since
        if until unless which who whom whose that where whereas meanwhile still however also
        despite even just only instead besides moreover furthermore nonetheless nevertheless
        thus hence
        """
    )
)
# Prepositions and determiners left dangling once the time expression is removed.
_DANGLING = frozenset(
    _words_of(
        """
        on in at by since until from during of last this next early late earlier later the on a
        for to around about between over through throughout within into past ago mid
        """
    )
)
_SUBORDINATORS = re.compile(
    r"\s(?:after|before|when|while|because|although|though|whereas|but|and|who|which|until|"
    r"where|as|so that|even as)\s",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"\s*(?:,(?!\d{3})|[;:()“”\"])\s*|\s[—–-]{1,2}\s|``|''")


# Page furniture that dates the page, not an event: reader-comment signatures ("At 4:33 pm on 28 May
# 2010, keyleigh wrote:"), update stamps ("Page last updated at 07:41 GMT, Wednesday, 9 June 2010"),
# print-edition notes ("This article appeared on p7 of the Main section ... on Monday 27 April").
_STAMP_BEFORE = re.compile(
    r"(?:(?:^|\|)\s*(?:page\s+)?(?:last\s+)?(?:updated|modified|published|posted)|"
    r"appeared\s+on\s+p\.?\s*\d+\b.*|this\s+article\s+was\s+\w+|"
    r"(?:posted|written|submitted)\s+by\s+[\w.@-]+(?:\s+[\w.@-]+)?\s*(?:on|at|,)?)"
    r"\s*(?:at|on)?[\s\d:.,apmAPM]*(?:GMT|BST|UK time|ET|EDT|EST)?[\s,]*$",
    re.I,
)
_STAMP_AFTER = re.compile(r"^[^.;:]{0,40}?,\s*[^,.;:]{1,40}\s+wrote\s*:", re.I)
# "at 1930 CDT": a 24-hour clock time read as a year.
_CLOCK_AFTER = re.compile(r"^\s*(?:GMT|BST|UTC|CDT|CST|EDT|EST|PDT|PST|MDT|MST|CET|CEST|ET|PT|hrs)\b")
# "Host | 12:20 UK time, Monday, 14 June 2010" and "09:27 UK time, Friday, 28 May 2010": entry stamps.
_STAMP_CLOCK = re.compile(
    r"(?:^|\|)\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?\s*(?:UK time|GMT|BST|ET|EDT|EST)?"
    r"[\s,]*(?:on\s+)?$",
    re.I,
)


def is_stamp(text: str, start: int, end: int, sentence_start: int) -> bool:
    """True when the expression is a page timestamp (comment signature, update stamp, print note)."""
    before = text[max(sentence_start, start - 120) : start]
    after = text[end : end + 80]
    return bool(
        _STAMP_BEFORE.search(before)
        or _STAMP_AFTER.match(after)
        or _STAMP_CLOCK.search(before)
        or (re.fullmatch(r"\d{4}", text[start:end].strip()) and _CLOCK_AFTER.match(after))
    )


def _ok(timex: Timex, text: str) -> bool:
    """True when the expression dates an event (see the module docstring for what does not)."""
    if timex.type not in ("DATE", "TIME") or not timex.resolved or timex.granularity is None:
        return False
    if timex.value in _REF_VALUES or timex.value.startswith("P"):
        return False
    if not (0 <= timex.start < timex.end <= len(text)):
        return False
    words_lower = timex.text.lower().strip()
    if not text[timex.start : timex.end].strip():
        return False  # nothing but blanks: no words to quote or title the event with
    if _VAGUE.search(words_lower):
        return False
    if words_lower in _DEICTIC and (
        in_quotation(text, timex.start, timex.end) or in_tweet(text, timex.start)
    ):
        return False
    return not is_signature(text, timex.start)


def _n_words(s: str) -> int:
    return len(words(s.replace(_MARK, "")))


_MARK = "\x00"
# Live-blog clock stamps ("11.25 BST"), photo credits ("Photograph: Mike Clarke/AFP/Getty Images").
_FURNITURE = re.compile(
    r"(?:^|\s)\d{1,2}[.:]\d{2}\s*(?:BST|GMT|CET|EDT|EST|UK time)\b|"
    r"\b(?:Photograph|Photo|Picture|Image)s?\s*:\s*(?:[\w.]+\s){0,3}?(?:[\w.]+\\?/)+[\w.]+(?:\s\w+)?|"
    r"(?:[A-Z][\w.]*\s){0,2}[A-Z][\w.]*\\?/(?:[\w.]+\\?/)*[A-Z][\w.]*(?:\sImages)?"
)
_LEADING_PREPS = frozenset({"in", "on", "at", "during", "by", "since", "until", "before", "after"})
_PAREN = re.compile(r"\s*\([^()]{0,40}\)|\s*-LRB-(?:(?!-RRB-).){0,40}-RRB-")


def make_title(sentence: str, t_start: int, t_end: int) -> str:
    """Who did what: the clause of `sentence` around [t_start, t_end), time expression removed."""
    before, after = sentence[:t_start], sentence[t_end:]
    # "Tuesday’s special election" -> "the special election": the possessive date becomes "the".
    poss = re.match(r"\s?['’]s\b", after)
    if poss:
        after = after[poss.end() :]
        before = before + " the"
    marked = _PAREN.sub("", before) + f" {_MARK} " + _PAREN.sub("", after)
    pieces = [p for p in _CLAUSE_BREAK.split(marked) if p and p.strip()]
    idx = next((i for i, p in enumerate(pieces) if _MARK in p), 0)
    clause = pieces[idx] if pieces else marked
    # A bare adverbial ("The next night, ...") borrows the clause it modifies: the next one when it
    # leads the sentence, else the one before.
    if _n_words(clause) < 3 and len(pieces) > 1:
        if idx + 1 < len(pieces) and (idx == 0 or _n_words(pieces[idx - 1]) < 2):
            clause = clause + " " + pieces[idx + 1]
        elif idx > 0:
            clause = pieces[idx - 1] + " " + clause
    # A leading prepositional phrase ("In Tuesday’s special election, Ossoff fell short") follows
    # the main clause it modifies: "Ossoff fell short in the special election".
    elif (
        idx == 0
        and len(pieces) > 1
        and clause.split()[0].lower() in _LEADING_PREPS
        and _n_words(pieces[1]) >= 3
    ):
        main = pieces[1].strip().rstrip(".!?")
        if _n_words(main) + _n_words(clause) > MAX_TITLE_WORDS:
            # Keep the main clause's own head ("the president said ..."), then the phrase if it fits.
            main = next((x for x in _SUBORDINATORS.split(main) if x.strip()), main)
        clause = main + " " + clause[:1].lower() + clause[1:]
        if _n_words(clause) > MAX_TITLE_WORDS:
            clause = main
    # A clause starting with a verb lost its subject to an apposition: take the nearest capitalised
    # short piece before it ("Spain's health minister, Trinidad Jimenez, confirms ...").
    first = clause.split()[0] if clause.split() else ""
    if idx > 0 and first[:1].islower() and first.lower() not in _CONNECTIVES - {"who", "which"}:
        for k in range(idx - 1, -1, -1):
            cand = pieces[k].strip()
            if cand[:1].isupper() and _n_words(cand) <= 6:
                clause = cand + " " + re.sub(r"^\s*(who|which)\s+", "", clause)
                break
    if _n_words(clause) > MAX_TITLE_WORDS and _MARK in clause:
        subs = [x for x in _SUBORDINATORS.split(clause) if x.strip()]
        j = next((i for i, x in enumerate(subs) if _MARK in x), 0)
        sub = subs[j] if subs else clause
        if _n_words(sub) < 4 and j > 0:
            sub = subs[j - 1] + " " + sub
        elif _n_words(sub) < 4 and j + 1 < len(subs):
            sub = sub + " " + subs[j + 1]
        clause = sub
    tokens = _FURNITURE.sub(" ", clause).split()
    if _MARK in tokens:
        k = tokens.index(_MARK)
        # Prepositions that introduced the expression go with it ("on Friday", "in November").
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        # "a June 2 runoff": the expression modified a noun, so its determiner stays.
        modifies_noun = nxt[:1].islower() and nxt.lower() not in (_DANGLING | _CONNECTIVES)
        if not poss:
            while k > 0 and tokens[k - 1].lower() in _DANGLING:
                if modifies_noun and tokens[k - 1].lower() in ("a", "an", "the"):
                    break
                tokens.pop(k - 1)
                k -= 1
        while k + 1 < len(tokens) and tokens[k + 1].lower().strip(",.") in ("ago", "later"):
            tokens.pop(k + 1)
        tokens.pop(k)
    while tokens and tokens[0].lower().strip(",") in _CONNECTIVES:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower().strip(",.;:") in (_CONNECTIVES | _DANGLING):
        tokens = tokens[:-1]
    cleaned = _FURNITURE.sub(" ", detokenize(" ".join(tokens))).strip(" ,.;:-—–\"'“”`|")
    toks = cleaned.split()
    if len(toks) > MAX_TITLE_WORDS:
        toks = toks[:MAX_TITLE_WORDS]
        while toks and toks[-1].lower().strip(",.;:") in (_CONNECTIVES | _DANGLING):
            toks = toks[:-1]
        cleaned = " ".join(toks).rstrip(",;:")
    if len(words(cleaned)) < 2:
        cleaned = detokenize(sentence)[:120]
    return cleaned[:1].upper() + cleaned[1:]


def extract_mentions(article: Article, timexes: list[Timex] | tuple[Timex, ...]) -> list[Mention]:
    """One Mention per expression that dates an event in the article, in text order."""
    text = article.text or ""
    spans = sentence_spans(text)
    out: list[Mention] = []
    for timex in sorted(timexes, key=lambda t: (t.start, t.end)):
        if not _ok(timex, text):
            continue
        span = sentence_at(spans, timex.start) or (timex.start, timex.end)
        s, e = span
        if is_stamp(text, timex.start, timex.end, s):
            continue
        e = max(e, timex.end)
        sentence = text[s:e]
        title = make_title(sentence, timex.start - s, timex.end - s)
        confidence = timex.confidence
        if timex.text.lower().strip() in _DEICTIC:
            confidence *= 0.8  # "today" outside a quote usually means the publication day
        assert timex.range_start is not None and timex.range_end is not None
        assert timex.granularity is not None
        out.append(
            Mention(
                article_id=article.id,
                timex=timex,
                quote=sentence.rstrip(),
                quote_start=s,
                title=title,
                start=timex.range_start,
                end=timex.range_end,
                granularity=timex.granularity,
                actors=tuple(names(detokenize(sentence))[:8]),
                confidence=round(confidence, 3),
            )
        )
    return out
