"""The question terms a sentence holds without writing them: news names a person, a place
or a company in full once, then again by its common noun ("Cheltenham Township", then "the
township"), by a general noun ("The company caused a stir…" after "Warner"), or by age
("“…,” the 33-year-old said" after "Prasad, 33,"). A sentence naming again is about what
the question's words named there, so the passage stage (passage.Passages) reads it as
holding them.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence, Set

from bot.search.features import sentence_features
from bot.search.policy import Policy
from bot.search.sentence_roles import SentenceRoles

# The general nouns news re-names an organisation by once it has named it ("Warner went all
# in on streaming…" then "The company caused a stir with 'Project Popcorn'"), as the subject
# opening a sentence (perhaps after a phrase: "On Monday, the agency said…"). Read from the
# news exports' own sentences ("the X said/has/was…": company 12, administration 4, group 3,
# agency 3, organization 2; bench/README.md, issue 15 sixth pass), "the administration"
# left out: it names a government in office, seldom the name just written. Not when a
# capitalised word follows: "The agency Frontex" names it there and then.
_DESCRIPTION = re.compile(
    r"^[“\"]?(?:[^,.]{1,40},\s+)?[Tt]he (?:company|firm|group|agency|organi[sz]ation|nonprofit"
    r"|startup)\b(?!\s+[A-Z])"
)


# A person named again by their age: "the 33-year-old said", "said the now 16-year-old"
# (the definite article, perhaps "now", and the age as one hyphened word); not "a
# 33-year-old", someone new. ("The 16-year-old girl" is her too.)
_AGED = re.compile(r"\b[Tt]he (?:now )?\d{1,3}-year-old\b(?!-)")
# A person given an age where named: "13-year-old Alyssa Tapley", "Prasad, 33,".
_AGE_GIVEN = re.compile(r"\b\d{1,3}-year-old [A-Z]|[A-Z][a-z]+, \d{1,3},")
_TEXT = operator.attrgetter("text")


def named_again(
    q: Set[str],
    held: Sequence[Set[str]],
    roles: SentenceRoles,
    title_terms: Set[str],
    policy: Policy,
) -> dict[int, set[str]]:
    """Per sentence, the question terms it names again by the common noun ending a
    name that holds them: "Cheltenham Township", then "the township plans to…" (news
    names a place, a company, a group in full once, then by its noun). Names are read
    in the first Policy.head_case_sentences sentences holding each question term. With
    them, those of a sentence naming an organisation again by a general noun (see
    _described_again). `q`: the question's terms; `held`: those each sentence holds;
    `title_terms`: those the title holds."""
    found: dict[int, set[str]] = {}
    nouns: dict[str, set[str]] = {}  # "township" -> {"cheltenham"}
    most = policy.head_case_sentences
    for t in q:
        for k in [k for k, h in enumerate(held) if t in h][:most]:
            f = roles.features(k)
            for span in f.spans(("name",)):
                inside = f.stems[span.start : span.end]
                last = f.text_of(span.end - 1)
                # (its last word a noun no question term is: "Township")
                if t in inside[:-1] and last.isalpha() and inside[-1] not in q:
                    nouns.setdefault(last.lower(), set()).add(t)
    if nouns:
        again = re.compile(r"\bthe (" + "|".join(map(re.escape, nouns)) + r")\b")
        for k, sentence in enumerate(roles.sentences):
            for m in again.finditer(sentence.text):
                found.setdefault(k, set()).update(nouns[m.group(1)])
    for k, terms in _described_again(q, held, roles, title_terms, policy).items():
        found.setdefault(k, set()).update(terms)
    return found


def _described_again(
    q: Set[str],
    held: Sequence[Set[str]],
    roles: SentenceRoles,
    title_terms: Set[str],
    policy: Policy,
) -> dict[int, set[str]]:
    """Per sentence opening with a general noun for an organisation (_DESCRIPTION:
    "The company caused a stir with 'Project Popcorn'"), the question terms of the
    name it stands for: the last one written in the Policy.description_lookback
    sentences before it (Warner, "…as Warner went all in on streaming"), or in the
    title when those name nothing. Not a place's name ("in Leeds"): a company is none."""
    found: dict[int, set[str]] = {}
    back = policy.description_lookback
    if not back:
        return found
    for k, sentence in enumerate(roles.sentences):
        # (the name must hold a question term: look only where one is)
        near = title_terms or any(held[max(0, k - back) : k])
        if near and _DESCRIPTION.match(sentence.text):
            terms = _referent(q, roles, k, back)
            if terms:
                found[k] = terms
    return found


def _referent(q: Set[str], roles: SentenceRoles, k: int, back: int) -> set[str]:
    """The question terms of the last name written in the `back` sentences before sentence
    k, else in the title (see _described_again)."""
    earlier = range(k - 1, max(-1, k - back - 1), -1)
    for f in (*map(roles.features, earlier), sentence_features(roles.title)):
        names = f.names()
        if names:
            return {x for x in f.stems[names[-1].start : names[-1].end] if x} & q
    return set()


def aged(held: Sequence[Set[str]], roles: SentenceRoles, policy: Policy) -> Sequence[Set[str]]:
    """`held`, each sentence re-naming a person by their age (_AGED: "“…,” the
    33-year-old said") holding too the question terms of the sentence that named them,
    up to Policy.age_lookback sentences before: the last giving someone's age
    (_AGE_GIVEN: "13-year-old Alyssa Tapley … was the first in the world to receive…",
    then a doctor quoted, then "said the now 16-year-old"), else the last quoting
    someone by name ("“…,” Prasad, chief executive officer of Lemon Dot Media, told…",
    then a paragraph of background, then "“…,” the 33-year-old said"): news quotes a
    person again under their age, and the words that named them are about what the
    sentence says. Read before the windows: such a sentence may hold no question term
    of its own."""
    back, sentences = policy.age_lookback, roles.sentences
    # (the cheap test first, on the whole text at once: this runs over every candidate
    # article, and few write an age; "\n" between the sentences cannot make "year-old")
    if "year-old" not in "\n".join(map(_TEXT, sentences)):
        return held
    out: list[Set[str]] | None = None
    for k, sentence in enumerate(sentences):
        if "year-old" not in sentence.text or not _AGED.search(sentence.text):
            continue
        earlier = range(k - 1, max(-1, k - back - 1), -1)
        given = next((m for m in earlier if _AGE_GIVEN.search(sentences[m].text)), None)
        if given is None:
            given = next((m for m in earlier if _quotes_someone(roles, m)), None)
        if given is not None and not held[given] <= held[k]:
            out = out if out is not None else list(held)
            out[k] = held[k] | held[given]
    return held if out is None else out


def _quotes_someone(roles: SentenceRoles, k: int) -> bool:
    """Whether sentence k quotes someone it names (a quote mark and a name)."""
    text = roles.sentences[k].text
    return any(c in text for c in '“”"') and bool(roles.features(k).names())
