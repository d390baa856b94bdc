"""Who said a quote: reading the attribution around it, and resolving who it names.

A reader finds a quote's speaker in the attribution around it ("X said", "said X, a
nurse", "according to X", "X told Reuters: …", "X said the plan was “…”"), and when that
is a pronoun or a description ("she said", "the group said", "a spokesperson for X said",
"said the 16-year-old") in whom the article was just talking about. Names are read as
written (`bot.library.names`), then resolved against the names the article gives in full
("Valeri" → "Mark Valeri", "EPA" → "Environmental Protection Agency").
`bot.library.quotes` finds the quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.library.names import (
    NOT_NAMES,
    ORG_WORDS,
    PRONOUNS,
    SUFFIXES,
    TITLES,
    cut_role,
    head_name,
    initials,
    is_org,
    name_spans,
    names_in,
    person_like,
    strip_titles,
    words,
)
from bot.library.sentences import SPEECH_VERBS, split_sentences

_ROLE_ABBREVIATIONS = words("ceo cfo cto coo cmo vp evp svp pr md gm ai")
_VERBS = (
    SPEECH_VERBS + r"|concludes|describes|described|responded|responds|saying|writing|"
    r"adding|noting|telling|explaining|arguing|posting"
)
# Verbs that report someone's words without quoting a whole sentence: "X said the plan was
# “…”", "what X called “…”".
_REPORTING = (
    SPEECH_VERBS + r"|argued|argues|called|calls|urged|urges|testified|vowed|acknowledges|"
    r"contends|contended|concedes|conceded|maintains|maintained|responded|responds"
)
# After these the name is who was spoken to ("told Rest of World"), not who spoke.
_TO_SOMEONE = re.compile(r"told|tells|asked|asks")
_ADVERB = r"(?:\w+ly\s+)?"

_AFTER_PRONOUN = re.compile(
    r"\s*[,.]?\s*(?P<p>he|she|they|i|we)\s+" + _ADVERB + r"(?:" + SPEECH_VERBS + r")\b", re.I
)
_AFTER_VERB = re.compile(r"\s*[,.]?\s*" + _ADVERB + r"(?:" + SPEECH_VERBS + r")\s+")
_AFTER_ACCORDING = re.compile(r"\s*,?\s*according to\s+")
# "…,” founder Robert P. George wrote", "…,” Manik’s email began" (a document speaks for
# its writer): matched within the clause after the quote.
_AFTER_SUBJECT = re.compile(
    r"(?P<subject>.{1,100}?)\s+" + _ADVERB + r"(?:" + SPEECH_VERBS + r"|began|begins)\b"
)
_BEFORE_VERB = re.compile(
    r"(?:\b(?:" + _VERBS + r")\b(?:[^.!?“”\":,]{0,60})?[:,]\s*|\b(?:" + _VERBS + r")\s+)\Z"
)
_BEFORE_SAID_DOT = re.compile(r"\b(" + SPEECH_VERBS + r")\b[^.!?“”\"]{0,120}[.:]\s*\Z")
_IN_WORDS = re.compile(r"\b[Ii]n (?P<p>his|her) (?:own )?words,?\s*\Z")
_BEFORE_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<rest>[^,“”\"]{1,80}),\s*\Z")
_SPEECH = re.compile(r"\b(?:" + SPEECH_VERBS + r")\b")
_REPORTED = re.compile(r"\b(?:" + _REPORTING + r")\b(?=[^.!?“”\"]{0,150}\Z)")
_CLAUSE = re.compile(r"[^.;:!?“”\"()—–]*")
_SENTENCE_END = re.compile(r"[.!?…][”\"’)]*\s+(?=[“\"A-Z])")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")
_YEAR_OLD = re.compile(r"(\d+)-year-old")
# "As the SEC wrote …", "In a statement, Meta said …": what comes before the subject.
_OPENER = re.compile(
    r"^\s*(?:(?:as|like|when|while|but|and|so|yet|then|also|even|meanwhile|separately|however)"
    r"\b\s*,?\s*|(?:in|on) (?:a|an|the|its|his|her|their) [^,]{1,40},\s*)+",
    re.IGNORECASE,
)
_DESCRIPTION = re.compile(r"(?:a|an|the|one|another)\s", re.IGNORECASE)
_DOCUMENT = re.compile(
    r"(?P<name>.+?)[’']s?\s+(?:\w+\s+)?(?:email|letter|statement|post|tweet|message|"
    r"newsletter|press release|blog post|website|account)\Z"
)
_HANDLE = re.compile(r"(?:\w+\s+){1,2}(?:by|from)\s+(?P<handle>@\w+)")
_SPOKESPERSON = re.compile(r"\b(?:spokes(?:person|man|woman)|representative|press office)\b")


@dataclass
class Context:
    """What the reader remembers while reading on: names given in full, the last speaker.

    Names are gathered only when a speaker needs resolving, and each block only once:
    most blocks of most articles quote no one.
    """

    last_speaker: str | None = None
    text_before: list[str] = field(default_factory=list)  # earlier body blocks
    body: Sequence[str] = ()  # the whole body, for names the article gives only later
    _names: list[str] = field(default_factory=list)
    _read: int = 0  # how many of text_before _names covers
    _all_names: set[str] | None = None
    _name_words: set[str] | None = None
    _parts: dict[str, tuple[list[str], bool]] = field(default_factory=dict)
    _lower: set[str] | None = None

    def remember(self, text: str) -> None:
        self.text_before.append(text)

    @property
    def full_names(self) -> list[str]:
        """Names of two words or more given so far, in order."""
        for text in self.text_before[self._read :]:
            for name in names_in(text, quoted=True):
                if " " in name and name not in self._names:
                    self._names.append(name)
        self._read = len(self.text_before)
        return self._names

    @property
    def all_names(self) -> set[str]:
        """Every name the body gives, in full or in part, anywhere."""
        if self._all_names is None:
            self._all_names = {n for t in self.body for n in names_in(t, quoted=True)}
        return self._all_names

    def is_name_word(self, word: str) -> bool:
        """Whether a word is part of a person's name the article gives in full ("Greeley"
        for Maria Greeley; not "Days" or "Nature", however often they open a sentence)."""
        if self._name_words is None:
            self._name_words = {
                w.lower()
                for t in self.body
                for n in names_in(t)  # not "I Was Wrong About Israel", a quoted title
                if " " in n and person_like(n)
                for w in strip_titles(n).split()
            }
        return word.lower() in self._name_words

    def common_word(self, word: str) -> bool:
        """Whether the article also writes a word in lower case: "Filmmaker" opening a
        sentence is a role, "Jennifer" never is."""
        if self._lower is None:
            self._lower = set(_LOWER_WORD.findall(" ".join(self.body)))
        return word.lower() in self._lower

    def full(self, name: str | None, preceding: str = "") -> str | None:
        """The full name the article gave: "Valeri" → "Mark Valeri", "EPA" → "Environmental
        Protection Agency", "Mementum" → "Mementum Labs"; a role the article also leaves
        off goes ("YouTuber Benn Jordan" → "Benn Jordan")."""
        if not name:
            return name
        bare = strip_titles(cut_role(name))
        if not bare:
            return None
        parts = bare.split()
        if not parts[0][:1].isupper():
            return name  # "@nikomatsakis" is as full as it gets
        if len(parts) == 1 or parts[-1].lower().rstrip(".") in SUFFIXES:
            known = self.full_names + [n for n in names_in(preceding, quoted=True) if " " in n]
            found = _expand(parts[0], known, self._parts)
            if found:
                name, parts = found, strip_titles(found).split()
        if (
            len(parts) >= 3
            and parts[0].lower() not in NOT_NAMES
            and person_like(name)
            and self.common_word(parts[0])
        ):
            name, parts = " ".join(parts[1:]), parts[1:]  # "Filmmaker Joe Dante"
        if len(parts) >= 3 and parts[0].lower() not in NOT_NAMES:
            # "YouTuber Benn Jordan" is Benn Jordan when the article also calls him Jordan;
            # "Protect Rogers Park" stays whole ("Park" is nobody).
            for k in range(1, len(parts) - 1):
                if " ".join(parts[k:]) in self.all_names and parts[-1] in self.all_names:
                    return " ".join(parts[k:])
        return name


def _expand(word: str, known: list[str], cache: dict[str, tuple[list[str], bool]]) -> str | None:
    """The longer name a surname, first word or acronym stands for; people before
    organisations, the latest given first. `cache` keeps each name's words and whether
    it is a person's, for the next quote."""
    low = word.lower().rstrip(".")
    acronym = word.isupper() and len(word) > 1
    names = []
    for full in reversed(known):
        if full not in cache:
            parts = [p.lower().strip(",.") for p in strip_titles(full).split()]
            cache[full] = ([p for p in parts if p not in SUFFIXES], person_like(full))
        parts, person = cache[full]
        if len(parts) > 1:
            names.append((full, parts, person))
    for people in (True, False):
        for full, parts, person in names:
            if person == people and (parts[-1] == low or (acronym and initials(full) == word)):
                return full
    for full, parts, _ in names:
        if parts[0] == low:
            return full  # "Condé" → "Condé Nast", "Mementum" → "Mementum Labs"
    return None


