"""Who said what a conversation last showed: "who said that?" read in the passage shown.

A member shown a passage asks "who said that?" of the passage itself: its "that" is what
was just read, not a new search. The speaker is in the passage or nowhere: a quote the
library attributed (Article.quotes, read at parse time), else a sentence naming its
speaker beside a verb of saying ("Williams says that…", "…, said Ms. Heath"), else no one
is quoted there and the words are the writer's own. Before, the question's one word
("said") chose the article's passage best matching "said" and its title: another speaker,
under "Closest match" (member19's and member22's probes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from bot.library.model import Article, Quote
from bot.library.source import source_of
from bot.search.asked import of_shown
from bot.search.followup import LEAD_IN, asks_of_shown
from bot.search.query import QUOTE
from bot.search.quotes import best_quote
from bot.search.results import Answer
from bot.search.words import stems

# "who said that?", "who says this", "who said it again?", "who was saying that": the
# question word, a verb of saying and a demonstrative or "it" for what was shown, nothing
# else. "Who wrote it?" asks for the article's byline (query.BYLINE), not this.
_ASKS = re.compile(
    LEAD_IN + r"who (?:(?:was|is) )?(?:said|says|say|saying|told you)"
    r" (?:that|this|it|those)(?: (?:quote|line|part|bit))?(?: again| exactly| then)?[\s?!.]*$"
)
# A name beside a verb of saying: "Williams says that…", "said Gary Hairston", "according
# to Dr Fiona Strachan". A name is one to four capitalised words; a lower-case word
# between ("multiple Kennedy Center employees said") leaves the subject unnamed.
_NAME = r"(?P<{g}>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|da|al))*)"
_SAY = r"(?:said|says|told|tells|added|adds|explained|explains|wrote|writes|argued|argues)"
# An adverb may stand between the name and its verb ("the EPA now says", "Kelly also said").
_ADVERBS = r"(?:also|now|later|then|still|again|once|previously|[a-z]+ly)"
_ADVERB = rf"(?:\s+{_ADVERBS})?"
_NAMED_SAY = re.compile(rf"{_NAME.format(g='before')},?{_ADVERB}\s+{_SAY}\b")
# A name, then a phrase set off by commas that describes it, then the verb: "Joe Dante,
# who popularized the Gremlins…, recently told…", "Anna Kelly, a White House spokeswoman,
# said…" (a relative clause or a role; within one sentence).
_NAME_SET_OFF_SAY = re.compile(
    rf"{_NAME.format(g='set')},\s+(?:who|which|an?|the)\s[^.;:!?”“]{{0,160}}?,{_ADVERB}\s+{_SAY}\b"
)
# A body named by a definite noun phrase ("the council says it will extend…", "the
# company said"): one or two lower-case words after "the", then the verb.
_BODY_SAY = re.compile(
    rf"\b(?P<body>[Tt]he\s+[a-z]+(?:\s+(?!{_ADVERBS}\b)[a-z]+)?){_ADVERB}\s+{_SAY}\b"
)
_SAY_NAMED = re.compile(rf"\b(?:{_SAY}|according to)\s+{_NAME.format(g='after')}")
# A speaker described, not named, after a quotation: "“It was almost too stupid for
# words,” said a former Trump official intimately familiar with…" (news sources kept
# anonymous). Only after a closing quotation mark (the quotation's own attribution) and
# an article or a count: "told a reporter" in running text names whom, not who.
_DESCRIBED_SAY = re.compile(
    r"[”\"],?\s+(?:said|says|added|adds|explained|explains|argued|argues|wrote|writes)\s+"
    r"(?P<who>(?:an?|the|one|two|three|four|several)\s+[^,.;:!?“”\"]{3,100}?)\s*(?:[,.;:!?]|$)"
)
# Any verb of saying: a passage holding one whose speaker goes unnamed ("…,” he said")
# quotes someone all the same, so its words are not taken for the writer's.
_SAYING = re.compile(rf"\b(?:{_SAY}|according to)\b")
# Capitalised words that open a sentence or stand for no one ("The", "But she said").
_NO_ONE = frozenset(
    ["The", "A", "An", "But", "And", "So", "He", "She", "They", "It", "We", "I", "You", "This"]
    + ["That", "There", "Then", "When", "While", "As", "In", "On", "At", "Mr", "Ms", "Mrs"]
)


# "who said it was bonkers", "who called it a joke", "so who said the dataset was
# horrifying": who said words the question gives (`rest`), of what the conversation is
# about. Its own words, pronouns and verbs of being aside, are the words quoted.
_ASKS_WORDS = re.compile(
    LEAD_IN + r"who (?:said|says|called|calls|described|describes)\b(?P<rest>[^?!.]+)[\s?!.]*$"
)
# The words of `rest` that say nothing quoted: pronouns for the thing talked about, the
# verb of being and "that" introducing what was said.
_NOT_SAID = frozenset(["it", "its", "that", "this", "they", "them", "was", "is", "were", "are"])


def asks_words(question: str) -> frozenset[str]:
    """The stems of the words a question asks who said ("who said it was bonkers":
    "bonker"); empty when it asks no such thing, or only "who said that?" (asks_speaker)."""
    m = asks_of_shown(_ASKS_WORDS, question)
    if m is None:
        return frozenset()
    return frozenset(stems(" ".join(w for w in m["rest"].split() if w not in _NOT_SAID)))


def words_answer(question: str, article: Article, asked: Set[str]) -> Answer | None:
    """ "Who said it was bonkers?" of the conversation's article: the first quotation it
    attributes (Article.quotes, a speaker named) holding every word asked (`asked`, stems),
    with its speaker, sure: the words say which. None when no quotation holds them all.
    Before (journey25), the title stood in for "it" and chose a passage naming another
    speaker (Springer Nature's Tim Kersjes) while the card's quote held Dorothy Bishop's
    "This is absolute bonkers"."""
    if not asked:
        return None
    for quote in article.quotes:
        if quote.speaker and not quote.excerpt and asked <= stems(quote.text):
            passage = f"{quote.speaker} said it: “{quote.text}”"
            return of_shown(
                question, article, passage, best_quote(article, avoid=(quote.text,)), QUOTE
            )
    return None


def asks_speaker(question: str) -> bool:
    """Whether the question asks who said what was just shown ("who said that?")."""
    return asks_of_shown(_ASKS, question) is not None


# Where a passage's window breaks into sentences: after a closing mark, before a capital or
# an opening quote; not after an initialism ("the U.S. Securities and Exchange
# Commission": journey24's "when was that?" showed "on Thursday, the U.") nor a title
# before a name ("Dr. Ames").
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?”])(?<![A-Z]\.[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr)\.)(?<!\bMrs\.)\s+(?=[“A-Z])"
)
# The verbs of a question asking what someone said ("what did the white house say?").
_ASKS_SAID = frozenset(["say", "said", "says", "tell", "told", "tells"])


def tells_what_said(words: Sequence[str], terms: Set[str], window: str) -> bool:
    """Whether `window` (the first window of a passage shown) answers a "what" question
    asking what someone said (`words`, as typed; `terms`, its stems): a sentence of it
    holds every word the question names besides its verb of saying, at least one, and a
    verb of saying ("Anna Kelly, a White House spokeswoman, said in a statement that…"
    for "what did the white house say"). The sentence is the answer: what they said."""
    said = {w for w in words if w in _ASKS_SAID}
    if not said:
        return False
    named = set(terms) - stems(" ".join(said))
    if not named:
        return False  # "what did she say?": no word to hold the sentence to
    return any(
        named <= stems(sentence) and _SAYING.search(sentence)
        for sentence in SENTENCE_BREAK.split(window)
    )


def speaker_in(quotes: Sequence[Quote], shown: str) -> tuple[str, str] | None:
    """Who said the passage `shown` of an article whose quotes are `quotes`
    (Article.quotes), window by window (the first is the one chosen for the question;
    " … " parts were added for words it lacked): a quote of the article with a speaker inside the window (the speaker, the quote's words), else a
    name beside a verb of saying there (the name, its sentence); None when the passage
    names no speaker."""
    quotes = [x for x in quotes if x.speaker and not x.excerpt]
    for window in shown.split(" … "):
        flat = _flat(window)
        quoted = [(flat.find(_flat(x.text)[:60]), x) for x in quotes if _flat(x.text)]
        quoted = [(at, x) for at, x in quoted if at >= 0]
        if quoted:
            quote: Quote = min(quoted, key=lambda pair: pair[0])[1]
            assert quote.speaker is not None
            return quote.speaker, f"“{quote.text}”"
        for sentence in SENTENCE_BREAK.split(window):
            name = _named(sentence) or _described(sentence)
            if name:
                return name, sentence
    return None


def _described(sentence: str) -> str | None:
    """The speaker a quotation's attribution describes (see _DESCRIBED_SAY), capitalised;
    None when it names or describes no one that way."""
    m = _DESCRIBED_SAY.search(sentence)
    return m.group("who")[:1].upper() + m.group("who")[1:] if m else None


def continued_speaker(article: Article, shown: str) -> tuple[str, str] | None:
    """Who said a quotation shown with no attribution of its own, the speaker of the
    quotation just before it in its paragraph: "“It was almost too stupid for words,”
    said a former Trump official… “I did not get the sense he was joking at all.”" shows
    only its second sentence; before, its words were called the writer's. (the speaker,
    the quotation); None when the first window opens with no quotation, holds a verb of
    saying of its own, or the sentence before is no attributed quotation."""
    window = shown.split(" … ")[0].strip()
    if not window.startswith(("“", '"')) or _SAYING.search(window):
        return None
    sentences = [s for s in article.sentences if s.text.strip()]
    first = next((i for i, s in enumerate(sentences) if s.text.strip() in window), None)
    if not first or sentences[first - 1].paragraph != sentences[first].paragraph:
        return None
    before = sentences[first - 1].text.strip()
    if not re.search(r"[”\"]", before):
        return None
    who = _named(before) or _described(before)
    quoted = SENTENCE_BREAK.split(window)[0]
    return (who, quoted) if who else None


def writer(article: Article) -> str | None:
    """The article's writer, for words no one is quoted saying; None without a byline."""
    return source_of(article.author, article.link).person or None


def _named(sentence: str) -> str | None:
    """The name beside a verb of saying in `sentence`, its first such; None when none."""
    for pattern, group in (
        (_SAY_NAMED, "after"),
        (_NAMED_SAY, "before"),
        (_NAME_SET_OFF_SAY, "set"),
    ):
        for m in pattern.finditer(sentence):
            parts = m.group(group).split()
            while parts and parts[0].rstrip(".") in _NO_ONE:
                parts = parts[1:]
            if parts:
                return " ".join(parts).rstrip(",.")
    body = _BODY_SAY.search(sentence)
    return body.group("body").capitalize() if body else None


def _flat(text: str) -> str:
    """Text compared without its quote marks, case or spacing."""
    return " ".join(re.sub(r"[“”\"‘’']", "", text).lower().split())


def said_answer(question: str, article: Article, shown: str) -> Answer | None:
    """ "Who said that?" answered from the passage `shown` of `article` (speaker_in), sure:
    the passage is the one asked about. Words no one is quoted saying are the writer's
    (None when the article names no writer, or the passage holds a verb of saying whose
    speaker goes unnamed, "…,” he said": the question is then asked as before). Asked
    of the article (query.QUOTE), so the passage shown before stays where "tell me more"
    goes on from (bot/conversation.py)."""
    found = speaker_in(article.quotes, shown) or continued_speaker(article, shown)
    if found is not None:
        who, said = found
        passage, avoid = f"{who} said it: {said}", (said,)
    else:
        person = writer(article)
        if person is None or _SAYING.search(shown):
            return None
        passage, avoid = f"No one is quoted in that part: the words are the writer's, {person}.", ()
    return of_shown(question, article, passage, best_quote(article, avoid=avoid), QUOTE)
