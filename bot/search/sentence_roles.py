"""How each sentence of an article reads among the others, as the passage stage needs it:
the sentence it reads only after (a pronoun's antecedent, the ":" announcing a list it is
an item of, the quote a "— Name" line attributes), whether it is a label (a heading, the
title written in the body) rather than prose, and a window of them as shown.

Kept apart from passage.Passages, which scores windows for one question: none of this
depends on the question, only on the article's sentences, its title and the policy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.library.model import Sentence
from bot.search.features import Features, sentence_features
from bot.search.policy import DEFAULT, Policy
from bot.search.words import fold

# What ends a sentence: a label (a heading) ending so reads on without a dash.
_STOPS = frozenset(".!?:;…")
# A line attributing the quote before it: a dash, then a capitalised name ("— Sheldon
# Klein (1976)", "-- Rob Pike").
_ATTRIBUTION = re.compile(r"^\s*(?:[—―–]|--?)\s*[A-Z]")


class SentenceRoles:
    """One article's `sentences` (those with text: passage.with_text) as read in order;
    each answer is computed once, on first asking."""

    def __init__(
        self, sentences: Sequence[Sentence], title: str = "", policy: Policy = DEFAULT
    ) -> None:
        self.sentences = sentences
        self.title = title
        self.policy = policy
        self._features: dict[int, Features] = {}
        self._leads: dict[int, int | None] = {}  # see lead
        self._labels: list[bool] | None = None  # see label

    def features(self, k: int) -> Features:
        found = self._features.get(k)
        if found is None:
            found = self._features[k] = sentence_features(self.sentences[k].text)
        return found

    def continues(self, k: int) -> bool:
        """Whether sentence k reads only after an earlier one (see lead)."""
        return self.lead(k) is not None

    def lead(self, k: int) -> int | None:
        """The sentence that sentence k reads only after, if any: the one before when k
        opens with a pronoun or "This", attributes a quote ("— Sheldon Klein"), or follows
        a ":"; the ":" sentence announcing a list k is an item of (see announcer)."""
        if k not in self._leads:
            if k == 0:
                self._leads[k] = None
            elif self.announces(k - 1) or self.attributes(k) or self.features(k).leans_back:
                self._leads[k] = k - 1
            else:
                self._leads[k] = self.announcer(k)
        return self._leads[k]

    def announces(self, k: int) -> bool:
        """Sentence k ends with ":": what it announces is in the next block."""
        return self.sentences[k].text.rstrip().endswith(":")

    def attributes(self, k: int) -> bool:
        """Sentence k, a short block of its own (Policy.list_item_chars), names who said
        the one before ("— Name")."""
        s = self.sentences
        return (
            k > 0
            and s[k].paragraph != s[k - 1].paragraph
            and len(s[k].text) <= self.policy.list_item_chars
            and bool(_ATTRIBUTION.match(s[k].text))
        )

    def one_sentence_block(self, k: int) -> bool:
        """Sentence k is a paragraph of its own: news writes one sentence a paragraph, and
        the next paragraph goes on with the same story."""
        s = self.sentences
        return (k == 0 or s[k - 1].paragraph != s[k].paragraph) and (
            k + 1 == len(s) or s[k + 1].paragraph != s[k].paragraph
        )

    def label(self, k: int) -> bool:
        """Sentence k is a label, not prose: a heading, or the article's title written in
        the body (a blog post's "# Title" line, a saved page's headline)."""
        if self._labels is None:
            title = fold(self.title).strip(" .:")
            size = len(self.title) + 2
            self._labels = [
                s.heading or (len(s.text) <= size and fold(s.text).strip(" .:") == title)
                for s in self.sentences
            ]
        return self._labels[k]

    def labels_only(self, i: int, j: int) -> bool:
        """Whether the window [i, j) is of labels alone (see label)."""
        return all(map(self.label, range(i, j)))

    def section_start(self, k: int) -> int | None:
        """The first prose sentence from sentence k on, past the labels before it (a
        heading, then a sub-heading), or None when the article ends first."""
        n = len(self.sentences)
        while k < n and self.label(k):
            k += 1
        return k if k < n else None

    def item(self, k: int) -> bool:
        """Sentence k may be a list item: a block of one short sentence, not a heading (a
        heading ends the list before it: the short sentence under "Contributors to 1.5" is
        no item of the list a ":" announced above that heading)."""
        s = self.sentences[k]
        return (
            len(s.text) <= self.policy.list_item_chars
            and not s.heading
            and self.one_sentence_block(k)
        )

    def announcer(self, k: int) -> int | None:
        """The sentence ending with ":" whose list sentence k is an item of: k and the
        blocks back to it are each one short sentence (see item), at most
        Policy.list_items of them. "Library: Mara Bos", seventh under "…has chosen a
        representative who collectively form the Council:", says who represents the
        library team; read alone, it says nothing of representing."""
        if not self.item(k):
            return None
        code = self.features(k).code_line
        for a in range(k - 1, max(-1, k - 1 - self.policy.list_items), -1):
            if self.announces(a):
                return a
            # A list's items are of one kind: a sentence after the command that "Run it
            # like this:" announces is prose again, not the next item.
            if not self.item(a) or self.features(a).code_line != code:
                return None
        return None

    def text(self, i: int, j: int) -> str:
        """The window as shown: after the sentence its first reads after (see lead; "…"
        between them when they are apart, as an item of a list and the sentence announcing
        it), with the block after when it ends announcing it (":")."""
        if j < len(self.sentences) and self.announces(j - 1):
            j += 1
        shown = self.sentences[i].text
        for k in range(i + 1, j):
            shown += self.between(k - 1) + self.sentences[k].text
        lead = self.lead(i)
        if lead is None:
            return shown
        return self.sentences[lead].text + (self.between(lead) if lead == i - 1 else " … ") + shown

    def between(self, k: int) -> str:
        """What separates sentence k from the next one shown: a dash after a label with
        no stop of its own ("Let chains — This feature allows…"), else a space."""
        text = self.sentences[k].text
        return " — " if self.label(k) and text[-1:] not in _STOPS else " "
