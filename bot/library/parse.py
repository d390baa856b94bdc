"""Turn one article file (YAML frontmatter + HTML/Markdown body) into an Article."""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime
from typing import Any

import frontmatter
import yaml
from lxml import etree

from bot.library.clean import clean_article, strip_controls
from bot.library.counts import reading_minutes, word_count
from bot.library.fingerprint import code_fingerprint
from bot.library.markup import parse_blocks, strip_tags
from bot.library.model import Article, Sentence
from bot.library.quotes import extract_quotes
from bot.library.sentences import split_sentences

DEFAULT_MAX_BYTES = 2_000_000
_OPENING = re.compile(r"-{3,}[ \t]*\n")
_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-32's little-endian one starts the same


class ArticleError(Exception):
    """A file that cannot be used as an article; str(e) is a one-line reason."""


# --- YAML ------------------------------------------------------------------------------

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that never fails on a value: odd dates stay strings, `no` stays `no`."""

    def construct_document(self, node: yaml.Node) -> Any:
        # PyYAML's constructor spends ~4 Python calls a node (generators for every map and
        # list, bookkeeping for anchors) even behind libyaml; a frontmatter is nearly always
        # one flat mapping of scalars and lists of scalars, built here directly with the
        # same constructors. Anything else takes PyYAML's own way.
        data = _flat_mapping(self, node)
        return super().construct_document(node) if data is None else data


_MAP, _SEQ, _STR = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:str"
# Tags whose constructors turn a scalar into a value and nothing more (no generator, no
# state): the others (binary, sets, merge keys, unknown tags...) go PyYAML's way.
_PLAIN_SCALARS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "null", "bool", "int", "float", "timestamp")
)
_SLOW = object()


def _flat_mapping(loader: Any, node: yaml.Node) -> dict[Any, Any] | None:
    """A mapping of scalars and lists of scalars as PyYAML's SafeConstructor builds it
    (later duplicate keys win), or None when the document is anything else."""
    if type(node) is not yaml.MappingNode or node.tag != _MAP:
        return None
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = _flat_scalar(loader, key_node)  # a plain scalar's value is hashable
        if key is _SLOW:
            return None
        if type(value_node) is yaml.SequenceNode and value_node.tag == _SEQ:
            items = [_flat_scalar(loader, item) for item in value_node.value]
            if _SLOW in items:
                return None
            out[key] = items
        else:
            value = _flat_scalar(loader, value_node)
            if value is _SLOW:
                return None
            out[key] = value
    return out


def _flat_scalar(loader: Any, node: yaml.Node) -> Any:
    if type(node) is not yaml.ScalarNode or node.tag not in _PLAIN_SCALARS:
        return _SLOW
    if node.tag == _STR:
        return node.value  # what construct_yaml_str returns, three calls later
    return loader.yaml_constructors[node.tag](loader, node)


def _timestamp(loader: Any, node: yaml.Node) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError, TypeError):
        return loader.construct_scalar(node)


def _bool(loader: Any, node: yaml.Node) -> Any:
    # YAML 1.1 reads `title: No` or `tags: [on]` as booleans; keep the author's word.
    value = loader.construct_scalar(node)
    low = value.lower()
    if low == "true":
        return True
    if low == "false":
        return False
    return value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:bool", _bool)


def _tab_indented(text: str, line: int) -> bool:
    """Whether line `line` (0-based) of `text` has a tab among its leading whitespace."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return False
    row = lines[line]
    return "\t" in row[: len(row) - len(row.lstrip())]


