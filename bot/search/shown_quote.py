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
    sentence before it or announces one after it that the card does not show, is the page
    speaking to its reader, or holds an unpaired quotation mark, the best other one that is
    none of these, else none; shortened (see shorter). `stock`: the article's sentences its
    site repeats in many posts (stock.py), never the quote."""
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
            or page_to_reader(q, policy)
            or unpaired_marks(q, policy)
            or list_item(q, policy)
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


def page_to_reader(quote: Quote, policy: Policy) -> bool:
    """Whether `quote` is an excerpt in which the page appeals to its reader in its own
    voice: a call to the reader (_APPEAL: "please", "let us know", "you can get/find/help",
    "if you …", "we encourage you", "your feedback") and "we"/"us"/"our" in one sentence of
    the article's own. That is the site talking about itself (a survey, a subscription,
    where to get the tool), not the story: TechCrunch's "…feedback into TechCrunch and our
    coverage and events, you can help us!", the release posts' "…you can get rustup from
    the appropriate page on our website." A "you" that is no appeal is the story's ("…less
    often than some would have you believe", "our responsibility is to ensure that you never
    dread upgrading Rust"), and a speaker's words are a person's: both kept. "US" (the
    country) is no "us". Policy.quote_page_to_reader_passed False keeps them."""
    if not policy.quote_page_to_reader_passed or not quote.excerpt:
        return False
    text = quote.text
    appeal = _APPEAL.search(text) is not None or (
        _ASKED.search(text) is not None and _YOU.search(text) is not None
    )
    return appeal and _PAGE.search(text) is not None


def unpaired_marks(quote: Quote, policy: Policy) -> bool:
    """Whether `quote` holds a double quotation mark with no partner: its bounds were read
    across one quotation's end ("The Pro-Human AI Declaration“. And before we go into the
    details…"), and the card would show the narration after it as someone's words.
    Apostrophes and single marks are not counted (it's, the Rustaceans’). Policy.
    quote_unpaired_marks_passed False keeps them."""
    if not policy.quote_unpaired_marks_passed:
        return False
    text = quote.text
    return (text.count("“") + text.count("”")) % 2 == 1 or text.count('"') % 2 == 1


def list_item(quote: Quote, policy: Policy) -> bool:
    """Whether `quote` is an excerpt opening on a mark that is no letter, digit, quotation
    mark or bracket: a list's bullet or an emoji ticking off an item (Status's "✅ Unlimited
    access to our online archive…", its newsletter's offer), a line of a list, not a
    sentence to quote. Policy.quote_list_item_passed False keeps them."""
    if not policy.quote_list_item_passed or not quote.excerpt:
        return False
    first = quote.text.lstrip()[:1]
    return bool(first) and not (first.isalnum() or first in _OPENERS)


# What a quotable sentence may open on besides a letter or digit.
_OPENERS = frozenset("\"“‘'([¿¡$£€#@")
# The page's calls to its reader: a request ("please", "let us know", "reach
# out"), what the reader can go and do ("you can get rustup from…", "you can find our
# charter…"), a condition on the reader ("If you're interested…", "if you have questions"),
# an invitation ("we encourage you", "we invite you") or the reader's say ("your feedback").
_APPEAL = re.compile(
    r"\b(?:[Pp]lease|let us know|reach out|feel free"
    r"|[Yy]ou (?:can|may) (?:get|grab|find|download|install|read|learn|help|check|see|file"
    r"|reach|contact|join|sign|subscribe|follow)"
    r"|[Ii]f you|[Ww]e (?:encourage|invite|welcome|want) you"
    r"|your (?:feedback|thoughts|opinions?|responses|input|patience|perspective))\b"
)
# "help us", "tell us", "join us": a request when the reader is named beside it ("you can
# help us!", "we want you to join us!"), not in "a language that would help us be better
# developers" or "…when they tell us why they dropped the language".
_ASKED = re.compile(r"\b(?:help|tell|join|contact|follow) us\b")
_YOU = re.compile(r"\b[Yy]ou(?:rs?|rself|['’](?:re|ve|ll|d))?\b")
# The page's own voice (lower-case "us": "US" is the country).
_PAGE = re.compile(r"\b(?:[Ww]e(?:['’](?:re|ve|ll|d))?|[Oo]urs?|us)\b")
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
