"""Who said a quote: reading the attribution around it, and resolving who it names.

A reader finds a quote's speaker in the attribution around it ("X said", "said X, a
nurse", "according to X", "X told Reuters: …"), and when that is a pronoun or a
description ("she said", "the group said", "said the 16-year-old") in who the article was
just talking about. Names are read as written, then resolved against the names the
article gives in full ("Valeri" → "Mark Valeri"). `bot.library.quotes` finds the quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.library.sentences import SPEECH_VERBS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLES = _words(
    """dr dr. prof prof. professor mr mr. mrs mrs. ms ms. miss sir dame lord lady rev rev.
    reverend sen sen. senator rep rep. gov gov. governor president judge justice mayor
    dean doctor captain capt capt. gen gen. general col col. lt lt. sgt sgt. father
    sister brother rabbi imam pastor chancellor minister commissioner secretary attorney
    chairman chairwoman chair councilmember councillor officer detective sheriff chief"""
)
_PARTICLES = _words("de da del della der den van von la le bin ibn al dos das du di y")
_SUFFIXES = _words("jr jr. sr sr. ii iii iv")
_LEADING_ADJECTIVES = _words("former late then acting interim ex")
# Capitalised words that start a sentence or a clause without naming anyone.
_NOT_NAMES = _words(
    """he she they i we it you the a an this that these those his her their its our my one
    but and then now when there here in on at as if so yes no what why how who where
    some many most all according while after before however meanwhile also still today
    yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december
    earlier later last next separately additionally instead indeed again finally first
    asked speaking writing in-a by for from with despite because since although though
    once until unlike like other another both each every such nothing everything something
    anything nobody everyone someone anyone none few several yet"""
)
# All-caps role words are not names even when they open a phrase ("CEO Jane Doe").
_ROLE_ABBREVIATIONS = _words("ceo cfo cto coo cmo vp evp svp pr md gm ai")
_PRONOUNS = _words("he she they i we you")
_ORG_WORDS = _words(
    """group organization organisation company firm agency department ministry office team
    council committee union party campaign government administration board court police
    service network outlet newspaper paper station club university school hospital
    association coalition foundation institute nonprofit charity authority commission
    forces army navy force bureau center centre trust project church synagogue"""
)
_TOKEN = re.compile(r"([^\s,;:!?()\[\]{}“”\"]+)([ \t]?)")
_POSSESSIVE = re.compile(r"[’']s?$")
_CONNECTORS = _words("of on and for")
_PREPOSITIONS = _words("at of from for in with by to on about into the a an")
_VERBS = SPEECH_VERBS + r"|saying|writing|adding|noting|telling|explaining|arguing|posting"
_AFTER_VERB = re.compile(r"\s*[,.]?\s*(?:" + SPEECH_VERBS + r")\s+")
_AFTER_PRONOUN = re.compile(
    r"\s*[,.]?\s*(?P<p>he|she|they|i|we)\s+(?:\w+ly\s+)?(?:" + SPEECH_VERBS + r")\b", re.I
)
_AFTER_ACCORDING = re.compile(r"\s*,?\s*according to\s+")
_APPOSITIVE_VERB = re.compile(
    r"\s*(?:,[^,“”\"]{0,120},\s*)?(?:\w+ly\s+)?(?:" + SPEECH_VERBS + r")\b"
)
_AFTER_DESCRIPTION = re.compile(
    r"\s*[,.]?\s*(?:" + SPEECH_VERBS + r")\s+(?P<np>(?:a|an|the|one)\s+[^,.;:“”\"]{2,80})"
)
_DESCRIPTION_SUBJECT = re.compile(
    r"\s*[,.]?\s*(?P<np>(?:a|an|the|one)\s+[^,.;:“”\"]{2,80}?)\s+(?:\w+ly\s+)?(?:"
    + SPEECH_VERBS
    + r")\b"
)
_BEFORE_VERB = re.compile(
    r"(?:\b(?:" + _VERBS + r")\b(?:[^.!?“”\":,]{0,60})?[:,]\s*|\b(?:" + _VERBS + r")\s+)\Z"
)
_BEFORE_SAID_DOT = re.compile(r"\b(" + SPEECH_VERBS + r")\b[^.!?“”\"]{0,80}[.:]\s*\Z")
_BEFORE_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<rest>[^,“”\"]{1,80}),\s*\Z")
_SENTENCE_END = re.compile(r"[.!?…][”\"’)]*\s+(?=[“\"A-Z])")
_YEAR_OLD = re.compile(r"(\d+)-year-old")


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

    def remember(self, text: str) -> None:
        self.text_before.append(text)

    @property
    def full_names(self) -> list[str]:
        for text in self.text_before[self._read :]:
            for name in _names_in(text, quoted=True):
                if " " in name and name not in self._names:
                    self._names.append(name)
        self._read = len(self.text_before)
        return self._names

    def full(self, name: str | None, preceding: str = "") -> str | None:
        """The full name the article gave for a surname ("Valeri" → "Mark Valeri"), without
        a capitalised role the article also leaves off ("YouTuber Benn Jordan")."""
        if not name:
            return name
        bare = _strip_titles(name)
        if not bare:
            return None
        known = self.full_names + [n for n in _names_in(preceding, quoted=True) if " " in n]
        words = bare.split()
        if len(words) == 1 or words[-1].lower().rstrip(".") in _SUFFIXES:
            last = words[0].lower()
            for full in reversed(known):
                parts = [p.lower().strip(",.") for p in _strip_titles(full).split()]
                parts = [p for p in parts if p not in _SUFFIXES]
                if len(parts) > 1 and parts[-1] == last:
                    name, words = full, _strip_titles(full).split()
                    break
        if len(words) >= 3 and words[0].lower() not in _NOT_NAMES:
            for k in range(1, len(words) - 1):
                if " ".join(words[k:]) in self.all_names:
                    return " ".join(words[k:])
        return name

    @property
    def all_names(self) -> set[str]:
        """Every name the body gives, in full or in part, anywhere."""
        if self._all_names is None:
            self._all_names = {n for t in self.body for n in _names_in(t, quoted=True)}
        return self._all_names


def lead_in_speaker(ctx: Context) -> str | None:
    """The speaker a block quote's lead-in names ("Jane Doe wrote:")."""
    if not ctx.text_before:
        return None
    last = ctx.text_before[-1]
    if not last.rstrip().endswith(":"):
        return None
    return _name_before(last.rstrip()[:-1] + ",") or None


