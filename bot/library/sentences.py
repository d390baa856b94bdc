"""Splitting clean text into sentences, minding abbreviations, decimals, initials and quotes."""

from __future__ import annotations

import re
from bisect import bisect_left


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CANDIDATE = re.compile(r"([.!?…]+)([”\"’'\)\]»]*)(\s+)")
# Abbreviations that are (nearly) always followed by more of the same sentence.
_ABBR_NEVER = _words(
    """dr prof mr mrs ms mx st mt vs v cf e.g i.e eg ie approx gen sen rep gov lt col capt
    sgt rev hon messrs mme mlle sr.a dept est"""
)
# Abbreviations that end a sentence only when a number does not follow ("No. 5").
_ABBR_BEFORE_NUMBER = _words(
    """no nos fig figs vol vols p pp art sec ch eq ref jan feb mar apr jun jul aug sep sept
    oct nov dec"""
)
# Abbreviations that end a sentence only when the next word starts one ("Inc. The ...").
_ABBR_SOFT = _words("etc inc ltd jr sr co corp bros esq llc plc al")
_STARTERS = _words(
    """the this that these those it its he she they we i you his her their our my a an in
    on at but and so yet if when while after before however then there here what why how
    who where which as for to from with by not no yes one some many most all each both
    also still now today later meanwhile instead because since although though once
    until"""
)
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
# Verbs that attribute speech ("…," she said); the quotes module reads speakers with them.
SPEECH_VERBS = _SAYS = (
    r"said|says|say|added|adds|explained|explains|told|tells|wrote|writes|asked|asks|"
    r"posted|posts|tweeted|tweets|reads|read|"
    r"noted|notes|continued|continues|recalled|recalls|argued|argues|stated|states|"
    r"remarked|commented|insisted|insists|warned|warns|claimed|claims|replied|replies|"
    r"concluded|admitted|admits|acknowledged|declared|observed|suggested|suggests|"
    r"agreed|agrees|laughed|laughs|joked|jokes|recounted|recounts|announced|announces|"
    r"shouted|whispered|predicted|predicts|emphasised|emphasized|stressed|stresses"
)
_CONTINUES = re.compile(
    r"\s*(?:[a-z]|(?:[^\s“”\"]+\s+){1,4}(?:" + _SAYS + r")\b|(?:" + _SAYS + r")\b)"
)
_CURLY_SPAN = re.compile(r"“[^“”]*”")
_STRAIGHT_SPAN = re.compile(r'"[^"]*"')
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, minding abbreviations, decimals, initials and quotes."""
    if _one_clean_line(text):
        return _split_chunk(text)  # a paragraph as the parser gives one: the usual case
    out: list[str] = []
    for chunk in _PARAGRAPH_BREAK.split(text):
        chunk = " ".join(chunk.split())
        if chunk:
            out.extend(_split_chunk(chunk))
    return out


def _one_clean_line(text: str) -> bool:
    """Whether `text` is one non-empty line whose only whitespace is single spaces between
    words, so that splitting paragraphs and folding whitespace would leave it as it is.
    (The only character both whitespace and printable is the space.)"""
    return text.isprintable() and text[:1] not in ("", " ") and text[-1] != " " and "  " not in text


def _may_split(chunk: str) -> bool:
    """Whether a stop ("." "!" "?" "…") comes before the last character: one must, for a
    sentence to end before the chunk does (headings, list items and one-sentence
    paragraphs have none, and need no search)."""
    last = len(chunk) - 1
    return (
        chunk.find(".", 0, last) >= 0
        or chunk.find("!", 0, last) >= 0
        or chunk.find("?", 0, last) >= 0
        or chunk.find("…", 0, last) >= 0
    )


def _quote_spans(chunk: str) -> list[list[tuple[int, int]]]:
    """Per quote kind, sorted (open, close) of quotations whose sentence goes on after them."""
    kinds: list[list[tuple[int, int]]] = []
    for pattern, marker in ((_CURLY_SPAN, "“"), (_STRAIGHT_SPAN, '"')):
        if marker not in chunk:
            continue
        spans: list[tuple[int, int]] = []
        for m in pattern.finditer(chunk):
            close = m.end() - 1
            inner_end = chunk[close - 1] if close > m.start() + 1 else ""
            if inner_end == "," or _CONTINUES.match(chunk, m.end()) is not None:
                spans.append((m.start(), close))
        if spans:
            kinds.append(spans)
    return kinds


def _inside_continuing_quote(pos: int, kinds: list[list[tuple[int, int]]]) -> bool:
    # Spans of one kind never overlap, so only the last one opening before pos can hold it.
    for spans in kinds:
        i = bisect_left(spans, (pos,)) - 1
        if i >= 0 and spans[i][0] < pos <= spans[i][1]:
            return True
    return False


def _split_chunk(chunk: str) -> list[str]:
    if not _may_split(chunk):
        tail = chunk.strip()
        return [tail] if tail else []
    spans = _quote_spans(chunk) if ("“" in chunk or '"' in chunk) else []
    sentences: list[str] = []
    begin = 0
    for m in _CANDIDATE.finditer(chunk):
        nxt_pos = m.end()
        if nxt_pos >= len(chunk):
            break
        if not _is_boundary(chunk, m, spans):
            continue
        sentence = chunk[begin : m.end(2)].strip()
        if sentence:
            sentences.append(sentence)
        begin = nxt_pos
    tail = chunk[begin:].strip()
    if tail:
        sentences.append(tail)
    if len(sentences) > 1 and chunk.startswith("("):
        sentences = [_unwrapped(s) for s in sentences]
    return sentences


def _unwrapped(sentence: str) -> str:
    """A sentence of a parenthesised run of them without the bracket it does not close
    or open: "(Note that golang.org is still home." and "Go.dev is a companion site.)"
    each showed one stray bracket when quoted alone."""
    if sentence.startswith("(") and sentence.count("(") > sentence.count(")"):
        sentence = sentence[1:]
    closes = sentence.endswith(")") and sentence[-2:-1] in (".", "!", "?", "”", '"', "’", "…")
    if closes and sentence.count(")") > sentence.count("("):
        sentence = sentence[:-1]
    return sentence


def _is_boundary(chunk: str, m: re.Match[str], spans: list[list[tuple[int, int]]]) -> bool:
    nxt = chunk[m.end()]
    if nxt.islower() or nxt in ",;:-–—)":
        return False
    if spans and _inside_continuing_quote(m.start(), spans):
        return False
    punct = m.group(1)
    if punct != "." or m.group(2):
        return True
    space = chunk.rfind(" ", 0, m.start())
    word = chunk[space + 1 : m.start()].lstrip("(“\"‘'[")
    if not word:
        return True
    lower = word.lower()
    if lower in _ABBR_NEVER:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. R. R. Tolkien"
    next_word = _next_word(chunk, m.end())
    if lower in _ABBR_BEFORE_NUMBER:
        return not nxt.isdigit()
    if lower in _ABBR_SOFT or _INITIALISM.match(word):
        return next_word.lower() in _STARTERS
    return True


def _next_word(chunk: str, pos: int) -> str:
    end = pos
    while end < len(chunk) and (chunk[end].isalnum() or chunk[end] in "'’"):
        end += 1
    return chunk[pos:end]
