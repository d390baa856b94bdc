"""Follow-up questions: what a question refers back to, and the next part of an article.

A member who has just been answered about an article asks "when did it start?", "who
wrote it?" or "tell me more" about that article. Whether a question refers back is read
from closed grammatical classes (pronouns and determiners that need an antecedent, and
the few ways English asks for more), never from words of the questions at hand. The
engine decides when to use it (SearchEngine.ask): only when the question finds no
confident answer on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.library.model import Article, Sentence
from bot.search.irregular import question_held
from bot.search.words import STOPWORDS, stems

# Third-person pronouns and demonstratives, and the deictic adverbs: a question holding
# one without a noun of its own to point at refers to what was said before.
POINTERS = frozenset(
    [
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "this",
        "that",
        "these",
        "those",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "there",
        "then",
        # "Else" needs an antecedent as they do: "who else?" asks for people other than
        # those just named (journey27: it was searched for its words, "could not find").
        "else",
    ]
)
# "tell me more", "more", "more please", "what else", "anything else", "go on", "continue";
# and the other ways English asks the same of what was just said, with a pronoun for it:
# "what else did they say?", "is there more on this?", "anything more about it?" (before,
# "what else did they say" was searched for its words: "could not find", or the article's
# passage for no word under "Closest match").
_MORE = re.compile(
    r"^(?:(?:tell|show|give) me (?:some )?more(?: about (?:it|that|this|them))?|(?:some |any |)more"
    r"|(?:what|anything) else(?: is there)?(?: about (?:it|that|this|them))?|go on|continue"
    r"|keep going|(?:what|anything) else (?:did|does|do) (?:it|they|he|she|this|that) "
    r"(?:say|says|write|mention|tell us)|(?:is|are) there (?:any |some )?more"
    r"(?: (?:on|about) (?:it|that|this|them))?|(?:any|anything|something) more"
    r" (?:on|about) (?:it|that|this|them))(?: please)?$"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Words shown as the next part of an article for "tell me more": about a paragraph.
MORE_SENTENCES = 3
# The kind of block a heading is (bot.library.markup.Kind), and the marks that close a
# sentence or a clause, before any closing quote or bracket.
HEADING = "heading"
# Code keeps its own marks: only headings and text blocks are set off (see _joined).
_SET_OFF = frozenset([HEADING, "text"])
_CLOSED = re.compile(r"[.!?:;…]['\"’”)\]]*$")


@dataclass(frozen=True, slots=True)
class Topic:
    """The article a conversation is about: its slug (None: no article yet, only a list)
    and the passage last shown of it (None: only its card or summary was shown); and the
    articles of the last list the conversation showed, in its order, for "the second one"
    (bot/search/ordinals.py); and the article it was about before this one (`before`), for
    "go back to the first one" once no list is held; and the last question the
    conversation asked of the library (`asked`: not one read in the passage shown, "who
    said that?"), for "when was that?": the event it asked about (when_shown)."""

    slug: str | None
    passage: str | None = None
    listed: tuple[str, ...] = ()
    before: str | None = None
    # (no part of a topic's equality or hash: follow-ups are cached by topic, and the
    # question before changes none but "when was that?", which is not cached)
    asked: str | None = field(default=None, compare=False)
    # The article is only the first of a list just shown ("2 articles by Ian Lance Taylor":
    # the newest), not one the member chose: "when was that one published?" is then a
    # guess between the list's articles (see points_at_one).
    first_of_list: bool = False
    # A list was the conversation's last reply (a period's, the newest, a tag's or a
    # topic's articles) and the article held is from before it, or none is: "summarise
    # that" or "who wrote it?" then points into the list, not back past it (journey26:
    # after "anything from this year", "summarise that" was told the article asked about
    # three replies earlier was gone). Not part of equality, as `asked`.
    behind_list: bool = field(default=False, compare=False)

    def moved_to(self, slug: str) -> str | None:
        """`before` once the conversation is about `slug`: the present article when it is
        another (going back to the article before makes the one left the one before)."""
        return self.before if slug == self.slug else self.slug


# What a member may say before a short question about what was just shown ("so who said
# that?", "and when was it?", "ok why?", "wait, how come?"): a conjunction or a filler.
# The patterns of said_by, when_shown and why_shown start with it (see asks_of_shown).
LEAD_IN = r"^(?:so |and |but |ok(?:ay)?,? |wait,? |sorry,? )?"


def asks_of_shown(pattern: re.Pattern[str], question: str) -> re.Match[str] | None:
    """The match of `pattern` (LEAD_IN and a question asking of what was shown, nothing
    else) on the question, lower-cased, its apostrophes plain and its spaces single."""
    return pattern.match(" ".join(question.lower().replace("’", "'").split()))


def _words(question: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(question.lower())]


def wants_more(question: str) -> bool:
    """Whether the question asks for more of what was said ("tell me more", "what else?")."""
    return bool(_MORE.match(" ".join(_words(question))))


def refers_back(question: str) -> bool:
    """Whether the question points back at something said before it: "tell me more", or
    a pronoun or demonstrative ("it", "they", "then", "there"...). "It" as the dummy
    subject of "is it raining" is read the same way: the engine only follows up when the
    question found no confident answer on its own, and never makes an answer confident
    that the article's passage would not make confident."""
    words = _words(question)
    return wants_more(question) or any(
        w in POINTERS and not _relative(words, i) and not _existential(words, i)
        for i, w in enumerate(words)
    )


def points_at_one(question: str) -> bool:
    """Whether a question pointing back points at one thing, an article: "it" or "that
    one"/"this one" ("when was that one published?", "who wrote it?"), with at most one
    word of its own (pinned). "They", "he", "she" point at people; "tell me more" at what
    was said."""
    words = _words(question)
    ones = {
        i + 1 for i, w in enumerate(words[:-1]) if w in ("that", "this") and words[i + 1] == "one"
    }
    if not ones and "it" not in words:
        return False
    own = [
        w for i, w in enumerate(words) if i not in ones and w not in POINTERS and w not in STOPWORDS
    ]
    return refers_back(question) and not wants_more(question) and len(own) <= 1


def pinned(question: str) -> bool:
    """Whether a question pointing back has no word of its own but one ("when did it
    ship?", "who ran it?", "can i turn it off?"): one word cannot be both the topic and
    what is asked of it, so the pronoun holds the topic and the question is about the
    conversation's article even when that one word finds another article confidently
    ("ship" in a title), or none. A question with two words of its own ("is it going to
    rain tomorrow", "what is his favourite film") may name a topic of its own."""
    own = [w for w in _words(question) if w not in POINTERS and w not in STOPWORDS]
    return refers_back(question) and not wants_more(question) and len(own) <= 1


# The kinds of question (query.question_kind) whose question word stands for the answer
# without naming a thing of its own: a person, a time, a place, a reason, a manner or an
# amount. "What"/"which" questions name their thing ("what is his favourite film?"), and
# yes/no ones may ask of anything ("is it going to rain tomorrow?").
_HELD_KINDS = frozenset(["who", "when", "where", "why", "how", "number"])


def held(kind: str | None) -> bool:
    """Whether a question pointing back that its own words found nowhere in the library is
    about the conversation's article, as a pinned one is (see pinned): its question word
    names no thing, so the pronoun holds the only thing it asks of ("how long did it
    last?", "why does she care so much?"). Before, "could not find" and a list of articles
    its everyday words matched."""
    return kind in _HELD_KINDS


def rate_shown(question: str, window: str) -> bool:
    """Whether a question asking an amount "per X" ("how much per home") has that rate in
    the `window` shown: "per X" or "a X"/"an X" there ("£7,900 per home", "£75 an hour").
    A sentence holding X and another rate ("14p per kilowatt-hour" sold "to each school"
    for "how much per school") is no amount per X. True when the question asks no rate."""
    words = _words(question)
    wanted = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "per"]
    return all(re.search(rf"\b(?:per|an?)\s+{re.escape(x)}", window, re.IGNORECASE) for x in wanted)


