"""How an article's writers are named to a member: several as a list ("David Faber and
Alex Sherman"), not as the export's field ("David Faber,Alex Sherman", journey24's
"Written by David Faber,Alex Sherman" and its card's author line). The field itself, and
the person/site reading of it (bot.library.source), are unchanged: they feed the cache."""

from __future__ import annotations

from bot.library.source import source_of
from bot.search.build import split_authors
from bot.search.words import STOPWORDS


def people(person: str | None) -> str | None:
    """`person` (an author field naming people) as English lists names: "A and B",
    "A, B and C"; one name, or none, as it is; "for the Go team" after them (writers)."""
    names = writers(person)
    said = ", ".join(p for p in split_authors(person) if p not in names)
    if not names or not said and len(names) < 2:
        return person
    listed = names[0] if len(names) < 2 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"{listed}, {said}" if said else listed


def writers(person: str | None) -> list[str]:
    """The names of an author field. A part starting with a function word, as written in
    lower case ("A One" may be a name), names no one: it says for whom the names wrote
    ("Russ Cox, for the Go team", "Todd Kulesza, on behalf of the Go team": journey26's Go
    cards read "Russ Cox and for the Go team")."""
    return [
        p
        for p in split_authors(person)
        if not (p.split()[0].islower() and p.split()[0] in STOPWORDS)
    ]


def source_line(author: str | None, link: str | None) -> str:
    """ "Person · site" (bot.library.source.Source.line) with its people listed (people)."""
    source = source_of(author, link)
    return " · ".join(p for p in (people(source.person), source.site) if p)
