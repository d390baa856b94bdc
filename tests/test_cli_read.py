"""The command line's reading commands (quote, summary, related, random, tags, tag, latest)
and `picks preview`: JSON shapes, the text, and one-line errors with exit code 2.

They run in-process through `main([...])` over one cache of the bundled content, built once.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import CONTENT

REPAIR = "2025-02-08-repair-cafe-fixes-record-number-of-toasters"
HEARING = "2026-03-14-hearing-aids-linked-to-slower-memory-decline"
LISTED = {"slug", "title", "link", "date", "tags"}
SHOWN = {
    "slug", "title", "author", "date", "link", "tags", "description", "summary", "quotes",
    "reading_minutes",
}  # fmt: skip


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """--content/--db over a copy of the bundled content, its cache built once."""
    root = tmp_path_factory.mktemp("read")
    shutil.copytree(CONTENT, root / "content")
    args = ["--content", str(root / "content"), "--db", str(root / "articles.db")]
    assert main([*args, "reload"]) == 0
    return args


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No .env and no state database of the project's: each test runs in its own folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STATE_DATABASE_URL", f"sqlite:///{tmp_path}/state.db")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_quote_summary_and_related_by_title(library: list[str], capsys) -> None:
    named = run_json(capsys, *library, "quote", "Repair café fixes a record number of toasters")
    assert named["article"]["slug"] == REPAIR
    assert named["quote"]["speaker"] in {"Maria Okafor", "Jonah Pilsworth"}

    anyone = run_json(capsys, *library, "quote")  # a random article that has a quote
    assert set(anyone) == {"article", "quote"} and anyone["quote"]["text"]

    # Unquoted words, and a typo, still name the article.
    summary = run_json(capsys, *library, "summary", "repair", "cafe", "fixes", "tosters")
    assert summary["article"]["slug"] == REPAIR
    assert "212 toasters" in summary["summary"]

    related = run_json(capsys, *library, "related", HEARING, "--limit", "2")
    assert related["article"]["slug"] == HEARING
    assert 1 <= len(related["related"]) <= 2
    assert all(set(r) == LISTED | {"score"} for r in related["related"])
    assert HEARING not in {r["slug"] for r in related["related"]}


def test_tags_tag_latest_and_random(library: list[str], capsys) -> None:
    tags = run_json(capsys, *library, "tags")["tags"]
    assert tags[0] == {"tag": "environment", "count": 7}
    assert {"tag": "community", "count": 5} in tags
    assert [t["count"] for t in tags] == sorted((t["count"] for t in tags), reverse=True)

    tag = run_json(capsys, *library, "tag", "envronment")  # typo forgiven
    assert tag["tag"] == "environment" and len(tag["articles"]) == 7
    assert all(set(a) == LISTED and "environment" in a["tags"] for a in tag["articles"])
    dates = [a["date"] for a in tag["articles"]]
    assert dates == sorted(dates, reverse=True)  # newest first

    latest = run_json(capsys, *library, "latest", "3")["articles"]
    assert len(latest) == 3 and latest[0]["title"].startswith("Coral nursery")
    assert [a["date"] for a in latest] == sorted((a["date"] for a in latest), reverse=True)

    for _ in range(3):
        shown = run_json(capsys, *library, "random", "health")
        assert set(shown) == SHOWN and "health" in shown["tags"]


def test_reading_commands_as_text(library: list[str], capsys) -> None:
    code, out, _ = run(capsys, *library, "quote", "repair café toasters")
    assert code == 0 and out.startswith("“") and "from Repair café" in out
    code, out, _ = run(capsys, *library, "tag", "environment")
    assert out.splitlines()[0] == "tag environment: 7 articles"
    assert len([line for line in out.splitlines() if line.startswith("- ")]) == 7
    code, out, _ = run(capsys, *library, "related", "hearing aids")
    assert out.startswith("related to Hearing aids") and len(out.splitlines()) >= 2
    code, out, _ = run(capsys, *library, "random")
    assert code == 0 and "min read" in out
    code, out, _ = run(capsys, *library, "tags")
    assert out.split()[:2] == ["7", "environment"]


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["summary", "zzzz", "qqqq"], "no article titled 'zzzz qqqq'"),
        (["quote", "zzzz qqqq xxxx"], "no article titled"),
        (["related", "nothing like this at all zzzz"], "no article titled"),
        (["tag", "zzzzqqq"], "no tag like 'zzzzqqq'"),
        (["random", "zzzzqqq"], "no tag like 'zzzzqqq'"),
    ],
)
def test_a_user_error_is_one_line_and_exit_2(
    library: list[str], capsys, command: list[str], message: str
) -> None:
    code, out, err = run(capsys, *library, *command)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


def test_an_empty_library_has_no_quote_or_random_article(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    args = ["--content", str(tmp_path / "empty"), "--db", str(tmp_path / "e.db")]
    for command in ("quote", "random"):
        code, _, err = run(capsys, *args, command)
        assert code == 2 and err == "error: the library is empty\n"
    assert run_json(capsys, *args, "latest")["articles"] == []


def test_picks_preview(library: list[str], capsys) -> None:
    preview = run_json(capsys, *library, "picks", "preview", "--guild", "42", "--days", "3")
    assert preview["guild"] == 42 and preview["time"] == "09:00"
    assert len(preview["picks"]) == 3
    slugs = [p["slug"] for p in preview["picks"]]
    assert all(slugs) and len(set(slugs)) == 3  # no article twice within the repeat window
    code, out, _ = run(capsys, *library, "picks", "preview", "--guild", "42", "--days", "2")
    assert code == 0 and out.startswith("next 2 picks for guild 42")
    code, _, err = run(capsys, *library, "picks", "preview", "--guild", "42", "--days", "0")
    assert code == 2 and "days must be" in err
