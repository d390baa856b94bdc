"""What one sentence offers as an answer, whatever the question: its words' stems in order,
the typed spans it holds (amounts, dates, names, places, reasons, code, negation), and how
it sits in its text (leans on the sentence before, leads on to the next, points elsewhere).

Everything here is read from the sentence alone, never from a question, so it can be
computed once per sentence (issue 19 moves it to ingest); answer_type.py meets it with a
question. The spans' patterns and the functions that find them are sentence_spans.py's;
this module keeps what it found and reads around a span (the object after a verb, an
apposition, a role before a name, the noun a count heads), with general English and
document structure only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.search.sentence_spans import CODE_LINE, GROUPS, KINDS, Span, Tokens, adjacent, find, tokens

# What opens a noun phrase that is a verb's object ("reviewing a new coffee maker").
_DETERMINERS = frozenset(
    ["a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "this", "these"]
)
_COPULAS = frozenset(["is", "are", "was", "were"])
# An apposition defining the noun before it: a comma (after a closing quote, perhaps), then
# "a/an" ("“Project Popcorn”, an unorthodox business model under which…").
_APPOSITION = re.compile(r"[”\"’']?,\s+")
_INDEFINITE = frozenset(["a", "an"])
# An age is below this; after it, a comma or the sentence's end (not "Hu, 32 others").
_OLDEST = 125
_AGE_AFTER = re.compile(r"\s*(?:[,.;:)”\"]|$)")
# A percent sign written right after a figure ("15%", "15 %"): the tokens leave it out.
_PERCENT_SIGN = re.compile(r"\s?%")
# The words joining a ratio's two figures ("one in five", "3 out of 10").
_RATIO_WORDS = frozenset(["in", "out"])
# Words before a count that make it a set named before, not a count given as new: "the 51
# schools", "its 300 staff", "11 of the 51 schools" (see Features.counts_head).
_GIVEN_BEFORE = frozenset(
    ["the", "these", "those", "its", "their", "our", "his", "her", "my", "your", "of"]
)
# Words after a count's unit read as one compound with it ("six soundproofed consultation
# booths"), looking for the plural that heads it (see Features._counted).
_COMPOUND_WORDS = 3
# English nouns whose plural does not end in "s" (see plural).
IRREGULAR_PLURALS = (
    ("person", "people"),
    ("man", "men"),
    ("woman", "women"),
    ("child", "children"),
    ("foot", "feet"),
    ("tooth", "teeth"),
    ("mouse", "mice"),
    ("goose", "geese"),
    ("ox", "oxen"),
)
_PLURAL_ONLY = frozenset(plural for _, plural in IRREGULAR_PLURALS)
# A sentence opening with a subject of at most this many words before its copula defines
# what that subject names ("The encodeURI() function is a function that…").
_SUBJECT_WORDS = 4
# A sentence's opening words before a colon are a label ("New built-in functions: min, max
# and clear") when there are at most this many of them.
_LABEL_WORDS = 5
# A preposition's phrase (see Features.after_word) follows one of a question's words at
# most this many words before it, and runs at most this many words.
_ANCHOR_WORDS = 3
_PHRASE_WORDS = 8
# A sentence leaning on the one before: it opens with a pronoun or a demonstrative,
# perhaps after a connective ("But it…", "However, this…").
_LEANS_BACK = re.compile(
    r"^(?:(?:but|and|so|yet|still|also|however|instead|then|now|here),?\s+)?"
    r"(?:this|that|these|those|it|its|it.s|they|their|them|he|she|his|her)\b",
    re.IGNORECASE,
)
# ...or with a connective of contrast or continuation and nothing after it that names what
# it goes on from ("But on Tuesday, …", "However, the court…", "Still, …", "Even so, …"):
# the connective is the link to the sentence before, whatever follows. Adverbs that are
# also ordinary words ("still", "instead", "meanwhile") count only set off by a comma.
_CONNECTIVE = re.compile(
    r"^(?:(?:but|yet|and yet|however|nevertheless|nonetheless|even so|that said"
    r"|moreover|furthermore)\b|(?:still|instead|meanwhile|otherwise|likewise|similarly"
    r"|in contrast|by contrast|on the other hand|in addition|as a result|even then),)",
    re.IGNORECASE,
)
# ...or with "The" and one noun set off by a clause ("The practice, first adopted in
# Grand Rapids, …"): the noun sums up the sentence before. Not an apposition naming
# someone ("The reporter, Felicia Sonmez, …"): what follows the comma is in lower case.
_SUMS_UP = re.compile(r"^(?:[Tt]he|[Tt]his|[Tt]hat) [a-z]+, [a-z]")
# A sentence sending the reader elsewhere ("See the user guide", "Read more about…",
# "Refer to the Platform Support Guide for more information").
_POINTS_AWAY = re.compile(
    r"^(?:\(?see|read|check out|visit|click|refer to|learn more|find out more|follow|subscribe"
    r"|sign up|for more (?:information|details)|more information|you can (?:find|read|learn))\b"
    r"|\b(?:for more (?:information|details)|to learn more|read more|click here)\b",
    re.IGNORECASE,
)
_POINTER_WORDS = frozenset(
    [
        "see",
        "read",
        "check",
        "visit",
        "click",
        "refer",
        "learn",
        "find",
        "follow",
        "subscribe",
        "sign",
        "more",
    ]
)


class Features:
    """What a sentence offers as an answer (see sentence_features): its words' stems, its
    typed spans, and how it sits in its text.

    Each part is read from the sentence when first asked for and kept: the spans group by
    group (numbers and dates, names and places, reasons, ways, code, quotes), as a
    question needs only some of them and the patterns are most of the cost.
    """

    __slots__ = ("text", "_tokens", "_spans", "_flags")

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens: Tokens | None = None
        self._spans: dict[str, list[Span]] = {}
        self._flags: dict[str, bool] = {}

    @property
    def stems(self) -> tuple[str, ...]:
        """Per word, in order, its stem; "" for a stopword."""
        return self.tokens().stems

    def spans(self, kinds: Iterable[str] = KINDS) -> list[Span]:
        """The spans of these kinds (every kind by default)."""
        out: list[Span] = []
        wanted = kinds if isinstance(kinds, frozenset) else frozenset(kinds)
        for group in _groups_of(wanted):
            found = self._spans.get(group)
            if found is None:
                found = self._spans[group] = find(group, self.text, self.tokens())
            out += [s for s in found if s.kind in wanted]
        return out

    def objects(self, after: frozenset[str], linked: frozenset[str] = frozenset()) -> list[Span]:
        """Noun phrases right after one of the `after` stems, or after one of the `linked`
        stems and "is/are/was/were", opening with a determiner: "reviewing a new coffee
        maker" after "review", "a frequently used delimiter is a comma" after "delimit",
        or after a `linked` stem and a comma, opening with "a/an" (an apposition defining
        it: "“Project Popcorn”, an unorthodox business model"). The determiner and the
        content words after it, up to the next function word or clause break."""
        t, text = self.tokens(), self.text
        out: list[Span] = []
        n = len(t.stems)
        for k in range(n - 2):
            d = k + 1  # the determiner's place
            # (an apposition opens its object right away: "“Project Popcorn”, an …")
            if not self._apposition(k, linked):
                if t.folded[d] in _COPULAS and d + 2 < n and self._subject_holds(d, linked):
                    if not adjacent(text, t.ends[k], t.starts[d]):
                        continue
                    k, d = d, d + 1
                elif t.stems[k] not in after:
                    continue
                if t.folded[d] not in _DETERMINERS or not adjacent(text, t.ends[k], t.starts[d]):
                    continue
            j = d + 1
            while j < n and t.stems[j] and adjacent(text, t.ends[j - 1], t.starts[j]):
                j += 1
            if j > d + 1:
                out.append(Span("object", d, j))
        return out

    def _apposition(self, k: int, linked: frozenset[str]) -> bool:
        """Whether word k is one of the `linked` stems and an apposition defining it
        follows: a comma, then "a/an" (_APPOSITION)."""
        t = self.tokens()
        return (
            t.stems[k] in linked
            and t.folded[k + 1] in _INDEFINITE
            and _APPOSITION.fullmatch(self.text, t.ends[k], t.starts[k + 1]) is not None
        )

    def _subject_holds(self, copula: int, linked: frozenset[str]) -> bool:
        """Whether the word before the copula at `copula` is one of the `linked` stems,
        or the sentence opens with a short subject (_SUBJECT_WORDS words) holding one: "The
        encodeURI() function is a function that…" defines encodeURI as "…delimiter is
        a comma" defines the delimiter."""
        stems = self.tokens().stems
        if stems[copula - 1] in linked:
            return True
        return copula <= _SUBJECT_WORDS and not linked.isdisjoint(stems[:copula])

    def after_word(self, words: frozenset[str], anchors: frozenset[str]) -> list[Span]:
        """The phrase after each of the folded `words` (prepositions) used within
        _ANCHOR_WORDS words after one of the `anchors` stems: "the drones took off from the
        north-east of Dublin" gives "the north-east of Dublin" after "from" (anchored by
        "drones"). Up to the next clause break, at most _PHRASE_WORDS words."""
        t, text = self.tokens(), self.text
        out: list[Span] = []
        n = len(t.stems)
        for k in range(1, n - 1):
            if t.folded[k] not in words or anchors.isdisjoint(
                t.stems[max(0, k - _ANCHOR_WORDS) : k]
            ):
                continue
            j = k + 1
            while j < n and j - k <= _PHRASE_WORDS and _in_phrase(text, t.ends[j - 1], t.starts[j]):
                j += 1
            head = next((x for x in t.stems[k + 1 : j] if x), "")
            if head and head not in anchors:  # ("lost on a mountain": the question's own)
                out.append(Span("stranded", k + 1, j))
        return out

    def labelled(self, nouns: frozenset[str]) -> list[Span]:
        """What a short label naming one of the `nouns` stems gives after its colon: "New
        built-in functions: min, max and clear" gives "min, max and clear" for "built".
        The label is the sentence's opening words, at most _LABEL_WORDS of them."""
        text = self.text
        colon = text.find(":")
        if colon < 0 or colon + 1 >= len(text) or not text[colon + 1].isspace():
            return []
        t = self.tokens()
        label = [k for k, a in enumerate(t.starts) if a < colon]
        if not label or len(label) > _LABEL_WORDS or len(label) == len(t.starts):
            return []
        if nouns.isdisjoint(t.stems[k] for k in label):
            return []
        return [Span("object", len(label), len(t.starts))]

    def agent(self, span: Span) -> bool:
        """Whether the span stands where English names who did something: after "by" (or
        "by the"), or before "who": "was all done by Rich Kadel", "created by the Bigelow
        & Holmes type foundry", "Arlo Siemsen who implemented this feature"."""
        folded = self.tokens().folded
        before = folded[max(0, span.start - 2) : span.start]
        return (
            bool(before)
            and (before[-1] == "by" or before == ["by", "the"])
            or (span.end < len(folded) and folded[span.end] == "who")
        )

    def apposed(self, span: Span, anchors: frozenset[str]) -> bool:
        """Whether a noun phrase holding one of the `anchors` stems stands in apposition to
        the span, set off from it by a comma: right after it, opening with a determiner or
        a lower-case word ("Anna Kelly, a White House spokeswoman, said", "Prasad, chief
        executive officer of Lemon Dot Media, told"), or right before it, from a
        determiner on ("said the lead author, Erin Matson"). News names who holds a role
        so; the phrase runs to the next clause break, at most _PHRASE_WORDS words."""
        return self._role_after(span, anchors) or self._role_before(span, anchors)

    def _role_after(self, span: Span, anchors: frozenset[str]) -> bool:
        t, text = self.tokens(), self.text
        n, k = len(t.stems), span.end
        if k >= n or not _APPOSITION.fullmatch(text, t.ends[k - 1], t.starts[k]):
            return False
        if not (t.folded[k] in _DETERMINERS or (t.stems[k] and text[t.starts[k]].islower())):
            return False  # ("Paramount, which…": a clause, no role)
        j = k + 1
        while j < n and j - k < _PHRASE_WORDS and _in_phrase(text, t.ends[j - 1], t.starts[j]):
            j += 1
        return not anchors.isdisjoint(t.stems[k:j])

    def _role_before(self, span: Span, anchors: frozenset[str]) -> bool:
        t, text = self.tokens(), self.text
        k, end = span.start, span.end
        if k < 2 or not _APPOSITION.fullmatch(text, t.ends[k - 1], t.starts[k]):
            return False
        if end < len(t.stems) and adjacent(text, t.ends[end - 1], t.starts[end]):
            return False  # ("…with an autism diagnosis, Alvares says": who said it, no role)
        i = k - 1
        while (
            i > 0
            and k - i < _PHRASE_WORDS
            and t.folded[i] not in _DETERMINERS
            and _in_phrase(text, t.ends[i - 1], t.starts[i])
        ):
            i -= 1
        return t.folded[i] in _DETERMINERS and not anchors.isdisjoint(t.stems[i:k])

    def titled(self, span: Span, anchors: frozenset[str], words: int) -> bool:
        """Whether a name of two words or more follows, with nothing but spaces between,
        a role of at most `words` words holding one of the `anchors` stems, its last word
        in lower case: "YouTuber creator Forrest Waldron", "lead author Erin Matson".
        English writes a role so before the name of who holds it (an apposition without
        commas). The lower-case word keeps a name's own capitalised words out, and two
        words at most keep out a verb's object ("Coal miners posed behind President
        Hale": three words back reach "miners")."""
        t, text = self.tokens(), self.text
        k = span.start
        if not words or span.end - k < 2 or k == 0:
            return False
        if not adjacent(text, t.ends[k - 1], t.starts[k]):
            return False
        if not (t.stems[k - 1] and text[t.starts[k - 1]].islower()):
            return False
        i = k - 1
        while (
            i > 0
            and k - i < words
            and t.stems[i - 1]
            and adjacent(text, t.ends[i - 1], t.starts[i])
        ):
            i -= 1
        return not anchors.isdisjoint(t.stems[i:k])

    def counts_done(self, span: Span, verbs: frozenset[str] | set[str]) -> bool:
        """Whether an amount counts by a past participle of one of the `verbs` stems:
        "400,000 deported", "12 killed", "30 arrested" count those it was done to."""
        t = self.tokens()
        last = span.end - 1
        return t.folded[last].endswith("ed") and t.stems[last] in verbs

    def counts_head(self, span: Span, nouns: frozenset[str]) -> bool:
        """Whether an amount is a count of one of the `nouns` stems, written as its
        determiner and giving it as new: the noun it counts (see _counted) is one of them
        ("Forty schools", "84,300 people", "1.62 million birds", "eight booth
        consultations" for consultations), with no definite determiner or partitive "of"
        before it ("the 51 schools", "11 of the 51 schools" name a set given before)."""
        t = self.tokens()
        if span.start > 0 and t.folded[span.start - 1] in _GIVEN_BEFORE:
            return False
        return t.stems[self._counted(span)] in nouns

    def _counted(self, span: Span) -> int:
        """The word an amount counts: its unit, unless a plural follows the unit within a
        run of words written together (at most _COMPOUND_WORDS more), when that plural is:
        English marks a compound's head, its last noun, as plural, so "eight booth
        consultations" counts consultations and "six soundproofed consultation booths"
        booths, not booths and consultations."""
        t, text = self.tokens(), self.text
        unit = k = span.end - 1
        for _ in range(_COMPOUND_WORDS):
            if plural(t.folded[k]):
                return k
            nxt = k + 1
            if (
                nxt >= len(t.folded)
                or not t.stems[nxt]
                or not adjacent(text, t.ends[k], t.starts[nxt])
            ):
                break
            k = nxt
        return k if plural(t.folded[k]) else unit

    def names(self) -> list[Span]:
        """The names, in order, but not a place's ("in Leeds"): who or what may be named
        again as "the company" (see named_again._DESCRIPTION)."""
        spans = self.spans(("name", "place"))
        places = {(s.start, s.end) for s in spans if s.kind == "place"}
        return [s for s in spans if s.kind == "name" and (s.start, s.end) not in places]

    def age(self, span: Span) -> bool:
        """Whether the span is a person's age as English news writes it: a whole number
        below _OLDEST set off by commas right after a name ("says Hu, 32.", "said Judy
        Heath, 65, of Glenside")."""
        t = self.tokens()
        k = span.start
        if span.end != k + 1 or not k or not t.folded[k].isdigit() or int(t.folded[k]) >= _OLDEST:
            return False
        if _AGE_AFTER.match(self.text, t.ends[k]) is None:
            return False
        if _APPOSITION.fullmatch(self.text, t.ends[k - 1], t.starts[k]) is None:
            return False
        return any(s.end == k for s in self.names())

    def in_units(self, span: Span, units: frozenset[str], share: bool = False) -> bool:
        """Whether the amount `span` is written in one of `units` (stems): its last word
        is one, as a noun, not as its adverb of frequency ("200,000 monthly active users"
        counts users; "for the past ten years" is a time). For a `share` (units of
        percent), also a percent sign after it ("15%") or a ratio ("one in five")."""
        t = self.tokens()
        last = span.end - 1
        if t.stems[last] in units and not t.folded[last].endswith("ly"):
            return True
        return share and (
            _PERCENT_SIGN.match(self.text, t.ends[last]) is not None
            or not _RATIO_WORDS.isdisjoint(t.folded[span.start : span.end])
        )

    def plurals(self, stems: frozenset[str]) -> list[Span]:
        """The words of these stems written as plurals, each a span of kind "number": a
        measure without a figure ("spend months messaging them" says how long, as "a few
        months" would)."""
        t = self.tokens()
        return [
            Span("number", k, k + 1)
            for k, s in enumerate(t.stems)
            if s in stems and plural(t.folded[k])
        ]

    def text_of(self, k: int) -> str:
        """Word k as written."""
        t = self.tokens()
        return self.text[t.starts[k] : t.ends[k]]

    def lower_case(self, wanted: frozenset[str]) -> set[str]:
        """The `wanted` stems this sentence writes in lower case ("program", not "DHS")."""
        t, text = self.tokens(), self.text
        return {s for k, s in enumerate(t.stems) if s in wanted and text[t.starts[k]].islower()}

    @property
    def leans_back(self) -> bool:
        """Opens with a pronoun or "This" (perhaps after "But"), or with a connective ("But on
        Tuesday…", "However, …"): needs the sentence before."""
        return self._flag("leans_back")

    @property
    def points_away(self) -> bool:
        """Sends the reader elsewhere ("see the user guide", "for more information")."""
        return self._flag("points_away")

    @property
    def code_line(self) -> bool:
        """Is a line of code or a command (a `pre` block's line), not prose."""
        return self._flag("code_line")

    def _flag(self, name: str) -> bool:
        found = self._flags.get(name)
        if found is None:
            text = self.text
            if name == "code_line":
                found = CODE_LINE.search(text) is not None
            elif name == "leans_back":
                opening = text.lstrip("“\"‘'(")
                found = any(
                    r.match(opening) is not None for r in (_LEANS_BACK, _CONNECTIVE, _SUMS_UP)
                )
            else:
                found = self.tokens().may(_POINTER_WORDS) and bool(_POINTS_AWAY.search(text))
            self._flags[name] = found
        return found

    def tokens(self) -> Tokens:
        """The sentence's words (sentence_spans.tokens), read once and remembered: every
        span reader of the sentence takes them from here."""
        if self._tokens is None:
            self._tokens = tokens(self.text)
        return self._tokens


@lru_cache(maxsize=256)
def _groups_of(kinds: frozenset[str]) -> tuple[str, ...]:
    """The groups finding these span kinds, in order. Remembered: a question asks the
    same kinds of every sentence it fits (Features.spans), and the set made per call was
    6 % of the rerank's evidence at 100k."""
    return tuple(sorted({GROUPS[k] for k in kinds}))


@lru_cache(maxsize=1 << 14)
def sentence_features(text: str) -> Features:
    """The answer features of one sentence (see the module docstring and Features), the
    same object for the same text while it is remembered: what one question read from it
    is there for the next. The one place a sentence's features come from, so that the
    library can compute them once per sentence (`.spans()` reads every kind)."""
    return Features(text)


def plural(word: str) -> bool:
    """Whether a folded word reads as a plural noun: an "s" ending that is no "ss", "us"
    or "is" ("booths", not "glass", "bonus", "analysis"), or an irregular plural."""
    return word in _PLURAL_ONLY or (
        len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def _in_phrase(text: str, end: int, start: int) -> bool:
    """Whether two words are of one phrase: only spaces or a hyphen between them
    ("north-east"), no comma, dash or bracket."""
    between = text[end:start]
    return between == "-" or between.isspace()
