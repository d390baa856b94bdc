"""The typed spans a sentence holds, and the words they are read from: the patterns
(amounts, dates, times from now, clock times, versions, names, places, reasons, ways,
code, quotes, negation), the cheap word checks that say when one may match, and the
functions that find each group's spans (see `find`).

features.py asks for a group when a question needs it and keeps what it found; this
module holds no state. Everything is read from the sentence alone, never from a
question. The patterns are general English and document structure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from bot.search.sentence_stems import STEM_OF
from bot.search.words import STOPWORDS, fold

# A word as words.words() reads it ("rust's", "crates.io", "c++"), in the text as written.
TOKEN = re.compile(r"[^\W_]+(?:[.'’+#][^\W_]+)*[+#]*")
# TOKEN for lower-cased ASCII text, where a letter or digit is [a-z0-9] and "’" cannot be:
# the same words, found in ~60 % of the time (no Unicode category lookups).
_ASCII_TOKEN = re.compile(r"[a-z0-9]+(?:[.'+#][a-z0-9]+)*[+#]*")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A day of the month, a year of the last two centuries and a day of the week, as written in
# text (when_shown dates what a conversation showed with them too).
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]|20)\d\d"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
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
    rf"(?:{_RATIO_PART}|one)\s+(?:in|out\s+of)\s+(?!{YEAR}\b){_RATIO_PART}\b"
    rf"|(?:[$€£¥]|\b(?:US|A|C|NZ|HK)\$)\s?{_FIGURES}(?:\s?(?i:{_SCALE}))?"
    rf"|{_FIGURES}\s?(?i:%|percent\b|per cent\b|percentage points?\b)"
    rf"|(?:(?!{YEAR}\b){_FIGURES}|\b(?i:{_NUMBER_WORD}|(?:an?|one) (?:hundred|thousand|million|billion"
    rf"|trillion|dozen)\b))(?:[\s-]+(?i:{_SCALE}|{_NUMBER_WORD}\b))*"
    r"(?:(?<=\d)[A-Za-z]+\b|[\s-]+(?!(?:of|to|and|or|in|on|at|the|a|an|is|was|are|were"
    r"|we|i|you|he|she|it|they|this|that|which|who)\b)"
    r"[a-z]{2,}\b)",
)
_DATE = re.compile(
    rf"\b{_MONTH}\.?\s+{DAY}(?:\s*[-–]\s*{DAY})?(?:,?\s+{YEAR})?\b"
    rf"|\b{DAY}(?:\s+of)?\s+{_MONTH}\b(?:,?\s+{YEAR})?"
    rf"|\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|June|July|August|Sept(?:ember)?"
    rf"|October|November|December)\b(?:\s+{YEAR})?"
    rf"|\b{WEEKDAY}s?\b"
    r"|\b(?:yesterday|today|tonight|tomorrow)\b"
    r"|\b(?:last|next|this|earlier this|later this)\s+(?:week|month|year|spring|summer|autumn"
    r"|fall|winter|weekend|decade)\b"
    rf"|\b(?:early|mid|late|the end of|the start of|the beginning of)[\s-]+(?:{YEAR}|{_MONTH})\b"
    r"|\b\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b\d{1,2}:\d\d\b(?:\s?(?:UTC|GMT|[ECMP][SD]?T)\b)?"
    rf"|\b{YEAR}-\d\d-\d\d\b"
    rf"|\b{YEAR}\s?[-–]\s?(?:{YEAR}|\d\d)\b"
    r"|\b(?:1[89]|20)\d0s\b"
    r"|\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + YEAR + r"\b",
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
_YEAR_RE = re.compile(rf"(?<![\d.,$€£])\b{YEAR}\b(?![.,]\d)")
_VERSION = re.compile(r"\bv?\d+\.\d+(?:\.\d+)*(?:-?(?:rc|beta|alpha)\.?\d*)?\b")
_BARE_NUMBER = re.compile(rf"\b{_FIGURE}\b|\b{_NUMBER_WORD}\b", re.IGNORECASE)
# Words that join the capitalised words of one name ("Court of Appeals", "Bill de Blasio").
_NAME_JOINERS = frozenset(["of", "de", "da", "del", "der", "van", "von", "la", "le", "al", "bin"])
_MONTH_WORDS = re.compile(rf"^{_MONTH}$|^{WEEKDAY}$")
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
    r"|in (?:response|retaliation|reaction) to"
    r"|result(?:s|ed|ing)? in"
    r"|for (?:a (?:variety|number) of|several|many|various|other|these|those) reasons"
    r"|motivation (?:for|behind|is|was)|the (?:problem|trouble|issue) (?:is|was) that"
    r"|, so (?:we|i|they|he|she|it|you|the)\b)",
    re.IGNORECASE,
)
# What introduces a way of doing something ("by running", "using go install", "via a flag").
# "After turning on captions and running the video back, Wen did in fact say…": the steps
# that led to what the sentence then says are how it came about.
_MEANS = re.compile(
    r"\b(?:by \w+ing|using|via|with the help of|through the use of)\b|^After \w+ing\b", re.I
)
# The manner something is done in: "We schedule meetings in a rather ad-hoc fashion",
# "in an orderly way", "in a timely manner" (npsg26): how, for "how does X do Y". English's
# three nouns of manner after "in a(n)" and up to three words, not a question's words.
_MANNER = re.compile(r"\bin an? (?:[\w-]+ ){0,3}(?:way|fashion|manner)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:.!?](?:\s|$)")
# What tells the reader how to do something (npsg28), for "how do I / how can I / how to
# <verb> X": the addressee's modal ("you can build…", "you should use…", "one can
# build…"), or an imperative, a clause with no subject opening with a verb's base form:
# at the sentence's start or after an opening "To <verb> …," / "If you …," ("To install
# Rustfmt, use rustup…"; "If you are affected by this, simply re-download the installer"),
# past an adverb of ease or order ("simply", "just", "first", "then", "now", "please").
# English has no mark of the base form, so the verb is a word that is no determiner,
# pronoun, auxiliary, preposition or adverb of the kind (_NOT_IMPERATIVE: closed classes,
# not STOPWORDS, which hold "use", "run" and "go") and carries no inflection (-s, -ed, -ing, -ly), followed by
# what opens its object: a determiner, a possessive or object pronoun, or a code token
# (any word after an opening "To …," / "If you …,", or in a sentence holding code).
_ADDRESSEE = re.compile(
    r"\b(?:you|one)(?:\s+(?:can|could|should|may|might|must)|\s+(?:need|have|want) to"
    r"|['’]ll (?:need|want|have) to)\s+(?:also\s+|now\s+|always\s+|simply\s+|just\s+|still\s+"
    r"|easily\s+|then\s+|first\s+)?(?!not\b|be\b|have\b)[a-z][\w-]*",
    re.I,
)
_IMPERATIVE = re.compile(
    r"(?P<opener>To\s[^,;:.]{2,80},\s|If you\b[^,;:.]{2,80},\s)?"
    r"(?:(?i:simply|just|first|then|now|please|also|instead)\s+)?"
    r"(?P<verb>[A-Za-z][a-z]*(?:-[a-z]+)?)\s+"
    r"(?:(?P<object>(?:the|a|an|your|its|this|that|these|those|it|them|our|my|some|any|each"
    r"|every|all|both|one|us)\b|\$|-|[\w./]*[._/=-][\w./=-]+)|(?P<word>[a-z][\w-]*))",
)
# Words that open a clause and are no verb: English's prepositions, adverbs and
# conjunctions that stand before a determiner ("Despite the…", "Unlike its…", "Today the…").
_NOT_IMPERATIVE_WORDS = """
    about above across after against along amid amidst among around as at before behind
    below beneath beside besides between beyond but by despite down during except following
    for from given in inside into like near of off on onto opposite outside over past per
    regarding since than through throughout till to toward towards under underneath unlike
    until unto up upon via with within without today yesterday tomorrow meanwhile once
    while where when whether if although though because unless whereas yet so and or nor
    then there here thus hence still even only also just perhaps maybe indeed instead
    however moreover furthermore finally first last next recently earlier later now often
    sometimes always never soon already again rather quite almost nearly every each all
    both either neither such what which who whom whose why how this that these those
    please i you he she it we they me him her us them my your his its our their the a an
    no not is are was were be been am has have had do does did will would can could
    should may might must shall some any many much most more few other another"""
_NOT_IMPERATIVE = frozenset(_NOT_IMPERATIVE_WORDS.split())
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
CODE_LINE = re.compile(r"^\s*(?:[$>#]\s|//|/\*)|[{};]\s*$|\{\s|\s\}")
_QUOTED = re.compile(r"[“\"]([^”\"]{2,80})[”\"]")
# The words each pattern needs one of (folded), checked before the pattern is run.
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
        "result",
        "results",
        "resulted",
        "resulting",
        "motivation",
        "problem",
        "trouble",
        "issue",
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
_MANNER_WORDS = frozenset(["way", "fashion", "manner"])
# A character code has and prose rarely does (see _CODE).
_MAY_BE_CODE = re.compile(
    r"[_=/@{}\[\]<>#(]|\w\.\w|(?:^|\s)--?[A-Za-z]|[A-Za-z]-?\d|^\s*[$>]\s|;\s*$"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A typed stretch of a sentence: tokens start..end-1 (see Features.stems)."""

    # amount, number, year, date, clock (also a date), relative (a time from now: "in a
    # year"), version, name, place, reason,
    # means, manner ("in a rather ad-hoc fashion"), instruction ("you can build…", "use
    # an image.Uniform source"), code (a token of code in prose),
    # line (a whole line of code), quote, polarity,
    # aspect (a state going on or ending: "will continue", "no longer", "phased out")
    kind: str
    start: int
    end: int


