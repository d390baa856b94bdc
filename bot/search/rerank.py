"""The rerank stage: a question's top candidates read and rescored by their own text.

The first-stage score (titles, tags, FTS5 bm25) is blended with the article's evidence:
its best passage, how much of the question's weight it holds at all, and how many of the
question's word pairs it has side by side. FTS5's bm25 favours short articles and ignores
words in over half the library, so the article-level evidence corrects it; the answer's
words together in 1-3 sentences of one article are stronger evidence than the same words
scattered over a long one. A long article holds most words somewhere by chance, so what its
text (not its title) covers counts less (Policy.long_article_sentences); what its title and
opening sentences hold puts it first among them, as a post names what it is about at the
top (Policy.lead_weight).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from itertools import compress

from bot.library.model import Article, Sentence
from bot.search import acronyms, regional
from bot.search.answer_type import Wanted
from bot.search.compounds import Forms, forms_of
from bot.search.english import article_share, everyday, zipf
from bot.search.fuzzy import no_letter_changed
from bot.search.identifiers import (
    identifier_stems,
    only_in_code,
    only_in_identifiers,
    writes_identifier,
    written_as_code,
    written_identifiers,
)
from bot.search.in_passing import in_passing
from bot.search.index import DocFreqs
from bot.search.irregular import question_held
from bot.search.named_apart import only_in_names
from bot.search.passage import Passages, with_text
from bot.search.policy import DEFAULT, Policy
from bot.search.present import (
    asks_arrival,
    asks_planned,
    asks_present,
    asks_version,
    asks_what_is,
    introduces,
    pre_release,
    release_topic,
    says_done,
    ships,
    version_topic,
)
from bot.search.query import Query
from bot.search.rank import LibraryIndex
from bot.search.retrieve import Candidates
from bot.search.scoring import FTS5_MIN_IDF, blend, fts5_idf, idf, length_discount
from bot.search.series import asks_first, same_series, series_words
from bot.search.sites import named_forms, names_site, names_used, site_initials, site_words
from bot.search.stages import (
    announces_ahead,
    asks_deadline,
    asks_outcome,
    days_asked,
    months_asked,
    ordinal_asked,
    reports_outcome,
    title_dated_years,
    title_days,
    title_months,
    title_numbers,
    title_years,
    without_months,
    without_stage,
    years_asked,
)
from bot.search.stem import stem
from bot.search.versions import point_releases, release_numbers, release_of, version_named
from bot.search.words import STOPWORDS, fts_word, stems, words
from bot.store.articles import ArticleStore
from bot.store.search import SearchStore


@dataclass(frozen=True, slots=True)
class Evidence:
    """How well one article answers a question, from its own text."""

    cover: float  # the best 1-3 sentence passage's coverage (see passage.Passages)
    passages: Passages | None  # its windows, to choose the passage shown from
    doc_cover: float  # share of the question's idf mass the whole article holds
    pairs: float  # share of the question's word pairs found side by side in the article
    # The title holds the rarest question word the library holds (not an everyday word
    # unless a tag of the article holds it too), or two of its words more than everyday
    # English: see _names_rarest.
    names_rarest: bool = False
    together: int = 0  # question terms the best passage and the title hold
    terms: int = 0  # the question's terms
    sentences: int = 0  # the article's sentences (a long article's evidence says less)
    body_only: float = 0.0  # the part of doc_cover neither the title nor the author holds
    lead: float = 0.0  # share of the question's idf mass the title and the first sentences hold
    # Of the terms the best passage and the title hold, those more than everyday English
    # (see Policy.everyday_zipf): everyday words side by side can be chance.
    distinct_together: int = 0
    # Every question term the article holds is a typo correction the search made: what
    # it holds is a guess at what was asked (see respond.confidence).
    guessed: bool = False
    # The title names every release number the question does ("Announcing Rust 1.94.1"):
    # 1.0, or Policy.point_release_share when it names some only by a later point release
    # ("1.80.1" for "1.80"); see Policy.release_title_weight.
    names_release: float = 0.0
    # The article (its title, author or text) holds a distinctive word of the question few
    # articles hold (Asked.rare): see Policy.rare_english_zipf.
    holds_rare: bool = False
    # The best passage (with the title) holds at most Policy.common_together_terms of the
    # question's words, one of them more than everyday English, and that one a word the
    # library writes often (Asked.common) that neither the title nor the opening holds:
    # no sign the article is about the question (see respond.confidence).
    lone_common: bool = False
    # The best passage (with the title) holds at most Policy.guess_apart_terms of the
    # question's words, and a word the search put in for an English word typed
    # (Asked.misread) is not among them: the word asked about is in no article, and the
    # one held is the only part of the question the article speaks to; or the one held is
    # that word put in (Policy.misread_shown): it speaks to the guess, not to what was
    # typed (respond.confidence).
    guess_apart: bool = False
    # The article's writer, its byline or the registered domain of its link ("tonsky" of
    # tonsky.me), holds a distinctive word of the question few articles hold (Asked.rare):
    # the question names who wrote it (see Policy.writer_floor).
    names_writer: bool = False
    # The question's words more than everyday English the best passage holds, fewer than
    # Policy.distinct_terms, are ordinary English words (Asked.plain) the article writes
    # only inside a capitalised name ("Log Cabin Republicans"), and it lacks another
    # distinctive word of the question: a name sharing the question's words, not its
    # topic (see Policy.name_word_zipf, named_apart.py).
    named_apart: bool = False
    # The question's distinctive words the article holds are all ordinary English (Asked.
    # plain), none in its title or opening, each in at most Policy.passing_sentences of its
    # sentences: mentioned in passing, not its topic (see Policy.passing_threshold,
    # in_passing.py).
    in_passing: bool = False
    # The most question terms one sentence holds (rerank.restated_first).
    sentence_terms: int = 0
    # The question terms each sentence holds that writes one of the question's word pairs
    # side by side (asked.pairs): a sentence holding its words and a phrase of it as
    # written may say the question again (rerank.restated_first).
    restating: tuple[int, ...] = ()
    # The question names the site the article was published on, by its registered
    # domain's name ("the vice writer", "the verge", "the nyt writer"; sites.names_site),
    # a name the library does not write often (Asked.site_forms; Policy.site_named_floor).
    names_site: bool = False

    @property
    def passage(self) -> str | None:
        """The passage to show: chosen when first asked for (only the answer's is)."""
        return self.passages.shown() if self.passages is not None else None


@dataclass(frozen=True, slots=True)
class Asked:
    """A question as every candidate is judged against it: made once per question."""

    weight: dict[str, float]  # stemmed term -> library-wide weight
    total: float
    pairs: dict[tuple[str, str], float]  # adjacent term pairs, each weighing as its rarer word
    wanted: Wanted  # what kind of answer the question asks for
    rarest: frozenset[str] = frozenset()  # stems of the rarest words the library holds
    numbers: tuple[str, ...] = ()  # its release numbers ("1.22"), see versions.py
    # Its words typed as one that a title may write as two: "vs code" -> "vscode".
    apart: dict[str, str] = field(default_factory=dict)
    # Stems all of whose words are everyday English (see english.py).
    everyday: frozenset[str] = frozenset()
    # Stems of the words the search put in for typos ("monsters" for "monstera").
    guessed: frozenset[str] = frozenset()
    # A compound as the text may write it -> the question's stems it stands for (see
    # compounds.py): "front end" -> ("frontend",) for "frontend"; "frontend" -> ("front",
    # "end") for "front-end".
    compounds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Stems of its distinctive words the library holds in few articles: rarer than
    # Policy.rare_english_zipf in English, held by at most Policy.rare_word_articles
    # articles, not typo corrections (see Evidence.holds_rare).
    rare: frozenset[str] = frozenset()
    # Stems of the words it writes inside underscore-joined identifiers ("array_windows"):
    # an article's identifiers holding them are what it asks about (identifiers.py).
    identifiers: frozenset[str] = frozenset()
    # Stems of its words the library writes in Policy.common_word_share of its articles or
    # more (see Evidence.lone_common); empty when the library's size is not known.
    common: frozenset[str] = frozenset()
    # Stems of the words the search put in for words typed that are English words
    # themselves (Policy.misread_zipf: "roses" -> "roles"): no slip was typed, the
    # library lacks the word asked about (see Evidence.guess_apart).
    misread: frozenset[str] = frozenset()
    # Stems of its words that are ordinary English, from Policy.name_word_zipf up (not
    # bare numbers): words a name may be made of (see Evidence.named_apart).
    plain: frozenset[str] = frozenset()
    # Whether it writes something in code form (`go.mod`, `-u`, `len()`, an identifier):
    # a code block's words are what it asks about (Policy.code_plain_words).
    code_form: bool = False
    # The names it may call a site by (sites.named_forms): its content words the library
    # does not write often, and its words in a row run together ("theverge"); empty when
    # Policy.site_named_floor and site_named_distinct are both off.
    site_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        q: Query,
        idf_by_word: Mapping[str, float],
        held: Mapping[str, int] | None = None,
        vocab: Container[str] = (),
        policy: Policy = DEFAULT,
        corrections: Mapping[str, str] | None = None,
        forms: Forms | None = None,
        n: int = 0,
    ) -> Asked:
        """`held`: how many articles hold each word (for `rarest`, and with `n`, the
        library's articles, for `common`); `vocab`: the library's title and description
        words (for `apart`); `corrections`: typed word -> the word the search put in its
        place (for `guessed`); `forms`: its words' other forms (compounds.forms_of; made
        here without acronyms when not given)."""
        weight = q.terms.weights(idf_by_word)
        qtoks = q.terms.stems
        # A pair weighs as its rarer word: "garbage collector" says more than "go version".
        pairs = {p: min(weight[p[0]], weight[p[1]]) for p in _pairs(qtoks) if p[0] != p[1]}
        present = {w: df for w, df in (held or {}).items() if df}
        fewest = min(present.values(), default=0)
        rarest = frozenset(stem(w) for w, df in present.items() if df == fewest)
        numbers = tuple(release_numbers(weight))
        apart = _apart(q, vocab, policy)
        plain: dict[str, bool] = {}
        for w, t in zip(q.terms.words, qtoks, strict=True):
            # A bare number ("1", "12") is in any article that counts something: no
            # more distinctive than an everyday word ("' OR 1=1 --" asks about "1").
            common = everyday(w, policy.everyday_zipf) or w.isdigit()
            plain[t] = plain.get(t, True) and common
        everyday_stems = frozenset(t for t, e in plain.items() if e)
        # A run-together word's correction is two words ("coop" -> "co op").
        guessed = frozenset(stem(w) for c in (corrections or {}).values() for w in c.split())
        # A slip in a name: neither what was typed nor the word put in is on the English
        # list, and the word put in keeps every letter typed (Policy.rare_slipped_name:
        # "zutand" -> "zustand"); the name is rare as typed right.
        slipped_names = frozenset(
            stem(c)
            for typed, c in (corrections or {}).items()
            if policy.rare_slipped_name
            and " " not in c
            and not zipf(typed)
            and not zipf(c)
            and no_letter_changed(typed, c)
        )
        # A word no article's text writes is rare too (policy.rare_unwritten): an article
        # can still hold it outside its text, in its author's name ("where did brittany
        # give a talk": only the byline says "Brittany"); article_evidence finds it there.
        counted = (held or {}) if policy.rare_unwritten else present
        rare = frozenset(
            stem(w)
            for w, df in counted.items()
            if df <= policy.rare_word_articles
            and not w.isdigit()
            and zipf(w) < policy.rare_english_zipf
        )
        # A small library counts as prior_library articles, as its word weights do.
        floor = policy.common_word_share * max(n, policy.prior_library)
        common = frozenset(stem(w) for w, df in present.items() if n and df >= floor)
        plain_words: dict[str, bool] = {}
        for w, t in zip(q.terms.words, qtoks, strict=True):
            english = bool(policy.name_word_zipf) and not w.isdigit()
            english = english and zipf(w) >= policy.name_word_zipf
            plain_words[t] = plain_words.get(t, True) and english
        return cls(
            weight,
            sum(weight.values()),
            pairs,
            Wanted.of(q),
            rarest,
            numbers,
            apart,
            everyday_stems,
            guessed & weight.keys(),
            (forms or forms_of(q, vocab, policy)).stems,
            (rare & weight.keys()) - (guessed - slipped_names),
            frozenset(identifier_stems(q.text)),
            common & weight.keys(),
            _misread(corrections or {}, policy) & weight.keys(),
            frozenset(t for t, e in plain_words.items() if e),
            written_as_code(q.text) or bool(identifier_stems(q.text)),
            named_forms(q.typed, common)
            if policy.site_named_floor or policy.site_named_distinct
            else {},
        )


