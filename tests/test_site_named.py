"""A question naming the site its article was published on, as readers call it ("what does
the vice writer say gets rid of distractions best", fresh18: Vice's post first at 0.380,
refused): the link's registered name, its words typed apart ("the verge", "404 media"), its
initials ("nyt"), by a name the library does not write often and the article's text does
not write (Evidence.names_site; Policy.site_named_floor, site_named_distinct;
bench/README.md, "refuse27")."""

from __future__ import annotations

from pathlib import Path

from bot.library.model import Article
from bot.search.policy import DEFAULT
from bot.search.rerank import Evidence, Ranked
from bot.search.respond import HIGH, LOW, confidence
from bot.search.sites import named_forms, names_site
from tests.conftest import small_engine, tool_post

VICE = "https://www.vice.com/en/article/wxdeay/the-dune-screenplay"


def _forms(question: str, common: frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    return named_forms(question.split(), common)


def test_a_site_is_named_by_its_registered_name_typed_as_readers_write_it() -> None:
    assert names_site(VICE, _forms("what did the vice writer say")) == ("vice",)
    verge = "https://www.theverge.com/2024/12/2/openwrt-one"
    assert names_site(verge, _forms("according to the verge which router")) == ("the", "verge")
    assert names_site("https://www.404media.co/killer-whales", _forms("what did 404 media say"))
    assert names_site("https://www.nytimes.com/2021/07/21/x.html", _forms("the nyt writer"))
    post = "https://www.washingtonpost.com/national-security/coast-guard"
    assert names_site(post, _forms("what did the washington post report"))
    # Not the path's words, not a part of a one-word name, not words apart in the question.
    assert not names_site("https://example.com/vice/x", _forms("the vice writer"))
    assert not names_site(post, _forms("a post about washington"))
    assert not names_site("https://www.theverge.com/x", _forms("what is a verge"))
    # A word the library writes often names nothing ("go" of go.dev asked of Go's blog).
    assert names_site("https://go.dev/blog/x", _forms("why did go add generics"))
    assert not names_site("https://go.dev/blog/x", _forms("why did go add generics", {"go"}))


def _best(score: float, **held: object) -> list[Ranked]:
    article = Article(slug="post", title="Post", path="post.md", link=VICE)
    ev = Evidence(cover=0.5, passages=None, doc_cover=0.6, pairs=0.0, **held)  # type: ignore[arg-type]
    return [Ranked(score, article, ev)]


def test_a_named_site_makes_the_closest_match_under_the_other_floors() -> None:
    # fresh18 "what does the vice writer say gets rid of distractions best": 0.380, 3 of 7
    # words together, one distinctive ("distractions").
    named = _best(0.38, together=3, terms=7, distinct_together=1, names_site=True)
    assert confidence(named, DEFAULT) == LOW
    assert confidence(named, DEFAULT.with_(site_named_floor=0.0)) is None
    assert confidence(_best(0.38, together=3, terms=7, distinct_together=1), DEFAULT) is None
    assert confidence(_best(0.25, together=3, terms=7, names_site=True), DEFAULT) is None


def test_a_named_site_counts_as_a_distinctive_word_held_for_confidence() -> None:
    # Three words together, all everyday, from confident_threshold up: the site named is
    # the distinctive one (as writer_distinct for a byline).
    named = _best(0.55, together=3, terms=6, distinct_together=0, names_site=True)
    assert confidence(named, DEFAULT) == HIGH
    assert confidence(named, DEFAULT.with_(site_named_distinct=0)) == LOW
    assert confidence(_best(0.55, together=3, terms=6, distinct_together=0), DEFAULT) != HIGH


_POSTS = {
    "guardian.md": tool_post(
        "leaving-x",
        "Why we are no longer posting on X",
        "The Guardian will no longer post on X, the paper said.",
    ).replace("tags:", "link: https://www.theguardian.com/media/leaving-x\ntags:"),
    "dune.md": tool_post(
        "dune-screenplay",
        "Writing the Dune screenplay",
        "A plain text editor gets rid of distractions best, the screenwriter says.",
    ).replace("tags:", "link: https://www.vice.com/en/article/wxdeay/dune\ntags:"),
    **{
        f"n{k}.md": tool_post(
            f"notes-{k}", f"Garden notes {k}", f"The roses bloom in June, part {k}."
        )
        for k in range(4)
    },
}


async def test_a_site_name_its_text_writes_is_no_more_than_the_word(tmp_path: Path) -> None:
    async with small_engine(tmp_path, _POSTS) as engine:
        _, vice = await engine.reranked("what does the vice writer say gets rid of distractions")
        _, guardian = await engine.reranked("who is the guardian of a child")
    assert vice[0].article.slug == "dune-screenplay"
    assert vice[0].evidence.names_site
    # The Guardian's post writes "Guardian": the question's word is held as a word, and is
    # as likely the English one; the site named adds nothing.
    assert guardian[0].article.slug == "leaving-x"
    assert not guardian[0].evidence.names_site