# The kinds of span, by the group of patterns that finds them.
GROUPS: dict[str, str] = {
    **dict.fromkeys(("amount", "number", "year", "date", "clock", "version"), "numeric"),
    # (its own group: only "when" questions read it, and most sentences name a day or a
    # year somewhere, so reading it with the numbers would cost every question)
    "relative": "relative",
    **dict.fromkeys(("name", "place"), "name"),
    "reason": "reason",
    **dict.fromkeys(("means", "manner"), "means"),
    # (its own group: only "how do I…" questions read it: answer_type.Wanted.instructs)
    "instruction": "instruction",
    **dict.fromkeys(("code", "line"), "code"),
    "quote": "quote",
    "polarity": "polarity",
    "aspect": "polarity",
}
KINDS = frozenset(GROUPS)
# What says yes or no to a yes/no question: English's negation (a closed class of
# function words, "not", "n't", "no", "never"…, and the preposition saying a thing is
# absent, "without" before a noun phrase: "used its branding without permission", "use
# the hook anywhere, without the need of providers") and "always", its opposite.
# "Without" before a verb's -ing form says how a thing is done, and it is done ("publish
# crates without managing API tokens"): no "no".
_POLARITY = re.compile(
    r"\b(?:not|no|never|none|nothing|neither|nor|cannot|always|without(?!\s+\w+ing\b))\b"
    r"|\w(?:n't|n’t)\b",
    re.I,
)

