"""Questions about how things stand now, and titles that say a thing happened.

"Is the rust 2024 edition out yet?", "does go have generics now?", "is PGO still a
preview?" ask about the present state or the outcome of something. A library of posts
holds the plan, the proposal and the call for testing as well as the release that
settled it, and the older ones, written while the thing was being planned, hold the
question's words as well or better ("A Call for Proposals for the Rust 2024 Edition"
over "Announcing Rust 1.85.0 and Rust 2024"). Among candidates about as good, the one
whose title says the thing happened answers a question about now (Policy.present_margin).

What is read is English, not the library's topics: present-state adverbs ("now", "yet",
"still"), a yes/no question whose predicate is a completion ("is X out", "did X ship"),
and in titles the release vocabulary a release announcement is written with
("announcing", "is released", "on stable", a feature "in Go 1.21") against the
pre-release stages of semantic versioning and release channels (alpha, beta, rc,
nightly, preview, testing) that say it has not happened yet.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.search.query import Query
from bot.search.stem import stem
from bot.search.words import stems

# Adverbs of the present state: "does go have generics now", "is it still in beta", "is
# it out yet", "do people use it anymore", "what do they use these days".
_PRESENT = frozenset(["now", "yet", "still", "currently", "anymore", "nowadays"])
# Of them, the aspectual ones, which presuppose a state before: "yet" (the change expected
# has not come), "still" (the old state goes on), "anymore" (it ended). The posts written
# before the change write them ("not yet stable", "still in beta"); the release that made
# it does not, but does write "now" ("Cargo now supports…"), which stays a topic word.
_ASPECT = frozenset(["yet", "still", "anymore"])
_PRESENT_PHRASES = (("these", "days"), ("any", "more"), ("so", "far"))
# A yes/no question opened by an auxiliary ("is", "did"…) whose predicate says the thing
# happened: "is the 2024 edition out", "did range over func ship", "is it stable".
_AUXILIARIES = frozenset(["is", "are", "has", "have", "did", "does", "do", "was", "were"])
_COMPLETED = frozenset(
    [
        "out", "released", "shipped", "ship", "shipping", "landed", "land",
        "launched", "launch", "stable", "stabilized", "stabilised", "available", "done",
        "finished", "official", "live",
    ]
)  # fmt: skip
# A title saying the thing happened: an announcement, a release, a stabilization.
_DONE_TITLE = frozenset(
    [
        "announcing", "announces", "announced", "released", "stable", "stabilized",
        "stabilised", "available", "launched", "launches", "ships", "shipped", "landed",
        "lands", "introducing",
    ]
)  # fmt: skip
# ...or a feature "in <project> <version>" ("Profile-guided optimization in Go 1.21").
_IN_RELEASE = re.compile(r"\bin(?: [a-z][\w-]*)? v?\d+(?:\.\d+)+\b")
# Release stages before a release (semantic versioning's pre-release labels, the release
# channels, a call for testing): the thing is not there yet.
_PRE_RELEASE = frozenset(
    ["alpha", "beta", "rc", "nightly", "preview", "prerelease", "pre", "candidate", "testing"]
)
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")


def asks_present(typed: tuple[str, ...]) -> bool:
    """Whether a question's words ask how something stands now or whether it happened."""
    words = [w.lower() for w in typed]
    if _PRESENT.intersection(words):
        return True
    pairs = set(zip(words, words[1:], strict=False))
    if any(p in pairs for p in _PRESENT_PHRASES):
        return True
    return bool(words) and words[0] in _AUXILIARIES and bool(_COMPLETED.intersection(words[1:]))


def title_words(title: str) -> list[str]:
    return _WORD.findall(title.lower())


def pre_release(title: str) -> bool:
    """Whether a title names a stage before the release ("Go 1.18 Beta 1 is available",
    "1.98.0 pre-release testing", "Rust 2024 call for testing")."""
    return bool(_PRE_RELEASE.intersection(title_words(title)))


def says_done(title: str) -> bool:
    """Whether a title says the thing happened: an announcement, a release, a
    stabilization, a feature in a numbered release; never a pre-release stage."""
    if pre_release(title):
        return False
    words = title_words(title)
    return bool(_DONE_TITLE.intersection(words)) or bool(_IN_RELEASE.search(" ".join(words)))


