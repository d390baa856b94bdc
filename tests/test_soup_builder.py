"""The tree `bot.library.markup` builds is the tree BeautifulSoup builds from the same
lxml events: every node, its class, fields and links (parent, siblings, document order).

The builder makes its Tags and strings itself (several times faster); this compares it,
node by node, with the same builder handing every node to BeautifulSoup's own
`handle_starttag`/`handle_data`/`handle_endtag`, as it did before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, PageElement, Tag

from bot.library import markup
from bot.library.parse import decode

LINKS = ("parent", "previous_element", "next_element", "previous_sibling", "next_sibling")


class StockBuilder(markup._Builder):
    """The same events, the nodes made by BeautifulSoup's own handlers."""

    def _start_tag(self, name: str, attrs: dict[str, str]) -> None:
        self.soup.handle_starttag(name, None, None, attrs)

    def _end_tag(self, name: str) -> None:
        self.soup.handle_endtag(name)

    def _add_text(self, text: str) -> None:
        self.soup.handle_data(text)
        self.soup.endData()


def nodes(root: Tag) -> list[PageElement]:
    """Every node under root by its contents, depth first (not by the links compared)."""
    out: list[PageElement] = [root]
    for child in root.contents:
        out.extend(nodes(child) if isinstance(child, Tag) else [child])
    return out


def describe(root: Tag) -> list[tuple]:
    """Each node's class, value and fields, its links as positions in `nodes` order."""
    order = nodes(root)
    at = {id(n): i for i, n in enumerate(order)}
    out = []
    for node in order:
        links = tuple(at.get(id(getattr(node, k)), getattr(node, k)) for k in LINKS)
        if isinstance(node, Tag):
            fields = {k: getattr(node, k) for k in vars(STOCK_TAG) if k not in LINKS}
            fields["contents"] = [at[id(c)] for c in node.contents]
            fields["attrs"] = {k: (type(v), v) for k, v in node.attrs.items()}
            out.append(("Tag", sorted(fields.items(), key=lambda kv: kv[0]), links))
        else:
            fields = {k: getattr(node, k) for k in vars(node) if k not in LINKS}
            out.append((type(node).__name__, str(node), sorted(fields.items()), links))
    return out


def both(html: str) -> tuple[list[tuple], list[tuple]]:
    marked = markup._inline_marked(html)
    ours = BeautifulSoup(marked, builder=markup._Builder())
    stock = BeautifulSoup(marked, builder=StockBuilder())
    return describe(ours), describe(stock)


STOCK_TAG = BeautifulSoup("<p class='a'>x</p>", builder=StockBuilder()).p

SNIPPETS = [
    "<p>One <b>bold</b> and <a href='/x' rel='nofollow me'>a link</a>.</p>\n\n<p>Two.</p>",
    "plain text at the top <p>then a paragraph</p> and text after",
    "<div class='caption  wide' id='c'><p>In a div</p>\n  <ul><li>one</li><li>two</li></ul></div>",
    "<pre>  indented\n\n   <code>code</code>\n</pre><p>  </p><pre>   </pre>",
    "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby><p>after</p>",
    "<div><rt>x<rp>(<pre> y </div>after <b> </b>",
    "<table><tr><th headers='a b'>H</th><td>1</td></tr><tr><td>2</td></tr></table>",
    "<blockquote><p>Quoted</p><footer>— <cite>Someone</cite></footer></blockquote>",
    "<figure><img src='x.png'><figcaption>A caption</figcaption></figure><hr><p>x</p>",
    "<p>unclosed <div>block in p <p>another</div> stray </span></p></li>",
    "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head>"
    "<body><article><h2>Head</h2><p>Body &amp; more &#8212; text</p></article></body></html>",
    "<p>a<br>b<br/>c</p><!-- a comment --><script>var x = '<p>';</script><p>d</p>",
    "<p><time datetime='2024'>March 3</time> and <q>a quote</q> <cite>Source</cite></p>",
    "<section><aside><p>side</p></aside><p>main</p></section><details><summary>s</summary>d</details>",
]


@pytest.mark.parametrize("html", SNIPPETS)
def test_the_builder_makes_the_stock_tree(html: str) -> None:
    ours, stock = both(html)
    assert ours == stock


def test_the_builder_makes_the_stock_tree_for_real_articles(blogs_dir: Path) -> None:
    import frontmatter

    from bot.library.parse import _HANDLER

    for path in sorted(blogs_dir.rglob("*.md"))[::16]:
        _, body = frontmatter.parse(decode(path.read_bytes()), handler=_HANDLER)
        if not markup.looks_like_html(body):
            body = markup._MD.render(body)
        ours, stock = both(body)
        assert ours == stock, path.name
