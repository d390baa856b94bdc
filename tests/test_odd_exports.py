"""Files a real export may hold that gave an unclear error or stopped the reload (lib24):
a name that is not UTF-8, a UTF-16 file, a title that is there but not text, HTML nested
past what the reader can walk. Each is reported with a reason an admin can act on, and
the reload goes on with the rest."""

from __future__ import annotations

import os

import pytest

from bot.library.parse import ArticleError, parse_article
from bot.library.sync import Library
from tests.test_sync import article, write


async def test_a_name_that_is_not_utf8_is_reported_and_the_reload_goes_on(lib: Library) -> None:
    root = lib.content_dir
    write(root, "good.md", article("Good", "good"))
    bad_name = os.fsencode(root) + b"/caf\xe9.md"  # Latin-1, as an old archive unpacks
    bad_dir = os.fsencode(root) + b"/r\xe9sum\xe9s"
    try:
        _write_bytes(bad_name, article("Named in Latin-1", "latin").encode())
        os.mkdir(bad_dir)
        _write_bytes(bad_dir + b"/inside.md", article("Inside", "inside").encode())
    except OSError as exc:  # a file system that only takes UTF-8 names
        pytest.skip(f"cannot make a non-UTF-8 name here: {exc}")
    for _ in range(2):  # the second, a no-change reload, says the same
        report = await lib.reload()
        assert report.added + report.unchanged == 1
        assert [(f.path, f.error) for f in report.failed] == [
            ("caf\ufffd.md", "its name is not valid UTF-8: rename it"),
            ("r\ufffdsum\ufffds", "its name is not valid UTF-8: rename it"),
        ]
    assert (await lib.store.article("good")).title == "Good"


def _write_bytes(path: bytes, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("---\ntitle: Hi\n---\n<p>x</p>".encode("utf-16"), "UTF-16 text, not UTF-8"),
        (b"---\ntitle: [a, b]\n---\n<p>x</p>", "`title:` is a list, not text"),
        (b"---\ntitle: {a: 1}\n---\n<p>x</p>", "`title:` is a mapping, not text"),
        (b"---\ntitle: ''\n---\n<p>x</p>", "`title:` is empty"),
        (b"---\nauthor: Ann\n---\n<p>x</p>", "the frontmatter has no `title:`"),
    ],
)
def test_a_file_without_a_usable_title_or_encoding_says_which(raw: bytes, reason: str) -> None:
    with pytest.raises(ArticleError) as caught:
        parse_article(raw, "a.md")
    assert reason in str(caught.value)


async def test_html_nested_too_deep_is_named_and_the_good_version_stays(lib: Library) -> None:
    root = lib.content_dir
    write(root, "deep.md", article("Deep", "deep"))
    write(root, "other.md", article("Other", "other"))
    await lib.reload()
    write(root, "deep.md", article("Deep", "deep", body="<div>" * 5000 + "<p>x.</p>"))
    report = await lib.reload()
    assert [(f.path, f.kept) for f in report.failed] == [("deep.md", True)]
    assert report.failed[0].error.startswith("HTML nested too deeply to read")
    assert (await lib.store.article("deep")).text == "Some text here."


async def test_a_symlinked_article_whose_target_is_gone_keeps_its_article(lib: Library) -> None:
    # An article linked from another drive or folder: while the target is out of reach
    # (unmounted, moved) the link dangles; that is not the article deleted.
    outside = lib.content_dir.parent / "elsewhere"
    target = write(outside, "linked.md", article("Linked", "linked"))
    write(lib.content_dir, "other.md", article("Other", "other"))
    (lib.content_dir / "linked.md").symlink_to(target)
    assert (await lib.reload()).added == 2
    target.rename(outside / "moved.md")
    for _ in range(2):  # and again, the link still dangling
        report = await lib.reload()
        assert [(f.path, f.kept) for f in report.failed] == [("linked.md", True)]
        assert "cannot be read" in report.failed[0].error and report.removed == 0
        assert (await lib.store.article("linked")).title == "Linked"
    (outside / "moved.md").rename(target)
    report = await lib.reload()
    assert report.failed == [] and report.updated == 1
    (lib.content_dir / "linked.md").unlink()
    report = await lib.reload()
    assert report.removed_paths == ["linked.md"]
    assert await lib.store.article("linked") is None


