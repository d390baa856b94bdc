"""The first stage: what a member typed, parsed once into a Query the later stages read.

A Query carries the free text's words, its content words and their stems, the filters
(`tag:`, `author:`, "exact phrases"), the kind of question (who, when, how many…), and
the readings the words allow: without the words that name what a library holds ("blog
posts about…") and without the words that ask for the newest ("latest go release"). The
later stages choose between readings by how well each matches; nothing downstream splits
the question into words again. A request of an article itself rather than of its text
("summarise the coral article", "who wrote it?", "surprise me", "articles by NAME") is
read from closed classes of request words (`wants`), the rest kept as the reading that
names the article (`topic`).

This module is the entry point (`parse`) and reads the free text: typos of question words,
the readings without listing and recency words, comparisons. What it reads with lives
apart: the Query and its kinds in query.py, the filters (typed and said) in filters.py,
the requests of an article itself in article_asks.py, those of the library (newest, a
period's, a topic's counted or listed, any, its tags) in library_asks.py. The request
readers name what is left of a request through `Rereading` (this module's `_without`
bound to the query), so they never import this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rapidfuzz.distance import OSA

from bot.search.article_asks import asked_of_itself, others_alone, request_phrases
from bot.search.filters import Head, by_author, read_filters, tagged
from bot.search.framing import (
    without_correction,
    without_laughter,
    without_preamble,
    without_request_frame,
)
from bot.search.function_typos import function_typos
from bot.search.library_asks import (
    asks_newest,
    asks_period,
    asks_recent,
    topic_articles,
    within_period,
)
from bot.search.policy import DEFAULT, Policy
from bot.search.query import (
    AUTHORED,
    HOW_MEASURES,
    LISTED,
    Query,
    Rereading,
    Resolver,
    content_words,
    kind_of_folded,
    question_kind,
    terms_of,
)
from bot.search.question_words import (
    LISTING_WORDS,
    QUESTION_START,
    QUESTION_WORDS,
    RECENCY_WORDS,
    YES_NO_START,
)
from bot.search.social import social_kind
from bot.search.typed import clip
from bot.search.words import STOPWORDS, fold, folded_words, words

# Words that may come before the question word: "until which release", "since when".
_QUESTION_LEAD = frozenset(
    [
        "and",
        "so",
        "but",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "since",
        "until",
        "till",
        "to",
        "of",
        "with",
    ]
)


# After "how", words no typo of "many"/"much" is read into ("how long", "how it works").
_NOT_AMOUNTS = STOPWORDS | HOW_MEASURES


_OPENING = re.compile(r"(\w+)(\s+)(\w+)")
_AMOUNT_WORDS = ("many", "much")


# Chat spellings of "please", read as the word ("link pls" asks for the link).
_PLEASE = re.compile(r"\b(?:pls|plz|plox)\b")
# "r" for "are" where a question's words around it leave no doubt: right after its
# question word, or after the noun of "how many/much NOUN", and before a stopword ("when r
# the layoffs", "how many articles r there"); "is r the best language" and "what
# packages in r are there" keep the letter.
_ARE = re.compile(r"^(?P<lead>how (?:many|much)(?: [^\W\d_]+)?|[a-z]+) r (?P<after>[^\W\d_']+)")
# "u" for "you" right after an auxiliary verb that opens a request or question ("can u
# send the link", "do u have anything on otters", "are u there"): the verb wants a subject
# there, and a lone letter "u" is no other word (journey23: "can u send the link" searched
# "u" and "link" and answered a passage where scientists "link" its rise). Elsewhere
# ("u-boat", "the u in ucla", "uranium's u") the letter stays.
# The auxiliary may follow what opens the question ("what can u do", "hey how do u work":
# journey27's "hey what can u do" searched "u" and found nothing, not the help).
_YOU = re.compile(
    r"(?:^|(?<=\s))(?P<aux>(?:" + "|".join(sorted(YES_NO_START)) + r")) u(?= [^\W\d_]|\s*[?!.]*$)"
)


def _chat_spellings(folded: str) -> str:
    """Folded text with chat spellings of function words put right (see _PLEASE, _ARE)."""
    folded = _PLEASE.sub("please", folded)
    folded = _YOU.sub(r"\g<aux> you", folded)
    m = _ARE.match(folded)
    lead = m["lead"] if m else ""
    if m is None or m["after"] not in STOPWORDS:
        return folded
    if lead not in QUESTION_WORDS and not lead.startswith("how "):
        return folded
    return f"{lead} are {folded[m.start('after') :]}"


def _question_typos(folded: str) -> str:
    """Folded text with a mistyped question word put right, when the words around it
    leave no doubt it is one: "how meny stairs" asks how many, "wen did go 1 come out"
    and "wat is the atmosphere" ask when and what. A first word one typo from exactly one
    question word (all start with "w" or "h") counts only before an auxiliary verb or
    "many/much", so "hot dogs" and "way to go" stay as typed; the word after "how" only
    when it has four letters or more and is one typo from exactly one of "many" and
    "much" ("how man…" stays)."""
    m = _OPENING.match(folded)
    if m is None:
        return folded
    first, gap, second = m.groups()
    typed = first not in QUESTION_WORDS and first not in STOPWORDS and first[0] in "wh"
    # ("r" is "are" after a question word, _ARE: "wat r the tags" asks what the tags are)
    if typed and (second in YES_NO_START or second in _AMOUNT_WORDS or second == "r"):
        near = [w for w in QUESTION_WORDS if OSA.distance(first, w) == 1]
        if len(near) == 1:
            first = near[0]
    if first == "how" and len(second) > 3 and second not in _NOT_AMOUNTS:
        near = [w for w in _AMOUNT_WORDS if OSA.distance(second, w) == 1]
        if len(near) == 1:
            second = near[0]
    return first + gap + second + folded[m.end() :]


def _first_word(kind: str, ws: list[str]) -> tuple[str | None, int]:
    return (ws[0], 1) if ws else (None, 0)


def parse(
    raw: str,
    resolve: Resolver | None = None,
    policy: Policy = DEFAULT,
    held: Callable[[str], bool] | None = None,
    written: Callable[[str], bool] | None = None,
) -> Query:
    """Parse what was typed: `tag:NAME`, `author:NAME` and "exact phrases" apart from the
    free text, then its words, kind of question and readings.

    An unquoted name may run over several words ("author:rob pike"): `resolve` decides
    how many of the following words belong to it; the rest stay free text. `held`: whether
    the library holds a word, which a slip of a function word must not be (function_typos);
    `written`: whether an article's text writes a word ("who is NAME", filters.by_author).
    """
    typed = clip(raw)
    framed = without_request_frame(without_preamble(typed))
    by, pointing = by_author(framed, resolve, written) if resolve else (framed, False)
    by = tagged(by, resolve) if resolve else by
    head, free = read_filters(by, resolve or _first_word)
    head = replace(head, raw=typed)
    free = others_alone(without_laughter(without_correction(request_phrases(free))))
    folded = _question_typos(function_typos(_chat_spellings(fold(free)), held, policy))
    folded = _chat_spellings(folded)  # "wat r" read "what r" only now: "what are"
    every = folded_words(folded)
    ranked = every[: policy.max_terms * 2]
    content = content_words(ranked)[: policy.max_terms]
    q = _read(
        head, free, folded, every, ranked, content, policy, listing=True, recency=True, itself=True
    )
    if pointing:
        return replace(q, wants=AUTHORED, topic=None)
    plain = q.wants is None and q.period is None and q.within is None and not q.has_filters
    if plain and (topic := topic_articles(typed, _reading(head, free, ranked, content, policy))):
        return replace(q, wants=LISTED, topic=topic)
    if q.has_filters or q.social or (pair := _compared(free, resolve, policy, held)) is None:
        return q
    return replace(q, compared=pair)


# Two things asked side by side: "compare A with B" (and, to, against, vs), "what's the
# difference between A and B", "A vs B". The grammar of comparing, never a topic: each
# side is searched as a question of its own, and a reply that showed one article (the
# side its words found surer) answered half of it.
_COMPARE = (
    re.compile(
        r"(?i)^\s*(?:compare|contrast)\s+(?P<a>.+?)\s+"
        r"(?:with|and|to|against|vs\.?|versus)\s+(?P<b>.+?)\s*[?!.]*\s*$"
    ),
    re.compile(
        r"(?i)^\s*(?:(?:what|whats|what's|what’s)(?:\s+is|\s+are)?\s+)?(?:the\s+)?"
        r"differences?\s+between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)\s*[?!.]*\s*$"
    ),
)
# "A vs B": split at a "vs" or "versus" (see _versus_sides).
_VERSUS = re.compile(r"(?i)\s+(?:vs\.?|versus)\s+")
_END_MARKS = re.compile(r"\s*[?!.]*\s*$")


def _compared(
    free: str, resolve: Resolver | None, policy: Policy, held: Callable[[str], bool] | None
) -> tuple[Query, Query] | None:
    """The two sides of a comparison asked (see _COMPARE), each naming something (a word
    besides stopwords), else None."""
    texts: tuple[str, str] | None = None
    for pattern in _COMPARE:
        if (m := pattern.match(free)) is not None:
            texts = (m["a"], m["b"])
            break
    else:
        texts = _versus_sides(free)
    if texts is None:
        return None
    sides = (parse(texts[0], resolve, policy, held), parse(texts[1], resolve, policy, held))
    if all(side.content and side.compared is None for side in sides):
        return sides
    return None


def _versus_sides(free: str) -> tuple[str, str] | None:
    """The two sides of "A vs B", split at the first "vs" (or "versus") that follows a word
    naming a thing. After a function word "vs" opens a name, that word's object, not the
    second of two things: "debug go code in vs code", "enabled by default in VS Code" ask
    of the editor, as opinion.judged reads "use the vs code extension"."""
    for m in _VERSUS.finditer(free):
        a, b = free[: m.start()], _END_MARKS.sub("", free[m.end() :])
        before = folded_words(fold(a))
        if before and b and before[-1] not in STOPWORDS:
            return a, b
    return None


def _read(
    head: Head,
    text: str,
    folded: str,
    every: list[str],
    ws: list[str],
    content: list[str],
    policy: Policy,
    *,
    listing: bool,
    recency: bool,
    itself: bool = False,
) -> Query:
    """The Query of free text `text` (`folded`): `every` is all its words, `ws` those
    ranked, `content` theirs that are not stopwords; with its readings without listing
    words (and that one's without recency words) and without recency words, if asked,
    and (`itself`) what it asks of an article itself with the reading naming the article."""
    without_listing = without_recency = None
    if listing:
        without_listing = _without(
            head, text, ws, content, LISTING_WORDS, policy, listing=False, recency=recency
        )
    if recency and asks_recent(ws):
        without_recency = _without(
            head, text, ws, content, RECENCY_WORDS, policy, listing=False, recency=False
        )
    filters = bool(head.phrases or head.tags or head.authors or head.dates)
    kind = kind_of_folded(folded) if text else question_kind(head.raw)
    wants, topic = (None, None)
    if itself and not filters:
        wants, topic = asked_of_itself(every, ws, kind, _reading(head, text, ws, content, policy))
    period = None if filters else asks_period(every)
    within, dated = (None, None)
    if itself and not filters and wants is None and period is None:
        within, dated = within_period(every, _reading(head, text, ws, content, policy))
    # The passage stage reads the whole question (the filters too when it is only filters).
    asked = every if text else words(head.raw)
    sentence = len(content) >= policy.sentence_content_words and len(ws) > len(content)
    return Query(
        raw=head.raw,
        text=text,
        words=tuple(ws),
        content=tuple(content),
        phrases=head.phrases,
        tags=head.tags,
        authors=head.authors,
        dates=head.dates,
        typed=tuple(every),
        folded=folded,
        terms=terms_of(asked),
        kind=kind,
        asks=not filters and _asks(head.raw, ws, policy),
        opens_question=bool(ws) and ws[0] in QUESTION_START and len(content) >= 2,
        sentence=sentence and not filters,
        without_listing=without_listing,
        without_recency=without_recency,
        social=None if filters else social_kind(text, every),
        newest=not filters and asks_newest(every),
        period=period,
        within=within,
        dated=dated,
        wants=wants,
        topic=topic,
    )


def _reading(head: Head, text: str, ws: list[str], content: list[str], policy: Policy) -> Rereading:
    """_without bound to one query's text and words, for the request readers (see Rereading)."""

    def reading(drop: frozenset[str], *, listing: bool, recency: bool) -> Query | None:
        return _without(head, text, ws, content, drop, policy, listing=listing, recency=recency)

    return reading


def _asks(raw: str, ws: list[str], policy: Policy) -> bool:
    """A natural question rather than a title or keywords: answer it like `ask`."""
    if not ws:
        return False
    if raw.rstrip().endswith("?"):
        return True
    if len(ws) < policy.question_min_words:
        return False
    first, second = ws[0], ws[1]
    return first in QUESTION_START or (first in _QUESTION_LEAD and second in QUESTION_WORDS)


def _without(
    head: Head,
    text: str,
    ws: list[str],
    content: list[str],
    drop: frozenset[str],
    policy: Policy,
    *,
    listing: bool,
    recency: bool,
) -> Query | None:
    """The reading of a query without the words in `drop`; None when it has none of them.

    A typed word made of dropped words only ("posts", "blog-posts") leaves the text; the
    ranked words and content words lose every dropped word.
    """
    if not drop.intersection(ws):
        return None
    kept: list[str] = []
    every: list[str] = []
    for token in text.split():
        token_words = words(token)
        if not token_words or not set(token_words) <= drop:
            kept.append(token)
            every += token_words
    plain = " ".join(kept)
    ranked = [w for w in ws if w not in drop]
    rest = [w for w in content if w not in drop]
    return _read(
        head, plain, fold(plain), every, ranked, rest, policy, listing=listing, recency=recency
    )
