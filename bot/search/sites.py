"""The site an article was published on, as a question names it: "what percent of rust
users…" names the site blog.rust-lang.org, "how many go meetups…" names go.dev.

A library gathered from a few projects' blogs holds each project's posts under its own
domain, and a question names the project it is about; two projects' posts on one topic
(their surveys, their debuggers) hold the question's other words alike. The name is read
from the link's registered domain (document structure), never from a list of projects.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from functools import lru_cache

from bot.library.source import host
from bot.search.answer_type import NOUN_AFTER
from bot.search.english import zipf
from bot.search.stem import stem
from bot.search.words import STOPWORDS

# The second-level labels a country's registry sells under ("bbc.co.uk"): the name is
# the label before them. DNS structure, not a list of sites.
_REGISTRY_LABELS = frozenset(["co", "com", "ac", "org", "net", "gov", "edu"])


@lru_cache(maxsize=4096)
def _registered(link: str | None) -> str:
    """The label of the link's registered domain ("rust-lang" of blog.rust-lang.org, "bbc"
    of www.bbc.co.uk); "" when the link has no host."""
    labels = (host(link) or "").split(".")
    if len(labels) < 2:
        return ""
    name = labels[-2]
    if len(labels) >= 3 and len(labels[-1]) == 2 and name in _REGISTRY_LABELS:
        name = labels[-3]
    return name


def site_words(link: str | None) -> frozenset[str]:
    """The words of the link's registered domain, TLD and subdomains aside: "go" of
    go.dev, "rust" and "lang" of blog.rust-lang.org, "bbc" of www.bbc.co.uk."""
    return frozenset(w for w in _registered(link).split("-") if w)


# A reader shortens a name run together from a two-letter head (itself initials: "ny",
# "la") and a common English word to the head and the word's initial ("nyt" of "nytimes").
# A longer head is a word of its own ("tech" of "techcrunch", "spu" + "dart" nothing), and
# a rare tail a chance split ("ar" + "chive" of "archive"): the word is everyday English
# from Zipf 4 (english.py), of 4 letters or more.
_HEAD = 2
_TAIL = 4
_TAIL_ZIPF = 4.0


@lru_cache(maxsize=4096)
def site_initials(link: str | None) -> frozenset[str]:
    """The initials a reader calls the site by, from its registered domain: a short head
    run together with an English word ("nyt" of nytimes.com, "lat" of latimes.com).
    Structure of the name, no list of publications: a question naming the site so names
    it (rank19's "the nyt column", Policy.site_initials). Not the initials of hyphenated
    words ("rl" of rust-lang.org): two letters are many things' initials."""
    parts = site_words(link)
    if len(parts) != 1:
        return frozenset()
    (name,) = parts
    head, tail = name[:_HEAD], name[_HEAD:]
    if len(tail) >= _TAIL and head.isalpha() and zipf(tail) >= _TAIL_ZIPF:
        return frozenset([head + tail[0]])
    return frozenset()


def names_used(ws: Sequence[str]) -> frozenset[str]:
    """The question's content words that can only be names, not verbs: followed by a
    content word ("rust users", "go meetups") or after a preposition or a determiner ("in
    go"). A word followed by nothing, or by a function word, after anything else may be a
    verb ("why did docs.rs go down", "where did the branches go"), and is left out."""
    return frozenset(
        w
        for i, w in enumerate(ws)
        if w not in STOPWORDS
        and ((i + 1 < len(ws) and ws[i + 1] not in STOPWORDS) or (i and ws[i - 1] in NOUN_AFTER))
    )


# A question names a publication as its readers write it: one word ("vice", "techcrunch"),
# or the words its domain runs together, typed apart ("the verge" of theverge.com, "404
# media" of 404media.co, "washington post"); up to three words so joined.
_RUN = 3


def named_forms(typed: Sequence[str], common: Container[str] = ()) -> dict[str, tuple[str, ...]]:
    """The names a question may call a site by -> the words typed for each: each of its
    content words not in `common` (stems of words the library writes so often that a site
    named by one is no sign of its posts: "go" of go.dev, "rust" of blog.rust-lang.org,
    asked of their own library), and two or three of its words in a row run together
    ("theverge" for "the verge", "404media", "washingtonpost")."""
    ws = [w.lower() for w in typed]  # (Query.typed: "404 media's" is "404", "media")
    out = {w: (w,) for w in ws if w not in STOPWORDS and stem(w) not in common}
    for n in range(2, _RUN + 1):
        for i in range(len(ws) - n + 1):
            out.setdefault("".join(ws[i : i + n]), tuple(ws[i : i + n]))
    return out


def names_site(
    link: str | None, forms: Mapping[str, tuple[str, ...]], initials: bool = True
) -> tuple[str, ...]:
    """The question's words (of `forms`, named_forms) that name the site `link` was
    published on: its registered name whole ("theverge", "404media"), one word of a
    hyphenated one, or (`initials`) its initials ("nyt" of nytimes.com, site_initials);
    () when none do. The host's name only: a word of the link's path is no name. (Each
    form of a name is part of the link as written, so a link holding none of them is
    passed over unparsed: at 100k articles most candidates' links are new to the memo,
    and most hold none of a question's words.)"""
    if not forms or not link:
        return ()
    low = link.lower()
    if not any(f in low for f in forms):
        return ()
    name = _registered(link)
    whole = forms.get(name.replace("-", ""))
    if whole:
        return whole
    parts = name.split("-")
    for part in parts if len(parts) > 1 else ():
        if part in forms:
            return forms[part]
    for named in site_initials(link) if initials else ():
        if named in forms:
            return forms[named]
    return ()
