"""The command line contract: names, JSON shapes, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ASK_JSON_KEYS, CONTENT, ROOT, unprivileged


def run(
    *args: str,
    stdin: str | None = None,
    cwd: Path = ROOT,
    prefix: list[str] | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **(env or {})},
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

    folder = tmp_path / "folder.db"  # not a file SQLite can open
    folder.mkdir()
    bad = run("--content", lib_args[1], "--db", str(folder), "stats")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("error:") and bad.stderr.count("\n") == 1


def test_search_and_ask_json_and_batch(lib_args: list[str]) -> None:
    run(*lib_args, "reload")
    out = run(*lib_args, "search", "repair cafe toasters", "--json", "--limit", "3")
    data = json.loads(out.stdout)
    assert set(data) == {"query", "results", "suggestions", "corrected"}
    assert data["corrected"] is None  # nothing to correct
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
    assert set(lines[0]) == ASK_JSON_KEYS
    assert lines[0]["confidence"] == "high" and lines[1]["confidence"] is None


def test_a_search_found_through_corrected_words_says_what_it_searched(
    lib_args: list[str],
) -> None:
    out = run(*lib_args, "search", "sodim sulfr batery", "--json")
    data = json.loads(out.stdout)
    assert data["corrected"] == "sodium sulfur battery"
    assert data["results"][0]["title"].startswith("New sodium-sulfur battery")
    text = run(*lib_args, "search", "sodim sulfr batery").stdout
    assert text.startswith("showing results for 'sodium sulfur battery'\n")


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


def test_a_corrupt_state_database_fails_fast(lib_args: list[str], tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    state.write_bytes(os.urandom(20_000))
    assert run(*lib_args, "reload").returncode == 0
    out = run(
        *lib_args,
        "picks",
        "preview",
        "--guild",
        "1",
        env={"STATE_DATABASE_URL": f"sqlite:///{state}"},
        timeout=30,
    )
    assert out.returncode == 2, out.stderr
    assert out.stderr.startswith("error: cannot open state database") and _one_line(out.stderr)


def _one_line(stderr: str) -> bool:
    return stderr.count("\n") == 1 and "Traceback" not in stderr


def test_a_read_only_data_folder_or_cache_is_one_line(lib_args: list[str], tmp_path: Path) -> None:
    prefix = unprivileged()
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o555)
    try:  # a fresh, read-only data folder: nothing can be created there
        for command in (["reload"], ["search", "salmon"], ["stats"]):
            out = run(*lib_args, *command, prefix=prefix)
            assert out.returncode == 2, out.stderr
            assert out.stderr.startswith("error:") and _one_line(out.stderr), out.stderr
    finally:
        data.chmod(0o755)
    assert run(*lib_args, "reload").returncode == 0
    cache = data / "articles.db"
    cache.chmod(0o444)  # a read-only cache file: reading works, a reload says why not
    try:
        (Path(lib_args[1]) / "new.md").write_text("---\ntitle: Zeppelins\n---\nZeppelins.\n")
        out = run(*lib_args, "reload", prefix=prefix)
        assert out.returncode == 2 and _one_line(out.stderr), out.stderr
        assert "read-only" in out.stderr or "readonly" in out.stderr
        found = run(*lib_args, "search", "salmon", "--json", prefix=prefix)
        assert found.returncode == 0 and json.loads(found.stdout)["results"], found.stderr
    finally:
        cache.chmod(0o644)


def test_a_state_folder_that_does_not_exist_is_said(lib_args: list[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/typo/state.db"
    assert run(*lib_args, "reload").returncode == 0
    out = run(*lib_args, "picks", "preview", "--guild", "1", env={"STATE_DATABASE_URL": url})
    assert out.returncode == 0, out.stderr
    assert f"{tmp_path}/typo" in out.stderr and "STATE_DATABASE_URL" in out.stderr
    assert out.stderr.count("\n") == 1


@pytest.mark.parametrize("where", ["header", "middle"])
def test_a_corrupt_cache_is_moved_aside_and_rebuilt(lib_args: list[str], where: str) -> None:
    assert run(*lib_args, "reload").returncode == 0
    cache = Path(lib_args[3])
    size = cache.stat().st_size
    with cache.open("r+b") as f:  # derived data, damaged: a bad disk, a killed copy
        f.seek(0 if where == "header" else size // 2)
        f.write(os.urandom(16384))
    # Without its saved search index, the search reads every article's light columns (as
    # after an upgrade) and so meets the damage; with it, it may never read those pages.
    Path(f"{cache}.index").unlink()
    out = run(*lib_args, "search", "salmon", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["results"], "the rebuilt cache answers"
    # One line says what happened (then, maybe, "building the article cache …").
    assert "corrupt" in out.stderr.splitlines()[0] and "Traceback" not in out.stderr
    assert len(out.stderr.splitlines()) <= 2, out.stderr
    assert Path(f"{cache}.corrupt").exists()
    again = run(*lib_args, "stats", "--json")
    assert again.returncode == 0 and again.stderr == ""
    assert json.loads(again.stdout)["articles"] == 14


def test_batch_answers_each_line_as_it_arrives(lib_args: list[str]) -> None:
    import selectors

    run(*lib_args, "reload")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", *lib_args, "ask", "-", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ)
            for question in ("salmon", "heat pumps"):
                # A program that sends one line and waits for its answer must get it.
                proc.stdin.write(question.encode() + b"\n")
                proc.stdin.flush()
                assert sel.select(timeout=30), f"no answer to {question!r} while stdin is open"
                assert json.loads(proc.stdout.readline())["question"] == question
    finally:
        proc.stdin.close()
        proc.wait(60)
    assert proc.returncode == 0


def test_batch_survives_a_line_that_is_not_utf8(lib_args: list[str]) -> None:
    run(*lib_args, "reload")
    out = subprocess.run(
        [sys.executable, "-m", "bot", *lib_args, "search", "-", "--json"],
        input=b"salmon\n\xff\xfe broken \xc3\nheat pumps\n",
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8:strict"},
    )
    assert out.returncode == 0, out.stderr.decode()
    answers = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
    assert [a["query"] for a in answers] == ["salmon", "\ufffd\ufffd broken \ufffd", "heat pumps"]
    assert answers[0]["results"] and answers[2]["results"]


def test_an_answer_without_a_summary_has_one_blank_line_before_its_quote() -> None:
    """`ask` in text form: stock27 left some Rust release posts with no summary, and the
    passage and the quote were two blank lines apart ("what changed in rust 1.76")."""
    from bot.cli_output import answer_text

    data = {
        "article": {"title": "Announcing Rust 1.76.0", "link": "https://blog.example/1.76"},
        "answer": "Many people came together to create Rust 1.76.0.",
        "summary": None,
        "quote": {"text": "A large part of that is compatibility.", "speaker": None},
        "alternatives": [{"title": "1.76.0 pre-release testing"}],
    }
    assert answer_text(data).splitlines() == [
        "Announcing Rust 1.76.0",
        "",
        "> Many people came together to create Rust 1.76.0.",
        "",
        "“A large part of that is compatibility.”",
        "",
        "https://blog.example/1.76",
        "  see also: 1.76.0 pre-release testing",
    ]
    summed = answer_text({**data, "summary": "What 1.76 changed."}, "Closest match")
    assert summed.splitlines()[:6] == [
        "Closest match",
        "Announcing Rust 1.76.0",
        "",
        "> Many people came together to create Rust 1.76.0.",
        "",
        "What 1.76 changed.",
    ]
