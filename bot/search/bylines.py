"""How an article's writers are named to a member: several as a list ("David Faber and
Alex Sherman"), not as the export's field ("David Faber,Alex Sherman", journey24's
"Written by David Faber,Alex Sherman" and its card's author line). The field itself, and
the person/site reading of it (bot.library.source), are unchanged: they feed the cache."""

from __future__ import annotations

from bot.library.source import source_of
from bot.search.build import split_authors


def people(person: str | None) -> str | None:
    """`person` (an author field naming people) as English lists names: "A and B",
    "A, B and C"; one name, or none, as it is."""
    names = split_authors(person)
    if len(names) < 2:
        return person
    return f"{', '.join(names[:-1])} and {names[-1]}"


def source_line(author: str | None, link: str | None) -> str:
    """ "Person · site" (bot.library.source.Source.line) with its people listed (people)."""
    source = source_of(author, link)
    return " · ".join(p for p in (people(source.person), source.site) if p)