def lead_in_speaker(ctx: Context) -> str | None:
    """The speaker a block quote's lead-in names ("Jane Doe wrote:")."""
    if not ctx.text_before:
        return None
    last = ctx.text_before[-1].rstrip()
    if not last.endswith(":"):
        return None
    verb = _BEFORE_VERB.search(last[:-1] + ",")
    if not verb:
        return None
    found = _subject(last[: verb.start()], last, ctx)
    return found[0] if found else None


# --- reading the attribution -----------------------------------------------------------


def attribute(block: str, open_: int, close: int, ctx: Context) -> tuple[str | None, str]:
    """(speaker, how): how is "after" or "before" when the text around the quote attributes
    it (the speaker may still be unnamed), "" when it does not."""
    preceding = block[:open_]
    after = block[close + 1 : close + 200]
    # "“… process.” The changes, the document states, …": a new sentence, not an attribution.
    if not (block[close - 1 : close] == "." and after[:2].strip()[:1].isupper()):
        found = _speaker_after(after, preceding, ctx)
        if found is not None:
            return found[0], "after"
    if preceding.strip():
        found = _speaker_before(block[max(0, open_ - 300) : open_], preceding, ctx)
        if found is not None:
            return found[0], "before"
    return None, ""


def _speaker_after(after: str, preceding: str, ctx: Context) -> tuple[str | None, bool] | None:
    m = _AFTER_PRONOUN.match(after)
    if m:
        return _pronoun(m.group("p"), preceding, ctx), True
    m = _AFTER_VERB.match(after)
    if m:
        return _after_verb(after, m.end(), preceding, ctx), True
    m = _AFTER_ACCORDING.match(after)
    if m:
        return _after_verb(after, m.end(), preceding, ctx), True
    start = len(after) - len(after.lstrip(" ,"))
    m = _AFTER_SUBJECT.match(_clause(after, start))
    if m:
        return _subject(m.group("subject"), preceding, ctx)
    return None


