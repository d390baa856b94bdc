"""The summary an answer shows under its passage: one that adds to it.

summary.summarize passes over a description the passage holds word for word, but not
one that says the passage's sentence again with a word or two changed: an editor's
description is often the body's first sentence reworded ("The Facebook page ICE
Sighting-Chicagoland amassed over 70,000 members…" over the passage "The Facebook page
ICE Sighting-Chicagoland had over 70,000 members…"), and the reply then says one thing
twice where a member expects the article's gist. Read here, when the answer is made, not
in summary.py, whose choices the cache keeps.
"""

from __future__ import annotations

from collections.abc import Collection

from bot.library.model import Article
from bot.library.sentences import split_sentences
from bot.search.features import sentence_features
from bot.search.policy import Policy
from bot.search.shown_quote import first_sentences, says_again
from bot.search.summary import is_real_summary, summarize


def shown_summary(
    article: Article, passage: str | None, policy: Policy, stock: Collection[str] = ()
) -> str:
    """The summary an answer showing `passage` shows (chosen), as its first whole sentences
    within Policy.summary_shown_words words: a description can run to a paragraph
    (Democracy Now!'s, 151 words under a one-sentence answer: reply26), and the card's
    answer is then lost under it. `stock`: the article's sentences its site repeats in
    many posts (stock.py), passed over as a summary; "" when what is left would not serve
    as one (stands_for)."""
    summary = chosen(article, passage, policy, stock)
    if stock and summary and not stands_for(summary, article, stock, policy.stock_summary_within):
        return ""
    return first_sentences(summary, policy.summary_shown_words) if summary else summary


def chosen(
    article: Article, passage: str | None, policy: Policy, stock: Collection[str] = ()
) -> str:
    """summarize's summary for an answer showing `passage`; when it says the passage again
    (at least Policy.summary_restates_share of its content stems are the passage's), the
    summary summarize gives with that one passed over too, if it does not and would pass as
    a summary itself (fits); else the first: a restated summary is better than furniture
    ("Sign up for Chalkbeat's free weekly newsletter…", the next sentence there)."""
    shown = [passage] if passage else []
    shown += stock
    summary = summarize(article, avoid=shown)
    if not passage or not summary:
        return summary
    share, least = policy.summary_restates_share, policy.quote_restates_words
    if not says_again(summary, passage, share, least):
        return summary
    other = summarize(article, avoid=[*shown, summary])
    if other != summary and fits(other, article) and not says_again(other, passage, share, least):
        return other
    return summary


def fits(text: str, article: Article) -> bool:
    """Whether `text`, a body sentence or two, would serve as the article's summary: it
    passes the test a description passes (is_real_summary: no promotion, furniture, link
    or cut-off text, enough words) and it does not end by asking ("From Delco to Chesco…,
    what … do you want WHYY News to cover?" asks the reader; it says nothing of the
    article)."""
    return bool(text) and not text.rstrip().endswith("?") and is_real_summary(text, article.title)


def stands_for(summary: str, article: Article, stock: Collection[str], within: int) -> bool:
    """Whether `summary`, chosen with the article's stock lines passed over, may be shown:
    it holds none of them, and it is a description or a body sentence that would serve as
    a summary (fits), opens on one of its first `within` body sentences (Policy.
    stock_summary_within) and does not lean on a sentence before it (features.leans_back).
    With its opening stock lines passed over, a release post's next "summary" is often a
    sentence from its middle ("However, given that it's a literal integer…", "Most targets
    supported by Rust identify symbols by their name…"): a card shows none then, its
    passage and quote say what the article does."""
    if any(s in summary for s in stock):
        return False
    if summary == (article.description or "").strip():
        return True
    first = (split_sentences(summary) or [summary])[0]
    early = [x.text for x in article.sentences if not x.heading][:within]
    return (
        any(first in text for text in early)
        and fits(summary, article)
        and not sentence_features(first).leans_back
    )
