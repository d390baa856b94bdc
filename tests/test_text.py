"""Clean text, sentences, quotes and counts: what a reader of the bot's answers would notice."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.library.model import Quote
from bot.library.text import (
    extract_quotes,
    html_to_blocks,
    reading_minutes,
    split_sentences,
    word_count,
)

# --- html_to_blocks --------------------------------------------------------------------


def test_blocks_keep_document_order_of_paragraphs_headings_and_lists() -> None:
    html = (
        "<h2>Intro</h2><p>First   para\n with <b>bold</b> and <a href='x'>link</a>.</p>"
        "<ul><li>one</li><li>two <em>items</em></li></ul><blockquote>Quoted words</blockquote>"
    )
    assert html_to_blocks(html) == [
        "Intro",
        "First para with bold and link.",
        "one",
        "two items",
        "Quoted words",
    ]


def test_pre_keeps_its_line_breaks() -> None:
    html = "<p>Run this:</p><pre><code>go build\n  ./cmd/app\n\nok</code></pre>"
    assert html_to_blocks(html) == ["Run this:", "go build\n  ./cmd/app\n\nok"]


def test_scripts_styles_navigation_and_forms_are_dropped() -> None:
    html = (
        "<nav>Home | About</nav><style>p{color:red}</style><p>Body text.</p>"
        "<script>alert('x')</script><form>Email <button>Go</button></form>"
        "<aside>Related</aside><footer>Copyright</footer><noscript>Enable JS</noscript>"
    )
    assert html_to_blocks(html) == ["Body text."]


def test_whole_html_page_uses_the_article_and_never_head_text() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Site title</title><style>body{}</style>"
        "<script>var x = 1;</script></head><body><header>Menu</header>"
        "<article><h1>Real title</h1><p>Real words.</p></article>"
        "<footer>Footer</footer></body></html>"
    )
    assert html_to_blocks(html) == ["Real title", "Real words."]


def test_image_captions_and_subscribe_callouts_are_dropped() -> None:
    html = (
        '<figure><img alt="Image for X" src="a.jpg"/><figcaption>Image for X</figcaption></figure>'
        "<p>Story.</p>"
        '<figure><a href="https://site/product/magazine-subscription/"><img src="b.jpg"/></a></figure>'
        '<figure><img src="c.jpg"/><figcaption><a href="https://site/magazine/">'
        "Subscribe to Positive News magazine</a></figcaption></figure>"
        "<p>Sign up for our newsletter</p>"
        "<figure><img src='d.jpg'/><figcaption>A chart of the results</figcaption></figure>"
    )
    assert html_to_blocks(html) == ["Story.", "A chart of the results"]


def test_markdown_and_plain_text_bodies_are_rendered() -> None:
    md = "# Heading\n\nSome *text* here.\n\n- a point\n- another\n\n    code line\n"
    assert html_to_blocks(md) == ["Heading", "Some text here.", "a point", "another", "code line"]
    assert html_to_blocks("Just one plain line.") == ["Just one plain line."]


def test_tables_become_one_block_a_row() -> None:
    html = "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>3</td></tr></table>"
    assert html_to_blocks(html) == ["Name | Age", "Ann | 3"]


def test_line_breaks_inside_a_paragraph_do_not_glue_words() -> None:
    assert html_to_blocks("<p>one<br>two</p>") == ["one two"]


@pytest.mark.parametrize("body", ["", "   \n ", "<p></p>", "<div><span> </span></div>"])
def test_empty_bodies_give_no_blocks(body: str) -> None:
    assert html_to_blocks(body) == []


# --- split_sentences -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith met Prof. Jones at 3 p.m. The talk was long.",
            ["Dr. Smith met Prof. Jones at 3 p.m.", "The talk was long."],
        ),
        (
            "Ask Mr. Brown, Mrs. Green and Ms. White. No. 5 is on St. Mark's Road.",
            ["Ask Mr. Brown, Mrs. Green and Ms. White.", "No. 5 is on St. Mark's Road."],
        ),
        (
            "He moved to the U.S. in 2010. Then the U.K. The end.",
            ["He moved to the U.S. in 2010.", "Then the U.K.", "The end."],
        ),
        (
            "We use e.g. apples, i.e. fruit, etc. and more. Then we stop.",
            ["We use e.g. apples, i.e. fruit, etc. and more.", "Then we stop."],
        ),
        ("Apple Inc. CEO Tim Cook spoke. Bye.", ["Apple Inc. CEO Tim Cook spoke.", "Bye."]),
        ("J. R. R. Tolkien wrote it. He died.", ["J. R. R. Tolkien wrote it.", "He died."]),
        ("See Fig. 3 and vs. the rest. Done.", ["See Fig. 3 and vs. the rest.", "Done."]),
        (
            "It rose 3.5 percent. Go 1.21 and v1.2.3 and go1.21 shipped. Next.",
            ["It rose 3.5 percent.", "Go 1.21 and v1.2.3 and go1.21 shipped.", "Next."],
        ),
        (
            "See https://go.dev/blog/go1.21 for more. Edit main.go first. Done.",
            ["See https://go.dev/blog/go1.21 for more.", "Edit main.go first.", "Done."],
        ),
        ("Wait... what? Really… Yes!", ["Wait... what?", "Really…", "Yes!"]),
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("(See the note.) Next one.", ["(See the note.)", "Next one."]),
        ("It ended [at last.] Fine.", ["It ended [at last.]", "Fine."]),
        ("The firm Acme Ltd. The end.", ["The firm Acme Ltd.", "The end."]),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_quote_that_carries_on_into_said_is_one_sentence() -> None:
    assert split_sentences("“It works. It really does,” said Bob. Then he left.") == [
        "“It works. It really does,” said Bob.",
        "Then he left.",
    ]
    assert split_sentences('"Is it safe?" she asked. Nobody knew.') == [
        '"Is it safe?" she asked.',
        "Nobody knew.",
    ]


def test_quote_ending_a_sentence_splits_after_the_closing_mark() -> None:
    assert split_sentences("He said: “We are done.” The room went quiet.") == [
        "He said: “We are done.”",
        "The room went quiet.",
    ]


def test_blank_lines_are_hard_breaks_and_line_wraps_are_not() -> None:
    text = "Hi Bryan, the draft\nlooks good\n\nThanks for it"
    assert split_sentences(text) == ["Hi Bryan, the draft looks good", "Thanks for it"]


# --- extract_quotes --------------------------------------------------------------------

SEED_OPENING = (
    "“A few years ago this would have been science fiction,” said UCL’s Prof Waseem Qasim, "
    "of the revolutionary gene therapy"
)


@pytest.mark.parametrize(
    ("block", "speaker"),
    [
        (SEED_OPENING, "Prof Waseem Qasim"),
        ("“We will keep going with this work,” she said.", None),
        ("Jane Doe said: “We will keep going with this work.”", "Jane Doe"),
        ("Jane Doe, a consultant at GOSH, said: “We will keep going with this work.”", "Jane Doe"),
        (
            "Dr Rob Chiesa, study investigator and consultant at GOSH said: "
            "“Around 20% may not respond to this.”",
            "Dr Rob Chiesa",
        ),
        ("“We will keep going with this work,” Jane Doe said.", "Jane Doe"),
        ("“We will keep going with this work,” says Jane Doe, of the trust.", "Jane Doe"),
        ("“We will keep going with this work,” according to Jane Doe.", "Jane Doe"),
        ("According to Jane Doe, “the work will keep going for years.”", "Jane Doe"),
        ("Separately, Bob Smith said: “We will keep going with this work.”", "Bob Smith"),
        ("In a statement, Bob Smith told the BBC: “We will keep going with this.”", "Bob Smith"),
        ("The team said: “We will keep going with this work.”", None),
        ("“Why would anyone do this to us?” Bob Smith asked.", "Bob Smith"),
        ('"It works. It really does," said Bob.', "Bob"),
        (
            "“I’ve been able to do things I thought impossible,” said the now 16-year-old, "
            "who is cancer-free.",
            None,
        ),
        ("“We will keep going with this work,” said a spokesperson on Tuesday.", None),
        ("“We will keep going with this work,” said Tuesday’s speaker.", None),
    ],
)
def test_quote_speakers(block: str, speaker: str | None) -> None:
    quotes = extract_quotes([block])
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker


def test_quote_text_drops_the_trailing_comma() -> None:
    assert extract_quotes([SEED_OPENING])[0].text == (
        "A few years ago this would have been science fiction"
    )


def test_scare_quotes_are_not_quotes() -> None:
    assert extract_quotes(["It is a “living drug” with a “deep remission” rate."]) == []


def test_follow_on_quote_keeps_its_speaker() -> None:
    block = (
        "“It works for the outliers, but not for the rest,” Hlatky said. "
        "“I just got bored with the system and left it.”"
    )
    assert [q.speaker for q in extract_quotes([block])] == ["Hlatky", "Hlatky"]


def test_attribution_in_the_previous_sentence_carries_over() -> None:
    block = 'It will fall short, Lautz said. "It is unlikely that we will see that boost."'
    assert extract_quotes([block]) == [
        Quote("It is unlikely that we will see that boost.", "Lautz")
    ]


def test_repeated_quotes_are_deduplicated_keeping_a_speaker() -> None:
    plain = "“A few years ago this would have been science fiction.”"
    quotes = extract_quotes([plain, SEED_OPENING])
    assert len(quotes) == 1
    assert quotes[0].speaker == "Prof Waseem Qasim"


# --- counts ----------------------------------------------------------------------------


def test_word_count_and_reading_minutes() -> None:
    assert word_count("It’s a well-known fact — 3.5 cups, not 4.") == 8
    assert word_count("") == 0
    assert reading_minutes(0) == 0
    assert reading_minutes(10) == 1
    assert reading_minutes(230 * 7) == 7


# --- never raise -----------------------------------------------------------------------

_TAGS = ["p", "div", "pre", "script", "figure", "figcaption", "li", "ul", "a", "br", "td", "tr"]
html_ish = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from([f"<{t}>" for t in _TAGS] + [f"</{t}>" for t in _TAGS]),
        st.sampled_from(["“", "”", '"', ". ", "Dr. ", "said ", "<!--", "-->", "&amp;", "\x00"]),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(html_ish)
def test_text_functions_never_raise(body: str) -> None:
    blocks = html_to_blocks(body)
    assert all(isinstance(b, str) and b for b in blocks)
    for block in blocks:
        for sentence in split_sentences(block):
            assert sentence.strip()
    extract_quotes(blocks + [body])
    split_sentences(body)
    assert word_count(body) >= 0
