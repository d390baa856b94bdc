"""Corrections of question words against the words of the whole text (bot/search/spelling.py)."""

from __future__ import annotations

from bot.search.spelling import TextVocabulary, closest, function_word, porter, surface


def test_a_typo_finds_a_word_the_text_holds() -> None:
    # FTS5's vocabulary holds porter stems; the guess is a word that stems to one of them.
    vocab = TextVocabulary([(porter("households"), 3), (porter("tennessee"), 1)])
    assert vocab.guesses("housholds") == ["households"]
    guess = vocab.guesses("tennesee")[0]
    assert porter(guess) == porter("tennessee")
    assert vocab.guesses("kettle") == []  # nothing within the typo budget
    assert vocab.guesses("ran") == []  # no typo allowed in a short word


def test_the_word_as_written_decides_not_its_stem() -> None:
    # "recipe" and "recipients" stem one letter apart ("recip", "recipi") but are four
    # edits apart as written: no correction.
    assert closest("recipe", ["recipients"]) is None
    assert closest("tennesee", ["Tennessee", "Tennessee"]) == "tennessee"
    assert closest("desinged", ["design", "designed"]) == "designed"


def test_surface_words_stem_back_to_their_term() -> None:
    for word in ("money", "libraries", "designed", "podcasts"):
        term = porter(word)
        found = surface(term, word, term)
        assert found is not None and porter(found) == term


def test_a_word_typed_for_two_splits_into_words_the_text_holds() -> None:
    # "co-op" is indexed as "co" "op"; "hearing aids" as "hear" "aid" (porter).
    vocab = TextVocabulary(
        [
            (porter(w), n)
            for w, n in [("co", 2), ("op", 2), ("hearing", 4), ("aids", 3), ("it", 9), ("is", 9)]
        ]
    )
    assert vocab.splits("coop") == ["co op"]
    assert vocab.splits("hearingaids") == ["hearing aids"]
    assert vocab.splits("isit") == []  # two stopwords name nothing
    assert vocab.splits("kettle") == []  # no two held words make it
    assert vocab.splits("c3po") == []  # not a run of letters


def test_a_typo_that_keeps_an_ending_on_still_finds_the_word() -> None:
    # Porter takes "-er", "-ence", "-ly" off only after enough vowel-consonant runs: a
    # dropped vowel keeps them on ("publsher" stays "publsher", "publisher" is "publish"),
    # so the typed word's own stem is more than a typo from the term the text holds.
    vocab = TextVocabulary([(porter(w), 3) for w in ("publisher", "difference", "eventually")])
    assert vocab.guesses("publsher") == ["publisher"]
    assert vocab.guesses("diffrence") == ["difference"]
    assert porter(vocab.guesses("eventualy")[0]) == porter("eventually")


def test_the_typed_stem_goes_first_on_equal_typos() -> None:
    # "comissioner" is a typo from "commission" (its own stem "comission") and from
    # "commiss" (without "-ioner"): the first is what was typed, even where more articles
    # hold the second.
    vocab = TextVocabulary([(porter("commissioner"), 2), (porter("commissive"), 9)])
    assert vocab.guesses("comissioner")[0] == "commissioner"


def test_one_edit_on_the_word_finds_a_term_its_stem_strayed_from() -> None:
    # Porter reads "readng" as "readng", two letters from the "read" of "reading", and
    # "celebratte" as "celebratt", three from "celebr": near the stem there is nothing.
    # One edit on the word as typed ("reading", "celebrate") stems to the held term.
    vocab = TextVocabulary([(porter("reading"), 5), (porter("celebrate"), 2)])
    assert vocab.guesses("readng") == [] and vocab.guesses("celebratte") == []
    assert [porter(forms[0]) for forms in vocab.edits("readng")] == [porter("reading")]
    assert "celebrate" in vocab.edits("celebratte")[0]
    assert vocab.edits("kettle") == []  # no edit of it stems to a held term
    assert vocab.edits("rdng") == []  # no typo allowed in a short word


def test_a_function_word_with_two_letters_swapped_is_that_word() -> None:
    assert function_word("teh") == "the"
    assert function_word("adn") == "and"
    assert function_word("waht") == "what"
    # English words, words too short to tell and words no swap makes a function word
    # (the caller checks that no article holds the word).
    assert function_word("the") is None
    assert function_word("hte") == "the"
    assert function_word("ot") is None
    assert function_word("zustand") is None
