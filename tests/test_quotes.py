"""Quotes with their speakers, as a reader would attribute them."""

from __future__ import annotations

import pytest

from bot.library.markup import Block, parse_blocks
from bot.library.model import Quote
from bot.library.quotes import extract_quotes

# --- extract_quotes --------------------------------------------------------------------

SEED_OPENING = (
    "“A few years ago this would have been science fiction,” said UCL’s Prof Waseem Qasim, "
    "of the revolutionary gene therapy"
)


@pytest.mark.parametrize(
    ("block", "speaker"),
    [
        (SEED_OPENING, "Prof Waseem Qasim"),
        ("“We will keep going with this work,” she said.", None),
        ("Jane Doe said: “We will keep going with this work.”", "Jane Doe"),
        ("Jane Doe, a consultant at GOSH, said: “We will keep going with this work.”", "Jane Doe"),
        (
            "Dr Rob Chiesa, study investigator and consultant at GOSH said: "
            "“Around 20% may not respond to this.”",
            "Dr Rob Chiesa",
        ),
        ("“We will keep going with this work,” Jane Doe said.", "Jane Doe"),
        ("“We will keep going with this work,” says Jane Doe, of the trust.", "Jane Doe"),
        ("“We will keep going with this work,” according to Jane Doe.", "Jane Doe"),
        ("According to Jane Doe, “the work will keep going for years.”", "Jane Doe"),
        ("Separately, Bob Smith said: “We will keep going with this work.”", "Bob Smith"),
        ("In a statement, Bob Smith told the BBC: “We will keep going with this.”", "Bob Smith"),
        ("The team said: “We will keep going with this work.”", None),
        ("“Why would anyone do this to us?” Bob Smith asked.", "Bob Smith"),
        ('"It works. It really does, every time," said Bob.', "Bob"),
        (
            "“We will keep going with this work,” said APP president Terry Schilling.",
            "Terry Schilling",
        ),
        (
            "“We will keep going with this work,” founder Robert P. George wrote.",
            "Robert P. George",
        ),
        ("“We will keep going with this work,” Meta said in a statement.", "Meta"),
        ("The Defence Forces said: “We will keep going with this work.”", "Defence Forces"),
        (
            "A spokesman for An Garda Siochána said: “We will keep going with this work.”",
            "An Garda Siochána",
        ),
        ("Separately, “we will keep going with this work,” said Bob Smith.", "Bob Smith"),
        (
            "“I’ve been able to do things I thought impossible,” said the now 16-year-old, "
            "who is cancer-free.",
            None,
        ),
        ("“We will keep going with this work,” said a spokesperson on Tuesday.", None),
        ("“We will keep going with this work,” said Tuesday’s speaker.", None),
    ],
)
def test_quote_speakers(block: str, speaker: str | None) -> None:
    # Each alone, with nothing before it to resolve a pronoun against.
    quotes = extract_quotes([block])
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker


def test_quote_text_drops_the_trailing_comma() -> None:
    assert extract_quotes([SEED_OPENING])[0].text == (
        "A few years ago this would have been science fiction"
    )


def test_scare_quotes_titles_and_link_text_are_not_quotes() -> None:
    assert extract_quotes(["It is a “living drug” with a “deep remission” rate."]) == []
    assert extract_quotes(["He posted a video titled “I Was Wrong About The Bridge Plan”."]) == []
    html = "<p>Read <a href='/x'>“How the council rebuilt the old bridge in a year”</a> here.</p>"
    assert extract_quotes(parse_blocks(html)) == []


def test_pronouns_resolve_to_the_person_the_text_is_about() -> None:
    blocks = [
        "Maria Okafor runs the repair café in the old library.",
        "Okafor had fixed toasters for years before the café opened. “Initially, I was "
        "shocked by how many people came,” she says.",
        "In a post on Bluesky she said the café needs more volunteers. “We cannot keep up "
        "with the toasters without more hands,” she said.",
    ]
    assert [q.speaker for q in extract_quotes(blocks)] == ["Maria Okafor", "Maria Okafor"]


def test_surname_resolves_to_the_full_name_given_earlier() -> None:
    blocks = [
        "Mark Valeri, a professor of religion, studied the letter.",
        "“My surmise is there is fear of the new mayor,” said Valeri.",
    ]
    assert extract_quotes(blocks) == [
        Quote("My surmise is there is fear of the new mayor", "Mark Valeri")
    ]


def test_a_description_resolves_to_the_person_so_described() -> None:
    blocks = [
        "In 2022, 13-year-old Alyssa Tapley was the first to receive the treatment.",
        "“My ultimate goal is to become a research scientist,” said the now 16-year-old.",
        "The American Principles Project funds the extension. The group also runs ads.",
        "“Big Tech needs to be a litmus test in the party,” the group said in a statement.",
    ]
    assert [q.speaker for q in extract_quotes(blocks)] == [
        "Alyssa Tapley",
        "American Principles Project",
    ]