def _after_verb(s: str, pos: int, preceding: str, ctx: Context) -> str | None:
    """The speaker named after a speech verb: "said Jane Doe, a nurse", "said the lead
    author, Erin Matson", "says University of California, San Francisco, pediatrician
    Susan Fisher-Owens", "said a spokesman for the trust"."""
    parts = [p.strip() for p in _clause(s, pos).split(",")]
    head = parts[0]
    if not head:
        return None
    if _DESCRIPTION.match(head):
        if len(parts) > 1 and parts[1][:1].isupper():
            name = head_name(parts[1])  # "the lead author, Erin Matson of Climate Focus"
            if name and person_like(name):
                return name
        return _resolve_description(head, preceding, ctx)
    name = head_name(head)
    if name and is_org(name):
        # An organisation spelled with commas, then the person: "University of California,
        # San Francisco, pediatrician Susan Fisher-Owens, who …".
        for part in parts[1:4]:
            if not part or _DESCRIPTION.match(part) or part.split()[0] in ("who", "which"):
                break
            later = head_name(part)
            if later and person_like(later) and part[:1].islower():
                return later
    return name


def _clause(s: str, pos: int) -> str:
    """The words from `pos` to the end of their clause: a sentence end, a quote, a
    parenthesis or a dash."""
    end = _CLAUSE.match(s, pos).end()
    # "said Mr. Martin": a title's or an initial's full stop ends nothing.
    while end < len(s) and s[end] == "." and _abbreviation(s, end):
        end = _CLAUSE.match(s, end + 1).end()
    return s[pos:end]


def _abbreviation(s: str, dot: int) -> bool:
    word = s[: dot + 1].rsplit(None, 1)[-1].lower() if s[:dot].strip() else ""
    return word in TITLES or word in SUFFIXES or bool(re.fullmatch(r"(?:\w\.)+", word))


