"""A file renamed between two reloads (lib25, journey25): said as renamed, never as an
article removed and another added; and a renamed file that fails to parse keeps serving
the article its old name last served well (a broken file never removes the good version)."""

from __future__ import annotations

import pytest

from bot.discord import render
from bot.library import workers
from bot.library.report import ReloadReport
from bot.library.sync import Library, RemovalRefused
from bot.search.engine import SearchEngine
from bot.terminal import report_lines
from tests.test_reload_report import BROKEN
from tests.test_sync import article, write


async def test_a_renamed_file_is_said_renamed_not_added_and_removed(lib: Library) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha", "alpha"))
    write(root, "other.md", article("Other", "other"))
    await lib.reload()
    (root / "a.md").rename(root / "b.md")
    report = await lib.reload()
    assert (report.added, report.removed, report.removed_paths) == (0, 0, [])
    assert report.moved == [("a.md", "b.md")]
    assert (1, "renamed") in report.counts() and report.unchanged == 1
    assert "  renamed a.md -> b.md" in report_lines(report)
    embed = render.reload_embed(report)
    names = [f.name for f in embed.fields]
    assert "Removed" not in names and "Renamed" in names
    assert (await lib.store.article("alpha")).title == "Alpha"
    assert report.as_json()["renamed_files"] == [{"from": "a.md", "to": "b.md"}]


async def test_a_file_renamed_and_broken_in_one_reload_keeps_its_last_good_version(
    lib: Library,
) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha", "alpha"))
    write(root, "other.md", article("Other", "other"))
    await lib.reload()
    (root / "a.md").unlink()
    # The same file renamed, its YAML broken by an edit: its title line still names it.
    write(root, "b.md", "---\ntitle: 'Alpha'\nslug: alpha\ntags: [unclosed\n---\nbody")
    report = await lib.reload()
    assert (report.removed, report.removed_paths) == (0, [])
    assert [(f.path, f.kept) for f in report.failed] == [("b.md", True)]
    assert "renamed from a.md" in report.failed[0].error
    assert (await lib.store.article("alpha")).title == "Alpha"  # still served
    again = await lib.reload()  # still broken: still failing, still served
    assert [(f.path, f.kept) for f in again.failed] == [("b.md", True)]
    assert (await lib.store.article("alpha")).title == "Alpha"
    write(root, "b.md", article("Alpha fixed", "alpha"))
    fixed = await lib.reload()
    assert (fixed.updated, fixed.added, fixed.failed) == (1, 0, [])
    assert (await lib.store.article("alpha")).title == "Alpha fixed"
    (root / "b.md").unlink()
    gone = await lib.reload()
    assert (gone.removed, gone.removed_paths) == (1, ["b.md"])
    assert await lib.store.article("alpha") is None


async def test_a_deleted_file_and_a_new_one_of_other_content_are_no_rename(
    lib: Library,
) -> None:
    root = lib.content_dir
    for name in ("a", "c", "d"):
        write(root, f"{name}.md", article(name.upper(), name))
    await lib.reload()
    (root / "a.md").unlink()
    write(root, "b.md", article("B", "b"))
    report = await lib.reload()
    assert (report.added, report.removed, report.moved) == (1, 1, [])
    assert report.removed_paths == ["a.md"]
    assert await lib.store.article("a") is None


async def test_two_deleted_and_two_new_broken_files_are_not_guessed_apart(
    lib: Library,
) -> None:
    root = lib.content_dir
    for name in ("a", "b", "c", "d", "e"):
        write(root, f"{name}.md", article(name.upper(), name))
    await lib.reload()
    (root / "a.md").unlink()
    (root / "b.md").unlink()
    write(root, "x.md", BROKEN)
    write(root, "y.md", BROKEN)
    report = await lib.reload()
    # Which broken file was which article cannot be told: removed, as before.
    assert (report.removed, report.moved) == (2, [])
    assert [(f.path, f.kept) for f in report.failed] == [("x.md", False), ("y.md", False)]


