"""What a sentence offers as an answer (bot/search/features.py) and what a question asks
for (bot/search/answer_type.py)."""

from __future__ import annotations

import pytest

from bot.search.answer_type import Wanted
from bot.search.features import sentence_features
from bot.search.parse import parse
from bot.search.sentence_spans import TOKEN, tokens
from bot.search.stem import stem
from bot.search.words import STOPWORDS, fold


def spans(text: str, kind: str) -> list[str]:
    """The text of each span of one kind, from its first word to its last."""
    words = [m.span() for m in TOKEN.finditer(text)]
    found = sentence_features(text).spans((kind,))
    return [text[words[s.start][0] : words[s.end - 1][1]] for s in found]


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Along the almost 2,500 stairs and walkways.", "amount", ["2,500 stairs"]),
        ("They treated nine children and two adults.", "amount", ["nine children", "two adults"]),
        # "one" counts before a scale word only.
        ("About one million users, one of them new.", "amount", ["one million users"]),
        ("The co-op raised £3.2m, then €1 million more.", "amount", ["3.2m", "1 million"]),
        (
            "A 6.8-inch screen, 87 percent of apps, a 5–35% speedup.",
            "amount",
            ["6.8-inch", "87 percent", "5–35"],
        ),
        ("It ends on April 2, 2024 at 18:00 UTC.", "date", ["April 2, 2024", "18:00 UTC"]),
        ("He led the agency from 2013-2014, and since June.", "date", ["2013-2014", "June"]),
        ("Go 1.21rc2 follows go1.20 and v1.2.3.", "version", ["1.21rc2", "v1.2.3"]),
        # A pronoun after a figure is the next clause's subject, not its unit.
        ("In Lumen 1.7 we added tracing.", "version", ["1.7"]),
        ("In Lumen 1.7 we added tracing.", "amount", []),
        (
            "Vessel designer Thomas Heatherwick met Bill de Blasio.",
            "name",
            ["Thomas Heatherwick", "Bill de Blasio"],
        ),
        (
            "The Fifth District Court of Appeals ruled on it.",
            "name",
            ["Fifth District Court of Appeals"],
        ),
        # A capitalised word written onto another by "_", "/" or "=" is code, not a name.
        (
            "Set LUMEN_CACHE_DIR=x or log in with Atmosphere/Bluesky, said Ann Lee.",
            "name",
            ["Ann Lee"],
        ),
        ("The drones flew, possibly near Howth.", "place", ["Howth"]),
        # A web address after "at", "on", "from" or "to" is where something is.
        (
            "Find the docs at docs.example.org/lumen. Try it at https://play.example.org.",
            "place",
            ["docs.example.org/lumen", "https://play.example.org"],
        ),
        (
            "Keys were revoked because the generator was not secure.",
            "reason",
            ["because the generator was not secure"],
        ),
        # What leads to a decision, and the decision drawn from it, mark a reason too.
        (
            "In light of the new tools, there is less need for the group, and as such we"
            " closed it.",
            "reason",
            ["In light of the new tools", "as such we closed it"],
        ),
        # ", as" before a subject and its verb gives the reason; not "as reported by".
        (
            "Staff remain uneasy, as linear television continues to decline.",
            "reason",
            ["as linear television continues to decline"],
        ),
        ("It was cut, as reported by Reuters, as well as its rivals.", "reason", []),
        # English's other links of cause and effect: what a cause resulted in, reasons
        # counted, a motivation, "the problem is that", and ", so we…" after the cause.
        (
            "The key used SHA-1, which resulted in every signature failing.",
            "reason",
            ["resulted in every signature failing"],
        ),
        (
            "Others must not, for a variety of reasons including security.",
            "reason",
            ["for a variety of reasons including security"],
        ),
        (
            "The main motivation for the update is a faster resolver.",
            "reason",
            ["motivation for the update is a faster resolver"],
        ),
        (
            "The problem is that finalizers resurrect objects.",
            "reason",
            ["The problem is that finalizers resurrect objects"],
        ),
        (
            "GIF was not supported, so we wrote a decoder.",
            "reason",
            ["so we wrote a decoder"],
        ),
        ("So we went home, and the result was clear.", "reason", []),
        (
            "Use go get -tool to add it; see C.CString and crates.io.",
            "code",
            ["tool", "C.CString", "crates.io"],
        ),
    ],
)
def test_typed_spans(text: str, kind: str, found: list[str]) -> None:
    assert spans(text, kind) == found


def test_how_a_sentence_sits_in_its_text() -> None:
    assert sentence_features("It will open in 2027.").leans_back
    assert sentence_features("But this changed everything.").leans_back
    assert not sentence_features("Both cafés open at nine.").leans_back
    assert sentence_features("See the user guide for more information.").points_away
    # Stems as words.words() reads them: possessives and accents go.
    assert sentence_features("The café's owners").stems == ("", "cafe", "owner")


