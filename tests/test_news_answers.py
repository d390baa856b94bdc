"""News prose's ways of giving an answer (issue 15, pass16): who holds a role named beside
them, who a quoted "he" is, a kind of thing asked for by "what kind of", a time told from
now, a share written as a ratio."""

from __future__ import annotations

from bot.library.model import Article, Sentence
from bot.search.answer_type import Wanted
from bot.search.features import sentence_features
from bot.search.parse import parse
from bot.search.passage import best_passage
from bot.search.policy import DEFAULT, Policy
from bot.search.stem import stem


def _shown(paragraphs: list[list[str]], question: str, policy: Policy = DEFAULT) -> str | None:
    sentences = tuple(Sentence(s, i) for i, p in enumerate(paragraphs) for s in p)
    article = Article(
        slug="a",
        title="Miners visit the capital",
        path="a.md",
        text="\n\n".join(" ".join(p) for p in paragraphs),
        sentences=sentences,
    )
    return best_passage(article, parse(question), policy)


def _on_and_off(paragraphs: list[list[str]], question: str, **off: int) -> tuple[str, str]:
    """The passage shown with the default policy, and with the rule's weight `off`."""
    shown, without = (
        _shown(paragraphs, question),
        _shown(paragraphs, question, DEFAULT.with_(**off)),
    )
    assert shown and without
    return shown, without


def _spans(text: str, kind: str) -> list[str]:
    f = sentence_features(text)
    return [" ".join(f.text_of(k) for k in range(s.start, s.end)) for s in f.spans((kind,))]


# -- a name in apposition to the question's words ------------------------------------------


def test_a_role_set_off_by_commas_names_who_holds_it() -> None:
    f = sentence_features("Dana Ruiz, a White House spokeswoman, said the plan works.")
    ruiz = next(s for s in f.spans(("name",)) if f.text_of(s.start) == "Dana")
    assert f.apposed(ruiz, frozenset([stem("white"), stem("house")]))
    assert not f.apposed(ruiz, frozenset([stem("plan")]))  # the words after the role
    f = sentence_features(
        "The gap grows wider, said the lead author, Erin Matson of Climate Focus."
    )
    matson = next(s for s in f.spans(("name",)) if f.text_of(s.start) == "Erin")
    assert f.apposed(matson, frozenset([stem("author")]))
    # A name a verb follows says who said the words before it: no role.
    f = sentence_features("Tests need images of children with an autism diagnosis, Alvares says.")
    alvares = next(s for s in f.spans(("name",)) if f.text_of(s.start) == "Alvares")
    assert not f.apposed(alvares, frozenset([stem("autism")]))
    # A relative clause is no apposition, nor a role with no comma between.
    f = sentence_features("The deal pleased Paramount, which bought the studio last year.")
    paramount = next(s for s in f.spans(("name",)) if f.text_of(s.start) == "Paramount")
    assert not f.apposed(paramount, frozenset([stem("studio")]))


MINERS = [
    ["The mines of the valley reopened this spring."],
    [
        "Coal miners posed behind President Hale at the White House in April.",
        "They wore their hard hats.",
    ],
    [
        "Dana Ruiz, a White House spokeswoman, said in a statement that the president cares "
        "deeply about unleashing energy and standing up for workers like coal miners.",
        "The mines reopened.",
    ],
]


def test_who_spoke_for_a_body_is_the_name_its_role_is_set_beside() -> None:
    # Both sentences hold every word of the question; the first names the president next
    # to them, the second the spokeswoman far from "coal miners", her role set off by
    # commas. Off (apposed_answer 0), the president's sentence is shown.
    shown, off = _on_and_off(
        MINERS, "who spoke for the white house about the coal miners", apposed_answer=0
    )
    assert shown.startswith("Dana Ruiz")
    assert "Dana Ruiz" not in off and "President Hale" in off


# -- who a quoted "he" is ------------------------------------------------------------------


def _pizza(said: str) -> list[list[str]]:
    return [
        [
            "The service has struggled for years.",
            "Former acting director Sam Hale described its goals during a hearing in May.",
        ],
        [
            "“When you order a pizza from a shop, you know when it comes out of the oven, and "
            f"we do not have that for disaster aid,” {said}",
            "Members asked about staffing.",
        ],
    ]


PIZZA_Q = "who compared disaster aid to tracking a pizza order"


def test_a_quote_by_he_takes_the_sentence_naming_him_for_who() -> None:
    # The quote holds the question's words; "he" is the director the paragraph before
    # names. Off (speaker_chars 0), the quote is shown without him.
    shown, off = _on_and_off(_pizza("he said."), PIZZA_Q, speaker_chars=0)
    assert "Sam Hale" in shown and "pizza" in shown
    assert "pizza" in off and "Sam Hale" not in off
    short = _shown(_pizza("he said."), PIZZA_Q, DEFAULT.with_(speaker_chars=200))
    assert short and "Sam Hale" not in short


def test_a_quote_naming_its_speaker_stays_alone() -> None:
    # "…,” Hale said." names him there: nothing to take from before.
    shown = _shown(_pizza("Hale said."), PIZZA_Q)
    assert shown and shown.startswith("“When you order") and "Sam Hale" not in shown


# -- what kind of X ------------------------------------------------------------------------


def test_what_kind_of_asks_about_the_noun_after_of() -> None:
    for q, head in (
        ("what kind of officer got hit with the sandwich", "officer"),
        ("what type of email account did the worker suggest", "email"),
        ("which sorts of drones do they use", "drones"),
    ):
        heads = Wanted.of(parse(q)).heads
        assert stem(head) in heads, q
        assert not heads & {stem("kind"), stem("type"), stem("sorts")}, q
    # "kind" not before "of" is a word like any other.
    assert stem("kind") in Wanted.of(parse("what kind gesture did she make")).heads


