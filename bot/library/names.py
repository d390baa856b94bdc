"""Proper names as a reader picks them out: people and organisations, with their titles.

`read_name` reads the name that starts at a position ("Robert F. Kennedy, Jr."),
`name_spans` lists a text's names in order ("the Committee on Oversight and Reform" is one
name, "Education Secretary Linda McMahon" is Linda McMahon), and `head_name` says whom a
speaker phrase names: the person after an organisation and a role ("FIRE senior attorney
JT Morris"), the person before an affiliation ("Erin Matson of Climate Focus"), else the
organisation ("the National Mining Association"). `bot.library.speakers` uses them.
"""

from __future__ import annotations

import re
from typing import NamedTuple


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# How a person is addressed: kept on a name ("Prof Waseem Qasim").
HONORIFICS = words(
    """dr dr. prof prof. professor mr mr. mrs mrs. ms ms. miss sir dame lord lady rev rev.
    reverend rabbi imam pastor father sister brother"""
)
# A role before a name is not part of it ("Education Secretary Linda McMahon").
ROLES = words(
    """sen sen. senator rep rep. gov gov. governor president judge justice mayor doctor
    captain capt capt. gen gen. general col col. lt lt. sgt sgt. chancellor minister
    commissioner secretary attorney chairman chairwoman chair councilmember councillor
    councilman councilwoman alderman alderwoman ald ald. officer detective sheriff chief
    director editor editor-in-chief founder co-founder ceo spokesperson spokesman
    spokeswoman superintendent"""
)
TITLES = HONORIFICS | ROLES
PARTICLES = words("de da del della der den van von la le bin ibn al dos das du di y")
SUFFIXES = words("jr jr. sr sr. ii iii iv")
_LEADING_ADJECTIVES = words("former late then acting interim ex")
# Capitalised words that start a sentence or a clause without naming anyone.
NOT_NAMES = words(
    """he she they i we it you the a an this that these those his her their its our my one
    but and then now when there here in on at as if so yes no what why how who where
    some many most all according while after before however meanwhile also still today
    yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december
    earlier later last next separately additionally instead indeed again finally first
    asked speaking writing in-a by for from with despite because since although though
    once until unlike like other another both each every such nothing everything something
    anything nobody everyone someone anyone none few several yet sure even just of to
    perhaps maybe"""
)
PRONOUNS = words("he she they i we you")
ORG_WORDS = words(
    """group organization organisation company firm agency department ministry office team
    council committee union party campaign government administration board court police
    service network outlet newspaper paper station club university school schools hospital
    association coalition foundation institute nonprofit charity authority commission
    forces army navy force bureau center centre trust project church synagogue labs lab
    inc inc. corp corp. corporation llc ltd alliance society studio studios media press
    news times post journal magazine bank fund guild caucus congress senate house
    republicans democrats network"""
)
PREPOSITIONS = words("at of from for in with by to on about into the a an")
_TOKEN = re.compile(r"([^\s,;:!?()\[\]{}“”\"—–]+)([ \t]?)")
_POSSESSIVE = re.compile(r"[’']s?$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$")  # "F.", "U.S.", "J.R.R."


def read_name(s: str, pos: int = 0) -> tuple[str | None, int]:
    """A proper-noun phrase starting at `pos` (titles allowed, org possessive skipped).

    One token loop holds every case a name's edge needs (initials, titles, particles,
    "Jr." after a comma, a possessive organisation before it); split up, the cases would
    have to share the loop's position and word list anyway.
    """
    while pos < len(s) and s[pos].isspace():
        pos += 1
    found: list[str] = []
    while len(found) < 7:
        m = _TOKEN.match(s, pos)
        if not m:
            break
        tok = m.group(1)
        ends = False
        if tok.endswith(".") and not _INITIALS.match(tok):
            low = tok.lower()
            if not (low in TITLES or low in SUFFIXES):
                tok, ends = tok[:-1], True
        if not tok:
            break
        lower = tok.lower()
        if _POSSESSIVE.search(tok) and tok[0].isupper() and len(tok) > 2:
            if ends:
                break
            found = []  # "UCL’s Prof Waseem Qasim": the organisation is not the speaker
            pos = m.end()
            continue
        if not found and lower in _LEADING_ADJECTIVES:
            pos = m.end()  # "Former FEMA head …": the name comes after
            continue
        if (
            (tok[0].isupper() and tok[0].isalpha())
            or (lower in PARTICLES and found)
            or (found and lower in SUFFIXES)
        ):
            found.append(tok)
        else:
            break
        pos = m.end()
        if ends or not m.group(2):
            # "Robert F. Kennedy, Jr.": a suffix after the comma still belongs to the name.
            sm = re.match(r",\s*(Jr\.?|Sr\.?|II|III|IV)\b", s[pos:])
            if sm and not ends:
                found.append(sm.group(1))
                pos += sm.end()
            break
    while found and found[-1] in PARTICLES:  # "van" ends no name; "Theo Von" is one
        found.pop()
    if not found or found[0].lower().rstrip(".") in NOT_NAMES:
        return None, pos
    if all(w.lower() in TITLES for w in found):
        return None, pos
    return " ".join(found), pos