def _speaker_before(before: str, preceding: str, ctx: Context) -> tuple[str | None, bool] | None:
    clause = _last_sentence(before)
    m = _IN_WORDS.search(clause)
    if m:  # "and, in her words, “…”"
        pronoun = "she" if m.group("p") == "her" else "he"
        return _pronoun(pronoun, preceding[: -len(m.group(0))], ctx), True
    m = _BEFORE_ACCORDING.search(clause)
    if m:
        name = head_name(m.group("rest"))
        if name:
            return name, True
    verb = _BEFORE_VERB.search(clause)
    if verb:
        found = _subject(clause[: verb.start()], preceding, ctx)
        if found is not None:
            return found
    m = _BEFORE_SAID_DOT.search(clause)
    if m:
        # "…, Lautz said. “It is unlikely…”" and "“…,” says Hu. “Is it…”": the quote
        # carries on the words of whoever the sentence before attributed.
        name = None
        if not _TO_SOMEONE.fullmatch(m.group(1)):
            name = head_name(_clause(clause, m.end(1)))
        if name:
            return name, True
        found = _subject(clause[: m.start()], preceding, ctx)
        if found is not None:
            return found
    # "Denise Forte … said the administration was “selling …”", "X told IGN that he
    # “wouldn’t touch this,” predicting it would “…”": reported speech, in the sentence
    # with its earlier quotations masked.
    masked = _QUOTED.sub("…", clause)
    for m in reversed(list(_REPORTED.finditer(masked))):
        found = _subject(masked[: m.start()], preceding, ctx)
        if found is not None:
            return found
    return None


def _subject(text: str, preceding: str, ctx: Context) -> tuple[str | None, bool] | None:
    """Who the words before a speech verb name: a pronoun, a description, a document's
    writer or a name, past an appositive ("Jane Doe, a nurse, said"). None when they name
    no one the verb could belong to."""
    closing = max(text.rfind("”"), text.rfind('"'))
    if closing >= 0:
        text = text[closing + 1 :]  # "“…,” she said": not the quote's words
    parts = _subject_parts(text, ctx)
    if not parts:
        return None
    part = parts[-1]
    verb = _SPEECH.search(part)
    if verb and verb.start() > 0:
        part = part[: verb.start()]  # "The team explained how …, writing": the team
    found = part.split()
    pronoun = next((w for w in (found[0], found[-1]) if w.lower() in PRONOUNS), None)
    if pronoun and (len(found) <= 3 or pronoun == found[-1]):
        # "she then said", "Anytime you say": the pronoun is the subject
        at = preceding.rfind(pronoun)
        return _pronoun(pronoun, preceding[: max(at, 0)], ctx), True
    m = _DOCUMENT.match(part)
    if m and head_name(m.group("name")):
        return head_name(m.group("name")), True  # "Manik’s email began"
    m = _HANDLE.match(part)
    if m:
        return m.group("handle"), True  # "Comment by @nikomatsakis posted on …:"
    if _DESCRIPTION.match(part):
        return _resolve_description(part, preceding, ctx), True
    spans = name_spans(part)
    if not spans or (spans[0].start > 0 and len(part.split()) > 8):
        return None  # not "What set the Bihar election apart … said"
    name = head_name(part)
    opener = bool(name) and spans[0].start == 0 and len(part.split()) > 3 and " " not in name
    if opener and not is_org(name) and not ctx.is_name_word(name):
        return None  # "Perhaps the most significant … asked": a sentence's first word
    return name, True


def _subject_parts(text: str, ctx: Context) -> list[str]:
    """The comma-separated parts of the words before a verb, the appositives after the
    subject dropped: "Jane Doe, a nurse,", "Senator Tim Kaine, Democrat of Virginia,"."""
    parts = [_OPENER.sub("", p).strip() for p in text.split(",")]
    parts = [p for p in parts if p]
    if len(parts) > 1 and parts[-1].lower() in ("who", "which"):
        spans = name_spans(parts[-2])  # "… animated Hu, who says": Hu
        parts = [*parts[:-2], spans[-1].name] if spans else parts[:-1]
    while len(parts) > 1 and _a_name_phrase(parts[-2]):
        last = head_name(parts[-1])
        if not (_appositive(parts[-1]) or (last and not _a_person(last, ctx))):
            break
        parts.pop()
    return parts


def _appositive(part: str) -> bool:
    """ "a nurse", "chief executive of Lemon Dot Media", "32", "who …": said of the name
    before it."""
    first = part.split()[0]
    return bool(_DESCRIPTION.match(part)) or first[:1].islower() or first[:1].isdigit()


