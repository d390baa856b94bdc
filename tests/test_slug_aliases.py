"""A renamed file's old slug (hard27): a file without a frontmatter `slug:` takes its new
name's slug when renamed, and the links, buttons, picks history and conversations naming
the old one found nothing. The cache keeps old slug -> new slug, flat across chained
renames, dropped once an article holds the old slug again or the article is gone. And a
file moved with its bytes unchanged is moved, not parsed again (a folder renamed)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.library import workers
from bot.library.model import Article
from bot.library.sync import Library
from bot.picks import PickCandidate
from bot.picks.service import PicksService
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.rank import slug_digest
from bot.store.state import open_state
from tests.test_reload_report import BROKEN
from tests.test_sync import article, write


async def every_article(lib: Library) -> dict[str, Article]:
    assert lib.store is not None
    await lib.store.content_version()  # (the readers' memory of articles follows it)
    metas = await lib.store.all_meta()
    found = await lib.store.articles_by_id([m.id for m in metas])
    return {a.slug: a for a in found.values()}


async def aliases(lib: Library) -> dict[str, str]:
    assert lib.store is not None
    return await lib.store.slug_aliases()


async def test_an_old_slug_names_the_renamed_article(lib: Library) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha"))
    write(root, "other.md", article("Other"))
    await lib.reload()
    (root / "a.md").rename(root / "b.md")
    await lib.reload()
    assert (await lib.store.article("a")).slug == "b"
    assert await aliases(lib) == {"a": "b"}


async def test_chained_renames_resolve_to_the_last_slug(lib: Library) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha"))
    write(root, "other.md", article("Other"))
    await lib.reload()
    (root / "a.md").rename(root / "b.md")
    await lib.reload()
    (root / "b.md").rename(root / "c.md")
    await lib.reload()
    assert await aliases(lib) == {"a": "c", "b": "c"}
    assert (await lib.store.article("a")).path == "c.md"
    # Renamed back: `a` is the article's own slug again, and no alias points at itself.
    (root / "c.md").rename(root / "a.md")
    await lib.reload()
    assert await aliases(lib) == {"b": "a", "c": "a"}
    assert (await lib.store.article("a")).path == "a.md"


async def test_an_alias_is_dropped_when_an_article_takes_its_slug_or_its_article_goes(
    lib: Library,
) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha"))
    write(root, "other.md", article("Other"))
    write(root, "x.md", article("Ex"))
    await lib.reload()
    (root / "a.md").rename(root / "b.md")
    (root / "x.md").rename(root / "y.md")
    await lib.reload()
    write(root, "a.md", article("Another article"))  # a new file takes `a`
    (root / "y.md").unlink()  # the article `x` was renamed to is removed
    await lib.reload()
    assert (await lib.store.article("a")).title == "Another article"
    assert await lib.store.article("x") is None
    assert await aliases(lib) == {}


async def test_a_slug_edited_in_the_frontmatter_keeps_the_old_one_as_an_alias(
    lib: Library,
) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha", "first"))
    write(root, "other.md", article("Other"))
    await lib.reload()
    write(root, "a.md", article("Alpha", "second"))
    await lib.reload()
    assert await aliases(lib) == {"first": "second"}


async def test_members_naming_the_old_slug_find_the_article(lib: Library) -> None:
    """/article <old slug>, a button made before the rename (slug and digest forms), a
    conversation about the article ("who wrote it?") and the related articles."""
    root = lib.content_dir
    write(root, "a.md", article("Lighthouse quokkas", author="Ann Keeper"))
    write(root, "other.md", article("Other"))
    await lib.reload()
    engine = SearchEngine(lib)
    engine.follow_reloads()
    await engine.warm()
    (root / "a.md").rename(root / "b.md")
    await lib.reload()
    await engine.refreshed()
    assert (await engine.find("a")).slug == "b"
    assert await engine.slug_of_digest(slug_digest("a")) == "b"
    answer = await engine.ask("who wrote it?", Topic("a"))
    assert answer.article is not None and answer.article.slug == "b"


async def test_picks_history_follows_a_renamed_slug() -> None:
    picked = datetime(2026, 12, 1, tzinfo=UTC)

    class State:
        async def last_pick_times(self, guild_id: int) -> dict[str, datetime]:
            return {"a": picked}

    async def renamed() -> dict[str, str]:
        return {"a": "b"}

    async def candidates(tags: list[str] | None) -> list:
        return []

    service = PicksService(
        State(),  # type: ignore[arg-type]
        candidates,
        lambda: picked,
        renamed=renamed,
    )
    assert await service._history(1) == {"b": picked}


async def test_picks_now_names_a_renamed_article_by_its_old_slug(tmp_path: Path) -> None:
    async def renamed() -> dict[str, str]:
        return {"a": "b"}

    async def candidates(tags: list[str] | None) -> list[PickCandidate]:
        return [PickCandidate("b", "Beta"), PickCandidate("c", "Gamma")]

    async with await open_state(f"sqlite:///{tmp_path}/state.db") as state:
        service = PicksService(
            state, candidates, lambda: datetime(2026, 12, 1, tzinfo=UTC), renamed=renamed
        )
        await service.set_channel(1, 2)
        assert (await service.now(1, slug="a")).title == "Beta"


def _no_parse(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = workers.read_and_parse

    def counting(root: str, items: list, max_bytes: int) -> list:
        parsed.extend(item[0] for item in items)
        return real(root, items, max_bytes)

    monkeypatch.setattr(workers, "read_and_parse", counting)
    return parsed


async def test_a_folder_moved_whole_is_moved_not_parsed(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = lib.content_dir
    for i in range(6):
        write(root, f"2010/f{i}.md", article(f"Title {i}", body=f"<p>Text {i} here.</p>"))
    write(root, "2010/kept.md", article("Kept slug", "kept-slug"))
    await lib.reload()
    before = await every_article(lib)
    (root / "2010").rename(root / "archive-2010")
    write(root, "archive-2010/f0.md", article("Title 0", body="<p>Edited.</p>"))
    parsed = _no_parse(monkeypatch)
    report = await lib.reload()
    assert parsed == ["archive-2010/f0.md"]  # the edited one alone
    assert (report.added, report.removed, report.moved_served, len(report.moved)) == (0, 0, 7, 7)
    after = await every_article(lib)
    assert after.keys() == before.keys()
    for slug, was in before.items():
        now = after[slug]
        assert now.path == "archive-" + was.path
        if slug != "f0":
            assert (now.text, now.sentences, now.title) == (was.text, was.sentences, was.title)
    # Read again by the next reload as unchanged: its files row is the new path's.
    again = await lib.reload()
    assert (again.unchanged, again.added, again.updated) == (7, 0, 0)


async def test_a_moved_file_takes_its_new_names_slug_unparsed(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha"))
    write(root, "other.md", article("Other"))
    await lib.reload()
    (root / "sub").mkdir()
    (root / "a.md").rename(root / "sub" / "b.md")
    parsed = _no_parse(monkeypatch)
    await lib.reload()
    assert parsed == []
    moved = await lib.store.article("b")
    assert moved is not None and moved.path == "sub/b.md" and moved.title == "Alpha"
    assert await aliases(lib) == {"a": "b"}


async def test_a_gone_file_that_failed_is_not_moved_as_good(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bytes of a file that failed (its last good article kept) are broken bytes: the
    same bytes under a new name are parsed (and fail), never served as the good version."""
    root = lib.content_dir
    write(root, "a.md", article("Alpha"))
    write(root, "other.md", article("Other"))
    await lib.reload()
    write(root, "a.md", BROKEN)
    await lib.reload()
    (root / "a.md").rename(root / "b.md")
    (root / "other.md").rename(root / "other2.md")  # moved unparsed, beside it
    parsed = _no_parse(monkeypatch)
    report = await lib.reload()
    assert parsed == ["b.md"]
    assert [(f.path, f.kept) for f in report.failed] == [("b.md", True)]
