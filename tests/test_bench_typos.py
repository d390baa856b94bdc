"""The typos bench (bench/typos.py): one slip in each readable question, never one of the
held-out material."""

from __future__ import annotations

import random
import sys
from pathlib import Path

# The benches import each other as top-level modules from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import typos  # noqa: E402
from rapidfuzz.distance import OSA  # noqa: E402


def test_one_slip_goes_into_the_longest_word() -> None:
    question, meant, typed = (
        typos.slip("how many shareholders voted", random.Random(1)) or ("",) * 3
    )
    assert meant == "shareholders" and typed != meant
    assert question.split()[:2] == ["how", "many"] and question.split()[3] == "voted"
    # One edit: a letter dropped or doubled, or two side by side swapped; never the first.
    assert OSA.distance(typed, meant) == 1 and typed[0] == meant[0]
    # The same slips every run: a before/after comparison asks the same questions.
    assert typos.slip("how many shareholders voted", random.Random(1))[0] == question
    assert typos.slip("who is he", random.Random(1)) is None  # no word long enough


def test_the_held_out_questions_are_never_read() -> None:
    for library in ("news", "blogs"):
        sets = typos.readable_rows(library)
        assert not set(typos.HELD_OUT) & set(sets) and "test" not in sets
        assert all(r["split"] != "test" for rows in sets.values() for r in rows)


def test_the_test_half_is_slipped_for_its_totals_only(capsys) -> None:
    for library in ("news", "blogs"):
        rows = typos.test_half_rows(library).get("test", [])
        assert rows and all(r["split"] == "test" for r in rows)
    assert typos.test_half_rows("content") == {}
    row = {"question": "how many shareholders voted", "articles": ["a"]}
    lost = typos.Asked(row, "shareholders", "sharehlders", True, False, None)
    typos.report("news", "test", [lost], unread=True)
    out = capsys.readouterr().out
    assert "1 slipped questions" in out and "lost" not in out and "voted" not in out
    typos.report("news", "tune", [lost])
    assert "voted" in capsys.readouterr().out
