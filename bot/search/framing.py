"""What is stripped from a message before it is read, as it names nothing asked: a
request's frame ("show me …", "i'm looking for …"), a correction's frame ("no, I meant …")
and the laughter typed beside a question ("lol otters"). Each leaves the text as it was
when nothing would be left to read.
"""

from __future__ import annotations

import re

from bot.search.article_asks import LINK_WORDS, QUOTE_WORDS
from bot.search.question_words import LISTING_WORDS, PERIOD_NOUNS, QUESTION_START, REQUEST_WORDS
from bot.search.social import ADDRESS_WORDS, LAUGHTER, SOCIAL_WORDS
from bot.search.words import STOPWORDS, fold, folded_words

_TYPED_WORD = re.compile(r"[^\W_]+")
# A correction's frame before what is asked again ("no, I meant what happens to cnn
# staff", "wait no i meant the cargo changes", "sorry, what I meant was…"): discourse
# markers, then the speaker saying they meant. It names nothing: as words it made the
# question hold "wait" and "meant", unknown to the text that answers it.
_CORRECTION = re.compile(
    r"(?i)^\s*(?:(?:no+|nope|nah|wait|sorry|oops|actually|oh|ah|hm+|um+|er+|ok|okay|well)"
    r"[\s,.!:;-]+)*(?:i\s+(?:meant|mean)|what\s+i\s+(?:meant|mean)\s+(?:was|is))[\s,.:;-]+"
)


# A request's frame before what it asks for ("show me posts by the go team about
# generics", "can you find me anything on otters", "i'm looking for news about tax
# refunds", "pull up a quote from the fluoride article"): a leading imperative of getting
# or showing (its object the speaker), or the speaker saying they look for, want or would
# like to read something. It names nothing: kept, "show" and "find" were searched words
# ("show me posts by the go team…" found nothing; "go team generics" finds the post),
# and the words before "by" or "tagged" asked more than the filter reads. The verbs of
# fetching and showing as a class, never a topic's words; "tell me about…" is left as it
# was (it already names nothing searched). "u" is "you" here as after "can" (journey25's
# "u got anything on fema" searched "got" and showed a sentence on waiting "to get").
_REQUEST_FRAME = re.compile(
    r"(?i)^\s*(?:(?:hey|hi|hello|ok|okay|so|um+|please|pls|plz)[\s,.!]+)*"
    r"(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?|please\s+|pls\s+)?"
    r"(?:(?P<bare>show|find|give|get|fetch|send|share|recommend|suggest|list)(?P<me>\s+(?:me|us))?"
    r"|(?:pull|bring|dig|look)\s+up(?:\s+(?:me|us))?|search\s+for"
    r"|i(?:'|’)?m\s+(?:looking|searching)\s+for|i\s+am\s+(?:looking|searching)\s+for"
    r"|i(?:(?:'|’)?d|\s+would)\s+(?:like|love)(?:\s+to\s+(?:read|see|find))?"
    r"|i\s+(?:want|need)(?:\s+to\s+(?:read|see|find))?"
    r"|(?:do\s+)?(?:you|u)\s+(?:have|got)|have\s+(?:you|u)\s+got)\s+"
)


_DETERMINERS = frozenset(["the", "a", "an", "some", "all", "any", "every", "my", "your"])
# What a bare verb of fetching frames: articles, or what one is asked of an article itself:
# "send the link", "share the url", "give the source" ask its link as "link?" does (before,
# "can u send the link" searched "send" and "link" and answered "Scientists link its
# rise…"); "send a quote" its quote. "Share prices" and "send help" stay as typed.
_FRAMED = LISTING_WORDS | REQUEST_WORDS | PERIOD_NOUNS | LINK_WORDS | QUOTE_WORDS


