"""Page furniture told by its language: the lines around an article that are not the article.

`bot.library.markup` marks furniture by structure (figures, captions, classes, and asides
that are not prose: `is_prose_aside`, `is_pull_quote`); these rules catch what exporters
flatten into plain paragraphs: credits and captions, bylines, datelines, call-outs to
subscribe, donate or send tips, "Related" lists, player and image-viewer controls, comment
counts, exporter placeholders and link markup; and a site's error notice ("The page you
are looking for could not be found") opening the body makes the whole page furniture.
Each rule is about the shape of such a line (short, a label and a name, a call to act),
never a list of one site's strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.library.sentences import split_sentences

if TYPE_CHECKING:
    from bot.library.markup import Block

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_DATE = (
    rf"(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"(?:\s+\d{{4}})?|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
_CLOCK = r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
# "Posted 3 March 2024 at 10:15", "Updated: Oct. 14, 2025, 6:00 a.m. ET", "Mon 14 Oct 2025".
_DATELINE = re.compile(
    rf"^(?:(?:first\s+)?(?:posted|published|updated|last updated|modified|originally published)"
    rf"(?:\s+on)?:?\s+)?(?:{_DATE}|{_CLOCK}|today|yesterday)(?:[\s,|·•-]+(?:at\s+)?(?:{_CLOCK}|{_DATE}))*"
    rf"[\s.]*$",
    re.IGNORECASE,
)
_READ_TIME = re.compile(r"^\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s*(?:read|listen)\b", re.IGNORECASE)
# A credit or caption label followed by a name: "Photograph: Neal McNeil/Getty Images",
# "The Source: Santa Clara County District Attorney's Office" (a news site's closing credit).
_CREDIT = re.compile(
    r"^(?:credit\s+)?(?:(?:main|top|header|lead|featured?)\s+)?(?:(?:photo|image)\s+credits?|"
    r"photo illustration|photo(?:graph)?s?|images?|pictures?|pic|illustrations?|graphics?|"
    r"video|footage|artwork|credits?|sources?|screenshot|animation|map|chart)"
    r"(?:\s*[:：]\s*|\s+(?:by|via|courtesy of)\s+)\S"
    r"|^the\s+sources?\s*[:：]\s*\S"
    r"|^courtesy(?: of)?\s+[A-Z]",
    re.IGNORECASE,
)
_AGENCIES = (
    "getty",
    "shutterstock",
    "alamy",
    "istock",
    "unsplash",
    "ap photo",
    "associated press",
    "reuters",
    "afp",
    "epa",
    "bloomberg",
    "pa images",
    "pa media",
    "wikimedia commons",
    "flickr",
)
_AGENCY = re.compile(
    r"(?:getty(?: images)?|shutterstock|alamy(?: stock photo)?|istock|unsplash|ap photo|"
    r"associated press|reuters|afp|epa|bloomberg|pa images|pa media|wikimedia commons|"
    r"flickr)\)?\.?\s*$",
    re.IGNORECASE,
)
# "… in Budapest. (Janos Kummer/Getty Images)": a credit closing a caption's last sentence.
_PHOTO_CREDIT_TAIL = re.compile(
    r"[.!?”]\s*\((?:photo(?:graph)?:?\s*)?[^()]{0,40}[A-Z][\w.'’-]+\s*/\s*[A-Z][^()]{1,60}\)"
    r"\.?\s*$"
)
_IMAGE_OF = re.compile(
    r"^(?:image for|(?:a\s+)?(?:photo(?:graph)?|picture|image|screenshot|gif|video|"
    r"illustration|diagram|rendering)\s+(?:of|showing)\b)",
    re.IGNORECASE,
)
# "By Shira Ovide", "Words by X and Y", "Reporting by X; editing by Y".
_BYLINE = re.compile(
    r"^(?:(?:story|words|text|written|reporting|reported|additional reporting|edited|"
    r"interview|photos?|photographs?|video)\s+)?by\s+(?-i:[A-Z\u00c0-\u00de])[\w.'’\u00c0-\u024f-]*"
    r"(?:\s+(?-i:[A-Z\u00c0-\u00de])[\w.'’-]*)*\s*(?:(?:and|&|,)\s+[\w.'’ -]+)?[.]?$",
    re.IGNORECASE,
)
_CONTRIBUTED = re.compile(
    r"\b(?:contributed(?:\s+(?:reporting|to\s+this\s+(?:report|story|article)))?|"
    r"contributed reporting)\.?\s*$",
    re.IGNORECASE,
)
# Calls to act (subscribe, sign up, donate, send a tip) about the publication itself.
_CALL = re.compile(
    r"\b(?:sign(?:ing)?[\s-]?up|subscrib\w*|donate|become a (?:member|subscriber|supporter|patron)|"
    r"(?:make|making|give|giving) a (?:[\w-]+ ){0,2}donation|"
    r"support (?:us|our|independent)|follow us|(?:contact|reach|email|message) "
    r"(?:us|me|(?:\w+\s+){1,3})\s*(?:securely|at|on)|share this|download (?:our|the) app|paid subscribers?|"
    r"(?:you|we)(?:'|’)d love to hear|get in touch)\b",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"\b(?:newsletters?|inbox|subscriptions?|subscribers?|membership|members|terms of "
    r"(?:use|service)|privacy policy|journalism|reporting|our (?:site|work|app|podcast)|"
    r"tips?|signal|whatsapp|securely|donations?|newsroom)\b",
    re.IGNORECASE,
)
_BIO = re.compile(
    r"^[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}\s+(?:is|was)\s+(?:a|an|the|our|[A-Z][\w’']+)\b"
    r"[^.]{0,80}\b(?:reporter|editor|writer|correspondent|journalist|columnist|contributor|"
    r"producer|critic|author)\b"
)
_FOLLOW = re.compile(r"\b(?:contact|follow|email|reach)\b", re.IGNORECASE)
# Spoken to the reader: "you", "we", "Sign up here", or an appeal's imperative ("Help …").
_YOU = re.compile(
    r"\b(?:you|your|us|our|we)\b|^[A-Z][a-z]+\s+(?:here|now|today)\b|"
    r"^(?:please\s+)?(?:help|support|donate|give|join|become|consider)\b",
    re.I,
)
# A call the article reports ("…, the charity said") is news, not the page's own call-out.
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b")
# A site's notice that the page asked for is not there, in the web's usual words: the page
# or link "could not be found", "doesn't appear to work", "is no longer available", "may
# have been moved"; "we can't find that page"; "Page not found".
_PAGE_ERROR = re.compile(
    r"\b(?:page|link|url|article|story|content)\b[^.!?“”\"]{0,40}?\b(?:"
    r"(?:can ?not|can[’']t|could ?n[o'’]t|was ?n[o'’]t|was not) be found|(?:was|is) not found|"
    r"(?:does ?n[o'’]t|did ?n[o'’]t|does not|did not) (?:appear|seem) to (?:work|exist)|"
    r"(?:does ?n[o'’]t|does not) exist|no longer (?:exists|available|works)|"
    r"(?:may|might|has|have) been (?:moved|removed|deleted|renamed))"
    r"|\bwe (?:can ?not|can[’']t|could ?n[o'’]t) find (?:the|that|this|your|what)\b"
    r"|\b(?:404|page) not found\b",
    re.IGNORECASE,
)
# …said to the reader who asked for it: "the link you're trying to reach", "Sorry, …".
_ERROR_VOICE = re.compile(
    r"\byou(?:['’]re| are| were| have)? (?:trying to|looking for|requested|followed|"
    r"clicked|entered|tried)\b|^\W*(?:sorry|oops|whoops|error|404)\b|"
    r"\bwe (?:can ?not|can[’']t|could ?n[o'’]t) find\b",
    re.IGNORECASE,
)
# Substrings one of which every match of _PAGE_ERROR holds (lower-cased), as _CALL_HINTS.
_ERROR_HINTS = ("found", "find", "exist", "to work", "no longer", "been ")
# Words in quotation marks: a story quoting a notice is not one.
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_ERROR_MAX_WORDS = 30  # a notice is a line or two
# A saved error page opens with its notice (after at most a heading and a logo or figure).
# Only these first blocks are tested: a test of every short block cost 1-2 % of the parse
# of a blog post (bench/README), for notices that open the page in every export seen.
_ERROR_HEAD = 3
_EMAIL_OR_PHONE = re.compile(r"\S+@\S+\.\w+|\+\d[\d\s]{7,}")
_LABEL_ONLY = re.compile(
    r"^\W*(?:advertisement|advertising|sponsored(?: content)?|ad|ads|"
    r"story continues (?:below|after) (?:this )?advertisement|"
    r"view image in fullscreen|enlarge (?:this )?image|click to enlarge|expand|toggle caption|"
    r"hide caption|show caption|(?:play|watch|pause|mute|unmute|replay)(?: (?:video|audio|now))?|"
    r"listen(?: to (?:this )?(?:article|story))?|share|share (?:this|on \w+)|copy link|"
    r"link copied|print|email|tweet|save|bookmark|comments?|view comments|show comments|"
    r"(?:\d[\d,]*\s+)?(?:comments?|replies|responses)|comments?\s*\(\d+\)|"
    r"join the conversation|leave a comment|read more|see more|load more|more|"
    r"related|related (?:articles|stories|content|posts|coverage|reading)|read next|up next|"
    r"recommended(?: for you)?|most (?:popular|read)|trending|you (?:may|might) also like|"
    r"more (?:from|about) .{1,40}|more on (?:this|(?-i:[A-Z])).{0,40}|also read|"
    r"about the author|newsletters?|skip to (?:main )?content|"
    r"(?:error\s*)?404(?:\s*[-:–|]?\s*(?:error|(?:page\s+)?not found))?|page not found|"
    r"some content could not be imported.*|view content ↗?|"
    r"\d{1,2}:\d\d(?::\d\d)?|image \d+ of \d+|\d+ of \d+)\W*$",
    re.IGNORECASE,
)
# A one-line pointer to another story: "Related: How X did Y", "READ MORE: ...".
_POINTER = re.compile(
    r"^(?:related|read more|read also|also read|more|watch|listen|read next|"
    r"recommended|opinion|analysis|explainer)\s*[:|»›>]\s*\S",
    re.IGNORECASE,
)
# The read-later exporter's link cards: "[Link: TITLE | URL | SITE]".
LINK_MARKUP = re.compile(r"\[Link:[^\]]*\]", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+")
_HEADING_GROUPS = re.compile(
    r"^(?:related|read more|read next|more (?:from|on|about)\b.*|recommended.*|"
    r"most (?:popular|read)|trending|you (?:may|might) also like|also read)\W*$",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _word_count(text: str) -> int:
    return len(text.split())


# Substrings one of which every match of _CALL holds (lowercased), as long as each can be:
# plain `in` tests are ~20x faster than one case-insensitive alternation over a paragraph,
# and the longer they are, the fewer paragraphs go on to _CALL (4 % of those under 46
# words rather than 13 %). tests/test_markup.py checks them against _CALL.
_CALL_HINTS = (
    "sign",
    "subscrib",
    "donat",
    "become a ",
    "support us",
    "support our",
    "support independent",
    "follow us",
    "contact ",
    "reach ",
    "email ",
    "message ",
    "share this",
    "download our app",
    "download the app",
    "d love to hear",
    "get in touch",
)


def _holds_any(text: str, hints: tuple[str, ...]) -> bool:
    """Whether the lower-cased text holds one of `hints`: a cheap test before a pattern
    that can only match where one of them stands."""
    low = text.lower()
    for hint in hints:  # noqa: SIM110 - a loop: any() sets up a generator each block
        if hint in low:
            return True
    return False


def _opening(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One anchored pattern for several, each in a named group: one match call a block."""
    return re.compile(
        "|".join(f"(?P<g{i}>{p.pattern})" for i, p in enumerate(patterns)), re.IGNORECASE
    )