def _misread(corrections: Mapping[str, str], policy: Policy) -> frozenset[str]:
    """Stems of the words put in for words typed that English writes from
    Policy.misread_zipf up (Asked.misread), a plural read by its singular
    (Policy.misread_plural)."""
    return frozenset(
        stem(w)
        for typed, put in corrections.items()
        if _english(typed, policy)
        for w in put.split()
    )


def _english(typed: str, policy: Policy) -> bool:
    """Whether a word typed is English from Policy.misread_zipf up: itself, or a plural
    ("crosswords") whose singular is. The word list keeps words from Zipf 3, and a
    plural is often rarer than its singular; a slip ("heckers") has no English singular."""
    if zipf(typed) >= policy.misread_zipf:
        return True
    single = typed[:-1] if typed.endswith("s") and not typed.endswith("ss") else ""
    return bool(policy.misread_plural) and len(single) > 2 and zipf(single) >= policy.misread_zipf


@dataclass(frozen=True, slots=True)
class Ranked:
    """A candidate after the rerank: its final score, the article and its best passage."""

    score: float
    article: Article
    evidence: Evidence

    @property
    def passage(self) -> str | None:
        return self.evidence.passage


# The rerank's candidates as it orders them: (order, -rank, candidate), best first.
Found = list[tuple[float, int, Ranked]]


