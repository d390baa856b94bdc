"""The search pipeline's seams: the parsed Query, one Policy (and SEARCH_POLICY), and
looking a title up ("find, else suggest")."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.search.lookup import extract_or_exact
from bot.search.parse import parse
from bot.search.policy import Policy, PolicyError, load_policy, policy_from_json
from bot.settings import Settings, SettingsError
from tests.conftest import CONTENT, ROOT

# -- parse ----------------------------------------------------------------------------------


def test_a_query_is_parsed_once_with_its_readings() -> None:
    q = parse("latest blog posts about the borrow checker")
    assert q.content == ("latest", "blog", "posts", "borrow", "checker")
    # Without the words naming what a library holds, then also without "latest".
    assert q.without_listing is not None
    assert q.without_listing.text == "latest about the borrow checker"
    plain = q.without_listing.without_recency
    assert plain is not None and plain.content == ("borrow", "checker")
    assert plain.raw == q.raw  # a reading answers what was typed
    assert parse("borrow checker").without_listing is None
    # The kind of question and whether it reads as one come with the query.
    who = parse("who designed the new borrow checker?")
    assert who.kind == "who" and who.asks
    assert not parse("tag:rust borrow checker").asks  # a filter: keywords
    assert parse("tag:rust borrow checker").tags == ("rust",)


# -- the policy -----------------------------------------------------------------------------


def test_a_policy_file_changes_only_the_fields_it_names(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"rerank_pool": 8, "keyword_mix": [1, 0.5, 0.5]}))
    policy = load_policy(path)
    assert policy.rerank_pool == 8 and policy.keyword_mix == (1.0, 0.5, 0.5)
    assert policy.search_threshold == Policy().search_threshold
    assert load_policy(None) == Policy()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"serch_threshold": 0.5}, "unknown search policy field 'serch_threshold'"),
        ({"search_threshold": "high"}, "search_threshold must be a number"),
        ({"rerank_pool": 8.5}, "rerank_pool must be a whole number"),
        ({"keyword_mix": [1, 2]}, "keyword_mix must be a list of 3 numbers"),
        ({"fts_budget": -1}, "fts_budget must not be negative"),
        ([1, 2], "a JSON object"),
    ],
)
def test_a_bad_policy_is_refused_in_one_line(data: object, message: str) -> None:
    with pytest.raises(PolicyError, match=message) as caught:
        policy_from_json(data)  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)


def test_search_policy_setting_is_checked_at_start(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(SettingsError, match="SEARCH_POLICY: cannot read search policy"):
        Settings.load(environ={"SEARCH_POLICY": str(missing)}, env_file=None)
    broken = tmp_path / "broken.json"
    broken.write_text("{rerank_pool: 8")
    with pytest.raises(SettingsError, match="is not JSON"):
        Settings.load(environ={"SEARCH_POLICY": str(broken)}, env_file=None)
    good = tmp_path / "good.json"
    good.write_text('{"answer_threshold": 0.6}')
    settings = Settings.load(environ={"SEARCH_POLICY": str(good)}, env_file=None)
    assert settings.policy().answer_threshold == 0.6
    assert Settings.load(environ={}, env_file=None).policy() == Policy()


async def test_a_stricter_policy_shows_fewer_results(bundled_library: Library) -> None:
    typo = "sodium sulfer battery"
    found = await SearchEngine(bundled_library).search(typo)
    assert [h.title for h in found.hits] == [
        "New sodium-sulfur battery survives 10,000 charge cycles"
    ]
    stricter = SearchEngine(bundled_library, policy=Policy(search_threshold=0.99))
    strict = await stricter.search(typo)
    assert strict.hits == []
    # Nothing confident: the correction and the near title are offered instead.
    assert strict.suggestions[0] == "sodium sulfur battery"


def test_the_cli_reads_search_policy_from_the_environment(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    strict = tmp_path / "strict.json"
    strict.write_text('{"search_threshold": 0.99}')

    def search(*env: tuple[str, str]) -> dict:
        out = subprocess.run(
            [sys.executable, "-m", "bot", "--content", str(content), "--db"]
            + [str(tmp_path / "articles.db"), "search", "heat pump", "--json"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **dict(env)},
        )
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    assert search()["results"]
    assert search(("SEARCH_POLICY", str(strict)))["results"] == []


# -- lookup -----------------------------------------------------------------------------------


def test_extract_or_exact_is_exact_else_one_clear_match_else_suggestions() -> None:
    rule = {"cutoff": 0.6, "margin": 0.02, "floor": 0.35, "limit": 2}
    assert extract_or_exact(["exact"], [("a", 0.9)], **rule) == ("exact", [])
    assert extract_or_exact([], [("a", 0.9), ("b", 0.7)], **rule) == ("a", [])
    assert extract_or_exact([], [("a", 0.9), ("b", 0.2)], **rule) == ("a", [])
    # Two about as close: neither is picked, both are suggested.
    assert extract_or_exact([], [("a", 0.9), ("b", 0.89), ("c", 0.8)], **rule) == (
        None,
        ["a", "b"],
    )
    # Nothing close enough to pick: the near ones are suggested, the far ones not.
    assert extract_or_exact([], [("a", 0.5), ("b", 0.3)], **rule) == (None, ["a"])
    assert extract_or_exact([], [], **rule) == (None, [])


async def test_find_or_suggest_finds_the_one_meant_or_the_closest_titles(
    bundled_library: Library,
) -> None:
    engine = SearchEngine(bundled_library)
    slug = "2025-02-08-repair-cafe-fixes-record-number-of-toasters"
    by_slug = await engine.find_or_suggest(slug)
    assert by_slug.article is not None and by_slug.article.slug == slug
    assert by_slug.suggestions == []
    typo = await engine.find_or_suggest("Repair cafe fixes a record numbr of toasters")
    assert typo.article is not None and typo.article.slug == slug
    # Two titles hold "record number": not sure which, so both are offered.
    both = await engine.find_or_suggest("record number", limit=2)
    assert both.article is None
    assert {c.title for c in both.suggestions} == {
        "Repair café fixes a record number of toasters",
        "Citizen scientists count a record number of garden birds",
    }
    assert await engine.find("record number") is None
    nothing = await engine.find_or_suggest("quantum chromodynamics")
    assert nothing.article is None and nothing.suggestions == []
    assert (await engine.find_or_suggest("   ")).suggestions == []