# The openings that make a line furniture, with the most words such a line has.
_OPENINGS = (
    (_LABEL_ONLY, 14),
    (_DATELINE, 14),
    (_READ_TIME, 14),
    (_POINTER, 60),
    (_CREDIT, 40),
    (_IMAGE_OF, 40),
    (_BYLINE, 12),
)
_OPENING = _opening(*(p for p, _ in _OPENINGS))
_OPENING_LIMITS = {f"g{i}": limit for i, (_, limit) in enumerate(_OPENINGS)}
_DATELINE_GROUP = f"g{[p for p, _ in _OPENINGS].index(_DATELINE)}"


# First words a furniture opening can have (beyond short lines, dates and numbers).
_OPENER_WORDS = _words(
    """related read also see more watch listen recommended opinion analysis explainer credit
    main top header lead featured feature photo photos photograph photographs image images
    picture pictures pic illustration illustrations graphic graphics video footage artwork art
    credits source sources screenshot animation map chart courtesy a gif diagram rendering by story
    words text written reporting reported additional edited interview"""
)
_FIRST_WORD = re.compile(r"\W*(\w*)")
# A sentence ends in one of these; a credit line ("… Getty Images", "(Name/Agency)") does not.
_SENTENCE_END = frozenset('.!?”"’')


def kind_of(text: str, links: Sequence[str] = (), timed: bool = False) -> str:
    """ "furniture" for a text block that is page furniture by its language, else "text".

    Cheap tests gate the costly ones: most blocks are long paragraphs and leave at once.
    """
    n = text.count(" ") + 1
    if n > 60:
        return "text"
    if timed:
        return "furniture"  # a <time> with a word or two around it: a dateline
    if n <= 14 or _furniture_opener(text):
        m = _OPENING.match(text)
        # A date that is a link names a page ("June 22, 2023" minutes), not this one's.
        linked_date = m and m.lastgroup == _DATELINE_GROUP and _mostly_links(text, links)
        if m and n <= _OPENING_LIMITS[m.lastgroup or ""] and not linked_date:
            return "furniture"
    if "[Link:" in text and _word_count(LINK_MARKUP.sub(" ", text)) < 8:
        return "furniture"
    if text[-1] not in _SENTENCE_END or text.endswith(")."):
        tail = text[-70:]
        if n <= 50 and _credit_tail(tail):
            return "furniture"
    if n <= 12 and _CONTRIBUTED.search(text[-70:]):
        return "furniture"
    if n <= 45 and _holds_any(text, _CALL_HINTS) and _is_call(text):
        return "furniture"
    if n <= 45 and _BIO.match(text) and (_EMAIL_OR_PHONE.search(text) or _FOLLOW.search(text)):
        return "furniture"  # the author's bio: "Jane Roe is our health reporter. Contact …"
    return "text"