def _a_name_phrase(part: str) -> bool:
    """ "Jane Doe", "Senator Tim Kaine": what an appositive follows; not an opener ("In a
    document seen by WIRED")."""
    found = part.split()
    return all(w[:1].isupper() and w.lower() not in NOT_NAMES for w in (found[0], found[-1]))


def _last_sentence(text: str) -> str:
    parts = _SENTENCE_END.split(text)
    return parts[-1] if parts else text


def clean_speaker(name: str | None) -> str | None:
    """No sentence adverbs, role abbreviations or bare titles as speakers."""
    if not name:
        return None
    found = name.split()
    while found and (found[0].lower() in _ROLE_ABBREVIATIONS or found[0].endswith("ly,")):
        found.pop(0)
    if not found:
        return None
    if len(found) == 1:
        w = found[0]
        low = w.lower().rstrip(".,")
        if low in NOT_NAMES or low.endswith("ly") or low in TITLES or "." in w.rstrip("."):
            return None
    return " ".join(found)


# --- who "she", "the group" and "the 16-year-old" are ----------------------------------


def _pronoun(pronoun: str, preceding: str, ctx: Context) -> str | None:
    """ "she said": who she is; "they", "I" and "we" stay unnamed (a group, someone the
    text keeps unnamed, the writer)."""
    if pronoun.lower() not in ("he", "she"):
        return None
    return _resolve_pronoun(preceding, ctx)


_CONTRACTION = re.compile(r"[’'](?:s|d|ll|re|ve)$")


def _resolve_pronoun(preceding: str, ctx: Context) -> str | None:
    """ "she said": the person the nearest sentence before is about, else the last speaker.

    Sentences are read back from the quote, quotations masked. One that opens with a
    pronoun continues the sentence before; one that attributes words to someone is about
    them; otherwise the first person it names is the likeliest.
    """
    for i, sentence in enumerate(_sentences_back(preceding, ctx)):
        if i >= 6:
            break
        if sentence.startswith("("):
            continue  # an aside is not whom the story goes on about
        first = _CONTRACTION.sub("", sentence.split()[0].lower().strip('“"'))
        if first in PRONOUNS:
            continue
        speaker = _speaker_in(sentence, ctx)
        if speaker:
            return speaker
        for span in name_spans(sentence):
            if _a_person(span.name, ctx):
                return ctx.full(span.name)
    return ctx.last_speaker


def _a_person(name: str, ctx: Context) -> bool:
    if not person_like(name):
        return False
    parts = strip_titles(name).split()
    return len(parts) > 1 or ctx.is_name_word(parts[0])


def _speaker_in(sentence: str, ctx: Context) -> str | None:
    """The person a sentence attributes words to ("…, Dhillon, a police officer, told
    Rest of World"), read without resolving pronouns again."""
    for m in _SPEECH.finditer(sentence):
        parts = _subject_parts(sentence[: m.start()], ctx)
        candidates = [head_name(parts[-1])] if parts and len(parts[-1].split()) <= 6 else []
        after = _clause(sentence, m.end()).strip()
        if not _TO_SOMEONE.fullmatch(m.group(0)) and after[:1].isupper():
            candidates.append(head_name(after))  # "…, said Jason Walsh"
        for name in candidates:
            if name and _a_person(name, ctx):
                return ctx.full(name)
    return None


def _sentences_back(preceding: str, ctx: Context) -> list[str]:
    """The sentences before a quote, nearest first, quotations masked: its own paragraph,
    then the two before."""
    out: list[str] = []
    for text in (preceding, *reversed(ctx.text_before[-2:])):
        masked = _QUOTED.sub("“…”", text)
        out.extend(reversed([s for s in split_sentences(masked) if s.strip("“…” ")]))
    return out


