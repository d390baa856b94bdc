"""The closed classes of words that shape a question rather than name what it is about:
the question words, the first words of a yes/no question, and the words asking for the
newest or naming what a library holds. Shared by the reader (parse.py) and small talk
(social.py), so neither imports the other for them.
"""

from __future__ import annotations

# Words that shape the kind of answer wanted; stopwords for matching, cues for passages.
QUESTION_WORDS = frozenset(["who", "whom", "whose", "what", "when", "where", "why", "how", "which"])
# Words asking for the newest of what matches ("latest rust release"), unless a title
# holds them ("Two recent Go talks").
RECENCY_WORDS = frozenset(["latest", "newest", "recent", "recently"])
# Words naming what a library holds, not what it is about: "blog posts about the borrow
# checker" is about the borrow checker, and "go modules tutorial" about go modules (in a
# keyword search, and unless it is a title).
LISTING_WORDS = frozenset(
    [
        "post",
        "posts",
        "article",
        "articles",
        "blog",
        "blogs",
        "story",
        "stories",
        "tutorial",
        "tutorials",
        "guide",
        "guides",
    ]
)
# Words a yes/no question starts with; with the question words, the first words of a question.
YES_NO_START = frozenset(
    [
        "is",
        "are",
        "can",
        "could",
        "does",
        "do",
        "did",
        "should",
        "will",
        "would",
        "was",
        "were",
        "has",
        "have",
    ]
)
QUESTION_START = QUESTION_WORDS | YES_NO_START
# Words that ask for something without naming it: "show me…", "give me one", "anything".
REQUEST_WORDS = frozenset(
    [
        *("show", "list", "give", "get", "got", "see", "find", "look", "want", "need"),
        *("any", "anything", "everything", "something", "stuff", "things", "one", "ones"),
    ]
)
# What a library holds, besides LISTING_WORDS, when a period's articles are asked for
# ("news from last week", "headlines from yesterday").
PERIOD_NOUNS = frozenset(["news", "headlines", "items", "entries", "pieces"])
