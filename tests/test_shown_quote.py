"""The quote an answer shows: not the passage said again, not a paragraph (reply23)."""

from __future__ import annotations

from dataclasses import replace

from bot.library.model import Article, Quote
from bot.search.policy import Policy
from bot.search.shown_quote import (
    announces,
    leans_back,
    restates,
    shown_quote,
    unowned_fragment,
)
from tests.test_search_quotes import _article as article_of

POLICY = Policy()
OFF_RESTATES = replace(POLICY, quote_restates_share=0.0)
OFF_LENGTH = replace(POLICY, quote_shown_words=0)

PASSAGE = "More than 50,000 people from nearly 200 nations are attending the gathering in Brazil."
AGAIN = Quote("The talks have drawn more than 50,000 people from nearly 200 countries.")
NEW = Quote("We will not leave this city without a deal on finance for adaptation")


def _article(quotes: tuple[Quote, ...], sentences: tuple[str, ...] = ()) -> Article:
    return article_of(list(sentences), quotes)


def test_a_quote_saying_the_passage_again_gives_way_to_another() -> None:
    article = _article((AGAIN, NEW))
    question = "how many people are at the summit"
    # best_quote alone takes the restatement: it shares the question's words.
    assert shown_quote(article, question, [PASSAGE], OFF_RESTATES) == AGAIN
    assert shown_quote(article, question, [PASSAGE], POLICY) == NEW


def test_a_restating_quote_with_no_other_is_not_shown() -> None:
    article = _article((AGAIN,), (PASSAGE,))
    assert shown_quote(article, "how many people", [PASSAGE], OFF_RESTATES) == AGAIN
    assert shown_quote(article, "how many people", [PASSAGE], POLICY) is None


def test_a_short_quote_or_one_adding_words_is_not_a_restatement() -> None:
    assert restates(AGAIN.text, PASSAGE, POLICY)
    assert not restates("I could solve this if Go had generics", "generic Go code", POLICY)
    added = "The talks, which the fire stopped for a day, drew delegates from 200 countries."
    assert not restates(added, PASSAGE, POLICY)


LONG = Quote(
    "We are discontinuing the dark web report, which was meant to scan the dark web for your"
    " personal information. It will stop monitoring for new results on January 15, 2026"
    " and its data will no longer be available from February 16, 2026. While the report"
    " offered general information, feedback showed that it did not provide helpful next"
    " steps. We're making this change to instead focus on tools that give you more clear,"
    " actionable steps to protect your information online. We will continue to track and"
    " defend you from online threats, including the dark web.",
    "Google",
)


def test_a_long_quote_is_shown_as_its_first_whole_sentences() -> None:
    article = _article((LONG,))
    whole = shown_quote(article, "why is the dark web report going", [], OFF_LENGTH)
    assert whole == LONG
    short = shown_quote(article, "why is the dark web report going", [], POLICY)
    assert short is not None and short.speaker == "Google"
    assert short.text.endswith("helpful next steps. …")  # whole sentences, then "…"
    assert LONG.text.startswith(short.text.removesuffix(" …"))
    assert len(short.text.split()) <= POLICY.quote_shown_words + 1


def test_a_quote_whose_first_sentence_is_over_the_length_is_kept_whole() -> None:
    one = Quote(" ".join(["word"] * 70) + ".", "Someone")
    assert shown_quote(_article((one,)), "word", [], POLICY) == one


FRAGMENT = Quote(
    "a company that has a market capitalization of more than $150,000,000,000 and runs theme parks"
)
OWNED = Quote("a power tool to get people to do what I wanted at the company", "Allison Mack")
OFF_FRAGMENT = replace(POLICY, quote_fragment_unowned=False)


def test_an_unowned_fragment_gives_way_to_another_quote() -> None:
    article = _article((FRAGMENT, NEW))
    question = "which company has a market capitalization over 150 billion"
    assert shown_quote(article, question, [PASSAGE], OFF_FRAGMENT) == FRAGMENT
    assert shown_quote(article, question, [PASSAGE], POLICY) == NEW


def test_an_unowned_fragment_with_no_other_is_not_shown() -> None:
    article = _article((FRAGMENT,))
    question = "which company has a market capitalization"
    assert shown_quote(article, question, [PASSAGE], OFF_FRAGMENT) == FRAGMENT
    assert shown_quote(article, question, [PASSAGE], POLICY) is None


