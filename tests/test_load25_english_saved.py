"""The English word list saved beside the cache (english.keep_beside): read back at the next
start instead of pyspellchecker's whole list, the same words and values; a stale, broken or
unwritable file is made again and never stops an answer. And the parser is not imported
until a reload needs it (issue 19's start -> first answer)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.search import english
from bot.service import Refresh, open_service
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how often the list is made from pyspellchecker (not read from a file)."""
    calls: list[int] = []
    real = english._kept

    def counted() -> tuple[str, object]:
        calls.append(1)
        return real()

    monkeypatch.setattr(english, "_kept", counted)
    return calls


def _as_dict(words: str, values: object) -> dict[str, float]:
    return dict(zip(words.split("\n"), values, strict=True))  # type: ignore[call-overload]


def test_a_saved_list_is_read_back_with_the_same_words_order_and_values(
    tmp_path: Path, made: list[int]
) -> None:
    path = tmp_path / "articles.db.english"
    words, values = english._saved_or_made(path)
    assert made == [1] and path.exists()
    again_words, again_values = english._saved_or_made(path)
    assert made == [1]  # read from the file, not made again
    assert again_words == words and again_values == values  # bit for bit (array equality)
    assert list(_as_dict(again_words, again_values).items()) == english._kept_pairs()


def test_a_list_saved_from_another_word_list_is_made_again(tmp_path: Path, made: list[int]) -> None:
    path = tmp_path / "articles.db.english"
    english._saved_or_made(path)
    head, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    path.write_bytes(json.dumps({**header, "key": "another list"}).encode() + b"\n" + body)
    english._saved_or_made(path)
    assert made == [1, 1]
    assert json.loads(path.read_bytes().partition(b"\n")[0])["key"] == header["key"]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_broken_file_is_made_again_and_the_words_are_the_same(
    tmp_path: Path, made: list[int], damage: str
) -> None:
    path = tmp_path / "articles.db.english"
    words, values = english._saved_or_made(path)
    data = path.read_bytes()
    path.write_bytes(
        {"truncated": data[: len(data) // 2], "garbage": b"\xff\x00 not json\n", "empty": b""}[
            damage
        ]
    )
    again = english._saved_or_made(path)
    assert made == [1, 1]
    assert again == (words, values)
    assert path.read_bytes() == data  # saved whole again


def test_an_unwritable_place_still_gives_the_list(tmp_path: Path, made: list[int]) -> None:
    path = tmp_path / "no such folder" / "articles.db.english"
    words, values = english._saved_or_made(path)
    assert made == [1] and not path.exists()
    assert list(_as_dict(words, values).items()) == english._kept_pairs()


def test_asking_a_built_cache_imports_neither_the_parser_nor_the_word_list() -> None:
    # bot.cli (what `python -m bot ask` imports) leaves the parser to the first reload.
    code = (
        "import sys, bot.cli;"
        "print(sorted(m for m in ('bs4', 'markdown_it', 'yaml', 'bot.library.parse',"
        " 'bot.library.workers', 'spellchecker') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


async def test_the_service_keeps_the_list_beside_its_cache(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(english, "_saved_at", None)
    async with open_service(settings, refresh=Refresh.NEVER):
        assert english._saved_at == settings.articles_db.with_name("articles.db.english")