async def test_a_symlink_to_an_article_the_folder_holds_is_read_once(lib: Library) -> None:
    # "latest.md -> 2024/a.md", or a link to a file two links share: parsed twice, the
    # article was served twice (the second as "alpha-2", two hits for every search of it).
    root = lib.content_dir
    write(root, "2024/a.md", article("Alpha", "alpha"))
    write(root, "b.md", article("Beta", "beta"))
    (root / "latest.md").symlink_to("2024/a.md")
    (root / "sub").mkdir()
    (root / "sub" / "again.md").symlink_to("../2024/a.md")
    outside = write(root.parent / "elsewhere", "c.md", article("Gamma", "gamma"))
    (root / "c1.md").symlink_to(outside)
    (root / "c2.md").symlink_to(outside)
    for _ in range(2):  # and the same on a no-change reload
        report = await lib.reload()
        assert report.renamed == []
        assert [(f.path, f.error) for f in report.failed] == [
            ("c2.md", "symlink to the same file as c1.md: read once, as c1.md"),
            ("latest.md", "symlink to 2024/a.md, which the folder also holds: read once, as 2024/a.md"),
            ("sub/again.md", "symlink to 2024/a.md, which the folder also holds: read once, as 2024/a.md"),
        ]  # fmt: skip
    assert sorted(m.slug for m in await lib.store.all_meta()) == ["alpha", "beta", "gamma"]


async def test_a_symlink_into_a_linked_folder_is_read_once(lib: Library) -> None:
    # The target reached through a symlinked folder is scanned under the link's path.
    root = lib.content_dir
    shared = root.parent / "shared-posts"
    write(shared, "d.md", article("Delta", "delta"))
    (root / "posts").symlink_to(shared)
    (root / "pinned.md").symlink_to(shared / "d.md")
    report = await lib.reload()
    assert [f.path for f in report.failed] == ["pinned.md"]
    assert "posts/d.md" in report.failed[0].error
    assert [m.slug for m in await lib.store.all_meta()] == ["delta"]


async def test_a_file_over_the_size_limit_names_the_setting(lib: Library) -> None:
    # A page saved with its images inlined: the admin is told which setting reads it.
    write(lib.content_dir, "big.md", article("Big", "big", body="<p>" + "a" * 250_000 + "</p>"))
    lib.max_bytes = 200_000
    report = await lib.reload()
    assert [f.error for f in report.failed] == [
        "file is 0.3 MB, over the 0.2 MB limit (raise MAX_ARTICLE_BYTES to read it)"
    ]


def test_a_tab_indenting_the_frontmatter_is_named() -> None:
    # An editor shows the tab as spaces; "cannot start any token" did not say what to fix.
    with pytest.raises(ArticleError) as caught:
        parse_article(b"---\ntitle: Tabs\ntags:\n\t- news\n---\n<p>x</p>", "a.md")
    assert str(caught.value) == (
        "bad YAML in frontmatter at line 4: found character that cannot start any token"
        " (a tab indents it: YAML indents with spaces)"
    )
    with pytest.raises(ArticleError) as caught:  # a tab elsewhere in the line is no cause
        parse_article(b"---\ntitle: Tabs\ntags: [a\t, {\n---\n<p>x</p>", "a.md")
    assert "a tab indents it" not in str(caught.value)


@pytest.mark.parametrize(("written", "shown"), [("2021", "2021"), ("'2021-05'", "2021-05")])
def test_a_date_without_a_day_says_so_and_what_to_write(written: str, shown: str) -> None:
    # ISO 8601's reduced precision: no day is made up (a card would show 1 January), and
    # the warning says what is missing rather than "not understood".
    warnings: list[str] = []
    raw = f"---\ntitle: T\ndate: {written}\n---\n<p>x</p>".encode()
    assert parse_article(raw, "a.md", warnings=warnings).date is None
    assert warnings == [f"date '{shown}' gives no day: served undated (write it as YYYY-MM-DD)"]


async def test_an_empty_file_is_said_empty_and_keeps_its_last_good_version(lib: Library) -> None:
    """hard26: a 0-byte file (a save caught half-way) was "missing title (no YAML
    frontmatter at the top of the file)"."""
    content = lib.content_dir
    write(content, "a.md", article("Alpha", "alpha"))
    write(content, "blank.md", "  \n\n")
    await lib.reload()
    write(content, "a.md", b"")
    report = await lib.reload()
    said = {f.path: (f.error, f.kept) for f in report.failed}
    assert said == {
        "a.md": ("the file is empty", True),
        "blank.md": ("the file holds only blank lines", False),
    }
    assert (await lib.store.article("alpha")).title == "Alpha"
