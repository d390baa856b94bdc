"""English irregular verbs, so that a passage's "took off" answers "take off".

Snowball stems regular inflections together ("received"/"receive") but leaves an
irregular verb's forms apart ("took"/"take", "wrote"/"written"/"write"). The search index
keeps its own stems (see stem.py), and so do the sentence stems the reload stores
(sentence_stems.py); only the passage stage, comparing a question's words with a
sentence's, reads a sentence's irregular form as the question's (see `question_held`).

The table is the common irregular verbs of English grammars (base, past, past
participle), a general language resource. Forms that are also another word's usual form
are left out, as reading them as the verb would be a guess: "left" (leave / the side),
"found" (find / to found), "saw" (see / the tool), "lay" and "lain" (lie / lay),
"ground", "wound", "bore", "rose", "fell", "felt", "lit", "spoke" (speak / a wheel's).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.search.sentence_stems import Held, encode_stems, held_terms
from bot.search.stem import stem
from bot.search.versions import point_releases, release_numbers

if TYPE_CHECKING:
    from bot.library.model import Article

# base past participle (a "/" separates two accepted forms).
_TABLE = """
arise arose arisen
awake awoke awoken
bear - borne
beat beat beaten
become became become
begin began begun
bend bent bent
bet bet bet
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
build built built
burn burnt burnt
burst burst burst
buy bought bought
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
draw drew drawn
dream dreamt dreamt
drink drank drunk
drive drove driven
eat ate eaten
feed fed fed
fight fought fought
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forecast forecast forecast
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got got/gotten
give gave given
go went gone
grow grew grown
hang hung hung
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
keep kept kept
kneel knelt knelt
know knew known
lead led led
lean leant leant
leap leapt leapt
learn learnt learnt
lend lent lent
let let let
lose lost lost
make made made
mean meant meant
meet met met
mislead misled misled
mistake mistook mistaken
overcome overcame overcome
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
pay paid paid
prove - proven
put put put
quit quit quit
read read read
rebuild rebuilt rebuilt
redo redid redone
rewrite rewrote rewritten
rid rid rid
ride rode ridden
ring rang rung
rise - risen
run ran run
say said said
see - seen
seek sought sought
sell sold sold
send sent sent
set set set
sew sewed sewn
shake shook shaken
shed shed shed
shine shone shone
shoot shot shot
show showed shown
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
sleep slept slept
slide slid slid
speak - spoken
speed sped sped
spend spent spent
spin spun spun
split split split
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
strike struck struck/stricken
strive strove striven
swear swore sworn
sweep swept swept
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
tread trod trodden
undergo underwent undergone
understand understood understood
undertake undertook undertaken
undo undid undone
upset upset upset
wake woke woken
wear wore worn
weave wove woven
weep wept wept
win won won
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written
"""


def _groups() -> list[tuple[str, ...]]:
    out = []
    for line in _TABLE.split("\n"):
        forms = {f for part in line.split() for f in part.split("/") if f != "-"}
        if len(forms) > 1:
            out.append(tuple(sorted(forms)))
    return out


_GROUPS = _groups()


def _past_forms() -> frozenset[str]:
    """The simple past forms that are not also the base ("wrote", "ran", "said"; not
    "hit", "put"): a word read as a verb's past. Participles are left out: before a noun
    they are adjectives ("a well known crate", "broken links")."""
    out: set[str] = set()
    for line in _TABLE.split("\n"):
        parts = line.split()
        if len(parts) == 3:
            out.update(f for f in parts[1].split("/") if f not in ("-", parts[0]))
    return frozenset(out)


PAST_FORMS = _past_forms()


@lru_cache(maxsize=1)
def _by_stem() -> dict[str, frozenset[str]]:
    """Each form's stem -> the stems of all forms of its verb."""
    out: dict[str, set[str]] = {}
    for group in _GROUPS:
        stems = {stem(f) for f in group}
        for s in stems:
            out.setdefault(s, set()).update(stems)
    return {s: frozenset(v) for s, v in out.items()}


def variants(terms: Iterable[str]) -> dict[str, str]:
    """For question stems `terms`: the stem of every other form of an irregular verb among
    them -> the question's stem ("took" -> "take" when the question says "take")."""
    table = _by_stem()
    out: dict[str, str] = {}
    for t in terms:
        for other in table.get(t, ()):
            if other != t:
                out.setdefault(other, t)
    return out


class HeldForms:
    """What sentence_stems.Held tells (`sets`, `tokens`), with every stem of another form
    of a question's verb read as the question's (see question_held), and each stem of a
    compound the question splits as its parts (`parts`: "frontend" -> "front", "end")."""

    __slots__ = ("sets", "_held", "_forms", "_parts")

    def __init__(
        self, held: Held, forms: dict[str, str], parts: Mapping[str, tuple[str, ...]] = {}
    ) -> None:
        known = forms.keys() | parts.keys()
        self.sets: list[Set[str]] = [
            self._read(s, forms, parts) if not known.isdisjoint(s) else s for s in held.sets
        ]
        self._held = held
        self._forms = forms
        self._parts = parts

    @staticmethod
    def _read(
        held: Set[str], forms: dict[str, str], parts: Mapping[str, tuple[str, ...]]
    ) -> set[str]:
        out: set[str] = set()
        for t in held:
            if t in parts:
                out.update(parts[t])
            else:
                out.add(forms.get(t, t))
        return out

    def tokens(self, k: int) -> list[str]:
        """Sentence k's stems in order, other forms as the question's; [] when it holds no
        term."""
        parts, forms = self._parts, self._forms
        return [p for t in self._held.tokens(k) for p in parts.get(t, (forms.get(t, t),))]


def question_held(
    article: Article,
    terms: set[str],
    numbers: Sequence[str] | None = None,
    compounds: Mapping[str, tuple[str, ...]] | None = None,
) -> Held | HeldForms:
    """Which of the question's `terms` each sentence holds (see sentence_stems.held_terms),
    another form of an irregular verb among them counting as the question's: "took off"
    holds "take off"; so does a point release of a number asked about ("1.22.0" holds
    "1.22", see versions.py). `numbers`: the terms' release numbers, when known already.
    `compounds`: a compound as the text may write it -> the question's stems it stands
    for (rerank._compounds): "front end" holds "frontend", "frontend" holds "front" and
    "end"."""
    forms = variants(terms)
    if numbers is None:
        numbers = release_numbers(terms)
    if numbers:
        stems = article.stems or encode_stems(s.text for s in article.sentences)
        forms.update(point_releases(stems, numbers))
    parts: dict[str, tuple[str, ...]] = {}
    for form, ts in (compounds or {}).items():
        if len(ts) == 1:  # two words side by side read as the question's one
            forms.setdefault(form, ts[0])
        else:
            parts[form] = ts
    held = held_terms(article, terms | forms.keys() | parts.keys())
    return HeldForms(held, forms, parts) if forms or parts else held
