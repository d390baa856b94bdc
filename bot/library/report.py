"""What a reload reports and the library's counts: plain data, apart from the article
model (bot/library/model.py) because a change here must not change what the cache stores:
the model's source is part of the parser's version, and a new version re-parses every
user's library."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FileFailure:
    """A file the reload could not use, with a one-line reason; `kept`: the article its
    last good version made is still served (until the file is fixed or removed)."""

    path: str
    error: str
    kept: bool = False


@dataclass(frozen=True, slots=True)
class FileWarning:
    """A file served, but with a frontmatter value dropped (a date not understood, tags
    that are not a list): one line saying what, and how the article is served."""

    path: str
    warning: str


@dataclass(frozen=True, slots=True)
class LibraryStats:
    """Counts for `stats` and `/status`."""

    articles: int
    tags: list[tuple[str, int]]
    files: int
    failing: list[FileFailure]
    stale: int
    last_reload: dict | None
    db_bytes: int
    # The files served with a frontmatter value dropped, by path (see ReloadReport.warned).
    warned: list[FileWarning] = field(default_factory=list)


# How many of the files whose articles a reload removed it names (the rest are counted):
# enough to recognise a folder moved away, short enough for a Discord field and the log.
REMOVED_NAMED = 10
# How many files served with warnings a reply names (the rest are counted): the CLI, the
# log line and a Discord field alike.
WARNED_NAMED = 5


@dataclass(slots=True)
class ReloadReport:
    """What one reload changed. Each file of the folder counts once: added, updated
    (changed), failed or unchanged; a file that fails is never "unchanged", even when it
    is the same broken file as last time. `removed` counts the articles whose file is gone,
    `removed_paths` names the first REMOVED_NAMED of those files (sorted). `moved`: files
    renamed since the last reload, (old path, new path), each counted once as renamed, not
    as an article removed and another added; one whose new file fails is counted failed.
    `renamed` lists slug clashes resolved by renaming. `warned`: the files served with a frontmatter value
    dropped (each file once, already counted as added, changed or unchanged): said by every
    reload while the file holds it, not only the one that read it (the cache keeps the
    warning with the file), so a no-change reload does not hide it."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[FileFailure] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    removed_paths: list[str] = field(default_factory=list)
    warned: list[FileWarning] = field(default_factory=list)
    moved: list[tuple[str, str]] = field(default_factory=list)
    # How many of `moved` are counted as renamed (the rest failed: kept by their failure).
    moved_served: int = 0
    # Whether the cached articles changed (one inserted, deleted or moved to another file):
    # what the search index follows. A rename changes them with nothing counted added,
    # changed or removed, and the index kept serving the gone article (hard26).
    articles_changed: bool = False

    @property
    def kept(self) -> int:
        """How many failing files' last good articles are still served."""
        return sum(1 for f in self.failed if f.kept)

    def counts(self) -> list[tuple[int, str]]:
        """(count, label) in the order every reply says them: one wording for the
        command line, the log and Discord."""
        return counts_of(self.as_json())

    def as_json(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "removed_paths": self.removed_paths,
            "unchanged": self.unchanged,
            "failed": [{"path": f.path, "error": f.error, "kept": f.kept} for f in self.failed],
            "warnings": [{"path": w.path, "warning": w.warning} for w in self.warned],
            "renamed_files": [{"from": a, "to": b} for a, b in self.moved],
            "renamed_count": self.moved_served,
            "seconds": round(self.seconds, 3),
        }


def counts_of(report: dict) -> list[tuple[int, str]]:
    """A reload's (count, label) pairs from its JSON form (as_json, or the `last_reload`
    the cache keeps; older ones lack some keys). Renamed files are counted only when
    there are some: most reloads rename nothing."""
    renamed = report.get("renamed_count") or 0
    return [
        (report.get("added") or 0, "added"),
        (report.get("updated") or 0, "changed"),
        *([(renamed, "renamed")] if renamed else []),
        (report.get("removed") or 0, "removed"),
        (len(report.get("failed") or ()), "failed"),
        (report.get("unchanged") or 0, "unchanged"),
    ]


def counts_text(counts: list[tuple[int, str]]) -> str:
    """ "3 added, 1 changed, 0 removed, 1 failed, 12 unchanged" (see counts_of)."""
    return ", ".join(f"{n} {label}" for n, label in counts)


def warned_count(report: dict) -> str:
    """ "; 3 served with warnings" after a reload's counts (from as_json or the cache's
    `last_reload`), or "" when there are none: the files are among those counted."""
    n = len(report.get("warnings") or ())
    return f"; {n} served with warnings" if n else ""
