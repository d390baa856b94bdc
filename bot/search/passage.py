"""The passage stage: within one article, the 1-3 sentences that best answer a question.

Windows of consecutive sentences of one paragraph are scored by the share of the
question's weight they cover, how close together its words are, whether a sentence is of
the kind wanted (a name for "who", a number for "how many"), and their length. The
passage shown may be one that names what the title adds to the question.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence

from bot.library.model import Article, Sentence
from bot.search.parse import Query
from bot.search.policy import DEFAULT, Policy
from bot.search.scoring import idf
from bot.search.stem import stem, stem_key
from bot.search.words import STOPWORDS, fold, stems, words

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
# The kind of sentence each kind of question wants (see parse.question_kind).
_CUES = {
    "who": _NAME,
    "when": _YEAR_OR_DATE,
    "number": _NUMBER,
    "where": _PLACE,
    "why": _REASON,
    "how": _METHOD,
}
# An apostrophe inside a word, as words() drops it.
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W_])")


def is_cue(kind: str | None, text: str) -> bool:
    """Whether a sentence is of the kind a question of `kind` wants."""
    pattern = _CUES.get(kind) if kind else None
    return pattern is not None and pattern.search(text) is not None


def question_tokens(sentences: Sequence[Sentence], q: set[str]) -> list[tuple[str, ...]]:
    """Stemmed content words, in order, of each sentence that can hold a question term.

    Stemming every sentence of a dozen candidate articles was most of what answering a
    question cost, and most sentences hold no question term. Every word stemming to a term
    starts with the term's stem_key, so a sentence whose folded text holds none of those
    keys at the start of a word holds none of the terms: it gets () unstemmed. Words lose their inner apostrophes ("o'neil" -> "oneil"): so does the text.
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


def _stem_prefixes(found: set[str]) -> set[str]:
    """What every word stemming to one of `found` starts with (see question_tokens)."""
    return {stem_key(t) for t in found}


def _prefix_finder(found: set[str]) -> Callable[[str], re.Match[str] | None]:
    """search() for the start of a word that could stem to one of `found`, in folded text
    without inner apostrophes (see question_tokens)."""
    keys = sorted(_stem_prefixes(found), key=len, reverse=True)
    # At the start of a word: after anything but a letter or digit, as words() splits.
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, keys)) + ")").search


def _plain(low: str) -> str:
    """Folded text without its inner apostrophes, as _prefix_finder searches it."""
    return _INNER_APOSTROPHE.sub("", low) if "'" in low else low


def best_passage(article: Article, q: Query, policy: Policy = DEFAULT) -> str | None:
    """1-3 consecutive sentences of one paragraph that best answer the question."""
    return passage_match(article, q, policy=policy)[1]


def passage_match(
    article: Article,
    q: Query,
    idf_by_word: Mapping[str, float] | None = None,
    policy: Policy = DEFAULT,
) -> tuple[float, str | None]:
    """(how fully 0-1, passage): the 1-3 sentence window covering most of the question.
    The passage shown may be a window scoring a little lower that names what the title
    adds to the question (see Policy.title_news); how fully is the best window's score.

    With `idf_by_word` (library-wide weights by folded word), the coverage is comparable
    across articles, so it can rerank them; without, the weights come from this article.
    """
    sentences: list[Sentence] = [s for s in article.sentences if s.text.strip()]
    terms = set(q.terms.weights())
    if not sentences or not terms:
        return 0.0, None
    sets = [set(t) for t in question_tokens(sentences, terms)]
    weight = q.terms.weights(idf_by_word) if idf_by_word is not None else None
    return best_window(sentences, sets, terms, weight, q.kind, stems(article.title), policy)


def best_window(
    sentences: Sequence[Sentence],
    sets: list[set[str]],
    q: set[str],
    weight: dict[str, float] | None,
    kind: str | None,
    title_stems: set[str],
    policy: Policy = DEFAULT,
) -> tuple[float, str | None]:
    """passage_match over sentences whose stemmed terms are known (`sets`): `q` are the
    question's terms, `weight` their library-wide weights (None: weigh within the
    article), `kind` the kind of question, `title_stems` the title's stemmed words."""
    weight, total = _weights(weight, sets, q, len(sentences))
    windows = _Windows(sentences, sets, q, weight, total, kind, title_stems, policy)
    best: tuple[float, int, int] | None = None
    shown: tuple[float, int, int] | None = None
    news = policy.title_news
    for i, j in windows.spans():
        score = windows.score(i, j)
        if best is None or score > best[0] + 1e-9:
            best = (score, i, j)
        # (Looked for only where the bonus could make this the window shown.)
        if (
            windows.title_news
            and (shown is None or score + news > shown[0] + 1e-9)
            and any(windows.names_news(k) for k in range(i, j))
        ):
            score += news
        if shown is None or score > shown[0] + 1e-9:
            shown = (score, i, j)
    if best is None or best[0] <= policy.min_passage:
        return 0.0, None
    assert shown is not None
    _, i, j = shown
    return max(0.0, min(1.0, best[0])), " ".join(s.text for s in sentences[i:j])


