"""The passage stage: within one article, the 1-3 sentences that answer a question.

Windows of consecutive sentences (of one paragraph, or a sentence ending in ":" and the
block it announces) are scored twice:

* how fully they cover the question: the share of its library-wide weight they hold, how
  close together its words are, and, for the best few, whether they hold an answer of
  the kind asked for. The best window's coverage is the evidence the rerank weighs
  articles by, for every candidate article;
* which one to show, for the article answering only: each window by its best sentence,
  its words weighed also by how few of the article's sentences hold them (an article's
  topic words are in most of them, the answer's in one), led by an answer of the kind
  asked for next to the question's words ("how many photos" -> "2,900 photos"; see
  answer_type.py). A sentence that sends the reader elsewhere ("see the user guide"),
  or opens the article, is rarely the answer; a news story's lede after its dateline
  ("BUDAPEST, Hungary — Matt Schlapp, the head of…") often is.

The window shown starts a sentence earlier when it opens with "This" or a pronoun, and
ends a block later when it ends with ":" announcing it. A window of one sentence holding
the question's words but no answer of the kind asked for takes the sentence beside it
that holds one in other words ("We observed a 5–35% speedup…" before "…the new backend is
only available for…"). An item of a list a ":" announces ("the Council:" then "Compiler:
Eric Holk", "Library: Mara Bos"…) is read as the sentence announcing it says ("Library:
Mara Bos" is the library team's member of the Council) and shown after it; so is a line
attributing a quote ("— Sheldon Klein (1976)"). When the best window is not clear, a
runner-up close to it, apart on the page and holding a question word it lacks, is shown
with it in page order, "…" between them ("it says X … and Y"); a third under the same
rules (Policy.extra_windows).

A heading, or the title written in the body, is a label, never the passage on its own:
when a window of labels is the best, the first prose sentence of its section is shown in
its place, after the label ("Let chains" -> "Let chains — This feature allows
&&-chaining let statements…").

Here: the stage's entry points and the Passages class scoring windows. How each sentence
reads among the others (its lead, labels, list items) is sentence_roles.py's; the question
terms a sentence names again without writing them, named_again.py's; the sentences the
window shown takes beside it, window_neighbours.py's.
"""

from __future__ import annotations

import heapq
import operator
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace
from functools import partial
from itertools import compress

from bot.library.model import Article, Sentence
from bot.search.answer_type import MANY, Wanted, typed_fit, words_after
from bot.search.features import sentence_features
from bot.search.irregular import question_held
from bot.search.named_again import aged, named_again
from bot.search.policy import DEFAULT, Policy
from bot.search.query import Query
from bot.search.scoring import idf
from bot.search.sentence_roles import SentenceRoles
from bot.search.stem import stem
from bot.search.window_neighbours import (
    shown_span,
    with_follower,
    with_neighbour,
    with_quote,
    with_speaker,
)
from bot.search.words import fold, stems, words

# Where a sentence's subject ends, roughly: at its first clause break or auxiliary verb
# ("The new study is…", "Mack was among…", "Sandweg worked at …, spending…").
_SUBJECT_END = re.compile(
    r"[,;:()—–]|\s-\s|\b(?:is|are|was|were|has|have|had|will|would|can|could|does|did"
    r"|should|may|might|must)\b"
)
# The kinds of question a title may answer for the whole article: its release's version
# ("Go 1.19 is released!"). A name or a date in a title is what the article is about,
# not the answer to every question asked of it.
_TITLE_ANSWERS = frozenset(["version"])
# The kinds of question whose answer is always a span features.py reads (an amount, a
# date, an hour, a name): a window holding none of it, nor taking a neighbour that does,
# cannot answer "how many…", "when…", "who…", however many of the question's words it
# holds (Policy.untyped_cost). Not "where" (a place is often a common noun: "donated by
# local businesses"), "what", "why", "how" or yes/no: their answers are often plain words.
_ALWAYS_TYPED = frozenset(["number", "when", "time", "who"])
# Of those, the kinds whose span is the answer itself (see shown_fit).
_AMOUNT_OR_DATE = frozenset(["number", "when", "time"])