def _furniture_opener(text: str) -> bool:
    """Whether a longer line's first word may open furniture ("Related: …", "Photo by …")."""
    first = _FIRST_WORD.match(text).group(1).lower()  # type: ignore[union-attr]
    return first in _OPENER_WORDS or first[:1].isdigit()


def _is_call(text: str) -> bool:
    """A call about the publication (its newsletter, tips, membership), to the reader or with
    an address; "E-mail us at help@… with the subject …" in a help page is body."""
    if not (_CALL.search(text) and _PROMO.search(text)) or _REPORTED.search(text):
        return False
    return _YOU.search(text) is not None or _EMAIL_OR_PHONE.search(text) is not None


def is_page_error(text: str) -> bool:
    """A site's notice, to the reader, that the page asked for is not there; a story about
    a dead link ("… could not be found, readers said") or one quoting the notice is not."""
    if text.count(" ") >= _ERROR_MAX_WORDS or not _holds_any(text, _ERROR_HINTS):
        return False
    if _REPORTED.search(text) or not _PAGE_ERROR.search(text):
        return False
    return _ERROR_VOICE.search(text) is not None and not _quotes_notice(text)


def _quotes_notice(text: str) -> bool:
    """The notice's words stand inside quotation marks: the article quotes it."""
    return any(_PAGE_ERROR.search(q) for q in _QUOTED.findall(text))


