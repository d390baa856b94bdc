"""Conversations: which article each conversation is about, for follow-up questions.

Front ends hold one `Conversations` and key it as suits them (the console: one key for
the session; Discord: the channel and the member, and the bot's reply message). The core
only gets the `Topic` (bot/search/followup.py); the state lives here, in memory, bounded
(least recently used conversations dropped first) and forgotten after `ttl` seconds.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace

from bot.search.followup import Topic
from bot.search.library_asks import asks_newest_one
from bot.search.results import Answer

# Conversations kept at most; the least recently used go first.
MAX_CONVERSATIONS = 1_000


class Conversations:
    """The article each conversation last got an answer about, for `ttl` seconds."""

    def __init__(
        self,
        ttl: float,
        size: int = MAX_CONVERSATIONS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.size = size
        self._clock = clock
        self._topics: OrderedDict[Hashable, tuple[float, Topic]] = OrderedDict()

    def about(self, key: Hashable) -> Topic | None:
        """The article the conversation is about, None if none or it has expired."""
        held = self._topics.get(key)
        if held is None or self.ttl <= 0:  # (0: follow-ups turned off)
            return None
        at, topic = held
        if self._clock() - at > self.ttl:
            del self._topics[key]
            return None
        return topic

    def answered(self, answer: Answer, *keys: Hashable) -> None:
        """Remember the article an answer was about under each key (nothing for small
        talk or no answer: the conversation keeps its article; a "what's new?" list keeps
        it too), and the list it showed, for "the second one": its newest or period's
        articles, else its other matches. An answer about the conversation's article (a
        follow-up, "who wrote it?", "the second one") keeps the list before it. An
        author's list ("articles by NAME") is about its first, the newest, and "the
        second one" is the second listed (`Answer.listed`). The question asked is held too
        (`Topic.asked`, for "when was that?"), also when it found nothing."""
        listed = tuple(h.slug for h in (answer.listed or answer.alternatives))
        if answer.article is None and not listed:
            if answer.moved_on:
                self._left(answer.question, *keys)
            elif answer.reply is None:
                self._asked(answer.question, *keys)
            return
        # "What is the latest rust release" asks for one, the list's first: the
        # conversation is about it ("when was it released?"), with the list kept.
        one = bool(answer.newest) and asks_newest_one(answer.question)
        own = answer.article is not None and (not answer.newest or one)
        shown = self._shown(answer, *keys) if own and not one else None
        # The question the passage shown answered: an answer about the article itself
        # (`wants`: "who said that?", "when was that?") keeps the one before.
        asked = answer.question if answer.wants is None else None
        now = self._clock()
        for key in keys:
            before = self.about(key)
            kept = listed
            picked = (
                own
                and answer.article is not None
                and before is not None
                and answer.article.slug in before.listed
            )
            # A request of an article itself ("who wrote it?") keeps the list only when
            # it is about the conversation's article or one of the list: "who wrote the
            # coast guard article", named anew, leaves an older list behind (journey25:
            # "and the other one?" after its two writers was told "the last list had 5",
            # a "nothing found" menu three answers back).
            itself = answer.wants is not None and (
                answer.article is None
                or (before is not None and answer.article.slug == before.slug)
            )
            if not kept and before is not None and (answer.followup or itself or picked):
                # ...and an answer about one of its articles: the member is going through
                # it ("tell me about the solar one"; then "the first one" is still its).
                kept = before.listed
            if own:
                assert answer.article is not None
                after = (before or Topic(None)).moved_to(answer.article.slug)
                same = before is not None and before.slug == answer.article.slug
                held = asked or (before.asked if same and before is not None else None)
                # An author's list is about its first (newest) only by default.
                first = len(answer.listed) > 1 and not one
                topic = Topic(answer.article.slug, shown, kept, after, held, first)
            elif before is not None:
                topic = Topic(before.slug, before.passage, kept, before.before, answer.question)
            else:
                topic = Topic(None, None, kept, None, answer.question)
            if not own and answer.listed:  # the list is what the member saw last
                topic = replace(topic, behind_list=True)
            self._keep(key, now, topic)
        self._trim()

    def _asked(self, question: str, *keys: Hashable) -> None:
        """Remember the question a conversation last asked that found no answer ("how hot
        did the water get last year?" when "could not find"): "when was that?" after it
        asks of its event, in the article the conversation is still about (when_shown).
        Its time and article stand: an unanswered question renews no conversation."""
        for key in keys:
            held = self._topics.get(key)
            if held is not None and self.about(key) is not None:
                at, topic = held
                self._topics[key] = (at, replace(topic, asked=question))

    def _left(self, question: str, *keys: Hashable) -> None:
        """A question that found nothing and named another subject than the conversation's
        article (Answer.moved_on): the conversation is about no article now, so "how many
        did they track?" next is asked of the library, not of the article before it (still
        `before`: "go back to the first one" returns to it when no list was offered since).
        Its time stands, as in _asked."""
        for key in keys:
            held = self._topics.get(key)
            if held is not None and (topic := self.about(key)) is not None:
                left = Topic(None, None, topic.listed, topic.slug or topic.before, question)
                self._topics[key] = (held[0], left)

    def offered(self, slugs: Sequence[str], *keys: Hashable) -> None:
        """Remember a list a reply offered when nothing answered (what a search for the words
        finds, else the newest), for "the second one": it is the list the member just saw.
        The conversation keeps its article; an empty list changes nothing."""
        if not slugs:
            return
        now = self._clock()
        for key in keys:
            before = self.about(key)
            topic = Topic(None, None, tuple(slugs))
            if before is not None:
                topic = replace(before, listed=tuple(slugs))
            self._keep(key, now, topic)
        self._trim()

    def _keep(self, key: Hashable, now: float, topic: Topic) -> None:
        """Hold `topic` under `key` as its conversation's most recently used."""
        self._topics[key] = (now, topic)
        self._topics.move_to_end(key)

    def _trim(self) -> None:
        """Drop the least recently used conversations beyond `size`."""
        while len(self._topics) > self.size:
            self._topics.popitem(last=False)

    def opened(self, slug: str, *keys: Hashable) -> None:
        """Remember an article the member opened from a list (`/open N` in the console, a
        menu in Discord): the conversation is now about it, as after "the second one", so
        "who wrote it?" asks of the article on screen. Only its card was shown (no passage:
        "tell me more" starts from its text); the list stays, to open another of it."""
        now = self._clock()
        for key in keys:
            before = self.about(key) or Topic(None)
            topic = Topic(slug, None, before.listed, before.moved_to(slug))  # no question yet
            self._topics[key] = (now, topic)
            self._topics.move_to_end(key)
        while len(self._topics) > self.size:
            self._topics.popitem(last=False)

    def _shown(self, answer: Answer, *keys: Hashable) -> str | None:
        """The article's text last shown in the conversation, where "tell me more" goes on
        from. An answer about the article itself (its byline, link or summary: `wants`)
        shows none of its text, so the passage shown before it, under any of `keys`,
        stands (None when that was another article)."""
        if answer.wants is None:
            return answer.passage
        assert answer.article is not None
        before = (self.about(key) for key in keys)
        same = [t for t in before if t is not None and t.slug == answer.article.slug]
        return same[0].passage if same else None

    def __len__(self) -> int:
        return len(self._topics)