class _Handler(frontmatter.YAMLHandler):
    """python-frontmatter's YAML handler with our loader and one-line errors."""

    def split(self, text: str) -> tuple[str, str]:
        try:
            return super().split(text)
        except ValueError:
            raise ArticleError("missing title (frontmatter is never closed with '---')") from None

    def load(self, fm: str, **kwargs: object) -> dict[str, Any]:
        try:
            data = yaml.load(fm, Loader=_Loader)  # noqa: S506 - a safe loader subclass
        except yaml.MarkedYAMLError as e:
            line = f" at line {e.problem_mark.line + 1}" if e.problem_mark else ""
            problem = e.problem or e.context or "syntax error"
            if "tab" not in problem and e.problem_mark and _tab_indented(fm, e.problem_mark.line):
                # "found character that cannot start any token" does not say it is a tab,
                # which an editor shows as spaces: the usual slip in a hand-edited list.
                problem += " (a tab indents it: YAML indents with spaces)"
            raise ArticleError(_one_line(f"bad YAML in frontmatter{line}: {problem}")) from None
        except yaml.YAMLError as e:
            raise ArticleError(_one_line(f"bad YAML in frontmatter: {e}")) from None
        except (ValueError, TypeError, OverflowError, RecursionError) as e:
            raise ArticleError(_one_line(f"bad YAML in frontmatter: {e}")) from None
        if data is None:
            return {}
        if not isinstance(data, dict):
            kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
            raise ArticleError(f"frontmatter is not a mapping of keys to values (it is {kind})")
        return data


_HANDLER = _Handler()


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- field coercion --------------------------------------------------------------------


def _scalar(value: Any) -> str | None:
    """A frontmatter value as one stripped line of text, or None for lists, maps, empties."""
    if value is None or isinstance(value, (list, dict, set, tuple, bytes)):
        return None
    if isinstance(value, bool):
        value = "true" if value else "false"
    text = " ".join(str(value).split())
    return text or None


_SLUG_UNSAFE = re.compile(r"[^a-z0-9._~-]+")
_DASHES = re.compile(r"-{2,}")


def slugify(text: str) -> str:
    """A URL-safe slug; already-clean slugs come back unchanged."""
    text = text.strip().lower()
    if not _SLUG_UNSAFE.search(text) and text.strip("-.") == text:
        return text  # frontmatter slugs are identities: keep them exactly when URL-safe
    slug = _SLUG_UNSAFE.sub("-", text)
    return _DASHES.sub("-", slug).strip("-.")


def _slug_from_path(rel_path: str) -> str:
    name = rel_path.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name[:-3] if name.lower().endswith(".md") else name.rsplit(".", 1)[0] or name
    return slugify(stem) or "article"


_DATE_FOLDER = re.compile(r"^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})\s*$")


def parse_date(value: Any) -> datetime | None:
    """A timezone-aware datetime (UTC when none is given) from YAML or ISO text, else None."""
    try:
        if isinstance(value, datetime):
            dt = value
        elif isinstance(value, date):
            dt = datetime(value.year, value.month, value.day)
        elif isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            m = _DATE_FOLDER.match(text)
            if m:
                dt = datetime(int(m[1]), int(m[2]), int(m[3]))
            else:
                dt = datetime.fromisoformat(text.replace("z", "Z"))
        else:
            return None
        if dt.tzinfo is None or dt.utcoffset() is None:
            dt = dt.replace(tzinfo=UTC)
        return dt
    except (ValueError, TypeError, OverflowError):
        return None


_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)


def _http_url(value: Any) -> str | None:
    text = _scalar(value)
    if text and _HTTP_URL.match(text):
        return text
    return None