# A preamble of chatter before what is asked ("hey bot quick q, did anyone sue…", "hey
# bot, quick question — when did rust 1.97 come out?", "hiya! random question but how
# many…"): a greeting and the words addressing the bot, set off by a mark, and the speaker
# announcing a question ("quick question", "random q but", "i have a question:"). It names
# nothing: kept, "hey", "bot", "quick" and "question" were content words of the question,
# and "hey bot, quick question: when did…" found nothing. The greeting must be set off (a
# comma, "!", a dash, a colon) or followed by the announcement: "hello world in go" keeps
# its "hello".
_GREETED = "|".join(sorted(SOCIAL_WORDS["greeting"] | ADDRESS_WORDS - {"one", "all", "so"}))
_MARK = r"\s*(?:[,.!:;…]+|\s[—–-]+)\s*"
_ANNOUNCED = (
    r"(?:(?:i\s+(?:have|got)|i(?:'|’)?ve\s+got|got)\s+)?"
    r"(?:(?:a|one|another|one\s+more|quick|random|dumb|silly|stupid|small|simple|short|"
    r"weird|odd|general|little|real|serious)\s+)*(?:question|qq?|qn)"
    r"(?:\s+for\s+(?:you|u|ya))?(?:\s+(?:but|tho|though|here|then))?"
)
_QUESTION_NEXT = "|".join(sorted(QUESTION_START))
_PREAMBLE = re.compile(
    rf"(?i)^\s*(?:(?:{_GREETED})\b(?:\s+(?:{_GREETED})\b)*"
    rf"(?:{_MARK}|\s+(?=(?:{_ANNOUNCED}|{_QUESTION_NEXT})\b)))?"
    rf"(?:{_ANNOUNCED}(?:{_MARK}|(?<=but|tho|ugh)\s+))?"
)


def without_preamble(text: str) -> str:
    """The text after a preamble of chatter ("hey bot, quick question — …"), else the text
    as it was: a preamble with nothing but stopwords after it stays ("hi bot!", "quick
    question"), for small talk to read."""
    m = _PREAMBLE.match(text)
    if m is None or not m.group().strip():
        return text
    rest = folded_words(fold(text[m.end() :]))
    if set(rest) <= STOPWORDS:
        return text
    return text[m.end() :]


def without_request_frame(text: str) -> str:
    """The text after a request's frame ("show me …", "i'm looking for …"), else the text
    as it was: a frame with only stopwords after it stays ("show me", "find it")."""
    m = _REQUEST_FRAME.match(text)
    rest = folded_words(fold(text[m.end() :])) if m else []
    if m is None or set(rest) <= STOPWORDS:
        return text
    if m["bare"] and not m["me"]:
        # A bare verb frames a request only before what it lists ("find posts about…",
        # "list the stories…", "show anything…"): "Get familiar with workspaces" is a title.
        named = rest[1:2] if rest[0] in _DETERMINERS else rest[:1]
        if not named or named[0] not in _FRAMED:
            return text
    return text[m.end() :]


def without_correction(text: str) -> str:
    """The text after a correction's frame ("no i meant …"), else the text as it was: a
    frame with nothing after it stays."""
    m = _CORRECTION.match(text)
    if m is None or not _TYPED_WORD.search(text[m.end() :]):
        return text
    return text[m.end() :]


def without_laughter(text: str) -> str:
    """The text without the laughter typed beside a question ("lol otters", "haha what
    did the otters do"): it names nothing, and as an unknown word it made the question's
    words half unmatched. Laughter alone stays (small talk reads it)."""
    laughs = {
        w
        for w in _TYPED_WORD.findall(text)
        if LAUGHTER.fullmatch(w.lower()) and w.lower() not in STOPWORDS
    }
    if not laughs:
        return text
    rest = [w for w in _TYPED_WORD.findall(text) if w not in laughs and w.lower() not in STOPWORDS]
    if not rest:
        return text
    return _TYPED_WORD.sub(lambda m: "" if m.group() in laughs else m.group(), text)