def continues(
    article: Article, terms: frozenset[str], elsewhere: bool, rare: frozenset[str] = frozenset()
) -> bool:
    """Whether a short question that does not point back, asked while the conversation is
    about `article`, leaves its topic unsaid, as people do once a topic is set ("how many
    volunteers?", "how much money?", "which river?"): it names nothing (its words, `terms`,
    stopwords aside), or only what the article holds when another article answers it
    confidently (`elsewhere`; "how many volunteers" after the repair café is about its
    volunteers, not the coding club's), or some of what it holds when none does ("how hot
    did the water get": "water" is the coral article's, "hot" no article's). A question
    naming what the article does not hold is a new topic ("how many birds were counted").
    So is one naming, among what the article holds, a word English rarely writes that it
    does not hold (`rare`, stems; see Policy.new_topic_zipf): "gpu prices?" after the SEC's
    suit against Musk ("price") names GPUs, no part of that article, where "hot" of "how
    hot did the water get" is an everyday word asked of the coral article's water."""
    if not terms:
        return True
    held = _held(article, terms)
    if elsewhere:
        return held == terms
    return bool(held) and rare <= held


def held_in_part(article: Article, terms: frozenset[str]) -> bool:
    """Whether `article` (title or body) holds some of a question's `terms` (stems), not
    all: what continues accepts of a short question when no other article answers it
    surely, and what titled_elsewhere reads further."""
    held = _held(article, terms)
    return bool(held) and held != terms


