"""The last stage: rankings and reranked answers made into SearchResponse and Answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.library.model import Article
from bot.search import cards, english
from bot.search.period import Span
from bot.search.policy import Policy
from bot.search.query import Query
from bot.search.question_words import QUESTION_WORDS
from bot.search.rank import LibraryIndex
from bot.search.rerank import Evidence, Ranked
from bot.search.results import HIGH, LOW, Answer, SearchHit, TitleChoice
from bot.search.retrieve import Candidates
from bot.search.shown_quote import shown_quote
from bot.search.shown_summary import shown_summary
from bot.search.stem import stem
from bot.search.words import words as split_words


def hit(index: LibraryIndex, aid: int, score: float) -> SearchHit:
    """One article of a ranking as a result, its 0-1 score as 0-100."""
    e = index.entries[aid]
    m = e.meta
    return SearchHit(
        slug=m.slug,
        title=m.title,
        link=m.link,
        date=m.date,
        tags=e.tags,
        score=max(0, min(100, round(score * 100))),
        author=m.author,
        description=m.description,
        cover_image=m.cover_image,
        label=index.label(aid),
    )


def choice(index: LibraryIndex, aid: int) -> TitleChoice:
    """One article as a title to pick (autocomplete, "did you mean")."""
    slug, title, date = index.entries.shown(aid)
    return TitleChoice(
        slug=slug,
        title=title,
        date=date,
        repeated=index.entries.title_key(aid) in index.repeated_titles,
    )


def confident(ranked: Candidates, threshold: float, policy: Policy) -> list[int]:
    """The head of a ranking from `threshold` and relative_cutoff of its first score up."""
    best = ranked.best
    if not ranked.ids or best < threshold:
        return []
    floor = max(threshold, best * policy.relative_cutoff)
    return [a for a in ranked.ids if ranked.scores[a] >= floor]


def named_where_shown(
    index: LibraryIndex, ids: list[int], words: Sequence[str], policy: Policy
) -> list[int]:
    """A search of one everyday English word ("go", more than Policy.everyday_zipf): the
    results naming it where a result shows what an article is about (title, tags or
    description), when some do. Such a word is mostly a verb or a filler in body text
    ("they would go on to…"), so an article holding it only there is not about it; a
    word no result names so keeps every result (nothing better to show)."""
    if len(words) != 1 or english.zipf(words[0]) <= policy.everyday_zipf:
        return ids
    asked = stem(words[0])

    def names(aid: int) -> bool:
        e = index.entries[aid]
        shown = " ".join([e.meta.title, e.meta.description or "", *e.tags])
        return asked in {stem(w) for w in split_words(shown)}

    named = [a for a in ids if names(a)]
    return named or ids


def newest_close(
    index: LibraryIndex, ids: list[int], scores: dict[int, float], policy: Policy
) -> list[int]:
    """The results close to the first one (recent_band of its score), newest first."""
    if not ids:
        return ids
    band = scores[ids[0]] * policy.recent_band
    return sorted((a for a in ids if scores[a] >= band), key=index.ranks.__getitem__)


def newest_first(
    index: LibraryIndex, ids: list[int], scores: dict[int, float], policy: Policy
) -> list[int]:
    """Results close to the first one (recent_band of its score) newest first, then the rest."""
    close = newest_close(index, ids, scores, policy)
    listed = set(close)  # once: built per result, it made a pool of n candidates cost n²
    return close + [a for a in ids if a not in listed]


def recent(index: LibraryIndex, ranked: Candidates, policy: Policy) -> Candidates:
    """The ranking with the results close to its first one newest first."""
    return replace(ranked, ids=newest_first(index, ranked.ids, ranked.scores, policy))


def answered(
    index: LibraryIndex, found: list[Ranked], ranked: Candidates, policy: Policy
) -> tuple[list[int], dict[int, float]]:
    """A search answered as a question: the reranked answers from question_hit_threshold
    up, then the rest of the confident ranking, with the answers' final scores."""
    threshold = policy.question_hit_threshold
    if not found or found[0].score < threshold:
        return [], ranked.scores
    final = {index.by_slug[f.article.slug]: f.score for f in found if f.score >= threshold}
    rest = [a for a in confident(ranked, threshold, policy) if a not in final]
    return [*final, *rest], {**ranked.scores, **final}


def corrected(q: Query, ranked: Candidates) -> str | None:
    """The query's words with the corrections the ranking made, if it made any."""
    if not ranked.corrections:
        return None
    typed = q.typed
    fixed_words: list[str] = []
    for i, w in enumerate(typed):
        if i and fixed_words[-1] == typed[i - 1] + w:
            continue  # "clockwork pi": the correction of "clockwork" joined them
        fixed_words.append(ranked.corrections.get(w, w))
    fixed = " ".join(fixed_words)
    return fixed if fixed != " ".join(typed) else None