# -- a time told from now ------------------------------------------------------------------


def test_a_time_told_from_now_is_read() -> None:
    assert _spans("The money is going to go away in a year.", "relative") == ["in a year"]
    assert _spans("They adopted it almost 40 years ago.", "relative") == ["40 years ago"]
    assert _spans("Two weeks later, he left.", "relative") == ["Two weeks later"]
    assert _spans("It ends within three months.", "relative") == ["within three months"]
    # A stay of three days, a year: no time from now.
    assert _spans("He was in Paris for 3 days in 2019.", "relative") == []


STATION = [
    [
        "Access Riverside runs the public station, and its board last met in June.",
        "It has six staff.",
    ],
    [
        "The commission says the station money is going to go away in a year, and the staff "
        "will lose their jobs.",
        "Nobody knows what comes next.",
    ],
]


def test_when_is_answered_by_a_time_told_from_now() -> None:
    # The first sentence holds a date (June) near the station's name; the second says when
    # the money goes, from now. Off (relative_date_fit 0), the dated sentence wins.
    q = "when is access riverside going to lose its station money"
    shown, off = _on_and_off(STATION, q, relative_date_fit=0)
    assert "in a year" in shown and "in a year" not in off


# -- a share written as a ratio ------------------------------------------------------------


def test_a_ratio_is_an_amount() -> None:
    assert _spans("It found that one in five American households had no access.", "amount") == [
        "one in five"
    ]
    assert _spans("About 3 out of 10 people agreed.", "amount") == ["3 out of 10"]
    # A figure before a year is no ratio.
    assert "5 in 2019" not in _spans("He scored 5 in 2019.", "amount")


# -- a person named again by their age ------------------------------------------------------

FIRM = [
    ["The county's vote drew campaigns from every party this autumn."],
    [
        "“Cloned voices were the product every candidate wanted,” Ravi Menon, chief "
        "executive of Brightfield Studio, told reporters.",
        "“It reached voters in every village.”",
    ],
    [
        "Tools for images and video spread through the campaigns of Google, Meta and others.",
        "Analysts said spending on advertising had doubled.",
    ],
    [
        "“We saved money by using these tools rather than hiring people,” the 41-year-old said.",
        "He plans to open a second office next year.",
    ],
]


def test_a_person_quoted_again_under_their_age_holds_the_words_that_named_them() -> None:
    shown, without = _on_and_off(
        FIRM, "how old is the man running brightfield studio", age_lookback=0
    )
    assert "41-year-old" in shown
    assert "41-year-old" not in without


def test_an_age_stands_for_the_person_given_an_age_before() -> None:
    paragraphs = [
        ["A new therapy has cleared cancers that no treatment had reached."],
        ["In 2021, 12-year-old Mia Lane from Kent was the first patient to receive it."],
        [
            "Dr Omar Haddad, the trial's lead doctor, said: “Now we can treat patients who "
            "do not respond to the standard drugs.”"
        ],
        ["“I can go to school again,” said the now 15-year-old, who is back home."],
    ]
    question = "how old is the first patient now"
    shown, without = _on_and_off(paragraphs, question, age_lookback=0)
    # (without the rule her age then comes first, the one now only as a runner-up)
    assert shown.startswith("“I can go to school again")
    assert without.startswith("In 2021")
    # "a 15-year-old" is someone new: no one named before is meant.
    paragraphs[3] = ["“I can go to school again,” said a 15-year-old, who is back home."]
    assert "15-year-old" not in (_shown(paragraphs, question) or "")


# -- a role written before a name, with no comma (pass18) ----------------------------------


def test_a_role_written_before_a_name_names_who_holds_it() -> None:
    f = sentence_features("On May 3, YouTuber creator Sam Rivera was excited to stream the game.")
    rivera = next(s for s in f.spans(("name",)) if f.text_of(s.start) == "Sam")
    assert f.titled(rivera, frozenset([stem("youtuber")]), 2)
    assert not f.titled(rivera, frozenset([stem("youtuber")]), 0)  # (the rule off)
    assert not f.titled(rivera, frozenset([stem("game")]), 2)  # (words after the name)
    # A role set off by a comma is apposition's (Features.apposed), and a name's own
    # capitalised words before another name are no role ("Steal a Brainrot").
    f = sentence_features("He met the creator, Sam Rivera, in May.")
    rivera = next(s for s in f.spans(("name",)) if f.text_of(s.start) == "Sam")
    assert not f.titled(rivera, frozenset([stem("creator")]), 2)
    f = sentence_features("Fans of Youtuber Sam Rivera came.")
    rivera = next(s for s in f.spans(("name",)) if "Rivera" in f.text_of(s.end - 1))
    assert not f.titled(rivera, frozenset([stem("youtuber")]), 2)


STREAMER = [
    ["On May 3, YouTuber creator Sam Rivera was excited to stream Stack the Blocks."],
    ["The game has become the site's most-played title."],
    [
        "While streaming on his YouTube channel Blockhead that day, Rivera noticed that "
        "Stack the Blocks had lost a character.",
    ],
]


def test_who_holds_a_role_written_before_their_name() -> None:
    # Both sentences hold the question's words; the first names the streamer after his
    # role, the other by his surname alone beside another name. Off (role_words 0), the
    # later sentence is shown.
    shown, off = _on_and_off(
        STREAMER, "who was the youtuber who wanted to stream stack the blocks", role_words=0
    )
    assert "Sam Rivera" in shown
    assert "Sam Rivera" not in off