def test_nested_quotes_are_kept_whole() -> None:
    block = (
        "“One guy in the room responded, ‘Not to the best of my knowledge, sir.’ I kept it "
        "together,” said Jane Doe."
    )
    assert extract_quotes([block]) == [
        Quote(
            "One guy in the room responded, ‘Not to the best of my knowledge, sir.’ I kept it "
            "together",
            "Jane Doe",
        )
    ]


def test_a_quote_over_two_paragraphs_keeps_its_speaker() -> None:
    blocks = [
        "In a statement, the Defence Forces said: “For operational reasons we have no comment "
        "on any alleged incidents.",
        "“However, our support to the operation was deployed in multiple ways.”",
    ]
    assert [q.speaker for q in extract_quotes(blocks)] == ["Defence Forces", "Defence Forces"]


def test_block_quotes_are_quotes_with_their_cite_or_lead_in() -> None:
    html = (
        "<p>Ada Lovelace wrote:</p>"
        "<blockquote><p>The engine might compose elaborate pieces of music of any degree.</p>"
        "</blockquote>"
        "<blockquote><p>Simplicity is prerequisite for reliability in every system.</p>"
        "<footer><cite>Edsger Dijkstra</cite></footer></blockquote>"
    )
    assert [(q.text[:20], q.speaker) for q in extract_quotes(parse_blocks(html))] == [
        ("The engine might com", "Ada Lovelace"),
        ("Simplicity is prereq", "Edsger Dijkstra"),
    ]


def test_no_quotes_from_furniture_or_headings() -> None:
    html = (
        "<h2>“We will keep going with this work,” says the mayor</h2>"
        "<figure><figcaption>“We will keep going with this work,” said Jane Doe.</figcaption>"
        "</figure><aside><p><a href='/next'>“We will keep going with this work,” said Jane Doe.</a>"
        "</p></aside>"
    )
    assert extract_quotes(parse_blocks(html)) == []


def test_follow_on_quote_keeps_its_speaker() -> None:
    block = (
        "“It works for the outliers, but not for the rest,” Hlatky said. "
        "“I just got bored with the system and left it.”"
    )
    assert [q.speaker for q in extract_quotes([block])] == ["Hlatky", "Hlatky"]


def test_attribution_in_the_previous_sentence_carries_over() -> None:
    block = 'It will fall short, Lautz said. "It is unlikely that we will see that boost."'
    assert extract_quotes([block]) == [
        Quote("It is unlikely that we will see that boost.", "Lautz")
    ]


def test_repeated_quotes_are_deduplicated_keeping_a_speaker() -> None:
    plain = "“A few years ago this would have been science fiction.”"
    quotes = extract_quotes([plain, SEED_OPENING])
    assert len(quotes) == 1
    assert quotes[0].speaker == "Prof Waseem Qasim"


def test_a_role_resolves_to_the_person_introduced_with_it() -> None:
    blocks = [
        "The films were made by filmmaker Joe Dante in the 1980s.",
        "“The people in my generation who loved movies love them,” the filmmaker added.",
    ]
    assert [q.speaker for q in extract_quotes(blocks)] == ["Joe Dante"]


def test_the_title_is_read_first() -> None:
    quotes = extract_quotes(
        ["“I think the longevity of the films comes from the theatre,” Dante told the paper."],
        "Gremlins creator Joe Dante says the puppet was copied",
    )
    assert [q.speaker for q in quotes] == ["Joe Dante"]


def test_an_organisation_named_with_connectors_is_one_speaker() -> None:
    block = (
        "“The collection of sensitive data could pose serious threats,” members of the "
        "Committee on Oversight and Reform wrote."
    )
    assert [q.speaker for q in extract_quotes([block])] == ["Committee on Oversight and Reform"]


# --- attribution structures a news report uses -----------------------------------------

Q = "“We will keep going with this work,”"


@pytest.mark.parametrize(
    ("block", "speaker"),
    [
        # A role and an organisation before the name belong to neither.
        (f"{Q} said ACME senior staff attorney Jo Park.", "Jo Park"),
        (f"{Q} said Riverside Editor-in-Chief Ana Ruiz. “Our readers expect it.”", "Ana Ruiz"),
        (f"{Q} said the lead author, Ana Ruiz of Forest Watch.", "Ana Ruiz"),
        (f"{Q} says University of Leeds, Bradford, economist Ana Ruiz, who led it.", "Ana Ruiz"),
        ("Education Secretary Ana Ruiz said: “We will keep going with this work.”", "Ana Ruiz"),
        # An appositive that names no person is not the subject.
        (
            "Senator Jo Park, Democrat of Ohio, said the cuts “would be a slap in the face.”",
            "Jo Park",
        ),
        # Reported speech: the subject of the verb that reports it.
        (
            "Ana Ruiz, head of the union, said the plan was “a betrayal of every nurse here.”",
            "Ana Ruiz",
        ),
        ("The lawsuit says she suffered “pain, distress and the loss of her career.”", None),
        ("A comment suggested that they “secretly watch who is coming and going.”", None),
        (
            "It was what Jo Park wryly called “the longest meeting in the city’s history.”",
            "Jo Park",
        ),
        # Spokespeople speak for whom they represent; documents for their writer.
        (f"{Q} a Wiley spokesperson told the paper.", "Wiley"),
        ("A spokesperson for Fox News said: “We will keep going with this work.”", "Fox News"),
        (f"{Q} Ana Ruiz’s email began.", "Ana Ruiz"),
        ("“We will keep going with this work.” The changes, the report states, are final.", None),
    ],
)
def test_attribution_structures(block: str, speaker: str | None) -> None:
    assert extract_quotes([block])[0].speaker == speaker


