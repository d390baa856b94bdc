"""HTML (or Markdown) bodies to text blocks, through BeautifulSoup on lxml's parser.

Every block has a kind, and page furniture (captions, bylines, datelines, call-outs,
"Related" lists, exporter placeholders...) is marked here, once, so that passages,
summaries, quotes and search text all read the same body. See `bot.library.furniture`
for the language rules; the structural ones (which elements are furniture) live here.
"""

from __future__ import annotations

import html as _html
import re
import threading
from collections.abc import Iterable
from typing import Literal, NamedTuple

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from bs4.builder import ParserRejectedMarkup
from bs4.builder._lxml import LXMLTreeBuilder
from markdown_it import MarkdownIt

from bot.library import furniture

Kind = Literal["text", "heading", "pre", "blockquote", "furniture"]


class Block(NamedTuple):
    """One block of an article body. `cite` names a blockquote's source when marked up.

    A tuple rather than a dataclass: a blog post makes ~50 of them, and this is ~2x
    cheaper to build.
    """

    text: str
    kind: Kind = "text"
    cite: str | None = None
    links: tuple[str, ...] = ()  # the texts of its links, to tell a link title from speech

    @property
    def body(self) -> bool:
        return self.kind != "furniture"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements whose whole subtree is never read: code, page chrome and embedded media.
_SKIP = _words(
    """script style noscript template head title meta link svg math canvas object embed
    map select textarea input button iframe audio video source track picture img dialog
    form nav"""
)
# Inline elements build no element of their own (a BeautifulSoup element costs ~12 µs, and
# a blog post has ~100 inline ones): their words flow into the block, and the few whose
# meaning the reader needs (a link, an inline quote, a date, a cited source) leave marks in
# the text, private-use characters the walker reads and removes.
_TRANSPARENT = _words(
    """b i u s em strong code span small big sup sub abbr mark kbd var samp del ins font tt
    dfn bdi bdo wbr nobr data acronym strike label"""
)
# The wrappers lxml adds around every fragment: the soup itself stands for them.
_WRAPPERS = _words("html body")
LINK_OPEN, LINK_CLOSE, CITE_OPEN, CITE_CLOSE = "\ue000", "\ue001", "\ue003", "\ue004"
TIME_OPEN, TIME_CLOSE = "\ue002", "\ue005"
_MARKS = LINK_OPEN + LINK_CLOSE + TIME_OPEN + TIME_CLOSE + CITE_OPEN + CITE_CLOSE
_MARKED_START = {"a": LINK_OPEN, "q": "“", "time": TIME_OPEN, "cite": CITE_OPEN, "br": "\n"}
_MARKED_END = {"a": LINK_CLOSE, "q": "”", "cite": CITE_CLOSE, "time": TIME_CLOSE}
_TIME_SPAN = re.compile("\ue002[^\ue002\ue005]*\ue005?")


def _unmark(text: str) -> str:
    # str.replace per mark present, not str.translate (a dict lookup per character).
    for mark in _MARKS:
        if mark in text:
            text = text.replace(mark, "")
    return text


def _trie(names: Iterable[str]) -> str:
    """A pattern matching any of `names` (each a run of letters), as a trie: a tag that is
    none of them fails at its first letter or two, not after each of ~40 names were tried
    (half of the inline pass's time). Followed by \\b, it matches what the plain
    alternation does: of two names matching at one place, one is a prefix of the other,
    and the shorter is followed by a letter."""
    rests: dict[str, list[str]] = {}
    whole = False
    for name in sorted(set(names)):
        if name:
            rests.setdefault(name[0], []).append(name[1:])
        else:
            whole = True
    if not rests:
        return ""
    group = "(?:" + "|".join(re.escape(c) + _trie(rest) for c, rest in rests.items()) + ")"
    return group + "?" if whole else group


# The same, done to the markup before parsing: one C-speed pass over the text spares lxml
# and BeautifulSoup ~80 element callbacks a blog post (about a fifth of the tree's cost).
# Only inline tags are rewritten, never a block's structure; the builder still handles
# any this misses.
_INLINE_NAMES = _TRANSPARENT | _MARKED_START.keys()
_INLINE_TAG = re.compile(
    r"<(/?)(" + _trie(_INLINE_NAMES) + r")\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.IGNORECASE,
)
_INLINE_MARKS = {("", t): m for t, m in _MARKED_START.items()} | {
    ("/", t): m for t, m in _MARKED_END.items()
}
_INLINE_MARKS[("/", "br")] = "\n"