def _shape(value: Any) -> str:
    """What a frontmatter value is, for a warning: "a list", "a mapping", "true"..."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple, set)):
        return "a list"
    return f"'{_one_line(str(value))[:40]}'"


# A date written as a year or a year and month alone (ISO 8601's reduced precision).
_NO_DAY = re.compile(r"\d{4}(?:-\d{1,2})?")


def _date_warning(value: Any, dated: bool, published: datetime | None) -> str | None:
    """Why the `date:` the author wrote was not used, when it was not (`dated`: it was):
    the article is served undated, or dated by its `dateFolder`."""
    if dated or value is None or (isinstance(value, str) and not value.strip()):
        return None
    served = "served dated by its dateFolder" if published else "served undated"
    if isinstance(value, (dict, list, tuple, set)):
        return f"date is {_shape(value)}, not a date: {served}"
    if _NO_DAY.fullmatch(str(value).strip()):
        # A year or a month alone: read as its first day, a card would show a day the
        # author never wrote. Said apart, with what to write ("not understood" of a plain
        # "2021" left the admin guessing what was wrong with it).
        return f"date {_shape(value)} gives no day: {served} (write it as YYYY-MM-DD)"
    return f"date {_shape(value)} not understood: {served}"


def _tags_warning(value: Any, tags: tuple[str, ...]) -> str | None:
    """Why tags the author wrote were dropped: `tags:` a mapping (or another non-list),
    or entries of the list that are not text."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, dict):
        return "tags is a mapping, not a list: served untagged" if value else None
    if isinstance(value, (list, tuple, set)):
        odd = sum(1 for item in value if item is not None and _scalar(item) is None)
        if odd:
            return f"{odd} of the tags not text (a list or a mapping): dropped"
        return None
    return None if tags else f"tags is {_shape(value)}, not a list: served untagged"


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        items: list[Any] = value.split(",")
    elif isinstance(value, (list, tuple, set)):
        items = list(value)
    else:
        items = [value] if _scalar(value) else []
    seen: dict[str, None] = {}
    for item in items:
        tag = _scalar(item)
        if tag:
            # Inner whitespace folded to one space: the cache separates tags by newlines.
            seen.setdefault(" ".join(tag.lower().split()), None)
    return tuple(seen)


# Where a byline lists several people: "Ann Lee, Bob Ray & Cy Wu", "Ann Lee and Bob Ray".
_BYLINE_SEPARATORS = re.compile(r"\s*(?:[,;&/|]|\band\b)\s*", re.IGNORECASE)
# The most words one person's name takes ("Robert F. Kennedy Jr. III", "Mary Ann de la
# Cruz"). Read-later exporters sometimes scrape an "About the author" blurb into `author`
# ("About The Author & Matthew Gault Is A Writer Covering Weird Tech & …"): a part longer
# than any name is prose, and shown as the byline it reads as nonsense.
BYLINE_NAME_WORDS = 6


def _byline(text: str | None) -> str | None:
    """`text` when it reads as a byline (one or more names), else None: no person is
    named rather than a blurb shown as one."""
    if text is None:
        return None
    parts = [p for p in _BYLINE_SEPARATORS.split(text) if p]
    if any(len(p.split()) > BYLINE_NAME_WORDS for p in parts):
        return None
    return text


