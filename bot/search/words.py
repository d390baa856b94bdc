"""Words as the search core compares them: folded, split, stopwords, and FTS5 terms.

What people type and what titles, tags and sentences hold go through the same functions,
so the two meet.
"""

from __future__ import annotations

import re
import unicodedata

from bot.search.stem import stem

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
_WORD = re.compile(r"[^\W_]+(?:[.'’+#][^\W_]+)*[+#]*")
_ALNUM = re.compile(r"[^\W_]+")


# A str.translate table deleting the combining marks met so far, and every character
# already looked at: characters are classified as texts bring them (listing all ~900 marks
# of Unicode up front took 0.1 s, a sixth of a start at 100k articles).
_COMBINING: dict[int, None] = {}
_CLASSIFIED: set[str] = set()


def _no_combining(text: str) -> dict[int, None]:
    """The translate table deleting combining marks, knowing those of text."""
    if not _CLASSIFIED.issuperset(text):
        new = set(text).difference(_CLASSIFIED)
        _COMBINING.update((ord(c), None) for c in new if unicodedata.combining(c))
        _CLASSIFIED.update(new)  # after: a character classified is in the table if a mark
    return _COMBINING


def fold(text: str) -> str:
    """Case-folded text without diacritics, for comparing what people type with titles."""
    if text.isascii():
        # Nothing to decompose or strip: the per-character pass below dominated index builds.
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    if text.isascii():
        return text
    # translate runs in C: a per-character loop here was most of stemming an article.
    return text.translate(_no_combining(text)).replace("’", "'")


def words(text: str) -> list[str]:
    """Folded words of text; "rust's" → "rust", dotted names like "crates.io" stay whole."""
    return folded_words(fold(text))


def folded_words(folded: str) -> list[str]:
    """words() of text already folded (see fold)."""
    if "'" not in folded:
        return _WORD.findall(folded)
    return [w for w in map(without_apostrophe, _WORD.findall(folded)) if w]


def without_apostrophe(word: str) -> str:
    """A word as words() gives it: "rust's" → "rust", "don't" → "dont" ("" for "'s")."""
    if word.endswith("'s"):
        word = word[:-2]
    return word.replace("'", "")


_WORD_OR_BREAK = re.compile(r"\n|" + _WORD.pattern)


def raw_words_and_breaks(folded: str) -> list[str]:
    """The words of folded text before without_apostrophe, and each line break as "\n"."""
    return _WORD_OR_BREAK.findall(folded)


def content_words(text: str) -> list[str]:
    """Folded words of text other than stopwords, in order."""
    return [w for w in words(text) if w not in STOPWORDS]


def stems(text: str) -> set[str]:
    """The stems of text's words other than stopwords: what passages and quotes match on."""
    return {stem(w) for w in content_words(text)}


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