def _resolve_description(np: str, preceding: str, ctx: Context) -> str | None:
    """ "the group" → the organisation the article is about; "a Wiley spokesperson" →
    Wiley; "the 16-year-old" → the person the article so described; "the filmmaker" → the
    filmmaker it introduced; "a former official" → no one named."""
    np = np.strip()
    earlier = "\n\n".join([*ctx.text_before[-8:], preceding])
    if _YEAR_OLD.search(np):
        m = re.findall(r"\d+-year-old\s+((?:[A-Z][\w’'-]+\s?){2,3})", earlier)
        if m:
            return m[-1].strip()
        return ctx.last_speaker if ctx.last_speaker and person_like(ctx.last_speaker) else None
    if _SPOKESPERSON.search(np):
        return _spoken_for(np, earlier, ctx)
    by = re.search(r"\b(?:by|from|of)\s+(?P<rest>(?:the|its|their)\s+\w.*|[A-Z].*)", np)
    if by:  # "a report by the group", "a video from the YouTube channel Minute Physics"
        rest = re.split(r"\s+(?:at|on|in|last|this|during|earlier)\s", by.group("rest"))[0]
        name = head_name(rest)
        return ctx.full(name, preceding) if name else _resolve_description(rest, preceding, ctx)
    found = np.split()
    if len(found) < 2:
        return None
    head = re.sub(r"[^\w-]", "", found[-1]).lower()
    if head in ORG_WORDS and len(found) <= 4 and not found[1][:1].isupper():
        return _main_org(head, "\n\n".join([*ctx.text_before, preceding]), ctx)
    if found[0].lower() == "the" and found[1][:1].isupper():
        return ctx.full(_the_org(np), preceding)  # "the Post asked" → The New York Post
    if len(found) <= 3 and head.isalpha() and found[0].lower() == "the":
        # "the filmmaker added": the person introduced so, else the person just quoted.
        described = _described_as(head, earlier)
        if described:
            return described
        if ctx.last_speaker and person_like(ctx.last_speaker):
            return ctx.last_speaker
    return None


def _spoken_for(np: str, earlier: str, ctx: Context) -> str | None:
    """Whom a spokesperson speaks for: "a spokesman for X", "an X spokesperson", and for
    "the spokesperson" whomever the article last gave one to."""
    look_back = np.split()[0].lower() == "the"  # "a spokesperson" is anyone's
    sentences = list(reversed(split_sentences(earlier)))[:20] if look_back else []
    for text in (np, *sentences):
        m = re.search(r"\b(?:spokes\w+|representative)\s+(?:for|of|from|at)\s+(?P<x>.+)", text)
        name = head_name(_clause(m.group("x"), 0)) if m else None
        if m and name and re.match(r"An\s+" + re.escape(name), m.group("x")):
            name = "An " + name  # "An Garda Síochána": the article is the name's
        if not name:
            m = re.search(r"(?P<x>(?:[A-Z][\w’'&.-]*\s+)+)(?:spokes\w+|representative)", text)
            name = head_name(m.group("x")) if m else None
        if name:
            return ctx.full(name, earlier)
    return None


def _the_org(np: str) -> str | None:
    """ "the Defence Forces", "The Google Maps team": an organisation named with "the"."""
    m = re.match(r"(?:[Tt]he)\s+(?P<org>(?:[A-Z][\w.&’'-]*\s*)+)(?:\s+(?P<tail>[a-z]+))?\s*\Z", np)
    if not m or (m.group("tail") and m.group("tail") not in ORG_WORDS):
        return None
    return m.group("org").strip()


def _described_as(head: str, earlier: str) -> str | None:
    """The person or body the article introduced with a role or kind ("filmmaker Joe
    Dante", "Jane Roe, a local nurse", "the company Mementum Labs")."""
    name = r"((?:[A-Z][\w’'-]+\s){0,3}[A-Z][\w’'-]+)"
    found = re.findall(rf"\b{head}\s+{name}", earlier)
    found += re.findall(rf"{name},\s+(?:a|an|the)\s+[^,.;]{{0,60}}\b{head}\b", earlier)
    return found[-1] if found else None


def _main_org(head: str, text: str, ctx: Context) -> str | None:
    """The organisation "the agency" or "the company" is: one so named or introduced
    ("the Federal Emergency Management Agency", "the company Mementum Labs"), else the
    one the article names most (the latest of equals)."""
    spans = names_in(text)
    named = [n for n in spans if n.split()[-1].lower() == head and " " in n]
    if named:
        return named[-1]
    described = _described_as(head, text)
    if described:
        return ctx.full(described)
    alone = {n.lower() for n in spans if " " not in n}
    counts: dict[str, int] = {}
    for n in spans:
        # People are named by surname later on; an organisation's last word never stands alone.
        if is_org(n) or (" " in n and n.split()[-1].lower() not in alone):
            counts[n] = counts.get(n, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    return [n for n in counts if counts[n] == best][-1]