def _credit_tail(tail: str) -> bool:
    """Ends with a photo agency or a "(Name/Agency)" credit."""
    if ")" in tail[-2:] and _PHOTO_CREDIT_TAIL.search(tail):
        return True
    end = tail[-26:].lower()
    for agency in _AGENCIES:
        if agency in end:
            return _AGENCY.search(tail) is not None
    return False


def _mostly_links(text: str, links: Sequence[str]) -> bool:
    return sum(len(x) for x in links) >= 0.85 * len(text)


def mark_runs(blocks: list[Block]) -> list[Block]:
    """Furniture that only its neighbours reveal: the list of stories under a "Related"
    label, a menu of section names, and the rest of a page that opens with an error notice."""
    from bot.library.markup import Block

    out = list(blocks)
    if any(_opens_error_page(b) for b in out[:_ERROR_HEAD]):
        # A saved error page: what follows its notice is the site's chrome (a search box,
        # archives, an appeal), never the story the link was saved for.
        return [Block(b.text, "furniture", b.cite, b.links) for b in out]
    _mark_kicker_runs(out)
    i = 0
    while i < len(out):
        b = out[i]
        if b.kind in ("text", "heading", "furniture") and _HEADING_GROUPS.match(b.text):
            out[i] = Block(b.text, "furniture", b.cite, b.links)
            j = i + 1
            while j < len(out) and _is_story_pointer(out[j]):
                out[j] = Block(out[j].text, "furniture", out[j].cite, out[j].links)
                j += 1
            i = j
            continue
        i += 1
    return out


