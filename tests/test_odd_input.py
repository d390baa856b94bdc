"""What an odd member types, asked of the core the way the console drives it (one
conversation, `about=` the article last answered): every line gets a reply, nothing
raises. And two replies the fuzzing found wrong: a place asked with no list named
another place ("the 9th one" → "The second of what?"), and a follow-up whose article a
reload had removed was asked "which article?" or found nothing (harden20)."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

from bot.console import Chat, _Out
from bot.library.sync import Library
from bot.search import asked
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.service import LibraryService

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"

# Odd lines members type: nothing, pastes, marks only, invisible and right-to-left marks,
# other scripts, markdown, mentions, links with odd queries, numbers, impossible dates,
# full-text syntax, follow-ups and places with no conversation, comparisons missing a side.
ODD = [
    " ", "?", "...", "🦀🔥👍", "👍", "\u200b", "\u200b\u200b?", "\u202e sdrawkcab \u202c",
    "\u200fمرحبا كيف حالك\u200f", "salmon \u0441\u0430\u043b\u043c\u043e\u043d", "日本語の記事は？",
    "```python\nprint(1)\n```", "**bold** _it_ ||spoiler||", "> quote", "@everyone", "<@123>",
    "<@!123> salmon", "<@&456>", "<#789>", "compare @everyone with <@123>",
    "https://www.positive.news/?utm_source=x&a=%00%ff", 'https://go.dev/blog/?q="*NEAR(',
    "http://", "12345", "-1", "1e309", "99999999999999999999999", "31/02/2026", "2026-02-31",
    '"', "*", "NEAR(", "NEAR(a b, 5)", "AND OR NOT", "^", ":", "tag:", "author:*",
    "date:2021-13-45", "'; DROP TABLE articles; --", "-salmon", "the 9th one", "the 0th one",
    "the 99999999999th one", "the last one", "compare with", "compare salmon with",
    "compare with salmon", "when?", "when was that", "source?", "what else did they say",
    "who said that", "tell me more", "how many articles about", "list articles about",
    "anything from 31/02/2026", "/open 9", "/open 99999999999999999999", "/latest 1e3",
    '/search "', "/search NEAR(", '/article "', "/related *", "/summary @everyone",
    "/quote <@123>", '/random "', "//", "/ /", "\x00salmon\x00", "x\u0301\u0301\u0301",
    "Ａｌｌ ｆｕｌｌｗｉｄｔｈ", "ﬁsh", "what did <@123> say about rust",
    "[link](https://evil.example/@everyone)", "who wrote https://go.dev/blog/go1.21?x=1#frag",
    "a" * 4000, ("salmon " * 600)[:4000], "🦀" * 2000, "\u200b" * 4000,
    ('" * NEAR( ^ : ' * 300)[:4000],
]  # fmt: skip
WORDS = ["salmon", "heat", "pump", "who", "said", "it", "that", "the", "2nd", "compare", "with"]


def odd_lines(seed: int, n: int) -> list[str]:
    """The odd lines, then `n` drawn from their pieces and everyday words, seeded."""
    rng = random.Random(seed)
    pieces = [*ODD[:-5], *WORDS]
    drawn = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(n)]
    return ODD + drawn


async def test_every_odd_line_gets_a_reply_in_a_conversation(bundled_library: Library) -> None:
    service = LibraryService(bundled_library, SearchEngine(bundled_library))
    out = io.StringIO()
    chat = Chat(service, _Out(out))
    rng = random.Random(20)
    for line in odd_lines(20, 120):
        if rng.random() < 0.3:  # a topic first, so follow-ups have one to follow
            await chat.handle(rng.choice(["salmon", "heat pumps", "what's new?"]))
        out.seek(0)
        out.truncate()
        assert await chat.handle(line)
        assert out.getvalue().strip() or not line.strip(), f"no reply to {line[:60]!r}"


async def test_a_place_asked_with_no_list_names_no_other_place(bundled_library: Library) -> None:
    engine = SearchEngine(bundled_library)
    for alone in ("the 9th one", "the last one", "the first one"):
        reply = (await engine.ask(alone)).reply
        assert reply == asked.NO_LIST, alone
        said = reply.split("?")[0].lower()  # what the reply asks back, before its advice
        assert not {"first", "second", "ninth", "last"} & set(said.split()), said


async def test_a_follow_up_of_an_article_a_reload_removed_says_it_is_gone(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    library = Library(content, tmp_path / "a.db")
    await library.reload()
    engine = SearchEngine(library)
    try:
        shown = await engine.ask("salmon")
        assert shown.article is not None
        about = Topic(shown.article.slug, shown.passage)
        (content / shown.article.path).unlink()
        assert (await library.reload()).removed == 1
        for question in ("when was that?", "source?", "tell me more", "what else did they say"):
            answer = await engine.ask(question, about)
            assert answer.article is None and answer.reply == asked.GONE, question
        # A question naming its own topic is asked as with no conversation.
        heat = await engine.ask("heat pump bills", about)
        assert heat.article is not None and heat.reply is None
    finally:
        await library.close()