# What says whether a state goes on or has ended, answering a yes/no question asking if it
# still holds ("is rochko still gonna be involved…": "Rochko will continue contributing…";
# "does fema still go door to door": "the agency has phased out door-to-door surveying"):
# English's verbs of continuing and stopping and its adverbs of aspect, a closed class.
# Read for those questions only (answer_type.Wanted.persists); "end" alone is left out, as
# a noun far more often ("at the end of").
_ASPECT = re.compile(
    r"\b(?:continu(?:e|es|ed|ing)|remain(?:s|ed|ing)?|no longer|any ?more|still"
    r"|stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|phas(?:e|es|ed|ing) out|quit(?:s|ting)?"
    r"|resum(?:e|es|ed|ing)|ended|ending|step(?:s|ped|ping)? down|shut(?:s|ting)? down)\b",
    re.I,
)
_ASPECT_WORDS = frozenset(
    [
        *("continue", "continues", "continued", "continuing", "remain", "remains"),
        *("remained", "remaining", "longer", "anymore", "more", "still", "stop", "stops"),
        *("stopped", "stopping", "cease", "ceases", "ceased", "ceasing", "out", "quit"),
        *("quits", "quitting", "resume", "resumes", "resumed", "resuming", "ended"),
        *("ending", "down"),
    ]
)