def _uncounted(word: str) -> bool:
    """A word FTS5 cannot count as typed: "c#", "c++" and "f#" are "c" and "f" to its
    tokenizer. It weighs as a word no article holds, so an article must hold it as typed
    to get its weight (sentence words keep the symbols)."""
    return word[-1] in "#+"


def word_weight(word: str, df: int, n: int, policy: Policy = DEFAULT) -> float:
    """A question word's library-wide weight: its idf among the n articles (df of them
    hold it; one that none holds weighs as one that one does). An everyday English word
    weighs at most as one held by everyday_share of them, however few use it: "till"
    where the articles write "until" is no distinctive word of the question.

    A library of fewer than Policy.prior_library articles is read as if topped up to that
    many with articles of general English (english.article_share), which hold "got" but
    not "Orrin": in 14 articles, one that writes each makes them equals. The weight is
    its idf in that larger library; as before, no word weighs more
    than one a single article holds."""
    counted = 0 if _uncounted(word) else df
    m = max(0.0, policy.prior_library - n)  # English articles added; none from the size up
    english = m * article_share(word, policy.prior_article_words) if m else 0.0
    rare = min(idf(n, 1), idf(n + m, counted + english))  # idf(n, max(1, df)) when m = 0
    if everyday(word, policy.everyday_zipf):
        return min(rare, idf(n, round(policy.everyday_share * n)))
    return rare


def _apart(q: Query, vocab: Container[str], policy: Policy) -> dict[str, str]:
    """The question's words typed as one that a title may write as two ("vscode" for "VS
    Code"): the two words' stems, as a title's stems hold them ("vs code") -> the
    question's stem. A word splits where both parts are words of the library's titles and
    descriptions and neither is a function word; a word the vocabulary holds whole is left
    as typed (Policy.apart_letters)."""
    out: dict[str, str] = {}
    least, part = policy.apart_letters, policy.apart_part_letters
    for w, t in zip(q.terms.words, q.terms.stems, strict=True):
        if len(w) < least or not w.isalpha() or w in vocab:
            continue
        for i in range(part, len(w) - part + 1):
            a, b = w[:i], w[i:]
            if a in vocab and b in vocab and a not in STOPWORDS and b not in STOPWORDS:
                out.setdefault(f"{stem(a)} {stem(b)}", t)
                break
    return out


def _pairs(tokens: Iterable[str]) -> set[tuple[str, str]]:
    tokens = tuple(tokens)
    return set(zip(tokens, tokens[1:], strict=False))


def _written_pairs(tokens: Iterable[str]) -> set[tuple[str, str]]:
    """An article's word pairs side by side, and the two words around a middle initial:
    "Brian X. Chen" writes the "brian chen" a question asks about (fresh3), as "George W.
    Bush" does "george bush". A one-letter token is an initial, not a word of the text
    (stopwords, "a" and "I" among them, are not tokens)."""
    tokens = tuple(tokens)
    out = set(zip(tokens, tokens[1:], strict=False))
    # (the triples only where a token is one letter: most sentences have none, and this
    # runs for each sentence holding two question terms, for every question)
    if 1 in map(len, tokens[1:-1]):
        for a, mid, b in zip(tokens, tokens[1:], tokens[2:], strict=False):
            if len(mid) == 1 and mid.isalpha():
                out.add((a, b))
    return out