def titled_elsewhere(
    article: Article, terms: frozenset[str], matches: Sequence[Article]
) -> Article | None:
    """The article among a short question's own best `matches` whose title holds every
    one of its words (`terms`, stems; two or more), when the conversation's `article`
    holds only some of them (held_in_part): the question names that article, as a
    title does, and does not leave the conversation's topic unsaid. "where is the next
    all hands" after the Pietro Albini post, whose "for the next few years" holds "next"
    in passing, names "The next Rust All Hands"; its two everyday words find no article
    surely, so continues read it as a follow-up of that post. None otherwise: "how hot
    did the water get" after the coral article still follows up when no title says
    "hot water"; "what about the style guide" after the rustfmt post, which holds
    "style" and "guide" both, follows up whatever a title holds."""
    if len(terms) < 2 or not held_in_part(article, terms):
        return None
    return next((m for m in matches if m.slug != article.slug and terms <= stems(m.title)), None)


def names_nothing_else(article: Article, rare: frozenset[str]) -> bool:
    """Whether a question pointing back names no word English rarely writes (`rare`,
    stems; see Policy.new_topic_zipf) that `article` lacks: its pronoun may then stand for
    the article the conversation is about, whatever its everyday words match elsewhere
    ("which go version added it?" after the wasmexport post: "version" is no word of that
    post, and Using Go Modules answers "go", "version" and "added" surely; "how much did
    it cost?" after the Wendle's salmon, whose "£2.7 million project" says no "cost").
    "where is his employer based" names an "employer" the rustwasm post lacks: another
    topic may be meant."""
    return rare <= _held(article, rare)


def _held(article: Article, terms: frozenset[str]) -> frozenset[str]:
    """The question's `terms` (stems) that `article` holds. The title is the article's
    too: "how much did bills drop" after the heat-pump answer names the "bills" its title
    and summary hold, its body not."""
    if not terms:
        return frozenset()
    return terms & set().union(stems(article.title), *question_held(article, terms).sets)


# The forms of "be" that make "there" the dummy subject of a sentence saying something
# exists ("is there anything about bees", "there are posts on it", "will there be", "has
# there been"), negated with or without the apostrophe.
_BE = frozenset(
    ["is", "are", "was", "were", "be", "been", "isn't", "aren't", "wasn't", "weren't"]
    + ["isnt", "arent", "wasnt", "werent"]
)


def _existential(words: list[str], i: int) -> bool:
    """Whether words[i] is the "there" of "is there anything about X?" or "there are": next
    to a form of "be" with words after the pair, it points nowhere (a place pointed at ends
    its clause: "who was there?", "what happened there")."""
    if words[i] != "there":
        return False
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1 : i + 3]
    if after[:1] and after[0] in _BE:  # "there is a…", "there's…"
        return len(after) > 1
    return before in _BE and bool(after)  # "is there a…", "has there been…" (after "been")


def _relative(words: list[str], i: int) -> bool:
    """Whether words[i] is "that" after a noun or verb of the question ("the battery that
    lasts", "said that"): a relative pronoun or conjunction, whose antecedent is there."""
    return words[i] == "that" and i > 0 and words[i - 1] not in STOPWORDS


