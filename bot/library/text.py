"""Pure text functions: HTML or Markdown bodies to clean blocks, sentences, quotes, counts."""

from __future__ import annotations

import html as _html
import re
from bisect import bisect_left

from lxml import etree
from markdown_it import MarkdownIt

from bot.library.model import Quote

# lxml straight, not BeautifulSoup: building a bs4 tree alone costs ~1.7 ms per blog
# article (under 600/s before any walking); lxml parses the same in ~0.1 ms.
_PARSER = etree.HTMLParser(
    remove_comments=True, remove_pis=True, no_network=True, recover=True, encoding="utf-8"
)
_MD = MarkdownIt("commonmark")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DROP_TAGS = _words(
    """script style nav header footer aside form noscript iframe svg button template head
    title meta link select textarea input object embed canvas audio video map math
    dialog"""
)
_BLOCK_TAGS = _words(
    """html body article main section div p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote
    figure figcaption table thead tbody tfoot tr caption details summary address center
    hr fieldset legend hgroup"""
)
_CELL_TAGS = frozenset({"td", "th"})

_LOOKS_HTML = re.compile(
    r"\A\s*<(?:!doctype|html|body|head|[a-z][a-z0-9]*\b[^>]*>)"
    r"|</(?:p|div|li|h[1-6]|pre|table|blockquote|article|section|figure|ul|ol)\s*>"
    r"|<br\s*/?>",
    re.IGNORECASE,
)
# markdown-it goes quadratic on some inputs (runs of "[" or "*"); past this size a
# non-HTML body is read as plain paragraphs so one odd file cannot stall a reload.
_MAX_MARKDOWN = 100_000
_WHOLE_PAGE = re.compile(r"<(?:!doctype|html|body)\b", re.IGNORECASE)
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_TAG_RE = re.compile(r"<[^>]*>")
_IMAGE_FOR = re.compile(r"\s*image for\b", re.IGNORECASE)
_SUBSCRIBE = re.compile(
    r"^\W*(?:subscribe\b|sign up\b|sign-up\b|join our (?:newsletter|mailing list)|"
    r"get our newsletter|become a (?:subscriber|member)|support (?:us|our journalism)\b)",
    re.IGNORECASE,
)
_SUBSCRIBE_WORDS = re.compile(
    r"newsletter|magazine|subscri|mailing list|inbox|membership", re.IGNORECASE
)
_SUBSCRIBE_HREF = re.compile(r"subscri|newsletter|/magazine/?$|/membership", re.IGNORECASE)


def looks_like_html(body: str) -> bool:
    """True when the body is HTML rather than Markdown or plain text."""
    return _LOOKS_HTML.search(body, 0, 20_000) is not None


def html_to_blocks(html: str) -> list[str]:
    """Clean text blocks in document order: paragraphs, headings, list items, pre, quotes."""
    if not html or not html.strip():
        return []
    html = _BAD_CHARS.sub("", html)
    if not looks_like_html(html):
        if len(html) > _MAX_MARKDOWN:
            return _plain_blocks(html)
        html = _MD.render(html)
    try:
        root = etree.fromstring(html.encode("utf-8", "replace"), _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        # libxml2 gave up: keep the words rather than nothing.
        return _plain_blocks(_html.unescape(_TAG_RE.sub(" ", html)))
    start = root
    if _WHOLE_PAGE.search(html, 0, 4000):
        for path in (".//article", ".//main", ".//body"):
            found = root.find(path)
            if found is not None and "".join(found.itertext()).strip():
                start = found
                break
    return _walk(start)


def _plain_blocks(text: str) -> list[str]:
    return [b for b in (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text)) if b]


def _is_subscribe_figure(el: etree._Element) -> bool:
    """A figure or paragraph whose only job is to sell a subscription."""
    hrefs = [a.get("href") or "" for a in el.iter("a")]
    text = " ".join("".join(el.itertext()).split())
    if hrefs and all(_SUBSCRIBE_HREF.search(h) for h in hrefs) and len(text.split()) <= 12:
        return True
    return _is_subscribe_text(text)


def _is_subscribe_text(text: str) -> bool:
    return (
        len(text) < 200
        and _SUBSCRIBE.search(text) is not None
        and _SUBSCRIBE_WORDS.search(text) is not None
    )


