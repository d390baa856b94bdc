"""Summaries: the description when it is a real one, else 1-2 sentences that read alone."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.library.model import Article, Sentence
from bot.search.query import STOPWORDS, fold, words
from bot.search.stem import stem

MIN_DESCRIPTION_WORDS = 6
_URL = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BOILERPLATE = re.compile(
    r"^\W*(?:read more|click here|continue reading|more\b|subscribe|sign up|lorem ipsum|"
    r"no description|description|todo|tbd|n/?a|untitled|placeholder|see more|learn more)\b",
    re.IGNORECASE,
)
# Sentences that lean on what came before them do not read well alone.
_BACK_REFERENCE = frozenset(
    [
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "they",
        "them",
        "their",
        "he",
        "she",
        "his",
        "her",
        "him",
        "we",
        "also",
        "but",
        "however",
        "and",
        "or",
        "so",
        "then",
        "thus",
        "therefore",
        "hence",
        "still",
        "yet",
        "moreover",
        "furthermore",
        "additionally",
        "instead",
        "meanwhile",
        "otherwise",
        "here",
        "there",
        "such",
        "another",
        "besides",
        "nevertheless",
        "nonetheless",
        "which",
        "similarly",
        "likewise",
        "finally",
        "lastly",
        "first",
        "second",
        "third",
        "next",
        "now",
        "again",
        "anyway",
        "indeed",
    ]
)
_CODE = re.compile(r"[{};=<>]|\(\)|::|->|=>|`|\$\s|^\s*[#/]{2}|\b\w+\(\w*\)|\w+_\w+|\w+\.\w+\(")
_SERIES = re.compile(r"\b(?:part \d+|this post|this article|in this post|previous post)\b", re.I)


def _plain(text: str) -> str:
    return " ".join(_TAG.sub(" ", text).split())


def is_real_summary(description: str | None, title: str = "") -> bool:
    """True for a description worth showing: not empty, a URL, boilerplate or the title."""
    if not description:
        return False
    text = _plain(description)
    if not text or _URL.match(text) or _BOILERPLATE.match(text):
        return False
    if len(text.split()) < MIN_DESCRIPTION_WORDS:
        return False
    bare = re.sub(r"https?://\S+", "", text)
    if bare != text and len(bare.split()) < MIN_DESCRIPTION_WORDS:
        return False
    return not (title and fuzz.ratio(fold(text), fold(title)) >= 90)


def _stands_alone(s: str) -> bool:
    w = s.split()
    if not 8 <= len(w) <= 45:
        return False
    first = fold(w[0]).strip("\"'“‘(")
    if first in _BACK_REFERENCE:
        return False
    if s[-1] not in '.!?”"’)' or s.endswith(":"):
        return False  # headings and lead-ins to lists or code
    if _CODE.search(s) or _SERIES.search(s):
        return False
    letters = sum(map(str.isalpha, s))
    if letters < 0.7 * len(s.replace(" ", "")):
        return False
    return not (s[0].islower() or s.startswith(("“", '"', "‘")))


def extract_summary(article: Article, max_sentences: int = 2) -> str:
    """1-2 early sentences that read alone, preferring ones that echo the title."""
    sentences: list[Sentence] = list(article.sentences)
    if not sentences and article.text:
        sentences = [Sentence(s.strip(), 0) for s in re.split(r"(?<=[.!?])\s+", article.text)]
    title = {stem(w) for w in words(article.title) if w not in STOPWORDS}
    cands: list[tuple[float, int]] = []
    for i, s in enumerate(sentences[:40]):
        if not _stands_alone(s.text):
            continue
        toks = {stem(w) for w in words(s.text) if w not in STOPWORDS}
        overlap = len(title & toks) / len(title) if title else 0.0
        score = 1.0 / (1 + 0.3 * len(cands)) + 0.5 * overlap
        cands.append((score, i))
        if len(cands) >= 8:
            break
    if not cands:
        for s in sentences:
            if len(s.text.split()) >= 5 and not _CODE.search(s.text):
                return _trim(s.text)
        return _trim(article.description or article.text or "")
    _, i = max(cands, key=lambda c: (c[0], -c[1]))
    chosen = [sentences[i].text]
    if (
        max_sentences > 1
        and len(chosen[0].split()) < 14
        and i + 1 < len(sentences)
        and sentences[i + 1].paragraph == sentences[i].paragraph
        and _stands_alone(sentences[i + 1].text)
    ):
        chosen.append(sentences[i + 1].text)
    return " ".join(chosen)


def _trim(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def summarize(article: Article) -> str:
    """The article's summary for users: its description if real, else extractive."""
    if is_real_summary(article.description, article.title):
        return _plain(article.description or "")
    return extract_summary(article)
