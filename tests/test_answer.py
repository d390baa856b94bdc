"""Passages and quotes picked within one article."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.library.model import Article, Quote, Sentence
from bot.library.parse import parse_article
from bot.search import answer_type, present
from bot.search.answer_type import Wanted
from bot.search.comparisons import asks_difference, comparative, multiples, states_difference
from bot.search.degree import asks_degree, degrees, superlative
from bot.search.engine import SearchEngine
from bot.search.features import sentence_features
from bot.search.followup import next_part
from bot.search.likeness import asks_likeness, likenesses
from bot.search.parse import parse
from bot.search.passage import best_passage, passage_match, with_text
from bot.search.policy import DEFAULT, Policy
from bot.search.query import question_kind
from bot.search.rerank import Asked, article_evidence
from bot.search.sentence_stems import encode_stems, held_terms
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


# Which window wins, without the runner-up shown after a close call (see
# test_a_close_runner_up_is_shown_after_the_best_window).
ONE_WINDOW = DEFAULT.with_(second_chars=0)


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


def test_the_question_word_is_the_first_one() -> None:
    # A later "when", "who", "where" or "how" opens a clause inside the question: the
    # question is asked by the first. (Read by a fixed order of cues, each of these was
    # another kind: "when", "when", "who", "who", "how".)
    assert question_kind("where was the driver sitting when the agents pulled up") == "where"
    assert question_kind("what does she want to be when she grows up") == "what"
    assert question_kind("whats the channel of the streamer who noticed it was gone") == "what"
    assert question_kind("where were the workers who talked to reporters helping") == "where"
    assert question_kind("which fix could change how my code behaves") == "what"
    assert (
        question_kind("what percent of packages were formatted when they surveyed them") == "what"
    )
    assert (
        answer_type.Wanted.of(parse("what percent were formatted when surveyed")).kind == "number"
    )
    # On one word the longer cue: "how many" asks for an amount, "what year" for a date.
    assert question_kind("how many came when it opened") == "number"
    assert question_kind("what year did it open when the bridge closed") == "when"
    # A question opening with "is/did…" and holding a question word asks that word's kind.
    assert question_kind("did the mayor say when it opens") == "when"


def test_kinds_of_question() -> None:
    assert question_kind("who designed the bridge?") == "who"
    assert question_kind("When will it open") == "when"
    assert question_kind("how many cyclists will use it") == "number"
    # "how" and a measure adjective asks for a measure: "in the last 168 days".
    assert question_kind("how recent must a regression be to find the exact change") == "number"
    assert question_kind("how far is the bridge from the station") == "number"
    assert "recent" not in parse("how recent must a regression be").terms.words
    # Every word of degree, not only those our questions used; "how soon" asks for a time.
    assert question_kind("how deep is the harbour") == "number"
    assert "deep" not in parse("how deep is the harbour").terms.words
    assert question_kind("how expensive was the new roof") == "number"
    assert question_kind("how soon will the bridge open") == "how"
    # ...and it asks for no newest articles, as "the latest release" does.
    assert parse("how recent must a regression be").without_recency is None
    assert parse("what is in the latest release").without_recency is not None
    assert question_kind("what year does it open") == "when"
    assert question_kind("which engineer designed it") == "what"
    assert question_kind("whats the minimum macos version") == "what"  # as typed, no "'"
    assert question_kind("does the bridge carry cyclists") == "yesno"
    assert question_kind("bridge cyclists") is None
    # Parsed once with the query, for the passage stage to read.
    assert parse("How much did it cost?").kind == "number"


def test_a_mistyped_question_word_still_asks_its_kind_of_question() -> None:
    assert parse("how meny cyclists will use it").kind == "number"
    assert "mnay" not in parse("how mnay cyclists will use it").terms.words
    assert parse("hw many cyclists").kind == "number"
    assert parse("wen did the bridge open").kind == "when"
    assert parse("wat is the bridge made of").kind == "what"
    # Only where the words around it say it is a question word.
    assert parse("hot dogs on the bridge").terms.words == ("hot", "dogs", "bridge")
    assert parse("way to the bridge").kind is None
    assert parse("how man built the bridge").terms.words == ("man", "built", "bridge")
    assert parse("hwo is the engineer").kind is None  # "how" or "who": no guess
    # The passage follows: the amount, not the sentence repeating the question's words.
    assert best_passage(ARTICLE, parse("how meny cyclists will the bridge carry")) == (
        "The bridge will carry 12000 cyclists a day."
    )


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
    assert 0 < score <= DEFAULT.cover_cap


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
@given(
    st.lists(st.lists(_WORDISH, min_size=0, max_size=12), min_size=1, max_size=6),
    st.data(),
    st.booleans(),
)
def test_each_sentence_holds_the_terms_its_words_stem_to(
    sentence_words: list[list[str]], data: st.DataObject, stored: bool
) -> None:
    # A question's terms are found in the stems the reload stored (or, without them, in
    # stems computed on the spot): each sentence with text holds exactly the terms its own
    # words stem to, and its stems in order make the word pairs.
    sentences = tuple(Sentence(" ".join(ws) + "." if ws else " ", 0) for ws in sentence_words)
    everything = {stem(w) for s in sentences for w in words(s.text) if w not in STOPWORDS}
    q = (
        set(data.draw(st.lists(st.sampled_from(sorted(everything)), max_size=4)))
        if everything
        else set()
    )
    q |= {stem(w) for w in words(data.draw(_WORDISH)) if w not in STOPWORDS}
    assume(q)
    article = Article("a", "A", "a.md", sentences=sentences)
    if stored:
        article = dataclasses.replace(article, stems=encode_stems(s.text for s in sentences))
    found = held_terms(article, q)
    with_text = [s for s in sentences if s.text.strip()]
    assert len(found.sets) == len(with_text)
    for k, s in enumerate(with_text):
        full = [stem(w) for w in words(s.text) if w not in STOPWORDS]
        assert set(found.sets[k]) == set(full) & q, s.text
        assert found.tokens(k) == (full if set(full) & q else []), s.text


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


# -- the sentence that answers, not one that shares the question's words ------------------


async def test_how_much_and_how_many_get_the_amount(bundled_library) -> None:
    # Issue 15: "how much did the solar co-op raise?" once showed the display in the
    # entrance hall, "how many birds were counted?" a class of 28 pupils.
    engine = SearchEngine(bundled_library)
    raised = await engine.ask("how much did the solar co-op raise?")
    assert raised.passage and "£3.2 million" in raised.passage
    birds = await engine.ask("how many birds were counted?")
    assert birds.passage and "1.62 million birds" in birds.passage


def test_how_many_x_wants_the_count_written_before_x() -> None:
    # The count of the noun asked about is the number written as its determiner
    # ("Thirty schools"), not a number elsewhere in a sentence holding more of the
    # question's words, nor one of a set named before ("9 of the 39 schools").
    schools = _article(
        [
            [
                "Thirty schools across the county now make part of their own electricity,"
                " thanks to a solar co-operative."
            ],
            ["Pupils at Hill Academy use the panels' data in maths lessons."],
            [
                "Surveys found that 9 of the 39 schools first on the list had roofs"
                " too weak for panels."
            ],
        ],
        title="Solar co-op puts panels on school roofs",
    )
    passage = best_passage(schools, parse("how many schools got panels"))
    assert passage and passage.startswith("Thirty schools")


def test_a_count_counts_the_plural_heading_its_compound() -> None:
    # English pluralises a compound's last noun: "eight booth consultations" counts
    # consultations, "six soundproofed consultation booths" booths.
    booths = _article(
        [
            ["Farmers in the valley used to drive for hours to see a doctor."],
            ["The valley now has six soundproofed consultation booths."],
            ["About one in eight booth consultations ended with a hospital visit."],
        ],
        title="Telemedicine cuts travel for hill farmers",
    )
    passage = best_passage(booths, parse("how many booths are there"))
    assert passage and passage.startswith("The valley now has six")


async def test_how_many_x_in_the_bundled_library(bundled_library) -> None:
    # Once "11 of the 51 schools … were too weak" and "her class of 28 pupils".
    engine = SearchEngine(bundled_library)
    schools = await engine.ask("how many schools got panels")
    assert schools.passage and "Forty schools" in schools.passage
    people = await engine.ask("how many people took part in the bird count")
    assert people.passage and "84,300 people" in people.passage


def test_how_many_children_and_adults_in_the_seed(seed_dir: Path) -> None:
    path = next(seed_dir.glob("*.md"))
    article = parse_article(path.read_bytes(), path.name)
    question = parse("how many children and adults were treated with the gene therapy?")
    assert "nine children and two adults" in (best_passage(article, question) or "")
    first = best_passage(article, parse("who was the first patient to get the treatment?"))
    assert first and "Alyssa Tapley" in first


def test_each_kind_of_question_gets_its_kind_of_answer() -> None:
    # The first sentence of each paragraph repeats more of the question's words; the
    # second holds what is asked for.
    festival = _article(
        [
            [
                "Founded long ago, the harbour festival is loved by everyone in town.",
                "It was founded by Ines Moreau, a local fisher.",
            ],
            [
                "Everyone wants to know when the harbour festival will start.",
                "The festival starts on 14 June and lasts four days.",
            ],
            [
                "The harbour festival is held every year, whatever the weather.",
                "Since 2019 the festival has been held in Port Elan.",
            ],
            [
                "Tickets for the harbour festival sell fast, and many sell out.",
                "Last year the festival sold 12,000 tickets.",
            ],
            [
                "The harbour festival moved to the quay, to the surprise of some.",
                "The festival moved because the old square flooded.",
            ],
        ],
        title="Harbour festival news",
    )
    asked = {
        "who founded the harbour festival?": "Ines Moreau",
        "when does the harbour festival start?": "14 June",
        "where is the harbour festival held?": "Port Elan",
        "how many tickets did the harbour festival sell?": "12,000 tickets",
        "why did the harbour festival move to the quay?": "flooded",
    }
    for question, answer in asked.items():
        assert answer in (best_passage(festival, parse(question)) or ""), question


def test_what_which_wants_something_named_next_to_its_noun() -> None:
    bills = _article(
        [
            ["A new bill bans speech on campus at night, to the anger of students."],
            ["The ban on speech at night comes from Senate Bill 2972, critics say."],
        ],
        title="Campus speech",
    )
    passage = best_passage(bills, parse("which bill bans speech at night"))
    assert passage == "The ban on speech at night comes from Senate Bill 2972, critics say."


def test_how_old_reads_a_number_set_off_after_a_name_as_an_age() -> None:
    # "says Hu, 32": English news gives a person's age as a number in commas after the
    # name, with no "years" to say so; not "1,500 copies", an amount of something else.
    prints = _article(
        [
            ["The printmaker sold 1,500 copies in May."],
            ["Shops across the city stock it now."],
            ["The printmaker is proud of such a clean design, says Ana Hu, 32."],
        ],
        title="A sandwich print",
    )
    question = parse("how old is the printmaker of the sandwich print")
    passage = best_passage(prints, question, policy=ONE_WINDOW)
    assert passage and "Ana Hu, 32" in passage and "1,500" not in passage
    f = sentence_features(
        "Hu, 32 others and 7 more, said Ana Hu, 132, then Judy Heath, 65, of Glenside."
    )
    assert [f.stems[s.start] for s in f.spans(("number",)) if f.age(s)] == ["65"]


def test_a_sentence_opening_with_it_comes_with_the_one_before() -> None:
    article = _article(
        [
            [
                "The council approved the Lisbon firm's plan on Monday.",
                "It will open the new bridge in 2027, after three years of work.",
            ]
        ]
    )
    assert best_passage(article, parse("when will the new bridge open?")) == (
        "The council approved the Lisbon firm's plan on Monday. "
        "It will open the new bridge in 2027, after three years of work."
    )


def test_a_sentence_ending_with_a_colon_comes_with_what_it_announces() -> None:
    install = _article(
        [
            ["Gonew is a tool for starting projects from templates."],
            ["Start by installing gonew using go install:"],
            ["$ go install golang.org/x/tools/cmd/gonew@latest"],
        ],
        title="Experimenting with project templates",
    )
    passage = best_passage(install, parse("how do i install gonew"))
    assert passage and "golang.org/x/tools/cmd/gonew@latest" in passage


def test_questions_and_pointers_are_not_answers() -> None:
    survey = _article(
        [
            ["When does the community survey close? We hear that a lot."],
            ["See the community survey page to find out when the survey will close."],
            ["The survey closes on March 3, 2026."],
        ],
        title="Our yearly survey",
    )
    passage = best_passage(survey, parse("when does the community survey close"))
    assert passage == "The survey closes on March 3, 2026."


def test_a_line_of_code_answers_how_to_but_not_what() -> None:
    # A listing that holds the question's word ("formats") is no answer to "what formats":
    # the sentence saying what the tool produces is, though it shares fewer words.
    doc = _article(
        [
            ["The Go project takes documentation seriously.", "To that end, we wrote godoc."],
            ["Godoc reads Go source code and produces documentation as HTML or plain text."],
            [
                "Godoc is simpler than Javadoc.",
                "The comments godoc reads are not language constructs.",
                "Godoc comments are just good comments.",
            ],
            [
                "Through godoc's web interface you can go from a function to its code.",
                "Godoc ships with Go.",
            ],
            ["For example, this is the comment on the fmt package's Fprint function:"],
            ["// Fprint formats using the default formats for its operands and writes to w."],
            ["It begins with the name of the function it describes."],
        ],
        title="Godoc: documenting Go code",
    )
    weights = {"formats": 1.87, "godoc": 3.48, "produce": 1.93}
    _, passage = passage_match(doc, parse("what formats does godoc produce"), weights)
    assert passage == (
        "Godoc reads Go source code and produces documentation as HTML or plain text."
    )


def test_a_line_of_code_costs_as_the_passage_shown_unless_the_question_asks_how() -> None:
    cargo = _article(
        [
            ["Vendoring copies every dependency into the project, so that builds work offline."],
            ["It is one command:"],
            ["$ cargo vendor # copies the dependencies of the project into vendor/"],
            ["Many teams keep the copies out of version control."],
        ],
        title="Cargo news",
    )
    asked = parse("what does vendoring do with dependencies")
    shown = best_passage(cargo, asked)
    assert shown and shown.startswith("Vendoring copies every dependency")
    free = best_passage(cargo, asked, dataclasses.replace(DEFAULT, code_line_cost=0.0))
    assert free and not free.startswith("Vendoring")  # the rule is what moves it
    how = best_passage(cargo, parse("how do i vendor the dependencies"))
    assert how and "$ cargo vendor" in how


def test_a_pronoun_answers_for_the_person_the_sentence_before_names() -> None:
    # "She" is Jane Okafor: the years in her sentence answer, though it repeats no word of
    # the question, over a sentence naming her in full without them.
    port = _article(
        [
            [
                "Jane Okafor, a former harbour master, says the port has never been busier than this year."
            ],
            [
                "Okafor worked for the port authority for nine years, mostly as its lawyer.",
                "She ended her career there with a two-year term leading the docks from 2015-2018.",
            ],
            ["The port is the busiest on the coast, Okafor says."],
        ],
        title="The port",
    )
    passage = best_passage(port, parse("when did jane okafor run the port"))
    assert passage and "2015-2018" in passage


def test_a_pronoun_stands_for_the_subject_before_not_every_name_in_it() -> None:
    # "She" is Mia Stone, not Karl Brandt: her three years are not his sentence.
    trial = _article(
        [
            ["Karl Brandt founded the group in 2005 and ran it from a farm outside Albany."],
            [
                "Mia Stone was a lieutenant in the group, recruited by Karl Brandt in 2010.",
                "She was sentenced to three years in prison in 2021.",
            ],
            ["Brandt is serving a 120-year sentence in a federal prison."],
        ],
        title="The group's trial",
    )
    passage = best_passage(trial, parse("how long is karl brandt's prison sentence"))
    assert passage == "Brandt is serving a 120-year sentence in a federal prison."


def test_a_sentence_naming_what_is_counted_is_read_for_the_amount() -> None:
    # Ten sentences repeat more of the question's words than the one counting the photos;
    # it is read for its amount all the same, as it names what is counted.
    filler = [
        f"Researcher {name} studied photos from the Kaggle autism dataset."
        for name in ("Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo")
    ]
    dataset = _article(
        [filler[:5], ["The dataset holds more than 2,900 photos of faces."], filler[5:]],
        title="A dataset of faces",
    )
    passage = best_passage(dataset, parse("how many photos are in the kaggle autism dataset"))
    assert passage == "The dataset holds more than 2,900 photos of faces."


def test_another_form_of_an_irregular_verb_is_the_question_s_verb() -> None:
    # "took off" answers "take off", "was written by" answers "who wrote": Snowball leaves
    # them apart, the passage reads them as one verb, over a sentence repeating the rest.
    drones = _article(
        [
            ["Four drones were seen near Dublin Airport late on Monday night, the Journal said."],
            [
                "Sources said the craft took off from a field north of the city, possibly near Howth."
            ],
            ["Flights were held for an hour while the airport was searched."],
        ],
        title="Drones seen over the airport",
    )
    passage = best_passage(drones, parse("where did the drones near dublin airport take off from"))
    assert passage and "possibly near Howth" in passage
    book = _article(
        [
            ["The guide was praised by Tom Hale, a critic at the Herald."],
            ["The first draft was written by Ada Brook in a single summer."],
        ],
        title="The guide",
    )
    assert best_passage(book, parse("who wrote the guide")) == (
        "The first draft was written by Ada Brook in a single summer."
    )


def test_of_two_articles_holding_every_question_word_the_one_answering_weighs_more() -> None:
    # Both hold every word of "how many stairs does the vessel have" in two sentences;
    # only one says how many. Evidence capped at full coverage could not tell them apart.
    idf = {"stairs": 3.0, "vessel": 4.0}
    answers = _article(
        [["The Vessel stands in Hudson Yards.", "Inside are 154 flights of stairs."]],
        title="New York",
    )
    repeats = _article(
        [["The Vessel stands in Hudson Yards.", "Inside are steep flights of stairs."]],
        title="New York",
    )
    asked = Asked.of(parse("how many stairs does the vessel have"), idf)
    assert article_evidence(answers, asked, DEFAULT).cover > (
        article_evidence(repeats, asked, DEFAULT).cover
    )


def test_what_someone_was_doing_is_the_object_of_the_question_s_verb() -> None:
    # "Jane Okafor" is who the question is about, not the kind of thing it asks for: the
    # names beside hers are no answer; what she was reviewing is ("a new espresso machine").
    fired = _article(
        [
            ["Jane Okafor was fired on Tuesday, the day of a union protest at Acme Media."],
            ["The company fired Okafor, Bo Lind and two other Acme Media union leaders."],
            ["Okafor was excited for her task of the day: reviewing a new espresso machine."],
        ],
        title="Union leaders fired",
    )
    q = parse("what was jane okafor supposed to be reviewing the day she got fired")
    assert best_passage(fired, q) == (
        "Okafor was excited for her task of the day: reviewing a new espresso machine."
    )


def test_a_noun_summing_up_the_sentence_before_comes_with_it() -> None:
    # "The practice" is putting panels on school roofs: the town that tried it first
    # answers, shown with the sentence saying what the practice is.
    solar = _article(
        [
            [
                "Solar panels were first put on school roofs in the state in 2004 to cut bills.",
                "The practice, first tried in Springfield, was later praised by the governor.",
            ],
            ["Schools across the state now save money with solar panels on their roofs."],
        ],
        title="Solar schools",
    )
    passage = best_passage(solar, parse("which town first put solar panels on school roofs"))
    assert passage and "Springfield" in passage and passage.startswith("Solar panels")
    # An apposition naming someone is not such a noun: the sentence stands alone.
    assert not sentence_features("The reporter, Jane Okafor, filed the suit.").leans_back
    assert sentence_features("The move, which came in May, was praised.").leans_back


def test_a_sentence_opening_on_a_connective_comes_with_the_one_before() -> None:
    # "But on Tuesday…" goes on from what the miners did before; shown alone, a member
    # reads a contrast with nothing to contrast with.
    miners = _article(
        [
            [
                "In April the miners stood behind the governor at the statehouse in hard hats.",
                "But on Tuesday the miners will protest outside the labor office over dust rules.",
            ],
            ["The state has twelve working mines, most of them in the north."],
        ],
        title="Miners protest",
    )
    passage = best_passage(miners, parse("what will the miners protest over on tuesday"))
    assert passage and passage.startswith("In April") and "dust rules" in passage
    for text in ("However, the court ruled.", "Still, many stayed.", "Meanwhile, Bo left."):
        assert sentence_features(text).leans_back, text
    # The same words as ordinary ones, not set off as a link, lean on nothing.
    for text in ("Still waters run deep.", "Butter is cheap.", "Instead of tea, we drank."):
        assert not sentence_features(text).leans_back, text


async def test_a_question_made_only_of_filters_is_answered(bundled_library) -> None:
    # No free text: what kind of answer it asks for is read from no words at all.
    engine = SearchEngine(bundled_library)
    for question in ("tag:environment", 'author:"Hannah Brightwell"', "tag:nosuchtag"):
        answer = await engine.ask(question)
        assert answer.question == question


def test_a_name_holding_the_question_s_words_is_not_who_it_asks_for() -> None:
    # "Fair Rent Checker" and "Chrome Web Store" name what the question is about; the group
    # behind the extension is the answer, though its sentence repeats fewer of the words.
    tool = _article(
        [
            [
                "On Monday, a new tool called Fair Rent Checker went live on the Chrome Web Store.",
                "The browser extension shows renters whether a listing's fair rent was checked.",
            ],
            [
                "Behind the checker is a lobbying group funded by landlords, the Northfield"
                " Property Council."
            ],
        ],
        title="A rent checker for renters",
    )
    q = parse("who is behind the fair rent checker chrome extension")
    passage = best_passage(tool, q)
    assert passage and "Northfield Property Council" in passage
    # Read as any other name, the tool's own name answers.
    before = best_passage(tool, q, DEFAULT.with_(asked_name_fit=1.0))
    assert before and "Northfield" not in before


# A list under a sentence ending with ":": each item a block of its own.
_BOARD = _article(
    [
        ["The museum board met for the first time on Monday."],
        ["Each of the five teams has chosen a representative who sits on the board:"],
        ["Design: Ana Ruiz"],
        ["Finance: Tom Berg"],
        ["Library: Mei Chen"],
        ["Sales: Joe Park"],
        ["The board will meet every month, and the library team hopes for a new reading room."],
    ],
    title="The museum's new board",
)


def test_a_list_item_is_read_with_the_sentence_announcing_the_list() -> None:
    # "Library: Mei Chen" answers who represents the library team only as an item of the
    # list the ":" sentence announces; it is shown after that sentence.
    q = parse("who represents the library team on the board")
    passage = best_passage(_BOARD, q)
    assert passage == (
        "Each of the five teams has chosen a representative who sits on the board: …"
        " Library: Mei Chen"
    )
    # Read alone, the item says nothing of representing: the announcing sentence wins.
    alone = best_passage(_BOARD, q, ONE_WINDOW.with_(list_items=0))
    assert alone and "Mei Chen" not in alone


def test_prose_after_an_announced_command_is_no_item_of_it() -> None:
    # "Run it like this:" announces the command; the sentence after the command starts
    # over and is shown alone, not as "Run it like this: … The flag …".
    cargo = _article(
        [
            ["Cargo can now vendor dependencies for offline builds."],
            ["Run it like this:"],
            ["$ cargo vendor --versioned-dirs --respect-source-config"],
            ["The flag that keeps version numbers in directory names came in the March release."],
        ],
        title="Cargo news",
    )
    weights = {"versioned": 5.0, "dirs": 5.0, "flag": 2.0, "added": 1.5}
    _, passage = passage_match(cargo, parse("when was the versioned dirs flag added"), weights)
    assert passage == (
        "The flag that keeps version numbers in directory names came in the March release."
    )


def test_a_line_attributing_a_quote_is_read_with_the_quote() -> None:
    epigraph = _article(
        [
            ["The goals we set for the machine are heroic, and demand heroic test cases."],
            ["— Ada Stone (1976)"],
            ["Overview"],
            ["You write the rules, put characters in your game, and the story makes itself."],
        ],
        title="Emergent stories",
    )
    passage = best_passage(epigraph, parse("who said the goals we set for the machine are heroic"))
    assert passage == (
        "The goals we set for the machine are heroic, and demand heroic test cases."
        " — Ada Stone (1976)"
    )


def test_what_the_question_s_noun_is_answers_what_questions() -> None:
    # "a tab character" is what the delimiter is; the sentence before only names one.
    csv = _article(
        [
            ["Export files changed this year."],
            ["Each line of an export file is cut into fields at one delimiter."],
            ["The delimiter is a tab character, so commas may appear in fields."],
        ],
        title="Export files",
    )
    assert best_passage(csv, parse("what delimiter do export files use")) == (
        "The delimiter is a tab character, so commas may appear in fields."
    )


def test_a_question_word_after_a_preposition_is_a_noun_with_no_object() -> None:
    # "split" in "delimiter for split" names the function: "split a string" in the first
    # sentence is no answer; what the delimiter is, in the next, is.
    split = _article(
        [
            ["Strings can be cut into parts in several ways."],
            [
                "The split() function is used when you need to split a string at a delimiter.",
                "A frequently used delimiter is a comma (,).",
            ],
        ],
        title="Splitting strings in JavaScript",
    )
    passage = best_passage(split, parse("whats the most common delimiter for split"))
    assert passage and "a comma (,)" in passage


def test_the_next_sentence_comes_along_when_only_it_holds_the_kind_of_answer() -> None:
    # The sentence holding the question's words names no platform; the next one of its
    # paragraph does, and is shown with it.
    release = _article(
        [
            ["Today marks a milestone for the Lumen language."],
            [
                "Lumen 2 is the first release of Lumen available in official binary downloads.",
                "They are offered for Linux, FreeBSD, macOS and, at last, Windows.",
            ],
            ["The driving motivation for Lumen 2 is stability for its users."],
        ],
        title="Lumen 2 is released",
    )
    q = parse("what platforms did lumen 2 ship binary downloads for")
    passage = best_passage(release, q)
    assert passage and passage.startswith("Lumen 2 is the first release") and "Windows" in passage
    # (the sentence going on from it, "They…", would come along by the follower rule)
    alone = best_passage(release, q, DEFAULT.with_(next_fit=10.0, follow_chars=0))
    assert alone and "Windows" not in alone


def test_the_sentence_before_comes_along_when_it_says_it_in_other_words() -> None:
    # "how much faster": the sentence holding the question's words ("new code generator")
    # gives no amount; the one before it, of its paragraph, gives "12–30% speedup" in
    # words the question does not use, and is shown with it.
    release = _article(
        [
            ["Lumen 3 ships a rewritten code generator."],
            [
                "We measured a 12–30% speedup across our benchmark suite.",
                "For now, the new code generator only targets 64-bit Arm, but more "
                "platforms will follow.",
            ],
            ["Thanks to everyone who tested the betas."],
        ],
        title="Lumen 3 is released",
    )
    q = parse("how much faster is code from the new generator in lumen 3")
    passage = best_passage(release, q)
    assert passage and passage.startswith("We measured a 12–30% speedup")
    assert "only targets 64-bit Arm" in passage
    alone = best_passage(release, q, DEFAULT.with_(neighbour_window=0))
    assert alone and "12–30%" not in alone


def test_a_sentence_holding_the_answer_by_the_question_words_stands_alone() -> None:
    # The sentence with the question's words holds the amount asked for: the numbers
    # beside it (a date, a count of platforms) do not come along.
    release = _article(
        [
            ["Lumen 3 ships a rewritten code generator."],
            [
                "Writing it took 40 contributors two years.",
                "The new code generator makes programs 12–30% faster on our benchmark suite.",
                "It was released on 3 March, with 9 more platforms planned.",
            ],
        ],
        title="Lumen 3 is released",
    )
    q = parse("how much faster are programs with the new code generator")
    shown = "The new code generator makes programs 12–30% faster on our benchmark suite."
    assert best_passage(release, q) == shown
    assert best_passage(release, q, DEFAULT.with_(neighbour_gate=99.0)) != shown


def test_a_yes_no_question_is_answered_by_the_sentence_saying_no(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "did exam results get better": the sentence naming exam results says nothing of
    # better or not; the one after it says "no significant change", and comes along.
    study = _article(
        [
            ["Twelve schools in Marlow moved the first bell to 9.30 two years ago."],
            ["Pupils slept 40 minutes longer, and the later start cut lateness by a third."],
            ["Exam results were collected from every school over the two years of the study."],
            ["There was no significant change in maths or English results."],
        ],
        title="A later start for Marlow schools",
    )
    q = parse("did exam results get better with the later start")
    passage = best_passage(study, q)
    assert passage and "no significant change" in passage
    no_kind = {k: v for k, v in answer_type.FITS.items() if k != "yesno"}
    monkeypatch.setattr(answer_type, "FITS", no_kind)
    off = best_passage(study, parse("did exam results get better with the later start"))
    assert off and "no significant change" not in off


def test_which_release_wants_a_version_number() -> None:
    # A code line holds the question's words and code; "which release" asks for the
    # sentence naming a version.
    tool = _article(
        [
            ["Lumen can now write code for you with lumen generate."],
            ["The latest Lumen release, 2.4, includes the generate command."],
            ["Add this line to a file to have lumen generate run the parser:"],
            ["//lumen:generate yacc -o parser.lm grammar.y"],
        ],
        title="Generating code",
    )
    passage = best_passage(tool, parse("which lumen release added lumen generate"))
    assert passage == "The latest Lumen release, 2.4, includes the generate command."


def test_a_title_naming_the_release_leaves_the_passage_to_what_was_asked() -> None:
    # "Lumen 2.4 is released!" answers which version; the sentence to show is the one
    # naming what the question asks about, not another sentence naming a version.
    notes = _article(
        [
            ["We focused Lumen 2.4's work on the subtle issues reported by users."],
            ["There are new types in the sync package, such as sync.Pool and sync.Map."],
        ],
        title="Lumen 2.4 is released!",
    )
    q = parse("which lumen version added sync.Map")
    assert best_passage(notes, q) == (
        "There are new types in the sync package, such as sync.Pool and sync.Map."
    )
    other = best_passage(notes, q, DEFAULT.with_(title_answered=1.0))
    assert other and other.startswith("We focused")


def test_who_did_it_is_the_name_english_puts_in_the_doer_s_place() -> None:
    # The second sentence names people next to the question's words; the name before
    # "who implemented" is who did it.
    post = _article(
        [
            ["Lumen 3 ships the sparse registry for everyone this week."],
            ["Ann Lee and Bo Chen tested the sparse registry in Lumen Cargo for months."],
            ["Downloads got faster for everyone.", "Most builds now take half the time."],
            ["Thanks to Dee Park who implemented it."],
        ],
        title="Faster downloads",
    )
    q = parse("who implemented the sparse registry")
    assert best_passage(post, q, ONE_WINDOW) == "Thanks to Dee Park who implemented it."
    assert best_passage(post, q, ONE_WINDOW.with_(agent_answer=0.0)) == (
        "Ann Lee and Bo Chen tested the sparse registry in Lumen Cargo for months."
    )


def test_what_a_label_naming_the_question_s_noun_gives_after_its_colon() -> None:
    # "min, max and clear" are what the label "New built-in functions" names.
    notes = _article(
        [
            ["Lumen 2.1 is out with faster builds and new tools."],
            ["New log/slog package for structured logging."],
            ["New built-in functions: min, max and clear."],
            ["The release also improves the tool chain."],
        ],
        title="Lumen 2.1 is released",
    )
    q = parse("what new built-in functions came in lumen 2.1")
    assert best_passage(notes, q) == "New built-in functions: min, max and clear."


def test_where_is_answered_by_the_web_address_something_is_at() -> None:
    # The last sentence repeats the question's words; the address the docs are at now
    # is where they are (without the address as a place, the last sentence is shown).
    post = _article(
        [
            ["Lumen 1.5 is out today."],
            [
                "Rather than being on docs.example.org, they've been at old.example.io.",
                "With this release, that's changing.",
                "You can now find the docs at docs.example.org/lumen.",
            ],
            [
                "We'll be adding a redirect from old.example.io to this page, and you can expect"
                " more updates to the Lumen docs now and throughout the year."
            ],
        ],
        title="Lumen 1.5",
    )
    passage = best_passage(post, parse("the lumen docs used to be on old.example.io, where now?"))
    assert passage and passage.endswith("You can now find the docs at docs.example.org/lumen.")


def _shown(
    title: str, paragraphs: list[list[str]], question: str, policy: Policy = DEFAULT
) -> str | None:
    """The passage a built article of these paragraphs shows for the question."""
    return best_passage(_article(paragraphs, title=title), parse(question), policy)


def test_a_question_ending_with_a_preposition_asks_for_its_object() -> None:
    # "…take off from" asks for X of "took off from X": the second sentence, though the
    # first repeats more of the question's words and names a place next to them.
    report = [
        ["Two drones flew near the Carlow city airport late on Monday, officials said."],
        ["Sources said the drones took off from the hills north of the town, and flew on."],
    ]
    q = "where did the drones near carlow city airport take off from"
    assert _shown("Drones over the airport", report, q) == report[1][0]
    without = _shown("Drones over the airport", report, q, DEFAULT.with_(stranded_fit=0.0))
    assert without == report[0][0]
    # Only at the question's end, and only for a thing, a person or a place.
    assert Wanted.of(parse(q)).stranded == {"from"}
    assert not Wanted.of(parse("where did the drones from carlow fly")).stranded
    assert not Wanted.of(parse("how much were the scammers asking for")).stranded


def test_an_amount_of_those_the_question_s_verb_was_done_to_counts_them() -> None:
    # "how many people were arrested": "120 arrested" counts them, though the question
    # names "people" and the sentence before repeats more of its words.
    report = [
        ["Police said people were arrested at the march through the city centre on Monday."],
        ["The day ended with “120 arrested” and two officers hurt, the force said."],
    ]
    q = "how many people were arrested at the march"
    assert _shown("A march in the city", report, q) == report[1][0]


def test_what_does_x_do_is_answered_by_its_definition_not_a_code_line() -> None:
    # "what does X do": X is the question's subject, and the answer is what X does: the
    # sentence defining it ("The X() function is a function that…"), not a code line
    # naming X beside the question's other word, nor a name.
    post = [
        ["We often need to count the items of a list in Python."],
        ["~-frobnicate(list).count(3)"],
        ["The frobnicate() function is a function that turns every item of a list into a tuple."],
        ["Guido van Rossum wrote about lists in 1998."],
    ]
    q = "what does frobnicate do to a list"
    assert _shown("Counting list items", post, q) == post[2][0]
    wanted = Wanted.of(parse(q))
    assert not wanted.heads  # "frobnicate" is who does it, not the kind of thing asked
    assert "code" not in wanted.full and "name" not in wanted.full
    # With another verb, a name or a code line may still answer ("what does it return").
    assert Wanted.of(parse("what does frobnicate return")).full >= {"code", "name"}


def test_the_noun_after_what_does_is_the_subject_not_the_thing_asked() -> None:
    # "what does the park council want for the lake": the council wants; it is not the
    # kind of thing asked for, so a name holding "council" ("The Park Council Charter")
    # gets no named-answer fit as "what program…" gives "Program X".
    q = "what does the park council want for the lake"
    assert not Wanted.of(parse(q)).heads
    assert not Wanted.of(parse("what did the sec want musk banned from")).heads
    # "what program did she review": the noun right after "what" is still the kind asked.
    assert Wanted.of(parse("what program did she review")).heads == {stem("program")}
    assert Wanted.of(parse("which program does she review")).heads == {stem("program")}


def test_a_short_subject_before_a_copula_is_defined_by_what_follows() -> None:
    # "…delimiter is a comma" defines the delimiter; so does "The frobnicate() function is
    # a function that…" define frobnicate, the subject's first content word.
    f = sentence_features("The frobnicate() function is a function that turns lists.")
    spans = f.objects(frozenset(), frozenset([stem("frobnicate")]))
    assert [" ".join(map(f.text_of, range(s.start, s.end))) for s in spans] == ["a function"]
    # Not a copula far into the sentence: its subject is something else.
    far = sentence_features("We call frobnicate in the loop and the result is a tuple here.")
    assert not far.objects(frozenset(), frozenset([stem("frobnicate")]))


def test_a_one_sentence_paragraph_goes_on_in_the_next() -> None:
    # The lede repeats the question's words and names no peak; the next paragraph does,
    # with none of the question's words. News writes a sentence a paragraph.
    story = [
        ["A climber lost on a peak in Wales ignored calls from rescuers, police said."],
        ["The person had set out for Cadair Idris, the highest summit in the area."],
        ["Rescue teams searched the slopes through the night."],
    ]
    q = "which peak was the lost climber in wales on"
    assert _shown("Lost climber", story, q) == f"{story[0][0]} {story[1][0]}"
    # A paragraph of two sentences is read on its own, as before.
    longer = [[*story[0], "The climber was found safe."], *story[1:]]
    assert _shown("Lost climber", longer, q) == story[0][0]


def test_the_noun_ending_a_name_names_it_again() -> None:
    # "the township" is Oakdale Township: the last sentence answers "does oakdale plan…",
    # though only the second writes "Oakdale".
    story = [
        ["Parking is a worry in town."],
        ["Residents urged Oakdale Township to adopt a public parking policy for Main Street."],
        ["Shops on Main Street have lost trade."],
        ["A commissioner said the township plans to introduce a policy in October."],
    ]
    q = "does oakdale plan a parking policy"
    assert _shown("Town news", story, q, ONE_WINDOW) == story[3][0]


def test_a_name_ending_with_the_question_s_word_is_who_it_is_about() -> None:
    # "Ann Weiss" is the woman asked about; the outlets she called are the answer, though
    # the first sentence repeats more of the question's words.
    story = [
        ["Ann Weiss has called journalists at rival networks, insiders say."],
        ["Weiss has reached out to journalists at major outlets, including Fox News and CNN."],
    ]
    q = "at which networks has weiss been calling journalists"
    assert "Fox News and CNN" in (_shown("Weiss' wishlist", story, q) or "")
    # A name opening with the question's word is one of the kind asked for.
    law = [
        ["The copyright term in the bill is long, critics say."],
        ["The 28-year term is taken from the Copyright Act of 1909."],
    ]
    q = "which old law is the copyright term taken from"
    assert _shown("A copyright bill", law, q) == law[1][0]


def test_a_news_lede_after_its_dateline_is_no_mere_opening() -> None:
    # The first sentence of an article costs Policy.lead_cost as the passage shown (it
    # introduces the article), but a news story's first sentence after its dateline is its
    # lede: who runs the fair is said there, and a later sentence naming the fair and
    # another person close to it does not win for not being first.
    story = [
        [
            "LYON, France — The organizer of Widgetcon, Jane Doe, told reporters this week"
            " that the fair would move to Lyon."
        ],
        ["The city has hosted trade fairs since the Middle Ages."],
        ["Hotels near the river are already full for the spring."],
        ["The decision to hold Widgetcon in Lyon, Paul Roux said, was long overdue."],
    ]
    q = "who runs widgetcon"
    # (Jane Doe's role, set off by commas, also names her: Policy.apposed_answer, off here
    # to see the dateline's part alone)
    one = ONE_WINDOW.with_(apposed_answer=0)
    assert _shown("Why is Widgetcon in Lyon?", story, q, one) == story[0][0]
    assert _shown("Why is Widgetcon in Lyon?", story, q, ONE_WINDOW) == story[0][0]
    without = one.with_(dateline_lead_cost=DEFAULT.lead_cost)
    assert _shown("Why is Widgetcon in Lyon?", story, q, without) == story[3][0]
    # Without its dateline the same first sentence is an opening like any other.
    plain = [[story[0][0].removeprefix("LYON, France — ")], *story[1:]]
    assert _shown("Why is Widgetcon in Lyon?", plain, q, one) == plain[3][0]


def test_the_company_is_the_organisation_named_just_before() -> None:
    # "The company" re-names Oakdale Grocers, named the sentence before: the second
    # sentence answers "when will oakdale grocers open…" though it never writes the name;
    # without the rule a sentence about something else, with a date, wins.
    story = [
        ["Oakdale Grocers opened a store in Leeds in May 1998."],
        ["The company said its next store would open in October."],
        ["Other stores in town open late on Fridays."],
        ["Prices will rise next year, the council said."],
    ]
    q = "when will oakdale grocers open its next store"
    assert _shown("Town news", story, q, ONE_WINDOW) == story[1][0]
    without = ONE_WINDOW.with_(description_lookback=0)
    assert _shown("Town news", story, q, without) == story[3][0]
    # The last name written before it ("Leeds" is a place, no company): here "The
    # company" is Harlow Foods, and the Oakdale Grocers sentence no longer loses to it.
    other = [story[0], ["Harlow Foods is its rival."], *story[1:]]
    assert _shown("Town news", other, q, ONE_WINDOW) == _shown("Town news", other, q, without)


def test_an_apposition_defines_the_name_before_it() -> None:
    # "what was project lantern": "“Project Lantern”, an unusual plan…" defines it there,
    # in a sentence naming the studio by "The company"; the others only name the studio
    # in full, a name of the kind "what" may ask for.
    story = [
        ["Critics have watched as Keystone went all in on streaming."],
        [
            "The company caused a stir with “Project Lantern”, an unusual plan under which"
            " its films went online on the day they opened in cinemas."
        ],
        ["The drama at the studio giant Keystone Pictures Group is taking place in boardrooms."],
    ]
    q = "what was keystones project lantern"
    assert _shown("The end of an era", story, q) == story[1][0]
    f = sentence_features(story[1][0])
    spans = f.objects(frozenset(), frozenset([stem("lantern")]))
    assert [" ".join(map(f.text_of, range(s.start, s.end))) for s in spans] == ["an unusual plan"]
    # "X, the …" is no definition (a list, or another thing named), nor "X an …".
    for text in ("We met Lantern, the studio and its staff.", "Lantern an unusual plan."):
        assert not sentence_features(text).objects(frozenset(), frozenset([stem("lantern")]))


def test_what_a_thing_was_motivated_by_is_why_it_happened() -> None:
    # "motivated by", "caused by", "in response to": English names a reason with them as
    # it does with "because". The reason's sentence comes along with the one holding more
    # of the question's words, which says nothing of why.
    story = [
        [
            "The fire at the old mill in Carlow started on Monday night, crews said.",
            "Officials said the fire was caused by a faulty heater in the basement.",
        ],
        ["The mill had been empty for ten years."],
    ]
    q = "why did the fire at the carlow mill start"
    assert "faulty heater" in (_shown("Mill fire", story, q) or "")
    for text in (
        "The attack was motivated by the gunman's anger at the agency.",
        "The ban came in response to a wave of complaints.",
    ):
        assert sentence_features(text).spans(("reason",))
    assert not sentence_features("The ban was written by the council.").spans(("reason",))


def test_what_time_asks_for_the_hour_not_the_day() -> None:
    # "what time" is answered by "at about 11pm", in the paragraph after the one holding
    # the question's words; "late on Monday night" says when, not what time.
    report = [
        ["Two drones flew near Carlow airport late on Monday night, officials said."],
        ["The plane had landed moments before the incident, at about 11pm."],
    ]
    q = "what time did the drones fly near carlow airport"
    assert "11pm" in (_shown("Drones", report, q) or "")
    assert Wanted.of(parse(q)).kind == "time"
    assert Wanted.of(parse("when did the drones fly near carlow airport")).kind == "when"
    clock = sentence_features(report[1][0]).spans(("clock",))
    assert len(clock) == 1 and not sentence_features(report[0][0]).spans(("clock",))


def test_a_name_opening_with_the_question_s_noun_is_not_one_of_them() -> None:
    # "which game": the "Game Awards" are awards, not a game; "the Elder Scrolls games"
    # are games (the noun ends the name or follows it).
    story = [
        ["The Game Awards last night had a surprise: which game has swamp brides in it?"],
        ["It is Skyrim, I think."],
        ["If so, we should call Skyrim the swamp bride game."],
    ]
    q = "which game are the swamp brides from"
    assert _shown("A night of surprises", story, q) == story[2][0]


def test_a_count_of_persons_answers_how_many_people() -> None:
    # "people" is the plural of "person", which the stemmer leaves apart: "a five-person
    # board" counts those who sit on it, "60 people" counts staff.
    story = [
        ["Jane Doe will sit on the firm's five-person board, to be named by December."],
        ["Over 60 people work across the firm's eight newsrooms."],
    ]
    q = "how many people sit on the firm's board"
    assert _shown("A new firm", story, q) == story[0][0]
    assert {"person", "peopl"} <= Wanted.of(parse(q)).heads
    assert "child" in Wanted.of(parse("how many children were treated")).heads


def test_what_was_done_first_says_how_it_was_made_sure() -> None:
    # "how did they make sure": "After playing the tape back, …" tells the steps taken;
    # without them a sentence repeating more of the question's words wins.
    story = [
        ["Mayor Jane Doe, the town's first mayor, spoke at the fair about swamp brides."],
        ["After playing the tape back, reporters heard that Doe did say it."],
    ]
    q = "how did they make sure jane doe really said swamp brides"
    assert _shown("At the fair", story, q) == story[1][0]
    assert not sentence_features("The fair ended after midnight.").spans(("means",))


def test_a_title_before_a_name_says_who_holds_it() -> None:
    # "who is the police commissioner": "Police Commissioner Jane Doe" names her after
    # the title the question asks about; the other sentence names someone else.
    story = [
        ["Police Commissioner Jane Doe was told about the incident on Tuesday."],
        ["John Smith, a spokesman, said the police commissioner would speak later."],
    ]
    q = "who is the police commissioner"
    assert _shown("The incident", story, q) == story[0][0]
    # A name merely opening with one question word is no title ("National Mining
    # Association" for "who heads the national lung association").
    f = sentence_features("A spokesman for the National Mining Association said so.")
    assert f.spans(("name",))


def test_what_version_asks_for_a_version_number_not_a_date() -> None:
    # "what version of movie writer…" asks for "Movie Writer 3.09", as "which version"
    # does; read as a time question, the sentence with a year and more of the
    # question's words was shown alone.
    story = [
        ["Jane Doe wrote the script in 2018 and still runs Movie Writer on an old PC."],
        ["In the video, she booted up Movie Writer 3.09 on a beige keyboard."],
    ]
    q = "what version of movie writer does jane doe still run"
    assert Wanted.of(parse(q)).kind == "version"
    assert Wanted.of(parse("which version of movie writer does she run")).kind == "version"
    assert question_kind("what year does it open") == "when"
    assert "Movie Writer 3.09" in (_shown("Old software", story, q) or "")


def test_a_when_question_passes_over_the_sentence_holding_no_date() -> None:
    # "until when is the cycling survey open": the sentence repeating "survey … open"
    # says nothing of when; the one saying it closes on 14 March, in other words, does.
    survey = _article(
        [
            [
                "The cycling survey asks residents how they get to work.",
                "It was written with the cycling club.",
            ],
            [
                "You can fill in the cycling survey online or at the library, and it is open to every resident.",
                "Paper copies are in the town hall.",
            ],
            ["The council will read every answer.", "The cycling survey closes on 14 March."],
        ],
        title="Council asks how residents travel",
    )
    q = parse("until when is the cycling survey open")
    assert best_passage(survey, q, ONE_WINDOW) == "The cycling survey closes on 14 March."
    off = best_passage(survey, q, ONE_WINDOW.with_(untyped_cost=0.0))
    assert off and "14 March" not in off


def test_how_long_wants_an_amount_of_time_not_a_count(monkeypatch: pytest.MonkeyPatch) -> None:
    # "a 52-episode series" counts episodes; "each 30-minute episode" says how long one is.
    pod = _article(
        [
            ["Engineers finished the last span of the town's bridge in May."],
            [
                "The network will premiere a 52-episode podcast series about the bridge at the end of the month."
            ],
            [
                "Each 30-minute episode of the bridge podcast will feature an interview with an engineer."
            ],
        ]
    )
    question = "how long is each episode of the bridge podcast"
    assert "30-minute" in (best_passage(pod, parse(question)) or "")
    monkeypatch.setattr(answer_type, "_MEASURE_UNITS", {})
    assert "30-minute" not in (best_passage(pod, parse(question)) or "")


def test_how_hot_asks_for_a_measure() -> None:
    # "how hot/cold/warm" asks for a measure, as "how long" and "how deep" do: the
    # sentence with a figure ("above 30C"), not the one with the question's other words.
    assert question_kind("how hot did the water get in the coral nursery") == "number"
    assert question_kind("how cold is the lake in winter") == "number"
    # ...and "how cool is that" stays an exclamation, not a question of temperature
    assert question_kind("how cool is that") != "number"
    nursery = _article(
        [
            ["The nursery work in the water is done by local divers from the coral reef."],
            ["The island also has a school, a harbour and a market on Saturdays."],
            ["Water temperatures at the nursery stayed above 30C for weeks."],
        ]
    )
    question = parse("how hot did the water get in the coral nursery")
    assert best_passage(nursery, question, ONE_WINDOW) == nursery.sentences[2].text


def test_noon_and_midnight_are_hours_of_the_day() -> None:
    # "what time" asks for the hour: "at noon" says it as a word.
    assert sentence_features("The meetings take place on Mondays at noon.").spans(("clock",))
    assert sentence_features("The shop stays open until midnight on Fridays.").spans(("clock",))
    assert not sentence_features("The meetings take place on Mondays.").spans(("clock",))


def test_a_plural_unit_of_time_says_how_long_in_part() -> None:
    # "spend months messaging them" answers "how long" without a figure.
    wanted = Wanted.of(parse("how long do scammers keep messaging a victim"))
    f = sentence_features("Scammers then spend months messaging them.")
    assert f.plurals(wanted.units)
    assert not f.plurals(Wanted.of(parse("how many scammers were charged")).units)


# "when was the night bus service first launched": the sentence repeating most of the
# question ("…night bus service, first run by volunteers…") wins by a little over the one
# saying when buses were launched, in other words ("Night buses").
NIGHT_BUSES = [
    ["The town council met on Monday."],
    ["The council said the night bus service, first run by volunteers, will stop."],
    ["The shops on the river bank stayed open."],
    ["Night buses were launched in 2019 as a trial for students."],
]
LAUNCHED = "when was the night bus service first launched"


def test_a_close_runner_up_is_shown_after_the_best_window() -> None:
    # Unsure which answers, the passage quotes both, in page order, apart as "…" says.
    shown = _shown("Town news", NIGHT_BUSES, LAUNCHED)
    assert shown == (
        "The town council met on Monday. The council said the night bus service, first run"
        " by volunteers, will stop. … Night buses were launched in 2019 as a trial for"
        " students."
    )
    assert "2019" not in (_shown("Town news", NIGHT_BUSES, LAUNCHED, ONE_WINDOW) or "")
    # Not when the runner-up is further behind than Policy.second_margin...
    far = DEFAULT.with_(second_margin=0.01)
    assert _shown("Town news", NIGHT_BUSES, LAUNCHED, far) == _shown(
        "Town news", NIGHT_BUSES, LAUNCHED, ONE_WINDOW
    )
    # ...nor when the two would be longer than Policy.second_chars together.
    short = DEFAULT.with_(second_chars=len(shown or "") - 1)
    assert _shown("Town news", NIGHT_BUSES, LAUNCHED, short) == _shown(
        "Town news", NIGHT_BUSES, LAUNCHED, ONE_WINDOW
    )


def test_a_runner_up_beside_the_best_is_not_shown_apart() -> None:
    # Side by side, the two sentences are not apart: no "…" between them; the one shown
    # holds a date of its own, so it takes no neighbour either.
    story = [
        NIGHT_BUSES[0],
        ["The council said the night bus service, first run by volunteers, will stop in May."],
        NIGHT_BUSES[3],
    ]
    shown = _shown("Town news", story, LAUNCHED)
    assert shown is not None and "…" not in shown and "2019" not in shown
    # One sentence between them, and the runner-up comes along.
    assert "… Night buses were launched in 2019" in (
        _shown("Town news", [*story[:2], NIGHT_BUSES[2], story[2]], LAUNCHED) or ""
    )


def test_more_after_two_windows_goes_on_after_the_later_one() -> None:
    # "Tell me more" reads on from the last sentence shown: the runner-up's.
    story = [*NIGHT_BUSES, ["Students paid one euro a ride."]]
    shown = _shown("Town news", story, LAUNCHED)
    assert shown is not None and "…" in shown
    assert next_part(_article(story, title="Town news"), shown) == "Students paid one euro a ride."


def test_a_runner_up_holding_only_the_best_s_words_is_not_shown() -> None:
    # However close, a runner-up repeating words the best window holds ("night bus
    # service") is no other reading of the question; one holding a word it lacks
    # ("first") is.
    wide = DEFAULT.with_(second_margin=1.0)
    story = [
        NIGHT_BUSES[0],
        ["The council said the night bus service will stop next year."],
        NIGHT_BUSES[2],
        ["The night bus service was first launched in 2019."],
    ]
    assert _shown("Town news", story, LAUNCHED, wide) == story[3][0]
    other = [
        NIGHT_BUSES[0],
        ["The council said the first night bus will stop next year."],
        NIGHT_BUSES[2],
        ["The night bus service was launched in 2019."],
    ]
    assert (_shown("Town news", other, LAUNCHED, wide) or "").endswith(
        "The council said the first night bus will stop next year. … The night bus service"
        " was launched in 2019."
    )


def test_a_third_close_window_is_shown_under_the_runner_up_s_rules() -> None:
    # Three readings of the question, each holding a word the others lack ("first" and
    # "launched" the best one does not hold), close in score: all three, in page order.
    story = [
        NIGHT_BUSES[0],
        ["The council said the night bus service will stop next year."],
        NIGHT_BUSES[2],
        ["The first night buses ran in 2017 from the old station."],
        ["The river path was closed for repairs."],
        ["Night trams were launched in 2019 as a trial."],
    ]
    shown = _shown("Town news", story, LAUNCHED)
    assert shown is not None
    assert shown.endswith(
        "The council said the night bus service will stop next year. … The first night buses"
        " ran in 2017 from the old station. … Night trams were launched in 2019 as a trial."
    )
    # With one runner-up at most (Policy.extra_windows 1), the third is not shown...
    two = _shown("Town news", story, LAUNCHED, DEFAULT.with_(extra_windows=1))
    assert two is not None and "2017" not in two and "2019" in two
    # ...nor when it holds no question word the two shown do not ("first" gone)...
    same = [*story[:3], ["The night buses ran in 2017 from the old station."], *story[4:]]
    assert "2017" not in (_shown("Town news", same, LAUNCHED) or "")
    # ...nor past Policy.second_chars for the three together.
    short = DEFAULT.with_(second_chars=len(shown) - 1)
    assert _shown("Town news", story, LAUNCHED, short) == two


# A story whose sentence matching LATE_SAILINGS is followed by `after` in its paragraph.
def _ferries(after: str) -> Article:
    return _article(
        [
            ["The ferry company runs four boats between the islands."],
            ["The ferry company changed how it handles late sailings in spring.", after],
            ["Crossings take about forty minutes in calm weather."],
        ],
        title="Island ferries",
    )


LATE_SAILINGS = "how does the ferry company handle late sailings"


def test_the_sentence_going_on_from_the_one_shown_comes_along() -> None:
    # The window matching the question says what was changed; the sentence after it opens
    # with "They" (the company) and says what happens, in words the question does not use.
    # Off (follow_chars 0), it is left out.
    story = _ferries("They now refund every ticket in full within a week.")
    q = parse(LATE_SAILINGS)
    shown = best_passage(story, q)
    assert shown and "refund every ticket" in shown
    off = best_passage(story, q, DEFAULT.with_(follow_chars=0))
    assert off and "refund" not in off and "late sailings" in off


def test_the_sentence_going_on_from_a_window_of_two_comes_along() -> None:
    # Both sentences of the window hold the question's words; the third opens with "It"
    # (the company) and says what it now does. A window of two takes it as one of one does
    # (Policy.follow_window 2); at 1 only a window of one sentence did, and it was left out.
    story = _article(
        [
            ["The ferry company runs four boats between the islands."],
            [
                "The ferry company reviewed late sailings in spring.",
                "Handling them had cost the ferry company dearly.",
                "It now refunds every ticket in full within a week.",
            ],
            ["Crossings take about forty minutes in calm weather."],
        ],
        title="Island ferries",
    )
    q = parse(LATE_SAILINGS)
    shown = best_passage(story, q)
    assert shown and "reviewed late sailings" in shown and "refunds every ticket" in shown
    one = best_passage(story, q, DEFAULT.with_(follow_window=1))
    assert one and "reviewed late sailings" in one and "refunds" not in one


def test_a_next_sentence_not_going_on_from_the_one_shown_stays_out() -> None:
    # The next sentence opens with a name of its own, not a pronoun: it is about
    # something else, and only the sentence matching the question is shown; so is a pair
    # longer than follow_chars.
    q = parse(LATE_SAILINGS)
    shown = best_passage(_ferries("Harbour staff now refund every ticket in full."), q)
    assert shown and "late sailings" in shown and "refund" not in shown
    going_on = _ferries("They now refund every ticket in full within a week.")
    short = best_passage(going_on, q, DEFAULT.with_(follow_chars=80))
    assert short and "refund" not in short


def _council(
    quote: str,
    before: str = "Areman also expressed reservations about adopting a public welcoming policy.",
) -> Article:
    return _article(
        [
            ["The township council met on Tuesday to discuss immigration."],
            [before],
            [quote],
            ["The meeting ran for three hours."],
        ],
        title="Township council debates immigration",
    )


WELCOMING = "why is the township hesitant about a public welcoming policy"


def test_the_quote_backing_the_sentence_shown_comes_along() -> None:
    # The sentence shown says what Areman thinks in the writer's words; the next
    # paragraph is her own, a quote attributed to her by name (or by "she"), and holds
    # the reason in words the question does not use. Off (quote_chars 0), it is left out.
    q = parse(WELCOMING)
    for said in ("Areman said at the meeting.", "she said.", "said Commissioner Areman."):
        story = _council(f"“We do not want to attract negative attention to us,” {said}")
        shown = best_passage(story, q)
        assert shown and "negative attention" in shown and "reservations" in shown, said
        off = best_passage(story, q, DEFAULT.with_(quote_chars=0))
        assert off and "negative attention" not in off and "reservations" in off


def test_a_quote_of_someone_else_or_too_long_stays_out() -> None:
    # A quote attributed to a name the sentence shown does not hold is someone else's
    # word on it; a sentence not opening with a quote is no quote backing it; and a pair
    # longer than quote_chars is left as it was.
    q = parse(WELCOMING)
    for after in (
        "“We do not want to attract negative attention to us,” Rappoport said.",
        "Negative attention worried the police chief, Rappoport said.",
    ):
        shown = best_passage(_council(after), q)
        assert shown and "reservations" in shown and "negative attention" not in shown, after
    story = _council("“We do not want to attract negative attention to us,” Areman said.")
    short = best_passage(story, q, DEFAULT.with_(quote_chars=120))
    assert short and "negative attention" not in short


def test_with_text_keeps_the_sentences_with_text_in_order():
    """with_text: the sentences the passages read, a fresh list whether or not some are
    blank (its fast path must not hand back the article's own tuple)."""
    whole = (Sentence("One.", 0), Sentence("Two.", 1))
    assert with_text(whole) == list(whole)
    assert isinstance(with_text(whole), list)
    gappy = (Sentence("One.", 0), Sentence("  \n", 1), Sentence("Three.", 2))
    assert with_text(gappy) == [gappy[0], gappy[2]]
    assert with_text(()) == []


ACCOUNTS = [
    ["The forum opened in May."],
    ["Log in to the forum today with your Lumen/Orbit account."],
    ["The forum has rooms for every hobby."],
    ["Your Orbit account IS a Lumen account!"],
]
SAME_ACCOUNT = "is an orbit account the same as a lumen account"


def test_a_tie_is_shown_after_the_best_window() -> None:
    # Both sentences hold every word of the question and no answer the features read:
    # only page order parts them, no evidence of which answers, so both are shown.
    shown = _shown("Accounts", ACCOUNTS, SAME_ACCOUNT)
    assert shown == f"{ACCOUNTS[1][0]} … {ACCOUNTS[3][0]}"
    # With Policy.tie_margin 0 a runner-up must hold a word the best lacks: the first alone.
    untied = DEFAULT.with_(tie_margin=0)
    assert _shown("Accounts", ACCOUNTS, SAME_ACCOUNT, untied) == ACCOUNTS[1][0]
    # Words searched for ask no question: every sentence holding them alike ties, and the
    # best match shows where they are.
    assert _shown("Accounts", ACCOUNTS, "orbit lumen account") == ACCOUNTS[1][0]
    assert _shown("Accounts", ACCOUNTS, "orbit lumen account", untied) == ACCOUNTS[1][0]
    # Still apart on the page and within Policy.second_chars.
    short = DEFAULT.with_(second_chars=len(shown or "") - 1)
    assert _shown("Accounts", ACCOUNTS, SAME_ACCOUNT, short) == ACCOUNTS[1][0]


def test_a_tie_takes_no_new_readings_place() -> None:
    # A runner-up holding a word the best lacks ("merger") is a second reading of the
    # question: with one runner-up allowed it keeps its place, and the tie comes along
    # only when there is room for it.
    story = [*ACCOUNTS, ["The rooms are quiet."], ["The merger made the forum larger."]]
    q = "is an orbit account the same as a lumen account after the merger"
    one = DEFAULT.with_(extra_windows=1)
    assert _shown("Accounts", story, q, one) == f"{ACCOUNTS[1][0]} … {story[5][0]}"
    assert _shown("Accounts", story, q) == f"{ACCOUNTS[1][0]} … {ACCOUNTS[3][0]} … {story[5][0]}"


# -- npsg23: a yes/no opener, the counted compound, naming verbs ---------------------------


def test_a_question_opening_with_its_verb_asks_yes_or_no() -> None:
    # "when" after the subject opens a clause: a date beside "hurricanes" does not say
    # whether he was joking.
    assert Wanted.of(parse("was the mayor joking when he asked about the storms")).kind == "yesno"
    assert Wanted.of(parse("will old links break when the site moves")).kind == "yesno"
    # (a question word first still decides; an indirect question asks its own kind)
    assert Wanted.of(parse("when was the mayor joking")).kind == "when"
    assert Wanted.of(parse("did the report say how many toasters were fixed")).kind == "number"
    storms = _article(
        [
            ["The mayor asked aides about the storms in his first month."],
            [
                "During the 2019 storm season, the mayor asked whether storms could be"
                " steered away from the city."
            ],
            ["“I did not get the sense he was joking at all,” one aide said."],
        ],
        title="The mayor's storm questions",
    )
    passage = best_passage(storms, parse("was the mayor joking when he asked about the storms"))
    assert passage and "joking" in passage


def test_how_many_reads_the_compound_to_the_plural_it_counts() -> None:
    # "members" is the fourth word after "many": the count is of members, not of the
    # committee's other words.
    wanted = Wanted.of(parse("how many vaccine advisory committee members did he remove"))
    assert stem("members") in wanted.heads
    # (a plural among the first words changes nothing)
    heads = Wanted.of(parse("how many schools got panels")).heads
    assert heads == {stem(w) for w in ("schools", "got", "panels")}
    panel = _article(
        [
            ["The vaccine advisory committee met in June."],
            [
                "Earlier this year, he removed all 17 sitting members of the federal vaccine"
                " advisory committee."
            ],
            ["A Covid-19 vaccine advisory committee briefing was cancelled."],
        ],
        title="Health secretary reshapes panels",
    )
    q = parse("how many vaccine advisory committee members did he remove")
    passage = best_passage(panel, q)
    assert passage and "17 sitting members" in passage


def test_what_was_it_called_wants_the_name_a_naming_verb_gives() -> None:
    # The name after "dubbed", "also called", "known … as" answers "what was X called"
    # fully, as a span next to the noun asked about does; "call centers" gives no name.
    q = parse("what was the hurricane map thing called")
    wanted = Wanted.of(q)
    weight = dict.fromkeys(q.terms.weights(), 1.0)
    off = dataclasses.replace(DEFAULT, naming_answer=0.0)

    def fit(text: str, policy: Policy = DEFAULT) -> float:
        f = sentence_features(text)
        matched = {s for s in f.stems if s} & set(weight)
        return answer_type.typed_fit(f, wanted, weight, matched, policy)

    dubbed = "Aides dubbed it Sharpiegate after the hurricane map was marked by hand."
    known = "Among aides it became known for years as the Sharpie affair, after the map."
    for text in (dubbed, known):
        assert fit(text) > fit(text, off) + 0.25
    assert fit("The hurricane calls were handled by call centers near the map office.") < 1.0
    # (only a question asking for a name reads them)
    other = Wanted.of(parse("what did the hurricane map thing lead to"))
    f = sentence_features(dubbed)
    matched = {s for s in f.stems if s} & set(weight)
    assert answer_type.typed_fit(f, other, weight, matched, DEFAULT) == answer_type.typed_fit(
        f, other, weight, matched, off
    )


def test_latest_in_a_question_pointing_at_what_was_said_asks_of_it() -> None:
    # "their latest request" is the latest of theirs (the conversation's article tells
    # it), not the library's newest of "present request": no reading as the newest.
    for asked in (
        "when did they present their latest request",
        "what did he say in his newest letter",
    ):
        assert parse(asked).without_recency is None, asked
    # Naming articles it still asks for the newest ("their latest posts"), and with no
    # pointer "latest" is the library's newest of the topic.
    for asked in (
        "what are their latest posts",
        "when was the latest go release",
        "latest rust release",
        # "that" here is a relative pronoun: the question points at nothing said.
        "which apps are recent examples of apps that stopped working",
    ):
        assert parse(asked).without_recency is not None, asked


def test_what_share_of_x_wants_a_percent_or_a_ratio() -> None:
    # "what share of X" asks for a part of X: "62 percent", "15%", "one in five"; an
    # amount in another unit ("0.7 milligram of fluoride") is of something else.
    town = _article(
        [
            ["Fluoride was first added to the town's drinking water in 1945."],
            [
                "Today more than 62 percent of the town's homes receive fluoridated water.",
                "Generally, the town's water systems add 0.7 milligram of fluoride per liter"
                " of water.",
            ],
        ],
        title="Fluoride in the town's water",
    )
    for asked in (
        "what share of the town gets fluoridated water now",
        "what percentage of homes get fluoridated water",
    ):
        passage = best_passage(town, parse(asked), ONE_WINDOW)
        assert passage and "62 percent" in passage, asked
    share = Wanted.of(parse("what share of homes get fluoridated water"))
    for text, part in (
        ("Amazon may cut as much as 15% of its human resources staff.", True),
        ("About one in five homes has no internet at all.", True),
        ("Each home uses 0.7 milligram of fluoride a day.", False),
    ):
        f = sentence_features(text)
        (span,) = f.spans(("amount",))
        assert f.in_units(span, share.units, share=True) is part, text
    # Before a noun, "share" is no part asked for: "what share price" asks for a price.
    assert not Wanted.of(parse("at what share price did he take the company private")).units


def test_a_unit_as_an_adverb_of_frequency_says_no_time() -> None:
    # "200,000 monthly active users" counts users; "for the past ten years" says how long.
    app = _article(
        [
            ["Rochko is stepping down as chief executive of the app."],
            [
                "Before the deal, the app had only around 200,000 monthly active users,"
                " Rochko noted.",
            ],
            ["Rochko has been focused on building the app for the past ten years."],
        ],
        title="The app's founder steps down",
    )
    question = parse("how long has rochko been working on the app")
    passage = best_passage(app, question, ONE_WINDOW)
    assert passage == app.sentences[2].text
    wanted = Wanted.of(question)
    f = sentence_features(app.sentences[1].text)
    assert not any(f.in_units(s, wanted.units) for s in f.spans(("amount",)))


def test_without_says_no_to_a_yes_no_question() -> None:
    # "without" negates what follows it as "not" does: "use the hook anywhere, without the
    # need of providers" answers "do i need a provider".
    assert sentence_features("Use the hook anywhere, without the need of providers.").spans(
        ("polarity",)
    )
    # ...before a verb's -ing form it says how a thing is done, and it is done.
    assert not sentence_features("Users can publish crates without managing API tokens.").spans(
        ("polarity",)
    )
    store = _article(
        [
            ["Zustand keeps the state of a React app in one small store."],
            ["The store is a hook, and the app reads it wherever it needs to."],
            [
                "Providers wrap an app in other state libraries, and a store needs one each time.",
                "You can use the hook anywhere, without the need of providers.",
            ],
        ],
        title="A small state store",
    )
    passage = best_passage(store, parse("do i need to wrap my app in a provider"), ONE_WINDOW)
    assert passage and "without the need of providers" in passage


# npsg25: a question asking by how much things differ wants an amount saying so; a yes/no
# question asking whether a state still holds is answered by a verb of continuing or
# stopping. Each fails with its switch in the policy at 0.


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
    # The ask searches without "still" (present.without_frame); the rule reads it as typed.
    framed = present.without_frame(parse("is the founder still involved with the app"))
    assert "still" not in framed.words and Wanted.of(framed).persists
    # Only a question asking whether it still holds reads them.
    assert not Wanted.of(parse("is the founder involved with the app")).persists


def test_the_phrase_a_thing_is_likened_to_answers_what_it_is_compared_to() -> None:
    """npsg26: "what does the writer compare X to" asks for the other side of a likeness,
    written after "like", "likened to", "no different from"… often in a sentence that
    holds none of the question's words ("It's like a flat soda.")."""
    page = _article(
        [
            [
                "“Data privacy” is one of those terms that feels stripped of all emotion.",
                "It’s like a flat soda.",
                "At least until the country's failures to build basic data privacy protections"
                " carry flesh-and-blood repercussions for the writer and the phrase.",
            ],
        ],
        title="The end of privacy",
    )
    asked = parse("what does the writer compare the phrase data privacy to")
    assert Wanted.of(asked).likens
    passage = best_passage(page, asked, ONE_WINDOW)
    assert passage and "flat soda" in passage
    passage = best_passage(page, asked, ONE_WINDOW.with_(likeness_fit=0.0))
    assert passage and "flat soda" not in passage


def test_likeness_is_read_from_the_question_and_sentence_structure() -> None:
    assert asks_likeness(parse("who do people compare elon musk to").typed)
    assert asks_likeness(parse("what is the sync server like").typed)
    assert asks_likeness(parse("what does json syntax resemble").typed)
    # "who compared X to Y" names both sides and asks who; "would like" is a verb.
    assert not asks_likeness(parse("who compared fema aid to a pizza order").typed)
    assert not asks_likeness(parse("what would you like").typed)
    assert not asks_likeness(parse("who did the summary mix him up with").typed)

    def phrases(text: str) -> list[str]:
        f = sentence_features(text)
        words = text.replace(",", "").split()
        return [" ".join(words[s.start : s.end]) for s in likenesses(f)]

    assert phrases("He has been likened to Tony Stark.") == ["Tony Stark."]
    assert phrases("The app is no different from crowdsourcing speed traps, which") == [
        "crowdsourcing speed traps"
    ]
    assert phrases("I would like to see it.") == []
    assert phrases("They took a different view.") == []


def test_words_saying_how_much_answer_whether_a_thing_is_so() -> None:
    """npsg26: "was the release a big one" is answered by the degree the article gives
    ("the most feature-packed release", "relatively minor"), which holds neither a
    negation nor the question's adjective."""
    page = _article(
        [
            [
                "The compiler did not change, and neither did the plan for the next release after it."
            ],
            ["Thanks go to everyone who helped to test the betas over the summer."],
            ["The compiler release is the most feature-packed so far."],
        ],
        title="Announcing the compiler release",
    )
    asked = parse("was the compiler release a big one")
    assert Wanted.of(asked).grades
    passage = best_passage(page, asked, ONE_WINDOW)
    assert passage and "feature-packed" in passage
    passage = best_passage(page, asked, ONE_WINDOW.with_(degree_fit=0.0))
    assert passage and "feature-packed" not in passage


def test_degree_is_told_by_grammar_not_listed() -> None:
    assert superlative("largest") and superlative("biggest") and superlative("easiest")
    assert superlative("most") and not superlative("forest") and not superlative("interest")
    assert not superlative("honest") and not superlative("request")
    assert asks_degree(parse("is it a common cancer").typed)
    assert not asks_degree(parse("does it still run").typed)
    kinds = [s.kind for s in degrees(sentence_features("This release is relatively minor."))]
    assert kinds == ["degree"]
    assert not degrees(sentence_features("The forest is dense and green."))


def test_the_manner_a_thing_is_done_in_answers_how() -> None:
    """npsg26: "how does the team schedule its meetings" is answered by "in a rather
    ad-hoc fashion": "in a(n)", up to three words, then way/fashion/manner."""
    page = _article(
        [
            ["Did you know that the team now has regular design meetings for the language?"],
            ["Thanks go to everyone who came to the meetings over the summer."],
            ["We currently schedule meetings in a rather ad-hoc fashion, hammering it out."],
        ],
        title="Design meeting update",
    )
    asked = parse("how does the team schedule its design meetings")
    passage = best_passage(page, asked, ONE_WINDOW)
    assert passage and "ad-hoc" in passage
    passage = best_passage(page, asked, ONE_WINDOW.with_(manner_fit=0.0))
    assert passage and "ad-hoc" not in passage
    spans = sentence_features("They were handled in a timely manner.").spans(("manner",))
    assert [s.kind for s in spans] == ["manner"]
    assert not sentence_features("There is no way to do it.").spans(("manner",))


def test_a_sentence_telling_how_answers_how_do_i() -> None:
    """npsg28: "how do i install the formatter" is answered by the sentence telling the
    reader how ("To get it, install…"), not by one repeating the question's words; an
    instruction whose clause names nothing asked ("…going offline, use the cargo fetch
    command") tells nothing of it."""
    page = _article(
        [
            ["The formatter is a tool that formats your code in a standard style."],
            ["You can also run the formatter in your editor, no need to install it there."],
            ["Many people asked for the formatter to install with the toolchain."],
            ["To get it, install the formatter with rustup component add rustfmt."],
        ],
        title="Formatter news",
    )
    asked = parse("how do i install the formatter")
    assert Wanted.of(asked).instructs
    passage = best_passage(page, asked, ONE_WINDOW)
    assert passage and "rustup component add" in passage
    passage = best_passage(page, asked, ONE_WINDOW.with_(instruction_fit=0.0))
    assert passage and "rustup component add" not in passage


def test_instructions_are_read_by_grammar() -> None:
    def told(text: str) -> bool:
        return bool(sentence_features(text).spans(("instruction",)))

    assert told("Open the App Store on the device.")
    assert told("If you are affected by this, simply re-download the installer.")
    assert told("With Go 1.20, you can now build programs using go build -cover.")
    assert told("Just use the handle you made there to log in.")
    assert told("E-mail us at info@archive.org with the subject.")
    assert not told("Despite the rain, the launch went ahead.")
    assert not told("To be sure, Go is fine.")
    assert not told("To do this, cargo uses a lock file.")
    assert not told("Track record matters.")
    assert not told("You can't do that.")
    assert not Wanted.of(parse("how is the market doing")).instructs
    asked = parse("how do i download offline maps")
    offline = "To prepare for going offline, use the cargo fetch command, which downloads all."
    fit = answer_type.typed_fit(
        sentence_features(offline), Wanted.of(asked), {"offlin": 1.0}, {"offlin"}, DEFAULT
    )
    assert fit == 0.0
    assert Wanted.of(parse("how to stop rustup self update failing in ci")).instructs