def _inline_marked(body: str) -> str:
    """The body with its inline tags replaced by their marks (most by nothing)."""
    # Split and joined rather than re.sub with a function: one Python call a tag (~100 a
    # blog post) cost more than the list operations.
    parts = _INLINE_TAG.split(body)  # text, "/" or "", name, text, "/" or "", name, ... text
    if len(parts) == 1:
        return body
    get = _INLINE_MARKS.get
    tags = zip(parts[1::3], parts[2::3], strict=True)
    parts[1::3] = [get((end, name.lower()), "") for end, name in tags]
    parts[2::3] = [""] * (len(parts) // 3)
    return "".join(parts)


_LINK_SPAN = re.compile("\ue000([^\ue000\ue001]*)\ue001")
_CITE_SPAN = re.compile("\ue003([^\ue003\ue004]*)\ue004")
_BLOCK = _words(
    """article main section div p ul ol li dl dt dd table thead tbody tfoot tr
    caption details summary address center hr fieldset legend hgroup"""
)
_HEADING = _words("h1 h2 h3 h4 h5 h6")
_CELL = _words("td th")
# Always furniture: the element is page furniture by what it is. (An <aside> is furniture
# unless it reads as prose: see _Walker._aside.)
_FURNITURE = _words("header footer figcaption")
# Class or id words that name page furniture.
_FURNITURE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:caption|credits?|byline|author|dateline|related|newsletter|subscribe|"
    r"signup|promo|advert|advertisement|ad|ads|share|social|comments?|rw-outer-content|"
    r"breadcrumbs?|tags|meta)(?:$|[\s_-])",
    re.IGNORECASE,
)