# --- reading the attribution -----------------------------------------------------------


def attribute(block: str, open_: int, close: int, ctx: Context) -> tuple[str | None, bool]:
    """(speaker, attributed): attributed is True when the text attributes the quote."""
    after = block[close + 1 : close + 200]
    found = _speaker_after(after, block[:open_], ctx)
    if found is not None:
        return found
    before = block[max(0, open_ - 300) : open_]
    if before.strip():
        found = _speaker_before(before, block[:open_], ctx)
        if found is not None:
            return found
    return None, False


def _speaker_after(after: str, preceding: str, ctx: Context) -> tuple[str | None, bool] | None:
    m = _AFTER_PRONOUN.match(after)
    if m:
        if m.group("p").lower() == "they":
            return None, True  # "they" is a group, or someone the text keeps unnamed
        return _resolve_pronoun(preceding, ctx), True
    m = _AFTER_VERB.match(after)
    if m:
        name = _read_speaker(after, m.end())
        if name:
            return name, True
        d = _AFTER_DESCRIPTION.match(after)
        if d:
            return _resolve_description(d.group("np"), preceding, ctx), True
        return None, True
    m = _AFTER_ACCORDING.match(after)
    if m:
        name, _ = _read_name(after, m.end())
        return name, name is not None
    name, end = _read_name(after)
    if name and _APPOSITIVE_VERB.match(after, end):
        return name, True
    r = _ROLE_THEN_NAME.match(after)
    if r:
        name, end = _read_name(after, r.end())
        if name and _APPOSITIVE_VERB.match(after, end):
            return name, True  # "…,” founder Robert P. George wrote
    d = _DESCRIPTION_SUBJECT.match(after)
    if d:
        return _resolve_description(d.group("np"), preceding, ctx), True
    c = _CLAUSE_THEN_VERB.match(after)
    if c:
        name = _subject_name(c.group("subject"))
        if name:
            return name, True  # "…,” members of the Committee on Oversight and Reform wrote
    return None


