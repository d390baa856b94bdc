"""A clipped question word matches the whole word its articles write (clipped.py)."""

from __future__ import annotations

from pathlib import Path

from bot.search.clipped import _clipping
from bot.search.policy import DEFAULT
from tests.conftest import assert_rule_decides, dated_post

# Two posts write "dir" beside "directory": the library's own evidence of what "dir" stands
# for. The post answering writes only "directory"; a post on locking that never names a
# directory says "locking", "broken" and "Windows" more often.
POSTS = {
    "a.md": dated_post(
        "cachekit-2-1",
        "Cachekit 2.1 notes",
        "2024-02-01",
        "Cachekit now keeps its cache dir inside the target directory.",
        "Set another dir with a flag; the directory must exist first.",
    ),
    "b.md": dated_post(
        "buildtool-paths",
        "Paths in Buildtool",
        "2024-02-10",
        "Buildtool writes every artifact to an output dir.",
        "The output directory is cleared before each job, so pick a dir per job.",
    ),
    "c.md": dated_post(
        "shedkit-0-4",
        "Shedkit 0.4 fixes",
        "2024-03-01",
        "Shedkit 0.4 ships three fixes.",
        "Locking the build directory was broken on Windows: two jobs could share it.",
        "The manual gains a page on plugins.",
    ),
    "d.md": dated_post(
        "shedkit-0-3",
        "Shedkit 0.3 notes",
        "2024-01-15",
        "Locking was broken on Windows and on Linux in Shedkit 0.2.",
        "Locking is now retried on Windows, and locking errors name the file.",
    ),
}


async def test_a_clipped_word_finds_the_post_writing_it_whole(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        POSTS,
        "was dir locking broken on windows",
        ("shedkit-0-4", "directory"),
        DEFAULT.with_(clipped_share=0.0),
        "shedkit-0-3",
    )


def test_only_a_short_word_english_lacks_may_be_clipped() -> None:
    assert _clipping("dir", DEFAULT) == "dir"
    assert _clipping("deps", DEFAULT) == "dep"  # a plural "s" aside
    assert _clipping("hand", DEFAULT) is None  # an English word is itself
    assert _clipping("go", DEFAULT) is None  # too short to say which word
    assert _clipping("kubernetes", DEFAULT) is None  # a whole word
    assert _clipping("1.22", DEFAULT) is None
