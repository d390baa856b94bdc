"""Direct speech in an article's body: the quotations a reader would quote.

Quotations of six words or more in body blocks (never furniture or headings), block
quotes, nested quotes kept whole; quoted titles and link texts are not speech. Who said
each one is `bot.library.speakers`' job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.library.markup import Block
from bot.library.model import Quote
from bot.library.sentences import SPEECH_VERBS
from bot.library.speakers import Context, attribute, clean_speaker, lead_in_speaker

MIN_QUOTE_WORDS = 6  # shorter quoted phrases are names, titles or scare quotes

# "titled “…”", "known as “…”": the quoted words are a name, not speech.
_NAMING = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|headlined|known as|labell?ed|the phrase|"
    r"the words|the slogan|the hashtag)\s*[:,]?\s*\Z",
    re.IGNORECASE,
)


def extract_quotes(blocks: Sequence[Block | str], title: str = "") -> list[Quote]:
    """Direct speech of six words or more in body blocks, with the speaker the text gives.

    The title is read first, as a reader does: "Gremlins creator Joe Dante …" is who a
    later "Dante said" is.
    """
    body = [b if isinstance(b, Block) else Block(b) for b in blocks]
    texts = [b.text for b in body if b.kind != "furniture"]
    ctx = Context(body=[title, *texts] if title else texts)
    if title:
        ctx.remember(title)
    quotes: list[Quote] = []
    index: dict[str, int] = {}
    for block in body:
        if block.kind in ("text", "blockquote"):
            for quote in _block_quotes(block, ctx):
                _add(quotes, index, quote)
        if block.kind != "furniture":
            ctx.remember(block.text)
    return quotes


def _add(quotes: list[Quote], index: dict[str, int], quote: Quote) -> None:
    key = quote.text.rstrip(".,;:!?… ").casefold()
    if key in index:
        i = index[key]
        if quotes[i].speaker is None and quote.speaker:
            quotes[i] = Quote(quotes[i].text, quote.speaker)
        return
    index[key] = len(quotes)
    quotes.append(quote)


def _block_quotes(block: Block, ctx: Context) -> list[Quote]:
    text = block.text
    spans = quote_spans(text)
    out: list[Quote] = []
    if block.kind == "blockquote" and not spans:
        if len(text.split()) >= MIN_QUOTE_WORDS:
            speaker = block.cite or lead_in_speaker(ctx)
            out.append(Quote(text, ctx.full(clean_speaker(speaker), text)))
        return out
    previous: str | None = None
    attributed_before = False
    for open_, close in spans:
        inner = " ".join(text[open_ + 1 : close].split()).rstrip(",").strip()
        if _is_title(text, open_, inner, block):
            continue
        short = len(inner.split()) < MIN_QUOTE_WORDS
        if short and not re.match(r"\W*\s*(?:" + SPEECH_VERBS + r")\b", text[close + 1 :]):
            continue  # a scare-quoted phrase; a short quote with "said" still names a speaker
        speaker, attributed = attribute(text, open_, close, ctx)
        if not attributed:
            # A follow-on quote carries its paragraph's speaker; a quote alone in its
            # paragraph carries on the speaker of the quote just before.
            speaker = previous if attributed_before or previous else None
            if speaker is None and open_ <= 1 and not out:
                speaker = ctx.last_speaker
        else:
            attributed_before = True
        speaker = ctx.full(clean_speaker(speaker), text[:open_])
        previous = speaker
        if not short:
            out.append(Quote(inner, speaker))
    if spans:
        ctx.last_speaker = previous
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) of each top-level quotation; a quote left open runs to the end.

    Curly quotes nest (“he said “no” to me”), so they are matched by depth; straight
    quotes pair up in order.
    """
    if "“" in text:
        spans: list[tuple[int, int]] = []
        depth = 0
        start = 0
        for i, c in enumerate(text):
            if c == "“":
                if depth == 0:
                    start = i
                depth += 1
            elif c == "”" and depth:
                depth -= 1
                if depth == 0:
                    spans.append((start, i))
        if depth:
            spans.append((start, len(text)))
        return spans
    if '"' in text:
        marks = [i for i, c in enumerate(text) if c == '"']
        pairs = [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
        if len(marks) % 2:
            pairs.append((marks[-1], len(text)))
        return pairs
    return []


def _is_title(text: str, open_: int, inner: str, block: Block) -> bool:
    """A quoted title or name: after "titled", or the text of a link."""
    if _NAMING.search(text, max(0, open_ - 40), open_):
        return True
    folded = inner.casefold().strip(" .,")
    return any(folded == link.casefold().strip(' .,“”"') for link in block.links)
