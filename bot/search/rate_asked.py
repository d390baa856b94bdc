"""An amount per unit asked of the conversation's article: "how much per hour?" alone.

After an answer about an article, a member asks for a rate with no topic of its own ("how
much per hour?", "what's the rate a month?", "and per year?"): the rate is the article's,
an amount written "per X", "a X", "an X", "each X" or "every X" ("£75 an hour", "£22,000 a
year each"). Before, the question's two words were searched alone: "how much per hour"
after the maintainers fund was the sodium-sulfur battery's "160 watt-hours per kilogram",
surely (member22's leftover), "how much per month" the heat pumps' "£7,900 per home".
"Per" is no stopword (words.py, cache-stamped) and no word of the fund's "£75 an hour", so
the follow-up reading never held the fund article.

Found in the passage shown, or the article's only amount per X, the rate is the answer,
surely; one of several is the closest match (the one holding most of the conversation's
last question's words), shown only when the question read as before shows another
article's amount per nothing asked (following.py: "how much per home" after the heat pumps
was sure of "£7,900 per home" by member22's same_article_fit, and stays so; "how much per
school" after the solar co-op stays its "14p per kilowatt-hour" sold to each school). An article giving no amount per X, but a sum per another period
("£3,500 a year" for "per month"), is shown with it, as the closest match: it does not
say.
"""

from __future__ import annotations

import re

from bot.library.model import Article
from bot.search.asked import of_shown
from bot.search.followup import LEAD_IN, asks_of_shown
from bot.search.quotes import best_quote
from bot.search.results import HIGH, LOW, Answer
from bot.search.said_by import SENTENCE_BREAK
from bot.search.words import stems

# "how much per hour?", "what's the rate a month", "how much does it cost per day", "and
# per year?": an amount asked, at most a pronoun's verb, a preposition or article of rate
# and its unit, nothing else (a question naming its thing, "how much will the schools
# save per year", is asked as before).
_ASKS = re.compile(
    LEAD_IN + r"(?:(?:how much|what(?:'s| is| was)(?: the)?(?: rate| cost| price| fee| pay)?)"
    r"(?: (?:is|was) (?:it|that|this)| (?:does|did) (?:it|that) (?:cost|pay|come to)"
    r"| (?:do|did|does) (?:they|he|she|you) (?:pay|get|earn|charge|make))? )?"
    r"(?:per|a|an|each|every) (?P<unit>[a-z]+)[\s?!.]*$"
)
# An amount and its rate, the figure up to three words before it ("£75 an hour", "£5 and
# £40 a year", "2,100 megawatt-hours a year", "£22,000 a year each") or, after "per X",
# a sum of money two words on at most ("a small charge per loan, typically £1 to £6"; "a
# day for more than 27 years" is no rate).
_FIGURE = r"[£$€]?\d[\d,.]*"
_PER = r"(?:per|an?|each|every)\s+{unit}s?\b"
_RATE = (
    rf"{_FIGURE}(?:\s*(?:[a-z%][\w%-]*|{_FIGURE})){{{{0,3}}}}\s+{_PER}"
    r"|\bper\s+{unit}s?\b,?(?:\s+[a-z]+){{0,2}}\s+[£$€]\d"
)
# The rates read as another period's when the one asked is not given ("£3,500 a year"
# for "per month"): a sum of money per unit of time, the rates a member converts.
_PERIODS = r"(?:hour|day|night|week|month|term|year)"


def asks_rate(question: str) -> str | None:
    """The unit of the rate the question asks alone ("how much per hour?": "hour"), else
    None."""
    m = asks_of_shown(_ASKS, question)
    return m.group("unit") if m else None


def rates(text: str, unit: str) -> bool:
    """Whether `text` gives an amount per `unit` ("£75 an hour" for "hour")."""
    return bool(re.search(_RATE.format(unit=re.escape(unit)), text, re.IGNORECASE))


def rate_answer(
    question: str, article: Article, shown: str, asked: str | None, unit: str
) -> Answer | None:
    """ "How much per X?" answered from `article` (see the module): the sentence shown
    giving an amount per X, sure; else the article's only one, sure; else the one of
    several holding most of `asked` (the conversation's last question), the closest
    match; else a sentence giving a sum per another period, the closest match; None when
    it gives none. Its passage is the article's own text, so
    "tell me more" goes on after it."""
    for part in shown.split(" … "):
        for sentence in SENTENCE_BREAK.split(part):
            if rates(sentence, unit):
                return _answer(question, article, sentence.strip(), HIGH)
    sentences = [s.text.strip() for s in article.sentences if s.text.strip()]
    per_unit = [s for s in sentences if rates(s, unit)]
    if len(per_unit) == 1:
        return _answer(question, article, per_unit[0], HIGH)
    named = stems(asked or "")
    if per_unit:
        best = max(per_unit, key=lambda s: len(named & stems(s)))
        return _answer(question, article, best, LOW)
    period = _RATE.format(unit=_PERIODS)
    others = [s for s in sentences if re.search(period, s) and re.search(r"[£$€]\d", s)]
    if not others:
        return None
    best = max(others, key=lambda s: len(named & stems(s)))  # the first of the best
    return _answer(question, article, best, LOW)


def _answer(question: str, article: Article, sentence: str, sure: str) -> Answer:
    return of_shown(question, article, sentence, best_quote(article), None, sure)
