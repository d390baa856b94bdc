"""The filters of a message: typed (`tag:NAME`, `author:NAME`, `date:2021`, "exact
phrases", and the hint when one names nothing) and said in words ("articles by NAME",
"posts tagged NAME", read as the filter they mean). Apart from parse.py, which reads the
free text the filters leave.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.search.followup import POINTERS
from bot.search.period import filter_dates, read_period
from bot.search.query import Resolver
from bot.search.question_words import LISTING_WORDS, REQUEST_WORDS
from bot.search.words import STOPWORDS, fold, folded_words, fts_terms

# A request for an author's articles: "articles by Rafael Quintero", "anything else by
# her?", "what has Hannah Brightwell written?". Read as the filter `author:NAME` when the
# words before "by" only ask (listing, request and stop words) and the name is an
# author's (each word typed is a word of the name: no fuzzy guess at a name); when the
# name is only a pronoun ("more by her", "what else did she write?"), as AUTHORED.
_BY_NAME = re.compile(r"(?i)^(?P<lead>(?:\S+\s+)*?)by\s+(?P<name>[^?!.]+?)\s*[?!.]*$")
_WHAT_WROTE = re.compile(
    r"(?i)^what\s+(?:else\s+)?(?:has|have|did)\s+(?P<name>.+?)\s+"
    r"(?:written|write|wrote|published|publish)(?:\s+else)?\s*[?!.]*$"
)
# "Who is NAME?" of a name the library holds as a byline ("whos hannah brightwell"): the
# library knows the person as the author of its articles, so they are listed, as for
# "articles by NAME". Only the whole name as a byline has it (by_author checks it): "who is
# tony lopresti" of a name in the text asks of the text (journey23: a byline's name
# got an unrelated article as a closest match), and so does a byline's name an article's
# text writes too: the text may say who they are ("Riya Misra is an intern for POLITICO
# Magazine": fresh8's "who is riya misra" lost that answer to the listing).
_WHO_IS = re.compile(r"(?i)^who(?:\s+is|\s*['’]s|s)\s+(?P<name>[^?!.]+?)\s*[?!.]*$")
# A request for a tag's articles in plain words: "articles tagged favorite", "posts
# labelled with release team". Read as the filter `tag:NAME` when the words before only
# ask and every word after names the library's tag; the participle is the closed class.
_TAGGED = re.compile(
    r"(?i)^(?P<lead>(?:\S+\s+)*?)(?:tagged|labell?ed)\s+(?:with\s+|as\s+)?"
    r"(?P<name>[^?!.]+?)\s*[?!.]*$"
)
_BY_LEAD = frozenset(["else", "more", "other", "others", "written", "wrote", "published"])
_SAME_AUTHOR = frozenset(["same", "author", "writer", "person"])


_FILTER = re.compile(
    r'(?i)(?<![\w:])(tag|author|by):(?:"([^"]*)"|“([^”]*)”|(\S+(?:\s+(?!\w+:)[^\s"“]+){0,3}))'
)
_PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”')
# A filter with no name after it: "tag:" at the end, or before another filter.
_NAMELESS = re.compile(r"(?i)(?<![\w:])(tag|author|by|date):(?=\s*$|\s+\w+:)")
_NAME_EXAMPLES = {
    "tag": "tag:energy",
    "author": "author:smith",
    "by": "by:smith",
    "date": "date:2021 or date:2024-03",
}
# `date:2021`, `date:2024-03`, `date:2024-03-05`, `date:2019..2021` (see period.filter_dates).
_DATE_FILTER = re.compile(r"(?i)(?<![\w:])date:(\S+)")


def missing_name(text: str) -> str | None:
    """A one-line hint when `text` holds a filter with no name ("tag:", "author:"), else
    None: searching on would match the word "tag" or a title, not what was meant."""
    m = _NAMELESS.search(text)
    if m is None:
        bad = next((d for d in _DATE_FILTER.finditer(text) if not filter_dates(d[1])), None)
        if bad is None:
            return None
        return f"date:{bad[1]} is no date: {_WHAT_DATE}, e.g. {_NAME_EXAMPLES['date']}"
    key = m.group(1).lower()
    what = {"tag": "a tag name", "date": _WHAT_DATE}.get(key, "an author's name")
    return f"{key}: needs {what}, e.g. {_NAME_EXAMPLES[key]}"


_WHAT_DATE = "a year, month or day"


def by_author(
    text: str, resolve: Resolver, written: Callable[[str], bool] | None = None
) -> tuple[str, bool]:
    """A request for an author's articles as the filter `author:"NAME"` ("articles by
    Rafael Quintero"), with whether it names the author by a pronoun only ("more by
    her?"); else the text as it was. `written`: whether the library's text writes a word
    (for "who is NAME", see _WHO_IS; None: never)."""
    m = _BY_NAME.match(text) or _WHAT_WROTE.match(text)
    if m is None and (who := _WHO_IS.match(text)):
        return _byline_named(text, who["name"], resolve, written), False
    if m is None:
        return text, False
    lead = folded_words(fold(m.groupdict().get("lead") or ""))
    if not set(lead) <= _BY_LEAD | REQUEST_WORDS | LISTING_WORDS | STOPWORDS:
        return text, False
    name = folded_words(fold(m["name"]))
    if name and set(name) <= POINTERS | _SAME_AUTHOR | STOPWORDS:
        return text, True
    found, used = resolve("author", m["name"].split())
    if found is None or not set(name) <= set(folded_words(fold(found))):
        return text, False
    return f'author:"{found}"', False


def _byline_named(
    text: str, typed: str, resolve: Resolver, written: Callable[[str], bool] | None
) -> str:
    """`author:"NAME"` when `typed` is the whole of a byline's name that the text never
    writes (see _WHO_IS), else the text as it was."""
    name = folded_words(fold(typed))
    found, used = resolve("author", typed.split())
    if found is None or used < len(typed.split()) or name != folded_words(fold(found)):
        return text
    if written is not None and all(written(w) for w in name):
        return text
    return f'author:"{found}"'


def tagged(text: str, resolve: Resolver) -> str:
    """A request for a tag's articles as the filter `tag:"NAME"` ("articles tagged
    favorite"), else the text as it was."""
    m = _TAGGED.match(text)
    if m is None:
        return text
    lead = folded_words(fold(m["lead"]))
    if not set(lead) <= REQUEST_WORDS | LISTING_WORDS | STOPWORDS:
        return text
    typed = m["name"].split()
    found, used = resolve("tag", typed)
    if found is not None and used < len(typed) and _names_tag(found, typed[:used]):
        # "stories tagged go from 2019": the tag's words, then a period; read as "stories
        # go from 2019", a topic's articles of a period (within_period), which lists the tag's.
        rest = folded_words(fold(" ".join(typed[used:])))
        if read_period(rest) is not None:
            return f"{m['lead']}{' '.join(typed)}"
    if found is None or used < len(typed):
        return text
    if not _names_tag(found, typed):
        return text
    return f'tag:"{found}"'