class _Builder(LXMLTreeBuilder):
    """bs4's lxml tree builder, building only the elements the reader looks at, and
    building them itself.

    A BeautifulSoup tree costs ~10 µs a node when every lxml event goes through
    `BeautifulSoup.handle_starttag`/`handle_data`/`handle_endtag`. This builder skips
    skipped subtrees (scripts, SVG, media) and inline formatting, and makes each `Tag`
    and string itself, the way bs4's html5lib builder does: a `Tag` gets the fields a
    stock one has (copied from one made the stock way), and every node is linked to its
    parent, siblings and neighbours in document order as `object_was_parsed` links it.
    tests/test_markup.py checks the result against the stock calls, node by node.
    """

    NAME = "articlebot-lxml"
    features = [NAME]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._skipping = 0  # depth inside a skipped subtree (lxml's events are balanced)
        self._edge = True  # the last event opened or closed a block: blank text is layout
        self._text: list[str] = []  # text since the last node built, handed over at once
        self._open: list[Tag] = []  # the open elements, the soup first
        self._last: PageElement | None = None  # the node made last (bs4's most recent)
        self._pre = 0  # open <pre> elements: their blank text is kept as it is
        self._containers: list[str] = []  # open elements whose text has its own class (rt)
        # Names whose elements need more than the usual: empty, string containers, <pre>.
        self._special = (
            set(self.empty_element_tags or ())
            | set(self.string_containers)
            | set(self.preserve_whitespace_tags or ())
        )

    def parser_for(self, encoding):  # type: ignore[no-untyped-def, override]
        # lxml inspects a target's methods each time a parser is made (~25 µs); a feed
        # parser is reusable once closed, so one a builder (and encoding) will do.
        parsers = self.__dict__.setdefault("_parsers", {})
        if encoding not in parsers:
            parsers[encoding] = super().parser_for(encoding)
        return parsers[encoding]

    def initialize_soup(self, soup: BeautifulSoup) -> None:
        super().initialize_soup(soup)
        self._skipping = 0
        self._edge = True
        self._text = []
        self._open = [soup]
        self._last = None
        self._pre = 0
        self._containers = []
        if _Tag.parser_class is None:
            _Tag.share(Tag(soup, self, "p", None, None, {}))

    # -- the nodes (tests/test_markup.py makes them the stock way to compare) -----------

    def _start_tag(self, name: str, attrs: dict[str, str]) -> None:
        """Open an element: a Tag linked in as `BeautifulSoup.handle_starttag` does."""
        tag = _Tag.__new__(_Tag)
        tag.name = name
        tag._namespaces = {}
        tag.attrs = self._replace_cdata_list_attribute_values(name, attrs) if attrs else attrs
        tag.contents = []
        self._link(tag)
        self._open.append(tag)
        if name in self._special:
            if name in self.empty_element_tags:
                tag.can_be_empty_element = True
            if name in self.string_containers:
                tag.interesting_string_types = {self.string_containers[name]}
                self._containers.append(name)
            if name in self.preserve_whitespace_tags:
                self._pre += 1

    def _end_tag(self, name: str) -> None:
        """Close the innermost open element of this name, and any opened inside it."""
        open_ = self._open
        for i in range(len(open_) - 1, 0, -1):
            if open_[i].name == name:
                for tag in reversed(open_[i:]):  # innermost first, as bs4 pops them
                    if tag.name in self._special:
                        if tag.name in self.preserve_whitespace_tags:
                            self._pre -= 1
                        if self._containers and tag.name == self._containers[-1]:
                            self._containers.pop()
                del open_[i:]
                return

    def _add_text(self, text: str) -> None:
        """A string, made and collapsed as `BeautifulSoup.endData` makes one."""
        if not self._pre and not text.strip(_ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        kind = (
            self.string_containers.get(self._containers[-1], NavigableString)
            if self._containers
            else NavigableString
        )
        string = str.__new__(kind, text)
        string.hidden = False
        self._link(string)

    def _link(self, node: PageElement) -> None:
        """Append a new node to the open element, after the node made last."""
        parent = self._open[-1]
        siblings = parent.contents
        before = siblings[-1] if siblings else None
        last = self._last
        node.parent = parent
        node.previous_element = last
        node.next_element = None
        node.previous_sibling = before
        node.next_sibling = None
        if last is not None:
            last.next_element = node
        if before is not None:
            before.next_sibling = node
        siblings.append(node)
        self._last = node

    # -- lxml's events ------------------------------------------------------------------

    def _hand_over(self) -> None:
        if self._text:
            self._add_text("".join(self._text))
            self._text.clear()

    def start(self, tag, attrib, nsmap=None):  # type: ignore[no-untyped-def, override]
        if self._skipping:
            self._skipping += 1
        elif tag in _TRANSPARENT:
            pass
        elif tag in _WRAPPERS:
            self._edge = True
        elif tag in _MARKED_START:
            self.data(_MARKED_START[tag])
        elif tag in _SKIP:
            self._skipping = 1
        else:
            self._edge = True
            self._hand_over()
            self._start_tag(tag, dict(attrib) if attrib else {})

    def end(self, tag):  # type: ignore[no-untyped-def, override]
        if self._skipping:
            self._skipping -= 1
        elif tag in _TRANSPARENT or tag in _MARKED_START:
            if tag in _MARKED_END:
                self.data(_MARKED_END[tag])
        elif tag in _WRAPPERS:
            self._edge = True
            self._hand_over()
        else:
            self._edge = True
            self._hand_over()
            self._end_tag(tag)

    def data(self, data):  # type: ignore[no-untyped-def, override]
        if self._skipping:
            return
        if self._edge:
            if data.isspace():
                return  # the newlines between </p> and <p>: no element needed for them
            self._edge = False
        self._text.append(data)

    def close(self) -> None:
        self._hand_over()
        super().close()

    def comment(self, text):  # type: ignore[no-untyped-def, override]
        return

    def doctype(self, name, pubid, system):  # type: ignore[no-untyped-def, override]
        return

    def pi(self, target, data):  # type: ignore[no-untyped-def, override]
        return


_ASCII_SPACES = BeautifulSoup.ASCII_SPACES


class _Tag(Tag):
    """A bs4 `Tag` as `_Builder` makes it (bs4 lets a soup use a subclass of Tag: see
    `BeautifulSoup(element_classes=...)`). The fields that are the same for every element
    the builder makes are class attributes, copied from a Tag made the stock way; each
    element sets only its own (~10 rather than 21 a Tag, ~2 µs less an element).
    """

    parser_class = None  # set by share()
    # Fields a Tag holds for itself: set on each element by _Builder._start_tag and _link.
    OWN = _words(
        """name _namespaces attrs contents parent previous_element next_element
        previous_sibling next_sibling"""
    )

    @classmethod
    def share(cls, stock: Tag) -> None:
        """Take the shared fields from a Tag made by the builder the stock way."""
        for field, value in vars(stock).items():
            if field not in cls.OWN:
                setattr(cls, field, value)


_MD = MarkdownIt("commonmark")
_LOOKS_HTML = re.compile(
    r"\A\s*<(?:!doctype|html|body|head|[a-z][a-z0-9]*\b[^>]*>)"
    r"|</(?:p|div|li|h[1-6]|pre|table|blockquote|article|section|figure|ul|ol)\s*>"
    r"|<br\s*/?>",
    re.IGNORECASE,
)
# markdown-it goes quadratic on some inputs (runs of "[" or "*"); past this size a
# non-HTML body is read as plain paragraphs so one odd file cannot stall a reload.
_MAX_MARKDOWN = 100_000
_WHOLE_PAGE = re.compile(r"<(?:!doctype|html|body)\b", re.IGNORECASE)
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_TAG_RE = re.compile(r"<[^>]*>")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


_LOCAL = threading.local()


def _builder() -> _Builder:
    """One builder a thread: making one inspects signatures, ~60 µs of a ~400 µs parse."""
    builder = getattr(_LOCAL, "builder", None)
    if builder is None:
        builder = _LOCAL.builder = _Builder()
    return builder


def looks_like_html(body: str) -> bool:
    """True when the body is HTML rather than Markdown or plain text."""
    return _LOOKS_HTML.search(body, 0, 20_000) is not None


def parse_blocks(body: str) -> list[Block]:
    """Every block of the body in document order, furniture marked as kind "furniture"."""
    if not body or not body.strip():
        return []
    body = _BAD_CHARS.sub("", body)
    if not looks_like_html(body):
        if len(body) > _MAX_MARKDOWN:
            return _marked(_plain_blocks(body))
        body = _MD.render(body)
    body = _inline_marked(body)
    try:
        soup = BeautifulSoup(body, builder=_builder())
    except (ParserRejectedMarkup, ValueError):
        soup = None
    if soup is None:
        # libxml2 gave up: keep the words rather than nothing.
        return _marked(_plain_blocks(_html.unescape(_TAG_RE.sub(" ", body))))
    start: Tag = soup
    if _WHOLE_PAGE.search(body, 0, 4000):
        for name in ("article", "main"):
            found = soup.find(name)
            if isinstance(found, Tag) and found.get_text().strip():
                start = found
                break
    walker = _Walker()
    walker.walk(start)
    walker.flush()
    walker.drop_pull_quotes()
    return furniture.mark_runs(walker.blocks)


def html_to_blocks(body: str) -> list[str]:
    """The body text blocks (furniture left out): paragraphs, headings, list items, pre."""
    return [b.text for b in parse_blocks(body) if b.body]


def _plain_blocks(text: str) -> list[str]:
    return [b for b in (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text)) if b]


