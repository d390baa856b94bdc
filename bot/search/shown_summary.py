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

import re
from collections.abc import Collection

from bot.library.model import Article
from bot.library.sentences import split_sentences
from bot.search.features import _SUMS_UP, sentence_features
from bot.search.policy import Policy
from bot.search.shown_quote import first_sentences, says_again
from bot.search.summary import is_real_summary, reads_alone, summarize


def shown_summary(
    article: Article, passage: str | None, policy: Policy, stock: Collection[str] = ()
) -> str:
    """The summary an answer showing `passage` shows (chosen), as its first whole sentences
    within Policy.summary_shown_words words: a description can run to a paragraph
    (Democracy Now!'s, 151 words under a one-sentence answer: reply26), and the card's
    answer is then lost under it. `stock`: the article's sentences its site repeats in
    many posts (stock.py), passed over as a summary; "" when what is left would not serve
    as one (stands_for). A summary from the body that cannot stand before the passage
    gives way (standing)."""
    summary = standing(article, passage, chosen(article, passage, policy, stock), policy, stock)
    if stock and summary and not stands_for(summary, article, stock, policy.stock_summary_within):
        return ""
    return first_sentences(summary, policy.summary_shown_words) if summary else summary


def standing(
    article: Article,
    passage: str | None,
    summary: str,
    policy: Policy,
    stock: Collection[str] = (),
) -> str:
    """`summary`, or when it is taken from the body and cannot stand before the passage
    (needs_context), the article's opening sentence if that one reads alone as the author
    speaking ("We are excited to announce that rustup 1.29.1 beta is now available…") and
    is not the passage, else summarize's next choice if that one fits and stands; else
    `summary` as it was. summarize passes over an opening "We …" (a summary is not the
    author speaking), and a release post then got its "Please see our blog post for more
    details regarding this change." (reply27)."""
    if not policy.summary_needing_context_passed or not summary or not needs_context(summary):
        return summary
    if " ".join((article.description or "").split()) == summary:
        return summary  # the editor's own summary
    shown = [passage] if passage else []
    opening = next((s.text for s in article.sentences if not s.heading), "")
    if (
        opening
        and opening != summary
        and reads_alone(opening, first_person=True)
        and fits(opening, article)
        and not needs_context(opening)
        and not any(opening in t or t in opening for t in shown)
        and not any(t in opening for t in stock)
    ):
        return opening
    other = summarize(article, avoid=[*shown, *stock, summary])
    if other and other != summary and fits(other, article) and not needs_context(other):
        return other
    return summary


def needs_context(text: str) -> bool:
    """Whether `text` cannot stand as a summary: it leans on a sentence before it (a
    pronoun, "However, …": features.leans_back; or a consequence, "As a consequence …"),
    sends the reader elsewhere ("see our blog post for more details": points_away),
    announces what follows (ends with ":", or "The following is a list of changes…"; not
    "The following meeting will take place on 12 March"), or tells the reader what to do ("If you want to…, please consider donating",
    "To switch out of X, just remove …"). Kept: a blog's "It's been half a year since…"
    (_DUMMY_IT), "The complaint, led by …, alleges …" (features' "The X, …" that sums up
    the sentence before names its subject well enough for a summary), and a "please" that
    addresses no one in particular ("Please join us in welcoming TC as a new member of the
    Rust language design team." says what the post is about)."""
    features = sentence_features(text)
    opening = text.lstrip("“\"‘'(")
    return (
        (features.leans_back and _DUMMY_IT.match(text) is None and not _SUMS_UP.match(opening))
        or features.points_away
        or _CONSEQUENCE.match(text) is not None
        or _INSTRUCTION.search(text) is not None
        or (_PLEASE.search(text) is not None and _YOU.search(text) is not None)
        or text.rstrip().endswith(":")
        or _LIST_AHEAD.match(opening) is not None
    )


# A sentence following from the one before by its first words.
_CONSEQUENCE = re.compile(
    r"^(?:as a (?:consequence|result)|consequently|accordingly|because of this|in turn)\b", re.I
)
# An "it" that points at nothing before: a blog's usual opening ("It's been half a year
# since we last summarized our progress…", "It's that time of year again…") says when.
_DUMMY_IT = re.compile(r"^It(?:['’]s| is| has) (?:been|time|that time)\b")
# The reader told what to do: a purpose clause, then a bare verb, perhaps after "just",
# and what it acts on ("To switch out of the dev environment, just remove that environment
# variable…", "To enable it, set the variable…"); not "To date, the …", "To be sure, we …",
# nor a subject after the clause ("To align with that starting point, cargo new will…").
_INSTRUCTION = re.compile(
    r"^[Tt]o [a-z]+\b[^,.]{0,80}, (?:(?:just|simply|then|first) [a-z]+\b"
    r"|(?!(?:the|a|an|this|that|these|those|it|its|we|i|you|he|she|they|there|our|his|her|"
    r"their|some|several|few|many|more|most|both|each|every|all|no|one|such|what|which)\b)"
    r"[a-z]+ (?:the|a|an|your|this|that|these|it|them)\b)"
)
# A list announced ahead: "The following is/are …" ("following" as "next" is no list).
_LIST_AHEAD = re.compile(r"^[Tt]he following (?:is|are|was|were)\b")
# A request to the reader ("please"), read as an instruction beside a "you"/"your".
_PLEASE = re.compile(r"\b[Pp]lease\b")
_YOU = re.compile(r"\b[Yy]our?\b")


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