def speaks_to(question: str, passage: str) -> bool:
    """Whether the passage holds a word of the question's own (its pronouns aside), or
    the question has none ("who wrote it?"): a follow-up the article has no evidence for
    is shown only when it says something the member asked about."""
    own = stems(" ".join(w for w in _words(question) if w not in POINTERS))
    return not own or bool(own & stems(passage))


def first_window(passage: str) -> str:
    """The passage's best window: what comes before its first " … ". The windows shown
    after it were chosen for holding a question word it lacks (passage.Passages._runner_up),
    so by themselves they say nothing of whether the passage speaks to the question
    ("going" of "is it going to rain tomorrow" in "…with two thirds of them going to the
    ten wards"). A window whose first sentence reads after one apart (an item of a list
    after the sentence announcing it) is read up to that sentence only: the narrower
    reading, on the side of showing nothing."""
    return passage.split(" … ", 1)[0]


def standing_in(question: str, title: str) -> str:
    """The question with the article's title standing in for what it points back at, so
    the passage chooser reads the article's words where the question said "it"."""
    words = _WORD.findall(question)
    kept = [w for w in words if w.lower().replace("’", "'") not in POINTERS]
    return " ".join([*kept, title])


def beside(article: Article, window: str, near: int, fits: Callable[[str], bool]) -> str | None:
    """The sentence of `article` nearest the `window` shown that `fits`, within the
    window's paragraph and `near` sentences of it, the one before first at equal distance
    (a paragraph tells one thing: its date or reason is given once, near it); None when
    none is, or the window is not the article's text."""
    sentences = [s for s in article.sentences if s.text.strip()]
    inside = [i for i, s in enumerate(sentences) if s.text.strip() in window]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    para = sentences[first].paragraph
    for step in range(1, near + 1):
        for i in (first - step, last + step):
            if 0 <= i < len(sentences) and sentences[i].paragraph == para:
                text = sentences[i].text.strip()
                if fits(text):
                    return text
    return None


def next_part(article: Article, shown: str | None) -> str | None:
    """The part of the article after the passage last shown (up to MORE_SENTENCES
    sentences, within one paragraph when it can), or None when the passage was the end
    or is not found in the article."""
    sentences = [s for s in article.sentences if s.text.strip()]
    if not sentences or not shown:
        return None
    last = shown.rstrip()
    end = next(
        (i for i, s in enumerate(sentences) if s.text.strip() and last.endswith(s.text.strip())),
        None,
    )
    if end is None or end + 1 >= len(sentences):
        return None
    return _part(sentences[end + 1 : end + 1 + MORE_SENTENCES])


def opening(article: Article, seen: str) -> str | None:
    """ "Tell me more" when only the card was shown (a random draw, a pasted link, "anything
    similar?"): the article's first sentences that `seen` (its summary, on the card) does
    not already hold; None when it has no other text."""
    sentences = [s for s in article.sentences if s.text.strip() and s.text.strip() not in seen]
    return _part(sentences[:MORE_SENTENCES]) if sentences else None


def _part(rest: list[Sentence]) -> str:
    """Sentences shown as one part: those of the first one's paragraph when it holds more
    than one of them, else all, without a heading at the end (it labels what comes after:
    the next part starts with it)."""
    para = rest[0].paragraph
    same = [s for s in rest if s.paragraph == para]
    part = same if len(same) > 1 else rest
    while len(part) > 1 and part[-1].kind == HEADING:
        part = part[:-1]
    return _joined(part)


def _joined(part: list[Sentence]) -> str:
    """The sentences as one text. A block that ends without a sentence's closing mark (a
    heading, a list item: "Installing the App", "Click install") is set off from the next
    one, as it was by its own line on the page: a heading by a colon, a paragraph or list
    item by a semicolon (code keeps its own marks); without them "Installing the App Open the App Store…" reads as one."""
    out = []
    for s, after in zip(part, [*part[1:], None], strict=True):
        text = s.text.strip()
        ends = after is not None and after.paragraph != s.paragraph
        if ends and s.kind in _SET_OFF and not _CLOSED.search(text):
            text += ":" if s.kind == HEADING else ";"
        out.append(text)
    return " ".join(out)