def without_frame(q: Query) -> Query:
    """A question about now read without its aspectual adverbs ("is go 1.18 out yet" ->
    go, 1.18, out): they say how the asker thinks things stood, not what the answer is
    about, and the plan and the beta's post, written before the change, write them ("not
    yet", "still in beta") where the release that made it need not. "now" stays: release
    notes write it ("will now issue a warning"). `typed` keeps them (later stages still
    read the question as one about now), and so do the terms passages are picked by:
    "does the dune writer still run it" is answered by the sentence that says "still".
    Unchanged when it has none, or no other content word."""
    if not asks_present(q.typed):
        return q
    content = tuple(w for w in q.content if w not in _ASPECT)
    if len(content) == len(q.content) or not content:
        return q
    return replace(q, content=content, words=tuple(w for w in q.words if w not in _ASPECT))


# "When did X come out", "when was X released / introduced / announced": the date of the
# thing's arrival, which the post announcing it is dated and written for. The verbs of a
# thing arriving (its release, its introduction, its stabilization) and the phrasal "come
# out"; "when" or "what date" asks for the time.
_ARRIVED = frozenset(
    [
        "released", "introduced", "announced", "launched", "shipped", "landed", "added",
        "stabilized", "stabilised", "unveiled", "published", "debuted",
    ]
)  # fmt: skip
_COME = frozenset(["come", "came", "comes"])
# Words of expectation and intention ("when was 1.39 expected to be released", "when did
# the team plan to release go 1.2"): the time asked is the plan's, which the post written
# before the release answers, not the announcement.
_PROSPECTIVE = frozenset(
    [
        "expected", "expect", "plan", "planned", "planning", "plans", "scheduled", "schedule",
        "supposed", "due", "will", "going", "slated", "intended", "meant", "target",
        "targeted",
    ]
)  # fmt: skip
# The verbs an introduction's title opens with: "Introducing the Rust Leadership Council",
# "Announcing Rust 1.0", "Meet the gopher".
_INTRODUCING = frozenset(["introducing", "announcing"])


def asks_arrival(typed: tuple[str, ...]) -> bool:
    """Whether a question asks when something came out or was introduced ("when did go
    1.18 come out", "when was the leadership council introduced", "go 1 release date"),
    not when it was expected or planned to."""
    words = [w.lower() for w in typed]
    dated = ("release", "date") in set(zip(words, words[1:], strict=False))
    if not ("when" in words or dated) or _PROSPECTIVE.intersection(words):
        return False
    if dated or _ARRIVED.intersection(words):
        return True
    return "out" in words and bool(_COME.intersection(words))


# Of the words of expectation, those a question about software also uses as nouns or
# for a cause ("which build target", "the default target", "due to"): no plan read.
_NOUN_PROSPECTIVE = frozenset(["target", "targeted"])
# The past auxiliaries: a plan asked of as it stood then ("when was go 1 supposed to
# launch", "what were the plans"), not one asked of now ("until which version will RLS
# be released", which the newest post answers).
_PAST = frozenset(["was", "were", "did", "had"])


def asks_planned(typed: tuple[str, ...]) -> bool:
    """Whether a question asks what was planned or expected then ("what were the 2017
    plans for async io", "when was go 1 supposed to launch"): a word of expectation or
    intention (_PROSPECTIVE) with a past auxiliary, not "due to" (a cause), nor a word
    also a noun of a build ("target"), and no question about now (asks_present)."""
    words = [w.lower() for w in typed]
    if not _PAST.intersection(words) or asks_present(typed):
        return False
    for k, w in enumerate(words):
        if w not in _PROSPECTIVE or w in _NOUN_PROSPECTIVE:
            continue
        if w == "due" and k + 1 < len(words) and words[k + 1] == "to":
            continue
        return True
    return False


def asks_what_is(typed: tuple[str, ...]) -> bool:
    """Whether a question opens "what is", "what are", "what's" (read as "what" and the
    rest), "whats": it asks what something is."""
    words = [w.lower() for w in typed]
    return bool(words) and (words[0] == "whats" or words[0] == "what")


def introduces(title: str, asked: frozenset[str]) -> bool:
    """Whether a title introduces exactly what a question names: it opens with an
    introduction's verb ("Introducing", "Announcing") and the rest of its words
    (words.stems) are the question's stems (`asked`), no more and no fewer: "Introducing the
    Rust Leadership Council" for "what is the rust leadership council", not for "what is
    the council's budget"; the later "February 2024 Leadership Council Update" is about
    the council too, but does not introduce it."""
    ws = title_words(title)
    if not ws or ws[0] not in _INTRODUCING:
        return False
    rest = stems(" ".join(ws[1:]))
    return bool(rest) and rest == asked