def find(group: str, text: str, t: Tokens) -> list[Span]:
    """The spans of one group of patterns, each run only when a cheap look at the
    sentence's words says it may match (a digit, a number or month word, a connective,
    a code character)."""
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
        if t.may(_MANNER_WORDS):
            found += _clauses("manner", _MANNER, text)
    elif group == "code":
        found = _code(text) if _MAY_BE_CODE.search(text) else []
    elif group == "instruction":
        found = _instructions(text)
    elif group == "polarity":
        found = [("polarity", m.start(), m.end()) for m in _POLARITY.finditer(text)]
        if t.may(_ASPECT_WORDS):
            found += [("aspect", m.start(), m.end()) for m in _ASPECT.finditer(text)]
    else:
        found = _quotes(text) if "“" in text or '"' in text else []
    spans = []
    for kind, x, y in found:
        first, last = bisect_right(t.ends, x), bisect_left(t.starts, y)
        if first < last:
            spans.append(Span(kind, first, last))
    return spans


@dataclass(frozen=True, slots=True)
class Tokens:
    """A sentence's words: where each starts and ends, folded, stemmed."""

    starts: list[int]
    ends: list[int]
    folded: list[str]
    present: frozenset[str]  # the folded words
    stems: tuple[str, ...]

    def may(self, needs: frozenset[str]) -> bool:
        return not self.present.isdisjoint(needs)


_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


def tokens(text: str) -> Tokens:
    """Each word's start and end in `text`, folded, and its stem ("" for a stopword), as
    words.words() and stem.stem() read them."""
    if text.isascii():  # one fold for the whole sentence; the places stay the same
        found = list(_ASCII_TOKEN.finditer(text.lower()))
        folded = list(map(_GROUP, found))
    else:
        found = list(TOKEN.finditer(text))
        folded = [fold(m.group()) for m in found]
    if "'" in text or "’" in text:
        folded = [(w[:-2] if w.endswith("'s") else w).replace("'", "") for w in folded]
    # (a dict lookup, cheaper than a call into stem()'s cache for each word of each new
    # sentence: the same stem, "" for a stopword; the words hold no apostrophe by now)
    stems = tuple(map(STEM_OF.__getitem__, folded))
    # (the match methods mapped in C: this runs for every sentence a question first reads)
    starts, ends = list(map(_START, found)), list(map(_END, found))
    return Tokens(starts, ends, folded, frozenset(folded), stems)


