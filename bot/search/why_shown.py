"""Why what a conversation last showed is so: "why?" alone read in the passage shown.

A member shown a passage asks "why?", "how come?" or "why's that?" of what was just read:
its reason is a clause the article gives with it ("…at 46%, largely because of glued-in
batteries"), in the sentences shown, else in the one before or after them in their
paragraph. Found in the sentences shown, the reason is the answer, surely; beside them,
it is the closest match (a neighbour's reason may be another thing's). Found in neither,
the question is asked as "why?" was before (the passage its kind and the article's title
choose, hedged); "how come?", found nowhere that way, is asked as "why?" (it was searched
for "come" and answered "could not find").
Member22 tried the reason three sentences off and dropped it (it replaced a right reason
once, and "since he was in his 40s" read as one); here only the window shown and its
paragraph's next sentences are read, and "since" and "as" (times and manners as often as
reasons) are not reasons.
"""

from __future__ import annotations

import re

from bot.library.model import Article
from bot.search.asked import of_shown
from bot.search.followup import LEAD_IN, asks_of_shown, beside, first_window
from bot.search.quotes import best_quote
from bot.search.results import HIGH, LOW, Answer
from bot.search.said_by import SENTENCE_BREAK
from bot.search.sentence_spans import find, tokens

# "why?", "but why?", "why's that", "why is that so?", "how come?", "how so?", "why
# though?": a word asking for a reason and, at most, the copula and a demonstrative for
# what was shown. A reason asked of a thing named ("why did okafor start it?") is searched.
# "Why not?" and "why not 1000?" ask the same of what was shown against what it was not (an
# amount is no topic of its own: journey27's "why not 1000" after "$350 more, despite
# projections of $1,000" found nothing); "why not rust?" names a topic and is searched.
_ASKS = re.compile(
    LEAD_IN + r"(?:why|how come|how so|why so|why not(?: (?:more|less|[$£€]?[\d.,]+[%k]?))?)"
    r"(?:'s that| (?:is|was) (?:that|it|this)(?: so)?| that)?"
    r"(?: though| exactly| then| again)?[\s?!.]*$"
)
# How "why?" is asked when what was shown gives no reason and its other ways of asking
# find nothing (see following._in_conversation).
WHY = "why?"
# The connectives read as giving no reason here: "since" dates as often as it explains
# ("since he was in his 40s", "has since paid"), "as" compares or times ("as it was").
_NOT_REASONS = frozenset(["since", "as"])


def asks_why(question: str) -> bool:
    """Whether the question asks the reason of what was just shown ("why?", "how come?")."""
    return asks_of_shown(_ASKS, question) is not None


def gives_reason(sentence: str) -> bool:
    """Whether the sentence gives a reason (sentence_spans' reason connectives: "because",
    "due to", "so that", "to avoid", "led to"…), besides "since" and "as"."""
    t = tokens(sentence)
    return any(_reason(t.folded, s.start) for s in find("reason", sentence, t))


def _reason(folded: list[str], at: int) -> bool:
    """Whether the connective at word `at` gives a reason: not "since" or "as", nor "due
    to be" (expected: "a report due to be published in the summer")."""
    if folded[at] in _NOT_REASONS:
        return False
    return not (folded[at] == "due" and folded[at + 2 : at + 3] == ["be"])


def reason_of(article: Article, shown: str, near: int) -> tuple[str, bool] | None:
    """The sentence giving the reason of the passage `shown` of `article`, and whether it
    is one of the sentences shown (window by window, the first, chosen for the question,
    first), else the nearest of the `near` sentences before or after the first window in
    its paragraph (the one before first at equal distance); None when none gives one."""
    for part in shown.split(" … "):
        for sentence in SENTENCE_BREAK.split(part):
            if gives_reason(sentence):
                return sentence.strip(), True
    found = beside(article, first_window(shown), near, gives_reason)
    return (found, False) if found else None


def why_answer(question: str, article: Article, shown: str, near: int) -> Answer | None:
    """ "Why?" answered from the passage `shown` of `article` (reason_of): the sentence
    giving the reason, sure when it is one shown, else the closest match; None when the
    passage and its neighbours give none. Its passage is the article's own text, so "tell
    me more" goes on after it."""
    found = reason_of(article, shown, near)
    if found is None:
        return None
    sentence, shown_there = found
    sure = HIGH if shown_there else LOW
    return of_shown(question, article, sentence, best_quote(article), None, sure)
