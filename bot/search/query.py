"""What a member typed, made safe: normalised words, stopwords, filters and FTS5 terms."""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

MAX_QUERY_CHARS = 300
MAX_TERMS = 12

# Function words and question words: they never make a match confident on their own.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "can't",
        "cannot",
        "could",
        "couldn't",
        "did",
        "didn't",
        "do",
        "does",
        "doesn't",
        "doing",
        "don't",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "hadn't",
        "has",
        "hasn't",
        "have",
        "haven't",
        "having",
        "he",
        "he'd",
        "he'll",
        "he's",
        "her",
        "here",
        "here's",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "how's",
        "i",
        "i'd",
        "i'll",
        "i'm",
        "i've",
        "if",
        "in",
        "into",
        "is",
        "isn't",
        "it",
        "it's",
        "its",
        "itself",
        "let's",
        "me",
        "more",
        "most",
        "mustn't",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "ought",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "shan't",
        "she",
        "she'd",
        "she'll",
        "she's",
        "should",
        "shouldn't",
        "so",
        "some",
        "such",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "there's",
        "these",
        "they",
        "they'd",
        "they'll",
        "they're",
        "they've",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "wasn't",
        "we",
        "we'd",
        "we'll",
        "we're",
        "we've",
        "were",
        "weren't",
        "what",
        "what's",
        "when",
        "when's",
        "where",
        "where's",
        "which",
        "while",
        "who",
        "who's",
        "whom",
        "why",
        "why's",
        "with",
        "won't",
        "would",
        "wouldn't",
        "you",
        "you'd",
        "you'll",
        "you're",
        "you've",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "whats",
        "whos",
        "hows",
        "wheres",
        "whens",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "arent",
        "wasnt",
        "cant",
        "wont",
        "tell",
        "explain",
        "anyone",
        "someone",
        "something",
        "anything",
        "article",
        "articles",
        "please",
        "also",
        "just",
    ]
)
# Words that shape the kind of answer wanted; stopwords for matching, cues for passages.
QUESTION_WORDS = frozenset(["who", "whom", "whose", "what", "when", "where", "why", "how", "which"])
# Words asking for the newest of what matches ("latest rust release"), unless a title
# holds them ("Two recent Go talks").
RECENCY_WORDS = frozenset(["latest", "newest", "recent", "recently"])
# Words naming what a library holds, not what it is about: "blog posts about the borrow
# checker" is about the borrow checker, and "go modules tutorial" about go modules (in a
# keyword search, and unless it is a title).
LISTING_WORDS = frozenset(
    [
        "post",
        "posts",
        "article",
        "articles",
        "blog",
        "blogs",
        "stories",
        "tutorial",
        "tutorials",
        "guide",
        "guides",
    ]
)

_WORD = re.compile(r"[^\W_]+(?:[.'’+#][^\W_]+)*[+#]*")
_ALNUM = re.compile(r"[^\W_]+")
_FILTER = re.compile(
    r'(?i)(?<![\w:])(tag|author|by):(?:"([^"]*)"|“([^”]*)”|(\S+(?:\s+(?!\w+:)[^\s"“]+){0,3}))'
)
_PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”')


@functools.cache
def _no_combining() -> dict[int, None]:
    """A str.translate table deleting every combining mark (~900 code points; ~0.1 s, once)."""
    return dict.fromkeys(c for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c)))


def fold(text: str) -> str:
    """Case-folded text without diacritics, for comparing what people type with titles."""
    if text.isascii():
        # Nothing to decompose or strip: the per-character pass below dominated index builds.
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    if text.isascii():
        return text
    # translate runs in C: a per-character loop here was most of stemming an article.
    return text.translate(_no_combining()).replace("’", "'")


def words(text: str) -> list[str]:
    """Folded words of text; "rust's" → "rust", dotted names like "crates.io" stay whole."""
    folded = fold(text)
    if "'" not in folded:
        return _WORD.findall(folded)
    out = []
    for w in _WORD.findall(folded):
        if w.endswith("'s"):
            w = w[:-2]
        w = w.replace("'", "")
        if w:
            out.append(w)
    return out


def fts_terms(text: str) -> list[str]:
    """Alphanumeric runs, as FTS5's unicode61 tokenizer splits them."""
    return _ALNUM.findall(fold(text))


def fts_quote(term: str) -> str:
    """One term or phrase as an FTS5 string: nothing the user types can become syntax."""
    return '"' + term.replace('"', '""') + '"'


def fts_word(word: str) -> str | None:
    """A query word as one FTS5 phrase of its alphanumeric runs ("crates.io" -> "crates io"),
    as FTS5 indexed it; None for a word with none."""
    parts = fts_terms(word)
    return fts_quote(" ".join(parts)) if parts else None


def clip(text: str, limit: int = MAX_QUERY_CHARS) -> str:
    """Printable text, whitespace collapsed, cut to `limit` characters."""
    text = text[: limit * 4]
    if not text.isprintable():  # a per-character pass only for the rare control character
        text = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(text.split())[:limit]


