"""What one sentence offers as an answer, whatever the question: its words' stems in order,
the typed spans it holds (amounts, dates, names, places, reasons, code, negation), and how
it sits in its text (leans on the sentence before, leads on to the next, points elsewhere).

Everything here is read from the sentence alone, never from a question, so it can be
computed once per sentence (issue 19 moves it to ingest); answer_type.py meets it with a
question. The patterns are general English and document structure: numbers with units or
currencies, dates, capitalised name sequences, place prepositions, reason connectives,
code-like tokens, English's negation words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from bot.search.sentence_stems import STEM_OF
from bot.search.words import STOPWORDS, fold

# A word as words.words() reads it ("rust's", "crates.io", "c++"), in the text as written.
_TOKEN = re.compile(r"[^\W_]+(?:[.'’+#][^\W_]+)*[+#]*")
# _TOKEN for lower-cased ASCII text, where a letter or digit is [a-z0-9] and "’" cannot be:
# the same words, found in ~60 % of the time (no Unicode category lookups).
_ASCII_TOKEN = re.compile(r"[a-z0-9]+(?:[.'+#][a-z0-9]+)*[+#]*")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
_NUMBER_WORD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|dozens?|hundreds|thousands|millions|billions)"
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|m|k|mn|tn)\b"
_FIGURE = r"(?<![\w.,:])\d(?:[\d,]*\d)?(?:\.\d+)?"
# A figure or a range of them ("5–35", "10-20").
_FIGURES = rf"{_FIGURE}(?:\s?[-–]\s?\d(?:[\d,]*\d)?(?:\.\d+)?)?"
# A share written as a ratio: "one in five American households", "3 out of 10".
_RATIO_PART = rf"(?:(?<![\w.,:])\d+(?![\d.,]\d)|\b{_NUMBER_WORD}\b)"
# A number with a currency, a percent sign or word, or a unit word after it ("2,500
# stairs", "19-second clip", "6.8-inch", "2.3MB", "nine children", "$3.2m", "€1 million",
# "one million users").
# A unit is a lower-case word after the number, or letters written onto it ("2.3MB").
_AMOUNT = re.compile(
    rf"(?:{_RATIO_PART}|one)\s+(?:in|out\s+of)\s+(?!{_YEAR}\b){_RATIO_PART}\b"
    rf"|(?:[$€£¥]|\b(?:US|A|C|NZ|HK)\$)\s?{_FIGURES}(?:\s?(?i:{_SCALE}))?"
    rf"|{_FIGURES}\s?(?i:%|percent\b|per cent\b|percentage points?\b)"
    rf"|(?:(?!{_YEAR}\b){_FIGURES}|\b(?i:{_NUMBER_WORD}|(?:an?|one) (?:hundred|thousand|million|billion"
    rf"|trillion|dozen)\b))(?:[\s-]+(?i:{_SCALE}|{_NUMBER_WORD}\b))*"
    r"(?:(?<=\d)[A-Za-z]+\b|[\s-]+(?!(?:of|to|and|or|in|on|at|the|a|an|is|was|are|were"
    r"|we|i|you|he|she|it|they|this|that|which|who)\b)"
    r"[a-z]{2,}\b)",
)
_DATE = re.compile(
    rf"\b{_MONTH}\.?\s+{_DAY}(?:\s*[-–]\s*{_DAY})?(?:,?\s+{_YEAR})?\b"
    rf"|\b{_DAY}(?:\s+of)?\s+{_MONTH}\b(?:,?\s+{_YEAR})?"
    rf"|\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|June|July|August|Sept(?:ember)?"
    rf"|October|November|December)\b(?:\s+{_YEAR})?"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"
    r"|\b(?:yesterday|today|tonight|tomorrow)\b"
    r"|\b(?:last|next|this|earlier this|later this)\s+(?:week|month|year|spring|summer|autumn"
    r"|fall|winter|weekend|decade)\b"
    rf"|\b(?:early|mid|late|the end of|the start of|the beginning of)[\s-]+(?:{_YEAR}|{_MONTH})\b"
    r"|\b\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b\d{1,2}:\d\d\b(?:\s?(?:UTC|GMT|[ECMP][SD]?T)\b)?"
    rf"|\b{_YEAR}-\d\d-\d\d\b"
    rf"|\b{_YEAR}\s?[-–]\s?(?:{_YEAR}|\d\d)\b"
    r"|\b(?:1[89]|20)\d0s\b"
    r"|\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + _YEAR + r"\b",
    re.IGNORECASE,
)
# A time told from now or from the story's day: "almost 40 years ago", "two weeks later",
# "in a year", "within three months", "a year from now". Says when, as a date does, in a
# span of kind "relative" (answer_type reads it for "when" only: Policy.relative_date_fit);
# an amount of time it also is ("40 years") says how long, as before.
_TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries)"
_TIME_COUNT = rf"(?:{_FIGURES}|{_NUMBER_WORD}|an?|one|a few|a couple of|several|many|some)"
_RELATIVE = re.compile(
    rf"(?:in|within)\s+(?:the\s+next\s+)?{_TIME_COUNT}\s+{_TIME_UNIT}\b"
    rf"|{_TIME_COUNT}\s+{_TIME_UNIT}\s+(?:ago|earlier|later|from now)\b",
    re.IGNORECASE,
)
_RELATIVE_UNITS = frozenset(
    [
        *("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days"),
        *("week", "weeks", "fortnight", "fortnights", "month", "months", "year", "years"),
        *("decade", "decades", "century", "centuries"),
    ]
)
_RELATIVE_STARTS = frozenset(["in", "within", "a", "an", "one", "several", "many", "some"])
# The hour of a day ("11pm", "10 p.m.", "14:30", "noon"), also read as a date: "what
# time" asks for it (see answer_type).
_CLOCK = re.compile(
    r"\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d\d\b|\b(?:noon|midnight|midday)\b",
    re.I,
)
# The hours English names by a word (_CLOCK reads them where they stand).
_HOUR_WORDS = frozenset(["noon", "midnight", "midday"])
_YEAR_RE = re.compile(rf"(?<![\d.,$€£])\b{_YEAR}\b(?![.,]\d)")
_VERSION = re.compile(r"\bv?\d+\.\d+(?:\.\d+)*(?:-?(?:rc|beta|alpha)\.?\d*)?\b")
_BARE_NUMBER = re.compile(rf"\b{_FIGURE}\b|\b{_NUMBER_WORD}\b", re.IGNORECASE)
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
# Words before a count that make it a set named before, not a count given as new: "the 51
# schools", "its 300 staff", "11 of the 51 schools" (see Features.counts_head).
_GIVEN_BEFORE = frozenset(
    ["the", "these", "those", "its", "their", "our", "his", "her", "my", "your", "of"]
)
# Words after a count's unit read as one compound with it ("six soundproofed consultation
# booths"), looking for the plural that heads it (see Features._counted).
_COMPOUND_WORDS = 3
# English nouns whose plural does not end in "s" (see _plural).
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
# Words that join the capitalised words of one name ("Court of Appeals", "Bill de Blasio").
_NAME_JOINERS = frozenset(["of", "de", "da", "del", "der", "van", "von", "la", "le", "al", "bin"])
_MONTH_WORDS = re.compile(
    rf"^{_MONTH}$|^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
)
# Before a name, these make it a place ("in Belém", "near Howth", "from the north-east of Dublin").
_PLACE_BEFORE = frozenset(
    ["in", "at", "from", "near", "outside", "inside", "across", "throughout", "into"]
)
# A web address after a place preposition is a place: "find the docs at
# doc.rust-lang.org/cargo", "on a variant of the playground at https://play.example.org".
_ADDRESS = re.compile(
    r"\b(?:at|on|from|to)\s+((?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/[\w./-]*[\w/])?)",
    re.IGNORECASE,
)
# What introduces a reason ("because", "due to", "so that", "in light of"), or the decision
# drawn from one in the same sentence ("…, and as such we've decided to spin it down");
# "since" only before a clause; ", as" before a clause of a subject and its verb ("…
# remain apprehensive, as linear television continues to decline"), not "as reported by",
# "as well as", "as a spokesperson says".
_REASON = re.compile(
    r"\b(?:because|due to|owing to|thanks to|as a result|so that|so as to|in order to"
    r"|since (?![\d$€£]|then\b|(?:" + _MONTH + r")\b)|the reason|reasons? (?:is|was|why|for)"
    r"|(?:which|that|this) is why|that's why|this is why|led to|given that|for fear"
    r"|to (?:avoid|prevent|ensure|make sure|protect|reduce|allow|keep)\b"
    r"|as (?:it|they|he|she|we|the) (?:was|were|is|are|had|has|did|does|would|could)\b"
    r"|(?<=, )as (?!(?:well|such|part|of|if|though|a|an|many|much|long|soon|far|[a-z]+ed)\b)"
    r"(?:[a-z]+ ){1,2}[a-z]+(?:s|ed)\b"
    r"|out of (?:an abundance of )?caution|in light of|as such|therefore|hence|for this reason"
    r"|(?:motivated|prompted|driven|spurred|triggered|fuell?ed|sparked|caused) by"
    r"|in (?:response|retaliation|reaction) to)",
    re.IGNORECASE,
)
# What introduces a way of doing something ("by running", "using go install", "via a flag").
# "After turning on captions and running the video back, Wen did in fact say…": the steps
# that led to what the sentence then says are how it came about.
_MEANS = re.compile(
    r"\b(?:by \w+ing|using|via|with the help of|through the use of)\b|^After \w+ing\b", re.I
)
_CLAUSE_END = re.compile(r"[,;:.!?](?:\s|$)")
# Code as it is written in prose: a dotted or slashed identifier ("C.CString", "crates.io",
# "golang.org/x/tools"), a flag ("-cover", "--release"), snake_case, an assignment
# ("codegen-units=N"), a call or attribute ("#[cfg(clippy)]", "panic=abort"), or an
# identifier of letters and digits joined by hyphens ("CVE-2018-1000622", "go1.21rc2").
_CODE = re.compile(
    r"(?<![\w$€£])(?:"
    r"--?[A-Za-z][\w-]*(?:=\S+)?"
    r"|[#@]?\[?[\w$.:/@#<>*&-]*[_=/@{}\[\]<>]\S*"
    r"|[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*\(\S*"
    r"|(?:[A-Za-z_]\w+|[A-Za-z])\.(?!\s)[\w-]+(?:\.[\w-]+)*"
    r"|[A-Za-z]+\d[\w.-]*|[A-Za-z]+-\d[\w.-]*"
    r")",
)
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$|^(?:e\.g|i\.e|etc|vs|a\.m|p\.m)$", re.I)
_TRAILING = ".,;:!?)]}\"'”’"
# A line of code or a command, as a `pre` block becomes a sentence.
_CODE_LINE = re.compile(r"^\s*(?:[$>#]\s|//|/\*)|[{};]\s*$|\{\s|\s\}")
_QUOTED = re.compile(r"[“\"]([^”\"]{2,80})[”\"]")
# A sentence leaning on the one before: it opens with a pronoun or a demonstrative,
# perhaps after a connective ("But it…", "However, this…").
_LEANS_BACK = re.compile(
    r"^(?:(?:but|and|so|yet|still|also|however|instead|then|now|here),?\s+)?"
    r"(?:this|that|these|those|it|its|it.s|they|their|them|he|she|his|her)\b",
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

# The words each pattern needs one of (folded), checked before the pattern is run.
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
    ]
)
_DATE_WORDS = frozenset(
    [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
        "week",
        "month",
        "year",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "weekend",
        "decade",
        *_HOUR_WORDS,
    ]
)
_REASON_WORDS = frozenset(
    [
        "because",
        "light",
        "such",
        "therefore",
        "hence",
        "due",
        "owing",
        "thanks",
        "result",
        "so",
        "order",
        "since",
        "reason",
        "reasons",
        "why",
        "led",
        "given",
        "fear",
        "avoid",
        "prevent",
        "ensure",
        "sure",
        "protect",
        "reduce",
        "allow",
        "keep",
        "caution",
        "as",
        "motivated",
        "prompted",
        "driven",
        "spurred",
        "triggered",
        "fueled",
        "fuelled",
        "sparked",
        "caused",
        "response",
        "retaliation",
        "reaction",
    ]
)
# Where an amount or a date may start: a currency sign or a figure, or one of these words.
_FIGURE_START = re.compile(r"[$€£¥\d]")
_DATE_STARTS = _DATE_WORDS | frozenset(
    [
        "last",
        "next",
        "this",
        "earlier",
        "later",
        "early",
        "mid",
        "late",
        "the",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
    ]
)
_MEANS_WORDS = frozenset(["by", "using", "via", "help", "through", "after"])
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
# A character code has and prose rarely does (see _CODE).
_MAY_BE_CODE = re.compile(
    r"[_=/@{}\[\]<>#(]|\w\.\w|(?:^|\s)--?[A-Za-z]|[A-Za-z]-?\d|^\s*[$>]\s|;\s*$"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A typed stretch of a sentence: tokens start..end-1 (see Features.stems)."""

    # amount, number, year, date, clock (also a date), relative (a time from now: "in a
    # year"), version, name, place, reason,
    # means, code (a token of code in prose), line (a whole line of code), quote, polarity
    kind: str
    start: int
    end: int