def _author(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        names = [n for n in (_byline(_scalar(v)) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _byline(_scalar(value.get("name")))
    return _byline(_scalar(value))


def _description(value: Any) -> str | None:
    text = _scalar(value)
    if text is None:
        return None
    return strip_tags(text) or None


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


# --- the parser ------------------------------------------------------------------------


def decode(raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """File bytes as text, or ArticleError for oversize, binary or non-UTF-8 files."""
    if len(raw) > max_bytes:
        raise ArticleError(f"file is {_size(len(raw))}, over the {_size(max_bytes)} limit")
    if raw.startswith(_UTF16_BOMS):
        # Some Windows editors save "Unicode" as UTF-16, whose NUL bytes read as binary.
        raise ArticleError("UTF-16 text, not UTF-8: save the file as UTF-8")
    if b"\x00" in raw:
        raise ArticleError("binary file (contains NUL bytes), not a text article")
    offset = 3 if raw.startswith(_BOM) else 0
    try:
        text = raw[offset:].decode("utf-8")
    except UnicodeDecodeError as e:
        at = e.start + offset
        raise ArticleError(f"not UTF-8 text (byte 0x{raw[at]:02x} at offset {at})") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _no_title(meta: dict) -> str:
    """Why the frontmatter gives no title, in the admin's terms: a bare "missing title"
    over a file that has a `title:` line sent them looking for a typo."""
    if "title" not in meta:
        return "missing title (the frontmatter has no `title:`)"
    value = meta["title"]
    if isinstance(value, (list, tuple, set)):
        return "missing title (`title:` is a list, not text)"
    if isinstance(value, dict):
        return "missing title (`title:` is a mapping, not text)"
    return "missing title (`title:` is empty)"


def parse_article(
    raw: bytes,
    rel_path: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    warnings: list[str] | None = None,
) -> Article:
    """Parse one article file; raises ArticleError with a one-line reason when unusable.

    `warnings`, when given, receives a line for each frontmatter value dropped while the
    article is still served (a date not understood, tags that are not a list): the reload
    reports them, or the admin never hears the article went undated or untagged."""
    text = strip_controls(decode(raw, max_bytes))
    if not _OPENING.match(text):
        raise ArticleError("missing title (no YAML frontmatter at the top of the file)")
    # frontmatter.parse rather than .loads: loads passes keys as **kwargs to Post, which
    # breaks on keys like `content` or non-string keys.
    meta, body = frontmatter.parse(text, handler=_HANDLER)

    title = _scalar(meta.get("title"))
    if not title:
        raise ArticleError(_no_title(meta))

    slug = slugify(_scalar(meta.get("slug")) or "") or _slug_from_path(rel_path)
    published = parse_date(meta.get("date"))
    dated = published is not None
    if published is None:
        published = parse_date(_scalar(meta.get("dateFolder")))
    link = _http_url(meta.get("link")) or _http_url(meta.get("isBasedOn"))

    # Page furniture is marked while the HTML is read and goes no further: text, sentences
    # and quotes (and so search, passages and summaries) read the body alone.
    blocks = [b for b in parse_blocks(body) if b.body]
    sentences = tuple(
        Sentence(sentence, i, block.kind)
        for i, block in enumerate(blocks)
        for sentence in split_sentences(block.text)
    )
    clean = "\n\n".join(b.text for b in blocks)
    words = word_count(clean)
    article = Article(
        slug=slug,
        title=title,
        path=rel_path.replace("\\", "/"),
        author=_author(meta.get("author")),
        date=published,
        link=link,
        tags=(tags := _tags(meta.get("tags"))),
        cover_image=_http_url(meta.get("cover_image")),
        description=_description(meta.get("description")),
        text=clean,
        sentences=sentences,
        quotes=tuple(extract_quotes(blocks, title)),
        word_count=words,
        reading_minutes=reading_minutes(words),
    )
    article = clean_article(article)  # entities and YAML escapes may decode to controls
    if not article.title.strip():
        raise ArticleError("missing title (it is only control characters)")
    if warnings is not None:
        found = (
            _date_warning(meta.get("date"), dated, published),
            _tags_warning(meta.get("tags"), tags),
        )
        warnings.extend(w for w in found if w)
    return article


# --- the parser's version --------------------------------------------------------------

# Every module whose code decides what a file parses to (tests/test_parse.py checks that
# parsing imports no other module of the project), and the libraries it reads with.
PARSING_MODULES = (
    "bot.library.parse",
    "bot.library.markup",
    "bot.library.furniture",
    "bot.library.sentences",
    "bot.library.quotes",
    "bot.library.speakers",
    "bot.library.names",
    "bot.library.counts",
    "bot.library.clean",
    "bot.library.model",
    "bot.library.fingerprint",
)
_PARSING_LIBRARIES = ("beautifulsoup4", "lxml", "markdown-it-py", "PyYAML", "python-frontmatter")


@functools.cache
def parser_version() -> str:
    """A fingerprint of what decides an article's text, sentences and quotes: the parsing
    modules' code and the versions of the libraries they read with (libxml2's too).

    The cache records it, and a reload re-parses every file when it differs. Derived
    rather than bumped by hand: a hand-kept number is forgotten, and the cache then
    serves the old parser's text for every file that did not change.
    """
    return code_fingerprint(
        PARSING_MODULES, _PARSING_LIBRARIES, repr(etree.LIBXML_VERSION).encode()
    )