_CLAUSE_THEN_VERB = re.compile(
    r"\s*[,.]?\s*(?P<subject>[^“”\".;:]{1,80}?)\s+(?:\w+ly\s+)?(?:" + SPEECH_VERBS + r")\b"
)


def _speaker_before(before: str, preceding: str, ctx: Context) -> tuple[str | None, bool] | None:
    clause = _last_sentence(before)
    m = _BEFORE_ACCORDING.search(clause)
    if m:
        name, _ = _read_name(m.group("rest"))
        if name:
            return name, True
    if _BEFORE_VERB.search(clause):
        return _subject_of(clause, _BEFORE_VERB.search(clause).start(), preceding, ctx), True  # type: ignore[union-attr]
    m = _BEFORE_SAID_DOT.search(clause)
    if m:
        # "…, Lautz said. “It is unlikely…”" and "“…,” says Hu. “Is it…”": the quote
        # carries on the words of whoever the sentence before attributed.
        name = _read_speaker(clause, m.start() + len(m.group(1)))
        if not name:
            name = _subject_of(clause, m.start(), preceding, ctx)
        if name:
            return name, True
    return None


def _subject_of(clause: str, verb_at: int, preceding: str, ctx: Context) -> str | None:
    """Who the clause before a speech verb names: a name, a pronoun, an organisation."""
    subject = clause[:verb_at]
    closing = max(subject.rfind("”"), subject.rfind('"'))
    if closing >= 0:
        subject = subject[closing + 1 :].lstrip(" ,")  # "“…,” she said": not the quote's words
    subject = _OPENER.sub("", subject)
    before_clause = preceding[: len(preceding) - len(clause)]
    last = subject.rsplit(",", 1)[-1].split()
    if last and last[0].lower() in _PRONOUNS and len(last) <= 3:
        # "Though Grisham said …, she simply noted:": she is who the sentence is about.
        at = clause.rfind(last[0], 0, verb_at)
        return _resolve_pronoun(before_clause + clause[: max(at, 0)], ctx)
    name = _subject_name(subject)
    if name:
        return name
    m = re.match(r"\s*(?P<np>(?:[Aa]n?|[Tt]he|[Oo]ne)\s+[^,;:“”\"]{2,80})", subject)
    if m:
        found = _resolve_description(m.group("np").strip(), preceding, ctx)
        if found:
            return found
    org = _leading_org(subject)
    if org:
        return org
    first, end = _read_name(subject)
    if first and re.match(r"\s*(?:\w+ly\s+)?[a-z]+(?:ed|s)\b", subject[end:]):
        return first  # "Jordan has covered AI … and said": the sentence's subject
    return None


# "As the SEC wrote …", "In a statement, Meta said …": what comes before the subject.
_OPENER = re.compile(
    r"^\s*(?:(?:as|like|when|while|but|and|so|yet|then|also|meanwhile|separately)\b\s*|"
    r"(?:in|on) (?:a|an|the|its|his|her|their) [^,]{1,40},\s*)+",
    re.IGNORECASE,
)


def _leading_org(subject: str) -> str | None:
    """ "The Google Maps team explained …": the organisation opening the clause."""
    m = re.match(r"\s*(?:[Tt]he\s+)?(?P<org>(?:[A-Z][\w.&’'-]*\s+)+)(?P<head>[a-z]+)\b", subject)
    if m and m.group("head") in _ORG_WORDS:
        org = m.group("org").strip()
        if org.split()[0].lower() not in _NOT_NAMES:
            return org
    return None


def _last_sentence(text: str) -> str:
    parts = _SENTENCE_END.split(text)
    return parts[-1] if parts else text


def _name_before(clause: str) -> str | None:
    """Speaker as the subject of a clause ending in a speech verb ("X, a nurse, said:")."""
    verb = _BEFORE_VERB.search(clause)
    return _subject_name(clause[: verb.start()]) if verb else None


