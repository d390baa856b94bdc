"""An <aside> that is prose (a statement beside the story) is body; links, calls to act,
promos, photos, author boxes and pull quotes beside the story stay furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.library.markup import html_to_blocks
from bot.library.parse import parse_article
from tests.conftest import shared_path, small_engine

STATEMENT = (
    "<aside><p>The report ignores the work our crews do on the river every week. "
    "We removed over 2,400 abandoned bikes from the canal last year alone, and we will "
    'keep clearing it." -Waterways spokesperson</p></aside>'
)
ARTICLE = (
    "<p>The city is suing the waterways company over the state of the canal.</p>"
    "<p>The company said the claim was unfair.</p>"
    f"{STATEMENT}"
    "<p>A hearing is set for June.</p>"
)


def _file(body: str) -> str:
    return f"---\ntitle: City sues the waterways company over the canal\n---\n{body}\n"


def test_a_prose_aside_is_body_text_in_its_place() -> None:
    blocks = html_to_blocks(ARTICLE)
    assert blocks[2].startswith("The report ignores the work our crews do")
    assert blocks[3] == "A hearing is set for June."


def test_a_prose_asides_sentences_reach_the_article() -> None:
    article = parse_article(_file(ARTICLE).encode(), "canal.md")
    assert "2,400 abandoned bikes" in article.text
    assert any(
        s.text.startswith("We removed over 2,400 abandoned bikes") for s in article.sentences
    )


async def test_a_prose_asides_sentence_is_the_passage(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {"canal.md": _file(ARTICLE)}) as engine:
        answer = await engine.ask("how many bikes were removed from the canal last year?")
        assert answer.article is not None and answer.article.slug == "canal"
        assert "2,400" in (answer.passage or "")


@pytest.mark.parametrize(
    "aside",
    [
        # a list of other stories: all of its text is link text
        '<aside><ul><li><a href="/a">How the council rebuilt the old bridge in one summer.</a>'
        '</li><li><a href="/b">Why the ferry service is coming back to the harbour.</a></li>'
        "</ul></aside>",
        # the same under a label
        "<aside><h3>Related</h3><p>The harbour plan, explained in six charts and a map.</p></aside>",
        # a newsletter box: a label over a line that reads like prose
        "<aside><h3>Newsletter</h3><p>The week's best science stories, every Friday morning."
        "</p><form><input/><button>Go</button></form></aside>",
        # a call to act, in sentences, with a small link
        "<aside><p>Our newsroom digs into what others miss. Sign up to get "
        '<a href="/n">our biggest stories</a> as soon as they are out.</p></aside>',
        # the author's box
        "<aside><figure><img alt='Jane Roe'/><figcaption>Jane Roe.</figcaption></figure>"
        "<p>Jane Roe is a reporter at the Gazette covering the courts.</p></aside>",
        # a class that names furniture
        '<aside class="promo"><p>The archive of every issue since 1901 is now open to all '
        "readers of the paper.</p></aside>",
        # a photo alone
        "<aside><img alt='A photo of the canal at dawn'/></aside>",
    ],
)
def test_link_call_promo_and_photo_asides_stay_furniture(aside: str) -> None:
    blocks = html_to_blocks(f"<p>The canal reopened on Monday.</p>{aside}<p>Boats returned.</p>")
    assert blocks == ["The canal reopened on Monday.", "Boats returned."]


def test_a_pull_quote_repeating_the_article_is_not_read_twice() -> None:
    sentence = "We see the work of maintainers as work with a multiplying effect on the project."
    html = (
        f"<aside><span>“</span><p>{sentence}</p></aside>"
        f"<p>Maintenance matters. {sentence} We want to support it.</p>"
    )
    assert html_to_blocks(html) == [f"Maintenance matters. {sentence} We want to support it."]


def test_metas_statement_in_an_aside_answers_the_scam_ads_question() -> None:
    # ../shared's KTVU export holds Meta's statement in an <aside> (issue 15's example).
    real = shared_path(
        "corpus",
        "real",
        "2026",
        "05",
        "12",
        "2026-05-12-httpswwwktvucomnewssanta-clara-county-meta-lawsuit-scam-ads.md",
    )
    article = parse_article(real.read_bytes(), real.name)
    assert any("159 million scam ads last year" in s.text for s in article.sentences)