async def test_a_file_renamed_and_edited_keeping_its_slug_is_said_renamed(lib: Library) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha", "alpha"))
    write(root, "other.md", article("Other", "other"))
    await lib.reload()
    (root / "a.md").unlink()
    write(root, "b.md", article("Alpha, edited", "alpha"))
    report = await lib.reload()
    assert (report.added, report.removed, report.moved) == (0, 0, [("a.md", "b.md")])
    assert (await lib.store.article("alpha")).title == "Alpha, edited"


async def test_a_deleted_file_and_an_unrelated_broken_one_are_no_rename(lib: Library) -> None:
    root = lib.content_dir
    for name in ("a", "c", "d"):
        write(root, f"{name}.md", article(name.upper(), name))
    await lib.reload()
    (root / "a.md").unlink()
    write(root, "b.md", BROKEN)  # names no gone article
    report = await lib.reload()
    assert (report.removed, report.moved) == (1, [])
    assert [(f.path, f.kept) for f in report.failed] == [("b.md", False)]
    assert await lib.store.article("a") is None


async def test_a_copy_replaced_by_another_copy_takes_the_gone_copys_slug(lib: Library) -> None:
    """The release smoke's sequence (docker_smoke.sh's reload_check twice): a copy of an
    article under another title is added (its slug taken: 'alpha-2'), then removed while a
    second copy is added. The second copy is given 'alpha-2' too, which the gone copy's
    article still held until the new files were read: the reload failed on the cache's
    unique slug ("UNIQUE constraint failed: articles.slug") and every later one with it."""
    root = lib.content_dir
    write(root, "a.md", article("Alpha", "alpha"))
    await lib.reload()
    write(root, "copy1.md", article("Smoke one", "alpha"))
    first = await lib.reload()
    assert first.added == 1 and (await lib.store.article("alpha-2")).title == "Smoke one"
    (root / "copy1.md").unlink()
    write(root, "copy2.md", article("Smoke two", "alpha"))
    second = await lib.reload()
    assert (await lib.store.article("alpha-2")).title == "Smoke two"
    assert (await lib.store.article("alpha")).title == "Alpha"
    assert second.failed == []
    assert (await lib.reload()).failed == []  # and the next reload runs


async def test_a_file_renamed_and_edited_without_a_frontmatter_slug_is_said_renamed(
    lib: Library,
) -> None:
    """hard26: renamed and edited in one reload, its slug from its path: its title (or its
    `link:`) is the same article's, one gone and one new alone. It was 1 added, 1 removed."""
    root = lib.content_dir
    write(root, "a.md", article("Alpha", link="https://example.com/alpha"))
    write(root, "other.md", article("Other"))
    await lib.reload()
    (root / "a.md").unlink()
    write(root, "b.md", article("Alpha", body="<p>Edited.</p>", link="https://example.com/alpha"))
    report = await lib.reload()
    assert (report.added, report.removed, report.moved) == (0, 0, [("a.md", "b.md")])
    # The slug follows the path, as for a rename of the same bytes (README: slug).
    assert (await lib.store.article("b")).title == "Alpha"
    # The old slug names the article under its new one (hard27: the alias table).
    assert (await lib.store.article("a")).slug == "b"
    (root / "b.md").unlink()  # its title edited too: its link still names it
    write(root, "c.md", article("Alpha, retitled", link="https://example.com/alpha"))
    report = await lib.reload()
    assert (report.added, report.removed, report.moved) == (0, 0, [("b.md", "c.md")])


async def test_a_title_two_gone_or_two_new_files_share_pairs_nothing(lib: Library) -> None:
    root = lib.content_dir
    for name in ("a", "b", "c", "d", "e"):
        write(root, f"{name}.md", article("Weekly notes" if name in "ab" else name.upper()))
    await lib.reload()
    (root / "a.md").unlink()
    (root / "b.md").unlink()
    write(root, "x.md", article("Weekly notes", body="<p>New notes.</p>"))
    report = await lib.reload()
    # Which gone file it was cannot be told: added and removed, as before.
    assert (report.added, report.removed, report.moved) == (1, 2, [])


