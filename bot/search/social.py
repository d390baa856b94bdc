"""Small talk: what a message said to the bot rather than asked of the library is ("thanks!",
"hi there", "lol", "that's wild", "what can you do?"). The reader (parse.py) asks social_kind
of every message; respond.py answers each kind.
"""

from __future__ import annotations

import re

from bot.search.question_words import LISTING_WORDS, QUESTION_WORDS
from bot.search.words import STOPWORDS, fold, without_apostrophe

# Small talk: a message made only of these (and stopwords) is said to the bot, not asked of
# the library ("thanks!", "hi there", "good bot", "lol"). A closed class, like stopwords:
# greetings, thanks, farewells, laughter and praise, and the words that address someone.
SOCIAL_WORDS: dict[str, frozenset[str]] = {
    "thanks": frozenset(
        [
            "thanks",
            "thank",
            "thx",
            "thanx",
            "tnx",
            "thnx",
            "thnks",
            "thankyou",
            "tx",
            "ty",
            "tysm",
            "tyvm",
            "cheers",
            "appreciated",
            "appreciate",
            "grateful",
            "ta",
            "kudos",
        ]
    ),
    # Asking the bot what it does: "help", "commands?" (and, below, "who are you?").
    "help": frozenset(["help", "commands", "usage"]),
    "farewell": frozenset(
        ["bye", "byebye", "goodbye", "cya", "ciao", "later", "ttyl", "farewell", "goodnight", "gn"]
    ),
    "greeting": frozenset(
        [
            "hi",
            "hello",
            "hey",
            "heya",
            "hiya",
            "howdy",
            "yo",
            "sup",
            "hola",
            "greetings",
            "morning",
            "afternoon",
            "evening",
            "gm",
            "welcome",
        ]
    ),
    "praise": frozenset(
        [
            "good",
            "great",
            "nice",
            "cool",
            "awesome",
            "perfect",
            "excellent",
            "amazing",
            "brilliant",
            "lovely",
            "wonderful",
            "fantastic",
            "helpful",
            "neat",
            "sweet",
            "wow",
            "best",
        ]
    ),
    # An acknowledgement says nothing of the reply: "ok" is no praise to thank for.
    "ack": frozenset(
        [
            "ok",
            "okay",
            "k",
            "kk",
            "alright",
            "sure",
            "yes",
            "yeah",
            "yep",
            "yup",
            "nope",
            "np",
            "sorry",
        ]
    ),
}
# Words that only address someone or intensify ("thank you so much", "hi bot", "nice one
# mate"): they keep a message small talk but make none on their own.
ADDRESS_WORDS = frozenset(
    [
        "bot",
        "robot",
        "buddy",
        "mate",
        "friend",
        "man",
        "dude",
        "guys",
        "folks",
        "everyone",
        "everybody",
        "all",
        "much",
        "lot",
        "lots",
        "very",
        "really",
        "so",
        "again",
        "there",
        "job",
        "work",
        "one",
    ]
)
# Words that ask a bot what it is for, said to it ("what kind of stuff can I ask you?",
# "how do I use you?", "what is this bot for?"): the language of using a tool, never a
# topic. Only with the bot addressed; "what kind of stuff is in lasagna" asks the library.
_OF_USE = frozenset(
    ["ask", "use", "kind", "kinds", "sort", "type", "stuff", "things", "questions", "purpose"]
)
# A newcomer saying so ("I'm new here"): allowed beside a use asked, never one on its own
# ("what's new with you" asks no use).
_NEWCOMER = frozenset(["new"])
# Laughter and cheer as people type it: "haha", "hehehe", "lool", "lmfao", "xD", "yay".
LAUGHTER = re.compile(r"(?:a?h+a+h*)+|(?:h+e+)+h*|lo+l+|l+m+f*a+o+|rofl|xd+|ya+y+|wo+w+")


# Stopwords as words() gives them when typed with their apostrophe or without it:
# "you're" and "youre" both read "youre" ("thanks bot you're the best" is small talk).
_SPOKEN_STOPWORDS = STOPWORDS | {without_apostrophe(w) for w in STOPWORDS}
# A reaction to the last reply: a demonstrative, a copula, intensifiers and one word
# ("that's wild", "this is so sad", "thats crazy"), nothing asked: said to the bot.
_REACTION = re.compile(
    r"^(?:that|this)(?:'s|s|\s+is|\s+was)\s+"
    r"(?:(?:so|really|very|pretty|quite|kinda|too|such|a|an|just)\s+)*[^\W\d_]+$"
)
# What may surround a reaction's words: punctuation, emoji, spaces.
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
# Messages with no word at all ("?!?!", "...", "🦦🦦🦦") ask nothing the library can answer.
WORDLESS = "wordless"
# The emoji people answer a reply with instead of words: a thumbs up, "ok", hands
# together, applause, a tick, a heart, a salute (skin tones and the emoji presentation
# selector aside). Said alone they acknowledge or thank, as "ok" and "thanks" do; before,
# 👍 was told "I read words". Gestures of assent as a closed class, never a topic's emoji.
_ASSENT = frozenset("👍👌🙌👏✅✔💯❤♥💙💚💜🧡💛🫡🤝😊🙂")
_THANKING = frozenset("🙏")
_MODIFIERS = re.compile(r"[\U0001F3FB-\U0001F3FF\uFE0F\u200d\s!.]")