def article_evidence(article: Article, asked: Asked, policy: Policy) -> Evidence:
    """Passage, whole-article and word-pair evidence that an article answers a question.

    An article holding every question word, and its word pairs ("standard library",
    "garbage collector") in the same order, is the one the question is about, even when
    its best single passage covers fewer words than a passage elsewhere.
    """
    weight, total = asked.weight, asked.total
    if not total:
        return Evidence(0.0, None, 0.0, 0.0)
    sentences = with_text(article.sentences)
    q = set(weight)
    held = question_held(article, q, asked.numbers, asked.compounds)
    sets = held.sets
    title = [stem(w) for w in words(article.title) if w not in STOPWORDS]
    releases = point_releases(f" {' '.join(title)} ", asked.numbers) if asked.numbers else {}
    # The numbers the title names as their own release ("1.22.0" for "1.22"), not only by
    # a later point release of it ("1.22.1").
    released = {releases.get(t, t) for t in title if release_of(t, releases.get(t, t))}
    if releases:
        title = [releases.get(t, t) for t in title]  # "Rustup 1.22.0" names "1.22"
    title_stems = set(title)
    if asked.apart or asked.compounds:  # "The VS Code Go extension" names "vscode"
        spaced = f" {' '.join(title)} "
        title_stems |= {t for two, t in asked.apart.items() if f" {two} " in spaced}
        for form, ts in asked.compounds.items():  # "web frontend" names "front-end"
            if f" {form} " in spaced:
                title_stems.update(ts)
    # The author is part of the article too ("brittany ellich's talk").
    author = {stem(w) for w in words(article.author or "") if w not in STOPWORDS}
    named = title_stems | author
    present = named.union(*sets)
    doc_cover = sum(w for t, w in weight.items() if t in present) / total
    body_only = sum(w for t, w in weight.items() if t in present and t not in named) / total
    passages = None
    if sentences:
        passages = Passages(
            sentences,
            sets,
            q,
            weight,
            asked.wanted,
            title_stems,
            policy,
            article.title,
            article.description or "",
        )
        cover = passages.cover()
    else:
        # No text (a saved link, an empty export): only its title can answer, and title
        # words a passage leaves out count half, as in Passages.coverage.
        cover = policy.title_share * doc_cover
    pairs = 1.0  # a one-word question has no pair to miss
    restating: list[int] = []
    if asked.pairs:
        seen = _written_pairs(title)
        for k in compress(range(len(sets)), sets):  # (those holding a term, found in C)
            if len(sets[k]) >= 2:  # a pair needs two question terms
                written = _written_pairs(held.tokens(k)) & asked.pairs.keys()
                seen |= written
                if written:
                    restating.append(len(sets[k]))
        found = sum(w for p, w in asked.pairs.items() if p in seen)
        pairs = found / (sum(asked.pairs.values()) or 1.0)
    shown = passages.together_terms if passages is not None else title_stems & q
    if passages is not None and not policy.identifier_words_together:
        # Words the best window holds only inside code identifiers (`fn meaning_of_life()`
        # for "what is the meaning of life") are not words of the question said together.
        i, j = passages.together_window
        shown = shown - only_in_identifiers(
            ((sentences[k].text, passages.held[k]) for k in range(i, j)), asked.identifiers
        )
    held_terms = present & q
    opening = title_stems.union(*sets[: policy.lead_sentences])
    lead = sum(w for t, w in weight.items() if t in opening) / total
    distinct = shown - asked.everyday
    # ...unless the passage holds every word of a question of Policy.common_whole_terms
    # or more: the common word is said there with all the rest ("where did the go blog
    # move to": "the Go blog has moved"), not alone.
    whole = 0 < policy.common_whole_terms <= len(q) and q <= shown
    lone_common = (
        len(shown) <= policy.common_together_terms
        and len(distinct) == 1
        and distinct <= asked.common
        and not distinct & opening
        and not whole
    )
    return Evidence(
        cover,
        passages,
        doc_cover,
        pairs,
        _names_rarest(article, asked, title_stems, policy),
        len(shown),
        len(q),
        len(sentences),
        body_only,
        lead,
        len(distinct - _code_only(distinct, held_terms, asked, sentences, passages, policy)),
        bool(held_terms) and held_terms <= asked.guessed,
        _names_release(asked.numbers, title_stems, released, policy),
        bool(asked.rare & present),
        lone_common,
        _guess_apart(shown, asked, policy),
        # (the link's site read only for a question with a rare word: at 100k articles every
        # link is new to site_words' memo, and parsing it was ~3 % of an ask)
        bool(asked.rare)
        and bool(asked.rare & (author | {stem(w) for w in site_words(article.link)})),
        _named_apart(distinct, q - asked.everyday - present, asked, sentences, sets, policy),
        # (not when the question holds a typo correction, or a word few articles or none
        # hold that this one lacks: a slip, or a name this article may write otherwise,
        # took its weight from the score the rule reads; an English word typed that the
        # library lacks is neither, Policy.passing_english_missing)
        not _slipped(asked, present, policy)
        and in_passing(
            held_terms - asked.everyday,
            asked.plain,
            opening | named,
            sets,
            policy.passing_sentences,
        ),
        max(map(len, sets), default=0),
        tuple(restating),
        _names_site(article, asked, present, policy),
    )


def _names_site(article: Article, asked: Asked, present: set[str], policy: Policy) -> bool:
    """Whether the question names the site the article was published on (sites.names_site)
    by words the article does not write: a name its text writes ("who is the guardian of
    a child": the Guardian's post on leaving X says "Guardian") already weighs as the
    question's word held, and is as likely the English word; one only its link holds ("the
    vice writer") is evidence nothing else gives (Evidence.names_site)."""
    named = names_site(article.link, asked.site_forms, bool(policy.site_initials))
    stems = {stem(w) for w in named if w not in STOPWORDS}
    return bool(stems) and not stems <= present