def suggestions(index: LibraryIndex, q: Query, ranked: Candidates, policy: Policy) -> list[str]:
    """Did you mean: the query with its typos corrected, then titles that came close. A
    query whose every correction swaps one English word for another ("world" -> "would",
    "print" -> "point") had no typo: asking "did you mean who won the would cup?" only
    puzzles the member, so it is not offered."""
    fixed = corrected(q, ranked)
    if fixed and all(english.zipf(w) and english.zipf(c) for w, c in ranked.corrections.items()):
        fixed = None
    if fixed and len(fixed.split()) > policy.suggest_max_words:
        fixed = None  # a paragraph's corrections: not a did-you-mean (Policy.suggest_max_words)
    out: list[str] = [fixed] if fixed else []
    floor = policy.search_threshold * policy.suggest_share
    for a in ranked.ids[: policy.suggestions]:
        if ranked.scores[a] >= floor:
            label = index.label(a)
            if label not in out:
                out.append(label)
    return out[: policy.suggestions]


def asks(q: Query, policy: Policy) -> bool:
    """Whether the question asks, for `confidence`'s lone-word rule (Policy.lone_terms):
    one reading as a natural question (Query.asks), or a short one opening with a
    question word ("what is tpde"), as it would with "?" (Policy.short_question_asks)."""
    if q.asks:
        return True
    return bool(policy.short_question_asks) and bool(q.typed) and q.typed[0] in QUESTION_WORDS


def confidence(
    found: list[Ranked], policy: Policy, asks: bool = True, judged: frozenset[str] = frozenset()
) -> str | None:
    """How sure the best reranked article answers: HIGH from answer_threshold up, or from
    confident_threshold up when its best passage (with its title) holds confident_terms of
    the question's words together, if its text has a passage on the question (else LOW);
    LOW (the closest match, which may not answer) from tentative_threshold up when its
    best passage holds the question's words together (Policy.tentative_terms), or from
    tentative_title_floor up when its title names the question's rarest word the library
    holds, not an everyday one (the word is what the article is about); else None. The
    words together must not all be everyday English or bare numbers
    (Policy.confident_distinct); words that do not `ask` a question, one of which only the
    article's body holds (Policy.lone_terms), and an article holding only typo corrections of the
    question's words, and an article holding only one distinctive word of the question
    together, one the library writes often, that its title and opening do not name
    (Policy.common_together_terms), are LOW at most."""
    if not found:
        return None
    best = found[0]
    ev = best.evidence
    # Below answer_threshold, several of the question's words in one passage still say
    # the article is about it (Policy.confident_terms); one or two can be chance.
    # The question naming the article's writer by a word few articles hold (its byline,
    # its site: Evidence.names_writer) names the article itself: that name counts among
    # the distinctive words held together (Policy.writer_distinct), though the text never
    # writes it ("how long was brittany away from her day job": the byline's Brittany).
    distinct_held = (ev.distinct_together if ev is not None else 0) + (
        policy.writer_distinct if ev is not None and ev.names_writer else 0
    )
    # So does the question naming the article's site by a name the library does not write
    # often ("what did the vice writer say…": Evidence.names_site), once with the byline's.
    if ev is not None and ev.names_site and not ev.names_writer:
        distinct_held += policy.site_named_distinct
    close = (
        ev is not None
        and ev.together >= policy.confident_terms
        and distinct_held >= policy.confident_distinct
    )
    # An article whose text has no passage on the question (found by its author or title
    # alone: "who is rob pike" and a post he co-wrote) shows no answer; one holding only
    # words the search put in for typos is a guess at what was asked ("when should i
    # repot my monstera", fresh3: "report" and "monsters" of a game article at 0.65; every
    # answerable question of every set with a typo holds other words too.
    # bench/answers.py: fresh3 news unrelated with no confident answer 0.90 -> 1.00).
    unsaid = ev is not None and ev.passages is not None and ev.cover <= 0
    # The final score is a share of the question's own weight: a question of one word any
    # article holds ("1" of "' OR 1=1 --") is wholly "covered" by each of them. Above
    # answer_threshold too, the words shown together must not all be everyday ones (or
    # bare numbers); and a lone word only the body mentions, not the title or the opening
    # of words that ask nothing ("tell me a joke": "joke" in one quote of the hearing-aids
    # story) is no sign the article is about it (Policy.lone_terms): the closest match at
    # most. A question ("what is a goroutine") is answered by the text explaining it.
    distinct = ev is None or unsaid or distinct_held >= policy.confident_distinct
    # Three distinctive words together (Policy.distinct_terms) or a title and opening
    # naming what is asked (Policy.named_lead) say the article is about the question
    # below the thresholds that words alone need.
    several = (
        ev is not None
        and policy.distinct_terms > 0
        and ev.distinct_together >= policy.distinct_terms
        and best.score >= policy.distinct_threshold
    )
    titled = (
        ev is not None
        and policy.named_lead > 0
        and ev.names_rarest
        and ev.lead >= policy.named_lead
        and ev.distinct_together >= policy.confident_distinct
        and best.score >= policy.confident_threshold
    )
    passing = not asks and ev is not None and ev.terms <= policy.lone_terms and ev.lead <= 0
    if (
        (distinct and best.score >= policy.answer_threshold)
        or (close and best.score >= policy.confident_threshold)
        or several
        or titled
    ):
        guessed = ev is not None and ev.guessed
        # The one distinctive word held together is one the library writes for many
        # things, and the article's title and opening do not name it (Evidence.lone_common).
        common = ev is not None and ev.lone_common
        # An English word typed that no article holds ("roses") was replaced by a guess
        # ("roles") the passage does not hold either, and it holds one word of the
        # question: that word alone is no sign the article is about it (Evidence.guess_apart).
        apart = ev is not None and ev.guess_apart
        # The words held are ordinary English the article writes only inside a name ("Log
        # Cabin Republicans"), and the question's other distinctive words are not in it
        # (Evidence.named_apart).
        named = ev is not None and ev.named_apart
        # The question's words the article holds are ordinary English it writes once or
        # twice away from its title and opening (Evidence.in_passing): only a score from
        # Policy.passing_threshold up says it is about them.
        aside = ev is not None and ev.in_passing and best.score < policy.passing_threshold
        if (
            unsaid
            or aside
            or passing
            or guessed
            or common
            or apart
            or named
            or _unjudged(ev, judged, policy)
        ):
            return LOW
        return HIGH
    together = ev is None or (
        ev.together >= min(policy.tentative_terms, ev.terms)
        and ev.distinct_together >= policy.tentative_distinct
    )
    if together and best.score >= policy.tentative_threshold:
        return LOW
    named = ev is not None and ev.names_rarest
    if named and best.score >= policy.tentative_title_floor:
        return LOW
    # Nothing only when no distinctive word of the question is in the library: an article
    # holding one that few articles hold is the closest match (Policy.rare_english_zipf).
    rare = ev is not None and ev.holds_rare
    if rare and best.score >= policy.tentative_title_floor:
        return LOW
    if _several_together(ev, best.score, policy):
        return LOW
    # The question names the writer of the best article by a word few articles hold (its
    # byline, its site's name): whoever it names wrote this one (Policy.writer_floor).
    if (
        ev is not None
        and ev.names_writer
        and policy.writer_floor
        and best.score >= policy.writer_floor
    ):
        return LOW
    # ...and the site it was published on, named as its readers call it (the registered
    # domain's name, its words typed apart, its initials: Evidence.names_site), though the
    # name is an English word few questions use so ("vice", "wired"): the question asks
    # what that publication said (Policy.site_named_floor). A name few articles hold is
    # the byline's rule's (names_writer, writer_floor), as for site_named_distinct.
    if (
        ev is not None
        and ev.names_site
        and not ev.names_writer
        and policy.site_named_floor
        and best.score >= policy.site_named_floor
    ):
        return LOW
    return None