def _subject_name(subject: str) -> str | None:
    """The proper-noun subject of a clause: its opening name with an appositive, or its end."""
    words = subject.split()
    if not words or (len(words) <= 2 and words[0].lower() in _PRONOUNS):
        return None  # "She said", "He then said"
    org = _the_org(subject)
    if org:
        return org
    name, end = _read_name(subject)
    if name:
        rest = subject[end:].strip()
        if not rest or rest.startswith(",") or rest.split()[0].endswith("ly"):
            return name
        later = _name_after_role(rest)
        if later:
            return later
    # A name closing the clause ("In a statement, Bob Smith said").
    run: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        joins = w.lower() in _CONNECTORS and run and k > 0 and words[k - 1][:1].isupper()
        if (w[:1].isupper() and not w.endswith((",", ";", ":"))) or (
            w.lower() in _PARTICLES and run
        ):
            run.insert(0, w)
        elif joins:
            run.insert(0, w)  # "the Committee on Oversight and Reform": one name
        else:
            if w.lower() in _PREPOSITIONS and not _is_org_phrase(" ".join(run)):
                return None  # "a consultant at GOSH said": GOSH is a place
            break
    if not run:
        return None
    if _is_org_phrase(" ".join(run)) and run[0][:1].isupper():
        return " ".join(run).rstrip(".,")  # "Committee on Oversight and Reform"
    name, _ = _read_name(" ".join(run))
    return name


_ROLE_THEN_NAME = re.compile(r"\s*[,.]?\s*(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])")


def _read_speaker(s: str, pos: int) -> str | None:
    """The name after a speech verb, past an organisation and a role ("APP president X")."""
    name, end = _read_name(s, pos)
    if name is None:
        return None
    later = _name_after_role(s[end : end + 80].split(",")[0].split(" in ")[0])
    if later and (name.isupper() or _is_org_phrase(name) or len(name.split()) == 1):
        return later
    return name


def _name_after_role(rest: str) -> str | None:
    """ "APP president Terry Schilling": the person after an organisation and a role."""
    m = re.match(r"\s*(?:[a-z][\w-]*\s+){1,3}(?P<name>[A-Z].*)$", rest)
    if not m:
        return None
    name, end = _read_name(m.group("name"))
    if name and " " in name and not m.group("name")[end:].strip(" .,"):
        return name
    return None


def _the_org(subject: str) -> str | None:
    """ "the Defence Forces", "The Google Maps team", "a spokesman for An Garda Siochána"."""
    m = re.match(
        r"\s*(?:[Tt]he|[Aa]n?)\s+(?:(?:spokes\w+|representative|statement|press release|report|"
        r"letter|post|blog post|filing|lawyer|attorney)\s+(?:for|from|by|at|of)\s+)?"
        r"(?:the\s+)?(?P<org>(?:[A-Z][\w.&’'-]*\s*)+)(?:\s+(?P<tail>[a-z]+))?\s*,?\s*\Z",
        subject,
    )
    if not m:
        return None
    org = m.group("org").strip()
    tail = m.group("tail")
    if tail and tail not in _ORG_WORDS:
        return None
    spoke_for = re.search(r"\b(?:for|from|by|at|of)\s+(?:the\s+)?$", subject[: m.start("org")])
    if org.split()[0].lower() in _NOT_NAMES and not spoke_for:
        return None
    return org


def _is_org_phrase(text: str) -> bool:
    return any(w.lower() in _ORG_WORDS for w in text.split())