def _code_only(
    distinct: set[str],
    held_terms: set[str],
    asked: Asked,
    sentences: Sequence[Sentence],
    passages: Passages | None,
    policy: Policy,
) -> set[str]:
    """The question's distinctive words that are ordinary English (Asked.plain) the best
    window holds only in code (a code block, a line of code: `cat go.mod` for "where did
    my cat go"), when the question does not read as code: nothing written in code form
    (Asked.code_form) and no word of it the article holds that is not English ("fmt",
    "goroutine": "how do i run cargo fmt" asks about the code). Policy.code_plain_words."""
    if not policy.code_plain_words or passages is None or asked.code_form:
        return set()
    plain = distinct & asked.plain
    if not plain or any(not t.isdigit() for t in held_terms - asked.plain):
        return set()
    i, j = passages.together_window
    held = passages.held
    return only_in_code(
        ((sentences[k].text, sentences[k].kind, held[k]) for k in range(i, j)), plain
    )


def _slipped(asked: Asked, present: set[str], policy: Policy) -> bool:
    """Whether the question holds a typo correction, or a word few articles or none hold
    that the article lacks (Evidence.in_passing is then not read): with
    Policy.passing_english_missing, only a correction of a slip (not of an English word
    typed: Asked.misread) and a missing word that is no ordinary English (Asked.plain)."""
    guessed, missing = asked.guessed, asked.rare - present
    if policy.passing_english_missing:
        guessed, missing = guessed - asked.misread, missing - asked.plain
    return bool(guessed or missing)


def _named_apart(
    distinct: set[str],
    missing: set[str],
    asked: Asked,
    sentences: Sequence[Sentence],
    sets: Sequence[Set[str]],
    policy: Policy,
) -> bool:
    """Evidence.named_apart: `distinct` the question's distinctive words the best passage
    holds, `missing` its distinctive words the article lacks."""
    return (
        bool(distinct)
        and bool(missing)
        and len(distinct) < policy.distinct_terms
        and distinct <= asked.plain
        and only_in_names([s.text for s in sentences], sets, distinct)
    )


def _guess_apart(shown: set[str], asked: Asked, policy: Policy) -> bool:
    """The passage shown holds at most Policy.guess_apart_terms of the question's words
    and leaves out a word the search put in for an English word typed, or holds only such
    words (Policy.misread_shown) (Evidence.guess_apart)."""
    if len(shown) > policy.guess_apart_terms or not asked.misread:
        return False
    return bool(asked.misread - shown) or (policy.misread_shown > 0 and shown <= asked.misread)


def _names_release(
    numbers: tuple[str, ...], title_stems: set[str], released: set[str], policy: Policy
) -> float:
    """How the title names every release number of the question: 1.0 as the releases
    themselves ("Announcing Rust 1.80.0" for "1.80"), Policy.point_release_share when some
    only by a later point release ("Announcing Rust 1.80.1"), 0.0 when it misses one."""
    if not numbers or not set(numbers) <= title_stems:
        return 0.0
    return 1.0 if set(numbers) <= released else policy.point_release_share


def _names_rarest(article: Article, asked: Asked, title_stems: set[str], policy: Policy) -> bool:
    """Whether the title names the question's rarest word the library holds, when that
    word is more than everyday English, or is also one of the article's tags: a word its
    writer tagged it with and put in its title is what the article is about, however
    common in English ("sleep", tagged and in "Teenagers sleep 43 minutes longer…",
    was no sign of anything alone: "do you have something about sleep" got nothing).

    Or whether the title holds Policy.title_terms of the question's words that are more
    than everyday English (not typo corrections), however many articles hold them: two
    words of the question in the title are its topic, though the passage holds them apart
    from the rest ("JSON-RPC: a tale of interfaces" for "how long did it take to add a
    json codec to net/rpc")."""
    named = asked.rarest & title_stems
    if named - asked.everyday:
        return True
    if named and named & {stem(w) for tag in article.tags for w in words(tag)}:
        return True
    two = policy.title_terms
    return (
        bool(two)
        and len(title_stems & (asked.weight.keys() - asked.everyday - asked.guessed)) >= two
    )


