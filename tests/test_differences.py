"""npsg25: a question asking by how much things differ wants an amount saying so; a
yes/no question asking whether a state still holds is answered by a verb of continuing
or stopping. Each test fails with its switch in the policy at 0."""

from __future__ import annotations

from bot.library.model import Article, Sentence
from bot.search.answer_type import Wanted
from bot.search.comparisons import asks_difference, comparative, multiples, states_difference
from bot.search.features import sentence_features
from bot.search.parse import parse
from bot.search.passage import best_passage
from bot.search.policy import DEFAULT

ONE_WINDOW = DEFAULT.with_(second_chars=0)


def _article(paragraphs: list[list[str]], title: str) -> Article:
    sentences = tuple(Sentence(s, i) for i, p in enumerate(paragraphs) for s in p)
    return Article(
        slug="a",
        title=title,
        path="a.md",
        text="\n\n".join(" ".join(p) for p in paragraphs),
        sentences=sentences,
    )


def test_comparatives_are_told_by_spelling_not_listed() -> None:
    for word in ("more", "fewer", "bigger", "faster", "safer", "easier", "higher"):
        assert comparative(word), word
    # Nouns in "-er" have plurals: "how much water/power", "how many users" compare nothing.
    for word in ("water", "power", "user", "paper", "order", "under"):
        assert not comparative(word), word
    assert asks_difference(parse("how much bigger are tax refunds this year").words)
    assert asks_difference(parse("how far over the limit is the risk").words)
    assert not asks_difference(parse("how much water does the plant use").words)
    assert not asks_difference(parse("how far is the moon").words)


def test_an_amount_saying_by_how_much_answers_how_much_more() -> None:
    f = sentence_features("Officials put the risk at 20 times higher than the limit.")
    (amount,) = f.spans(("amount",))
    assert states_difference(f, amount, percent=False)
    f = sentence_features("The limit is one case of cancer in a million people.")
    assert not any(states_difference(f, s, percent=False) for s in f.spans(("amount",)))
    f = sentence_features("The revisions nearly double the amount considered safe.")
    assert [f.text_of(s.start) for s in multiples(f)] == ["double"]

    report = _article(
        [
            ["The agency set the safe level of the gas in its 2024 assessment."],
            [
                "The proposed revision of the assessment would nearly double the level of the"
                " gas considered safe to breathe.",
            ],
            [
                "The agency says the level of the gas now considered safe under the revision"
                " still keeps the risk at one case in a million people.",
            ],
        ],
        title="A new assessment of the gas",
    )
    asked = parse("how much more of the gas does the revision say is safe to breathe")
    assert Wanted.of(asked).compares
    passage = best_passage(report, asked, ONE_WINDOW)
    assert passage and "nearly double" in passage
    off = ONE_WINDOW.with_(difference_only=0.0)
    passage = best_passage(report, asked, off)
    assert passage and "nearly double" not in passage


def test_a_verb_of_continuing_answers_whether_a_state_still_holds() -> None:
    assert sentence_features("She will continue as an advisor.").spans(("aspect",))
    assert sentence_features("The agency has phased out the visits.").spans(("aspect",))
    assert not sentence_features("The founder is stepping aside.").spans(("aspect",))
    app = _article(
        [
            [
                "The founder has been involved with the app since it began, and is stepping"
                " down as its chief executive.",
            ],
            ["The founder said the app has been a big part of life for a decade."],
            ["Going forward, the founder will continue contributing to the app as an advisor."],
        ],
        title="The app's founder steps down",
    )
    asked = parse("is the founder still going to be involved with the app after stepping down")
    assert Wanted.of(asked).persists
    passage = best_passage(app, asked, ONE_WINDOW)
    assert passage and "will continue" in passage
    passage = best_passage(app, asked, ONE_WINDOW.with_(aspect_fit=0.0))
    assert passage and "will continue" not in passage
    # Only a question asking whether it still holds reads them.
    assert not Wanted.of(parse("is the founder involved with the app")).persists
