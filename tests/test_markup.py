"""HTML to body blocks, and the page furniture a reader skips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.library import furniture
from bot.library.markup import html_to_blocks, parse_blocks

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


def test_footnote_labels_and_present_file_actions_are_no_words_of_the_article() -> None:
    html = (
        "<p>Clippy implicitly added a <code>cargo-clippy</code> config[^1] when linting.</p>"
        "<p>[^1]: It's likely that you didn't even know.</p>"
        "<p>It cancels the request if ctx.Done is closed: "
        '{{code "context/google/google.go" /func httpDo/ /^}/}}</p>'
        '<p>A regex such as <code>r"[^a]"</code> and a <code>{{closure}}</code> stay.</p>'
    )
    assert html_to_blocks(html) == [
        "Clippy implicitly added a cargo-clippy config when linting.",
        "It's likely that you didn't even know.",
        "It cancels the request if ctx.Done is closed:",
        'A regex such as r"[^a]" and a {{closure}} stay.',
    ]


def test_pre_keeps_its_line_breaks() -> None:
    html = "<p>Run this:</p><pre><code>go build\n  ./cmd/app\n\nok</code></pre>"
    assert html_to_blocks(html) == ["Run this:", "go build\n  ./cmd/app\n\nok"]


def test_scripts_styles_navigation_and_forms_are_dropped() -> None:
    html = (
        "<nav>Home | About</nav><style>p{color:red}</style><p>Body text.</p>"
        "<script>alert('x')</script><form>Email <button>Go</button></form>"
        "<aside>Related</aside><footer>Copyright</footer><noscript>Enable JS</noscript>"
        "<svg><text>Logo</text></svg><video><p>Your browser cannot play this</p></video>"
    )
    assert html_to_blocks(html) == ["Body text."]


@pytest.mark.parametrize(
    "line",
    [
        "Photograph: Neal McNeil/Getty Images",
        "Illustration: Aïda Amer/Axios",
        "Image Credits: Bryce Durbin / TechCrunch",
        "Courtesy of Mathias Bothor",
        "A border agent walks through tear gas near the plant. (AP Photo/Gregory Bull, File)",
        "By Shira Ovide",
        "Chicago Tribune’s Gregory Royal Pratt contributed.",
        "Posted 3 March 2024 at 10:15",
        "Updated Oct. 14, 2025, 6:00 a.m. ET",
        "Advertisement",
        "View image in fullscreen",
        "12 comments",
        "Related: How the council rebuilt the bridge",
        "Want the best of our news straight to your inbox? Sign up here.",
        "By signing up, you agree to the Terms of Use and Privacy Policy.",
        "Have a tip? Contact Jane Roe securely on Signal on +44 20 8133 5190.",
        "Jane Roe is our health reporter based in Leeds. Contact Jane at jane@example.org.",
        "Some content could not be imported from the original document. View content ↗",
        "[Link: The bridge reopens | https://example.org/bridge | Example News]",
        "screenshot of the settings page",
        "The Source: Santa Clara County District Attorney's Office, Meta Inc.",
        "Sources: County court filings, company statements",
    ],
)
def test_furniture_lines_in_plain_paragraphs(line: str) -> None:
    html = f"<p>The council voted on Tuesday to reopen the old bridge.</p><p>{line}</p>"
    assert html_to_blocks(html) == ["The council voted on Tuesday to reopen the old bridge."]


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year the bridge had carried a million cyclists.",
        "Sign-ups for the cycling scheme doubled after the bridge opened, the council said.",
        "Photographs of the old bridge hang in the town hall, where the vote took place.",
        "Related questions came up at the meeting: who pays, and when the work will end.",
        "E-mail us at help@example.org with the subject “Bridge app” to report a bug.",
        "The video by a local cyclist shows the bridge swaying in the wind.",
    ],
)
def test_body_sentences_that_look_a_little_like_furniture_are_kept(line: str) -> None:
    assert html_to_blocks(f"<p>{line}</p>") == [line]


def test_time_datelines_and_related_lists_are_furniture() -> None:
    html = (
        "<p>Posted <time datetime='2024-03-03'>March 3</time></p>"
        "<p>The council voted on <time>Tuesday</time> to reopen the bridge to cyclists.</p>"
        "<h3>Related</h3>"
        "<ul><li><a href='/a'>Bridge closes for repairs</a></li>"
        "<li><a href='/b'>Cyclists protest at the town hall</a></li></ul>"
        "<p>Work starts in May.</p>"
    )
    assert html_to_blocks(html) == [
        "The council voted on Tuesday to reopen the bridge to cyclists.",
        "Work starts in May.",
    ]


def test_exporter_link_markup_is_taken_out_of_a_paragraph() -> None:
    html = (
        "<p>The council voted to reopen the bridge. [Link: Bridge vote | "
        "https://example.org/vote | Example News] Work starts in May.</p>"
    )
    assert html_to_blocks(html) == ["The council voted to reopen the bridge. Work starts in May."]


def test_block_quote_keeps_its_cite_as_the_source() -> None:
    html = (
        "<blockquote><p>Simplicity is prerequisite for reliability in every system.</p>"
        "<footer>— <cite>Edsger Dijkstra</cite></footer></blockquote>"
        "<figure><blockquote><p>Make it work, make it right, make it fast, in that order.</p>"
        "</blockquote><figcaption>Kent Beck</figcaption></figure>"
    )
    blocks = parse_blocks(html)
    assert [(b.text, b.kind, b.cite) for b in blocks] == [
        (
            "Simplicity is prerequisite for reliability in every system.",
            "blockquote",
            "Edsger Dijkstra",
        ),
        ("Make it work, make it right, make it fast, in that order.", "blockquote", "Kent Beck"),
    ]


def test_inline_markup_leaves_words_whole_and_q_gets_quotation_marks() -> None:
    html = "<p>Run <code>go</code> <em>build</em>, then <q>it just works</q>, she said.</p>"
    assert html_to_blocks(html) == ["Run go build, then “it just works”, she said."]


def test_whole_html_page_uses_the_article_and_never_head_text() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Site title</title><style>body{}</style>"
        "<script>var x = 1;</script></head><body><header>Menu</header>"
        "<article><h1>Real title</h1><p>Real words.</p></article>"
        "<footer>Footer</footer></body></html>"
    )
    assert html_to_blocks(html) == ["Real title", "Real words."]


def test_figures_captions_and_subscribe_callouts_are_furniture() -> None:
    html = (
        '<figure><img alt="Image for X" src="a.jpg"/><figcaption>Image for X</figcaption></figure>'
        "<p>Story.</p>"
        '<figure><a href="https://site/product/magazine-subscription/"><img src="b.jpg"/></a></figure>'
        '<figure><img src="c.jpg"/><figcaption><a href="https://site/magazine/">'
        "Subscribe to Positive News magazine</a></figcaption></figure>"
        "<p>Sign up for our newsletter to get the news in your inbox</p>"
        "<figure><img src='d.jpg'/><figcaption>A chart of the results</figcaption></figure>"
    )
    assert html_to_blocks(html) == ["Story."]
    kinds = [b.kind for b in parse_blocks(html)]
    assert kinds[1] == "text" and kinds.count("furniture") == len(kinds) - 1


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


# Tag names near the inline ones: prefixes, longer names sharing a start, odd case,
# Unicode letters that match ASCII ones case-insensitively, attributes holding ">".
_TAG_NAMES = [
    "b",
    "bdi",
    "bdo",
    "big",
    "br",
    "s",
    "samp",
    "summary",
    "sub",
    "strike",
    "strikeout",
    "section",
    "a",
    "abbr",
    "aside",
    "i",
    "ins",
    "img",
    "q",
    "qq",
    "time",
    "tt",
    "td",
    "K",
    "ſpan",
    "SPAN",
    "b-x",
    "em1",
    "wbr",
    "u",
]
_tags = st.builds(
    "<{}{}{}>".format,
    st.sampled_from(["", "/"]),
    st.sampled_from(_TAG_NAMES),
    st.sampled_from(["", " ", " class='a>b'", ' title="x"', "/", ' x="\'"']),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_tags, st.sampled_from(["text ", "<", ">", "\n", "'"])), max_size=12))
def test_inline_tags_are_found_as_one_plain_alternation_of_their_names_finds_them(
    parts: list[str],
) -> None:
    import re

    from bot.library import markup

    names = "|".join(sorted(markup._INLINE_NAMES, key=len, reverse=True))
    plain = re.compile(rf"<(/?)({names})\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
    body = "".join(parts)
    assert markup._INLINE_TAG.split(body) == plain.split(body)


def test_a_body_of_only_scripts_and_styles_has_no_text() -> None:
    assert html_to_blocks("<script>var secret = 1;</script><style>p{}</style>") == []


def test_tables_and_link_lists_of_technical_posts_stay_body() -> None:
    html = (
        "<table><tr><td>2022-06-10</td><td>compiler-team#517</td><td>Q2 review</td></tr></table>"
        "<ul><li><a href='/m/1'>June 22, 2023</a></li><li><a href='/pr/2'>Add assert_ne!</a></li>"
        "</ul><p>We received generous donations from sponsors this year, giving us room.</p>"
        "<h2>API</h2><p>API</p><p>By default, Rust's panic unwinds the stack.</p>"
    )
    assert html_to_blocks(html) == [
        "2022-06-10 | compiler-team#517 | Q2 review",
        "June 22, 2023",
        "Add assert_ne!",
        "We received generous donations from sponsors this year, giving us room.",
        "API",
        "API",
        "By default, Rust's panic unwinds the stack.",
    ]


def test_a_menu_of_section_names_is_furniture() -> None:
    html = "<p>SECURITY</p><p>POLITICS</p><p>THE BIG STORY</p><p>Body text here.</p>"
    assert html_to_blocks(html) == ["Body text here."]


@pytest.mark.parametrize(
    "attrs", ['class="caption"', 'class="wide photo-credit"', 'id="related-stories"', 'role="ad"']
)
def test_elements_named_furniture_by_class_id_or_role_are_furniture(attrs: str) -> None:
    html = (
        "<p>The council voted on Tuesday to reopen the old bridge.</p>"
        f"<div {attrs}><p>The old bridge in 1930, before the floods took its middle span.</p></div>"
    )
    assert html_to_blocks(html) == ["The council voted on Tuesday to reopen the old bridge."]


@settings(max_examples=300, deadline=None)
@given(st.from_regex(furniture._CALL))
def test_every_call_to_act_holds_one_of_the_quick_hints(text: str) -> None:
    # The hints only gate the costly pattern: a call they miss would be read as body text.
    assert furniture._holds_any(text, furniture._CALL_HINTS), text