# A news story's lede opens with its dateline: the place in capitals, maybe the agency, a
# region or a date, then a dash ("BUDAPEST, Hungary — Matt Schlapp, the head of…", "AUSTIN,
# Texas, Sept. 3, 2025 — The Foundation…", "WASHINGTON (AP) — …"). Three letters or more
# before the dash, every one a capital.
_DATELINE = re.compile(
    r"^(?=(?:[^\W\d_][ .'’-]*){3})[^\W\d_a-zß-ÿ][^\W\da-zß-ÿ]*(?:[ .'’-]+[^\W\da-zß-ÿ]+)*"
    r"(?:\s+\([A-Z][\w ]*\))?(?:,[^—–\n]{1,40})?\s+[—–]\s"
)


def best_passage(article: Article, q: Query, policy: Policy = DEFAULT) -> str | None:
    """1-3 consecutive sentences that best answer the question."""
    return passage_match(article, q, policy=policy)[1]


def passage_match(
    article: Article,
    q: Query,
    idf_by_word: Mapping[str, float] | None = None,
    policy: Policy = DEFAULT,
) -> tuple[float, str | None]:
    """(how fully, 0 to Policy.cover_cap, passage): the best window's coverage and the
    window to show.

    With `idf_by_word` (library-wide weights by folded word), the coverage is comparable
    across articles, so it can rerank them; without, the weights come from this article.
    """
    sentences: list[Sentence] = with_text(article.sentences)
    terms = set(q.terms.weights())
    if not terms:
        return 0.0, None
    weight = q.terms.weights(idf_by_word) if idf_by_word is not None else None
    if not sentences:
        # No body saved (a read-later export's link alone): the headline may still say it.
        even = weight if weight is not None else dict.fromkeys(terms, 1.0)
        heads = (article.title, article.description or "")
        return 0.0, headline_answer(heads, terms, even, Wanted.of(q), policy)
    held = question_held(article, terms).sets
    found = Passages(
        sentences,
        held,
        terms,
        weight,
        Wanted.of(q),
        stems(article.title),
        policy,
        article.title,
        article.description or "",
    )
    return found.cover(), found.shown()


def shown_fit(article: Article, q: Query, shown: str, policy: Policy = DEFAULT) -> float:
    """How well the sentences of `shown` (a passage of `article`) that hold one of the
    question's own terms hold the amount, date or time it asks for (Passages.fit, weighed
    within the article as the passage shown is): the best of them. 0 for other kinds ("who"
    among a list of names, "what", "where": spans too loose to read as the answer); when a
    question term (not one saying the kind: "many", "rate") is in none of the article's
    sentences, the question asking of what the article does not tell ("how many people were
    hurt" where nobody is: "50,000 people" attended). An amount must be of the thing the
    question names as measured, named in its sentence: for "how many X", X ("how many homes
    got one" is not "forty identical ones"); else a noun it asks about ("survival" of "what
    was the survival rate"); a question naming none ("how much does one cost") is not read."""
    terms = set(q.terms.weights())
    wanted = Wanted.of(q)
    sentences: list[Sentence] = with_text(article.sentences)
    if not terms or not sentences or wanted.kind not in _AMOUNT_OR_DATE:
        return 0.0
    held = question_held(article, terms).sets
    if not terms - wanted.form <= set().union(*held):
        return 0.0
    measured: Set[str] = frozenset()  # a sentence must hold one of these
    if wanted.kind == "number":
        counted = words_after(q.words, {"how"}, 2)
        many = MANY in wanted.form and len(counted) > 1
        measured = {stem(counted[1])} if many else wanted.heads
        if not measured:
            return 0.0
    found = Passages(sentences, held, terms, None, wanted, stems(article.title), policy)
    return max(
        (
            found.fit(k)
            for k, s in enumerate(sentences)
            if held[k] and (not measured or measured & held[k]) and s.text in shown
        ),
        default=0.0,
    )