def _marked(texts: list[str]) -> list[Block]:
    return furniture.mark_runs([Block(t, furniture.kind_of(t, (), False)) for t in texts])


class _Walker:
    """Walks the soup once, gathering blocks; a furniture element's blocks are all furniture."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.furniture = 0  # depth inside furniture elements
        self.worded = 0  # blocks that are furniture by their language (furniture.kind_of)
        self.asides: list[tuple[int, int]] = []  # the spans of blocks of asides kept as body

    def flush(self, kind: Kind | None = "text") -> None:
        """Close the block being gathered; kind None: a table row, never furniture by its
        words (a row of dates is a schedule, not a dateline)."""
        buf = self.buf
        if not buf:
            return
        raw = "".join(buf)
        buf.clear()
        links: tuple[str, ...] = ()
        timed = False
        if LINK_OPEN in raw or TIME_OPEN in raw or CITE_OPEN in raw:  # marks to read
            if LINK_OPEN in raw:
                links = tuple(
                    t for t in (" ".join(x.split()) for x in _LINK_SPAN.findall(raw)) if t
                )
            # A <time> with a word or two around it ("Posted <time>…</time>") is a dateline.
            if TIME_OPEN in raw:
                rest = _unmark(_TIME_SPAN.sub(" ", raw))
                timed = len(rest.split()) <= 4
            raw = _unmark(raw)
        text = " ".join(raw.split())
        if "[Link:" in text:
            text = furniture.strip_link_markup(text) if furniture.kind_of(text) == "text" else text
        text = furniture.strip_source_markup(text)
        if not text:
            return
        if self.furniture:
            kind = "furniture"
        elif kind == "text":
            kind = furniture.kind_of(text, links, timed)  # type: ignore[assignment]
            if kind == "furniture":
                self.worded += 1
        self.blocks.append(Block(text, kind or "text", None, links))

    def walk(self, el: Tag) -> None:
        for child in el.contents:
            if type(child) is NavigableString:
                self.buf.append(child)
            elif isinstance(child, Tag):
                self._child(child)

    def _child(self, el: Tag) -> None:
        name = el.name
        if name in _BLOCK:
            self.flush()
            if el.attrs and _is_furniture_class(el):
                self._furniture(el)
            else:
                self.walk(el)
                self.flush(None if name == "tr" else "text")
        elif name in _CELL:
            if self.buf:
                self.buf.append(" | ")
            self.walk(el)
            self.buf.append(" ")
        elif name in _HEADING:
            self.flush()
            self.walk(el)
            self.flush("heading")
        elif name == "pre":
            self.flush()
            text = _clean_pre(_unmark(el.get_text()))
            if text:
                self.blocks.append(Block(text, "furniture" if self.furniture else "pre"))
        elif name == "blockquote":
            self.flush()
            self._blockquote(el, None)
        elif name == "figure":
            self.flush()
            self._figure(el)
        elif name in _FURNITURE:
            self.flush()
            self._furniture(el)
        elif name == "aside":
            self.flush()
            self._aside(el)
        else:
            self.walk(el)

    def _furniture(self, el: Tag) -> None:
        self.furniture += 1
        self.walk(el)
        self.flush()
        self.furniture -= 1

    def _aside(self, el: Tag) -> None:
        """An aside is furniture (links, a call to subscribe, a promo, a photo), unless it
        is prose beside the story, such as a company's statement: that is body."""
        if self.furniture or (el.attrs and _is_furniture_class(el)):
            self._furniture(el)
            return
        start, worded = len(self.blocks), self.worded
        self.walk(el)
        self.flush()
        if self.worded == worded and furniture.is_prose_aside(self.blocks[start:]):
            self.asides.append((start, len(self.blocks)))
        else:
            self._mark_furniture(start, len(self.blocks))

    def drop_pull_quotes(self) -> None:
        """A prose aside that repeats the article's own sentences is a pull quote: furniture,
        or the passage and summary would read it twice."""
        blocks = self.blocks
        for start, end in self.asides:
            aside = [b.text for b in blocks[start:end] if b.body]
            rest = [b.text for i, b in enumerate(blocks) if b.body and not start <= i < end]
            if aside and furniture.is_pull_quote(aside, rest):
                self._mark_furniture(start, end)

    def _mark_furniture(self, start: int, end: int) -> None:
        for i in range(start, end):
            b = self.blocks[i]
            if b.body:
                self.blocks[i] = Block(b.text, "furniture", b.cite, b.links)

    def _blockquote(self, el: Tag, caption: str | None) -> None:
        """A block quote: its paragraphs as "blockquote" blocks, its cite as their source."""
        cite = caption or _cite_of(el)
        start = len(self.blocks)
        self.walk(el)
        self.flush()
        for i in range(start, len(self.blocks)):
            b = self.blocks[i]
            if b.kind in ("text", "heading"):
                self.blocks[i] = Block(b.text, "blockquote", cite, b.links)

    def _figure(self, el: Tag) -> None:
        """A figure is furniture, unless it holds a block quote (its caption is then the cite)."""
        quote = el.find("blockquote")
        if isinstance(quote, Tag) and not self.furniture:
            cap = el.find("figcaption")
            caption = _source_name(cap.get_text(" ")) if isinstance(cap, Tag) else None
            self._blockquote(quote, caption)
            return
        self._furniture(el)


