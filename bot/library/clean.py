"""Characters nobody should receive: terminal escapes, invisible and direction controls.

Article files and queries come from outside. An escape sequence in a title would reach an
operator's terminal (`bot show`, the console, the logs) and could retitle its window or
hide text; a right-to-left override makes a title read differently from what it says; a
zero-width space inside a word makes "sal\u200bmon" a different word from "salmon". They
are removed when an article is read and before a query is searched.
"""

from __future__ import annotations

import dataclasses
import re

from bot.library.model import Article, Quote, Sentence

# Terminal escape sequences, removed whole so their parameters ("[31m") do not stay behind:
# CSI (ESC [ or U+009B … final byte), terminated OSC/DCS/APC/PM/SOS strings (ESC ] … BEL
# or ESC \), and two-character escapes (ESC and one byte). An unterminated string loses
# only its introducer: the rest is plain text once no ESC is left.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]{0,512}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -~]?"
)
_INVISIBLE = (
    # C0 controls but tab and newline, DEL, and the C1 controls.
    [c for c in range(0x20) if c not in (0x09, 0x0A)]
    + list(range(0x7F, 0xA0))
    # Soft hyphen, Mongolian vowel separator, zero-width space and non-joiner, word joiner
    # and invisible operators, byte-order mark. (The zero-width joiner: see _LOOSE_JOINER.)
    + [0xAD, 0x180E, 0x200B, 0x200C, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF]
    # Bidirectional marks, embeddings, overrides and isolates.
    + [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
_DELETE = dict.fromkeys(_INVISIBLE)
_FOUND = re.compile("[\u200d" + "".join(re.escape(chr(c)) for c in _INVISIBLE) + "]")
# U+200D joins emoji into one ("woman" + "laptop" = 👩‍💻): kept between two of them,
# removed anywhere else, where it only splits a word.
_EMOJI = "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"
_LOOSE_JOINER = re.compile(f"(?<![{_EMOJI}])\u200d|\u200d(?![{_EMOJI}])")
# Discord mention syntax: users, nicknames, roles, channels, and the two mass mentions.
_MENTIONS = re.compile(r"<(?:@[!&]?|#)\d+>|(?<!\w)@(?:everyone|here)\b")


def strip_controls(text: str) -> str:
    """`text` without escape sequences, control, invisible and direction characters."""
    if not _FOUND.search(text):
        return text  # the usual case, and a quick one
    text = _ESCAPES.sub("", text)
    if "\u200d" in text:
        text = _LOOSE_JOINER.sub("", text)
    return text.translate(_DELETE)


def normalize_query(text: str) -> str:
    """What a member typed, as it should be searched: no control or invisible characters,
    no mention syntax (a question that pings the bot or @everyone is about the rest)."""
    return _MENTIONS.sub(" ", strip_controls(text))


def clean_article(article: Article) -> Article:
    """The article with every text field passed through `strip_controls` (HTML entities
    such as `&#x202E;` become characters only after parsing, so this runs last)."""
    # Sentences are cut from the text, so a text without such characters has none in them.
    fields = (article.title, article.author, article.link, article.cover_image)
    fields += (article.description, *article.tags, article.text)
    fields += tuple(part for q in article.quotes for part in (q.text, q.speaker))
    if not _FOUND.search("\n".join(filter(None, fields))):
        return article  # the usual case, checked in one pass
    clean = strip_controls
    return dataclasses.replace(
        article,
        title=clean(article.title),
        author=article.author and clean(article.author),
        link=article.link and clean(article.link),
        cover_image=article.cover_image and clean(article.cover_image),
        description=article.description and clean(article.description),
        tags=tuple(t for t in (clean(t) for t in article.tags) if t),
        text=clean(article.text),
        sentences=tuple(Sentence(clean(s.text), s.paragraph, s.kind) for s in article.sentences),
        quotes=tuple(Quote(clean(q.text), q.speaker and clean(q.speaker)) for q in article.quotes),
    )