def _is_kicker(b: Block) -> bool:
    """A section name in capitals: "CULTURE", "THE BIG STORY"."""
    # isupper() first: it gives up at a paragraph's first small letter.
    if b.kind != "text" or not b.text.isupper() or len(b.text.split()) > 4:
        return False
    return b.text.replace(" ", "").replace("&", "").isalpha()


def _opens_error_page(b: Block) -> bool:
    """An error notice in a sentence ("Sorry, that page can't be found."), not a label: a
    post about HTTP may open with a "404 Not Found" heading (the label alone is furniture)."""
    if b.kind not in ("text", "furniture") or b.text[-1] not in ".!?:":
        return False
    return is_page_error(b.text)


def _mark_kicker_runs(out: list[Block]) -> None:
    """Three or more section names in capitals in a row ("SECURITY", "POLITICS", …): a menu.
    One alone ("API") may be the article's own."""
    from bot.library.markup import Block

    i = 0
    while i < len(out):
        j = i
        while j < len(out) and _is_kicker(out[j]):
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                out[k] = Block(out[k].text, "furniture", out[k].cite, out[k].links)
        i = max(j, i + 1)


def _is_story_pointer(b: Block) -> bool:
    """A short line that is (mostly) a link: one entry of a list of other stories."""
    if b.kind not in ("text", "heading", "furniture"):
        return False
    if _word_count(b.text) > 25:
        return False
    return bool(b.links) and _mostly_links(b.text, b.links)


# An aside (a box beside the story) is body when it reads as prose: a statement, a note.
# Over ../shared, 99 % of the prose paragraphs (15 words or more, a full stop at the end)
# have under 0.40 of their text in links (99.5 %: under 0.49), so an aside with more than
# half of it in links is a list of links.
_ASIDE_MAX_LINK_SHARE = 0.5
# Prose is mostly full sentences: a list of items, a label or a credit is not.
_ASIDE_MIN_SENTENCE_SHARE = 0.5
_FULL_SENTENCE_WORDS = 6
_OPENING_QUOTES = "“\"‘'(["
_CLOSING_QUOTES = "”\"’')]"