async def rerank(
    q: Query,
    ranked: Candidates,
    index: LibraryIndex,
    store: ArticleStore,
    counts: DocFreqs,
    policy: Policy,
) -> list[Ranked]:
    """The top candidates rescored with their own text, best first (by their score and
    their lead, see Policy.lead_weight; newer first on equal ones to 3 decimals)."""
    # In a library of one or two articles FTS5 weighs every word an article holds at 0
    # (its idf is log((N - df + 0.5) / (df + 0.5))): the first stage says nothing, and the
    # share of the question the article holds stands in for its text score.
    blind = fts5_idf(index.n, 1) <= FTS5_MIN_IDF
    floor = 0.0 if blind else policy.rerank_floor
    pool = [a for a in ranked.ids[: policy.rerank_pool] if ranked.scores[a] >= floor]
    # The few articles holding the question's rarest word are read whatever their score.
    pool += [a for a in ranked.rare if a not in pool]
    if not pool:
        return []
    # A word counts the articles writing it any way (compounds.py): "web" and "site" of
    # "web-site" are in every article writing "website", and weigh as such; "hr" in every
    # one writing "human resources" where the library spells it so (acronyms.py).
    # ... and a word spelled the other region's way where the search found it (regional.py).
    learned = acronyms.known(q, counts.learned, policy)
    if policy.regional_spellings:
        learned |= regional.known(q.content, counts.regional)
    forms = forms_of(q, index.text_vocab, policy, learned)
    exprs = {w: forms.expr(w, e) for w in q.content if (e := fts_word(w))}
    dfs = await counts.count(SearchStore(store.readers), list(exprs.values()))
    weights = {w: word_weight(w, df, index.n, policy) for w, df in zip(exprs, dfs, strict=True)}
    held = dict(zip(exprs, dfs, strict=True))
    asked = Asked.of(q, weights, held, index.text_vocab, policy, ranked.corrections, forms, index.n)
    # The whole pool in one round trip rather than one (or three) per article.
    articles = await store.articles_by_id(pool)
    shipped: set[int] = set()
    if not blind and policy.shipped_pool and asks_present(q.typed):
        shipped = await _shipping(q, ranked, index, pool, articles, store, policy.shipped_pool)
    found: Found = []
    for a in pool:
        article = articles.get(a)
        if article is None:
            continue
        ev = article_evidence(article, asked, policy)
        score = ranked.scores.get(a, 0.0)
        first = max(score, ev.doc_cover) if blind else score
        doc = ev.doc_cover
        if not blind:  # (a library of one or two has no shorter or better-led one to prefer)
            # Only what the text holds is discounted: a title naming the words is no chance.
            kept = length_discount(
                ev.sentences, policy.long_article_sentences, policy.long_article_cost
            )
            doc -= ev.body_only * (1.0 - kept)
        final = blend((first, ev.cover, doc, ev.pairs), policy.rerank_mix)
        # What the title and the opening sentences hold says which candidate is about the
        # question, not whether the library answers it: it orders, confidence reads `final`.
        order = final if blind else final + policy.lead_weight * ev.lead
        if not blind:
            order += policy.release_title_weight * ev.names_release
        found.append((order, -index.ranks[a], Ranked(final, article, ev)))
    found.sort(key=lambda f: (round(f[0], 3), f[1]), reverse=True)
    if shipped and shipped_first(found, {articles[a].slug for a in shipped}):
        return [f[2] for f in found]
    # (before the rules of the question's form: "when did X come out" is answered by the
    # announcement, "the first X" by the oldest, whichever post restates it)
    if not blind and policy.restated_margin:
        restated_first(found, policy.restated_margin)
    if not blind and policy.present_margin and asks_present(q.typed):
        done_first(found, policy.present_margin)
    elif not blind and policy.first_margin and asks_first(q.typed):
        earliest_first(found, policy.first_margin, policy.series_title_share)
    elif not blind and policy.arrival_margin and asks_arrival(q.typed):
        said_first(found, policy.arrival_margin, says_done)
    elif not blind and policy.plan_margin and asks_planned(q.typed):
        oldest_first(found, policy.plan_margin)
    elif not blind and policy.introduced_margin and asks_what_is(q.typed):
        stems = frozenset(stem(w) for w in q.content)
        said_first(found, policy.introduced_margin, lambda t: introduces(t, stems))
    elif not blind and policy.pairs_margin:
        pairs_first(found, policy.pairs_margin, policy.pairs_lead)
    if not blind and policy.version_margin and asks_version(q.typed):
        introduced_first(found, policy.version_margin, q.content, asked, policy)
    if not blind and policy.site_margin:
        named_site_first(found, policy.site_margin, names_used(q.typed), bool(policy.site_initials))
    if not blind:  # (after the site rule: the fact tells apart the named site's own posts)
        sibling_first(found, q.typed, policy)
    if not blind and policy.identifier_margin:
        identifier_first(found, policy.identifier_margin, written_identifiers(q.text))
    return [f[2] for f in found]


async def _shipping(
    q: Query,
    ranked: Candidates,
    index: LibraryIndex,
    pool: list[int],
    articles: dict[int, Article],
    store: ArticleStore,
    within: int,
) -> set[int]:
    """The releases among the ranking's first `within` whose title says they happened
    and name one version, and whose description or opening says they ship what a
    question about now asks of them (present.ships): "Go 1.18 is released!" ("Go 1.18
    adds generics, …") for "does go have generics now", 13th in the first stage, below
    the rerank's pool, as its notes name generics among many things. Those past the pool
    join it (and `articles`). Titles are read from the index: only releases are fetched."""

    def release(a: int) -> bool:
        title = index.entries[a].meta.title if a in index.entries else ""
        return says_done(title) and version_named(title) is not None

    more = [a for a in ranked.ids[:within] if a not in articles and release(a)]
    extra = await store.articles_by_id(more) if more else {}
    found: set[int] = set()
    for a, article in [*articles.items(), *extra.items()]:
        if a not in extra and not release(a):
            continue
        opening = [article.description or "", *(s.text for s in article.sentences[:8])]
        if ships(opening, release_topic(q.content, article.title)):
            found.add(a)
            if a not in articles:
                articles[a] = article
                pool.append(a)
    return found


def shipped_first(found: Found, slugs: set[str]) -> bool:
    """The oldest of the releases shipping what is asked (`slugs`, _shipping) goes first,
    unless the first is one of them: the release that shipped a feature is the first
    that says so; later ones extend it ("Go 1.27 adds generic methods"). Whether it
    moved one."""
    ks = [k for k, f in enumerate(found) if f[2].article.slug in slugs]
    if not ks or ks[0] == 0:
        return False
    oldest = min(ks, key=lambda k: found[k][1])  # (-rank: an older article has a smaller one)
    found.insert(0, found.pop(oldest))
    return True


def _lift_first(found: Found, margin: float, lifts: Callable[[int, Ranked], bool]) -> None:
    """The first candidate after the best within `margin` of the best's order for which
    `lifts(newer, candidate)` holds goes first (`newer`: -rank, a newer article has a
    larger one). The rules below that move one near tie each say only what lifts."""
    best = found[0][0]
    for k, (order, newer, r) in enumerate(found[1:], 1):
        if order < best - margin:
            return
        if lifts(newer, r):
            found.insert(0, found.pop(k))
            return


