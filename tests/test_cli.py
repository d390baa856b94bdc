"""The command line contract: names, JSON shapes, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CONTENT, ROOT, unprivileged


def run(
    *args: str, stdin: str | None = None, cwd: Path = ROOT, prefix: list[str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture
def lib_args(tmp_path: Path) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return ["--content", str(content), "--db", str(tmp_path / "data" / "articles.db")]


def test_reload_show_stats_json(lib_args: list[str]) -> None:
    out = run(*lib_args, "reload", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert {"added", "updated", "removed", "unchanged", "failed", "seconds"} <= set(report)
    assert report["added"] >= 12 and report["failed"] == []

    slug = "2025-02-08-repair-cafe-fixes-record-number-of-toasters"
    shown = json.loads(run(*lib_args, "show", slug, "--json").stdout)
    assert set(shown) == {
        "slug", "title", "author", "date", "link", "tags", "description", "summary", "quotes",
        "reading_minutes",
    }  # fmt: skip
    assert shown["slug"] == slug and shown["summary"] and shown["reading_minutes"] >= 1
    assert any(q["speaker"] == "Maria Okafor" for q in shown["quotes"])

    stats = json.loads(run(*lib_args, "stats", "--json").stdout)
    assert stats["articles"] == report["added"]
    assert {"tag": "community", "count": 5} in stats["tags"]
    assert stats["last_reload"]["added"] == report["added"]
    assert stats["failing"] == []


def test_human_reload_reports_broken_files(lib_args: list[str]) -> None:
    content = Path(lib_args[1])
    (content / "broken.md").write_text("---\ntitle: [oops\n---\n")
    out = run(*lib_args, "reload")
    assert out.returncode == 0
    assert "1 failed" in out.stdout and "broken.md" in out.stdout


def test_user_errors_exit_2_with_one_line(lib_args: list[str], tmp_path: Path) -> None:
    run(*lib_args, "reload")
    unknown = run(*lib_args, "show", "no-such-article")
    assert unknown.returncode == 2
    assert unknown.stderr.strip().count("\n") == 0 and "no-such-article" in unknown.stderr

    missing = run("--content", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.db"), "reload")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database" * 100)
    bad = run("--content", lib_args[1], "--db", str(garbage), "stats")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("error:")


def test_search_and_ask_json_and_batch(lib_args: list[str]) -> None:
    run(*lib_args, "reload")
    out = run(*lib_args, "search", "repair cafe toasters", "--json", "--limit", "3")
    data = json.loads(out.stdout)
    assert set(data) == {"query", "results", "suggestions"}
    assert data["results"][0]["slug"].endswith("repair-cafe-fixes-record-number-of-toasters")
    assert set(data["results"][0]) == {"slug", "title", "link", "date", "tags", "score"}
    assert 0 <= data["results"][0]["score"] <= 100

    batch = run(
        *lib_args,
        "ask",
        "-",
        "--json",
        stdin="how many toasters did the repair café fix?\nrecipe for banana bread\n",
    )
    lines = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [x["question"] for x in lines] == [
        "how many toasters did the repair café fix?",
        "recipe for banana bread",
    ]
    assert "212" in lines[0]["answer"]
    assert lines[1]["article"] is None and lines[1]["answer"] is None
    assert set(lines[0]) == {"question", "article", "answer", "summary", "quote", "alternatives"}


def test_first_query_builds_the_cache(lib_args: list[str]) -> None:
    out = run(*lib_args, "search", "heat pumps", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["results"]


def test_a_reload_of_an_emptied_folder_is_refused(lib_args: list[str]) -> None:
    assert run(*lib_args, "reload").returncode == 0
    for path in Path(lib_args[1]).glob("*.md"):  # what an unmounted volume looks like
        path.unlink()
    refused = run(*lib_args, "reload")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert "remove 14 of the 14 articles" in refused.stderr
    assert "--allow-removals" in refused.stderr
    assert json.loads(run(*lib_args, "stats", "--json").stdout)["articles"] == 14

    confirmed = run(*lib_args, "reload", "--allow-removals", "--json")
    assert confirmed.returncode == 0 and json.loads(confirmed.stdout)["removed"] == 14


def test_an_unreadable_folder_is_reported_and_its_articles_kept(lib_args: list[str]) -> None:
    prefix = unprivileged()
    content = Path(lib_args[1])
    sub = content / "sub"
    sub.mkdir()
    for path in sorted(content.glob("*.md"))[:3]:
        path.rename(sub / path.name)
    assert run(*lib_args, "reload").returncode == 0
    sub.chmod(0)
    try:
        out = run(*lib_args, "reload", "--json", prefix=prefix)
    finally:
        sub.chmod(0o755)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["removed"] == 0
    assert [f["path"] for f in report["failed"]] == ["sub/"]
    assert "Permission denied" in report["failed"][0]["error"]
    stats = json.loads(run(*lib_args, "stats", "--json").stdout)
    assert stats["articles"] == 14 and stats["stale"] == 3