def headline_answer(
    heads: Sequence[str],
    q: Set[str],
    weight: Mapping[str, float],
    wanted: Wanted,
    policy: Policy = DEFAULT,
) -> str | None:
    """The title or the description (`heads`, in that order) that answers a question of a
    kind always a typed span (_ALWAYS_TYPED), or None: one holding a question term and an
    answer of that kind fitting at least Policy.headline_fit. News headlines and standfirsts
    state the key fact ("Gang of 20 otters attacks…"); read where the body says none of it
    (see Passages.shown). The better fit; the title on a tie."""
    if policy.headline_fit <= 0 or wanted.kind not in _ALWAYS_TYPED:
        return None
    best: tuple[float, str] | None = None
    for text in heads:
        text = text.strip()
        if not text:
            continue
        f = sentence_features(text)
        matched = {s for s in f.stems if s} & q
        fit = typed_fit(f, wanted, weight, matched, policy) if matched else 0.0
        if fit >= policy.headline_fit and (best is None or fit > best[0] + 1e-9):
            best = (fit, text)
    return None if best is None else best[1]


def _sentence_idf(held: Sequence[Set[str]], q: set[str], n: int) -> dict[str, float]:
    """Each term's idf across the article's sentences (`held`: the terms each holds): a
    word in every sentence says little about which one answers."""
    sf = Counter(t for ts in held for t in ts)
    return {t: idf(n, sf[t]) if sf[t] else 0.0 for t in q}