def _read_name(s: str, pos: int = 0) -> tuple[str | None, int]:
    """A proper-noun phrase starting at `pos` (titles allowed, org possessive skipped).

    One token loop holds every case a name's edge needs (initials, titles, particles,
    "Jr." after a comma, a possessive organisation before it); split up, the cases would
    have to share the loop's position and word list anyway.
    """
    while pos < len(s) and s[pos].isspace():
        pos += 1
    words: list[str] = []
    while len(words) < 7:
        m = _TOKEN.match(s, pos)
        if not m:
            break
        tok = m.group(1)
        ends = False
        if tok.endswith("."):
            base = tok[:-1]
            low = tok.lower()
            if not (low in _TITLES or low in _SUFFIXES or (len(base) == 1 and base.isupper())):
                tok, ends = base, True
        if not tok:
            break
        lower = tok.lower()
        if _POSSESSIVE.search(tok) and tok[0].isupper() and len(tok) > 2:
            if ends:
                break
            words = []  # "UCL’s Prof Waseem Qasim": the organisation is not the speaker
            pos = m.end()
            continue
        if not words and lower in _LEADING_ADJECTIVES:
            pos = m.end()  # "Former FEMA head …": the name comes after
            continue
        if (
            (tok[0].isupper() and tok[0].isalpha())
            or (lower in _PARTICLES and words)
            or words
            and lower in _SUFFIXES
        ):
            words.append(tok)
        else:
            break
        pos = m.end()
        if ends or not m.group(2):
            # "Robert F. Kennedy, Jr.": a suffix after the comma still belongs to the name.
            sm = re.match(r",\s*(Jr\.?|Sr\.?|II|III|IV)\b", s[pos:])
            if sm and not ends:
                words.append(sm.group(1))
                pos += sm.end()
            break
    while words and words[-1].lower() in _PARTICLES:
        words.pop()
    if not words or words[0].lower().rstrip(".") in _NOT_NAMES:
        return None, pos
    if all(w.lower() in _TITLES for w in words):
        return None, pos
    return " ".join(words), pos


def clean_speaker(name: str | None) -> str | None:
    """No sentence adverbs, role abbreviations or bare titles as speakers."""
    if not name:
        return None
    words = name.split()
    while words and (words[0].lower() in _ROLE_ABBREVIATIONS or words[0].endswith("ly,")):
        words.pop(0)
    if not words:
        return None
    if len(words) == 1:
        w = words[0]
        low = w.lower().rstrip(".,")
        if low in _NOT_NAMES or low.endswith("ly") or low in _TITLES or "." in w.rstrip("."):
            return None
    return " ".join(words)


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in {t.rstrip(".") for t in _TITLES}:
        words.pop(0)
    return " ".join(words)


# --- who "she", "the group" and "the 16-year-old" are ----------------------------------


_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def _names_in(text: str, quoted: bool = False) -> list[str]:
    """Proper-noun phrases of a text, in order; a possessive ends one ("Jordan’s videos").
    Quoted words are skipped unless `quoted` (a name in a slogan is no one's mention)."""
    out: list[str] = []
    if not quoted and ("“" in text or '"' in text):
        text = _QUOTED.sub(" ", text)
    for m in _CAPITALISED_RUN.finditer(text):
        for part in _POSSESSIVE_SPLIT.split(m.group(0)):
            words = part.split()
            while words and words[0].lower() in _NOT_NAMES:
                words.pop(0)  # "When Jordan learned": the name after the opener
            name, _ = _read_name(" ".join(words))
            if name:
                out.append(name.rstrip(".,"))
    return out


_CAPITALISED_RUN = re.compile(r"(?<![\w’'])[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|bin))*")
_POSSESSIVE_SPLIT = re.compile(r"[’']s\b")


def _person_like(name: str) -> bool:
    parts = _strip_titles(name).split()
    return 1 <= len(parts) <= 4 and not _is_org_phrase(name) and not name.isupper()


def _resolve_pronoun(preceding: str, ctx: Context) -> str | None:
    """ "she said": the person the nearest sentence before is about, else the last speaker.

    Sentences are read back from the quote: one that opens with a name (or a possessive
    "Jordan’s videos…") is about that person; one that opens with a pronoun continues the
    sentence before; otherwise the last name it mentions is the likeliest.
    """
    sentences = _sentences_back(preceding, ctx)
    for i, sentence in enumerate(sentences):
        if i >= 6:
            break
        if "“" in sentence or '"' in sentence:
            sentence = _QUOTED.sub(" ", sentence)  # "“…,” she says.": about whoever she is
        words = sentence.split()
        if not words or words[0].lower().strip('“"') in _PRONOUNS:
            continue
        first, _ = _read_name(sentence.lstrip('“"(').replace("’s ", " ").replace("'s ", " "))
        if first and _person_like(first):
            return first
        speaks = _PRONOUN_SPEAKS.search(sentence)
        subjects = [
            n
            for n in _subjects_in(sentence[: speaks.start()] if speaks else sentence)
            if _person_like(n)
        ]
        if subjects:
            return subjects[0]
        if speaks:
            continue  # "In a thread on Bluesky he said …": still the person before
        names = [n for n in _names_in(sentence) if _person_like(n)]
        if names:
            return names[0]
    return ctx.last_speaker