def is_prose_aside(blocks: Sequence[Block]) -> bool:
    """Whether an aside is prose, and so body: most of its words in full sentences, at most
    half of its text link text, and no label, call to act or author's bio.

    `blocks` are the aside's; those already furniture (its figures) are left out, and the
    caller treats an aside with a line that is furniture by its language as furniture.
    """
    own = [b for b in blocks if b.body]
    if not own:
        return False
    if any(b.kind == "heading" and kind_of(b.text) == "furniture" for b in own):
        return False  # "Newsletter", "Related", "More from …" over the box
    text = " ".join(b.text for b in own)
    if sum(len(x) for b in own for x in b.links) > _ASIDE_MAX_LINK_SHARE * len(text):
        return False
    if _holds_any(text, _CALL_HINTS) and _CALL.search(text) and _addresses_reader(text):
        return False  # "Sign up to receive our biggest stories": a call beside the story
    if any(_BIO.match(b.text) for b in own):
        return False  # the author's box: "Jane Roe is a reporter at …"
    words = in_sentences = 0
    for b in own:
        for sentence in split_sentences(b.text):
            n = sentence.count(" ") + 1
            words += n
            if n >= _FULL_SENTENCE_WORDS and _is_full_sentence(sentence):
                in_sentences += n
    return in_sentences >= _ASIDE_MIN_SENTENCE_SHARE * words


# A statement signed after its last full stop: `… this lawsuit." -Meta spokesperson`.
_SIGNATURE = re.compile(r"(?<=[.!?”\"’])\s*[-—–]+\s*\w[\w .,'’-]{0,60}$")


def _is_full_sentence(sentence: str) -> bool:
    """Starts with a capital or a digit and ends with a full stop (quotes around and a
    signature after it aside)."""
    start = sentence.lstrip(_OPENING_QUOTES)[:1]
    end = _SIGNATURE.sub("", sentence).rstrip(_CLOSING_QUOTES)[-1:]
    return (start.isupper() or start.isdigit()) and end in (".", "!", "?")


def _addresses_reader(text: str) -> bool:
    return bool(_PROMO.search(text) or _YOU.search(text) or _EMAIL_OR_PHONE.search(text))


_WORD = re.compile(r"\w+")


def is_pull_quote(aside: Sequence[str], rest: Sequence[str]) -> bool:
    """Whether a prose aside repeats the article: most of its words are in sentences that
    the rest of the body (`rest`, its blocks' texts) holds word for word."""
    body = f" {' '.join(_plain(t) for t in rest)} "
    words = repeated = 0
    for text in aside:
        for sentence in split_sentences(text):
            plain = _plain(sentence)
            n = plain.count(" ") + 1 if plain else 0
            words += n
            if n and f" {plain} " in body:
                repeated += n
    return words > 0 and repeated * 2 >= words


def _plain(text: str) -> str:
    """Lower-case words and nothing else, to compare texts whatever their punctuation."""
    return " ".join(_WORD.findall(text.lower()))


# Source markup a converter left as text, no word of the article: a footnote's label, where
# it is cited ("config[^1] when", never after a space or straight quote, as a regex's
# "[^a]" is) and opening its note ("[^1]: It's likely…"), and a Go
# "present" action including code from a file not in the page ({{code "ctx/google.go"
# /func httpDo/ /^}/}}, {{play "x.go"}}); "{{raw `…`}}" keeps its code, which is text.
_FOOTNOTE_NOTE = re.compile(r"^\[\^[\w-]+\]:\s*")
_FOOTNOTE_CITED = re.compile(r"(?<=[\w.,;:!?)\]”’])\[\^[\w-]+\](?!:)")
_PRESENT_ACTION = re.compile(r'\{\{[a-z]+ "[^"\n]*"[^\n]*?\}\}')


def strip_source_markup(text: str) -> str:
    """Text without footnote labels and Go "present" file actions (see above)."""
    if "[^" not in text and "{{" not in text:
        return text  # the usual case
    text = _PRESENT_ACTION.sub(" ", text)
    text = _FOOTNOTE_CITED.sub("", _FOOTNOTE_NOTE.sub("", text))
    return " ".join(text.split())


def strip_link_markup(text: str) -> str:
    """Text without the exporter's "[Link: ...]" cards."""
    if "[" not in text:
        return text
    return " ".join(LINK_MARKUP.sub(" ", text).split())