def _is_furniture_class(el: Tag) -> bool:
    attrs = el.attrs
    if not attrs:
        return False
    names = " ".join(_attr_text(attrs.get(k)) for k in ("class", "id", "role"))
    return bool(names.strip()) and _FURNITURE_CLASS.search(names) is not None


def _attr_text(value: object) -> str:
    """An attribute's value as text: bs4 splits `class` into a list of words."""
    if isinstance(value, list):
        return " ".join(value)
    return str(value or "")


def _cite_of(el: Tag) -> str | None:
    """The source a blockquote names: its <cite>, or a <footer> in it (taken out of its text)."""
    footer = el.find("footer")
    if isinstance(footer, Tag):
        text = footer.get_text(" ")
        footer.decompose()
        return _source_name(_CITE_SPAN.sub(r"\1", text))
    for s in el.find_all(string=lambda t: CITE_OPEN in t):
        m = _CITE_SPAN.search(s)
        if m:
            s.replace_with(s.replace(m.group(0), ""))
            return _source_name(m.group(1))
    return None


_DASH = re.compile(r"^[\s—–―-]+")


def _source_name(text: str) -> str | None:
    text = " ".join(_DASH.sub("", _unmark(text)).split()).strip(" ,.")
    return text or None


def _clean_pre(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def strip_tags(text: str) -> str:
    """Plain text of a short HTML snippet (a description), whitespace collapsed."""
    if "<" in text:
        text = _TAG_RE.sub(" ", text)
    if "&" in text:
        text = _html.unescape(text)
    return " ".join(text.split())
