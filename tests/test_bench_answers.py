"""The issue-15 answer bench (bench/answers.py): how questions are split and replies scored,
and that the question files hold keys the articles really contain."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_path

# The benches import each other as top-level modules from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import answers  # noqa: E402


def row(question: str, kind: str = "who", **extra) -> dict:
    return {"set": "news", "question": question, "type": kind, "split": "tune", **extra}


def test_splits_are_stratified_balanced_and_independent_of_order() -> None:
    rows = [row(f"who {i}?") for i in range(7)] + [
        row(f"how many {i}?", "number") for i in range(5)
    ]
    first = answers.assign_splits(rows)
    assert first == answers.assign_splits(list(reversed(rows)))
    for kind in ("who", "number"):
        halves = [first[r["question"]] for r in rows if r["type"] == kind]
        assert abs(halves.count("tune") - halves.count("test")) == 1
    # The odd groups lean opposite ways, so the whole set splits evenly.
    assert list(first.values()).count("tune") == 6


def test_the_content_set_alternates_halves_within_each_article() -> None:
    rows = [row(f"q{i}", articles=[a]) for i, a in enumerate("aaabbbcc")]
    rows.append({"set": "unrelated", "question": "u", "type": "unrelated"})
    halves = answers.content_splits(rows)
    # a: tune test tune; b starts on test, the half behind; c and the unrelated row start
    # on tune, the halves being even again.
    assert halves == ["tune", "test", "tune", "test", "tune", "test", "tune", "test", "tune"]


def test_a_reply_without_confidence_counts_as_high_and_slugs_map_back() -> None:
    r = row("who designed it?", articles=["the-label-slug"], key="Thomas Heatherwick")
    obj = {
        "article": {"slug": "parser-slug"},
        "answer": "Vessel designer  THOMAS heatherwick, a Londoner",
        "alternatives": [{"slug": "other"}],
    }
    reply = answers.read_reply(r, obj, {"parser-slug": "the-label-slug"})
    assert (reply.right, reply.held, reply.confidence, reply.confidence_given) == (
        True,
        True,
        "high",
        False,
    )
    assert reply.named == ["the-label-slug", "other"]
    low = answers.read_reply(r, {**obj, "confidence": "low"}, {"parser-slug": "the-label-slug"})
    assert low.confidence == "low" and low.confidence_given


def test_a_set_of_unrelated_questions_only_is_asked_of_both_libraries(
    monkeypatch, tmp_path
) -> None:
    only = tmp_path / "only_unrelated.jsonl"
    only.write_text('{"id": "u1", "set": "unrelated", "question": "how do i bake bread"}\n')
    monkeypatch.setitem(answers.FRESH_FILES, "probe", only)
    sets, unrelated = answers.load_fresh("probe")
    assert sets == {"news": [], "blogs": []} and [r["id"] for r in unrelated] == ["u1"]


def test_a_further_span_counts_only_for_its_own_article() -> None:
    r = row(
        "when is rustfest paris 2018",
        articles=["a", "b"],
        key="May 26th and 27th in Paris",
        more=[{"article": "a", "key": "May 26-27: RustFest Paris", "sentence": "…"}],
    )
    said = {"answer": "May 26-27: RustFest Paris"}
    assert answers.read_reply(r, {**said, "article": {"slug": "a"}}, {}).held
    assert not answers.read_reply(r, {**said, "article": {"slug": "b"}}, {}).held
    assert not answers.read_reply(r, {**said, "article": {"slug": "c"}}, {}).held


def test_key_shown_counts_the_passage_whatever_the_article_and_leaves_right_as_labelled() -> None:
    # Two posts state the answer; the label names one. "Right" and "held" read the label,
    # "key shown" reads what the member is shown.
    r = row("who prototyped x", articles=["results"], key="Glen")
    other = answers.read_reply(r, {"article": {"slug": "selected"}, "answer": "x by Glen"}, {})
    missing = answers.read_reply(r, {"article": {"slug": "results"}, "answer": "x by someone"}, {})
    refused = answers.read_reply(r, {"article": None, "answer": None}, {})
    assert (other.right, other.held, other.shown) == (False, False, True)
    assert (missing.right, missing.held, missing.shown) == (True, False, False)
    assert not refused.shown
    got = answers.score_answerable([other, missing, refused], [False, False, False])
    assert (got["first"], got["held"], got["key_shown"]) == (1 / 3, 0.0, 1 / 3)


def test_scores_count_refusals_unrelated_small_talk_and_latest() -> None:
    r = row("q", articles=["a"], key="k")
    replies = [
        answers.read_reply(r, {"article": {"slug": "a"}, "answer": "k"}, {}),
        answers.read_reply(r, {"article": None, "answer": None}, {}),
    ]
    got = answers.score_answerable(replies, [True, False])
    assert (got["n"], got["first"], got["held"], got["refused"], got["fts5_first"]) == (
        2,
        0.5,
        0.5,
        0.5,
        0.5,
    )
    other = [
        answers.read_reply({**row("pasta?"), "set": "unrelated"}, {"article": None}, {}),
        answers.read_reply(
            {**row("cake?"), "set": "unrelated"},
            {"article": {"slug": "x"}, "confidence": "low"},
            {},
        ),
        answers.read_reply({**row("thanks!"), "set": "smalltalk"}, {"article": {"slug": "x"}}, {}),
        answers.read_reply(
            {**row("new?"), "set": "latest"}, {"article": None, "alternatives": [{"slug": "n"}]}, {}
        ),
    ]
    got = answers.score_other(other, newest={"n"})
    assert got["unrelated"] == {"n": 2, "no_confident": 1.0, "no_article": 0.5}
    assert got["smalltalk"] == {"n": 1, "no_article": 0.0}
    assert got["latest"] == {"n": 1, "names_newest": 1.0}


def test_check_row_reports_a_key_the_article_does_not_hold() -> None:
    r = row("q", articles=["a"], key="159 million", sentence="It removed 159 million ads.")
    assert answers.check_row(r, {"a": "it removed 159 million ads."}, "news") == []
    problems = answers.check_row(r, {"a": "it removed many ads."}, "news")
    assert any("no answer span" in p for p in problems)
    assert any("sentence not in a" in p for p in problems)


def test_a_fresh_question_must_be_new_and_key_what_no_other_set_keys() -> None:
    others = [row("who sold it", articles=["used"], sentence="Ann sold it.")]
    others.append({**others[0], "set": "blogs", "question": "who sold the post"})
    fresh = [
        {**row("Who sold it?", articles=["unused"], sentence="Bo sold it."), "split": "f"},
        {**row("who bought it", articles=["used"], sentence="Cy bought it."), "split": "f"},
        {**row("who kept it", articles=["used"], sentence="Ann sold it."), "split": "f"},
        {**row("who made it", articles=["unused"], sentence="Di made it."), "split": "tune"},
        {**row("who read it", articles=["used"], sentence="Ed read it."), "set": "blogs"},
    ]
    fresh[-1]["split"] = "f"
    problems = answers.check_fresh("f", fresh, others, {"who sold it"})
    # A news export may be asked about again for a fact (a sentence) no other set keys.
    assert len(problems) == 4, problems
    assert "asked before" in problems[0]
    assert "keys a sentence another set keys" in problems[1]
    assert "split of f" in problems[2]
    assert "blog post another set uses" in problems[3]


def test_a_held_out_set_s_problems_are_counted_not_quoted() -> None:
    found = [f"{answers.HELD_OUT[0]} question asked before: 'where is the secret kept'"] * 2
    (said,) = answers._unprinted(answers.HELD_OUT[0], found)
    assert "2 problem" in said and "secret" not in said
    assert answers._unprinted(answers.HELD_OUT[0], []) == []


def test_fts5_wins_lists_what_the_baseline_gets_right_and_the_bot_does_not(capsys) -> None:
    def reply(question: str, article: str | None, split: str = "tune") -> answers.Reply:
        r = row(question, articles=["right"], split=split)
        return answers.Reply(r, article, None, "low" if article else None, True, [])

    replies = [
        reply("both right", "right"),
        reply("bot wrong", "other"),
        reply("bot refused", None),
        reply("fts5 wrong too", "other"),
        reply("unread half", "other", split="test"),
    ]
    answers.print_fts5_wins("news", replies, [True, True, True, False, True], 10)
    out = capsys.readouterr().out
    assert "news: 3 (1 refused, 1 of the test half not printed)" in out
    assert "bot wrong" in out and "bot refused" in out
    for unlisted in ("both right", "fts5 wrong too", "unread half"):
        assert unlisted not in out


@pytest.mark.parametrize("unread", answers.HELD_OUT)
@pytest.mark.parametrize("flag", ["--fts5-wins", "--misses"])
def test_a_held_out_set_is_never_listed_question_by_question(flag: str, unread: str) -> None:
    with pytest.raises(SystemExit) as e:
        answers.main(["--set", unread, flag, "5"])
    assert e.value.code == 2


def test_the_question_files_hold_keys_their_articles_contain(
    capsys: pytest.CaptureFixture[str],
) -> None:
    shared_path("corpus", "real")
    shared_path("corpus", "blogs")
    assert answers.check_files() == 0, capsys.readouterr().out


def test_the_oracle_reads_a_mistyped_question_as_ask_does(tmp_path: Path) -> None:
    # "memior" is in no sentence: read raw, the post's words about listening on Spotify
    # are the passage; `ask` corrects it to "memoir" first, and so must the oracle.
    from bot.library.sync import Library as BotLibrary
    from tests.conftest import tool_post

    content = tmp_path / "content"
    content.mkdir()
    body = (
        "I listened to a lot of audiobooks on Spotify this year, mostly on long walks.\n\n"
        "Spotify gives every member some free audiobook hours each month, and I used them.\n\n"
        "The best of them was a memoir from Tim Berners-Lee, who built the first web browser.\n\n"
        "Next year I want to read more fiction."
    )
    (content / "books.md").write_text(tool_post("books", "My year in books", body))
    (content / "other.md").write_text(
        tool_post("walks", "Long walks", "A memoir of walking the coast, written in 2019.")
    )
    db = tmp_path / "lib.db"

    async def reload() -> None:
        lib = BotLibrary(content, db)
        await lib.reload()
        await lib.close()

    asyncio.run(reload())
    lib = answers.Library("t", content, [], {"books": "books", "walks": "walks"})
    row = {"question": "who wrote the memior she listened to on spotify", "articles": ["books"]}
    (reply,) = answers.oracle_passages(lib, db, [row], {})
    assert "Tim Berners-Lee" in (reply.passage or ""), reply.passage