_PRONOUN_SPEAKS = re.compile(r"\b(?:he|she|they)\s+(?:\w+\s+)?(?:" + SPEECH_VERBS + r")\b")
_SUBJECT = re.compile(
    r"(?<![\w’'])([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)(?:\s+(?:has|had|is|was|says|said|"
    r"told|added|\w+ed)\b|,\s+(?:who|whose)\b)"
)


def _subjects_in(sentence: str) -> list[str]:
    """Names standing as a verb's subject ("… when Jordan learned …")."""
    out = []
    for m in _SUBJECT.finditer(_QUOTED.sub(" ", sentence)):
        name, _ = _read_name(m.group(1))
        if name is None:
            parts = m.group(1).split()
            name, _ = _read_name(" ".join(parts[1:])) if len(parts) > 1 else (None, 0)
        if name:
            out.append(name)
    return out


def _sentences_back(preceding: str, ctx: Context) -> list[str]:
    """The sentences before a quote, nearest first: its own paragraph, then the two before."""
    texts = [preceding, *reversed(ctx.text_before[-2:])]
    out: list[str] = []
    for t in texts:
        out.extend(reversed([s for s in _SENTENCE_END.split(t) if s.strip()]))
    return out


def _resolve_description(np: str, preceding: str, ctx: Context) -> str | None:
    """ "the group" → the organisation the article is about; "the 16-year-old" → the person
    the article so described; "a press release by the group" → the group."""
    np = np.strip()
    earlier = " ".join(ctx.text_before[-8:]) + " " + preceding
    if _YEAR_OLD.search(np):
        m = re.findall(r"\d+-year-old\s+((?:[A-Z][\w’'-]+\s?){2,3})", earlier)
        return m[-1].strip() if m else None
    by = re.search(r"\b(?:by|for|from|of)\s+(?P<rest>(?:the|its|their)\s+\w+|[A-Z][^,]*)", np)
    if by and by.group("rest")[0].isupper():
        name, _ = _read_name(by.group("rest"))
        return name
    target = by.group("rest") if by else np
    words = target.split()
    head = re.sub(r"[^\w-]", "", words[-1]).lower() if words else ""
    if head in _ORG_WORDS and len(words) <= 3:
        return _main_org(" ".join(ctx.text_before) + " " + preceding)
    if len(words) <= 3 and head.isalpha() and words[0].lower() == "the":
        # "the filmmaker added": the person introduced so, else the person just quoted.
        described = _described_as(head, earlier)
        if described:
            return described
        if ctx.last_speaker and _person_like(ctx.last_speaker):
            return ctx.last_speaker
    return _the_org(np)


def _described_as(head: str, earlier: str) -> str | None:
    """The person the article introduced with a role ("filmmaker Joe Dante", "Jane Roe, a
    local nurse"), for a later "the filmmaker said" / "the nurse added"."""
    name = r"((?:[A-Z][\w’'-]+\s){1,3}[A-Z][\w’'-]+)"
    found = re.findall(rf"\b{head}\s+{name}", earlier)
    found += re.findall(rf"{name},\s+(?:a|an|the)\s+[^,.;]{{0,60}}\b{head}\b", earlier)
    return found[-1] if found else None


def _main_org(text: str) -> str | None:
    """The organisation the article names most (the latest of equals)."""
    counts: dict[str, int] = {}
    for n in _names_in(text):
        if _is_org_phrase(n) or (n.isupper() and len(n) > 1):
            counts[n] = counts.get(n, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    return [n for n in counts if counts[n] == best][-1]
