"""Passages and quotes picked within one article."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.library.model import Article, Quote, Sentence
from bot.search.parse import parse, question_kind
from bot.search.passage import best_passage, passage_match, question_tokens
from bot.search.policy import DEFAULT
from bot.search.rerank import Asked, article_evidence
from bot.search.stem import stem
from bot.search.words import STOPWORDS, words


def _article(
    paragraphs: list[list[str]],
    quotes: tuple[Quote, ...] = (),
    title: str = "A new bridge for the town",
) -> Article:
    sentences = tuple(Sentence(s, i) for i, p in enumerate(paragraphs) for s in p)
    return Article(
        slug="a",
        title=title,
        path="a.md",
        text="\n\n".join(" ".join(p) for p in paragraphs),
        sentences=sentences,
        quotes=quotes,
    )


ARTICLE = _article(
    [
        ["The town council met on Monday.", "Plans for the bridge were approved."],
        [
            "The bridge was designed by Maria Lopez, an engineer from Porto.",
            "It will open in 2027 after three years of work.",
            "The bridge will carry 12000 cyclists a day.",
        ],
        ["Local shops welcomed the news."],
    ],
    quotes=(
        Quote("This will change how people move around the town every single day"),
        Quote("The bridge is designed to last for a hundred years at least", "Maria Lopez"),
    ),
)


def test_a_passage_naming_what_the_title_adds_beats_one_repeating_the_question() -> None:
    # "Faster maps with Swiss Tables": the title says what the article answers "how" with.
    maps = _article(
        [
            ["In microbenchmarks, operations are now up to 60% faster."],
            ["Each map is now built from Swiss Tables, a design from Google."],
        ],
        title="Faster maps with Swiss Tables",
    )
    passage = best_passage(maps, parse("how did they make the maps faster?"))
    assert passage == "Each map is now built from Swiss Tables, a design from Google."


def test_kinds_of_question() -> None:
    assert question_kind("who designed the bridge?") == "who"
    assert question_kind("When will it open") == "when"
    assert question_kind("how many cyclists will use it") == "number"
    assert question_kind("what year does it open") == "when"
    assert question_kind("which engineer designed it") == "what"
    assert question_kind("does the bridge carry cyclists") == "yesno"
    assert question_kind("bridge cyclists") is None
    # Parsed once with the query, for the passage stage to read.
    assert parse("How much did it cost?").kind == "number"


def test_passage_prefers_the_sentence_with_the_answer_type() -> None:
    assert "Maria Lopez" in best_passage(ARTICLE, parse("who designed the bridge?"))
    assert "2027" in best_passage(ARTICLE, parse("when will the bridge open?"))
    assert "12000" in best_passage(ARTICLE, parse("how many cyclists will the bridge carry?"))


def test_passage_stays_within_one_paragraph_and_is_short() -> None:
    passage = best_passage(ARTICLE, parse("who designed the bridge and when will it open"))
    assert "Monday" not in passage and "shops" not in passage
    assert 1 <= passage.count(".") <= 3


def test_passage_none_without_overlap_or_sentences() -> None:
    assert best_passage(ARTICLE, parse("quantum chromodynamics")) is None
    assert best_passage(_article([]), parse("bridge")) is None
    score, _ = passage_match(ARTICLE, parse("bridge engineer"), {"bridge": 1.0, "engineer": 5.0})
    assert 0 < score <= 1


def test_article_evidence_counts_the_whole_article_and_word_pairs() -> None:
    idf = {"bridge": 2.0, "engineer": 3.0, "porto": 4.0, "cyclists": 3.0}
    ev = article_evidence(
        ARTICLE, Asked.of(parse("who was the engineer from Porto?"), idf), DEFAULT
    )
    assert ev.doc_cover == 1.0 and ev.pairs == 1.0 and "Maria Lopez" in ev.passage
    ev2 = article_evidence(ARTICLE, Asked.of(parse("porto engineer"), idf), DEFAULT)
    assert ev2.pairs == 0.0  # both words are there, but not side by side in that order
    assert (
        article_evidence(ARTICLE, Asked.of(parse("quantum chromodynamics"), idf), DEFAULT).doc_cover
        == 0.0
    )


# Words built from stems, suffixes the stemmer strips or rewrites ("-y" -> "-i", "-ility"
# -> "-l", "dying" -> "die"), accents, apostrophes and joiners.
_WORDISH = st.lists(
    st.sampled_from(
        ["ab", "cod", "typ", "d", "sk", "possib", "e", "y", "ies", "ing", "ility", "ational"]
        + ["ation", "ly", "s", "é", "'", "’", ".", "_", "-"]
    ),
    min_size=1,
    max_size=5,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_WORDISH, min_size=1, max_size=12), min_size=1, max_size=6), st.data())
def test_skipping_sentences_never_loses_a_question_term(
    sentence_words: list[list[str]], data: st.DataObject
) -> None:
    # Only sentences that may hold a question term are stemmed (a cheap text check first):
    # every term a sentence holds must still be found.
    sentences = [Sentence(" ".join(ws) + ".", 0) for ws in sentence_words]
    everything = {stem(w) for s in sentences for w in words(s.text) if w not in STOPWORDS}
    q = (
        set(data.draw(st.lists(st.sampled_from(sorted(everything)), max_size=4)))
        if everything
        else set()
    )
    q |= {stem(w) for w in words(data.draw(_WORDISH)) if w not in STOPWORDS}
    assume(q)
    quick = question_tokens(sentences, q)
    for s, toks in zip(sentences, quick, strict=True):
        full = {stem(w) for w in words(s.text) if w not in STOPWORDS}
        assert set(toks) & q == full & q, s.text


def test_plurals_possessives_and_accents_meet() -> None:
    # Snowball stems, on folded words: "cafés", "café's" and "cafes" are one word.
    assert {stem(w) for w in words("cafés café's cafes Cafe")} == {"cafe"}
    assert stem("designer") == stem("designed") and stem("universities") == stem("university")
    cafes = _article(
        [
            ["The town has two bakeries and a market."],
            ["Both cafés open at nine on weekdays.", "The market opens at eight."],
        ]
    )
    assert best_passage(cafes, parse("what time does the café open?")) == (
        "Both cafés open at nine on weekdays."
    )