def _lift_oldest(found: Found, margin: float, alike: Callable[[Ranked], bool]) -> None:
    """The oldest candidate within `margin` of the best's order, older than the best, that
    is `alike` goes first (earliest_first, oldest_first)."""
    best, oldest = found[0][0], 0
    for k, (order, newer, r) in enumerate(found[1:], 1):
        if order < best - margin:
            break
        if newer < found[oldest][1] and alike(r):  # (-rank: an older article has a smaller one)
            oldest = k
    if oldest:
        found.insert(0, found.pop(oldest))


def said_first(found: Found, margin: float, says: Callable[[str], bool]) -> None:
    """The first candidate within `margin` of the best's order whose title `says` it is
    the post asked for goes first, unless the best's title says so already: the post
    announcing a release for "when did go 1.18 come out" (present.says_done; the tutorials
    for 1.18 hold the question's words as well), the one introducing a thing for "what is
    the rust leadership council" (present.introduces; its later updates hold them too)."""
    if not found or says(found[0][2].article.title):
        return
    _lift_first(found, margin, lambda _, r: says(r.article.title))


def _holds_topic(texts: Iterable[str], topic: frozenset[str], asked: Asked, share: float) -> bool:
    """Whether one of `texts` holds at least `share` of `topic`'s weight (Asked.weight; a
    term the library does not weigh counts as the lightest there is)."""
    if not topic:
        return False
    least = min(asked.weight.values(), default=1.0)
    weight = {t: asked.weight.get(t, least) for t in topic}
    total = sum(weight.values())
    for text in texts:
        held = topic & stems(text)
        if held and sum(weight[t] for t in held) >= share * total:
            return True
    return False


def introduced_first(
    found: Found, margin: float, content: tuple[str, ...], asked: Asked, policy: Policy
) -> None:
    """For a question asking which release brought something (present.asks_version), the
    oldest release within `margin` of the best's order whose title says it happened and
    names one version, and one of whose headings names what is asked, goes first: the
    release that introduced it has a section about it ("LazyCell and LazyLock", Rust
    1.80.0); later releases name it in their lists of methods stabilised on it
    ("LazyLock::get", Rust 1.94.0) or in passing. Not when the best's title and opening
    hold most of the question (Evidence.lead: a post about that thing, "Automatic
    checking of cfgs at compile-time"), unless its title is a stage before the release
    ("… available in nightly"); and a release first saying what is asked in a sentence
    of its own gives way only to an older one (Policy.version_margin)."""
    if not found:
        return
    share = policy.version_heading_share
    head = found[0][2].article.title
    if not pre_release(head) and found[0][2].evidence.lead >= policy.version_lead_share:
        return
    # A release first that says what is asked in a sentence of its own gives way only
    # to an older release ("The largest new feature in 1.19 is unions").
    first_release = (
        says_done(head)
        and version_named(head) is not None
        and _holds_topic(
            (t.text for t in found[0][2].article.sentences),
            version_topic(content, head),
            asked,
            share,
        )
    )
    best, pick = found[0][0], None
    for k, (order, newer, r) in enumerate(found):
        if order < best - margin:
            break
        title = r.article.title
        if not (says_done(title) and version_named(title)):
            continue
        if first_release and newer >= found[0][1]:
            continue
        topic = version_topic(content, title)
        headings = (t.text for t in r.article.sentences if t.heading)
        if not _holds_topic(headings, topic, asked, share):
            continue
        if pick is None or newer < found[pick][1]:  # (-rank: an older one has a smaller one)
            pick = k
    if pick:
        found.insert(0, found.pop(pick))


def pairs_first(found: Found, margin: float, lead: float) -> None:
    """The first candidate within `margin` of the best's order that holds the question's
    word pairs side by side (Evidence.pairs) `lead` more than the best goes first: a
    phrase of the question written as a phrase says which post is about it ("until when
    can i answer the rust debugging survey": "Rust debugging survey 2026" over the
    compiler performance survey's results, which hold the words apart), where single
    words, which the order mostly weighs, leave the two all but tied (Policy.pairs_margin)."""
    if not found:
        return
    pairs = found[0][2].evidence.pairs
    _lift_first(found, margin, lambda _, r: r.evidence.pairs >= pairs + lead)


def restated_first(found: Found, margin: float) -> None:
    """When no sentence of the best writes one of the question's word pairs side by side
    (its words are there only apart), the first candidate within `margin` of its order
    with a sentence that writes one AND holds more of the question's terms than any
    sentence of the best goes first: that sentence says the question again ("As of this
    writing, the backtrace type only implements the Display and Debug traits" for "what
    traits does the backtrace type implement right now", over release notes holding
    "trait", "type" and "implement" in separate places). Where the best writes a phrase
    of the question too, one more word or phrase elsewhere is no sign which post is
    about it (bench/README.md, "restate24"; Policy.restated_margin)."""
    if not found or found[0][2].evidence.restating:
        return
    terms = found[0][2].evidence.sentence_terms
    _lift_first(found, margin, lambda _, r: max(r.evidence.restating, default=0) > terms)


def earliest_first(found: Found, margin: float, share: float) -> None:
    """A question about the first of something ("where did the first contributors summit
    take place"): the oldest of the best's series (series.same_series) within `margin` of
    its order goes first. The later posts of a series hold the question's words as well,
    and often recap the first; which of them is about the first is what they are dated."""
    if not found:
        return
    words = series_words(found[0][2].article.title)
    _lift_oldest(found, margin, lambda r: same_series(words, series_words(r.article.title), share))


