"""Summaries a reader can trust: the description when it is a real one, else 1-2 body
sentences that read alone.

A description is not a summary when it is a teaser (under ~12 words), cut off ("…",
"[…]"), a photo caption or credit, the exporter's link markup, or boilerplate (a reprint
notice, "originally published by", a sign-up call). The extract is read from body text
only: page furniture never became a sentence (see `bot.library.markup`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from bot.library import furniture
from bot.library.model import Article, Sentence
from bot.search.stem import stem
from bot.search.words import STOPWORDS, fold, words

# A teaser ("Dark web reports go dark", "How to use Zustand") is not a summary.
MIN_DESCRIPTION_WORDS = 12
_URL = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BOILERPLATE = re.compile(
    r"^\W*(?:read more|click here|continue reading|more\b|subscribe|sign up|lorem ipsum|"
    r"no description|description|todo|tbd|n/?a|untitled|placeholder|see more|learn more|"
    r"welcome (?:back )?to|in this (?:issue|edition|episode|week's)|this (?:article|story|"
    r"post|piece) (?:was|is|first|originally))\b",
    re.IGNORECASE,
)
# Promotion and provenance anywhere in a description: reprint notices, sign-up calls.
_PROMOTION = re.compile(
    r"\b(?:originally (?:published|appeared)|(?:first )?appeared (?:first )?(?:in|on)\b|"
    r"republished|reprinted|(?:is )?(?:re)?published (?:here )?with permission|"
    r"(?:sign up|subscribe|register) (?:for|to|now|today|here)|newsletter|"
    r"all rights reserved|©|copyright \d{4}|sponsored by|advertis\w+|"
    r"become a (?:member|subscriber)|support (?:our|independent) journalism)\b",
    re.IGNORECASE,
)
_CUT_OFF = re.compile(r"(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\))\W*$")
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
# Whether a sentence looks like code (searched, never matched for its span): braces,
# operators, backticks, a call `f(x)`, a `snake_case` name, a method `a.b(`. One word
# character before `(`, `_` or `.` finds what `\b\w+(`, `\w+_` and `\w+\.` would, without
# trying every start inside every word; a sentence with none of the characters these need
# (most prose) is passed by one scan for them. These were most of a card's summary and
# pull-quote time.
_CODE_CHARS = re.compile(r"[{};=<>(:`$_#/]")
_CODE = re.compile(r"[{};=<>`]|\(\)|::|\$\s|^\s*[#/]{2}|\w\(\w*\)|\w_\w|\w\.\w+\(")
_SERIES = re.compile(r"\b(?:part \d+|this post|this article|in this post|previous post)\b", re.I)
# An editor's aside about the page, not the story: "Note: For documentation on modules, see
# …", "Update: this post was corrected on …".
_NOTE = re.compile(
    r"(?:editor['’]?s |author['’]?s )?(?:note|update|updated|correction|disclosure|disclaimer|"
    r"clarification)\s*:",
    re.I,
)


def _looks_like_code(s: str) -> bool:
    return _CODE_CHARS.search(s) is not None and _CODE.search(s) is not None


def _plain(text: str) -> str:
    return " ".join(_TAG.sub(" ", text).split())


def is_real_summary(description: str | None, title: str = "") -> bool:
    """True for a description a reader can trust as the article's summary (see the module)."""
    if not description:
        return False
    text = _plain(description)
    if not text or _URL.match(text) or _BOILERPLATE.match(text):
        return False
    if "[Link:" in text or _CUT_OFF.search(text) or text.rstrip().endswith(":"):
        return False
    bare = re.sub(r"https?://\S+|www\.\S+", "", text)
    if len(bare.split()) < MIN_DESCRIPTION_WORDS:
        return False
    if _PROMOTION.search(text) or furniture.kind_of(text) == "furniture":
        return False  # promotion, a caption or credit, a byline or dateline
    return not (title and fuzz.ratio(fold(text), fold(title)) >= 90)


def _stands_alone(s: str, speaker_words: bool = False) -> bool:
    # Every test must pass: those on the sentence's ends first, the regular expressions
    # and the letter count (most of the cost) last. A card runs this over up to 240
    # sentences (its summary and its pull-quote).
    w = s.split()
    if not 8 <= len(w) <= 45:
        return False
    if s[-1] not in '.!?”"’)' or s.endswith(":"):
        return False  # headings and lead-ins to lists or code
    if s[-1] == ")" and s[-2] not in '.!?”"’':
        return False  # a heading ending in a parenthesis: "… constraints (draft-a, draft-b)"
    if s[0].islower() or s.startswith(("“", '"', "‘")) or _NOTE.match(s):
        return False
    first = fold(w[0]).strip("\"'“‘(")
    if first in _BACK_REFERENCE and not (speaker_words and first in _FIRST_PERSON):
        return False
    return _prose(s)