def _weights(
    weight: dict[str, float] | None, sets: list[set[str]], q: set[str], n: int
) -> tuple[dict[str, float], float]:
    """The terms' weights and their sum (at least 1.0 where it would be 0). Without
    library-wide weights, idf across the article's sentences: a word in every sentence
    says little about the answer."""
    if weight is None:
        sf = Counter(t for ts in sets for t in ts if t in q)
        weight = {t: idf(n, sf[t]) if sf[t] else 0.0 for t in q}
    return weight, sum(weight.values()) or 1.0


class _Windows:
    """One article's sentences as windows are scored from them: the question terms each
    holds, its length, and (read once, when first needed) whether it is of the kind wanted
    and whether it names a title word the question did not use."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        sets: list[set[str]],
        q: set[str],
        weight: dict[str, float],
        total: float,
        kind: str | None,
        title_stems: set[str],
        policy: Policy,
    ) -> None:
        self.sentences = sentences
        self.sets = sets
        self.q = q
        self.weight = weight
        self.total = total
        self.kind = kind
        self.policy = policy
        self.title_terms = title_stems & q
        self.title_news = title_stems - q
        # Per sentence, the question terms it holds: most hold none, and windows are built
        # from these small sets rather than from every word of up to three sentences.
        self.held = [ts & q for ts in sets]
        self.lengths = [len(s.text) for s in sentences]
        self._cues: dict[int, bool] = {}
        self._news: dict[int, bool] = {}
        # Stems are prefixes of their words (see question_tokens): a sentence holding none
        # as a substring is ruled out without stemming it, or compiling a pattern per article.
        self._news_keys = _stem_prefixes(self.title_news)

    def spans(self) -> Iterator[tuple[int, int]]:
        """(first, past last) of every window holding a question term, in order: those
        starting at most window-1 sentences before one that does (ties go to the earlier)."""
        sentences, held, n = self.sentences, self.held, len(self.sentences)
        width = self.policy.window
        starts = sorted(
            {k for i, h in enumerate(held) if h for k in range(max(0, i - (width - 1)), i + 1)}
        )
        for i in starts:
            for size in range(1, width + 1):
                j = i + size
                if j > n or sentences[j - 1].paragraph != sentences[i].paragraph:
                    break
                if held[i] if size == 1 else any(held[i:j]):
                    yield i, j

    def score(self, i: int, j: int) -> float:
        """The window's coverage of the question, with its proximity, cue and length."""
        p, held, weight = self.policy, self.held, self.weight
        covered = held[i] if j - i == 1 else set().union(*held[i:j])
        # Words the title already holds count half when the passage leaves them out.
        score = (
            sum(weight[t] for t in covered)
            + p.title_share * sum(weight[t] for t in self.title_terms - covered)
        ) / self.total
        # Proximity: all the matched terms in one sentence beat terms spread over three.
        densest = max(len(held[k]) for k in range(i, j))
        score += p.proximity * densest / len(self.q)
        if any(self.cue(k) for k in range(i, j)):
            score += p.cue
        score -= p.extra_sentence * (j - i - 1)
        if sum(self.lengths[i:j]) > p.passage_chars:
            score -= p.long_passage_cost
        n = len(self.sentences)
        return score - p.earlier * i / max(n, 1)  # earlier wins a tie

    def cue(self, k: int) -> bool:
        found = self._cues.get(k)
        if found is None:
            found = self._cues[k] = is_cue(self.kind, self.sentences[k].text)
        return found

    def names_news(self, k: int) -> bool:
        """Whether sentence k names a title word the question did not use."""
        found = self._news.get(k)
        if found is None:
            if self.sets[k]:  # stemmed already (it may hold a question term)
                found = bool(self.title_news & self.sets[k])
            else:
                text = self.sentences[k].text
                low = _plain(fold(text))
                found = any(key in low for key in self._news_keys) and bool(
                    self.title_news & stems(text)
                )
            self._news[k] = found
        return found