def _numbers(text: str, t: Tokens) -> list[tuple[str, int, int]]:
    """Amounts, dates, versions, years and bare numbers; a figure inside an amount or a
    date is not also a version, a year or a number.

    Each pattern is matched only where one can start (a currency sign, a figure, a number
    or date word): run over every position, they were most of the cost of a sentence.
    """
    digits = [m.start() for m in _FIGURE_START.finditer(text)]
    figures = [a for a in digits if _starts_figure(text, a)]
    # (each word list is walked only when a set test in C says it holds such a word: most
    # sentences hold none, and this runs for every sentence a question first reads)
    numbers = (
        [a for a, w in zip(t.starts, t.folded, strict=True) if w in _NUMBER_WORDS]
        if t.may(_NUMBER_WORDS)
        else []
    )
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
    dated = [a for a, w in words if w in _DATE_STARTS] if t.may(_DATE_STARTS) else []
    scan("date", _DATE, figures + dated, True)
    hours = [a for a, w in words if w in _HOUR_WORDS] if t.may(_HOUR_WORDS) else []
    scan("clock", _CLOCK, figures + hours, True)
    after_v = [
        a - 1 for a in digits if a > 0 and text[a - 1] in "vV" and _starts_figure(text, a - 1)
    ]
    scan("version", _VERSION, figures + after_v, False)
    scan("year", _YEAR_RE, figures, False)
    scan("number", _BARE_NUMBER, figures + numbers, False)
    return found


def _relative(text: str, t: Tokens) -> list[tuple[str, int, int]]:
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
            not words[i][:1].isupper()  # (_capitalised, inline: most words are not)
            or fold(words[i]) in STOPWORDS
            or _MONTH_WORDS.match(words[i])
            or _joined(text, starts[i], ends[i])
        ):
            i += 1
            continue
        j = i + 1
        while j < n:
            if not adjacent(text, ends[j - 1], starts[j]):
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
                and adjacent(text, ends[j], starts[j + 1])
            ):
                j += 2
            else:
                break
        # A number right after the name is part of it ("Senate Bill 2972", "Rust 1.20").
        if j < n and words[j][:1].isdigit() and adjacent(text, ends[j - 1], starts[j]):
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


def adjacent(text: str, end: int, start: int) -> bool:
    """Whether only spaces lie between two words (no comma, dash or bracket)."""
    return text[end:start].isspace()


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _clauses(kind: str, pattern: re.Pattern[str], text: str) -> list[tuple[str, int, int]]:
    """Each match of `pattern` (a reason or means connective) with the rest of its clause."""
    out = []
    for m in pattern.finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        out.append((kind, m.start(), end.start() if end else len(text)))
    return out


def _instructions(text: str) -> list[tuple[str, int, int]]:
    """What tells how (see _ADDRESSEE, _IMPERATIVE): from the modal or the verb to the end
    of its clause."""
    out = []
    for m in _ADDRESSEE.finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        out.append(("instruction", m.start(), end.start() if end else len(text)))
    m = _IMPERATIVE.match(text)
    # (a verb opening the sentence before a plain word is read in a sentence holding code
    # only, "Use go get -tool to add…": "Track record matters" is none; after "To …," the
    # clause has no subject but an imperative's)
    if m and (m.group("object") or m.group("opener") or _MAY_BE_CODE.search(text)):
        verb = m.group("verb").lower()
        if not (
            verb in _NOT_IMPERATIVE
            or (verb.endswith(("s", "ed", "ing", "ly")) and not verb.endswith(("ss", "eed", "ply")))
            or (m.start("verb") == 0 and m.group("verb")[0].islower())
            # after an opener the clause's first word is written lower-case: a capital is
            # a name, its subject ("To be sure, Go is…")
            or (m.group("opener") and m.group("verb")[0].isupper())
            # a plain word with an -s after the verb is a verb of the subject's ("To do
            # this, cargo uses…"), no object
            or ((m.group("word") or "").endswith("s") and not m.group("word").endswith("ss"))
        ):
            end = _CLAUSE_END.search(text, m.end("verb"))
            out.append(("instruction", m.start("verb"), end.start() if end else len(text)))
    return out


def _code(text: str) -> list[tuple[str, int, int]]:
    """Code-like tokens (see _CODE), or the whole sentence when it is a line of code."""
    if CODE_LINE.search(text):  # Features.code_line
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