# The kinds of span, by the group of patterns that finds them.
_GROUPS: dict[str, str] = {
    **dict.fromkeys(("amount", "number", "year", "date", "clock", "version"), "numeric"),
    # (its own group: only "when" questions read it, and most sentences name a day or a
    # year somewhere, so reading it with the numbers would cost every question)
    "relative": "relative",
    **dict.fromkeys(("name", "place"), "name"),
    "reason": "reason",
    "means": "means",
    **dict.fromkeys(("code", "line"), "code"),
    "quote": "quote",
    "polarity": "polarity",
}
KINDS = frozenset(_GROUPS)
# What says yes or no to a yes/no question: English's negation (a closed class of
# function words, "not", "n't", "no", "never"…) and "always", its opposite.
_POLARITY = re.compile(
    r"\b(?:not|no|never|none|nothing|neither|nor|cannot|always)\b|\w(?:n't|n’t)\b", re.I
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
        self._tokens: _Tokens | None = None
        self._spans: dict[str, list[Span]] = {}
        self._flags: dict[str, bool] = {}

    @property
    def stems(self) -> tuple[str, ...]:
        """Per word, in order, its stem; "" for a stopword."""
        return self._read().stems

    def spans(self, kinds: Iterable[str] = KINDS) -> list[Span]:
        """The spans of these kinds (every kind by default)."""
        out: list[Span] = []
        wanted = set(kinds)
        for group in sorted({_GROUPS[k] for k in wanted}):
            found = self._spans.get(group)
            if found is None:
                found = self._spans[group] = self._find(group)
            out += [s for s in found if s.kind in wanted]
        return out

    def objects(self, after: frozenset[str], linked: frozenset[str] = frozenset()) -> list[Span]:
        """Noun phrases right after one of the `after` stems, or after one of the `linked`
        stems and "is/are/was/were", opening with a determiner: "reviewing a new coffee
        maker" after "review", "a frequently used delimiter is a comma" after "delimit",
        or after a `linked` stem and a comma, opening with "a/an" (an apposition defining
        it: "“Project Popcorn”, an unorthodox business model"). The determiner and the
        content words after it, up to the next function word or clause break."""
        t, text = self._read(), self.text
        out: list[Span] = []
        n = len(t.stems)
        for k in range(n - 2):
            d = k + 1  # the determiner's place
            # (an apposition opens its object right away: "“Project Popcorn”, an …")
            if not self._apposition(k, linked):
                if t.folded[d] in _COPULAS and d + 2 < n and self._subject_holds(d, linked):
                    if not _adjacent(text, t.ends[k], t.starts[d]):
                        continue
                    k, d = d, d + 1
                elif t.stems[k] not in after:
                    continue
                if t.folded[d] not in _DETERMINERS or not _adjacent(text, t.ends[k], t.starts[d]):
                    continue
            j = d + 1
            while j < n and t.stems[j] and _adjacent(text, t.ends[j - 1], t.starts[j]):
                j += 1
            if j > d + 1:
                out.append(Span("object", d, j))
        return out

    def _apposition(self, k: int, linked: frozenset[str]) -> bool:
        """Whether word k is one of the `linked` stems and an apposition defining it
        follows: a comma, then "a/an" (_APPOSITION)."""
        t = self._read()
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
        stems = self._read().stems
        if stems[copula - 1] in linked:
            return True
        return copula <= _SUBJECT_WORDS and not linked.isdisjoint(stems[:copula])

    def after_word(self, words: frozenset[str], anchors: frozenset[str]) -> list[Span]:
        """The phrase after each of the folded `words` (prepositions) used within
        _ANCHOR_WORDS words after one of the `anchors` stems: "the drones took off from the
        north-east of Dublin" gives "the north-east of Dublin" after "from" (anchored by
        "drones"). Up to the next clause break, at most _PHRASE_WORDS words."""
        t, text = self._read(), self.text
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
        t = self._read()
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
        folded = self._read().folded
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
        t, text = self._read(), self.text
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
        t, text = self._read(), self.text
        k, end = span.start, span.end
        if k < 2 or not _APPOSITION.fullmatch(text, t.ends[k - 1], t.starts[k]):
            return False
        if end < len(t.stems) and _adjacent(text, t.ends[end - 1], t.starts[end]):
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
        t, text = self._read(), self.text
        k = span.start
        if not words or span.end - k < 2 or k == 0:
            return False
        if not _adjacent(text, t.ends[k - 1], t.starts[k]):
            return False
        if not (t.stems[k - 1] and text[t.starts[k - 1]].islower()):
            return False
        i = k - 1
        while (
            i > 0
            and k - i < words
            and t.stems[i - 1]
            and _adjacent(text, t.ends[i - 1], t.starts[i])
        ):
            i -= 1
        return not anchors.isdisjoint(t.stems[i:k])

    def counts_done(self, span: Span, verbs: frozenset[str] | set[str]) -> bool:
        """Whether an amount counts by a past participle of one of the `verbs` stems:
        "400,000 deported", "12 killed", "30 arrested" count those it was done to."""
        t = self._read()
        last = span.end - 1
        return t.folded[last].endswith("ed") and t.stems[last] in verbs

    def counts_head(self, span: Span, nouns: frozenset[str]) -> bool:
        """Whether an amount is a count of one of the `nouns` stems, written as its
        determiner and giving it as new: the noun it counts (see _counted) is one of them
        ("Forty schools", "84,300 people", "1.62 million birds", "eight booth
        consultations" for consultations), with no definite determiner or partitive "of"
        before it ("the 51 schools", "11 of the 51 schools" name a set given before)."""
        t = self._read()
        if span.start > 0 and t.folded[span.start - 1] in _GIVEN_BEFORE:
            return False
        return t.stems[self._counted(span)] in nouns

    def _counted(self, span: Span) -> int:
        """The word an amount counts: its unit, unless a plural follows the unit within a
        run of words written together (at most _COMPOUND_WORDS more), when that plural is:
        English marks a compound's head, its last noun, as plural, so "eight booth
        consultations" counts consultations and "six soundproofed consultation booths"
        booths, not booths and consultations."""
        t, text = self._read(), self.text
        unit = k = span.end - 1
        for _ in range(_COMPOUND_WORDS):
            if _plural(t.folded[k]):
                return k
            nxt = k + 1
            if (
                nxt >= len(t.folded)
                or not t.stems[nxt]
                or not _adjacent(text, t.ends[k], t.starts[nxt])
            ):
                break
            k = nxt
        return k if _plural(t.folded[k]) else unit

    def names(self) -> list[Span]:
        """The names, in order, but not a place's ("in Leeds"): who or what may be named
        again as "the company" (see passage._DESCRIPTION)."""
        spans = self.spans(("name", "place"))
        places = {(s.start, s.end) for s in spans if s.kind == "place"}
        return [s for s in spans if s.kind == "name" and (s.start, s.end) not in places]

    def age(self, span: Span) -> bool:
        """Whether the span is a person's age as English news writes it: a whole number
        below _OLDEST set off by commas right after a name ("says Hu, 32.", "said Judy
        Heath, 65, of Glenside")."""
        t = self._read()
        k = span.start
        if span.end != k + 1 or not k or not t.folded[k].isdigit() or int(t.folded[k]) >= _OLDEST:
            return False
        if _AGE_AFTER.match(self.text, t.ends[k]) is None:
            return False
        if _APPOSITION.fullmatch(self.text, t.ends[k - 1], t.starts[k]) is None:
            return False
        return any(s.end == k for s in self.names())

    def plurals(self, stems: frozenset[str]) -> list[Span]:
        """The words of these stems written as plurals, each a span of kind "number": a
        measure without a figure ("spend months messaging them" says how long, as "a few
        months" would)."""
        t = self._read()
        return [
            Span("number", k, k + 1)
            for k, s in enumerate(t.stems)
            if s in stems and _plural(t.folded[k])
        ]

    def text_of(self, k: int) -> str:
        """Word k as written."""
        t = self._read()
        return self.text[t.starts[k] : t.ends[k]]

    def lower_case(self, wanted: frozenset[str]) -> set[str]:
        """The `wanted` stems this sentence writes in lower case ("program", not "DHS")."""
        t, text = self._read(), self.text
        return {s for k, s in enumerate(t.stems) if s in wanted and text[t.starts[k]].islower()}

    @property
    def leans_back(self) -> bool:
        """Opens with a pronoun or "This" (perhaps after "But"): needs the sentence before."""
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
                found = _CODE_LINE.search(text) is not None
            elif name == "leans_back":
                opening = text.lstrip("“\"‘'(")
                found = _LEANS_BACK.match(opening) is not None or bool(_SUMS_UP.match(opening))
            else:
                found = self._read().may(_POINTER_WORDS) and bool(_POINTS_AWAY.search(text))
            self._flags[name] = found
        return found

    def _read(self) -> _Tokens:
        if self._tokens is None:
            self._tokens = _tokens(self.text)
        return self._tokens

    def _find(self, group: str) -> list[Span]:
        """The spans of one group of patterns, each run only when a cheap look at the
        sentence's words says it may match (a digit, a number or month word, a connective,
        a code character)."""
        text, t = self.text, self._read()
        if group == "numeric":
            found = _numbers(text, t)
        elif group == "name":
            found = _names(text, t.starts, t.ends)
            if "." in text:
                found += [("place", m.start(1), m.end(1)) for m in _ADDRESS.finditer(text)]
        elif group == "relative":
            found = _relative(text, t) if t.may(_RELATIVE_UNITS) else []
        elif group == "reason":
            found = _clauses("reason", _REASON, text) if t.may(_REASON_WORDS) else []
        elif group == "means":
            found = _clauses("means", _MEANS, text) if t.may(_MEANS_WORDS) else []
        elif group == "code":
            found = _code(text) if _MAY_BE_CODE.search(text) else []
        elif group == "polarity":
            found = [("polarity", m.start(), m.end()) for m in _POLARITY.finditer(text)]
        else:
            found = _quotes(text) if "“" in text or '"' in text else []
        spans = []
        for kind, x, y in found:
            first, last = bisect_right(t.ends, x), bisect_left(t.starts, y)
            if first < last:
                spans.append(Span(kind, first, last))
        return spans


@lru_cache(maxsize=1 << 14)
def sentence_features(text: str) -> Features:
    """The answer features of one sentence (see the module docstring and Features), the
    same object for the same text while it is remembered: what one question read from it
    is there for the next. The one place a sentence's features come from, so that the
    library can compute them once per sentence (`.spans()` reads every kind)."""
    return Features(text)


@dataclass(frozen=True, slots=True)
class _Tokens:
    """A sentence's words: where each starts and ends, folded, stemmed."""

    starts: list[int]
    ends: list[int]
    folded: list[str]
    present: frozenset[str]  # the folded words
    stems: tuple[str, ...]

    def may(self, needs: frozenset[str]) -> bool:
        return not self.present.isdisjoint(needs)


def _tokens(text: str) -> _Tokens:
    """Each word's start and end in `text`, folded, and its stem ("" for a stopword), as
    words.words() and stem.stem() read them."""
    if text.isascii():  # one fold for the whole sentence; the places stay the same
        found = list(_ASCII_TOKEN.finditer(text.lower()))
        folded = [m.group() for m in found]
    else:
        found = list(_TOKEN.finditer(text))
        folded = [fold(m.group()) for m in found]
    if "'" in text or "’" in text:
        folded = [(w[:-2] if w.endswith("'s") else w).replace("'", "") for w in folded]
    # (a dict lookup, cheaper than a call into stem()'s cache for each word of each new
    # sentence: the same stem, "" for a stopword; the words hold no apostrophe by now)
    stems = tuple(map(STEM_OF.__getitem__, folded))
    starts, ends = [m.start() for m in found], [m.end() for m in found]
    return _Tokens(starts, ends, folded, frozenset(folded), stems)


def _numbers(text: str, t: _Tokens) -> list[tuple[str, int, int]]:
    """Amounts, dates, versions, years and bare numbers; a figure inside an amount or a
    date is not also a version, a year or a number.

    Each pattern is matched only where one can start (a currency sign, a figure, a number
    or date word): run over every position, they were most of the cost of a sentence.
    """
    digits = [m.start() for m in _FIGURE_START.finditer(text)]
    figures = [a for a in digits if _starts_figure(text, a)]
    numbers = [a for a, w in zip(t.starts, t.folded, strict=True) if w in _NUMBER_WORDS]
    if not figures and not numbers and not t.may(_DATE_WORDS):
        return []
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []

    def scan(kind: str, pattern: re.Pattern[str], starts: list[int], alone: bool) -> None:
        end = -1
        for at in sorted(starts):
            if at >= end and (m := pattern.match(text, at)):
                if alone or not _inside(m.span(), taken):
                    found.append((kind, m.start(), m.end()))
                    taken.append(m.span())
                end = m.end()

    words = list(zip(t.starts, t.folded, strict=True))
    # ("one" only before a scale word: "one million users", not "one of them")
    ones = [a for a, w in words if w in ("a", "an", "one")]
    scan("amount", _AMOUNT, figures + numbers + ones, True)
    scan("date", _DATE, figures + [a for a, w in words if w in _DATE_STARTS], True)
    scan("clock", _CLOCK, figures + [a for a, w in words if w in _HOUR_WORDS], True)
    after_v = [
        a - 1 for a in digits if a > 0 and text[a - 1] in "vV" and _starts_figure(text, a - 1)
    ]
    scan("version", _VERSION, figures + after_v, False)
    scan("year", _YEAR_RE, figures, False)
    scan("number", _BARE_NUMBER, figures + numbers, False)
    return found


def _relative(text: str, t: _Tokens) -> list[tuple[str, int, int]]:
    """Times told from now ("in a year", "almost 40 years ago": _RELATIVE), each matched
    where a count or "in/within" starts it."""
    found: list[tuple[str, int, int]] = []
    end = -1
    for at, w in zip(t.starts, t.folded, strict=True):
        if at >= end and (w in _RELATIVE_STARTS or w in _NUMBER_WORDS or w[:1].isdigit()):
            m = _RELATIVE.match(text, at)
            if m:
                found.append(("relative", m.start(), m.end()))
                end = m.end()
    return found


def _starts_figure(text: str, at: int) -> bool:
    """Whether a currency sign or a digit at `at` may start a figure: not a digit inside
    a word or a figure ("x86", the "500" of "2,500")."""
    return at == 0 or text[at] in "$€£¥" or not (text[at - 1].isalnum() or text[at - 1] in ".,:")


def _quotes(text: str) -> list[tuple[str, int, int]]:
    """Short quoted phrases: titles and names of things ("Raw", “Tiger Girl”)."""
    return [
        ("quote", m.start(1), m.end(1))
        for m in _QUOTED.finditer(text)
        if len(m.group(1).split()) <= 10
    ]


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    a, b = span
    return any(s <= a and b <= e for s, e in spans)


def _names(text: str, starts: list[int], ends: list[int]) -> list[tuple[str, int, int]]:
    """Runs of capitalised words ("Thomas Heatherwick", "Fifth District Court of Appeals",
    "NLRB"), without a stopword or a month at their start, nor a word written onto another
    (see _joined); a single word only when it is not the sentence's first. A run after a place preposition is (also) a place."""
    out: list[tuple[str, int, int]] = []
    words = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    i, n = 0, len(words)
    while i < n:
        if (
            not _capitalised(words[i])
            or fold(words[i]) in STOPWORDS
            or _MONTH_WORDS.match(words[i])
            or _joined(text, starts[i], ends[i])
        ):
            i += 1
            continue
        j = i + 1
        while j < n:
            if not _adjacent(text, ends[j - 1], starts[j]):
                break
            if (
                _capitalised(words[j])
                and not _MONTH_WORDS.match(words[j])
                and not _joined(text, starts[j], ends[j])
            ):
                j += 1
            elif (
                words[j] in _NAME_JOINERS
                and j + 1 < n
                and _capitalised(words[j + 1])
                and _adjacent(text, ends[j], starts[j + 1])
            ):
                j += 2
            else:
                break
        # A number right after the name is part of it ("Senate Bill 2972", "Rust 1.20").
        if j < n and words[j][:1].isdigit() and _adjacent(text, ends[j - 1], starts[j]):
            j += 1
        if j - i >= 2 or i > 0:
            out.append(("name", starts[i], ends[j - 1]))
            before = i - 1 if i == 0 or fold(words[i - 1]) != "the" else i - 2
            if before >= 0 and fold(words[before]) in _PLACE_BEFORE:
                out.append(("place", starts[i], ends[j - 1]))
        i = j
    return out


def _joined(text: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) is written onto another by "_", "/" or "=": a part
    of an identifier or a path ("CARGO_REGISTRIES_CRATES_IO_PROTOCOL", "Atmosphere/Bluesky"),
    not a name."""
    return (start > 0 and text[start - 1] in _JOINERS) or (
        end < len(text) and text[end] in _JOINERS
    )


_JOINERS = "_/="


def _plural(word: str) -> bool:
    """Whether a folded word reads as a plural noun: an "s" ending that is no "ss", "us"
    or "is" ("booths", not "glass", "bonus", "analysis"), or an irregular plural."""
    return word in _PLURAL_ONLY or (
        len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def _adjacent(text: str, end: int, start: int) -> bool:
    """Whether only spaces lie between two words (no comma, dash or bracket)."""
    return text[end:start].isspace()


def _in_phrase(text: str, end: int, start: int) -> bool:
    """Whether two words are of one phrase: only spaces or a hyphen between them
    ("north-east"), no comma, dash or bracket."""
    between = text[end:start]
    return between == "-" or between.isspace()


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _clauses(kind: str, pattern: re.Pattern[str], text: str) -> list[tuple[str, int, int]]:
    """Each match of `pattern` (a reason or means connective) with the rest of its clause."""
    out = []
    for m in pattern.finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        out.append((kind, m.start(), end.start() if end else len(text)))
    return out


def _code(text: str) -> list[tuple[str, int, int]]:
    """Code-like tokens (see _CODE), or the whole sentence when it is a line of code."""
    if _CODE_LINE.search(text):  # Features.code_line
        return [("line", 0, len(text))]
    out = []
    for m in _CODE.finditer(text):
        token = m.group().rstrip(_TRAILING)
        if (
            len(token) < 2
            or _INITIALISM.match(token)
            or token.replace(".", "").replace(",", "").isdigit()
        ):
            continue
        out.append(("code", m.start(), m.start() + len(token)))
    return out