def _role(word: str) -> bool:
    """ "Secretary", and "Then-President" or "ex-Governor" too."""
    low = word.lower()
    if low in ROLES:
        return True
    before, _, after = low.partition("-")
    return before in _LEADING_ADJECTIVES and after in ROLES


def cut_role(name: str) -> str:
    """ "Education Secretary Linda McMahon" → "Linda McMahon"; honorifics stay ("Dr Rob
    Chiesa"). A role before one word stays for now: `Context.full` resolves "President
    Trump" against the names the article gives."""
    parts = name.split()
    for k in range(len(parts) - 3, -1, -1):
        if _role(parts[k]):
            return " ".join(parts[k + 1 :])
    return name


def strip_titles(name: str) -> str:
    parts = name.split()
    while len(parts) > 1 and (parts[0].lower().rstrip(".") in _BARE_TITLES or _role(parts[0])):
        parts.pop(0)
    return " ".join(parts)


_BARE_TITLES = {t.rstrip(".") for t in TITLES}


def is_org(name: str) -> bool:
    """An organisation rather than a person: an organisation word, or an acronym."""
    return any(w.lower() in ORG_WORDS for w in name.split()) or (
        name.replace(".", "").replace("&", "").isupper() and len(name) > 1
    )


class Span(NamedTuple):
    name: str
    start: int
    end: int


_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_RUN = re.compile(r"(?<![\w’'])[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|de|van|von|bin))*")
_POSSESSIVE_SPLIT = re.compile(r"[’']s\b")
_FIRST_WORD = re.compile(r"\s*(\S+)\s*")
_OF = re.compile(r"\s+(?:of|on|for)\s+(?:the\s+)?")
_AND = re.compile(r"\s+(?:and|&)\s+")


def name_spans(text: str, quoted: bool = False) -> list[Span]:
    """The proper-noun phrases of a text, in order, roles cut; a possessive ends one
    ("Jordan’s videos"), and an organisation named with "of/on/and" is one ("the Committee
    on Oversight and Reform"). Quoted words are skipped unless `quoted`."""
    if not quoted and ("“" in text or '"' in text):
        text = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    out: list[Span] = []
    joined = False  # whether the last span is an organisation joined over "of"
    for run, offset in _runs(text):
        for part in _POSSESSIVE_SPLIT.split(run):
            at, rest = offset, part
            offset += len(part) + 2  # past the "’s"
            while (w := _FIRST_WORD.match(rest)) and w.group(1).lower() in NOT_NAMES:
                at, rest = at + w.end(), rest[w.end() :]  # "When Jordan learned": Jordan
            name, _ = read_name(rest.lstrip())
            if not name:
                continue
            name = cut_role(name.rstrip(".,"))
            at = text.find(name, at)
            gap = text[out[-1].end : at] if out else ""
            if (_OF.fullmatch(gap) or (joined and _AND.fullmatch(gap))) and is_org(out[-1].name):
                prev = out.pop()  # "Department" + "of" + "Labor"
                out.append(Span(text[prev.start : at + len(name)], prev.start, at + len(name)))
                joined = True
            else:
                out.append(Span(name, at, at + len(name)))
                joined = False
    return out


def _runs(text: str) -> list[tuple[str, int]]:
    """Runs of capitalised words and where they start; a full stop after a word ends one
    ("… the Gremlins. Filmmaker Joe Dante"), an initial's or a title's does not."""
    out = []
    for m in _RUN.finditer(text):
        run = m.group(0)
        if run.lower().rstrip(".") in NOT_NAMES:
            continue  # most runs are one word opening a sentence: "The", "But"
        start = 0
        for end in _RUN_END.finditer(run):
            out.append((run[start : end.start()], m.start() + start))
            start = end.end()
        out.append((run[start:], m.start() + start))
    return out


_RUN_END = re.compile(r"(?<=[a-z]{2})\.\s+")


def names_in(text: str, quoted: bool = False) -> list[str]:
    return [s.name for s in name_spans(text, quoted)]


def head_name(phrase: str) -> str | None:
    """Whom a speaker phrase names: the last person standing after a role, or first, in it
    ("FIRE senior supervising attorney JT Morris", "Erin Matson of Climate Focus"); else its
    first organisation ("a spokesman for the National Mining Association")."""
    person = org = None
    previous_end = 0
    for i, span in enumerate(name_spans(phrase)):
        gap = phrase[previous_end : span.start].lower().split()
        previous_end = span.end
        if is_org(span.name):
            org = org or span.name
        elif i == 0 or not any(w in PREPOSITIONS for w in gap):
            person = span.name  # "… president Andrew Manik"; not "… of DC"
    return person or org


def person_like(name: str) -> bool:
    parts = strip_titles(name).split()
    return 1 <= len(parts) <= 4 and not is_org(name)


def initials(name: str) -> str:
    """ "Institute of Electrical and Electronics Engineers" → "IEEE"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())