def _several_together(ev: Evidence | None, score: float, policy: Policy) -> bool:
    """The best passage (with its title) holds Policy.together_floor_distinct of the
    question's words that are more than everyday English, from Policy.together_floor up:
    the closest match, though a word of the question the article writes otherwise (a brand
    for its kind: "chatgpt" for "LLM") leaves its score low."""
    return (
        ev is not None
        and policy.together_floor_distinct > 0
        and ev.distinct_together >= policy.together_floor_distinct
        and score >= policy.together_floor
    )


def _unjudged(ev: Evidence | None, judged: frozenset[str], policy: Policy) -> bool:
    """Whether the passage shown leaves out more than Policy.judgement_missing of the
    judgement a question asks for (opinion.judged): "what's the best go web framework"
    answered by a post on writing web apps in Go that says nothing of the best one."""
    if not judged or ev is None:
        return False
    held = ev.passages.together_terms if ev.passages is not None else set()
    return len(judged - held) > policy.judgement_missing


def answer(
    index: LibraryIndex,
    q: Query,
    found: list[Ranked],
    passage: str | None,
    ranked: Candidates,
    policy: Policy,
    sure: str = HIGH,
) -> Answer:
    """The best reranked article as an Answer (`sure`: its confidence): its passage, a
    summary and a quote that repeat neither the passage nor each other, and alternatives
    (other good answers, then the ranking's head)."""
    best = found[0]
    article: Article = best.article
    best_id = index.by_slug.get(article.slug)
    threshold = min(policy.answer_threshold, best.score)
    floor = max(threshold, policy.alternative_share * best.score)
    others = [index.by_slug[f.article.slug] for f in found[1:] if f.score >= floor]
    rest = [a for a in confident(ranked, threshold, policy) if a != best_id]
    alternatives = list(dict.fromkeys(others + rest))[: policy.alternatives]
    summary = shown_summary(article, passage, policy)
    return Answer(
        question=q.raw,
        article=article,
        passage=passage,
        summary=summary,
        quote=shown_quote(article, q.raw, [passage or "", summary or ""], policy),
        alternatives=[hit(index, a, ranked.scores.get(a, 0.0)) for a in alternatives],
        score=round(best.score * 100),
        confidence=sure,
    )


