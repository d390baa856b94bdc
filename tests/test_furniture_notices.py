"""Error pages and appeals are page furniture from the parse on (issues 15 and 16): a saved
error page gives no passage, summary or quote, an appeal box gives no quote, and a story
about a charity drive or a dead link keeps every word."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.library import furniture
from bot.library.markup import html_to_blocks, parse_blocks
from bot.library.parse import parse_article
from bot.search.summary import summarize

STORY = "The council voted on Tuesday to reopen the old bridge to cyclists and walkers."


def _export(body: str, title: str = "Bridge reopens") -> bytes:
    return f"---\ntitle: {title}\ndescription: https://example.org/a\n---\n{body}\n".encode()


def test_a_saved_404_export_has_no_text_summary_or_quote() -> None:
    # A read-later export of a dead link: the site's notice, its search box, its appeal.
    page = parse_article(
        _export(
            "<p>The link you’re trying to reach doesn’t appear to work. Try our archives:</p>"
            "<ul><li><a href='/2022'>2022</a></li><li><a href='/2021'>2021</a></li></ul>"
            "<p>Help advance the foundation’s mission “to promote and elevate the standards"
            " of journalism” by making a donation.</p>"
        ),
        "a.md",
    )
    assert page.text == ""
    assert page.sentences == () and page.quotes == ()
    assert summarize(page) == ""


def test_a_markdown_page_not_found_export_is_all_furniture() -> None:
    body = (
        "# Page not found\n\nSorry, we can't find the page you were looking for.\n\n"
        "It may have been moved. Go back to the [home page](/).\n"
    )
    assert [b.kind for b in parse_blocks(body)] == ["furniture"] * 3


@pytest.mark.parametrize(
    "notice",
    [
        "The page you are looking for could not be found.",
        "Oops! That page can’t be found.",
        "The page you requested does not exist.",
        "Sorry, this article is no longer available.",
        "The link you followed may be broken, or the page may have been removed.",
        "Error 404: sorry, we could not find that page.",
    ],
)
def test_an_error_notice_opening_the_page_makes_it_all_furniture(notice: str) -> None:
    html = f"<h1>Not here</h1><p>{notice}</p><p>{STORY}</p><ul><li>Archives</li></ul>"
    assert html_to_blocks(html) == []


@pytest.mark.parametrize("label", ["Page not found", "404", "Error 404 - Page not found"])
def test_an_error_label_below_a_story_is_furniture(label: str) -> None:
    later = "Work on the deck starts in May and should take six weeks."
    blocks = html_to_blocks(f"<p>{STORY}</p><p>{later}</p><p>Cyclists cheered.</p><p>{label}</p>")
    assert blocks == [STORY, later, "Cyclists cheered."]


def test_a_post_about_http_errors_opening_with_a_404_heading_keeps_its_text() -> None:
    body = "## 404 Not Found\n\nThe server answers 404 when no route matches the path.\n"
    assert html_to_blocks(body) == [
        "404 Not Found",
        "The server answers 404 when no route matches the path.",
    ]


def test_a_notice_further_down_a_story_is_not_the_whole_page() -> None:
    later = [
        "Cyclists from the whole valley came to ride across it on the first morning.",
        "The council expects two thousand crossings a day by the end of the summer.",
        "The page you are looking for could not be found.",
    ]
    html = "".join(f"<p>{t}</p>" for t in [STORY, *later])
    assert html_to_blocks(html) == [STORY, *later]


@pytest.mark.parametrize(
    "appeal",
    [
        "Support our journalism. Become a member today.",
        "If you value our reporting, please consider making a tax-deductible donation.",
        "Reader support keeps our newsroom independent. Donate now.",
        "Make a donation today to keep our journalism free for everyone.",
    ],
)
def test_an_appeal_to_donate_or_join_is_furniture_and_gives_no_quote(appeal: str) -> None:
    box = f"<p>Help our mission “to keep local journalism alive” by making a donation.</p><p>{appeal}</p>"
    article = parse_article(_export(f"<p>{STORY}</p>{box}"), "a.md")
    assert article.text == STORY
    assert article.quotes == ()


@pytest.mark.parametrize(
    "prose",
    [
        "The charity drive raised £40,000 as hundreds of residents donated, organisers said.",
        "Volunteers asked members of the public to make a donation of tinned food, and 3,000 "
        "tins came in.",
        "“Please donate if you can, because our shelves are empty,” said Jane Roe, who runs "
        "the food bank.",
        "Users who clicked the link saw a message saying “the page you are looking for could "
        "not be found”.",
        "The site returned a 404 error for hours, and the page could not be found, the company said.",
        "If you try to visit the page now, you will find it no longer exists.",
        "The link between the new bridge and fewer car trips was not found in the study.",
    ],
)
def test_stories_about_donations_and_dead_links_keep_their_text(prose: str) -> None:
    assert html_to_blocks(f"<p>{prose}</p>") == [prose]
    # Opening the article, a report of a dead link does not make the page an error page.
    assert html_to_blocks(f"<p>{prose}</p><p>{STORY}</p>") == [prose, STORY]


def test_a_charity_drive_story_keeps_every_paragraph_and_its_summary() -> None:
    body = (
        "<h1>Food bank drive breaks its record</h1>"
        "<p>The Riverside food bank collected 3,000 tins in its winter charity drive, "
        "the most in its twenty years.</p>"
        "<p>“If you can, please donate to our appeal before Christmas,” said Jane Roe, "
        "who runs the food bank.</p>"
        "<p>Members of the choir gave a gift of £500, and local firms matched every "
        "donation made in December.</p>"
    )
    article = parse_article(_export(body, "Food bank drive breaks its record"), "a.md")
    assert [b.kind for b in parse_blocks(body)] == ["heading", "text", "text", "text"]
    assert "matched every donation made in December." in article.text
    assert article.quotes and article.quotes[0].speaker == "Jane Roe"
    assert summarize(article).startswith("The Riverside food bank collected 3,000 tins")


@settings(max_examples=300, deadline=None)
@given(st.from_regex(furniture._PAGE_ERROR))
def test_every_error_notice_holds_one_of_the_quick_hints(text: str) -> None:
    # The hints only gate the costly pattern: a notice they miss would be read as body text.
    assert furniture._holds_any(text, furniture._ERROR_HINTS), text