def sibling_first(found: Found, typed: tuple[str, ...], policy: Policy) -> None:
    """A post of the best's series (series.same_series) that states the fact the question
    carries goes first, the nearest within the rule's margin of the best's order
    (stages.py): for a deadline, an older one when the best reports the outcome
    (Policy.deadline_margin); for a count of what happened, a newer one when the best
    announced it ahead (Policy.outcome_margin); a title naming the year asked when the
    best's names only others (Policy.year_title_margin); a title writing the number of the
    ordinal asked when the best's writes others (Policy.ordinal_margin); a title naming the
    month asked, by name or in a date, when the best's names only other months
    (Policy.month_title_margin). The series' posts hold the same words; the question's
    fact is what tells them apart."""
    if not found:
        return
    title = found[0][2].article.title
    first = found[0][1]  # (-rank: a newer article has a larger one)
    mine: list[frozenset[str]] = []  # the best's series words, read once a rule applies

    def sibling(r: Ranked) -> bool:
        if not mine:
            mine.append(without_stage(series_words(title)))
        theirs = without_stage(series_words(r.article.title))
        return same_series(mine[0], theirs, policy.stage_series_share)

    if policy.deadline_margin and asks_deadline(typed) and reports_outcome(title):
        _lift_first(
            found,
            policy.deadline_margin,
            lambda newer, r: newer < first and sibling(r) and not reports_outcome(r.article.title),
        )
        return
    if policy.outcome_margin and asks_outcome(typed) and announces_ahead(title):
        _lift_first(
            found,
            policy.outcome_margin,
            lambda newer, r: newer > first and sibling(r) and not announces_ahead(r.article.title),
        )
        return
    years = years_asked(typed)
    if policy.year_title_margin and years and (named := title_years(title)) and not named & years:
        _lift_first(
            found,
            policy.year_title_margin,
            lambda _, r: sibling(r) and bool(title_years(r.article.title) & years),
        )
        return
    n = ordinal_asked(typed)
    if policy.ordinal_margin and n and (numbers := title_numbers(title)) and n not in numbers:
        _lift_first(
            found,
            policy.ordinal_margin,
            lambda _, r: sibling(r) and n in title_numbers(r.article.title),
        )
        return
    months = months_asked(typed) if policy.month_title_margin else frozenset()
    if months and (dated := title_months(title)) and not dated & months:
        _lift_first(
            found,
            policy.month_title_margin,
            lambda _, r: _of_month(
                r.article.title, title, months, years, days_asked(typed), policy
            ),
        )


def _of_month(
    theirs: str,
    best: str,
    months: frozenset[int],
    years: frozenset[str],
    days: frozenset[int],
    policy: Policy,
) -> bool:
    """Whether the title `theirs` names one of the `months` asked (and, when the question
    names years or days and the title writes some, one of those) and is of `best`'s
    series, month names aside (sibling_first's month rule). A day asked that the title
    does not write is another meeting of that month: "the jan 28 meeting" is not
    "Meeting 14 January 2020", and the post after it may report it."""
    if not title_months(theirs) & months:
        return False
    written = title_dated_years(theirs)
    if years and written and not written & years:
        return False
    dated = title_days(theirs)
    if days and dated and not dated & days:
        return False
    mine, other = (without_months(without_stage(series_words(t))) for t in (best, theirs))
    return same_series(mine, other, policy.stage_series_share)


def oldest_first(found: Found, margin: float) -> None:
    """A question about a plan or an expectation ("what were the 2017 plans for async io
    in rust"; present.asks_planned): the oldest candidate within `margin` of the best's
    order, older than the best, goes first. A plan is written before what it plans; the
    release, the progress report and the year's retrospective come after it, recap it and
    hold its words as well, and say how it turned out, not what was planned."""
    if not found:
        return
    _lift_oldest(found, margin, lambda _: True)


def done_first(found: Found, margin: float) -> None:
    """A question about now ("is the 2024 edition out yet?"): the first candidate within
    `margin` of the best's order, newer than the best, whose title says the thing happened
    goes first, unless the best's title says so already (present.py,
    Policy.present_margin). The plan, the proposal and the call for testing hold the
    question's words as well as the release that settled them, and were written before
    it: they answer how it stood then. Only a newer one: "Fixing For Loops in Go 1.22",
    written before Go 1.22, is no outcome of "Range Over Function Types" a year later."""
    if not found or says_done(found[0][2].article.title):
        return
    first = found[0][1]  # (-rank: a newer article has a larger one)
    _lift_first(found, margin, lambda newer, r: newer > first and says_done(r.article.title))


def named_site_first(
    found: Found, margin: float, names: frozenset[str], initials: bool = False
) -> None:
    """A question naming the site some candidates were published on ("what percent of
    rust users use it every week": blog.rust-lang.org; sites.site_words) and not the
    first's: the first candidate within `margin` of the best's order from a named site
    goes first. Two projects' posts on one topic (each one's survey results) hold the
    question's other words alike; the project it names says whose post it asks about.
    Nothing moves when every candidate's site is named, or none is. `initials`: the site
    named by its initials too ("the nyt column": nytimes.com; sites.site_initials)."""
    if not found or not names:
        return

    def named(link: str | None) -> bool:
        return bool(site_words(link) & names or (initials and site_initials(link) & names))

    # (each link's site read only as far as the margin reaches: one past it moves nothing)
    if named(found[0][2].article.link):
        return
    _lift_first(found, margin, lambda _, r: named(r.article.link))


def identifier_first(found: Found, margin: float, names: frozenset[str]) -> None:
    """A question writing a code identifier ("what does offset_of give you") whose first
    candidate writes none of its identifiers whole: the first candidate within `margin` of
    the best's order that writes one goes first. The word pattern splits `offset_of` into
    "offset" and a stopword, so every post on offsets holds the question's words as well as
    the release that stabilized `offset_of!`; a name a programmer wrote is said only by the
    posts writing it (identifiers.py, Policy.identifier_margin)."""
    if not found or not names:
        return

    def writes(r: Ranked) -> bool:
        a = r.article
        return writes_identifier((a.title, *(s.text for s in with_text(a.sentences))), names)

    if writes(found[0][2]):
        return
    _lift_first(found, margin, lambda _, r: writes(r))
