"""pass19: "which county…" answered by the name of that kind ("Harbor County filed…"), not
by a sentence naming the county again ("The county further alleges…") beside a name that
sits next to the question's object. Two rules decide it together (bench/README.md, pass19):
a name ending with the noun saying the kind asked for is one of that kind
(Policy.kind_name_answer), and the nouns asked about end before the question's past verb
(Policy.head_verb_cut, Wanted.head_phrase), so "acme" of "sued acme" is no asked noun."""

from __future__ import annotations

from bot.library.model import Article, Sentence
from bot.search.answer_type import Wanted
from bot.search.parse import parse
from bot.search.passage import Passages, best_passage
from bot.search.policy import DEFAULT, Policy
from bot.search.stem import stem
from bot.search.words import stems

COUNTY = [
    ["Consumer groups have warned for years about online marketplaces."],
    [
        "Harbor County filed a lawsuit Monday against Acme, alleging the company profited "
        "from fraudulent listings.",
        "The county further alleges Acme's AI tools were used to sell scam listings.",
    ],
]
QUESTION = "which county sued acme over scam listings"


def _shown(policy: Policy = DEFAULT) -> str:
    sentences = tuple(Sentence(s, i) for i, p in enumerate(COUNTY) for s in p)
    article = Article(
        slug="a",
        title="A county sues a marketplace",
        path="a.md",
        text="\n\n".join(" ".join(p) for p in COUNTY),
        sentences=sentences,
    )
    shown = best_passage(article, parse(QUESTION), policy)
    assert shown
    return shown


def test_a_name_of_the_kind_asked_answers_which_county() -> None:
    assert _shown().startswith("Harbor County filed")


def test_the_name_of_the_kind_is_needed() -> None:
    assert not _shown(DEFAULT.with_(kind_name_answer=0)).startswith("Harbor County")


def test_the_words_after_the_verb_are_not_asked_about() -> None:
    # "AI" beside "Acme's" named the asked noun while "acme" of "sued acme" was one.
    def heads(policy: Policy) -> frozenset[str]:
        sentences = tuple(Sentence(s, i) for i, p in enumerate(COUNTY) for s in p)
        q = parse(QUESTION)
        held = [{t for t in q.terms.weights() if t in stems(s.text)} for s in sentences]
        found = Passages(sentences, held, set(q.terms.weights()), None, Wanted.of(q), set(), policy)
        return found.wanted.heads

    assert stem("acme") not in heads(DEFAULT)
    assert stem("acme") in heads(DEFAULT.with_(head_verb_cut=0))


def test_the_asked_noun_phrase_ends_at_a_past_verb() -> None:
    wanted = Wanted.of(parse(QUESTION)).head_phrase()
    assert stem("acme") not in wanted.heads
    assert stem("sued") in wanted.heads  # (the verb itself stays: "which aide said…")
    # A participle before the noun is an adjective, not the verb: nothing is cut.
    known = Wanted.of(parse("which well known crate was it pretending to be"))
    assert known.head_phrase().heads == known.heads
    assert stem("crate") in known.heads