def test_a_fragment_with_its_speaker_or_a_capitalised_quote_is_kept() -> None:
    assert not unowned_fragment(OWNED, POLICY)
    assert not unowned_fragment(NEW, POLICY)
    assert not unowned_fragment(Quote("“a person that” was all it said", kind="excerpt"), POLICY)
    assert unowned_fragment(Quote("“a person that has a market capitalization”"), POLICY)


LEANING = Quote(
    "These two papers were retracted as part of an unrelated investigation into the dataset",
    "Wiley",
)
PLAIN = Quote("I went and downloaded the dataset, and I was completely horrified", "Dorothy Bishop")
OFF_LEANING = replace(POLICY, quote_leaning_passed=False)


def test_a_quote_leaning_on_a_sentence_before_gives_way_to_another() -> None:
    article = _article((LEANING, PLAIN))
    question = "how many papers on the dataset were retracted"
    # best_quote alone takes the leaning one: it shares more of the question's words.
    assert shown_quote(article, question, [PASSAGE], OFF_LEANING) == LEANING
    assert shown_quote(article, question, [PASSAGE], POLICY) == PLAIN


def test_a_leaning_quote_with_no_other_is_not_shown() -> None:
    article = _article((LEANING,))
    assert shown_quote(article, "papers retracted", [PASSAGE], OFF_LEANING) == LEANING
    assert shown_quote(article, "papers retracted", [PASSAGE], POLICY) is None


def test_openings_naming_what_they_mean_do_not_lean() -> None:
    assert leans_back(Quote("He designed and built one of our most-requested features."), POLICY)
    assert leans_back(Quote("However, the layoffs don’t tell the whole story.", "X"), POLICY)
    assert leans_back(Quote("“It will help the party in the long run.”", "Anmol Sovit"), POLICY)
    # A demonstrative a relative clause defines, and a date, name what they mean.
    assert not leans_back(Quote("Those who embrace this change will be well placed", "A"), POLICY)
    assert not leans_back(Quote("This year, we will deliver Rust 2018, a new edition."), POLICY)
    assert not leans_back(PLAIN, POLICY)


SUMMARY = "If you want to support the development of Rust, please donate to the Maintainers Fund."
ITS_QUOTE = Quote(
    "If you want to support the development of Rust, please donate to the Maintainers Fund."
)
REWORDED = Quote("Please donate to the Maintainers Fund if you want to support Rust's development.")
OFF_SUMMARY = replace(POLICY, quote_restates_summary=False)


def test_a_quote_the_summary_holds_is_not_shown_when_no_other_is_left() -> None:
    # best_quote takes a quote the summary holds when the article has no other.
    article = _article((ITS_QUOTE,))
    shown = ["The Funding team will talk to Project members.", SUMMARY]
    assert shown_quote(article, "who funds rust", shown, OFF_SUMMARY) == ITS_QUOTE
    assert shown_quote(article, "who funds rust", shown, POLICY) is None


def test_a_quote_saying_the_summary_again_gives_way_to_another() -> None:
    article = _article((REWORDED, NEW))
    shown = ["The Funding team will talk to Project members.", SUMMARY]
    question = "how do i support rust development"
    assert shown_quote(article, question, shown, OFF_SUMMARY) == REWORDED
    assert shown_quote(article, question, shown, POLICY) == NEW


ANNOUNCING = Quote(
    "The following is a list of changes we are tracking for inclusion in the Edition."
)
COLON = Quote("If you have been affected you can revert to version 1.23.1 by running this command:")
OFF_ANNOUNCING = replace(POLICY, quote_announcing_passed=False)


def test_a_quote_announcing_what_follows_gives_way_to_another() -> None:
    article = _article((ANNOUNCING, NEW))
    question = "which changes are in the edition"
    assert shown_quote(article, question, [PASSAGE], OFF_ANNOUNCING) == ANNOUNCING
    assert shown_quote(article, question, [PASSAGE], POLICY) == NEW
    article = _article((COLON,))
    assert shown_quote(article, "how do i revert", [PASSAGE], OFF_ANNOUNCING) == COLON
    assert shown_quote(article, "how do i revert", [PASSAGE], POLICY) is None


def test_a_quote_naming_the_following_day_does_not_announce() -> None:
    assert not announces(Quote("We met the following day and agreed: no more delays."), POLICY)
    assert announces(Quote("“Here is what we found:”", "A"), POLICY)
