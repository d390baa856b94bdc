"""Follow-up questions: what refers back, the conversation's memory, and the engine's
answers about the article a conversation is about (bundled content/)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.conversation import Conversations
from bot.library.model import Article, Sentence
from bot.library.sync import Library
from bot.search import followup
from bot.search.asked import MORE_OF_WHAT
from bot.search.engine import SearchEngine
from bot.search.followup import Topic, first_window, pinned, refers_back, wants_more
from bot.search.policy import DEFAULT
from bot.search.query import BYLINE, Query
from bot.search.results import HIGH, LOW, Answer
from bot.search.retrieve import Candidates, Retriever
from tests.conftest import CONTENT, dated_post, small_engine

CORAL = "2026-04-02-coral-nursery-replants-twenty-thousand-fragments"
BIRDS = "2026-01-26-citizen-scientists-count-record-number-of-garden-birds"
TREES = "2025-07-22-urban-tree-canopy-cools-streets-by-up-to-six-degrees"
REPAIR = "2025-02-08-repair-cafe-fixes-record-number-of-toasters"
SLEEP = "2025-10-06-teenagers-sleep-better-with-later-school-start"
HEAT = "2026-02-12-street-by-street-heat-pump-rollout-halves-bills"
HEARING = "2026-03-14-hearing-aids-linked-to-slower-memory-decline"
SALMON = "2025-11-03-river-restoration-brings-salmon-back-to-the-wendle"


@pytest.mark.parametrize(
    "question",
    ["when did it start?", "who runs them?", "what was their survival rate?", "is that true?"],
)
def test_a_pronoun_with_nothing_before_it_refers_back(question: str) -> None:
    assert refers_back(question)


@pytest.mark.parametrize("question", ["tell me more", "More please!", "what else?", "go on"])
def test_asking_for_more(question: str) -> None:
    assert wants_more(question) and refers_back(question)


@pytest.mark.parametrize(
    "question",
    ["how much did heat pump bills drop", "thanks", "more salmon", "battery that lasts long"],
)
def test_a_question_of_its_own_does_not(question: str) -> None:
    assert not wants_more(question)
    assert not refers_back(question)


@pytest.mark.parametrize(
    ("question", "points"),
    [
        ("is there anything about bees", False),  # "there" says something exists
        ("are there any posts on rust?", False),
        ("was there a fire", False),
        ("has there been any news on salmon", False),
        ("there are more articles on coral", False),
        ("who was there?", True),  # a place pointed at ends its clause
        ("what happened there", True),
        ("how many are there", True),
        ("is there more about it", True),  # "it" still points back
    ],
)
def test_the_there_of_is_there_points_nowhere(question: str, points: bool) -> None:
    assert refers_back(question) is points


@pytest.mark.parametrize(
    ("question", "pins"),
    [
        ("when did it ship?", True),
        ("can i turn it off", True),
        ("who ran it", True),
        ("is it going to rain tomorrow", False),  # words enough for a topic of its own
        ("what is his favourite film?", False),
        ("tell me more", False),
        ("when did go 1.0 ship", False),  # no pronoun
    ],
)
def test_a_pronoun_with_one_word_beside_it_holds_the_topic(question: str, pins: bool) -> None:
    assert pinned(question) is pins


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def answer_about(slug: str) -> Answer:
    return Answer(
        question="q", article=Article(slug=slug, title=slug, path=Path(slug)), passage="p."
    )


def test_a_conversation_forgets_its_article_after_the_ttl() -> None:
    clock = Clock()
    talk = Conversations(ttl=600, clock=clock)
    talk.answered(answer_about(CORAL), "a")
    clock.now = 599
    assert talk.about("a") == Topic(CORAL, "p.")
    clock.now = 601
    assert talk.about("a") is None


def test_conversations_are_bounded_least_recently_answered_first() -> None:
    talk = Conversations(ttl=600, size=2, clock=Clock())
    for key in ("a", "b", "c"):
        talk.answered(answer_about(CORAL), key)
    assert len(talk) == 2 and talk.about("a") is None and talk.about("c") is not None


def test_small_talk_and_no_answer_keep_the_article() -> None:
    talk = Conversations(ttl=600, clock=Clock())
    talk.answered(answer_about(CORAL), "a")
    talk.answered(Answer(question="thanks", reply="You're welcome!"), "a")
    talk.answered(Answer(question="recipe for banana bread"), "a")
    assert talk.about("a") == Topic(CORAL, "p.")


async def test_a_follow_up_is_answered_from_the_article_of_the_conversation(engine) -> None:
    first = await engine.ask("how many coral fragments has the nursery replanted")
    assert first.article is not None and first.article.slug == CORAL
    alone = await engine.ask("what was their survival rate?")
    assert alone.article is None  # read on its own, nothing answers it
    follow = await engine.ask("what was their survival rate?", Topic(CORAL, first.passage))
    assert follow.article is not None and follow.article.slug == CORAL
    assert follow.followup and "81%" in (follow.passage or "")


@pytest.mark.parametrize(
    ("question", "slug", "shows"),
    [
        # After the bird count, "it" is the survey; another article says who runs a nursery.
        ("who runs it?", BIRDS, "Aveling"),
        # A question leaving its topic unsaid: alone the coding club's volunteers (26);
        # after the repair café, the café's, whose article holds every word it names.
        ("how many volunteers", REPAIR, "38"),
    ],
)
async def test_the_conversations_article_beats_a_confident_answer_elsewhere_when_as_sure(
    engine, question: str, slug: str, shows: str
) -> None:
    alone = await engine.ask(question)
    assert alone.article is not None and alone.article.slug != slug
    assert alone.confidence == HIGH
    follow = await engine.ask(question, Topic(slug, None))
    assert follow.article is not None and follow.article.slug == slug
    assert follow.followup and follow.confidence == HIGH
    assert shows in (follow.passage or "")


async def test_a_question_nothing_answers_alone_continues_on_a_word_of_the_article(engine) -> None:
    # "water" is the coral article's; "hot" no article's.
    assert (await engine.ask("how hot did the water get")).article is None
    water = await engine.ask("how hot did the water get", Topic(CORAL, None))
    assert water.article is not None and water.article.slug == CORAL
    assert "30C" in (water.passage or "")


async def test_a_question_naming_nothing_is_answered_from_the_conversation(engine) -> None:
    # "by how much?" names nothing to weigh: alone it finds nothing; after the sleep study
    # it is that study's amount, chosen by the title standing in, as the closest match.
    assert (await engine.ask("by how much")).article is None
    answer = await engine.ask("by how much", Topic(SLEEP, None))
    assert answer.article is not None and answer.article.slug == SLEEP
    assert answer.followup and answer.confidence == LOW
    assert "43 minutes" in (answer.passage or "")


async def test_a_word_only_the_title_holds_continues_the_conversation(engine) -> None:
    # "bills" is in the heat-pump article's title ("…halves heating bills"), not its body.
    assert (await engine.ask("how much did bills drop")).article is None
    answer = await engine.ask("how much did bills drop", Topic(HEAT, None))
    assert answer.article is not None and answer.article.slug == HEAT and answer.followup


async def test_a_question_naming_what_the_article_lacks_is_a_new_topic(engine) -> None:
    answer = await engine.ask("how many birds were counted", Topic(REPAIR, None))
    assert answer.article is not None and answer.article.slug == BIRDS
    assert not answer.followup


async def test_asking_whether_there_is_anything_about_a_topic_is_a_new_question(engine) -> None:
    # Read as pointing back, "is there anything about the salmon" after the hearing-aid
    # study was that study's closest match.
    answer = await engine.ask("is there anything about the salmon", Topic(HEARING, None))
    assert answer.article is not None and answer.article.slug == SALMON
    assert not answer.followup


async def test_a_question_its_own_words_answer_from_the_same_article_is_no_follow_up(
    engine,
) -> None:
    # Nothing to follow: its own words found the conversation's article; saying
    # "Following up on" would only repeat the title.
    answer = await engine.ask("how many birds were counted", Topic(BIRDS, None))
    assert answer.article is not None and answer.article.slug == BIRDS
    assert not answer.followup and "1.62 million" in (answer.passage or "")


async def test_tell_me_more_about_a_named_topic_is_a_new_question(engine) -> None:
    answer = await engine.ask("tell me more about the heat pumps", Topic(CORAL, None))
    assert answer.article is not None and answer.article.slug != CORAL
    assert not answer.followup


async def test_tell_me_more_shows_the_part_after_the_passage_last_shown(engine) -> None:
    first = await engine.ask("how many coral fragments has the nursery replanted")
    more = await engine.ask("tell me more", Topic(CORAL, first.passage))
    assert more.article is not None and more.article.slug == CORAL
    assert more.passage and more.passage not in (first.passage or "")
    assert more.confidence == HIGH  # what was asked for: no "may not answer" caveat
    text = " ".join(s.text for s in more.article.sentences)
    # The heading inside the next part is set off from the sentence under it.
    assert "2019. Choosing the survivors: The nursery’s key idea" in more.passage
    before, _, after = more.passage.partition(" Choosing the survivors: ")
    assert text.index(before) > text.index(first.passage or "") and after in text


def test_a_part_sets_off_headings_and_list_items_and_ends_on_no_heading() -> None:
    # A page's own lines, read as sentences, are not run together: "Installing the App
    # Open the App Store…" read as one (a member met it after "tell me more").
    rows = [
        Sentence("Installing the App", 1, "heading"),
        Sentence("Open the App Store", 2),
        Sentence("Click install", 3),
        Sentence("fmt.Println(x)", 4, "pre"),
        Sentence("Android", 5, "heading"),
    ]
    assert followup._part(rows) == (
        "Installing the App: Open the App Store; Click install; fmt.Println(x)"
    )
    # Sentences that close themselves, and those of one paragraph, are joined as they are.
    said = [Sentence("It works.", 1), Sentence("“Yes,” she said.", 2), Sentence("Why?", 3)]
    assert followup._part(said) == "It works. “Yes,” she said. Why?"


async def test_tell_me_more_after_a_card_opens_the_article_without_repeating_it(engine) -> None:
    # Only the card was shown (a random draw, a pasted link): not its summary again, but
    # the article's first sentences the summary does not hold.
    card = await engine.ask(
        "https://articlebot.example/environment/coral-nursery-replants-twenty-thousand-fragments/"
    )
    assert card.article is not None and card.article.slug == CORAL and card.passage is None
    assert card.summary
    more = await engine.ask("tell me more", Topic(CORAL, None))
    assert more.article is not None and more.article.slug == CORAL and more.confidence == HIGH
    assert more.passage and more.passage not in (card.summary or "")
    first = next(s.text for s in more.article.sentences if s.text.strip() not in card.summary)
    assert more.passage.startswith(first.strip())


async def test_a_new_topic_after_an_answer_is_not_a_follow_up(engine) -> None:
    answer = await engine.ask("how much did heat pump bills drop", Topic(CORAL, None))
    assert answer.article is not None and "heat-pump" in answer.article.title
    assert not answer.followup and answer.confidence == HIGH


async def test_an_unrelated_question_stays_unanswered(engine) -> None:
    for question in ("is it going to rain tomorrow", "what is his favourite film?"):
        answer = await engine.ask(question, Topic(TREES, None))
        assert answer.confidence != HIGH, question
        assert answer.article is None, question  # the trees article says nothing of it


def test_a_follow_up_is_judged_by_the_passage_s_best_window() -> None:
    # The windows after " … " hold a question word the best one lacks by construction
    # (the runner-up rule): they are no evidence the passage speaks to the question.
    shown = "The council fixed 300 sensors. … Two thirds of them going to the ten wards."
    assert first_window(shown) == "The council fixed 300 sensors."
    assert first_window("One window only.") == "One window only."


async def test_small_talk_is_not_a_follow_up(engine) -> None:
    answer = await engine.ask("thanks", Topic(CORAL, None))
    assert answer.reply is not None and answer.article is None


async def test_an_article_gone_from_the_library_is_no_follow_up(engine) -> None:
    answer = await engine.ask("what was their survival rate?", Topic("no-such-article", None))
    assert answer.article is None


async def test_one_follow_up_in_several_conversations_ranks_the_library_once(
    bundled_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Members ask "who runs it?" about different articles: the question's ranking of the
    # library is the same for each (only the article read differs), so it is made once,
    # and every answer is the one an engine that saw no other conversation gives.
    ranked: list[str] = []
    real = Retriever.rank

    async def counted(self: Retriever, q: Query, *, question: bool = False) -> Candidates:
        ranked.append(q.raw)
        return await real(self, q, question=question)

    question = "who runs it?"
    fresh = {
        slug: await SearchEngine(bundled_library).ask(question, Topic(slug, None))
        for slug in (BIRDS, CORAL)
    }
    monkeypatch.setattr(Retriever, "rank", counted)
    engine = SearchEngine(bundled_library)
    alone = await engine.ask(question)
    answers = {slug: await engine.ask(question, Topic(slug, None)) for slug in (BIRDS, CORAL)}
    assert ranked == [question]
    assert answers == fresh
    assert answers[BIRDS].followup and "Aveling" in (answers[BIRDS].passage or "")
    assert alone.article is not None and alone.article.slug == CORAL  # a nursery's runner
    assert answers[CORAL].article == alone.article


@pytest.mark.parametrize(
    "question",
    [
        # Alone, "repaired" finds the repair café confidently; after the tree canopy, "it"
        # is the canopy study, and the café is not what the member asks about.
        "who repaired it",
        # Alone nothing answers it; after the tree canopy it is the canopy's closest match,
        # not "could not find" and a list of strangers.
        "who paid for it",
    ],
)
async def test_a_pronoun_and_one_word_stay_with_the_conversation(engine, question: str) -> None:
    follow = await engine.ask(question, Topic(TREES, None))
    assert follow.article is not None and follow.article.slug == TREES
    assert follow.followup and follow.confidence == LOW


@pytest.mark.parametrize("question", ["tell me more", "go on", "what else?"])
async def test_more_with_no_article_in_the_conversation_asks_of_what(engine, question) -> None:
    # Its words name nothing: an article its search found would be a guess.
    for about in (None, Topic(None, None, (CORAL,))):  # no conversation; only a list shown
        answer = await engine.ask(question, about)
        assert answer.article is None and answer.reply == MORE_OF_WHAT


@pytest.mark.parametrize(
    "about",
    [
        "2026-03-14-hearing-aids-linked-to-slower-memory-decline",
        "2025-09-10-fund-pays-open-source-maintainers-to-fix-old-bugs",
    ],
)
async def test_a_long_question_s_pronouns_point_inside_it(engine, about: str) -> None:
    # Member QA: a pasted paragraph ("I was reading this post… it said… which release
    # changed it?") was answered as the closest match of the conversation's article; its
    # own words' closest match is no worse a guess, and here the right one.
    question = (
        "I read that people repair broken appliances for free, how many did it say they fixed?"
    )
    answer = await engine.ask(question, Topic(about, None))
    assert answer.article is not None and answer.article.slug == REPAIR
    assert not answer.followup


async def test_pointing_back_with_words_the_article_holds_stays_with_it(
    tmp_path: Path, blogs_dir: Path
) -> None:
    # Member QA: "wait no, i meant what changed in cargo in that release" after Rust 1.70
    # answered another release's post, surer on "changed", "cargo" and "release" alone.
    # Every word the question names is the conversation's article's and "that" points at
    # it: it stays (over the Rust release posts of 2019-2029 and the bundled content).
    posts = sorted(blogs_dir.glob("20[12]*/*/*/*rust-1[0-9]*.md"))
    files = {p.name: p.read_text(encoding="utf-8") for p in posts}
    rust170 = "2023-06-01-httpsblogrust-langorg20230601rust-1700"
    assert f"{rust170}.md" in files
    async with small_engine(tmp_path, files, CONTENT) as engine:
        question = "what changed in cargo in that release"
        alone = await engine.ask(question)
        assert alone.article is not None and alone.article.slug != rust170
        assert alone.confidence == HIGH
        answer = await engine.ask(question, Topic(rust170, None))
        assert answer.article is not None and answer.article.slug == rust170
        assert answer.followup and "sparse" in (answer.passage or "")


async def test_a_question_naming_only_the_kind_of_answer_asks_of_the_conversation(
    tmp_path: Path,
) -> None:
    # "and in which version?" names no thing of its own, only the kind of answer wanted
    # (answer_type.Wanted.form): its topic is the one under discussion, as "in which
    # version was it?" says. Before (journey25), "version" alone was searched and the post
    # on minimum platform versions answered it surely.
    files = {
        "a.md": dated_post(
            "async-stable",
            "Async-await on stable Rust!",
            "2019-11-07",
            "On this coming Thursday, async-await syntax hits stable Rust, as part of the"
            " 1.39.0 release.",
            "This work has been a long time in development.",
        ),
        "b.md": dated_post(
            "apple-versions",
            "Increasing the minimum supported Apple platform versions",
            "2023-09-25",
            "The new minimum versions are now: macOS 10.12 Sierra.",
            "The minimum version of Apple's platforms that the toolchain supports will be"
            " increased to newer versions.",
        ),
    }
    async with small_engine(tmp_path, files) as engine:
        first = await engine.ask("when was async await stabilised")
        assert first.article is not None and first.article.slug == "async-stable"
        about = Topic("async-stable", first.passage)
        follow = await engine.ask("and in which version?", about)
        assert follow.article is not None and follow.article.slug == "async-stable"
        assert follow.followup and "1.39.0" in (follow.passage or "")
        without = SearchEngine(engine.library, policy=replace(DEFAULT, kind_only_follows=0))
        off = await without.ask("and in which version?", about)
        assert off.article is not None and off.article.slug == "apple-versions"


def test_a_request_of_a_new_article_leaves_an_older_list_behind() -> None:
    # journey25: a "nothing found" menu, then "who wrote the coast guard article" (its two
    # writers), then "and the other one?" was told "the last list had 5". A request of
    # the conversation's own article ("who wrote it?") keeps the list, as before.
    talk = Conversations(ttl=600, clock=Clock())
    talk.answered(answer_about(CORAL), "a")
    talk.offered([BIRDS, TREES, REPAIR], "a")
    own = replace(answer_about(CORAL), wants=BYLINE)
    talk.answered(own, "a")
    assert talk.about("a").listed == (BIRDS, TREES, REPAIR)
    talk.answered(replace(answer_about(SLEEP), wants=BYLINE), "a")
    topic = talk.about("a")
    assert topic is not None and topic.slug == SLEEP and topic.listed == ()


async def test_the_other_one_with_no_list_names_an_articles_several_writers(
    tmp_path: Path,
) -> None:
    # journey24/25: "and the other one?" right after "Written by Tara Copp and Michelle
    # Boorstein" was "The other of what?" (or a stale list's places).
    two = (
        "---\ntitle: Coast Guard drafts a new policy\nslug: coast\n"
        "author: 'Tara Copp, Michelle Boorstein'\ndate: '2025-11-21T00:00:00Z'\n---\n"
        "<p>The military service has drafted a new policy.</p>\n"
    )
    one = dated_post("cop", "Fire forces evacuation", "2025-11-20", "A fire broke out.")
    async with small_engine(tmp_path, {"coast.md": two, "cop.md": one}) as engine:
        other = await engine.ask("and the other one?", Topic("coast", None))
        assert other.reply is not None
        assert "was written by Tara Copp and Michelle Boorstein" in other.reply
        # With a longer list held (a "nothing found" menu the article was in), both.
        listed = await engine.ask("and the other one?", Topic("coast", None, ("cop", "coast", "x")))
        assert listed.reply is not None and "Tara Copp and Michelle Boorstein" in listed.reply
        assert "one of 1 to 3" in listed.reply
        alone = await engine.ask("and the other one?", Topic("cop", None))
        assert alone.reply is not None and "written by" not in alone.reply


@pytest.mark.parametrize("question", ["and who else?", "who else", "where else?", "anyone else?"])
def test_else_points_back_at_what_was_just_said(question: str) -> None:
    # "Else" needs an antecedent as a pronoun does: "who else?" asks for people other
    # than those just named (journey27: "and who else?" was searched for its words,
    # "could not find" and the Education Department article's menu).
    assert refers_back(question)


@pytest.mark.parametrize("about", [REPAIR, CORAL])
async def test_who_else_is_asked_of_the_conversations_article(engine, about: str) -> None:
    answer = await engine.ask("and who else?", Topic(about, None))
    assert answer.article is not None and answer.article.slug == about
    assert answer.followup