@dataclass(slots=True)
class ParsedQuery:
    """A query split into free text and filters."""

    raw: str
    text: str  # free text without the filters and quotes
    words: list[str] = field(default_factory=list)  # folded words of the free text
    content: list[str] = field(default_factory=list)  # words minus stopwords
    phrases: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # resolved names ("" when unresolved)
    authors: list[str] = field(default_factory=list)

    @property
    def has_filters(self) -> bool:
        return bool(self.phrases or self.tags or self.authors)

    @property
    def empty(self) -> bool:
        return not self.words and not self.has_filters

    def without(self, drop: frozenset[str]) -> ParsedQuery | None:
        """This query without the words in `drop`; None when it has none of them."""
        if not drop.intersection(self.words):
            return None
        return replace(
            self,
            text=" ".join(
                t for t in self.text.split() if not (ws := words(t)) or not set(ws) <= drop
            ),
            words=[w for w in self.words if w not in drop],
            content=[w for w in self.content if w not in drop],
        )

    @property
    def joined(self) -> list[tuple[str, str, str]]:
        """Adjacent content words the library may write as one: ("web", "assembly",
        "webassembly"), ("go", "fmt", "gofmt"). Like Meilisearch, the engine also looks
        for the concatenation of two words typed apart."""
        keep = set(self.content)
        return [
            (a, b, a + b)
            for a, b in zip(self.words, self.words[1:], strict=False)
            if a in keep and b in keep and a != b and (a + b).isalnum() and len(a + b) >= 4
        ]


# resolve(kind, words) -> (name or None, how many of the words the name used)
Resolver = Callable[[str, list[str]], tuple[str | None, int]]


def _first_word(kind: str, ws: list[str]) -> tuple[str | None, int]:
    return (ws[0], 1) if ws else (None, 0)


def parse_query(raw: str, resolve: Resolver | None = None) -> ParsedQuery:
    """Split `tag:NAME`, `author:NAME` and "exact phrases" from the free text.

    An unquoted name may run over several words ("author:rob pike"): `resolve` decides
    how many of the following words belong to it; the rest stay free text.
    """
    text = clip(raw)
    q = ParsedQuery(raw=text, text="")
    resolve = resolve or _first_word

    def take(m: re.Match[str]) -> str:
        kind = "tag" if m.group(1).lower() == "tag" else "author"
        quoted = m.group(2) or m.group(3)
        # tag:compiler_team and tag:compiler-team both mean the tag "compiler team".
        ws = (quoted or m.group(4) or "").replace("_", " ").split()
        if quoted is not None:
            name, used = resolve(kind, [" ".join(ws)]) if ws else (None, 0)
            ws = []
        else:
            name, used = resolve(kind, ws)
        (q.tags if kind == "tag" else q.authors).append(name or "")
        return " " + " ".join(ws[max(used, 1 if ws else 0) :]) + " "

    text = _FILTER.sub(take, text)
    for m in _PHRASE.finditer(text):
        phrase = " ".join(fts_terms(m.group(1) or m.group(2) or ""))
        if phrase:
            q.phrases.append(phrase)
    free = _PHRASE.sub(lambda m: " " + (m.group(1) or m.group(2) or "") + " ", text)
    q.text = " ".join(free.replace('"', " ").split())
    q.words = words(q.text)[: MAX_TERMS * 2]
    q.content = [w for w in q.words if w not in STOPWORDS][:MAX_TERMS]
    return q


# First words of a question ("who", "does", "should" ...).
QUESTION_START = frozenset(
    [
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "which",
        "is",
        "are",
        "can",
        "could",
        "does",
        "do",
        "did",
        "should",
        "will",
        "would",
        "was",
        "were",
        "has",
        "have",
    ]
)
# Words that may come before the question word: "until which release", "since when".
_QUESTION_LEAD = frozenset(
    [
        "and",
        "so",
        "but",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "since",
        "until",
        "till",
        "to",
        "of",
        "with",
    ]
)


def looks_like_question(q: ParsedQuery) -> bool:
    """A natural question rather than a title or keywords: answer it like `ask`."""
    if q.has_filters or not q.words:
        return False
    if q.raw.rstrip().endswith("?"):
        return True
    if len(q.words) < 4:
        return False
    first, second = q.words[0], q.words[1]
    return first in QUESTION_START or (first in _QUESTION_LEAD and second in QUESTION_WORDS)


# A description rather than a topic: "python tutorial for beginners" (3 content words)
# stays a keyword search, whose confidence decides; "keynote at the symposium on memory
# management" reads as a sentence.
SENTENCE_CONTENT_WORDS = 4


def reads_as_sentence(q: ParsedQuery) -> bool:
    """Many content words joined by function words: a description of what is wanted,
    worth answering as a question when no title or keyword matches it."""
    if q.has_filters:
        return False
    return len(q.content) >= SENTENCE_CONTENT_WORDS and len(q.words) > len(q.content)


def content_words(text: str) -> list[str]:
    """Folded non-stopwords of text."""
    return [w for w in words(text) if w not in STOPWORDS]
