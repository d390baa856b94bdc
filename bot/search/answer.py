"""Within one article: the passage that best answers a question, and its most notable quote."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from bot.library.model import Article, Sentence
from bot.search.query import STOPWORDS, fold, words
from bot.search.stem import stem

MAX_WINDOW = 3
MAX_PASSAGE_CHARS = 700
# Passage scoring, over the share of the question's weight a window covers: title words it
# leaves out count this much, the sentence holding most terms adds up to PROXIMITY, a
# sentence of the wanted kind (a number for "how many", a name for "who") adds CUE, and
# each sentence past the first costs EXTRA_SENTENCE. (Free extra sentences put the answer
# key in 2 more passages of 78, but as 3-sentence windows that gather the question's words
# from sentences about something else: "how did Go make its maps faster?" got a passage
# on growing a 1GB map.)
TITLE_SHARE = 0.5
PROXIMITY = 0.15
CUE = 0.15
EXTRA_SENTENCE = 0.06
# The passage shown (not the score the article is ranked by) also prefers a window naming
# a title word the question did not use: "Faster Go maps with Swiss Tables" answers "how
# did Go make its maps faster?" with its Swiss Tables, where the sentence most like the
# question only says maps got 60% faster. Passages holding the answer (bench/answer_keys):
# 41 -> 47 of 78, 28 -> 29 of 42 in the dev set; the articles chosen do not change.
TITLE_NEWS = 0.15
_YEAR_OR_DATE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d"
    r"|\bv?\d+\.\d+(?:\.\d+)?\b|\b(?:yesterday|today|last (?:year|month|week))\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\b\d[\d,.]*%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b",
    re.IGNORECASE,
)
# Two capitalised words in a row not at the sentence start: very likely a name.
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
_PLACE = re.compile(r"\b(?:in|at|from|near) [A-Z][a-z]+")
_REASON = re.compile(r"\b(?:because|since|so that|due to|in order to|reason)\b", re.IGNORECASE)
_METHOD = re.compile(r"\b(?:by|using|with|through|via)\b", re.IGNORECASE)


def answer_type(question: str) -> str | None:
    """What kind of answer the question wants: who, when, number, where, why, how."""
    q = fold(question)
    if re.search(r"\bhow (?:many|much|long|often|old|big|fast)\b", q):
        return "number"
    for cue in ("who", "when", "where", "why", "how"):
        if re.search(rf"\b{cue}(?:'s|s)?\b", q):
            return cue
    if re.search(r"\bwhat (?:year|date|version|day|month)\b", q):
        return "when"
    return None


def _cue(kind: str | None, text: str) -> bool:
    if kind == "who":
        return _NAME.search(text) is not None
    if kind == "when":
        return _YEAR_OR_DATE.search(text) is not None
    if kind == "number":
        return _NUMBER.search(text) is not None
    if kind == "where":
        return _PLACE.search(text) is not None
    if kind == "why":
        return _REASON.search(text) is not None
    if kind == "how":
        return _METHOD.search(text) is not None
    return False


def _terms(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w not in STOPWORDS}


# An apostrophe inside a word, as words() drops it.
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W_])")


def _question_tokens(sentences: list[Sentence], q: set[str]) -> list[tuple[str, ...]]:
    """Stemmed content words, in order, of each sentence that can hold a question term.

    Stemming every sentence of a dozen candidate articles was most of what answering a
    question cost, and most sentences hold no question term. A stem is a prefix of its
    word (or, for "-ies" -> "-y", all but its "y" is), so a sentence whose folded text
    holds none of those prefixes at the start of a word holds none of the terms: it gets
    () unstemmed. Words lose their inner apostrophes ("o'neil" -> "oneil"): so does the text.
    """
    may_hold = _prefix_finder(q)
    out: list[tuple[str, ...]] = []
    for s in sentences:
        low = fold(s.text)
        if may_hold(_plain(low)):
            out.append(tuple(stem(w) for w in words(low) if w not in STOPWORDS))
        else:
            out.append(())
    return out


def _stem_prefixes(stems: set[str]) -> set[str]:
    """What every word stemming to one of `stems` starts with (see _question_tokens)."""
    return {t[:-1] if t.endswith("y") else t for t in stems}


def _prefix_finder(stems: set[str]) -> Callable[[str], re.Match[str] | None]:
    """search() for the start of a word that could stem to one of `stems`, in folded text
    without inner apostrophes (see _question_tokens)."""
    keys = sorted(_stem_prefixes(stems), key=len, reverse=True)
    # At the start of a word: after anything but a letter or digit, as words() splits.
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, keys)) + ")").search


def _plain(low: str) -> str:
    """Folded text without its inner apostrophes, as _prefix_finder searches it."""
    return _INNER_APOSTROPHE.sub("", low) if "'" in low else low


def term_weights(question: str, idf: dict[str, float] | None = None) -> dict[str, float]:
    """Stemmed question terms with their weight (library idf by folded word when known)."""
    out: dict[str, float] = {}
    for w in words(question):
        if w in STOPWORDS:
            continue
        out[stem(w)] = max(out.get(stem(w), 0.0), (idf or {}).get(w, 1.0))
    return out


def best_passage(article: Article, question: str) -> str | None:
    """1-3 consecutive sentences of one paragraph that best answer the question."""
    return passage_match(article, question)[1]


def passage_match(
    article: Article, question: str, idf: dict[str, float] | None = None
) -> tuple[float, str | None]:
    """(how fully 0-1, passage): the 1-3 sentence window covering most of the question.
    The passage shown may be a window scoring a little lower that names what the title
    adds to the question (see TITLE_NEWS); how fully is the best window's score.

    With `idf` (library-wide weights by folded word), the coverage is comparable across
    articles, so it can rerank them; without, the weights come from this article alone.
    """
    sentences: list[Sentence] = [s for s in article.sentences if s.text.strip()]
    q = set(term_weights(question))
    if not sentences or not q:
        return 0.0, None
    toks = _question_tokens(sentences, q)
    weight = term_weights(question, idf) if idf is not None else None
    return _best_window(article, sentences, [set(t) for t in toks], question, q, weight)


def _best_window(
    article: Article,
    sentences: list[Sentence],
    sets: list[set[str]],
    question: str,
    q: set[str],
    weight: dict[str, float] | None,
) -> tuple[float, str | None]:
    """passage_match over sentences whose stemmed terms are known (`sets`): `q` are the
    question's terms, `weight` their library-wide weights (None: weigh within the article)."""
    n = len(sentences)
    if weight is not None:
        total = sum(weight.values()) or 1.0
    else:
        # idf within the article: a word in every sentence says little about the answer.
        sf = Counter(t for ts in sets for t in ts if t in q)
        weight = {t: math.log(1 + n / (sf[t] + 0.5)) if sf[t] else 0.0 for t in q}
        total = sum(weight.values()) or 1.0
    title_all = _terms(article.title)
    title_terms = title_all & q
    title_news = title_all - q
    kind = answer_type(question)
    # Per sentence, the question terms it holds: most hold none, and windows are built
    # from these small sets rather than from every word of up to three sentences.
    held = [ts & q for ts in sets]
    lengths = [len(s.text) for s in sentences]
    cues: dict[int, bool] = {}

    def cue(k: int) -> bool:
        found = cues.get(k)
        if found is None:
            found = cues[k] = _cue(kind, sentences[k].text)
        return found

    news: dict[int, bool] = {}
    # Stems are prefixes of their words (see _question_tokens): a sentence holding none as
    # a substring is ruled out without stemming it, or compiling a pattern per article.
    news_keys = _stem_prefixes(title_news)

    def names_news(k: int) -> bool:
        found = news.get(k)
        if found is None:
            if sets[k]:  # stemmed already (it may hold a question term)
                found = bool(title_news & sets[k])
            else:
                text = sentences[k].text
                low = _plain(fold(text))
                found = any(key in low for key in news_keys) and bool(title_news & _terms(text))
            news[k] = found
        return found

    best: tuple[float, int, int] | None = None
    shown: tuple[float, int, int] | None = None
    # Only windows holding a question term score: those starting at most two sentences
    # before one that does (in order, so ties still go to the earlier window).
    starts = sorted({k for i, h in enumerate(held) if h for k in range(max(0, i - 2), i + 1)})
    for i in starts:
        for size in range(1, MAX_WINDOW + 1):
            j = i + size
            if j > n or sentences[j - 1].paragraph != sentences[i].paragraph:
                break
            covered = held[i] if size == 1 else set().union(*held[i:j])
            if not covered:
                continue
            # Words the title already holds count half when the passage leaves them out.
            score = (
                sum(weight[t] for t in covered)
                + TITLE_SHARE * sum(weight[t] for t in title_terms - covered)
            ) / total
            # Proximity: all the matched terms in one sentence beat terms spread over three.
            densest = max(len(held[k]) for k in range(i, j))
            score += PROXIMITY * densest / len(q)
            if any(cue(k) for k in range(i, j)):
                score += CUE
            score -= EXTRA_SENTENCE * (size - 1)
            length = sum(lengths[i:j])
            if length > MAX_PASSAGE_CHARS:
                score -= 0.2
            score -= 0.002 * i / max(n, 1)  # earlier wins a tie
            if best is None or score > best[0] + 1e-9:
                best = (score, i, j)
            # (Looked for only where the bonus could make this the window shown.)
            if (
                title_news
                and (shown is None or score + TITLE_NEWS > shown[0] + 1e-9)
                and any(names_news(k) for k in range(i, j))
            ):
                score += TITLE_NEWS
            if shown is None or score > shown[0] + 1e-9:
                shown = (score, i, j)
    if best is None or best[0] <= 0.05:
        return 0.0, None
    assert shown is not None
    _, i, j = shown
    return max(0.0, min(1.0, best[0])), " ".join(s.text for s in sentences[i:j])


