"""The second stage: candidate articles and their 0-1 scores, from titles, tags and text.

A Retriever serves one request against one index. It ranks a Query as keywords or as a
question, and picks the reading of the query to rank (with or without "posts", "latest"…)
by how well each matches. Rankings, title scores and filters it has made are kept for the
rest of the request, so a later stage asking again costs nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.search import acronyms, regional
from bot.search.compounds import Forms, forms_of
from bot.search.english import everyday, zipf
from bot.search.fuzzy import allowed_typos, name_key, no_letter_changed
from bot.search.index import DocFreqs
from bot.search.period import introduced, read_period, span
from bot.search.policy import Policy
from bot.search.query import Query
from bot.search.question_words import RECENCY_WORDS
from bot.search.rank import LibraryIndex
from bot.search.scoring import bm25_bound, combine, fts5_idf
from bot.search.spelling import TextVocabulary, closest, function_word
from bot.search.stem import stem
from bot.search.words import STOPWORDS, fold, fts_quote, fts_word
from bot.store.search import SearchStore

# (FTS5 expression, its FTS5 idf, how many articles hold it, the query word)
_Term = tuple[str, float, int, str]


@dataclass(frozen=True, slots=True)
class Candidates:
    """A ranking: the head of the order (best first), every candidate's score, and the
    typo corrections the full-text search made ("gorutines" -> "goroutines")."""

    ids: list[int]
    scores: dict[int, float]
    corrections: dict[str, str] = field(default_factory=dict)
    # The articles holding the query's rarest word, when few do: a name or brand in one
    # article's body is read by the rerank however low its first score.
    rare: tuple[int, ...] = ()

    @property
    def best(self) -> float:
        return self.scores[self.ids[0]] if self.ids else 0.0


@dataclass(frozen=True, slots=True)
class Reading:
    """The reading of a query to answer, and whether the newest of its matches go first."""

    query: Query
    recent: bool = False


@dataclass(frozen=True, slots=True)
class TextScores:
    scores: dict[int, float]
    corrections: dict[str, str]
    rare: tuple[int, ...] = ()


class Retriever:
    """Candidates for one request: `read` picks the reading, `rank` ranks one."""

    def __init__(
        self,
        index: LibraryIndex,
        fts: SearchStore,
        counts: DocFreqs,
        policy: Policy,
        spelling: Callable[[], Awaitable[TextVocabulary]] | None = None,
    ) -> None:
        self.index = index
        self.fts = fts
        self.counts = counts
        self.policy = policy
        self.spelling = spelling  # the full text's vocabulary, read when first needed
        self._ranked: dict[tuple[int, bool], tuple[Query, Candidates]] = {}
        self._allowed_memo: dict[tuple, set[int] | None] = {}
        self._titles_memo: dict[tuple, dict[int, float]] = {}

    async def read(self, q: Query, *, question: bool) -> Reading:
        """Which reading of q to rank, and whether the newest of its matches go first.

        In a keyword search "posts"/"articles" count only if the query matches better with
        them: "blog posts about the borrow checker" is about the borrow checker, "a call
        for blog posts" is (nearly) a title. "latest rust release" asks for the newest rust
        release, so "latest" is no topic word; but in "two recent go talks" it is a title's
        word, and stays one.
        """
        plain = q.without_listing
        if not question and plain is not None and plain.content:
            full, bare = await self.rank(q), await self.rank(plain)
            if bare.best > full.best:
                q = plain
        plain = q.without_recency
        if plain is None:
            return Reading(q)
        if not any(w in self.index.postings for w in RECENCY_WORDS):
            return Reading(plain, recent=True)  # no title could hold the word
        full = await self.rank(q, question=question)  # made already when listing words were
        top = full.ids[0] if full.ids else None
        if (
            top is not None
            and full.scores[top] >= self.policy.search_threshold
            and RECENCY_WORDS.intersection(self.index.entries[top].title_words)
        ):
            return Reading(q)
        return Reading(plain, recent=True)

    async def rank(self, q: Query, *, question: bool = False) -> Candidates:
        """q's candidates, ranked as a question (leaning on the text) or as keywords."""
        key = (id(q), question)
        known = self._ranked.get(key)
        if known is None:
            # The query is kept with its ranking, so its id is not reused meanwhile.
            known = self._ranked[key] = (q, await self._rank(q, question))
        return known[1]

    async def _rank(self, q: Query, question: bool) -> Candidates:
        idx = self.index
        allowed = await self._allowed(q) if q.has_filters else None
        if allowed is not None and not allowed:
            return Candidates([], {})
        if not q.content:
            # Only function words ("what is it"): nothing but a whole title can match them.
            ids = idx.exact_title(q.title_key) if q.words else []
            if allowed is not None:
                ids = [a for a in (ids or idx.newest) if a in allowed]
            return Candidates(ids, dict.fromkeys(ids, 1.0))
        # Words typed apart that titles, descriptions or tags write as one ("web assembly",
        # "clockwork pi"): names, looked for in keyword searches. In a question, "at run
        # time" is not "the runtime".
        vocab = idx.text_vocab.words
        forms = await self.forms(q)
        if question:  # only two words the question hyphenates ("front-end"), see compounds.py
            joined = [j for j in q.joined if (j[0], j[1]) in forms.hyphens]
        else:
            joined = [j for j in q.joined if j[2] in vocab]
        # A title writing a word the other region's way holds the word (regional.py):
        # matched as the word's exact form, as a joined form is.
        spelled = [
            (w, w, v) for (w,), (v,) in regional.known(q.content, self.counts.regional).items()
        ]
        title = self._titles(q, [*joined, *spelled], allowed)
        tag = {} if question else self._tags(q, allowed)
        text = await self._text(q, allowed, question, joined, forms)
        if slips := {w: c for w, c in text.corrections.items() if c in STOPWORDS}:
            # A function word typed with a slip ("teh") weighs nothing in titles either.
            title = self._titles(q.corrected(slips), [*joined, *spelled], allowed)
        mix = self.policy.question_mix if question else self.policy.keyword_mix
        scores = combine(title, text.scores, tag, mix)
        return Candidates(self._order(scores), scores, text.corrections, text.rare)

    async def forms(self, q: Query) -> Forms:
        """The other forms of q's words a text may write (compounds.py), with the acronyms
        the library spells out (acronyms.py)."""
        vocab = self.index.text_vocab.words
        # The compounds' forms need no acronym: the words' expressions in them are
        # counted in the learning's round trip (if it makes one), where _counted finds
        # them, rather than in a round trip of their own. Made once: forms_of with
        # nothing learned is the same Forms.
        apart = forms_of(q, vocab, self.policy)
        also = [apart.expr(w, e) for w in q.content if w in apart.phrases and (e := fts_word(w))]
        learned = await acronyms.learn(q, self.fts, self.counts, self.policy, also)
        learned |= await self._regional(q)
        return forms_of(q, vocab, self.policy, learned) if learned else apart

    async def _regional(self, q: Query) -> dict[tuple[str, ...], tuple[str, ...]]:
        """The question's words the library spells the other region's way (regional.py),
        read against the full text's vocabulary; nothing looked up for a question with no
        word of the patterns."""
        if not self.policy.regional_spellings or self.spelling is None:
            return {}
        memo = self.counts.regional
        todo = [w for w in q.content if w not in memo and regional.variants(w)]
        if todo:
            terms = (await self.spelling()).docs
            limit = self.policy.spelling_articles

            async def writes(word: str) -> bool:
                expr = fts_word(word)
                return bool(expr) and await self.fts.writes(expr, word, limit, True)

            await regional.learn(todo, terms, writes, memo)
        return regional.known(q.content, memo)

    def _order(self, scores: dict[int, float]) -> list[int]:
        """The head of the ranking, best first (newer first on equal rounded scores).

        Callers read only the first `ordered` and those from rerank_floor up: the rest are
        left out (the cut is 0.01 lower, as equal rounded scores sort by date). Tuples sort
        in C; a key is a call per item.
        """
        p = self.policy
        ranks = self.index.ranks
        if len(scores) > p.ordered:
            # (the ordered-th best by a sort in C: heapq.nlargest loops in Python, and
            # took ~4x as long over the few hundred scores a query has)
            nth = sorted(scores.values(), reverse=True)[p.ordered - 1]
            low = min(p.rerank_floor, nth) - 0.01
            # (the cut and the keys in one pass: no list of the kept pairs made first)
            keyed = sorted([(-round(s * 100), ranks[a], a) for a, s in scores.items() if s >= low])
        else:
            keyed = sorted([(-round(s * 100), ranks[a], a) for a, s in scores.items()])
        return [k[2] for k in keyed]

    async def _allowed(self, q: Query) -> set[int] | None:
        """Ids the filters allow, None when there is no filter; empty when one matches nothing."""
        key = (q.tags, q.authors, q.phrases, q.dates)
        if key in self._allowed_memo:
            return self._allowed_memo[key]
        idx = self.index
        allowed: set[int] | None = None

        def narrow(ids: set[int]) -> None:
            nonlocal allowed
            allowed = ids if allowed is None else allowed & ids

        for tag in q.tags:
            narrow(set(idx.by_tag[tag]) if tag else set())
        for author in q.authors:
            narrow(set(idx.by_author[author]) if author else set())
        for start, end in q.dates:
            narrow(set(idx.published(start, end)))
        for phrase in q.phrases:
            limit = self.policy.phrase_limit
            narrow(set(await self.fts.all_matching(fts_quote(phrase), limit)))
        self._allowed_memo[key] = allowed
        return allowed

    def _titles(
        self, q: Query, joined: list[tuple[str, str, str]], allowed: set[int] | None
    ) -> dict[int, float]:
        """Title scores (a whole title typed scores 1.0), within the filters. The same for a
        query ranked as keywords and as a question when no words were joined: made once."""
        key = (q.content, tuple(joined), q.title_key, q.tags, q.authors, q.phrases, q.dates)
        known = self._titles_memo.get(key)
        if known is not None:
            return known
        idx = self.index
        title = idx.title_scores(q.content, joined)
        for a in idx.exact_title(q.title_key):
            title[a] = 1.0
        if allowed is not None:
            title = {a: s for a, s in title.items() if a in allowed}
        self._titles_memo[key] = title
        return title

    def _tags(self, q: Query, allowed: set[int] | None) -> dict[int, float]:
        """The articles of the tag the whole query names, if it names one."""
        if not q.text:
            return {}
        p = self.policy
        tag = self.index.tag_table.resolve_key(name_key(q.folded), p.tag_query_cutoff)
        if not tag:
            return {}
        score = p.tag_exact if q.folded.strip() == tag else p.tag_near
        return {
            a: score
            for a in self.index.by_tag[tag][: p.tag_articles]
            if allowed is None or a in allowed
        }

    async def _text(
        self,
        q: Query,
        allowed: set[int] | None,
        question: bool,
        joined: list[tuple[str, str, str]],
        forms: Forms,
    ) -> TextScores:
        """0-1 per article: its bm25 over the best bm25 any article could get for the query.

        Terms no article holds still count in the bound, so a query that is half unknown
        words cannot score high; terms in most articles weigh ~0 (FTS5's idf), like stopwords.
        """
        terms, missing, corrections = await self._terms(q.content, joined, forms)
        usable = self._within_budget(terms)
        bound = bm25_bound((t[1] for t in usable), missing)
        raw = await self._bm25(usable, allowed, question) if usable else {}
        self._by_author(q, allowed, raw, terms)
        if self.policy.dated_credit:
            self._by_date(q, allowed, raw, terms)
        if not raw or bound <= 0:
            return TextScores({}, corrections)
        scores = {a: min(1.0, s / bound) for a, s in raw.items()}
        return TextScores(scores, corrections, await self._rare(usable, allowed))

    async def distinct(self, q: Query, guessed: Iterable[str] = ()) -> list[int]:
        """The articles FTS5's bm25 ranks best for the question's words that are more than
        everyday English (english.py; not bare numbers, not typo guesses), held by at most
        fts_budget articles each, up to Policy.distinct_pool of them; [] when the question
        has none or the library holds none of them. `guessed`: the words the search put in
        for typos. See SearchEngine._without_everyday."""
        p = self.policy
        if not p.distinct_pool or not q.content:
            return []
        guessed = set(guessed)
        words = [
            w
            for w in q.content
            if w not in guessed and not w.isdigit() and not everyday(w, p.everyday_zipf)
        ]
        exprs = {w: e for w in words if (e := fts_word(w))}
        if not exprs:
            return []
        dfs = await self.counts.count(self.fts, list(exprs.values()))
        usable = [e for e, df in zip(exprs.values(), dfs, strict=True) if 0 < df <= p.fts_budget]
        if not usable or len(usable) == len(q.content):  # all of them: the question again
            return []
        allowed = await self._allowed(q) if q.has_filters else None
        hits = await self.counts.ranked(
            self.fts,
            " OR ".join(dict.fromkeys(usable)),
            p.distinct_pool,
            p.question_bm25_weights,
            ids=sorted(allowed) if allowed is not None else None,
        )
        entries = self.index.entries
        return [a for a, _ in hits if a in entries]

    async def _rare(self, usable: list[_Term], allowed: set[int] | None) -> tuple[int, ...]:
        """The articles holding the query's rarest term, when at most rare_word_articles do."""
        if not usable:
            return ()
        expr, _, df, _ = min(usable, key=lambda t: t[2])
        if df > self.policy.rare_word_articles:
            return ()
        ids = await self.fts.all_matching(expr, df)
        entries = self.index.entries
        return tuple(a for a in ids if a in entries and (allowed is None or a in allowed))

    async def _bm25(
        self, usable: list[_Term], allowed: set[int] | None, question: bool
    ) -> dict[int, float]:
        """FTS5's bm25 of the articles holding any of the terms, within the filters."""
        p = self.policy
        match = " OR ".join(t[0] for t in usable)
        weights = p.question_bm25_weights if question else p.bm25_weights
        limit = p.question_fts_limit if question else p.fts_limit
        if allowed is not None and len(allowed) <= p.fts_filter_ids:
            ranked = await self.counts.ranked(self.fts, match, limit, weights, sorted(allowed))
        else:
            ranked = await self.counts.ranked(
                self.fts, match, limit * (p.fts_overfetch if allowed else 1), weights
            )
            if allowed is not None:
                ranked = tuple(r for r in ranked if r[0] in allowed)[:limit]
        # An FTS hit the index does not hold yet (added by a reload while the index is
        # rebuilt in the background) waits for the new index.
        entries = self.index.entries
        return {a: s for a, s in ranked if a in entries}

    def _by_author(
        self, q: Query, allowed: set[int] | None, raw: dict[int, float], terms: list[_Term]
    ) -> None:
        """Credit the articles of an author the query names in full ("brittany ellich's
        talk") as if their text held those words: the author is part of an article, but
        not of its full text."""
        named, ids = self._named_authors(q)
        if not ids:
            return
        n = self.index.n
        idf_of = {t[3]: t[1] for t in terms}
        credit = bm25_bound([idf_of.get(w, fts5_idf(n, 0)) for w in named], 0.0)
        for a in ids[: self.policy.tag_articles]:
            if allowed is None or a in allowed:
                raw[a] = raw.get(a, 0.0) + credit

    def _by_date(
        self, q: Query, allowed: set[int] | None, raw: dict[int, float], terms: list[_Term]
    ) -> None:
        """Credit the articles published within a calendar period the question names as a
        time ("who joined the cargo team in march 2022", "… in 2018") as if their text held
        its words: the date is part of an article, but not of its full text, and a post
        about the event is dated when it happened. Only a year or a month of one: "last
        week" or "since 2019" span too much to say which post."""
        named = read_period(q.words)
        if named is None or named.bound is not None:
            return
        if any(p.year is None or p.unit is not None or p.decade for p in named.periods):
            return
        if not all(introduced(q.words, i) for i in named.used if i - 1 not in named.used):
            return
        when = span(named, date(2000, 1, 1))  # (absolute periods: today is not read)
        if when is None:
            return
        words = {q.words[i] for i in named.used} & set(q.content)
        if not words:
            return
        n = self.index.n
        idf_of = {t[3]: t[1] for t in terms}
        credit = self.policy.dated_credit * bm25_bound(
            [idf_of.get(w, fts5_idf(n, 0)) for w in words], 0.0
        )
        for a in self.index.published(*when.bounds)[: self.policy.tag_articles]:
            if allowed is None or a in allowed:
                raw[a] = raw.get(a, 0.0) + credit

    def _named_authors(self, q: Query) -> tuple[set[str], list[int]]:
        """The query's words that name an author in full (2-3 words in order: a single word
        is too often someone's first name or handle), and that author's articles."""
        ws, table, by_author = q.content, self.index.author_table, self.index.by_author
        named: set[str] = set()
        ids: list[int] = []
        for size in (3, 2):
            for i in range(len(ws) - size + 1):
                gram = ws[i : i + size]
                if named.intersection(gram):
                    continue
                name = table.exact(" ".join(gram))
                if name:
                    named.update(gram)
                    ids += by_author[name]
        return named, ids

    async def _terms(
        self, qwords: Iterable[str], joined: list[tuple[str, str, str]], forms: Forms
    ) -> tuple[list[_Term], float, dict[str, str]]:
        """The query words as FTS5 terms with their idf and article counts; the summed idf
        of words no article holds; and the corrections of words replaced by a near word."""
        exprs, dfs = await self._counted(qwords, joined, forms)
        # A function word typed with two letters swapped ("teh") is that word: no term.
        slips = {w: f for w, df in dfs.items() if df == 0 and (f := function_word(w))}
        # A slip onto another word's rare stem is corrected as if no article held it.
        collided = await self._collided(exprs, dfs)
        unknown = [w for w, df in dfs.items() if (df == 0 or w in collided) and w not in slips]
        fixes = await self._title_fixes(unknown)
        fixed_df = await self._fixed_counts(fixes)
        # A word no title or description corrects: against the whole text's vocabulary.
        if self.spelling is not None and (rest := [w for w in unknown if not fixed_df.get(w)]):
            body = await self.spelling()
            # The question's other words, rarest first: where a guess's form is written.
            held = sorted((w for w in exprs if dfs[w] and w not in collided), key=lambda w: dfs[w])
            context = [exprs[w] for w in held[: self.policy.spelling_context]]
            more = await self._text_fixes(rest, body, context)
            fixes.update(more)
            fixed_df.update(await self._fixed_counts(more))
            # Still nothing: two words typed as one ("coop" for "co-op").
            if rest := [w for w in rest if not fixed_df.get(w)]:
                more = await self._split_fixes(rest, body)
                fixes.update(more)
                fixed_df.update(await self._fixed_counts(more))
        n = self.index.n
        terms: list[_Term] = []
        missing = 0.0
        corrections: dict[str, str] = {}
        for w, expr in exprs.items():
            if w in slips:
                corrections[w] = slips[w]
                continue
            df = dfs[w]
            if (df == 0 or w in collided) and fixed_df.get(w):
                corrections[w] = fixes[w][0]
                expr, df = fixes[w][1], fixed_df[w]
            if df == 0:
                missing += fts5_idf(n, 0)
            else:
                terms.append((expr, fts5_idf(n, df), df, w))
        return terms, missing, corrections

    async def _collided(self, exprs: dict[str, str], dfs: dict[str, int]) -> set[str]:
        """The words no English list, title or description holds whose porter term at most
        Policy.spelling_collision_articles articles hold, none of them writing the word as
        typed (or, ending in "s", without it): slips onto another word's rare stem
        ("tutoral" is porter's "tutor")."""
        p = self.policy
        most = p.spelling_collision_articles
        if not most or self.spelling is None:
            return set()
        out: set[str] = set()
        for w, df in dfs.items():
            if not 0 < df <= most or not w.isalpha() or not allowed_typos(w, p):
                continue
            # A possessive typed without its apostrophe ("jenns" for "Jenn's") is no slip.
            forms = [w, *([w[:-1]] if w.endswith("s") else [])]
            if zipf(w) or any(f in self.index.text_vocab for f in forms):
                continue
            # Nor a word a title writes inflected ("otter" where only a title says
            # "Otters", the article's text not saved): the title's word has its stem, as a
            # body word of that stem would hold it. Before, "otter" was a slip for "other".
            if self._title_inflects(w):
                continue
            for form in forms:
                if await self.fts.writes(exprs[w], form, p.spelling_articles):
                    break
            else:
                out.add(w)
        return out

    def _title_inflects(self, word: str) -> bool:
        """Whether a title or description word is `word` with an ending of the same stem
        ("otters" for "otter"): the completions of the word as typed, porter-stemmed."""
        stemmed = stem(word)
        return any(stem(v) == stemmed for v in self.index.text_vocab.prefixed(word))

    async def _title_fixes(self, ws: Iterable[str]) -> dict[str, tuple[str, str]]:
        """word -> (the title or description word as few typos from it as any, its FTS5
        expression); of several, the one most articles hold (Policy.spelling_tie_by_articles:
        "release", not "rebase", for "relase")."""
        vocab = self.index.text_vocab
        if not self.policy.spelling_tie_by_articles:
            return self._fixes(ws, vocab.correct)
        tied = {w: [(c, e) for c in vocab.nearest(w) if c != w and (e := fts_word(c))] for w in ws}
        several = list(dict.fromkeys(e for cs in tied.values() if len(cs) > 1 for _, e in cs))
        counted = await self.counts.count(self.fts, several) if several else []
        held = dict(zip(several, counted, strict=True))
        return {w: max(cs, key=lambda c: held.get(c[1], 0)) for w, cs in tied.items() if cs}

    @staticmethod
    def _fixes(
        ws: Iterable[str], correct: Callable[[str], str | None]
    ) -> dict[str, tuple[str, str]]:
        """word -> (its correction, the correction's FTS5 expression), where there is one."""
        fixes: dict[str, tuple[str, str]] = {}
        for w in ws:
            fixed = correct(w)
            if fixed and fixed != w and (expr := fts_word(fixed)):
                fixes[w] = (fixed, expr)
        return fixes

    async def _text_fixes(
        self, ws: list[str], body: TextVocabulary, context: list[str]
    ) -> dict[str, tuple[str, str]]:
        """word -> (a word the text holds within its typo budget, its FTS5 expression).
        `context`: the FTS5 expressions of the query's other words."""
        fixes: dict[str, tuple[str, str]] = {}
        p = self.policy
        for w in ws:
            for guess in body.guesses(w):
                expr = fts_word(guess)
                if not expr:
                    continue
                held = await self.fts.held_words(expr, p.spelling_guesses)
                fixed = closest(w, held, p)
                # The few words shown may be other forms ("address", "addresses") than
                # the one meant ("addressing"): the guess counts if an article writes it.
                if fixed is None and closest(w, [guess], p) is not None:
                    fixed = guess if await self._writes(expr, guess, context) else None
                if fixed and (fixed_expr := fts_word(fixed)):
                    fixes[w] = (fixed, fixed_expr)
                    break
            # Nothing near its stem: one edit on the word as typed.
            if (
                w not in fixes
                and p.spelling_edits
                and (edit := await self._edit_fix(w, body, context))
            ):
                fixes[w] = edit
            # Still nothing: two typos in a word of Policy.spelling_two_typo_letters or more.
            if w not in fixes and (two := await self._two_typo_fix(w, body)):
                fixes[w] = two
        return fixes

    async def _two_typo_fix(self, w: str, body: TextVocabulary) -> tuple[str, str] | None:
        """A word the text writes two typos from `w`, when `w` is long enough
        (Policy.spelling_two_typo_letters) that its own budget is one: a word typed with
        two slips ("faework" for "framework", "copryiht") is past every other pass. Only
        words the articles shown for a near term write count (`closest`), no guess."""
        p = self.policy
        least = p.spelling_two_typo_letters
        if not least or len(w) < least or allowed_typos(w, p) != 1 or zipf(w):
            return None
        for guess in body.guesses(w, 2):
            expr = fts_word(guess)
            if not expr:
                continue
            held = await self.fts.held_words(expr, p.spelling_guesses)
            # Two typos with a letter changed reach other names ("michael" for "michele"):
            # at two, letters only dropped, added or moved count.
            fixed = closest(w, [h for h in held if no_letter_changed(w, fold(h))], p, 2)
            if fixed and (fixed_expr := fts_word(fixed)):
                return fixed, fixed_expr
        return None

    async def _edit_fix(
        self, w: str, body: TextVocabulary, context: list[str]
    ) -> tuple[str, str] | None:
        """One edit on the word as typed, where its stem strayed from the terms
        (TextVocabulary.edits), in the commonest term first: the form of it the text
        writes nearest the word ("active" for "actiev"), else an edited word an article
        writes ("screenings", of the term "screen"; not "hobbis" for "hobbit", of
        "hobbies"): every correction is a word some article uses. At most
        spelling_guesses edited words are looked for in the text (each one to four small
        queries): this runs for most names a library lacks, not only for typos."""
        p = self.policy
        edits = [(forms, expr) for forms in body.edits(w) if (expr := fts_word(forms[0]))]
        for _, expr in edits:
            fixed = closest(w, await self.fts.held_words(expr, p.spelling_guesses), p)
            if fixed and (fixed_expr := fts_word(fixed)):
                return fixed, fixed_expr
        tried = [(form, expr) for forms, expr in edits for form in forms]
        for form, expr in tried[: p.spelling_guesses]:
            if await self._writes(expr, form, context):
                return form, fts_word(form) or expr
        return None

    async def _split_fixes(self, ws: list[str], body: TextVocabulary) -> dict[str, tuple[str, str]]:
        """word -> (the two words it runs together, their FTS5 phrase), where an article
        writes them side by side: the split most articles write wins."""
        fixes: dict[str, tuple[str, str]] = {}
        for w in ws:
            pairs = [(pair, expr) for pair in body.splits(w) if (expr := fts_word(pair))]
            if not pairs:
                continue
            counted = await self.counts.count(self.fts, [expr for _, expr in pairs])
            df, pair, expr = max(
                (df, pair, expr) for (pair, expr), df in zip(pairs, counted, strict=True)
            )
            if df:
                fixes[w] = (pair, expr)
        return fixes

    async def _writes(self, expr: str, word: str, context: Sequence[str] = ()) -> bool:
        """Whether the text writes `word` (see SearchStore.writes): read in the articles
        using its stem most while few hold it, where bm25 is cheap to order by; then in
        those holding it with the query's other words (`context`). A form few of the
        stem's articles write ("publisher" among "publish", "published") is missing from
        the ones using the stem most, and is in the one the question is about."""
        p = self.policy
        matches = [expr, *([f"{expr} AND ({' OR '.join(context)})"] if context else [])]
        for match in matches:
            (df,) = await self.counts.count(self.fts, [match])
            ranked, anywhere = df <= p.fts_budget, bool(p.spelling_written_anywhere)
            if await self.fts.writes(match, word, p.spelling_articles, ranked, anywhere):
                return True
        return False

    async def _fixed_counts(self, fixes: dict[str, tuple[str, str]]) -> dict[str, int]:
        """How many articles hold each correction (0: not a correction after all)."""
        if not fixes:
            return {}
        counted = await self.counts.count(self.fts, [e for _, e in fixes.values()])
        return dict(zip(fixes, counted, strict=True))

    async def _counted(
        self, qwords: Iterable[str], joined: list[tuple[str, str, str]], forms: Forms
    ) -> tuple[dict[str, str], dict[str, int]]:
        """Each query word's FTS5 expression and article count, its other forms (`forms`:
        "frontend" as "front end", "hr" as "human resources") matching too. A word typed
        apart from the next one that the library also writes as one ("web assembly")
        matches either way."""
        exprs = {w: forms.expr(w, expr) for w in dict.fromkeys(qwords) if (expr := fts_word(w))}
        joins = [
            (a, b, fts_quote(c))
            for a, b, c in joined
            if a in exprs and b in exprs and (a, b) not in forms.hyphens
        ]
        # All the words' frequencies in one round trip (with those of words typed apart
        # written as one), and in it each word's with its one joined form where some
        # article holds that form (a guarded count): the "(word OR joined)" below is then
        # known. A word of two joins chains both, counted after, in one more round trip.
        joining = Counter(w for a, b, _ in joins for w in (a, b))
        guarded = [
            (j, f"({exprs[w]} OR {j})") for a, b, j in joins for w in (a, b) if joining[w] == 1
        ]
        singles = [*exprs.values(), *(j[2] for j in joins)]
        counted = await self.counts.count(self.fts, singles, guarded)
        dfs = dict(zip(exprs, counted, strict=False))
        either: dict[str, str] = {}  # word -> "(word OR joined)" where the library has it
        for (a, b, joined_expr), df in zip(joins, counted[len(exprs) : len(singles)], strict=True):
            if df:
                for w in (a, b):
                    either[w] = f"({either.get(w, exprs[w])} OR {joined_expr})"
        if either:
            exprs.update(either)
            dfs.update(
                zip(either, await self.counts.count(self.fts, list(either.values())), strict=True)
            )
        return exprs, dfs

    def _within_budget(self, terms: list[_Term]) -> list[_Term]:
        """The rarest terms whose article counts add up to at most fts_budget: FTS5 scores
        every article holding any OR'd term, so commoner terms count only through titles,
        tags and passages. Keeps a query within a few ms at 100k articles."""
        usable: list[_Term] = []
        spent = 0
        for t in sorted(terms, key=lambda t: t[2]):
            if spent + t[2] > self.policy.fts_budget:
                break
            usable.append(t)
            spent += t[2]
        return usable