def test_a_name_where_english_names_who_did_it() -> None:
    def agents(text: str) -> list[bool]:
        f = sentence_features(text)
        return [f.agent(span) for span in f.spans(("name",))]

    assert agents("The work was all done by Rich Kadel.") == [True]
    assert agents("It was made by the Bigelow type foundry.") == [True]
    assert agents("Thanks go to Arlo Siemsen who implemented it.") == [True]
    assert agents("We asked Chuck Bigelow about Ann Lee.") == [False, False]


def test_a_label_gives_what_follows_its_colon() -> None:
    def labelled(text: str, nouns: set[str]) -> list[str]:
        f = sentence_features(text)
        words = [m.span() for m in TOKEN.finditer(text)]
        return [text[words[s.start][0] : words[s.end - 1][1]] for s in f.labelled(frozenset(nouns))]

    assert labelled("New built-in functions: min, max and clear.", {"function"}) == [
        "min, max and clear"
    ]
    # Not a label: a long opening, a colon with no space after it, or another noun.
    assert labelled("The functions this release adds to the language are: min.", {"function"}) == []
    assert labelled("See cmd/go:embed for functions.", {"function"}) == []
    assert labelled("New built-in functions: min, max and clear.", {"packag"}) == []


def test_the_phrase_after_a_preposition_the_question_s_words_lead_to() -> None:
    def after(text: str, prep: str, anchors: set[str]) -> list[str]:
        f = sentence_features(text)
        words = [m.span() for m in TOKEN.finditer(text)]
        found = f.after_word(frozenset([prep]), frozenset(anchors))
        return [text[words[s.start][0] : words[s.end - 1][1]] for s in found]

    text = "The drones took off from the north-east of Dublin, possibly near Howth."
    assert after(text, "from", {"drone"}) == ["the north-east of Dublin"]
    # Only within a few words of one of the question's words.
    assert after(text, "from", {"howth"}) == []
    # Not the question's own thing: "which mountain was the hiker on".
    assert after("A hiker lost on a mountain in Colorado.", "on", {"hiker", "mountain"}) == []
    assert after("Google confused Jordan with the YouTuber Ryan McBeth.", "with", {"jordan"}) == [
        "the YouTuber Ryan McBeth"
    ]


def test_an_amount_counting_by_a_past_participle() -> None:
    def done(text: str, verbs: set[str]) -> list[bool]:
        f = sentence_features(text)
        return [f.counts_done(span, verbs) for span in f.spans(("amount",))]

    assert done("It boasts of “400,000 deported” so far.", {"deport"}) == [True]
    # Not another verb's, and not a noun the question holds ("two datasets").
    assert done("It boasts of “400,000 deported” so far.", {"arrest"}) == [False]
    assert done("Users posted two datasets.", {"dataset"}) == [False]


def test_what_a_question_asks_for() -> None:
    photos = Wanted.of(parse("how many photos are in the dataset?"))
    assert photos.kind == "number" and "amount" in photos.full and "photo" in photos.heads
    assert "mani" in photos.form  # "many" says an amount is wanted, not what it is about
    share = Wanted.of(parse("what percentage of apps share data?"))
    assert share.kind == "number" and "percentag" in share.form
    assert Wanted.of(parse("which city was first to do it?")).kind == "where"
    program = Wanted.of(parse("what program did he write it in?"))
    assert program.kind == "what" and "program" in program.heads
    # A yes/no question is answered by a sentence saying so or not ("…is not…").
    assert Wanted.of(parse("is it any good")).full == frozenset({"polarity"})
    # "which release" asks for a version number, not any name or code.
    release = Wanted.of(parse("which lumen release added tracing"))
    assert release.kind == "version" and release.full == frozenset({"version"})


@pytest.mark.parametrize(
    "text",
    [
        "Rust's borrow checker (v1.58.0) and C++/C# in 2024: crates.io, snake_case_names.",
        "It's 5pm -- don't ask; U.S.A. e.g. foo.bar.baz+ go1.21rc2 x86_64 A+B+ THE END.",
        "Café owners’ “Tiger Girl” isn't Über-fast.",
    ],
)
def test_a_sentence_s_words_and_stems_are_those_the_word_pattern_and_stemmer_give(
    text: str,
) -> None:
    # The reading for ASCII text (its own pattern, the stems from a dict) is a fast path:
    # the same words at the same places, and the same stems, as the general reading.
    found = list(TOKEN.finditer(text))
    folded = [fold(m.group()).replace("’", "'") for m in found]
    folded = [(w[:-2] if w.endswith("'s") else w).replace("'", "") for w in folded]
    t = tokens(text)
    assert (t.starts, t.ends) == ([m.start() for m in found], [m.end() for m in found])
    assert t.folded == folded
    assert t.stems == tuple(stem(w) if w and w not in STOPWORDS else "" for w in folded)