async def test_renaming_every_file_is_no_mass_removal(lib: Library) -> None:
    """hard26: an export re-run renaming every file (the same bytes, or edited) was
    refused as a reload removing all the articles (MAX_REMOVAL_SHARE); a rename removes
    nothing. A real mass removal, or a folder swapped for other articles, still is."""
    root = lib.content_dir
    for i in range(6):
        write(root, f"f{i}.md", article(f"Title {i}"))
    await lib.reload()
    for i in range(6):
        (root / f"f{i}.md").rename(root / f"g{i}.md")
    write(root, "g0.md", article("Title 0", body="<p>Edited.</p>"))  # one edited as well
    report = await lib.reload()
    assert (report.added, report.removed, len(report.moved)) == (0, 0, 6)
    lines = report_lines(report)
    assert lines[1:] == [f"  renamed f{i}.md -> g{i}.md" for i in range(6)]
    for i in range(4):
        (root / f"g{i}.md").unlink()
    with pytest.raises(RemovalRefused, match="remove 4 of the 6 articles"):
        await lib.reload()
    for i in range(4, 6):
        (root / f"g{i}.md").unlink()
    for i in range(6):
        write(root, f"o{i}.md", article(f"Other {i}"))
    with pytest.raises(RemovalRefused, match="remove 6 of the 6 articles"):
        await lib.reload()
    assert await lib.store.count() == 6  # refused: unchanged
    assert (await lib.store.article("g5")).title == "Title 5"


@pytest.mark.parametrize("edited", [False, True])
async def test_answers_follow_a_renamed_file(lib: Library, edited: bool) -> None:
    """hard26: a reload whose only change was a rename counted nothing added, changed or
    removed, so the search index was not rebuilt: it still held the gone article's id, and
    members were answered from the deleted article (the store's recent-articles memory) or
    found nothing, until another reload changed something."""
    root = lib.content_dir
    quokkas = "<p>The keepers trained a flock of {} quokkas to greet visitors.</p>"
    write(root, "a.md", article("Lighthouse quokkas", "quokkas", quokkas.format("twelve")))
    write(root, "other.md", article("Other"))
    await lib.reload()
    engine = SearchEngine(lib)
    engine.follow_reloads()
    await engine.warm()
    assert (await engine.ask("how many quokkas did the keepers train?")).article.path == "a.md"
    (root / "a.md").unlink()
    count = "thirty" if edited else "twelve"
    write(root, "b.md", article("Lighthouse quokkas", "quokkas", quokkas.format(count)))
    report = await lib.reload()
    assert report.moved == [("a.md", "b.md")] and (report.added, report.updated) == (0, 0)
    await engine.refreshed()
    answer = await engine.ask("how many quokkas did the keepers train?")
    assert answer.article is not None and answer.article.path == "b.md"
    assert count in answer.article.text
    hits = (await engine.search("lighthouse quokkas")).hits
    assert [h.slug for h in hits] == ["quokkas"]


def test_the_command_line_names_the_first_renamed_files() -> None:
    """An export re-run renaming 18,817 files printed 18,817 lines (hard26): the first 10,
    then how many more, as removed files."""
    report = ReloadReport(moved=[(f"a{i}.md", f"b{i}.md") for i in range(25)], moved_served=25)
    lines = report_lines(report)
    assert lines[1:] == [f"  renamed a{i}.md -> b{i}.md" for i in range(10)] + [
        "  … and 15 more renamed"
    ]


async def test_a_removal_no_new_file_can_save_is_refused_before_any_parse(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Removals are counted once the new files are read (a rename removes nothing); with
    too few new files to be renames enough, the reload is refused before parsing them."""
    root = lib.content_dir
    for i in range(6):
        write(root, f"f{i}.md", article(f"Title {i}"))
    await lib.reload()
    for i in range(5):
        (root / f"f{i}.md").unlink()
    write(root, "new.md", article("New"))

    def parse(*args: object) -> list:
        raise AssertionError("parsed before refusing")

    monkeypatch.setattr(workers, "read_and_parse", parse)
    with pytest.raises(RemovalRefused, match="remove at least 4 of the 6 articles"):
        await lib.reload()