# What the bot says to small talk, by its kind (see social.social_kind).
SMALL_TALK = {
    "thanks": "You're welcome! Ask me anything else about the articles.",
    "farewell": "Bye! Come back with more questions.",
    "greeting": "Hi! Ask me a question about the articles, or type /help to see what I can do.",
    "laughter": "😄 Glad you're enjoying it. Ask me anything about the articles.",
    "praise": "Thank you! Ask me anything else about the articles.",
    "ack": "👍 Ask me anything else about the articles.",
    "reaction": "Ask me anything else about the articles, or type /help to see what I can do.",
    # Punctuation or emoji alone: nothing to search for, so no "try /search ?!?!".
    "wordless": "I read words: ask me a question about the articles, or type /help to see"
    " what I can do.",
    "help": (
        "I answer questions about the articles in this library: ask in plain words, or type"
        " /help to see every command with examples."
    ),
}


def small_talk(q: Query) -> Answer:
    """A short friendly reply to small talk ("thanks!", "hi"), with no article."""
    return Answer(question=q.raw, reply=SMALL_TALK.get(q.social or "", SMALL_TALK["greeting"]))


def newest(
    index: LibraryIndex,
    q: Query,
    article: Article,
    policy: Policy,
    ids: Sequence[int] | None = None,
    listed: int | None = None,
) -> Answer:
    """ "What's new?" answered: the newest article, with the newest ones listed (of `ids`,
    newest first, when the question names a topic: "latest environment articles"; `listed`
    of them, Policy.newest_listed unless said)."""
    ids = (index.newest if ids is None else ids)[: listed or policy.newest_listed]
    hits = [hit(index, a, 1.0) for a in ids]
    return Answer(
        question=q.raw,
        article=article,
        summary=cards.summary(article),
        alternatives=hits[1 : 1 + policy.alternatives],
        score=100,
        confidence=HIGH,
        newest=hits,
    )


def in_period(
    index: LibraryIndex,
    q: Query,
    article: Article,
    ids: Sequence[int],
    span: Span,
    policy: Policy,
    about: str | None = None,
    tagged: str | None = None,
) -> Answer:
    """ "Articles from 2021" answered as "what's new?" is, for the period's articles (`ids`,
    newest first; `article` the first), saying how many there are; with `about`, the topic
    they were found for ("rust posts from 2019"), how many of the search's best matches
    there are: a search ranks, it does not count ("2 articles on rust from the 2010s" read
    as all there are); with `tagged`, the tag they all carry (a count: all there are)."""
    listed = policy.period_listed
    n = len(ids)
    if tagged:
        said = f"{n} {'article' if n == 1 else 'articles'} tagged “{tagged}” {span.label}"
    elif about:
        said = f"{n} best {'match' if n == 1 else 'matches'} for “{about}” {span.label}"
    else:
        said = f"{n} {'article' if n == 1 else 'articles'} {span.label}"
    if n > 1:
        said += ", newest first" + (f" (the newest {listed} listed)" if n > listed else "")
    return replace(newest(index, q, article, policy, ids, listed), passage=said + ".")


def none_in_period(
    index: LibraryIndex, q: Query, span: Span | None, about: str | None = None
) -> Answer:
    """The reply when no article is of the period asked for: the span the library covers
    (on the topic `about`, if one was named, that none of the period's is on it: the
    library's span says little when the period is inside it)."""
    when = "from then" if span is None else span.label
    if about:
        return Answer(question=q.raw, reply=f"No articles{_on(about)} {when}.")
    return Answer(question=q.raw, reply=f"No articles {when}: {library_span(index)}.")


def _on(about: str | None) -> str:
    return f" on “{about}”" if about else ""


def library_span(index: LibraryIndex) -> str:
    """The years the library's dated articles run over, as a reply says it."""
    dated = index.published("0", "~")  # ISO dates start with a digit; "~" sorts after them
    if not dated:
        return "the library's articles have no dates"
    first, last = index.date_text(dated[-1])[:4], index.date_text(dated[0])[:4]
    if first == last:
        return f"the library's articles are all from {first}"
    return f"the library runs from {first} to {last}"
