"""The quote an answer shows under its passage and summary: one that adds to them, at a
length read on a phone.

quotes.best_quote keeps out a quote whose text is inside the passage, but not one that
says the passage's facts again in other words (COP30: the passage "More than 50,000
people from nearly 200 nations are attending", the quote "The talks have drawn more than
50,000 people from nearly 200 countries."). And a speaker's paragraph can run to a
hundred words under an answer of three sentences (Google's statement on its dark web
report): the reply's last part then outweighs its answer. Both are read here, when the
answer is made, not in quotes.py, whose choices the cache keeps.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from bot.library.model import Article, Quote
from bot.library.sentences import split_sentences
from bot.search.features import sentence_features
from bot.search.policy import Policy
from bot.search.quotes import best_quote
from bot.search.sentence_spans import find, tokens
from bot.search.words import stems


def says_again(text: str, passage: str, share: float, least: int) -> bool:
    """Whether `text` says again what `passage` shows: at least `share` of its content
    words' stems are the passage's, and it has `least` of them or more (two or three words
    shared say little of a short text). A share of 0 or less says no."""
    said = stems(text)
    if len(said) < least or share <= 0:
        return False
    return len(said & stems(passage)) / len(said) >= share


def restates(quote: str, passage: str, policy: Policy) -> bool:
    """Whether `quote` says `passage` again (says_again at Policy.quote_restates_share, for
    quotes of Policy.quote_restates_words content stems or more)."""
    return says_again(quote, passage, policy.quote_restates_share, policy.quote_restates_words)


def shorter(quote: Quote, policy: Policy) -> Quote:
    """`quote` as its first whole sentences within Policy.quote_shown_words words (see
    first_sentences)."""
    text = first_sentences(quote.text, policy.quote_shown_words)
    return quote if text == quote.text else replace(quote, text=text)


def first_sentences(text: str, limit: int) -> str:
    """`text` as its first whole sentences within `limit` words, "…" after them; unchanged
    when it is that short, `limit` is 0 or less, or its first sentence alone is longer (a
    sentence is not cut: a quote cut mid-sentence says what the speaker did not)."""
    if limit <= 0 or len(text.split()) <= limit:
        return text
    kept: list[str] = []
    n = 0
    for sentence in split_sentences(text):
        n += len(sentence.split())
        if n > limit:
            break
        kept.append(sentence)
    if not kept:
        return text
    return " ".join(kept) + " …"


def shown_quote(
    article: Article,
    question: str,
    shown: Sequence[str],
    policy: Policy,
    stock: Collection[str] = (),
) -> Quote | None:
    """The quote to show under `shown` (the passage, then the summary): best_quote's, or
    when it restates the passage or the summary, is a fragment nobody owns, or leans on a
    sentence before it or announces one after it that the card does not show, the best
    other one that is none of these, else none; shortened (see shorter). `stock`: the
    article's sentences its site repeats in many posts (stock.py), never the quote."""
    avoid = [t for t in shown if t]
    quote = best_quote(article, question, avoid=[*avoid, *stock])
    if quote is not None and any(s in quote.text for s in stock):
        quote = None  # only stock is left: nothing of this article's own
    # The summary is read too unless the policy says the passage alone.
    said = [t for t in (shown if policy.quote_restates_summary else shown[:1]) if t]

    def unfit(q: Quote) -> bool:
        return (
            any(restates(q.text, text, policy) for text in said)
            or unowned_fragment(q, policy)
            or leans_back(q, policy)
            or announces(q, policy)
        )

    if quote is not None and unfit(quote):
        other = best_quote(article, question, avoid=[*avoid, *stock, quote.text])
        fresh = other is not None and other.text != quote.text
        if other is not None and any(s in other.text for s in stock):
            fresh = False
        quote = other if fresh and not unfit(other) else None
    return shorter(quote, policy) if quote is not None else None


def unowned_fragment(quote: Quote, policy: Policy) -> bool:
    """Whether `quote` is words the article quotes from inside a sentence with no one to
    say them: no speaker, and it opens in lower case (the Hawley bill's "a person that (i)
    has a market capitalization of more than $150,000,000,000; …", quoted from the bill
    after the article's "also known as,"). Out of that sentence a member cannot tell whose
    words they are or what they describe. A speaker's fragment ("a power tool ... to get
    people to do what I wanted" — Allison Mack) says whose; an excerpt is the article's
    own sentence. Policy.quote_fragment_unowned False keeps them."""
    if not policy.quote_fragment_unowned or quote.speaker or quote.excerpt:
        return False
    first = next((c for c in quote.text if c.isalpha()), "")
    return first.islower()


def leans_back(quote: Quote, policy: Policy) -> bool:
    """Whether `quote` opens leaning on a sentence before it that the card does not show: a
    pronoun or "This"/"These" (perhaps after "But"), or a connective ("However, …",
    "As a result, …") — features.leans_back, the test the passage's windows use to take
    the sentence before. A quote cannot take it (a speaker's words, or the article's own
    sentence whose neighbour is not a quote), so it gives way: Wiley's "These two papers
    were retracted…" says nothing of which papers. Policy.quote_leaning_passed False keeps
    them. Two openings that test reads as leaning name what they mean: a demonstrative
    heading a relative clause ("Those who embrace this change…": _RELATIVE_HEAD) and a date
    ("This year, we will deliver Rust 2018…": the words name their time)."""
    if not policy.quote_leaning_passed or not sentence_features(quote.text).leans_back:
        return False
    opening = quote.text.lstrip("“\"‘'(")
    if _RELATIVE_HEAD.match(opening):
        return False
    return not any(
        span.kind == "date" and span.start == 0
        for span in find("numeric", opening, tokens(opening))
    )


def announces(quote: Quote, policy: Policy) -> bool:
    """Whether `quote` announces what comes after it, which the card does not show: it ends
    with a colon ("…you can revert to version 1.23.1 by running the following command:") or
    opens on "The following" ("The following is a list of changes we are tracking…"), the
    sentence_roles.announces test made for a quote. Policy.quote_announcing_passed False
    keeps them."""
    if not policy.quote_announcing_passed:
        return False
    text = quote.text.strip().strip("“”\"‘’'")
    return text.endswith(":") or _FOLLOWING.match(text) is not None


_FOLLOWING = re.compile(r"^the following\b", re.I)
# A demonstrative pronoun a relative clause or "of" phrase defines: it points ahead, at the
# words that follow, not back at a sentence before.
_RELATIVE_HEAD = re.compile(r"^(?:those|that|these)\s+(?:who|whom|whose|which|of)\b", re.I)


def _flat(text: str) -> str:
    """Text compared without its quote and Markdown marks, case or spacing."""
    return " ".join(re.sub(r"[“”\"‘’'*_>…]", "", text).lower().split())


def beside_summary(summary: str | None, quote: Quote | None) -> Quote | None:
    """The quote a card shows under its summary: none when one holds the other's words
    (the killer whales card and its picks showed the newsletter's opening twice, as
    summary and as quote: journey24), compared on their first 80 characters. Every card
    that shows both reads it here (the Discord card and the pick card)."""
    if quote is None or not summary:
        return quote
    said, told = _flat(quote.text), _flat(summary)
    if said[:80] in told or told[:80] in said:
        return None
    return quote
