"""What a question asks for, and how well one sentence gives it.

"How many…" wants an amount, "who…" a name, "when…" a date, "what time…" an hour, "where…"
a place, "why…" a reason, "how do I…" a way or a command, "is/does/did…" a yes or a no,
"what/which X…" something named next to an X. A sentence gives it when it holds a span of
that kind (see features.py) that is not just the question's own words, close to the
question's words it matches.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.search.comparisons import asks_difference, multiples, states_difference
from bot.search.degree import asks_degree, degrees
from bot.search.features import IRREGULAR_PLURALS, Features, plural
from bot.search.irregular import PAST_FORMS
from bot.search.likeness import asks_likeness, likenesses
from bot.search.no_comment import answers_no_who
from bot.search.policy import Policy
from bot.search.query import Query
from bot.search.question_words import QUESTION_WORDS, YES_NO_START
from bot.search.sentence_spans import Span, Tokens, adjacent
from bot.search.stem import stem
from bot.search.words import STOPWORDS

# For each kind of question, the kinds of span that answer it fully, then those that
# answer it in part (Policy.partial_fit).
FITS: Mapping[str, tuple[frozenset[str], frozenset[str]]] = {
    "number": (frozenset({"amount"}), frozenset({"number"})),
    # A time told from now ("in a year", "40 years ago") fits Policy.relative_date_fit.
    "when": (frozenset({"date", "year", "relative"}), frozenset({"version"})),
    # "What time…" asks for the hour ("at about 11pm"); a day ("late on Monday night")
    # says when, not what time.
    "time": (frozenset({"clock"}), frozenset()),
    "version": (frozenset({"version"}), frozenset({"number", "amount"})),
    "who": (frozenset({"name"}), frozenset({"quote"})),
    "where": (frozenset({"place"}), frozenset({"name", "code"})),
    "why": (frozenset({"reason"}), frozenset({"means"})),
    # A whole line of code (a command, a snippet) answers "how do I…" only: asked "what is
    # X" or "which package…", a member wants the sentence naming it, not a listing that
    # happens to hold the question's words.
    "how": (frozenset({"code", "line", "means", "manner"}), frozenset()),
    # "Is the US even at the talks": a sentence saying so, or not ("The U.S., which is not
    # attending the talks"), "always" or "never", next to the question's words.
    "yesno": (frozenset({"polarity"}), frozenset()),
    "what": (
        frozenset({"name", "code", "quote"}),
        frozenset({"amount", "number", "date", "year", "version"}),
    ),
}

# "What does X do": a quote may say it; the definition's object (see typed_fit) does.
_DOING = (frozenset({"quote"}), frozenset())


def _nouns(text: str, kind: str) -> dict[str, str]:
    return dict.fromkeys(text.split(), kind)


# What/which + a noun of one of these classes asks for that kind of answer: "what
# percentage" for an amount, "which year" for a date, "what time" for the hour, "which
# city" for a place, "what person" for a name, "which release" for a version number ("Rust
# 1.41", "Go 1.4"; a code line or a name is no release). General English nouns, not words
# of any question set.
_HEAD_KINDS: Mapping[str, str] = {
    **_nouns(
        "number numbers percentage percent share amount average price cost size rate total age"
        " salary population count value budget fee fine speed length height weight distance"
        " capacity revenue sum",
        "number",
    ),
    **_nouns("year years date day month week decade century era", "when"),
    **_nouns("time hour", "time"),
    **_nouns(
        "city country state place town location county region site venue address street"
        " continent island village",
        "where",
    ),
    **_nouns("person people man woman author founder ceo", "who"),
    **_nouns("release releases version versions", "version"),
}

# English nouns whose plural is not the singular and an ending, both ways, so that "how
# many people" counts "a five-person board" and "how many children" "each child": the
# stemmer leaves them apart.
_NUMBER_FORM: Mapping[str, tuple[str, ...]] = {
    **{many: (one,) for one, many in IRREGULAR_PLURALS},
    **{one: (many,) for one, many in IRREGULAR_PLURALS},
}
MANY = stem("many")
_OLD = stem("old")
# The units a measure word asks for: "how long" a time or a length ("each 30-minute
# episode", "a 2km bridge"), "how old" an age (not "how far", as often a degree: "how
# far off track is the world" wants "63% off track"). An amount in another
# unit counts something else ("a 52-episode podcast series" says nothing of how long
# each episode is): it fits only in part (Policy.partial_fit). English's units, the whole
# class, not those of a question set.
_TIME_UNITS = (
    "second minute hour day night week fortnight month year decade century millennium"
    " millisecond microsecond nanosecond sec min hr ms"
)
_LENGTH_UNITS = (
    "millimetre millimeter centimetre centimeter metre meter kilometre kilometer mm cm km"
    " mile foot feet inch yard ft"
)
_MEASURE_UNITS: Mapping[str, frozenset[str]] = {
    stem(measure): frozenset(stem(u) for u in units.split())
    for measure, units in (
        ("long", f"{_TIME_UNITS} {_LENGTH_UNITS}"),
        ("old", _TIME_UNITS),
    )
}
# "What share of X" asks for a part of X: an amount in percent ("62 percent", "15%") or a
# ratio ("one in five"); another amount ("0.7 milligram of fluoride", "$3,462") is of
# something else and fits only in part (Policy.partial_fit), as an amount in another unit
# does for "how long". Only before "of": "what share price" asks for a price. English's
# nouns of a part, not a question set's.
_SHARE_NOUNS = frozenset(["percent", "percentage", "share", "proportion", "fraction"])
SHARE_UNITS = frozenset(stem(u) for u in ["percent", "cent", "percentage"])
# Words between "what/which" and its noun: "what is the", "which of the", "what did".
_BEFORE_HEAD = frozenset(
    [
        "is",
        "was",
        "are",
        "were",
        "be",
        "the",
        "a",
        "an",
        "of",
        "does",
        "did",
        "do",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
    ]
)


@dataclass(frozen=True, slots=True)
class Wanted:
    """What one question asks for (all words as stems): the kinds of span that answer it
    fully and in part; the nouns it names as the thing asked about ("program" in "what
    program…", "photos" in "how many photos…"); the question's own words; those of them
    that only say what kind of answer is wanted ("long" in "how long", "year" in "which
    year"); and its pairs of adjacent words ("hudson yards", "ella rumpf")."""

    kind: str | None
    full: frozenset[str] = frozenset()
    partial: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    asked: frozenset[str] = frozenset()
    form: frozenset[str] = frozenset()
    pairs: tuple[tuple[str, str], ...] = ()
    # Its words followed by no content word ("reviewing" in "reviewing the day…", not
    # "finding" in "finding trusted answers"): their object may be what is asked for.
    objectless: frozenset[str] = frozenset()
    # Of those, the ones that may be verbs: not right after a preposition or determiner
    # ("split" in "delimiter for split" is a noun; its "object" is no answer).
    verbs: frozenset[str] = frozenset()
    # The preposition the question ends with ("…take off from", "…mix him up with"): what
    # it asks for is that preposition's object.
    stranded: frozenset[str] = frozenset()
    # The units an amount answering it is in ("how long": a time or a length), if the
    # question's measure word says (see _MEASURE_UNITS); empty for any unit.
    units: frozenset[str] = frozenset()
    # The words read for `heads`, as written and in order ("county", "sued", "meta" of
    # "which county sued meta…"): where the asked noun's phrase ends (see head_phrase).
    head_words: tuple[str, ...] = ()
    # "How much more / bigger…", "how far over…": it asks by how much two things differ
    # (see comparisons.py).
    compares: bool = False
    # "Is rochko still…", "does fema still…": a yes/no question asking whether a state
    # goes on, which verbs of continuing and stopping answer (sentence_spans._ASPECT).
    persists: bool = False
    # "What does X compare Y to", "what is X like": it asks what a thing is likened to,
    # the phrase after "like", "likened to", "no different from"… (see likeness.py).
    likens: bool = False
    # "Was rust 1.77 a big release": a yes/no question asking whether a thing is so, which
    # the words saying how much it is answer ("relatively minor", "the largest"; degree.py).
    grades: bool = False
    # "Until when…", "by when…": the preposition the question word is the object of; the
    # answer is its object in the text ("…accept submissions until July 7th"), a function
    # word the sentence stems do not hold (see passage.Passages._likely).
    governs: str = ""
    # "How do I / how can I / how to <verb> X": it asks how to do something, which a
    # sentence telling the reader how answers (an imperative, "you can <verb>…":
    # sentence_spans._instructions), not only a means or a line of code.
    instructs: bool = False

    @classmethod
    def of(cls, q: Query) -> Wanted:
        kind = q.kind
        if _opens_yes_no(q.words, kind):
            kind = "yesno"
        form: set[str] = set()
        heads: tuple[str, ...] = ()
        share = False  # "what share of X": a part of X (_SHARE_NOUNS)
        if kind == "what" and _subject_after_what(q.words) is None:
            heads = words_after(q.words, QUESTION_WORDS | {"whats"}, 4)
            for head in heads:
                if head in _HEAD_KINDS:
                    kind = _HEAD_KINDS[head]
                    form.add(head)
                    share = head in _SHARE_NOUNS and _followed_by(q.words, head, "of")
                    break
        elif kind == "number":
            # "how many photos…": "many" says an amount is wanted, "photos" what it counts.
            after = words_after(q.words, {"how"}, 4)
            if after[:1] == ("many",):
                after = _counted_phrase(words_after(q.words, {"how"}, _COUNTED_WORDS), after)
            form.update(after[:1])
            heads = after[1:]
        full, partial = FITS.get(kind or "", (frozenset(), frozenset()))
        if kind == "what" and _asks_doing(q.words):
            full, partial = _DOING
        stems = q.terms.stems
        return cls(
            kind=kind,
            full=full,
            partial=partial,
            heads=frozenset(stem(x) for h in heads for x in (h, *_NUMBER_FORM.get(h, ())))
            - {stem(f) for f in form},
            asked=frozenset(stems),
            form=frozenset(stem(w) for w in form),
            pairs=tuple((a, b) for a, b in zip(stems, stems[1:], strict=False) if a != b),
            objectless=_objectless(q.typed),
            verbs=_objectless(q.typed, verbs=True),
            stranded=_STRANDED & set(q.typed[-1:]) if kind in _STRANDED_KINDS else frozenset(),
            units=SHARE_UNITS
            if share
            else frozenset().union(*(_MEASURE_UNITS.get(stem(f), ()) for f in form))
            if kind == "number"
            else frozenset(),
            head_words=heads,
            compares=kind == "number" and asks_difference(q.words),
            # (`typed`: the ask drops "still"/"anymore" from `words`, present.without_frame)
            persists=kind == "yesno" and not _PERSISTS.isdisjoint(q.typed),
            likens=kind in ("what", "who") and asks_likeness(q.typed),
            grades=kind == "yesno" and asks_degree(q.typed),
            governs=q.typed[0]
            if kind == "when" and q.typed[1:2] == ("when",) and q.typed[0] in _GOVERNING
            else "",
            instructs=kind == "how" and _asks_how_to(q.typed),
        )

    def head_phrase(self) -> Wanted:
        """This, its heads ending at the question's verb: "which county sued meta over scam
        ads" asks about a county, not about "meta" (words_after reads up to four words,
        as "which texas bill bans…" gives no sign where the noun's phrase ends). A verb in
        its past form after the first word (one ending "-ed", not "-eed": "speed"; or an
        irregular past, "ran", "wrote") opens the predicate; the words after it are no
        heads unless written before it too. The verb stays one: a name beside it is who
        did it ("…says Stephanie Grisham" for "which ex trump aide said…"; cutting it
        lost that case). A question whose heads hold no such word is returned as it is."""
        ws = self.head_words
        cut = next((k for k, w in enumerate(ws) if k and _past_verb(w)), None)
        if cut is None or self.kind not in ("what", "where", "who", "when", "version"):
            return self
        kept = {stem(x) for h in ws[: cut + 1] for x in (h, *_NUMBER_FORM.get(h, ()))}
        dropped = {stem(w) for w in ws[cut + 1 :]} - kept
        return replace(self, heads=self.heads - dropped)


# "How do I…", "how can you…", "how should one…": the addressee's modal and pronoun after
# "how" (English's closed classes); "how to…" asks the same.
_HOW_MODALS = frozenset(["do", "can", "could", "should", "would", "might", "may", "must"])
_HOW_ADDRESSEES = frozenset(["i", "you", "we", "one"])


def _asks_how_to(words: Sequence[str]) -> bool:
    """Whether a "how" question asks how to do something (Wanted.instructs): "how" then
    "to", or a modal and "I/you/we/one" ("how do i install…", "how can you tell…")."""
    for k, w in enumerate(words):
        if w == "how":
            nxt = tuple(words[k + 1 : k + 3])
            return nxt[:1] == ("to",) or (
                len(nxt) == 2 and nxt[0] in _HOW_MODALS and nxt[1] in _HOW_ADDRESSEES
            )
    return False


# The words asking whether a state goes on (Wanted.persists): English's adverbs of
# continuing ("still", "anymore", "any longer") and its verbs of keeping on.
_PERSISTS = frozenset(
    ["still", "anymore", "longer", "keep", "keeps", "continue", "continues", "remain"]
)
# Prepositions of time a question may open with, its "when" their object ("until when",
# "by when", "since when"): English's closed class.
_GOVERNING = frozenset(["until", "till", "by", "since", "from", "before", "after"])
# The most words "how many" reads for the noun it counts (see _counted_phrase).
_COUNTED_WORDS = 6


def _counted_phrase(longer: Sequence[str], after: tuple[str, ...]) -> tuple[str, ...]:
    """The words of "how many X…" up to the noun it counts: English marks a compound's
    head, its last noun, as plural, so "how many vaccine advisory committee members did…"
    counts members, four words on (three words after "many" left it out, and "17 sitting
    members" was no count of what was asked). Up to the first plural in `longer` (the
    words after "how", more of them); `after` (the first four) when none is a plural
    past those."""
    first = next((k for k, w in enumerate(longer) if k and plural(w)), None)
    if first is not None and first >= len(after):
        return tuple(longer[: first + 1])
    return after


# The kinds whose question word may open a clause of time or place inside a yes/no
# question ("was he joking when he asked…"); "how many", "who", "what" after its subject
# ask for themselves ("did the report say how many toasters were fixed": an indirect
# question, asked as "how many…" is).
_CLAUSE_KINDS = frozenset(["when", "where"])


def _opens_yes_no(ws: Sequence[str], kind: str | None) -> bool:
    """Whether the question opens with the verb of a yes/no question and its question
    word opens a clause of time or place inside it ("was trump joking when he asked…",
    "will old links break when everything moves…"): it asks yes or no (the rule
    query.kind_of_folded reads for a later "when" after "where"), and a date beside
    "joking" does not say whether he was."""
    return kind in _CLAUSE_KINDS and bool(ws) and ws[0] in YES_NO_START


def _past_verb(word: str) -> bool:
    """Whether `word` reads only as a verb's past ("sued", "commissioned", "wrote")."""
    w = word.lower()
    return (len(w) > 3 and w.endswith("ed") and not w.endswith("eed")) or w in PAST_FORMS


# Prepositions a question may end with, its object moved to the front as the question
# word: "where did the drones take off from" asks for X of "took off from X".
_STRANDED = frozenset(
    ["about", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "to", "with"]
)
# ...for questions asking for a thing, a person or a place: "how much were they asking
# for" asks for an amount, not for whatever follows "for" ("asking for the company's
# help"), and "which release is it on by default in" for a version.
_STRANDED_KINDS = frozenset(["who", "what", "where"])


# Words after which a word is a noun, not a verb: prepositions and determiners (also
# sites.names_used: a project named "in go" is no verb).
NOUN_AFTER = frozenset(
    [
        *("a", "an", "the", "this", "these", "that", "those"),
        *("its", "their", "his", "her", "our", "my", "your"),
        *("for", "of", "in", "on", "at", "with", "about", "from", "by", "into", "over", "under"),
    ]
)


def _objectless(ws: Sequence[str], verbs: bool = False) -> frozenset[str]:
    """Stems of the content words followed by no content word: the question's verbs
    whose object it asks for ("reviewing" in "reviewing the day…"; not "finding" in
    "finding trusted answers"); with `verbs`, only those that may be verbs (not right
    after a preposition or determiner: "for split")."""
    return frozenset(
        stem(w)
        for i, w in enumerate(ws)
        if w not in STOPWORDS
        and (i + 1 == len(ws) or ws[i + 1] in STOPWORDS)
        and not (verbs and i and ws[i - 1] in NOUN_AFTER)
    )


def _subject_after_what(ws: Sequence[str]) -> int | None:
    """Where the question's subject starts when "what" is the object of its verb ("what
    does the declaration want", "what did the sec want…"): after "what do/does/did"; None
    otherwise. The noun there is who does it, not the kind of thing asked for."""
    for k, (a, b) in enumerate(zip(ws, ws[1:], strict=False)):
        if a in ("what", "whats"):
            return k + 2 if b in ("do", "does", "did") else None
    return None


def _asks_doing(ws: Sequence[str]) -> bool:
    """Whether "what" is the object of "do" itself ("what does encodeURI do to a
    string"): the answer is what its subject does (a definition, "…is a function that
    encodes…"), not a name, a number or a code line."""
    at = _subject_after_what(ws)
    return at is not None and "do" in ws[at + 1 :]


def words_after(ws: Sequence[str], starts: set[str] | frozenset[str], most: int) -> tuple[str, ...]:
    """Up to `most` content words right after the first of `starts` ("what program did…"
    -> program; "which texas bill bans…" -> texas, bill, bans, speech; "how many photos
    are…" -> many, photos), skipping the function words before them ("what is the…"), and
    a noun of kind before "of" ("what kind of officer…" -> officer: see _KIND_OF)."""
    out: list[str] = []
    started = False
    for k, w in enumerate(ws):
        if not started:
            started = w in starts
        elif not out and w in _KIND_OF and k + 1 < len(ws) and ws[k + 1] == "of":
            continue  # ("of" is a function word: the noun after it is read next)
        elif w not in STOPWORDS or (w in ("many", "much") and not out):
            out.append(w)
            if len(out) == most:
                break
        elif out or w not in _BEFORE_HEAD:
            break
    return tuple(out)


def _followed_by(ws: Sequence[str], word: str, after: str) -> bool:
    """Whether `word`'s first place in `ws` has `after` next ("share" then "of")."""
    k = ws.index(word) if word in ws else -1
    return 0 <= k < len(ws) - 1 and ws[k + 1] == after


# English's nouns of kind: "what kind of officer", "which type of drones", "what sorts of
# documents" ask for a kind of the noun after "of" ("a Customs and Border Protection
# officer", "a Hotmail email address"); the noun of kind names no thing in the article.
_KIND_OF = frozenset(["kind", "kinds", "type", "types", "sort", "sorts"])


def typed_fit(
    f: Features,
    wanted: Wanted,
    weight: Mapping[str, float],
    matched: set[str],
    policy: Policy,
    leaned: bool | Callable[[], bool] = False,
    unmatched: float | None = None,
) -> float:
    """How well sentence `f` holds an answer of the kind wanted: its best span of a kind
    that answers (1; partial kinds Policy.partial_fit) and holds a word the question does
    not, by how close it is to the question terms the sentence matches (`matched`, weighed
    by `weight`; Policy.unanchored when it matches none). A span naming, or next to, the noun the
    question asks about fits 1 + Policy.named_answer wherever it is ("2,900 photos" for
    "how many photos"); an amount of something else, when the question names what it
    counts, fits only Policy.partial_fit ("28 pupils" for "how many birds"). `unmatched`,
    when given, is the closeness of a sentence matching none that is read as next to the
    words of the sentences beside it (passage.Passages.neighbour_fit). `leaned`: whether
    the sentence leans back on one naming question words (Policy.leaning), or a call that
    tells, made only for a span that needs it."""
    if not wanted.full and not wanted.partial:
        return 0.0
    stems = f.stems
    counts = wanted.kind == "number" and bool(wanted.heads)
    tallies = counts and MANY in wanted.form  # "how many X": a count of X is asked for
    spans = f.spans(wanted.full | wanted.partial)
    if wanted.kind == "what":
        # "what was she reviewing": the object of a question word that has none in it;
        # "what delimiter…": what "the delimiter is" ("…delimiter is a comma").
        verbs = wanted.verbs & matched
        nouns = (wanted.objectless | wanted.heads) & matched
        if verbs or nouns:
            spans = spans + f.objects(frozenset(verbs), frozenset(nouns))
        if wanted.heads & matched:
            spans = spans + f.labelled(wanted.heads & matched)
    if policy.naming_answer and wanted.kind == "what" and _asks_name(wanted):
        spans = spans + _named(f)
    if wanted.units:
        spans = spans + f.plurals(wanted.units)  # "spend months" for "how long", in part
    if wanted.persists and policy.aspect_fit:
        spans = spans + f.spans(("aspect",))  # "will continue…", "no longer…"
    differs = wanted.compares and policy.difference_only > 0
    if differs:
        spans = spans + multiples(f)  # "nearly double the amount" for "how much more…"
    if wanted.stranded and matched:
        spans = spans + f.after_word(wanted.stranded, frozenset(matched))
    if wanted.instructs and policy.instruction_fit:
        spans = spans + f.spans(("instruction",))  # "you can build…", "use an image.Uniform"
    if wanted.grades and policy.degree_fit:
        spans = spans + degrees(f)  # "This release is relatively minor" for "was … big"
    if wanted.likens and policy.likeness_fit:
        spans = spans + likenesses(f)  # "It's like a flat soda" for "…compare X to"
    if not spans:
        return 0.0  # (most sentences hold no span of the kinds asked for)
    if (
        wanted.kind == "who"
        and policy.no_comment_who
        and answers_no_who(f.text, wanted.asked, policy.no_comment_subject_words)
    ):
        return 0.0  # "X declined to comment": X said nothing, answering no "who"
    at = [(k, s, weight.get(s, 0.0)) for k, s in enumerate(stems) if s in matched]
    governed = _governed(f, wanted.governs) if wanted.governs and policy.governed_fit else ()
    best = 0.0
    for span in spans:
        inside = {s for s in stems[span.start : span.end] if s}
        if inside and inside <= wanted.asked:
            continue  # the question's own words: no answer
        if span.kind == "instruction" and inside.isdisjoint(matched):
            # "…for going offline, use the cargo fetch command" for "how do i download
            # offline maps": an instruction tells how to do what the question asks only
            # when its own clause names some of it ("use rustup … rustfmt").
            continue
        if span.start in governed:
            # "until July 7th" for "until when…": the question's own preposition is
            # next to it, as near as a question word can be.
            near = policy.governed_fit
        elif at:
            near = _closeness(span.start, span.end, at, policy)
        elif unmatched is not None:
            near = unmatched
        else:
            if callable(leaned):  # (read here alone: most spans never get this far)
                leaned = leaned()
            near = policy.leaning if leaned else policy.unanchored
        if tallies and span.kind == "amount" and f.counts_head(span, wanted.heads):
            # "Forty schools…", "84,300 people sat…" for "how many schools/people…": the
            # count written as the asked noun's determiner is that noun's number (not "the
            # 51 schools", nor "her class of 28 pupils" beside "took part"). Added, not
            # scaled by closeness: between two such counts, closeness decides as before.
            best = max(best, (1.0 + policy.named_answer) * near + policy.count_head)
            continue
        if wanted.heads and _names_head(f, span, wanted.heads):
            fit = 1.0 + policy.named_answer
        elif (
            policy.kind_name_answer
            and span.kind in ("name", "place")
            and span.end - span.start > 1
            and stems[span.end - 1] in wanted.form
        ):
            # "Santa Clara County" for "which county…": a name ending with the noun
            # saying the kind asked for is one of that kind, named.
            fit = 1.0 + policy.kind_name_answer
        elif counts and span.kind == "amount" and f.counts_done(span, matched):
            # "“400,000 deported”" for "how many people … were deported": those the
            # question's verb was done to, what it counts.
            fit = 1.0 + policy.named_answer
        elif span.kind == "stranded":
            # "confused Jordan with the YouTuber Ryan McBeth" for "…mix benn jordan up with"
            fit = policy.stranded_fit
        elif (
            span.kind == "name"
            and wanted.kind == "who"
            and (
                f.agent(span)
                or _titled(stems, span, matched, wanted.asked)
                or f.titled(span, frozenset(matched), policy.role_words)
            )
        ):
            # "…done by Rich Kadel", "Arlo Siemsen who implemented…": who did it;
            # "Garda Commissioner Justin Kelly" for "who is the garda commissioner": the
            # title written before a name is what the question asks who holds.
            fit = 1.0 + policy.agent_answer
        elif (
            span.kind == "name"
            and wanted.kind == "who"
            and policy.apposed_answer
            and f.apposed(span, frozenset(matched))
        ):
            # "Anna Kelly, a White House spokeswoman, said…", "…said the lead author, Erin
            # Matson" for "who spoke for the white house", "who is the lead author": the
            # role set off by commas is the question's words, the name who holds it.
            fit = 1.0 + policy.apposed_answer
        elif span.kind == "name" and (
            (wanted.kind == "who" and not inside.isdisjoint(wanted.asked))
            or (wanted.kind == "what" and stems[span.end - 1] in wanted.asked)
        ):
            # "Chrome Web Store" for "who is behind the … chrome extension": a name holding
            # the question's words names what the question is about, not who; for "what/
            # which", one ending with them ("Bari Weiss" for "…has weiss…": a name ends
            # with its head), not one opening with them ("Copyright Act of 1909").
            fit = policy.asked_name_fit
        elif span.kind == "named":
            fit = 1.0 + policy.naming_answer  # "dubbed Sharpiegate" for "what was … called"
        elif span.kind == "likeness":
            fit = policy.likeness_fit  # "likened to Tony Stark" for "who … compare musk to"
        elif span.kind == "manner":
            fit = policy.manner_fit  # "in a rather ad-hoc fashion" for "how does X schedule…"
        elif span.kind == "instruction":
            fit = policy.instruction_fit  # "To fill a rectangle…, use…" for "how do i fill…"
        elif span.kind == "degree":
            fit = policy.degree_fit  # "the largest edition" for "is rust 2024 the biggest…"
        elif span.kind == "aspect":
            fit = policy.aspect_fit  # "Rochko will continue…" for "is rochko still…"
        elif span.kind == "relative":
            fit = policy.relative_date_fit  # "is going to go away in a year" for "when…"
        elif span.kind == "object":
            fit = policy.object_fit
        elif (
            wanted.units
            and span.kind == "amount"
            and not f.in_units(span, wanted.units, wanted.units == SHARE_UNITS)
        ):
            fit = policy.partial_fit  # "a 52-episode series" for "how long is each episode"
        elif differs and span.kind == "amount":
            # "20 times higher than the limit" for "how far over the limit is…" answers;
            # "the limit of one incidence … in a million people" is the size of one thing
            # compared, not by how much they differ: in part.
            percent = f.in_units(span, SHARE_UNITS, True)
            fit = 1.0 if states_difference(f, span, percent) else policy.partial_fit
        elif span.kind == "number" and _OLD in wanted.form and f.age(span):
            fit = 1.0  # "says Hu, 32" for "how old is…": an age, in years
        elif span.kind in wanted.full and not counts:
            fit = 1.0
        else:
            fit = policy.partial_fit
        best = max(best, fit * near)
    return best


def _governed(f: Features, preposition: str) -> frozenset[int]:
    """The places right after `preposition` in the sentence: a span opening there is its
    object ("until Monday, July 7th")."""
    words = f.tokens().folded
    return frozenset(k + 1 for k, w in enumerate(words) if w == preposition)


# English's verbs that give a thing its name, as written ("called", "dubbed", "nicknamed",
# "termed", "christened", "labelled", "titled": the past participles and "calling", not
# the noun of "call centers"), and those that do with "as" a few words on ("known among
# some as", "described as", "referred to as"): the whole closed class, not a question's.
_NAMING_FORMS = frozenset(
    [
        "called",
        "calling",
        "named",
        "naming",
        "dubbed",
        "nicknamed",
        "termed",
        "christened",
        "labelled",
        "labeled",
        "titled",
    ]
)
_NAMING = frozenset(stem(w) for w in _NAMING_FORMS)
_NAMING_AS = frozenset(["known", "described", "referred"])
# The words between a naming verb and the name it gives: "calling him “BradBot”", "also
# called a PDS", "referred to as the…".
_BEFORE_NAME = frozenset(
    [
        "as",
        "to",
        "a",
        "an",
        "the",
        "him",
        "her",
        "it",
        "them",
        "this",
        "these",
        "that",
        "those",
        "us",
        "me",
    ]
)
# At most this many words of the name after them.
_NAME_WORDS = 5


def _joined(t: Tokens, text: str, k: int) -> bool:
    """Whether word k goes on the phrase of the word before it: only spaces between."""
    return adjacent(text, t.ends[k - 1], t.starts[k])


def _asks_name(wanted: Wanted) -> bool:
    """Whether a "what" question asks for what something is called: it writes a naming
    verb or noun ("what was … called", "what nickname did…", "whats the name of…")."""
    return not wanted.asked.isdisjoint(_NAMING) or not wanted.heads.isdisjoint(_NAMING)


def _named(f: Features) -> list[Span]:
    """The names a sentence gives by a naming verb: the words after "dubbed", "called",
    "known as"…, past a pronoun or determiner, up to a clause break, a function word or
    _NAME_WORDS words ("The incident, dubbed Sharpiegate for…" -> "Sharpiegate";
    "calling him “BradBot”" -> "BradBot"; "also called a PDS" -> "PDS")."""
    t = f.tokens()
    stems, words = t.stems, t.folded
    out: list[Span] = []
    n = len(stems)
    for k, w in enumerate(words):
        if w in _NAMING_AS and "as" in words[k + 1 : k + 4]:
            verb = words.index("as", k + 1)  # (the name comes after "as")
        elif w in _NAMING_FORMS:
            verb = k
        else:
            continue
        j = verb + 1
        while j < n and words[j] in _BEFORE_NAME and j - verb <= 3:
            j += 1
        end = j + 1 if j < n and stems[j] else j
        while end < n and end - j < _NAME_WORDS and stems[end] and _joined(t, f.text, end):
            end += 1
        if end > j:
            out.append(Span("named", j, end))
    return out


def _titled(stems: Sequence[str], span: Span, matched: set[str], asked: frozenset[str]) -> bool:
    """Whether the name opens with a title of the question's words, every one its
    sentence holds and two of them or the question's only one ("Garda Commissioner"; not
    "National" of "National Mining Association"), and goes on with two words or more the
    question does not hold (a person's names, "Justin Kelly"; "An Garda Síochána" is one
    name, the force's)."""
    words = [x for x in stems[span.start : span.end] if x]
    k = 0
    while k < len(words) and words[k] in matched:
        k += 1
    title, rest = set(words[:k]), words[k:]
    return (
        (len(title) >= 2 or bool(title) and title == asked)
        and len(rest) >= 2
        and title >= matched
        and matched.isdisjoint(rest)
    )


def _names_head(f: Features, span: Span, heads: frozenset[str]) -> bool:
    """Whether the span ends with, or is next to, a noun the question asks about. Inside
    a name the noun is its head only as its last word ("the Elder Scrolls games", "Cartoon
    Network Studios"); before another word it modifies it: the "Game Awards" are no game."""
    stems = f.stems
    a, b = max(0, span.start - 2), min(len(stems), span.end + 2)
    # (set tests in C: this runs for every span of every sentence a question fits)
    if span.kind != "name":  # (an amount's unit, a code token's part: "aarch64-apple-darwin")
        return not heads.isdisjoint(stems[a:b])
    return not heads.isdisjoint(stems[a : span.start]) or not heads.isdisjoint(
        stems[span.end - 1 : b]
    )


def _closeness(start: int, end: int, at: list[tuple[int, str, float]], policy: Policy) -> float:
    """How close a span is to the question words of its sentence (`at`: their places,
    stems and weights): for each word, 1 when its nearest use touches the span, half at
    Policy.closeness_words words apart; averaged by weight. Policy.unanchored for a
    sentence matching none (another sentence of the window does)."""
    nearest: dict[str, float] = {}
    weights: dict[str, float] = {}
    for k, s, w in at:
        gap = start - k if k < start else (k - end + 1 if k >= end else 0)
        near = 1.0 / (1.0 + max(0, gap - 1) / policy.closeness_words)
        nearest[s] = max(nearest.get(s, 0.0), near)
        weights[s] = w
    total = sum(weights.values())
    if not total:
        return policy.unanchored
    return sum(weights[s] * near for s, near in nearest.items()) / total
