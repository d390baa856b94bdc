"""Confidence below the score thresholds, from what the best article's text and title hold
(Policy.distinct_terms / distinct_threshold and Policy.named_lead; bench/README.md,
"refuse19"). Each test gives respond.confidence the rerank's evidence for one article
directly, so only the rule under test decides."""

from __future__ import annotations

from bot.library.model import Article
from bot.search.policy import DEFAULT
from bot.search.rerank import Evidence, Ranked
from bot.search.respond import HIGH, LOW, confidence

ARTICLE = Article(slug="post", title="Post", path="post.md")


def best(score: float, **held: object) -> list[Ranked]:
    """One reranked article at `score` whose evidence holds `held` (a passage covering half
    the question, its windows not kept)."""
    ev = Evidence(cover=0.5, passages=None, doc_cover=0.6, pairs=0.0, **held)  # type: ignore[arg-type]
    return [Ranked(score, ARTICLE, ev)]


def test_three_distinctive_words_together_answer_with_confidence_under_the_threshold() -> None:
    # "did rustup's old gpg check ever stop a bad download from installing": 4 of its 9
    # words in the answer's passage, all more than everyday English, at 0.471.
    found = best(0.47, together=4, terms=9, distinct_together=4)
    assert confidence(found, DEFAULT) == HIGH
    # The rule off, or the words everyday ones, or too few: the closest match only.
    assert confidence(found, DEFAULT.with_(distinct_terms=0)) == LOW
    assert confidence(best(0.47, together=4, terms=9, distinct_together=2), DEFAULT) == LOW
    # Under the closest match's own floor the rule gives nothing confident either.
    assert confidence(best(0.44, together=4, terms=9, distinct_together=4), DEFAULT) != HIGH


def test_a_title_and_opening_naming_what_is_asked_answer_with_confidence() -> None:
    # "what was the name of the leaked cookie": the crates.io security post names
    # "cookie" in its title, its title and opening hold 0.53 of the question, at 0.56.
    found = best(0.56, together=1, terms=3, distinct_together=1, names_rarest=True, lead=0.53)
    assert confidence(found, DEFAULT) == HIGH
    assert confidence(found, DEFAULT.with_(named_lead=0.0)) == LOW
    # The title names it but the opening says little else of the question: closest match.
    thin = best(0.56, together=1, terms=3, distinct_together=1, names_rarest=True, lead=0.3)
    assert confidence(thin, DEFAULT) == LOW
    # The opening holds it but the title does not name the rarest word: not confident.
    untitled = best(0.56, together=1, terms=3, distinct_together=1, lead=0.53)
    assert confidence(untitled, DEFAULT) != HIGH
    # Only everyday words held ("sleep" naming the sleep study): the closest match.
    everyday = best(0.56, together=1, terms=1, distinct_together=0, names_rarest=True, lead=0.9)
    assert confidence(everyday, DEFAULT) == LOW
    # Under confident_threshold: not from the title alone.
    low = best(0.48, together=1, terms=3, distinct_together=1, names_rarest=True, lead=0.53)
    assert confidence(low, DEFAULT) != HIGH
