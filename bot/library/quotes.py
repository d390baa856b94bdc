"""Direct speech in an article's body: the quotations a reader would quote.

Quotations of six words or more in body blocks (never furniture or headings), block
quotes, nested quotes kept whole; quoted titles and link texts are not speech. Who said
each one is `bot.library.speakers`' job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.library.markup import Block
from bot.library.model import Quote
from bot.library.sentences import SPEECH_VERBS, split_sentences
from bot.library.speakers import Context, attribute, clean_speaker, lead_in_speaker

MIN_QUOTE_WORDS = 6  # shorter quoted phrases are names, titles or scare quotes

# "titled “…”", "known as “…”": the quoted words are a name, not speech.
_NAMING = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|headlined|known as|labell?ed|the phrase|"
    r"the words|the slogan|the hashtag)\s*[:,]?\s*\Z",
    re.IGNORECASE,
)
# "what Trevor Noah jokingly called “…”": someone's words, not a name.
_CALLED_BY = re.compile(r"\b[A-Z][\w’'.-]+\s+(?:\w+ly\s+)?called\s*\Z")


def extract_quotes(blocks: Sequence[Block | str], title: str = "") -> list[Quote]:
    """Direct speech of six words or more in body blocks, with the speaker the text gives.

    The title is read first, as a reader does: "Gremlins creator Joe Dante …" is who a
    later "Dante said" is.
    """
    body = [b if isinstance(b, Block) else Block(b) for b in blocks]
    texts = [b.text for b in body if b.kind != "furniture"]
    ctx = Context(body=texts)  # the title's full names resolve surnames; its capitals are style
    if title:
        ctx.remember(title)
    quotes: list[Quote] = []
    index: dict[str, int] = {}
    pulled: list[str] = []  # block quotes with no marks: perhaps a pull-quote
    for block in body:
        if block.kind in ("text", "blockquote"):
            for quote in _block_quotes(block, ctx):
                if block.kind == "blockquote" and quote.text == block.text.strip('“”" '):
                    pulled.append(_key(quote.text))
                _add(quotes, index, quote)
        if block.kind != "furniture":
            ctx.remember(block.text)
    if pulled:
        # A pull-quote repeats part of a quote the body gives in full: one quote, not two.
        others = "\0".join(k for k in index if k not in pulled)
        drop = {index[k] for k in pulled if k in others}
        quotes = [q for i, q in enumerate(quotes) if i not in drop]
    return quotes


def _key(text: str) -> str:
    return text.strip(_MARKS).casefold()


def _add(quotes: list[Quote], index: dict[str, int], quote: Quote) -> None:
    key = _key(quote.text)
    if key in index:
        i = index[key]
        if quotes[i].speaker is None and quote.speaker:
            quotes[i] = Quote(quotes[i].text, quote.speaker)
        return
    index[key] = len(quotes)
    quotes.append(quote)


_MARKS = "“”\"‘’'.,;:!?… "
_SPEECH = re.compile(r"\b(?:" + SPEECH_VERBS + r")\b")
_SAID_NEXT = re.compile(r"\W*\s*(?:" + SPEECH_VERBS + r")\b")
_SENTENCE_ENDS = re.compile(r"[.!?]\s")


@dataclass(slots=True)
class _Found:
    """A quotation of a block with the speaker read around it, and how: "after" or
    "before" (an attribution beside it) or "" (none)."""

    open_: int
    close: int
    text: str
    short: bool  # under six words: never shown, but it may carry an attribution
    speaker: str | None = None
    how: str = ""


def _block_quotes(block: Block, ctx: Context) -> list[Quote]:
    """A block's quotes with their speakers; a block quote without marks is one quote."""
    text = block.text
    spans = quote_spans(text)
    if block.kind == "blockquote" and not spans:
        text = text.strip('“”" ')  # a pull-quote keeps the closing mark of its source
        if len(text.split()) < MIN_QUOTE_WORDS:
            return []
        speaker = block.cite or lead_in_speaker(ctx)
        return [Quote(text, ctx.full(clean_speaker(speaker), text))]
    if not spans:
        return []
    found: list[_Found] = []
    for open_, close in spans:
        inner = " ".join(text[open_ + 1 : close].split()).rstrip(",").strip()
        if _is_title(text, open_, inner, block):
            continue
        short = len(inner.split()) < MIN_QUOTE_WORDS
        if short and not _SAID_NEXT.match(text, close + 1):
            continue  # a scare-quoted phrase; a short quote with "said" still names a speaker
        q = _Found(open_, close, inner, short)
        speaker, q.how = attribute(text, open_, close, ctx)
        q.speaker = ctx.full(clean_speaker(speaker), text[:open_])
        found.append(q)
    _share_attributions(text, found, ctx)
    if found:
        ctx.last_speaker = found[-1].speaker
    return [Quote(q.text, q.speaker) for q in found if not q.short]


def _share_attributions(text: str, found: list[_Found], ctx: Context) -> None:
    """Quotes with no attribution of their own take their neighbours': a follow-on quote
    its paragraph's speaker, a quote early in a sentence the attribution at its end
    ("have “poured …” and “made it …,” Williams said"), a quote alone at the start of a
    paragraph the speaker of the quote just before. "“…,” she said. “…”": the second
    quote's attribution is the first's."""
    for i, q in enumerate(found):
        prev = found[i - 1] if i else None
        if prev and prev.how == "after" and q.how == "before":
            gap = text[prev.close + 1 : q.open_]
            if len(gap) < 200 and len(split_sentences(gap)) <= 1 and _SPEECH.search(gap):
                q.speaker = prev.speaker
        if q.how:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt and nxt.how and not _SENTENCE_ENDS.search(text, q.close, nxt.open_):
            q.speaker = nxt.speaker
        elif prev:
            q.speaker = prev.speaker
        elif q.open_ <= 1:
            q.speaker = ctx.last_speaker


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) of each top-level quotation; a quote left open runs to the end.

    Curly quotes nest (“he said “no” to me”), so they are matched by depth; straight
    quotes pair up in order, outside the curly ones.
    """
    curly = _curly_spans(text) if "“" in text else []
    if '"' not in text:
        return curly
    # Straight quotes pair up in order, outside the curly ones.
    marks = [m.start() for m in _STRAIGHT.finditer(text)]
    if curly:
        marks = [i for i in marks if not any(o < i < c for o, c in curly)]
    pairs = [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        pairs.append((marks[-1], len(text)))
    return sorted(curly + pairs) if curly else pairs


_STRAIGHT = re.compile('"')
_CURLY = re.compile("[“”]")


def _curly_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for m in _CURLY.finditer(text):
        if m.group(0) == "“":
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, m.start()))
    if depth:
        spans.append((start, len(text)))
    return spans


def _is_title(text: str, open_: int, inner: str, block: Block) -> bool:
    """A quoted title or name: after "titled", or the text of a link. "What Trevor Noah
    jokingly called “…”" is someone's words, not a name."""
    naming = _NAMING.search(text, max(0, open_ - 40), open_)
    if naming and not _CALLED_BY.search(text, max(0, open_ - 60), naming.end()):
        return True
    if inner[:1].islower():
        return False  # a linked fragment of speech ("the video “captures only …”")
    folded = inner.casefold().strip(" .,")
    return any(folded == link.casefold().strip(' .,“”"') for link in block.links)