class Passages:
    """One article's sentences as windows of 1-3 that may answer a question: how fully the
    best covers it (`cover`, rerank evidence) and the one to show (`shown`, read only for
    the article answering).

    `held` are the question terms each sentence holds (see irregular.question_held),
    `q` the question's terms, `weight` their library-wide weights (None: weigh within the
    article), `wanted` what the question asks for, `title_stems` the title's stems. Every
    window is scored by its words; answer features (see features.py) are read only for
    the few sentences likely to answer, where an answer can change the order.
    """

    def __init__(
        self,
        sentences: Sequence[Sentence],
        held: Sequence[Set[str]],
        q: set[str],
        weight: dict[str, float] | None,
        wanted: Wanted,
        title_stems: set[str],
        policy: Policy = DEFAULT,
        title: str = "",
        description: str = "",
    ) -> None:
        self.sentences = sentences
        self.title = title
        self.description = description
        self._title_fits: bool | None = None  # see title_answers
        self.q = q
        self.policy = policy
        self.wanted = wanted
        # (how each sentence reads in the article: read before aged, which quotes names)
        self.roles = SentenceRoles(sentences, title, policy)
        # (a sentence re-naming a person by age holds the words that named them: aged)
        held = aged(held, self.roles, policy) if policy.age_lookback else held
        # Per sentence, the question terms it holds: most hold none, and windows are built
        # from these small sets rather than from every word of up to three sentences.
        self.held = held
        # The sentences holding a term, found in C (compress keeps the non-empty sets):
        # the loops below read these few rather than every sentence of the article.
        self.holding = list(compress(range(len(held)), held))
        self.weight = weight if weight is not None else _sentence_idf(held, q, len(held))
        self.total = sum(self.weight.values()) or 1.0
        self.title_terms = title_stems & q
        self._joined: dict[int, bool] = {}  # see joined
        self.windows = self._windows()
        self.wanted = self._asked_about(wanted, held)
        self._fits: dict[int, float] = {}
        self._inherited: dict[int, set[str]] = {}
        self._named_again: dict[int, set[str]] | None = None  # see named_again
        self._shown_weight: dict[str, float] | None = None
        self._shown_total = 1.0
        self._shown: tuple[str | None] | None = None
        self._cover: float | None = None  # see cover: read by the rerank, again by shown
        #: The question terms the best window by coverage and the title hold (read after
        #: cover()): see Policy.tentative_terms and Policy.everyday_zipf.
        self.together_terms: set[str] = set(self.title_terms)
        #: The sentences (start, end) of that window, once cover() has chosen it.
        self.together_window: tuple[int, int] = (0, 0)

    @property
    def together(self) -> int:
        """How many question terms the best window by coverage and the title hold."""
        return len(self.together_terms)

    def _asked_about(self, wanted: Wanted, held: Sequence[Set[str]]) -> Wanted:
        """`wanted` without the words after "what" that the article writes as a name of
        two or more of the question's words: in "what was alma avalle supposed to be
        reviewing", "Alma Avalle" is who the question is about, not the kind of thing it
        asks for ("what program…"), and a name next to hers is no answer. A word the
        article also writes in lower case stays ("program"), as does one only ever in a
        name holding other words ("bill": "Senate Bill 2972"). Read from the first
        Policy.head_case_sentences sentences holding each word."""
        if self.policy.head_verb_cut:
            wanted = wanted.head_phrase()
        if not wanted.heads:
            return wanted
        most = self.policy.head_case_sentences
        named: set[str] = set()  # in a name of two or more of the question's words
        for head in wanted.heads:
            # (such a name is only in a sentence holding two question words or more)
            for k in [k for k in self.holding if head in held[k] and len(held[k]) > 1][:most]:
                f = self.roles.features(k)
                for span in f.spans(("name",)):
                    inside = {x for x in f.stems[span.start : span.end] if x}
                    if head in inside and len(inside) > 1 and inside <= wanted.asked:
                        named.add(head)
        for head in list(named):  # one written in lower case is a noun after all
            if any(
                self.roles.features(k).lower_case(frozenset([head]))
                for k in [k for k in self.holding if head in held[k]][:most]
            ):
                named.discard(head)
        return replace(wanted, heads=wanted.heads - named) if named else wanted

    # -- which windows ---------------------------------------------------------------------

    def joined(self, k: int) -> bool:
        """Whether sentence k+1 may share a window with sentence k: the same paragraph, k
        ends with ":" and announces it, or k+1 attributes the quote k is. Remembered: the
        windows of neighbouring starts ask for the same k."""
        found = self._joined.get(k)
        if found is None:
            a, b = self.sentences[k], self.sentences[k + 1]
            found = self._joined[k] = (
                a.paragraph == b.paragraph
                or self.roles.announces(k)
                or self.roles.attributes(k + 1)
            )
        return found

    def _windows(self) -> list[tuple[int, int, float]]:
        """(first, past last, shape) of every window holding a question term, in order:
        those starting at most window-1 sentences before one that does (ties go to the
        earlier). The shape is what a window's proximity, length and place add to either
        score: all the matched terms in one sentence beat terms spread over three.

        One loop with the policy's figures read once: this runs for every sentence near a
        question term of every candidate article, for every question (most of the rerank's
        time went to the generator and a call per window before). The arithmetic is the
        same, in the same order, as the scores it replaced."""
        held, n, p = self.held, len(self.sentences), self.policy
        width, joined = p.window, self.joined
        proximity, per_extra, terms = p.proximity, p.extra_sentence, len(self.q)
        chars, long_cost = p.passage_chars, p.long_passage_cost
        earlier, places = p.earlier, max(n, 1)
        # Each holding sentence and the width-1 before it, one range of steps back for
        # all (not a range, and max(), made per sentence); those before the first
        # sentence dropped after the sort.
        backs = range(width)
        starts = sorted({i - back for i in self.holding for back in backs})
        if starts and starts[0] < 0:
            starts = starts[bisect_left(starts, 0) :]
        sentences, found = self.sentences, []
        for i in starts:
            densest, length, any_held, paragraph = 0, 0, False, sentences[i].paragraph
            for j in range(i + 1, min(i + width, n) + 1):
                # (each sentence read once, its paragraph carried to the next step)
                s = sentences[j - 1]
                # (joined() itself only where the paragraph changes: most windows are
                # within one, and this runs for each of them)
                if j - i > 1 and paragraph != s.paragraph and not joined(j - 2):
                    break
                paragraph = s.paragraph
                size = len(held[j - 1])  # (not a list for every sentence: most hold none)
                if size > densest:
                    densest = size
                length += len(s.text)
                any_held = any_held or size > 0
                if not any_held:
                    continue
                score = proximity * densest / terms
                score -= per_extra * (j - i - 1)
                if length > chars:
                    score -= long_cost
                found.append((i, j, score - earlier * i / places))  # earlier wins a tie
        return found

    def _covered(self, i: int, j: int) -> set[str]:
        held = self.held
        return held[i] if j - i == 1 else set().union(*held[i:j])

    # -- how fully (rerank evidence) -------------------------------------------------------

    def cover(self) -> float:
        """0 to Policy.cover_cap: the best window's coverage of the question and shape (see
        _windows), the Policy.cue_windows best with Policy.cue x how well they hold an answer
        of the kind asked for; 0 when no window covers more than Policy.min_passage."""
        if self._cover is None:
            self._cover = self._best_cover()
        return self._cover

    def _best_cover(self) -> float:
        if not self.windows:
            return 0.0
        held, covers = self.held, self.coverage
        scored = [
            (covers(held[i] if j - i == 1 else set().union(*held[i:j])) + shape, i, j)
            for i, j, shape in self.windows
        ]
        best, i, j = max(scored)
        self.together_terms = self._covered(i, j) | self.title_terms
        self.together_window = (i, j)
        if self.wanted.full or self.wanted.partial:
            cue = self.policy.cue
            for c, i, j in heapq.nlargest(self.policy.cue_windows, scored):
                if c + cue > best:  # (only where the answer could make it the best)
                    best = max(best, c + cue * max(self.fit(k) for k in range(i, j)))
        return (
            0.0 if best <= self.policy.min_passage else max(0.0, min(self.policy.cover_cap, best))
        )

    def coverage(self, covered: Set[str]) -> float:
        """The share of the question's weight a window holding `covered` holds; words the
        title holds count Policy.title_share when the window leaves them out (added only
        then: title_share x 0 changes no figure, and this runs for every window)."""
        got = sum(map(self.weight.__getitem__, covered))
        if self.title_terms:
            missing = self.title_terms - covered
            if missing:
                got += self.policy.title_share * sum(map(self.weight.__getitem__, missing))
        return got / self.total

    # -- which to show ---------------------------------------------------------------------

    def shown(self) -> str | None:
        """The window to show: the one holding the best answer (see answer), among those
        holding a likely one (see _likely); None when no window covers more than
        Policy.min_passage. Chosen when first asked for, once."""
        if self._shown is None:
            self._shown = (self._with_headline(self._choose() if self.cover() > 0 else None),)
        return self._shown[0]

    def _with_headline(self, shown: str | None) -> str | None:
        """`shown`, led by the title or description that answers (headline_answer) when no
        body sentence holding a question term holds an answer of the kind asked for: the
        headline is then the answering sentence ("how many otters were in the gang" ->
        "Gang of 20 otters attacks…"), the body's best window read after it, " … " between
        them, as a runner-up is."""
        heads = (self.title, self.description)
        found = headline_answer(heads, self.q, self.weight, self.wanted, self.policy)
        # (the headline read first: one or two sentences, where the body's are many)
        if found is None or any(self.fit(k) > 0 for k in self.holding):
            return shown
        return found if not shown else f"{found} … {shown}"

    def _choose(self) -> str | None:
        """The best window holding one of the likely answers (see _likely) by answer(),
        with the sentence beside it when that one alone holds an answer (with_neighbour),
        and the runner-up when the best is not clear (see _runner_up)."""
        likely = self._likely()
        scored: list[tuple[float, int, int]] = []
        best: tuple[float, int, int, int] | None = None
        sections = self.policy.label_section > 0
        for i, j, shape in self.windows:  # in order: the earlier of two equal windows wins
            if not likely.isdisjoint(range(i, j)):
                labelled = i
                if sections and self.roles.labels_only(i, j):
                    # A heading is the label of what follows: its section's first prose
                    # sentence answers in its place, as close a match as the heading is.
                    k = self.roles.section_start(j)
                    if k is None:
                        continue
                    label = self.answer(i, j, likely)
                    i, j = k, k + 1
                    score = max(label, self.answer(i, j, likely | {k})) + shape
                else:
                    score = self.answer(i, j, likely) + shape
                scored.append((score, i, j))
                if best is None or score > best[0] + 1e-9:
                    best = (score, i, j, labelled)
        if best is None:
            return None
        top, i, j, labelled = best
        i, j = with_neighbour(self, i, j)
        i, j = with_follower(self, i, j)
        i, j = with_quote(self, i, j)
        i, j = with_speaker(self, i, j)
        # The label leads the sentence standing for it: its words were the match, and say
        # what the sentence answers ("May 26-27: RustFest Paris — The fourth iteration…").
        i = min(i, labelled)
        parts = [((i, j), self.roles.text(i, j))]
        size = len(parts[0][1])
        # Runner-ups holding words the windows shown lack first, then a tie in what room
        # is left (see _runner_up): a tie never takes a new reading's place.
        for ties in (False, True):
            while len(parts) <= self.policy.extra_windows:
                found = self._runner_up(scored, top, [w for w, _ in parts], ties)
                if found is None:
                    break
                other = self.roles.text(*found)
                if size + len(other) + 3 > self.policy.second_chars:
                    break
                parts.append((found, other))
                size += len(other) + 3
        # In page order, apart as text() joins sentences apart: "it says X … and Y".
        return " … ".join(text for _, text in sorted(parts))

    def _runner_up(
        self,
        scored: Sequence[tuple[float, int, int]],
        best: float,
        shown: Sequence[tuple[int, int]],
        ties: bool = False,
    ) -> tuple[int, int] | None:
        """The window to show after those `shown` (the best first, scoring `best`) when the
        best is not clear: the next best (the earlier on a tie), with its neighbour, scoring
        within Policy.second_margin of the best, apart on the page from each shown (at least
        a sentence between what each shows) and holding a question term none of them does,
        or None.

        Two windows close in score, each holding words of the question the other lacks,
        are two readings of it: "when was the night bus service first launched" -> "…the
        night bus service, first run by volunteers, will stop." and "Night buses were
        launched in 2019". The readable sets' misses hold the key in the runner-up far more
        often than in the sentences around the best one; one holding only the best's words
        seldom adds the answer (bench/README.md, tenth pass). A third reading, under the
        same rules, is asked for the same way (Policy.extra_windows; eleventh pass).

        With `ties`, the window instead scores within Policy.tie_margin of the best,
        whatever words it holds: two windows the scores cannot tell apart are left in page
        order only, no evidence of which answers ("Start using any of these today by
        logging in with your Atmosphere/Bluesky account." and, later, "Your Bluesky account
        IS an Atmosphere account!", both holding the question's every word and no answer
        the features read, for "is a bluesky account the same as an atmosphere account").
        Only for a question: words searched for ("orbit account") ask for no one answer,
        and tie in every sentence holding them alike; the best match shows where they are."""
        if ties and (self.policy.tie_margin <= 0 or self.wanted.kind is None):
            return None  # (words searched for, not a question: the best match shows them)
        floor = best - (self.policy.tie_margin if ties else self.policy.second_margin)
        spans = [shown_span(self, *w) for w in shown]
        terms = set().union(*(self._covered(*w) for w in shown))
        found: tuple[float, int, int] | None = None
        for score, i, j in scored:  # in page order: the earlier of two equal ones wins
            if score < floor or (found is not None and score <= found[0] + 1e-9):
                continue
            a, b = with_neighbour(self, i, j)
            start, end = shown_span(self, a, b)
            apart = all(end < lo or start > hi for lo, hi in spans)
            if apart and (ties or not self._covered(a, b) <= terms):
                found = (score, a, b)
        return None if found is None else (found[1], found[2])

    def _likely(self) -> set[int]:
        """The sentences that may answer: the Policy.answer_sentences best by their words
        as the passage shown weighs them, and by library-wide weights, and those that
        continue one of them (the command after "Install it with:"). Only these are read
        for an answer: reading every sentence of a long article would cost more than the
        rest of the question."""
        m, weight = self.policy.answer_sentences, self.weight
        held = self.holding
        named = self.named_again()
        held = sorted(set(held) | set(named))
        likely = set(
            heapq.nlargest(m, held, key=lambda k: self._share(self.held[k] | named.get(k, set())))
        )
        likely |= set(heapq.nlargest(m, held, key=lambda k: sum(weight[t] for t in self.held[k])))
        # A sentence naming the thing asked about ("photos" of "how many photos") may hold
        # the answer beside it, however few of the question's other words it repeats.
        heads = self.wanted.heads
        if heads:
            likely |= {k for k in held if not heads.isdisjoint(self.held[k])}
        n = len(self.sentences)
        governs = self.wanted.governs
        if governs and self.policy.governed_fit:
            # "We will accept submissions until July 7th." holds none of the words of
            # "until when is the survey open" but its preposition, which the stems drop.
            features = self.roles.features
            likely |= {k for k in range(n) if governs in features(k).tokens().present}
        return likely | {k + 1 for k in likely if k + 1 < n and self.roles.continues(k + 1)}

    @property
    def shown_weight(self) -> dict[str, float]:
        """The question terms' weights as the passage shown is chosen by: library-wide,
        scaled by how few of the article's sentences hold them (its topic words are in
        most; the answer's in one), title words and words saying what kind of answer is
        wanted weighing less, and one word of a name only once."""
        if self._shown_weight is None:
            p, q, n = self.policy, self.q, len(self.sentences)
            spec = _sentence_idf(self.held, q, n)
            top = idf(n, 1) or 1.0
            a = p.article_specificity
            shown = {t: self.weight[t] * (1 - a + a * min(1.0, spec[t] / top)) for t in q}
            for t in self.wanted.form:  # "long" in "how long" says what kind is wanted
                shown[t] = 0.0
            for t in self.title_terms:  # what the article is about, not where it answers
                shown[t] *= p.title_shown
            # One word of a name the article never writes without the question's next
            # word ("ella" of "Ella Rumpf", later "Rumpf") adds nothing.
            where = {t: {k for k in self.holding if t in self.held[k]} for t in q}
            for x, y in self.wanted.pairs:
                both = where.get(x, set()) & where.get(y, set())
                if both and self._name(x, y, min(both)):
                    if where[x] <= where[y]:
                        shown[x] *= p.name_part
                    elif where[y] <= where[x]:
                        shown[y] *= p.name_part
            self._shown_weight = shown
            self._shown_total = sum(shown.values()) or 1.0
        return self._shown_weight

    def _share(self, terms: set[str]) -> float:
        weight = self.shown_weight
        return sum(weight[t] for t in terms) / self._shown_total

    def answer(self, i: int, j: int, likely: set[int]) -> float:
        """A window as the passage shown: its best sentence's share of the question (see
        shown_weight; a sentence continuing the one before holds what that one holds), with
        Policy.context_share of what the others add and, for a `likely` sentence, how well
        it answers (its fit and the title word it adds, less its cost)."""
        p = self.policy
        fit = p.answer_fit * (p.title_answered if self.title_answers() else 1.0)
        named = self.named_again()
        extra = [fit * self.fit(k) - self.cost(k) if k in likely else 0.0 for k in range(i, j)]
        own = [
            self._share(
                (self.held[k] | self.inherited(k) if self.roles.continues(k) else self.held[k])
                | named.get(k, set())
            )
            for k in range(i, j)
        ]
        score = self._best_sentence(i, j, own, extra)
        return score - p.untyped_cost if self._untyped(i, j, likely) else score

    def _untyped(self, i: int, j: int, likely: set[int]) -> bool:
        """Whether the window [i, j) holds no answer of a kind that is always a typed span
        (_ALWAYS_TYPED), nor takes a sentence beside it that does (with_neighbour): "You
        can write up these posts and email them to…" holds the words of "until when did
        they want rust2018 posts", "…running until the end of January" the date. A window
        naming the noun a "how many X" counts is not: it may count it in words the
        features do not read ("a handful of children", "decades-long")."""
        return (
            self.wanted.kind in _ALWAYS_TYPED
            and not any(self.fit(k) > 0 for k in range(i, j) if k in likely)
            and self.wanted.heads.isdisjoint(self._covered(i, j))
            and with_neighbour(self, i, j) == (i, j)
        )

    def _best_sentence(self, i: int, j: int, own: list[float], extra: list[float]) -> float:
        whole = own[0] if j - i == 1 else max(max(own), self._share(self._covered(i, j)))
        ctx = self.policy.context_share
        return max(o + ctx * (whole - o) + e for o, e in zip(own, extra, strict=True))

    def named_again(self) -> dict[int, set[str]]:
        """Per sentence, the question terms it names again without writing them (see
        named_again.named_again): read once, for the windows shown."""
        if self._named_again is None:
            self._named_again = named_again(
                self.q, self.held, self.roles, self.title_terms, self.policy
            )
        return self._named_again

    def title_answers(self) -> bool:
        """Whether the title holds an answer of the kind asked for, not of the question's
        own words: "Go 1.19 is released!" says which version added what the question
        names, so the sentence to show is the one naming that, not another version."""
        if self._title_fits is None:
            w = self.wanted
            self._title_fits = w.kind in _TITLE_ANSWERS and any(
                not {s for s in f.stems[span.start : span.end] if s} <= w.asked
                for f in [sentence_features(self.title)]
                for span in f.spans(w.full)
            )
        return self._title_fits

    def inherited(self, k: int) -> set[str]:
        """The question terms continuing sentence k takes from the one it reads after
        (see lead): all of them after a ":" and under a quote, else those of its subject
        (its words before the first verb or clause break), which the opening pronoun
        stands for: "Mack was among …, a lieutenant tasked by Raniere … She was
        sentenced" (she is Mack, not Raniere); "The new study is … water fluoridation.
        It is the first study" (it is the study)."""
        found = self._inherited.get(k)
        if found is None:
            lead = self.roles.lead(k)
            found = before = self.held[lead] if lead is not None else set()
            if (
                before
                and lead is not None
                and not self.roles.announces(lead)
                and not self.roles.attributes(k)
            ):
                text = self.sentences[lead].text
                subject = _SUBJECT_END.split(fold(text), maxsplit=1)[0]
                found = before & {stem(w) for w in words(subject)}
            self._inherited[k] = found
        return found

    def fit(self, k: int) -> float:
        """How well sentence k holds an answer of the kind asked for (see answer_type)."""
        found = self._fits.get(k)
        if found is None:
            p = self.policy
            # (whether it leans back is read by typed_fit only where it needs it: most
            # sentences hold no span of the kinds asked for, and a lead is a few reads)
            found = self._fits[k] = typed_fit(
                self.roles.features(k),
                self.wanted,
                self.weight,
                self.held[k],
                p,
                partial(self.leans_back, k),
            )
        return found

    def leans_back(self, k: int) -> bool:
        """Whether sentence k reads after an earlier one whose subject holds question words:
        "He capped off his tenure … from 2013-2014": "He" is the subject the sentence before
        named; what it says is about those question words, however far away."""
        return self.roles.continues(k) and bool(self.inherited(k))

    def neighbour_fit(self, k: int) -> float:
        """How well sentence k, beside the window shown, holds an answer of the kind asked
        for: as fit(k), but a sentence holding no question word is read as next to the
        words of the window beside it (Policy.neighbour_anchor): a paragraph's sentences
        are about one thing."""
        if self.held[k]:
            return self.fit(k)
        p = self.policy
        f = self.roles.features(k)
        return typed_fit(f, self.wanted, self.weight, self.held[k], p, unmatched=p.neighbour_anchor)

    def cost(self, k: int) -> float:
        """What sentence k loses as the answer shown: one that sends the reader elsewhere
        ("see the user guide"), the article's first, or a line of code when the question
        does not ask how to do something, is rarely the answer."""
        f, p = self.roles.features(k), self.policy
        if k == 0:
            lead = p.dateline_lead_cost if _DATELINE.match(self.sentences[0].text) else p.lead_cost
        else:
            lead = 0.0
        code = p.code_line_cost if "line" not in self.wanted.full and f.code_line else 0.0
        return p.pointer_cost * f.points_away + lead + code

    def _name(self, x: str, y: str, k: int) -> bool:
        """Whether sentence k writes x then y in one name ("Ella Rumpf")."""
        f = self.roles.features(k)
        for span in f.spans(("name",)):
            content = [s for s in f.stems[span.start : span.end] if s]
            if any(a == x and b == y for a, b in zip(content, content[1:], strict=False)):
                return True
        return False


_TEXT = operator.attrgetter("text")


def with_text(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences with text (more than whitespace), in order: those the passages read.
    (Read for every candidate of every question: the check runs in C where all have text,
    as nearly all articles' do.)"""
    if all(map(str.strip, map(_TEXT, sentences))):
        return list(sentences)
    return [s for s in sentences if s.text.strip()]