def _pairs(tokens: tuple[str, ...] | list[str]) -> set[tuple[str, str]]:
    return set(zip(tokens, tokens[1:], strict=False))


@dataclass(frozen=True, slots=True)
class Evidence:
    """How well one article answers a question, from its own text."""

    cover: float  # the best 1-3 sentence passage's coverage (see passage_match)
    passage: str | None
    doc_cover: float  # share of the question's idf mass the whole article holds
    pairs: float  # share of the question's word pairs found side by side in the article


def article_evidence(article: Article, question: str, idf: dict[str, float]) -> Evidence:
    """Passage, whole-article and word-pair evidence that an article answers a question.

    An article holding every question word, and its word pairs ("standard library",
    "garbage collector") in the same order, is the one the question is about, even when
    its best single passage covers fewer words than a passage elsewhere.
    """
    weight = term_weights(question, idf)
    total = sum(weight.values())
    if not total:
        return Evidence(0.0, None, 0.0, 0.0)
    sentences = [s for s in article.sentences if s.text.strip()]
    q = set(weight)
    toks = _question_tokens(sentences, q)
    sets = [set(t) for t in toks]
    present = _terms(article.title).union(*sets)
    doc_cover = sum(w for t, w in weight.items() if t in present) / total
    if sentences:
        cover, passage = _best_window(article, sentences, sets, question, q, weight)
    else:
        # No text (a saved link, an empty export): only its title can answer, and title
        # words a passage leaves out count half, as in _best_window.
        cover, passage = TITLE_SHARE * doc_cover, None
    qtoks = [stem(w) for w in words(question) if w not in STOPWORDS]
    # A pair weighs as its rarer word: "garbage collector" says more than "go version".
    qpairs = {p: min(weight[p[0]], weight[p[1]]) for p in _pairs(qtoks) if p[0] != p[1]}
    pairs = 1.0  # a one-word question has no pair to miss
    if qpairs:
        seen = _pairs(tuple(stem(w) for w in words(article.title) if w not in STOPWORDS))
        for t, held in zip(toks, sets, strict=True):
            if len(held & q) >= 2:  # a pair needs two question terms
                seen |= _pairs(t) & qpairs.keys()
        pairs = sum(w for p, w in qpairs.items() if p in seen) / (sum(qpairs.values()) or 1.0)
    return Evidence(cover, passage, doc_cover, pairs)
