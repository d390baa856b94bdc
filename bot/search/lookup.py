"""Titles as people type them: find the one meant, else suggest the closest; autocomplete.

`extract_or_exact` holds the whole "exact, else one confident match, else suggestions"
rule as one pure function, after RoboDanny's `cogs/utils/fuzzy.py`.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process

from bot.search.parse import parse
from bot.search.policy import Policy
from bot.search.query import Query
from bot.search.rank import LibraryIndex, title_key
from bot.search.respond import choice
from bot.search.results import Lookup, TitleChoice
from bot.search.retrieve import Candidates
from bot.search.typed import clip
from bot.search.words import fold, words
from bot.store.articles import ArticleStore

T = TypeVar("T")

# One web address, as pasted (Discord users wrap one in <> to hide its preview).
_LINK = re.compile(r"<?(https?://[^\s<>]+)>?", re.IGNORECASE)
# An address pasted without its scheme, as the whole message ("example.com/news/otters",
# "www.example.com/otters?utm_source=discord"): a host of dotted names ending in letters,
# then a path, or "www." first. Browsers and phones copy it so; before, its words were
# searched (journey23). A host alone ("go.dev", "node.js") is a name, not an address.
_BARE_LINK = re.compile(
    r"<?((?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#][^\s<>]*)?"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/[^\s<>]*))>?",
    re.IGNORECASE,
)


def link_forms(text: str) -> list[str]:
    """The ways an article's `link` may be written for the address `text` is, if it is one
    ([] otherwise): https or http, with or without "www." and a trailing slash, with the
    query string as pasted and without it (tracking parameters: "?utm_source=...")."""
    m = _LINK.fullmatch(text.strip())
    return _forms(m.group(1)) if m else []


def bare_link_forms(text: str) -> list[str]:
    """link_forms of an address pasted without its scheme as the whole message (see
    _BARE_LINK), [] otherwise. Unlike a link with https, one no article has is no sure
    address (a truncated paste, a name with a slash): the caller then reads its words."""
    m = _BARE_LINK.fullmatch(text.strip())
    return _forms(f"https://{m.group(1)}") if m else []


def quoted_link_forms(text: str) -> list[str]:
    """link_forms of the one address a message holds among words ("can you find this one
    https://…", "do we have <https://…>?"); [] when it holds none, or several (which one is
    meant is not for the bot to guess). Closing punctuation typed after it is no part of it."""
    found = _LINK.findall(text)
    return _forms(found[0].rstrip(".,;:!?)]'\"")) if len(found) == 1 else []


def without_links(text: str) -> str:
    """`text` without the addresses it holds (and the angle brackets around one)."""
    return " ".join(_LINK.sub(" ", text).split())


def _forms(address: str) -> list[str]:
    """The forms an address may be saved in (see link_forms)."""
    try:
        parts = urlsplit(address)
    except ValueError:  # "http://[bad": not an address after all
        return []
    host = parts.netloc.lower().removeprefix("www.")
    if not host:
        return []
    path = parts.path.rstrip("/")
    # A page's address with its file ending and as a folder: sites that moved from one to
    # the other redirect ("…/Rust-1.0.html" is now "…/Rust-1.0/"), and members paste the
    # old one (journey25: "No article in the library has that link").
    paths = dict.fromkeys([path, _PAGE_END.sub("", path)])
    forms: list[str] = []
    for query in dict.fromkeys([f"?{parts.query}" if parts.query else "", ""]):
        for page in paths:
            for scheme in ("https", "http"):
                for where in (host, f"www.{host}"):
                    for end in ("", "/"):
                        forms.append(f"{scheme}://{where}{page}{end}{query}")
    return forms


# The file ending of a web page's address.
_PAGE_END = re.compile(r"\.html?$", re.IGNORECASE)


def extract_or_exact(
    exact: Sequence[T],
    ranked: Sequence[tuple[T, float]],
    *,
    cutoff: float,
    margin: float,
    floor: float,
    limit: int,
) -> tuple[T | None, list[T]]:
    """(the one meant, []) or (None, the closest, best first).

    The one meant is the first `exact` match; else the first of `ranked` (best first) when
    it scores `cutoff` or more and the next one that does is more than `margin` behind
    (two about as close: not confident which one is meant). Otherwise the suggestions are
    up to `limit` of `ranked` scoring `floor` or more.
    """
    if exact:
        return exact[0], []
    if ranked and ranked[0][1] >= cutoff:
        sure = [s for _, s in ranked if s >= cutoff][:2]
        if len(sure) < 2 or sure[1] < sure[0] - margin:
            return ranked[0][0], []
    return None, [k for k, s in ranked[:limit] if s >= floor]


async def find_or_suggest(
    text: str,
    limit: int,
    *,
    index: LibraryIndex,
    store: ArticleStore,
    rank: Callable[[Query], Awaitable[Candidates]],
    rebuilding: bool,
    policy: Policy,
    whole: bool = True,
) -> Lookup:
    """The article a link, slug, title, dated label ("Title (2024-05-01)") or near title
    names, else up to `limit` closest titles. `rank` ranks a query as keywords. `whole`
    False: the article as a card shows it (ArticleStore.card_article), where a slug or
    title names it."""
    load = store.article_by_id if whole else store.card_article
    text = clip(text)
    if not text:
        return Lookup(None, [])
    links = link_forms(text) or bare_link_forms(text)
    if links and (article := await store.article_by_link(links)):
        return Lookup(article, [])
    aid = index.by_slug.get(text)
    if aid is not None:
        article = await load(aid)
        if article is not None:
            return Lookup(article, [])
    if aid is None and rebuilding:
        # The index being replaced may not know a slug a reload just added.
        article = await store.article(text)
        if article is not None:
            return Lookup(article, [])
    exact = index.exact_title(title_key(text))
    if not exact and (label := index.find_label(text)) is not None:
        exact = [label]  # "Title (2024-05-01)", as autocomplete labels repeated titles
    ranked: list[tuple[int, float]] = []
    if not exact:
        found = await rank(parse(text, index.resolve_filter, policy))
        ranked = [(a, found.scores[a]) for a in found.ids]
    one, closest = extract_or_exact(
        exact,
        ranked,
        cutoff=policy.find_cutoff,
        margin=policy.find_margin,
        floor=policy.search_threshold * policy.suggest_share,
        limit=max(0, limit),
    )
    if one is not None:
        return Lookup(await load(one), [])
    return Lookup(None, [choice(index, a) for a in closest])


def autocomplete(index: LibraryIndex, text: str, limit: int, policy: Policy) -> list[TitleChoice]:
    """Title choices for a partly typed title; the latest articles for empty text.

    Titles that start with what was typed come first; word matching (typos, words in any
    order) fills the rest, and is skipped when they are enough.
    """
    limit = max(1, min(limit, policy.autocomplete_max))
    text = clip(text, policy.autocomplete_chars)
    if not text.strip():
        return [choice(index, a) for a in index.newest[:limit]]
    typed = words(text)
    ids = index.titles_starting(" ".join(typed), limit)
    title = index.title_scores(typed) if typed and len(ids) < limit else {}
    ranks = index.ranks
    floor = policy.autocomplete_floor
    ranked = sorted([(-round(s * 100), ranks[a], a) for a, s in title.items() if s >= floor])
    ids += [k[2] for k in ranked if k[2] not in ids][: limit - len(ids)]
    if (
        len(ids) < limit
        and len(text) >= policy.fuzzy_titles_letters
        and len(index.by_title) <= policy.fuzzy_titles
    ):
        # Small libraries: also catch what word matching misses (e.g. run-together words).
        for key, _score, _ in process.extract(
            fold(text),
            list(index.by_title),
            scorer=fuzz.partial_ratio,
            limit=limit,
            score_cutoff=policy.fuzzy_titles_cutoff,
        ):
            ids += [a for a in index.by_title[key] if a not in ids]
        ids = ids[:limit]
    if not ids and policy.autocomplete_by_tag:
        ids = _tagged(index, typed, limit)
    return [choice(index, a) for a in ids]


def _tagged(index: LibraryIndex, typed: list[str], limit: int) -> list[int]:
    """The articles (newest first, at most `limit`) of the tags each of whose `typed` words
    starts a word of (Policy.autocomplete_by_tag): "polon" for "polonius working area"."""
    if not typed:
        return []
    ids: list[int] = []
    for tag in index.tag_names:
        said = words(tag)
        if all(any(w.startswith(t) for w in said) for t in typed):
            ids += [a for a in index.by_tag.view(tag) if a not in ids]
    return sorted(ids, key=index.ranks.__getitem__)[:limit]