def test_the_name_after_told_is_who_listened() -> None:
    blocks = [
        "Manish Kumar Prasad runs a digital marketing firm.",
        f"{Q} Prasad, chief executive of Lemon Dot Media, told Rest of World. "
        "“It helped our candidates reach voters everywhere.”",
    ]
    assert [q.speaker for q in extract_quotes(blocks)] == ["Manish Kumar Prasad"] * 2


def test_quotes_in_one_sentence_share_its_attribution() -> None:
    block = (
        "Past staff have “poured their heart and souls into this building every day” and "
        "“made it the prestigious place that it was,” Jo Park said from the stage."
    )
    assert [q.speaker for q in extract_quotes([block])] == ["Jo Park", "Jo Park"]


def test_the_second_quote_of_she_said_is_hers_whoever_the_first_names() -> None:
    blocks = [
        "Former director Cameron Hale spoke to the committee in May.",
        "“When you order a pizza from Domino’s, you know where it is at every step,” he "
        "said. “We have survivors who wait weeks to get answers from us.”",
    ]
    assert [q.speaker for q in extract_quotes(blocks)] == ["Cameron Hale"] * 2


def test_pronouns_find_the_person_a_sentence_quotes_not_its_first_word() -> None:
    blocks = [
        "Amir Dhillon is a senior police officer in Patna.",
        "State police registered a dozen cases, Dhillon told Rest of World.",
        "“It is very hard to find all of the fake videos,” he said.",
        "Days after the raid, Maria Greeley said it was still frightening. (Her lawyer, "
        "Tom Abbot, declined to comment.)",
        "“I just have to stay strong and not think about it,” she said.",
    ]
    assert [q.speaker for q in extract_quotes(blocks)] == ["Amir Dhillon", "Maria Greeley"]


def test_an_acronym_and_the_spokesperson_resolve_to_the_organisation() -> None:
    blocks = [
        "The Environmental Protection Agency revised the assessment last week.",
        "An EPA spokesperson wrote that staff had approval. “We followed every rule that "
        "applies to this review,” the spokesperson wrote.",
        "“We are correcting the record on this chemical,” the spokesperson added.",
    ]
    assert [q.speaker for q in extract_quotes(blocks)] == ["Environmental Protection Agency"] * 2


def test_the_company_is_the_organisation_the_article_is_about() -> None:
    blocks = [
        "Condé Nast fired four union leaders. Condé Nast said the video was partial.",
        "Union members met the head of HR at Condé Nast on Wednesday.",
        "“Extreme misconduct is unacceptable in any workplace,” the company said.",
    ]
    assert extract_quotes(blocks)[0].speaker == "Condé Nast"


def test_a_role_opening_a_sentence_is_not_part_of_the_name() -> None:
    blocks = [
        "Filmmaker Joe Dante made the films in the 1980s.",
        "“The people in my generation who loved movies love them,” Dante said. The "
        "filmmaker has since retired.",
    ]
    assert [q.speaker for q in extract_quotes(blocks)] == ["Joe Dante"]


def test_a_pull_quote_repeating_the_body_is_one_quote() -> None:
    blocks = [
        Block("We were able to save a lot of money on staff this year.”", "blockquote"),
        Block(
            "“AI did not just help parties. We were able to save a lot of money on staff "
            "this year,” Jo Park said."
        ),
    ]
    assert [(q.text[:9], q.speaker) for q in extract_quotes(blocks)] == [("AI did no", "Jo Park")]


def test_a_linked_fragment_and_straight_quotes_beside_curly_ones_are_speech() -> None:
    block = Block(
        'The firm said the video "captures only a portion of the incident." “We also '
        "cannot ignore behavior that crosses the line,” the firm said.",
        links=("captures only a portion of the incident",),
    )
    assert [q.text[:8] for q in extract_quotes([block])] == ["captures", "We also "]


def test_a_sentence_s_first_word_is_no_speaker_and_a_handle_is_one() -> None:
    survey = (
        "Perhaps the biggest change came from the question which asked whether people agreed "
        'with the statement, "I feel welcome in the community here".'
    )
    assert extract_quotes([survey])[0].speaker is None
    html = (
        "<p>Comment by @nikomatsakis posted on 2025-01-15:</p>"
        "<blockquote><p>In our meeting today we reviewed the plans for the goal.</p></blockquote>"
    )
    assert [q.speaker for q in extract_quotes(parse_blocks(html))] == ["@nikomatsakis"]