# A clause after thanks or praise says what the reply did, its subject the demonstrative
# for the reply ("thanks, that helps", "great, this answers it", "ok that makes sense"):
# at most this many words after the demonstrative.
_AFTER_THANKS = 3
_DEMONSTRATIVES = frozenset(["that", "this", "thats", "that's"])
# Or the clause is said of the bot, its subject "you" with the copula ("nice, you're pretty
# handy", "thanks, you are a star"): before, its adjective was searched ("could not find").
_TO_YOU = (("youre",), ("you're",), ("you", "are"), ("ur",))


# The kinds of small talk a question may follow in one breath ("ok and when was that?",
# "thanks! who runs it?", "lol why"): an acknowledgement, thanks, laughter or praise. A
# greeting's question is its own ("hey what's up").
_ASKING_AFTER = frozenset(["ack", "thanks", "laughter", "praise"])


def _asks_after(ws: list[str]) -> bool:
    """Whether the words hold a question word with words after it: "when was that" asks
    something; a question word last ("lol what") only reacts."""
    return any(w in QUESTION_WORDS for w in ws[:-1])


def social_kind(raw: str, ws: list[str]) -> str | None:
    """What kind of small talk a message (`raw`, its words `ws`) is: one of small_talk's,
    "reaction" ("that's wild"), WORDLESS (punctuation or emoji only), else None."""
    if not ws:
        return _gesture(raw) if raw.strip() else None
    asks = raw.rstrip().endswith("?")
    if not asks and _REACTION.match(_EDGES.sub("", " ".join(fold(raw).replace("’", "'").split()))):
        return "reaction"
    kind = small_talk(ws)
    if kind is None and not asks:
        kind = _thanks_and_reaction(ws)
    return kind


def _gesture(raw: str) -> str:
    """The small talk a wordless message is: "thanks" for hands together, "ack" for the
    gestures of assent (_ASSENT), else WORDLESS."""
    marks = set(_MODIFIERS.sub("", raw))
    if not marks:
        return WORDLESS
    if marks <= _THANKING | _ASSENT and marks & _THANKING:
        return "thanks"
    return "ack" if marks <= _ASSENT else WORDLESS


def _thanks_and_reaction(ws: list[str]) -> str | None:
    """The kind of the small talk a message opens with when the rest is a short clause about
    the reply ("thanks, that helps"), else None. The demonstrative must follow the small
    talk at once: "thanks, what did that study find" asks something."""
    lead = next((i for i, w in enumerate(ws) if small_talk([w]) is None), len(ws))
    if lead > 1 and ws[lead - 1] == "you":  # "you" alone is said to the bot (small_talk)
        lead -= 1
    rest = ws[lead:]
    said = next((len(y) for y in _TO_YOU if tuple(rest[: len(y)]) == y), 0)
    if not said and rest[:1] and rest[0] in _DEMONSTRATIVES:
        said = 1
    if not lead or not said or len(rest) > said + _AFTER_THANKS:
        return None
    if any(w in QUESTION_WORDS for w in rest):
        return None
    return small_talk(ws[:lead])


def small_talk(ws: list[str]) -> str | None:
    """What kind of small talk words are ("thanks", "farewell", "greeting", "laughter",
    "praise", "ack", "help"), or None when one of them is more than stopwords and social words."""
    kinds: set[str] = set()
    of_use = newcomer = False
    for w in ws:
        kind = next((k for k, group in SOCIAL_WORDS.items() if w in group), None)
        if kind is None and w not in _SPOKEN_STOPWORDS and LAUGHTER.fullmatch(w):
            # A function word is read as itself: "he" of "what is he doing" is the
            # pronoun, not a short "hehe" (before: "Glad you're enjoying it").
            kind = "laughter"
        if kind is not None:
            kinds.add(kind)
        elif w in _OF_USE:
            of_use = True
        elif w in _NEWCOMER:
            newcomer = True
        elif w not in _SPOKEN_STOPWORDS and w not in ADDRESS_WORDS:
            return None
    # Said to the bot: "you", or "bot" in a question ("what is this bot for?"): a question
    # naming the bot asks what it is, as "what can you do?" does.
    named_bot = "bot" in ws and any(w in QUESTION_WORDS for w in ws)
    to_bot = "you" in ws or named_bot
    # A newcomer may say so beside a use asked, or beside a question naming the bot ("hi!
    # im new here, what is this bot for": journey24 got the snooping-phones article for
    # "new" and "bots").
    if (of_use or newcomer) and not (to_bot and of_use) and not (newcomer and named_bot):
        return None  # "what kind of stuff" names no one; "what's new with you" asks no use
    if of_use and not LISTING_WORDS.isdisjoint(ws):
        return None  # "what kind of articles do you have" asks the library (asks_library)
    if not to_bot and kinds <= _ASKING_AFTER and _asks_after(ws):
        return None  # "ok and when was that?", "lol why did it close": asked, not said
    if to_bot and (of_use or not kinds or named_bot):
        # Stopwords said to the bot ("who are you?", "what can you do?"), or its use asked
        # of it ("hi, i'm new here, what kind of stuff can i ask you?").
        kinds.add("help")
    # The first of the kinds in this order: "thanks, bye" thanks, "hi, lol" greets.
    order = ("thanks", "farewell", "help", "greeting", "laughter", "praise", "ack")
    return next((k for k in order if k in kinds), None)