@functools.lru_cache(maxsize=1024)
def _prose(s: str) -> bool:
    """Neither code nor talk of a series, and mostly letters: the costly half of
    `_stands_alone`, remembered because a card's summary and its pull-quote (and an
    answer's, for every question the article answers) test the same sentences."""
    if _looks_like_code(s) or _SERIES.search(s):
        return False
    letters = sum(map(str.isalpha, s))
    return letters >= 0.7 * len(s.replace(" ", ""))


def extract_summary(article: Article, max_sentences: int = 2, *, avoid: Iterable[str] = ()) -> str:
    """1-2 early sentences that read alone, preferring ones that echo the title.

    Sentences inside a text in `avoid` (already shown in the same reply) are passed over
    while another will do.
    """
    sentences: list[Sentence] = list(article.sentences)
    if not sentences and article.text:
        sentences = [Sentence(s.strip(), 0) for s in re.split(r"(?<=[.!?])\s+", article.text)]
    shown = [a for a in avoid if a]
    title = {stem(w) for w in words(article.title) if w not in STOPWORDS}
    stored = _stored_stems(article)
    cands: list[tuple[float, int]] = []
    for i, s in enumerate(sentences[:40]):
        if s.heading or not _stands_alone(s.text) or _shown(s.text, shown):
            continue
        if stored is not None and s.text.isascii():  # stems of folded words, as below
            toks = set(stored[i].split())
        else:
            toks = {stem(w) for w in words(s.text) if w not in STOPWORDS}
        overlap = len(title & toks) / len(title) if title else 0.0
        score = 1.0 / (1 + 0.3 * len(cands)) + 0.5 * overlap
        cands.append((score, i))
        if len(cands) >= 8:
            break
    if not cands:
        for s in sentences:
            if (
                not s.heading  # a label, however long: what follows says it
                and len(s.text.split()) >= 5
                and not _looks_like_code(s.text)
                and not _shown(s.text, shown)
            ):
                return _trim(s.text)
        if sentences and not shown:
            return _trim(sentences[0].text)
        return ""
    _, i = max(cands, key=lambda c: (c[0], -c[1]))
    chosen = [sentences[i].text]
    if (
        max_sentences > 1
        and len(chosen[0].split()) < 14
        and i + 1 < len(sentences)
        and sentences[i + 1].paragraph == sentences[i].paragraph
        and _stands_alone(sentences[i + 1].text)
        and not _shown(sentences[i + 1].text, shown)
    ):
        chosen.append(sentences[i + 1].text)
    return " ".join(chosen)


def _stored_stems(article: Article) -> list[str] | None:
    """The stems of the article's first 40 sentences as the reload stored them, a line each
    (bot/search/sentence_stems.py); None when none were stored for these sentences.

    For an ASCII sentence a line holds exactly the stems of its words other than stopwords
    (elsewhere folding twice may differ from once): stemming them again was a third of
    choosing a summary."""
    stems = article.stems
    if stems is None or stems.count("\n") != len(article.sentences) - 1:
        return None
    return stems.split("\n", 40)


def _shown(sentence: str, shown: list[str]) -> bool:
    return any(sentence in text or text in sentence for text in shown)


_FIRST_PERSON = frozenset(["i", "we"])


def reads_alone(sentence: str, *, first_person: bool = False) -> bool:
    """A sentence that makes sense with nothing before it (no "This", "He", "However").

    With `first_person`, "We …" and "I …" count as reading alone: a pull-quote is the
    author speaking, while a summary is not.
    """
    return _stands_alone(sentence, first_person)


def _trim(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def summarize(article: Article, *, avoid: Iterable[str] = ()) -> str:
    """The article's summary for users: its description if real, else extractive.

    `avoid` holds texts the same reply already shows (the passage, the quote): a summary
    repeating one of them is replaced by body sentences that do not.
    """
    shown = [a for a in avoid if a]
    if is_real_summary(article.description, article.title):
        description = _plain(article.description or "")
        if not _shown(description, shown):
            return description
    return extract_summary(article, avoid=shown)