def _names_tag(tag: str, typed: list[str]) -> bool:
    """Whether every word typed is a word of the tag's name (no fuzzy guess at a name)."""
    return set(folded_words(fold(" ".join(typed)))) <= set(folded_words(fold(tag)))


@dataclass(frozen=True, slots=True)
class Head:
    """A query as typed (printable, cut to length) and its filters."""

    raw: str
    phrases: tuple[str, ...]
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    dates: tuple[tuple[str, str], ...] = ()


def read_filters(text: str, resolve: Resolver) -> tuple[Head, str]:
    """The filters of text, and its free text without them and without quote marks."""
    tags: list[str] = []
    authors: list[str] = []

    def take(m: re.Match[str]) -> str:
        kind = "tag" if m.group(1).lower() == "tag" else "author"
        quoted = m.group(2) or m.group(3)
        # tag:compiler_team and tag:compiler-team both mean the tag "compiler team".
        ws = (quoted or m.group(4) or "").replace("_", " ").split()
        if quoted is not None:
            name, used = resolve(kind, [" ".join(ws)]) if ws else (None, 0)
            ws = []
        else:
            name, used = resolve(kind, ws)
        (tags if kind == "tag" else authors).append(name or "")
        return " " + " ".join(ws[max(used, 1 if ws else 0) :]) + " "

    free = _FILTER.sub(take, text)
    dates: list[tuple[str, str]] = []

    def dated(m: re.Match[str]) -> str:
        dates.append(filter_dates(m[1]) or ("", ""))  # not a date: matches nothing
        return " "

    free = _DATE_FILTER.sub(dated, free)
    phrases = []
    for m in _PHRASE.finditer(free):
        phrase = " ".join(fts_terms(m.group(1) or m.group(2) or ""))
        if phrase:
            phrases.append(phrase)
    free = _PHRASE.sub(lambda m: " " + (m.group(1) or m.group(2) or "") + " ", free)
    head = Head(text, tuple(phrases), tuple(tags), tuple(authors), tuple(dates))
    return head, " ".join(free.replace('"', " ").split())