def _walk(start: etree._Element) -> list[str]:
    blocks: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            text = " ".join("".join(buf).split())
            buf.clear()
            if text and not _is_subscribe_text(text):
                blocks.append(text)

    walker = etree.iterwalk(start, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            if tag in _DROP_TAGS:
                walker.skip_subtree()
                continue
            if tag == "pre":
                flush()
                text = _clean_pre("".join(el.itertext()))
                if text:
                    blocks.append(text)
                walker.skip_subtree()
                continue
            if tag == "figure" or tag == "figcaption":
                cap = el if tag == "figcaption" else el.find(".//figcaption")
                if cap is not None and _IMAGE_FOR.match("".join(cap.itertext())):
                    walker.skip_subtree()
                    continue
                if tag == "figure" and _is_subscribe_figure(el):
                    walker.skip_subtree()
                    continue
            if tag in _BLOCK_TAGS:
                flush()
            elif tag in _CELL_TAGS:
                if buf:
                    buf.append(" | ")
            elif tag == "br":
                buf.append(" ")
            if el.text:
                buf.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                flush()
            elif tag in _CELL_TAGS:
                buf.append(" ")
            if el.tail and el is not start:
                buf.append(el.tail)
    flush()
    return blocks


def _clean_pre(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


# --- sentences -------------------------------------------------------------------------

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
_SAYS = (
    r"said|says|say|added|adds|explained|explains|told|tells|wrote|writes|asked|asks|"
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
    out: list[str] = []
    for chunk in _PARAGRAPH_BREAK.split(text):
        chunk = " ".join(chunk.split())
        if chunk:
            out.extend(_split_chunk(chunk))
    return out


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
    return sentences


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


# --- quotes ----------------------------------------------------------------------------

_TITLES = _words(
    """dr dr. prof prof. professor mr mr. mrs mrs. ms ms. miss sir dame lord lady rev rev.
    reverend sen sen. senator rep rep. gov gov. governor president judge justice mayor
    dean doctor captain capt capt. gen gen. general col col. lt lt. sgt sgt. father
    sister brother rabbi imam pastor chancellor minister"""
)
_PARTICLES = _words("de da del della der den van von la le bin ibn al dos das du di y")
_NOT_NAMES = _words(
    """he she they i we it you the a an this that these those his her their its our my one
    but and then now when there here in on at as if so yes no what why how who where
    some many most all according while after before however meanwhile also still today
    yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december
    earlier later last next"""
)
_PRONOUNS = _words("he she they i we it you someone everyone nobody")
_TOKEN = re.compile(r"([^\s,;:!?()\[\]{}“”\"]+)([ \t]?)")
_ORG_POSSESSIVE = re.compile(r"[’']s$")
_PREPOSITIONS = _words("at of from for in with by to on about into the a an")
_AFTER_VERB = re.compile(r"\s*[,.]?\s*(?:" + _SAYS + r")\s+")
_AFTER_PRONOUN = re.compile(r"\s*[,.]?\s*(?:he|she|they|i|we|it|you)\s+(?:" + _SAYS + r")\b", re.I)
_AFTER_ACCORDING = re.compile(r"\s*,?\s*according to\s+")
_APPOSITIVE_VERB = re.compile(r"\s*(?:,[^,“”\"]{0,120},\s*)?(?:" + _SAYS + r")\b")
_BEFORE_VERB = re.compile(
    r"(?:\b(?:" + _SAYS + r")\b(?:[^.!?“”\":,]{0,60})?[:,]\s*|\b(?:" + _SAYS + r")\s+)\Z"
)
_BEFORE_SAID_DOT = re.compile(r"\b(?:" + _SAYS + r")\.\s*\Z")
_BEFORE_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<rest>[^,“”\"]{1,80}),\s*\Z")
_MIN_QUOTE_WORDS = 4


def _read_name(s: str, pos: int = 0) -> tuple[str | None, int]:
    """A proper-noun phrase starting at `pos` (titles allowed, org possessive skipped)."""
    while pos < len(s) and s[pos].isspace():
        pos += 1
    words: list[str] = []
    while len(words) < 7:
        m = _TOKEN.match(s, pos)
        if not m:
            break
        tok = m.group(1)
        ends = False
        if tok.endswith("."):
            base = tok[:-1]
            if not (tok.lower() in _TITLES or (len(base) == 1 and base.isupper())):
                tok, ends = base, True
        if not tok:
            break
        lower = tok.lower()
        if _ORG_POSSESSIVE.search(tok) and tok[0].isupper():
            if ends:
                break
            words = []  # "UCL’s Prof Waseem Qasim": the organisation is not the speaker
            pos = m.end()
            continue
        if tok[0].isupper() and tok[0].isalpha() or lower in _PARTICLES and words:
            words.append(tok)
        else:
            break
        pos = m.end()
        if ends or not m.group(2):
            break
    while words and words[-1].lower() in _PARTICLES:
        words.pop()
    if not words or words[0].lower().rstrip(".") in _NOT_NAMES:
        return None, pos
    if all(w.lower() in _TITLES for w in words):
        return None, pos
    return " ".join(words), pos


def _name_before(clause: str) -> str | None:
    """Speaker as the subject of a clause ending in a speech verb ("X, a nurse, said:")."""
    verb = _BEFORE_VERB.search(clause)
    return _subject_name(clause[: verb.start()]) if verb else None


def _subject_name(subject: str) -> str | None:
    """The proper-noun subject of a clause: its opening name with an appositive, or its end."""
    words = subject.split()
    if not words or (len(words) <= 2 and words[0].lower() in _PRONOUNS):
        return None  # "She said", "He then said"
    name, end = _read_name(subject)
    if name:
        rest = subject[end:].strip()
        if not rest:
            return name
        # "Dr Rob Chiesa, study investigator at GOSH said" but not "Separately, Bob said".
        if rest.startswith(",") and rest[1:].lstrip()[:1].islower():
            return name
    # Read the proper-noun run at the end of the clause ("In a statement, Bob Smith said").
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() and not w.endswith((",", ";", ":")) or w.lower() in _PARTICLES and run:
            run.insert(0, w)
        else:
            if w.lower() in _PREPOSITIONS:
                return None  # "a consultant at GOSH said": GOSH is a place
            break
    if not run:
        return None
    name, _ = _read_name(" ".join(run))
    return name


def _speaker(block: str, open_: int, close: int) -> tuple[str | None, bool]:
    """(speaker, attributed): attributed is True when the text attributes the quote."""
    after = block[close + 1 : close + 200]
    if _AFTER_PRONOUN.match(after):
        return None, True
    m = _AFTER_VERB.match(after)
    if m:
        name, _ = _read_name(after, m.end())
        return name, True
    m = _AFTER_ACCORDING.match(after)
    if m:
        name, _ = _read_name(after, m.end())
        return name, name is not None
    name, end = _read_name(after)
    if name and _APPOSITIVE_VERB.match(after, end):
        return name, True
    before = block[max(0, open_ - 300) : open_]
    if before.strip():
        clause = split_sentences(before)
        last = clause[-1] + " " if clause else ""
        m = _BEFORE_ACCORDING.search(last)
        if m:
            name, _ = _read_name(m.group("rest"))
            if name:
                return name, True
        if _BEFORE_VERB.search(last):
            return _name_before(last), True
        m = _BEFORE_SAID_DOT.search(last)
        if m:
            # "…, Lautz said. “It is unlikely…”": the quote carries on Lautz's words.
            name = _subject_name(last[: m.start()])
            if name:
                return name, True
    return None, False


def extract_quotes(blocks: list[str]) -> list[Quote]:
    """Direct speech of at least four words, with the speaker where the text names one."""
    quotes: list[Quote] = []
    index: dict[str, int] = {}
    for block in blocks:
        if "“" not in block and '"' not in block:
            continue
        spans = [(m.start(), m.end() - 1) for m in _CURLY_SPAN.finditer(block)]
        if not spans:
            spans = [(m.start(), m.end() - 1) for m in _STRAIGHT_SPAN.finditer(block)]
        previous: str | None = None
        for open_, close in spans:
            inner = " ".join(block[open_ + 1 : close].split()).rstrip(",").strip()
            if len(inner.split()) < _MIN_QUOTE_WORDS:
                continue
            speaker, attributed = _speaker(block, open_, close)
            if speaker is None and not attributed:
                speaker = previous  # a follow-on quote from the same speaker
            previous = speaker
            key = inner.rstrip(".,;:!?… ").casefold()
            if key in index:
                i = index[key]
                if quotes[i].speaker is None and speaker:
                    quotes[i] = Quote(quotes[i].text, speaker)
                continue
            index[key] = len(quotes)
            quotes.append(Quote(inner, speaker))
    return quotes


# --- counts ----------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]\S*")
WORDS_PER_MINUTE = 230


def word_count(text: str) -> int:
    """Number of words in text (contractions, decimals and hyphenated words count once)."""
    return len(_WORD.findall(text))


def reading_minutes(words: int) -> int:
    """Reading time at ~230 words a minute, at least 1 minute for any words at all."""
    if words <= 0:
        return 0
    return max(1, round(words / WORDS_PER_MINUTE))


def strip_tags(text: str) -> str:
    """Plain text of a short HTML snippet (a description), whitespace collapsed."""
    if "<" in text:
        text = _TAG_RE.sub(" ", text)
    if "&" in text:
        text = _html.unescape(text)
    return " ".join(text.split())
