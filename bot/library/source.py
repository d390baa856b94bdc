"""Where an article comes from: the person who wrote it and the site that published it,
and a link into the page at a given passage.

Read-later exports put the site's domain in `author` when they found no byline
("archive.org"); that is the site, never a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlsplit, urlunsplit

# A bare host name: labels of letters, digits and hyphens, ending in a 2+ letter TLD.
_DOMAIN = re.compile(r"(?i)^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
# Words of a passage a text fragment starts with: enough to be unique on a page, few
# enough that a small difference from the page's text (a quote mark, a dash) is unlikely.
FRAGMENT_WORDS = 6
URL_MAX = 512  # Discord's limit for a link button's URL


@dataclass(frozen=True, slots=True)
class Source:
    """Who wrote an article (None: no person named) and the site it is from."""

    person: str | None
    site: str | None

    def line(self) -> str:
        """ "Person · site", either left out when unknown ("" for neither)."""
        return " · ".join(p for p in (self.person, self.site) if p)


def host(text: str | None) -> str | None:
    """The host of an http(s) URL, or a bare domain, without "www."; None otherwise."""
    text = (text or "").strip()
    if text.lower().startswith(("http://", "https://")):
        try:
            text = urlsplit(text).hostname or ""
        except ValueError:
            return None
    text = text.lower().rstrip(".")
    if not _DOMAIN.match(text):
        return None
    return text.removeprefix("www.")


# Every card shows its article's source, and an article is shown again and again (cached
# answers, menus, /random): a URL split and a domain pattern per card, remembered.
@lru_cache(maxsize=4096)
def source_of(author: str | None, link: str | None) -> Source:
    """The article's person and site: an author that is a domain or URL names the site
    (the exporter found no byline), else the site is the link's host."""
    author = " ".join((author or "").split()) or None
    as_site = host(author)
    if as_site is not None:
        return Source(None, as_site)
    return Source(author, host(link))


def context_url(link: str | None, passage: str | None) -> str | None:
    """`link` with a text fragment (`#:~:text=`) that scrolls to and highlights the
    passage's first words, for http(s) links; None when there is no such link or passage,
    or the result would be longer than a link button takes."""
    if not passage or not link or not link.lower().startswith(("http://", "https://")):
        return None
    # A passage may join sentences that are apart on the page with "…" (a list's item
    # after the sentence announcing it): the fragment is only text before it.
    first = " ".join(passage.split("…", 1)[0].split()[:FRAGMENT_WORDS]).rstrip(",;:")
    if not first:
        return None
    # "-", "," and "&" are the fragment directive's own syntax: encoded like the rest.
    encoded = quote(first, safe="").replace("-", "%2D")
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    url = urlunsplit(parts._replace(fragment=":~:text=" + encoded))
    return url if len(url) <= URL_MAX else None
