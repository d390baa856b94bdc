"""The quote an answer shows: not the passage said again, not a paragraph (reply23)."""

from __future__ import annotations

from dataclasses import replace

from bot.library.model import Article, Quote
from bot.search.policy import Policy
from bot.search.shown_quote import (
    announces,
    leans_back,
    list_item,
    page_to_reader,
    restates,
    shown_quote,
    unowned_fragment,
    unpaired_marks,
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


SURVEY = Quote(
    "We’re always looking to evolve, and by providing some insight into your perspective and"
    " feedback into TechCrunch and our coverage and events, you can help us!",
    kind="excerpt",
)
OFF_READER = replace(POLICY, quote_page_to_reader_passed=False)


def test_the_page_speaking_to_its_reader_gives_way_to_another() -> None:
    # reply27: TechCrunch's survey line under three answers about the NLRB ruling.
    article = _article((SURVEY, NEW))
    question = "why did the court rule for spacex, and what does our feedback change"
    assert shown_quote(article, question, [PASSAGE], OFF_READER) == SURVEY
    assert shown_quote(article, question, [PASSAGE], POLICY) == NEW
    article = _article((SURVEY,))
    assert shown_quote(article, "feedback coverage", [PASSAGE], OFF_READER) == SURVEY
    assert shown_quote(article, "feedback coverage", [PASSAGE], POLICY) is None


def test_a_speaker_or_an_excerpt_in_one_voice_is_not_the_page_to_its_reader() -> None:
    rustup = (
        "If you don't have it already, you can get rustup from the appropriate page on our website."
    )
    assert page_to_reader(Quote(rustup, kind="excerpt"), POLICY)
    pointer = "Please see our blog post for more details regarding this change."
    assert page_to_reader(Quote(pointer, kind="excerpt"), POLICY)
    survey = "Fill out this survey to let us know how we’re doing and win a prize in return!"
    assert page_to_reader(Quote(survey, kind="excerpt"), POLICY)
    # A person talking to an audience is quoted as such.
    assert not page_to_reader(
        Quote("We will be with you until the rebuild is done", "Mayor"), POLICY
    )
    # One voice only: the author's "we", or the reader's "you", alone.
    assert not page_to_reader(Quote("We found the bug in March.", kind="excerpt"), POLICY)
    assert not page_to_reader(Quote("You can turn the check off.", kind="excerpt"), POLICY)
    # "US" is the country, not "us".
    assert not page_to_reader(Quote("You can fly to the US in a day.", kind="excerpt"), POLICY)
    # A "you" beside "we" that calls the reader to nothing is the story's own sentence.
    pike = (
        "We recently scanned all the open source projects we could find and discovered that"
        " this snippet occurs only less often than some would have you believe."
    )
    assert not page_to_reader(Quote(pike, kind="excerpt"), POLICY)
    duty = "To put it simply, our responsibility is to ensure that you never dread upgrading."
    assert not page_to_reader(Quote(duty, kind="excerpt"), POLICY)
    aims = "We aimed to create a language that would help us be better developers."
    assert not page_to_reader(Quote(aims, kind="excerpt"), POLICY)
    assert page_to_reader(
        Quote("We hope you like it and help us improve it!", kind="excerpt"), POLICY
    )
    invited = "If you'd like to get involved, stop by our Zulip channel and say hello!"
    assert page_to_reader(Quote(invited, kind="excerpt"), POLICY)


HALF = Quote(
    "The Pro-Human AI Declaration“. And before we go into the details, let’s look at who is"
    " pushing this for a second because the declaration keeps talking about its coalition.",
    kind="excerpt",
)
OFF_MARKS = replace(POLICY, quote_unpaired_marks_passed=False)


def test_a_quote_with_an_unpaired_quotation_mark_gives_way() -> None:
    # reply27: tante's card read a quote across the end of a quoted title.
    article = _article((HALF, NEW))
    question = "who is pushing the declaration and its coalition"
    assert shown_quote(article, question, [PASSAGE], OFF_MARKS) == HALF
    assert shown_quote(article, question, [PASSAGE], POLICY) == NEW
    assert not unpaired_marks(Quote("He called it “a mess” and left; it’s done."), POLICY)
    assert unpaired_marks(Quote('The report said "no more and left.'), POLICY)


TICKED = Quote(
    "✅ Unlimited access to our online archive where the newsletter's past editions are kept.",
    kind="excerpt",
)
OFF_LIST = replace(POLICY, quote_list_item_passed=False)


def test_a_line_of_a_list_gives_way() -> None:
    # reply27: Status's newsletter offer, ticked off with "✅", as the quote.
    article = _article((TICKED, NEW))
    question = "what archive access does the newsletter give"
    assert shown_quote(article, question, [PASSAGE], OFF_LIST) == TICKED
    assert shown_quote(article, question, [PASSAGE], POLICY) == NEW
    assert list_item(Quote("• one more item", kind="excerpt"), POLICY)
    assert not list_item(Quote("“Quoted,” she said.", kind="excerpt"), POLICY)
    assert not list_item(Quote("$30 a share, all cash.", kind="excerpt"), POLICY)
    assert not list_item(Quote("• said by someone", "A"), POLICY)
