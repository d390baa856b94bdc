"""Answers in a conversation: what a question asked about the article just discussed is
answered with (SearchEngine.ask routes here once it has the question's own answer).

Not to be confused with its neighbours: bot/conversation.py keeps which article each
conversation is about (the `Topic`); followup.py reads a question's words (does it point
back, does it want more, the next part of an article). This module decides between the
question's own answer and the conversation article's, and answers from that article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from bot.library.model import Article
from bot.search import (
    asked,
    cards,
    followup,
    listings,
    ordinals,
    present,
    rate_asked,
    respond,
    said_by,
    when_shown,
    why_shown,
)
from bot.search.answer_type import Wanted
from bot.search.build import split_authors
from bot.search.bylines import people
from bot.search.english import zipf
from bot.search.followup import Topic
from bot.search.parse import parse
from bot.search.passage import best_passage, shown_fit
from bot.search.query import ARTICLE_ASKS, AUTHORED, BYLINE, RELATED, Query
from bot.search.rank import LibraryIndex
from bot.search.rerank import Evidence, Ranked
from bot.search.results import HIGH, LOW, Answer
from bot.search.typed import clip


class _Following(NamedTuple):
    """How a question reads as a possible follow-up (see _follow_up below): parsed,
    its words (stopwords aside), whether it points back ("it", "tell me more") and whether
    its pronoun holds its topic (followup.pinned: "when did it ship?"); `rare`: the stems
    of its words English rarely writes (Policy.new_topic_zipf), which may name a topic of
    their own."""

    query: Query
    terms: frozenset[str]
    points: bool
    pinned: bool
    rare: frozenset[str]


class ConversationAnswers:
    """SearchEngine's answers to a question asked in a conversation about an article
    (`Topic`): picking from its last list, asking of its article itself ("who wrote it?"),
    and a follow-up answered from that article when the question's own answer does not
    beat it. A base of SearchEngine, whose index, cache and retrieval it reads through
    (`index`, `keeper`, `policy`, `_cached`, `_article`, `_parse`, `_retriever`, `_ranked`,
    `_reranked`, `_rerank`, `_like`, `ask`): kept apart so the engine reads as the one way
    through the stages, this as what a conversation changes of it."""

    async def _from_list(self, question: str, about: Topic | None) -> Answer | None:
        """A question picking an article of the conversation's last list ("the second
        one", "the other one", "go back to the first one"), answered from that list (see
        _picked); a reply saying there is no such list when the question asks for nothing
        else; None when the question picks nothing."""
        pick = ordinals.picked(question)
        if pick and pick.back and about and about.before and not about.listed:
            # "Go back to the first one" with no list to pick from: the article before.
            return await self._picked(question, (about.before,), replace(pick, place=1))
        if pick is not None and pick.place == ordinals.OTHER:
            place = _other_place(about)
            if place is None and pick.shown:  # no one other: which other is a guess
                listed = len(about.listed) if about is not None else 0
                reply = asked.which_other(listed) if listed > 1 else asked.NO_OTHER
                if (writers := await self._writers(about, listed)) is not None:
                    reply = writers  # "and the other one?" after "Written by A and B"
                return Answer(question=question, reply=reply)
            pick = None if place is None else replace(pick, place=place)
        if pick:
            if about is not None and about.listed:
                return await self._picked(question, about.listed, pick)
            if pick.shown:  # "the second one" asks for nothing a search could find
                return Answer(question=question, reply=asked.NO_LIST)
        return None

    async def _in_conversation(
        self,
        question: str,
        own: Answer,
        about: Topic | None,
        gone: bool,
        read_shown: bool = True,
    ) -> Answer:
        """`own` (the question asked as with no conversation) or what the conversation's
        article `about` answers instead (see SearchEngine.ask); `gone`: that article was
        removed by a reload since it was shown; `read_shown`: "why?" and "how much per
        X?" read the passage shown and the article first (False: they did, and the
        question is read as before)."""
        if about is not None and about.passage and said_by.asks_speaker(question):
            # "Who said that?" asks of the passage just shown, not of the library.
            said = await self._said(question, about)
            if said is not None:
                return said
        said = about is not None and self.policy.said_words_quoted
        if said and (words := said_by.asks_words(question)):
            # "Who said it was bonkers?": the quotation of the article holding those words.
            assert about is not None
            article = await self._article(await self.index(), about.slug)
            found = said_by.words_answer(question, article, words) if article else None
            if found is not None:
                return found
        shown = about.passage if about is not None else None
        if shown and self.policy.event_date_shown and when_shown.asks_when(question):
            # "When was that?" asks when what was just shown happened, not the library.
            assert about is not None
            article = await self._article(await self.index(), about.slug)
            if article is not None:
                return when_shown.when_answer(
                    question, article, shown, about.asked, self.policy.event_of_asked
                )
        if shown and read_shown and self.policy.reason_shown and why_shown.asks_why(question):
            # "Why?" / "how come?" asks the reason of what was just shown.
            assert about is not None
            why = await self._why(question, about, shown)
            if why is not None:
                return why
            rest = await self._in_conversation(question, own, about, gone, read_shown=False)
            if rest.article is None and question != why_shown.WHY:
                # Found nowhere ("how come?" was searched for "come"): asked as "why?".
                return replace(await self.ask(why_shown.WHY, about), question=question)
            return rest
        asks_rate = read_shown and about is not None and self.policy.rate_of_article
        if asks_rate and (unit := rate_asked.asks_rate(question)):
            assert about is not None
            # "How much per hour?" asks the conversation's article for its rate: sure when
            # it gives one such; else the question read as before, unless that shows
            # another article's amount per nothing asked ("£7,900 per home" for "how much
            # per month" after the maintainers fund).
            rate = await self._rate(question, about, unit)
            if rate is not None and rate.confidence == HIGH:
                return rate
            rest = await self._in_conversation(question, own, about, gone, read_shown=False)
            window = followup.first_window(rest.passage or "")
            kept = rest.article is not None and rest.article.slug == about.slug
            return rest if rate is None or kept or rate_asked.rates(window, unit) else rate
        if own.wants in ARTICLE_ASKS and own.reply is not None:  # "who wrote it?"
            if gone:
                return Answer(question=question, reply=asked.GONE)
            return (await self._itself_of(about, own)) if about else own
        if about is None or own.reply is not None or own.newest:
            return own
        if own.confidence == HIGH and followup.wants_more(question):
            return own  # "tell me more about salmon" names a new topic of its own
        following = await self._cached(
            ("following", clip(question)), lambda idx: self._following(idx, question)
        )
        unsure = following.points and not following.pinned and own.confidence != HIGH
        if unsure and (own.article is None or await self._names_nothing_else(about, following)):
            # Found nowhere, a pronoun for its only thing ("how long did it last?", "why
            # does she care so much?", "how much does it cost to join?"): the conversation's
            # article is the one asked of, its closest match shown (followup.held). So when
            # its everyday words found another article's closest match only, and it names
            # no rare word the conversation's lacks ("how much did it cost?" after the
            # Wendle's salmon came as the telemedicine pilot's "cost £410,000").
            following = following._replace(pinned=followup.held(following.query.kind))
        same = own.article is not None and own.article.slug == about.slug
        if same and not following.points:
            short = len(following.terms) <= self.policy.ellipsis_terms
            if own.confidence == HIGH or not short or not self.policy.same_article_fit:
                return own  # its own words found the conversation's article: nothing to follow
            # Its few words found the conversation's article as a closest match ("how
            # much per home" after the heat-pump rollout): read as a follow-up of it, the
            # sentence shown may hold the amount or date asked for (_sure_of). Only a sure
            # reading replaces the question's own answer.
            key = ("follow", clip(question), replace(about, before=None), False, False)
            found = await self._cached(
                key, lambda idx: self._follow_up(idx, question, following, about, False)
            )
            return found if found is not None and found.confidence == HIGH else own
        if not following.points and len(following.terms) > self.policy.ellipsis_terms:
            return own  # it names its topic: no need to read the article (see _follow_up)
        sure = own.confidence == HIGH
        # The article before (Topic.before) changes no follow-up: conversations share them.
        key = ("follow", clip(question), replace(about, before=None), sure, following.pinned)
        found = await self._cached(
            key, lambda idx: self._follow_up(idx, question, following, about, sure)
        )
        if sure and not following.pinned:
            # A confident answer elsewhere still loses to the conversation's article when
            # that article answers the question as surely: "how many volunteers?" is about
            # the article just discussed, not another that says "volunteers". A pronoun
            # with one word beside it ("when did it ship?") is about it however sure the
            # other article is (followup.pinned).
            if found is not None and found.confidence == HIGH:
                return found
            held = found is not None and found.article is not None and following.points
            # The words saying only what kind of answer is wanted ("version" of "which go
            # version", "year" of "what year") need not be the article's: the answer is.
            named = following.terms - Wanted.of(following.query).form
            if held and followup.continues(found.article, named, True):
                # Pointing back with every word it names held by the conversation's article
                # ("which go version added it?" after container-aware GOMAXPROCS or the
                # wasmexport post, "what changed in cargo in that release?" after Rust
                # 1.70): its words name no other topic, the pronoun names this one; another
                # article's surer match on those words alone is a guess at a question not
                # asked. Before, "version" (no word of the wasmexport post, whose answer is
                # "Go 1.24") sent it to Using Go Modules, surely. A thing named that the
                # article lacks is another topic: "how many fish did they count" after the
                # repair café is the Wendle's salmon count.
                return found
            return own
        if (
            found is not None
            and found.confidence != HIGH
            and own.article is not None
            and len(following.terms) > self.policy.ellipsis_terms
        ):
            # A question naming its topic in words enough of its own, whose pronouns point
            # inside it ("I read a post… it said… which release changed it?"): the
            # conversation's article is no surer a guess than its own closest match.
            return own
        pasted = len(following.terms) > self.policy.pasted_terms
        if found is not None and found.confidence != HIGH and own.article is None and pasted:
            # A pasted paragraph (more words than a question's ranked ones) that found
            # nothing is not about the conversation's article for holding an "it"
            # somewhere: the CI question on target-dir size after the Polonius post came
            # as that post's closest match, the "Lorem ipsum…" river question as the
            # conversation's (member12, member13); "could not find" and what its words
            # find, as with no conversation.
            return own
        return found or own

    async def _picked(self, question: str, listed: Sequence[str], pick: ordinals.Pick) -> Answer:
        """ "The second one", "who wrote the last one?": the article at that place of the
        conversation's last list, its card when only it is asked for (sure: it is the one
        asked for), else the question asked of it with "it" where its place was; a reply
        saying which places there are when the list has none such."""
        n = len(listed)
        if pick.place != ordinals.LAST and not 1 <= pick.place <= n:
            places = "the only one" if n == 1 else f"one of 1 to {n}"
            return Answer(question=question, reply=f"The last list had {n}: ask for {places}.")
        slug = listed[-1 if pick.place == ordinals.LAST else pick.place - 1]
        article = await self._article(await self.index(), slug)
        if article is None:  # a reload removed it since the list was shown
            return Answer(question=question, reply=asked.GONE)
        if pick.shown:
            return replace(asked.card(question, article), followup=True)
        answer = await self.ask(pick.asked, Topic(slug, None, tuple(listed)))
        return replace(answer, question=question)

    async def _following(self, idx: LibraryIndex, question: str) -> _Following:
        """The question read as a possible follow-up, kept with the results (see ask): every
        member asking it in a conversation is read alike, and most name their own topic."""
        q = self._parse(idx, question)
        terms = frozenset(q.terms.weights())
        rare = frozenset(
            s
            for w, s in zip(q.terms.words, q.terms.stems, strict=True)
            if w.isalpha() and zipf(w) < self.policy.new_topic_zipf
        )
        points, pinned = followup.refers_back(question), followup.pinned(question)
        if self.policy.kind_only_follows and not points and terms:
            # Naming only the kind of answer it wants ("and in which version?", "what
            # year?", "which release?"): no thing of its own is asked about, so the topic is
            # the one under discussion, as a pronoun would say ("in which version was it?").
            # Before, "version" alone was searched and another article's "minimum versions"
            # answered surely (journey25: after "when was async await stabilised").
            points = pinned = terms <= Wanted.of(q).form
        return _Following(q, terms, points, pinned, rare)

    async def _own_best(self, idx: LibraryIndex, q: Query, count: int) -> list[Article]:
        """The question's own best `count` reranked articles, read as ask reads it with no
        conversation (the rerank is kept: ask made it already)."""
        if self.policy.present_frame:
            q = present.without_frame(q)
        run = await self._retriever(idx)
        _, _, found = await self._reranked(idx, await run.read(q, question=True), run)
        return [r.article for r in found[:count]]

    async def _writers(self, about: Topic | None, listed: int) -> str | None:
        """The reply naming the writers of the conversation's article when more than one
        person wrote it (asked.other_writers; `listed`: the last list's length); None
        otherwise, or with no article."""
        if about is None or about.slug is None:
            return None
        article = await self._article(await self.index(), about.slug)
        if article is None or len(split_authors(article.author)) < 2:
            return None
        return asked.other_writers(article.title, people(article.author) or "", listed)

    async def _said(self, question: str, about: Topic) -> Answer | None:
        """ "Who said that?" of the passage last shown (said_by.said_answer); None when
        the article is gone or names no one to say it."""
        article = await self._article(await self.index(), about.slug)
        if article is None or about.passage is None:
            return None
        return said_by.said_answer(question, article, about.passage)

    async def _why(self, question: str, about: Topic, shown: str) -> Answer | None:
        """ "Why?" of the passage last shown (why_shown.why_answer); None when it and its
        neighbours give no reason, or the article is gone."""
        article = await self._article(await self.index(), about.slug)
        if article is None:
            return None
        return why_shown.why_answer(question, article, shown, self.policy.reason_near)

    async def _rate(self, question: str, about: Topic, unit: str) -> Answer | None:
        """ "How much per X?" of the conversation's article (rate_asked.rate_answer); None
        when it is gone or gives no amount per anything."""
        article = await self._article(await self.index(), about.slug)
        if article is None:
            return None
        return rate_asked.rate_answer(question, article, about.passage or "", about.asked, unit)

    async def _moved_on(self, question: str, answer: Answer, about: Topic) -> bool:
        """Whether `answer` found nothing (no article, no reply, no list) for a question
        naming a word English rarely writes that the conversation's article `about` lacks
        ("does fluoride make kids dumber" after the COP30 article): the member has moved
        to another subject (Policy.unanswered_leaves_topic)."""
        if not self.policy.unanswered_leaves_topic:
            return False
        if answer.article is not None or answer.reply is not None or answer.listed:
            return False
        following = await self._cached(
            ("following", clip(question)), lambda idx: self._following(idx, question)
        )
        return bool(following.rare) and not await self._names_nothing_else(about, following)

    async def _names_nothing_else(self, about: Topic, following: _Following) -> bool:
        """Whether the question names no rare word the conversation's article lacks
        (followup.names_nothing_else); False when that article is gone."""
        idx = await self.index()
        article = await self._article(idx, about.slug)
        return article is not None and followup.names_nothing_else(article, following.rare)

    async def _follow_up(
        self,
        idx: LibraryIndex,
        question: str,
        following: _Following,
        about: Topic,
        elsewhere: bool,
    ) -> Answer | None:
        """A question about the article `about`, answered from it: "tell me more" with the
        part after the passage last shown (else its summary); any other with its best
        passage for the question, the article's title standing in for what was left unsaid.
        Confidence is what the question's own words in that article warrant (a rerank of
        the article alone): the title standing in chooses the passage but adds no
        confidence. None when the article is gone or has nothing to show, or when the
        question is not about it: a question that neither points back nor leaves its topic
        unsaid (followup.continues; `elsewhere`: another article answers it confidently).
        `following`: the question as _following reads it, one of few words or pointing
        back (ask leaves the others out: Policy.ellipsis_terms)."""
        p = self.policy
        q, terms, points, pinned, rare = following
        article = await self._article(idx, about.slug)
        if article is None:
            return None
        if not points and not followup.continues(article, terms, elsewhere, rare):
            return None
        if not points and p.title_names_topic and followup.held_in_part(article, terms):
            # Its words are another article's title, the conversation's holds some in
            # passing: it names that article (followup.titled_elsewhere).
            best = await self._own_best(idx, q, p.title_names_topic)
            if followup.titled_elsewhere(article, terms, best) is not None:
                return None
        if points and not article.text.strip():
            # Its text was not saved ("where did it happen?" after the otters' card): its
            # card, which says so and links the story, not "could not find" and a list.
            return replace(asked.card(question, article), confidence=LOW, followup=True)
        if followup.wants_more(question):
            return self._more(q, article, about)
        # A question naming something without pointing back ("how many divers?") is read
        # for its own words; the title stands in for what a pronoun points at, for all a
        # question naming nothing leaves unsaid ("by how much?")...
        stood = parse(followup.standing_in(question, article.title), idx.resolve_filter, p)
        own = None if points or not terms else best_passage(article, q, p)
        # ...and when its words are the title's alone ("how much did bills drop").
        passage = own or best_passage(article, stood, p)
        if not passage:
            return None
        answer = await self._sure_of(idx, q, article, passage, pinned)
        return None if answer is None else replace(answer, followup=True, alternatives=[])

    async def _sure_of(
        self, idx: LibraryIndex, q: Query, article: Article, passage: str, pinned: bool
    ) -> Answer | None:
        """A follow-up's answer showing `passage` of `article`, as sure as the question's
        own words read in this article alone make it, or sure when the passage's first
        window holds the amount or date it asks for (Policy.followup_answer_fit); None when
        they find nothing there and the passage holds none of them, unless the question is
        `pinned` to the article (followup.pinned): then the closest match."""
        p = self.policy
        aid = idx.by_slug[article.slug]
        terms = q.terms.weights()
        run = await self._retriever(idx)
        q = (await run.read(q, question=True)).query
        ranked = await self._ranked(idx, q, run)
        # `rare`: read whatever its first-stage score (0 when the ranking did not hold it).
        alone = replace(ranked, ids=[], scores={aid: ranked.scores.get(aid, 0.0)}, rare=(aid,))
        # Naming nothing to be sure by ("why?", "by how much?"), the passage its kind of
        # answer and the title choose is shown as the closest match.
        found = await self._rerank(idx, q.corrected(ranked.corrections), alone) if terms else []
        sure = respond.confidence(found, p) if found else None
        shown = f"{article.title} {followup.first_window(passage)}"
        if found and sure != HIGH and p.followup_answer_fit > 0:
            # The conversation names the article and the question's own words are few and
            # everyday ("how many people took part", "when did it open"): the rerank finds
            # it a closest match at best, though the sentence shown holds the count or date
            # asked for, by the question's words. That answer fitting there says it
            # answers (first questions keep their confidence: no conversation names one).
            window = followup.first_window(passage)
            fits = shown_fit(article, q, window, p) >= p.followup_answer_fit
            if fits and followup.rate_shown(q.raw, window):
                sure = HIGH
        # "What did the white house say?": the sentence shown names them and says what they
        # said (said_by.tells_what_said); its everyday words alone rerank low.
        said = found and p.followup_said_sure and q.kind == "what"
        if said and sure != HIGH:
            window = followup.first_window(passage)
            if said_by.tells_what_said(q.words, set(terms), window):
                sure = HIGH
        if terms and not (found and (sure or followup.speaks_to(q.raw, shown))):
            # "what is his favourite film?": the article says nothing of it, unless its
            # pronoun holds the topic ("who ran it?", followup.pinned): the closest match.
            if not pinned:
                return None
            found = []
        if not found:
            nothing = [Ranked(0.0, article, Evidence(0.0, None, 0.0, 0.0))]
            return respond.answer(idx, q, nothing, passage, alone, p, LOW)
        return respond.answer(idx, q, found, passage, alone, p, sure or LOW)

    @staticmethod
    def _more(q: Query, article: Article, about: Topic) -> Answer | None:
        """ "Tell me more": the part of the article after the passage last shown, or its
        opening when only its card was shown (whose summary the opening does not repeat),
        else its summary. Sure (HIGH): it is what was asked for, not a guess at an answer."""
        summary = cards.summary(article)
        if about.passage:
            more = followup.next_part(article, about.passage)
        else:
            more = followup.opening(article, summary or "")
        summary = None if more else summary
        if not (more or summary):
            return None
        return Answer(
            question=q.raw,
            article=article,
            passage=more,
            summary=summary,
            score=100,
            confidence=HIGH,
            followup=True,
        )

    async def _itself_of(self, about: Topic, request: Answer) -> Answer:
        """What `request` (naming no article: "who wrote it?", "anything similar?", "what
        else did she write?") asks of the conversation's article, answered from it;
        `request` itself (whose reply asks which article) when that article is gone."""
        idx = await self.index()
        article = await self._article(idx, about.slug)
        if article is None or request.wants is None:
            return request
        if request.wants == RELATED:
            return await self._like(idx, request.question, article, HIGH)
        if request.wants == BYLINE and when_shown.asks_when_written(request.question):
            # "When did he write it?": the text may date a person's writing (the Dune
            # screenplay "in 2018"), which the byline's date is not; the byline follows.
            found = when_shown.written_sentences(article, about.passage or "")
            if found:
                return when_shown.dated_answer(request.question, article, found)
        if request.wants == AUTHORED:
            names = split_authors(article.author)
            store = await self.keeper.store()
            return await listings.authored(
                idx, request.question, names, store, self.policy, but=article
            )
        return asked.of_itself(request.question, article, request.wants)


def _other_place(about: Topic | None) -> int | None:
    """The place of "the other one": of a list of two, the article the conversation is
    not about; None when there is no such list. (An answer and one other match is no
    such list: the list a conversation holds may be older than the answer, member12's
    "anything tagged nature" before two articles asked by name.)"""
    listed = about.listed if about is not None else ()
    others = [slug for slug in listed if about is None or slug != about.slug]
    if len(listed) != 2 or len(others) != 1:
        return None
    return listed.index(others[0]) + 1