# What a release's opening says it brings: "Go 1.18 adds generics, native fuzzing,
# workspace mode…", "In Go 1.18, we're introducing new support for generic code", "const
# generics are now stable". Verbs of a release delivering a thing, and the predicate of
# a thing now delivered.
_SHIP_VERBS = frozenset(
    [
        "adds", "added", "introduces", "introducing", "brings", "stabilizes", "stabilises",
        "stabilized", "stabilised", "ships", "delivers",
    ]
)  # fmt: skip
_NOW_DONE = re.compile(r"^(.*?)\b(?:is|are)\s+now\s+(?:stable|supported|available)\b")
# The items of a list a release verb opens ("generics, native fuzzing and workspace mode").
_ITEMS = re.compile(r",|;|\.|\band\b")
_ITEMS_READ = 8


def release_topic(content: tuple[str, ...], title: str) -> frozenset[str]:
    """What a question about now asks of a release: its content words' stems less the
    release's title (the project and its number: "go", "1.18"), the present-state adverbs,
    the completion predicate and the pre-release stages ("does go have generics now" ->
    {"generic"}; "is go fuzzing still in beta" -> {"fuzz"})."""
    named = stems(title)
    frame = _PRESENT | _COMPLETED | _PRE_RELEASE
    return frozenset(
        s for w in content if w not in frame and (s := stem(w)) not in named and s not in frame
    )


def _names_item(text: str, topic: frozenset[str]) -> bool:
    # An item naming the topic, with at most one word more ("native fuzzing" for
    # fuzzing); a longer one is about something else the topic is part of.
    item = stems(text)
    return topic <= item and len(item - topic) <= 1


def ships(texts: list[str], topic: frozenset[str]) -> bool:
    """Whether a release's description or opening sentences say it ships the topic: an
    item of the list after a release verb ("Go 1.18 adds generics, native fuzzing…"), or
    the subject of "is/are now stable" ("const generics are now stable")."""
    if not topic:
        return False
    for text in texts:
        low = text.lower()
        if (m := _NOW_DONE.search(low)) and _names_item(_ITEMS.split(m.group(1))[-1], topic):
            return True
        ws = low.split()
        for k, w in enumerate(ws):
            if w in _SHIP_VERBS and any(
                _names_item(part, topic)
                for part in _ITEMS.split(" ".join(ws[k + 1 :]))[:_ITEMS_READ]
            ):
                return True
    return False


# "Which version added X", "in which rust release was X stabilised", "what version of go
# has generics": the release asked for is named by a version or release number. A question
# word ("which", "what") with "version" or "release" at most this many words after it.
_VERSION_NOUNS = frozenset(["version", "versions", "release", "releases"])
_WHICH = frozenset(["which", "what"])
_WHICH_SPAN = 3
# "When was X stabilized / added / introduced": the release that delivered it answers too.
_DELIVERED = frozenset(
    [
        "added", "introduced", "stabilized", "stabilised", "landed", "shipped", "add",
        "introduce", "stabilize", "stabilise", "land", "ship",
    ]
)  # fmt: skip
# Words saying a release delivered something, not what it delivered: left out of the topic.
_FRAME = _VERSION_NOUNS | _COMPLETED | _ARRIVED | _SHIP_VERBS | {
    "add", "introduce", "stabilize", "stabilise", "bring", "brought", "make", "made", "get",
    "got", "have", "has", "had", "since", "first",
}  # fmt: skip


def asks_version(typed: tuple[str, ...]) -> bool:
    """Whether a question asks which release brought something: "which rust version has
    LazyLock", "in what release were let chains stabilised", or "when was black_box
    stabilized", "when did let-else land" ("when" and a verb of a release delivering a
    thing; not a plan: "when will X be stabilized")."""
    words = [w.lower() for w in typed]
    for k, w in enumerate(words):
        if w in _WHICH and _VERSION_NOUNS.intersection(words[k + 1 : k + 1 + _WHICH_SPAN]):
            return True
    if _PROSPECTIVE.intersection(words):
        return False
    return "when" in words and bool(_DELIVERED.intersection(words))


def version_topic(content: tuple[str, ...], title: str) -> frozenset[str]:
    """What a question asking which release brought something asks of a release: its
    content words' stems less the release's title (the project and its number: "rust",
    "1.80.0") and the words saying a release delivered it ("which rust version added
    LazyLock" -> {"lazylock"})."""
    named = stems(title)
    frame = {stem(w) for w in _FRAME}
    return frozenset(
        s for w in content if w not in _FRAME and (s := stem(w)) not in named and s not in frame
    )
