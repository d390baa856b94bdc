"""Acronyms and the words they stand for, learned from the library's own text.

A member types "hr" where the article writes "human resources", or "national labor
relations board" where it writes "NLRB". No list of acronyms is kept: the articles say
which letters stand for which words, and they are read when a question needs them.

- A question word that may be an acronym (all letters, 2 to Policy.acronym_letters of
  them, a plural "s" aside: "gats") and that few articles hold (1 to
  Policy.acronym_articles): those articles (title, description and text) are read for a
  run of words whose initials spell it, where they write it in capitals (`spelled_out`).
  The run they define it with ("Generic Associated Types (GATs)", "FEMA (Federal
  Emergency Management Agency)") wins, then one written in capitals, then the one
  written most, if at least twice. Two letters spell some run by chance ("TV" beside
  "Tokyo Vice", "ID" beside "ICE director"): without a definition the acronym and the
  run must be written alike, before the same word ("HR division", "human resources
  division").
- A run of three or more of the question's content words whose initials spell a word of
  the library, when few articles write the run (Policy.acronym_articles): the acronym
  counts where the articles writing both spell it with that run, by the same reading
  ("national labor relations board": "NLRB"; not two words, see _runs).

What is found is remembered with the article counts (DocFreqs.learned) until the index
changes. compounds.forms_of turns it into the other forms every stage matches.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from bot.search.index import DocFreqs
from bot.search.policy import Policy
from bot.search.query import Query
from bot.search.words import STOPWORDS, fold, fts_quote, fts_word
from bot.store.search import SearchStore

# A word of the text and where it ends: letters, digits, inner apostrophes.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _core(word: str, policy: Policy) -> str | None:
    """The acronym a question word may be ("gats" -> "gat" as well: see candidates)."""
    if not word.isalpha() or word in STOPWORDS:
        return None
    if 2 <= len(word) <= policy.acronym_letters:
        return word
    return None


def _in_capitals(acronym: str, text: str) -> bool:
    """Whether `text` writes `acronym` in capitals as a word of its own (a plural "s" or
    "'s" after it allowed: "GATs", "NLRB's")."""
    if acronym.upper() not in text:  # most texts: no regular expression to run
        return False
    return (
        re.search(rf"(?<![\w-]){re.escape(acronym.upper())}(?:s|['’]s)?(?![\w-])", text) is not None
    )


def spelled_out(acronym: str, texts: Sequence[str]) -> str | None:
    """The run of words (folded, space-separated) whose initials spell `acronym` in texts
    writing it in capitals: a run defining it ("Name (ACR)", "ACR (name)") or written in
    capitals first, then the run written most if at least twice; None when there is none.
    A run's words are content words side by side, one function word allowed between two
    ("Federation of Government"), with nothing but a space or a hyphen between words."""
    n, caps = len(acronym), re.escape(acronym.upper())
    plain: Counter[str] = Counter()
    strong: Counter[str] = Counter()
    defined: Counter[str] = Counter()
    after: dict[str, set[str]] = {}  # each run -> the words written after it
    after_acronym: set[str] = set()
    for text in texts:
        if not _in_capitals(acronym, text):
            continue
        for m in re.finditer(rf"(?<![\w-]){caps}(?:s|['’]s)?(?![\w-])", text):
            after_acronym.add(_next_word(text, m.end()))
        # Two letters with neither a definition nor a word written after them could only
        # be read by chance (see below): the text's runs are not looked for.
        if (
            n <= 2
            and not after_acronym - {""}
            and not re.search(rf"\(\s*{caps}\s*\)|{caps}\s*\(", text)
        ):
            continue
        for m in _runs_of(acronym).finditer(text):
            run = [w for w in _WORD.findall(m.group()) if fold(w) not in STOPWORDS]
            if len(run) != n or any(w[0].lower() != c for w, c in zip(run, acronym, strict=True)):
                continue
            # A function word the match opens with is no part of the run ("his human
            # resources").
            start, end = m.start() + m.group().index(run[0]), m.end()
            form = " ".join(_WORD.findall(fold(text[start:end]).replace("-", " ")))
            if acronym in form.split():
                continue
            plain[form] += 1
            after.setdefault(form, set()).add(_next_word(text, end))
            if re.match(rf"\s*\(\s*{caps}", text[end : end + n + 6]) or re.search(
                rf"{caps}\s*\(\s*$", text[max(0, start - n - 6) : start]
            ):
                defined[form] += 1
            elif all(w[0].isupper() for w in run):
                strong[form] += 1
    if defined:
        return max(defined.items(), key=lambda kv: (kv[1], plain[kv[0]], kv[0]))[0]
    # Two letters spell some run of words by chance ("TV" beside "Tokyo Vice", "ID" beside
    # "ICE director"): without a definition, the two must be written alike, before the
    # same word ("HR division", "human resources division").
    if n <= 2:
        alike = {f: c for f, c in plain.items() if (after[f] & after_acronym) - {""}}
        return max(alike.items(), key=lambda kv: (kv[1], kv[0]))[0] if alike else None
    if strong:
        return max(strong.items(), key=lambda kv: (kv[1], plain[kv[0]], kv[0]))[0]
    if plain:
        form, count = max(plain.items(), key=lambda kv: (kv[1], kv[0]))
        return form if count >= 2 else None
    return None


@lru_cache(maxsize=256)
def _runs_of(acronym: str) -> re.Pattern[str]:
    """Runs of words with the acronym's initials, a space or a hyphen between two, and at
    most one more word between two (a function word: "Federation of Government"); read
    by the regular expression engine rather than word by word in Python, which took ~10 ms
    over five long posts. Which of the words are content words is checked after."""
    gap = r"\s*-?\s*"

    def word(c: str) -> str:
        return rf"[{c}{c.upper()}][^\W_]*(?:['’][^\W_]+)*"

    rest = "".join(rf"{gap}(?:[^\W_]+{gap})?{word(c)}" for c in acronym[1:])
    return re.compile(rf"(?<![\w'’-]){word(acronym[0])}{rest}(?![\w'’-])")


def _next_word(text: str, at: int) -> str:
    """The content word written right after `at` (folded; "" for none: a function word,
    punctuation, the end)."""
    m = _WORD.match(text, at + 1) if text[at : at + 1] == " " else None
    word = fold(m.group()) if m else ""
    return "" if word in STOPWORDS else word


async def learn(
    q: Query, fts: SearchStore, counts: DocFreqs, policy: Policy, also: Sequence[str] = ()
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The question's words as the library spells them otherwise (see the module's
    docstring): (words as typed) -> (the other form,), for compounds.forms_of. `also`:
    more FTS5 expressions the search counts next (the words' compound forms), counted in
    the same round trip when one is made."""
    cap = policy.acronym_articles
    if not cap or not q.content:
        return {}
    memo = counts.learned
    content = list(dict.fromkeys(q.content))
    typed = [w for w in content if _core(w, policy)]
    runs = _runs(q, policy)
    todo_typed = [w for w in typed if (w,) not in memo]
    todo_runs = [r for r in runs if r not in memo]
    if todo_typed or todo_runs:
        words = [e for w in content if (e := fts_word(w))]
        await _learn(todo_typed, todo_runs, fts, counts, memo, policy, [*words, *also])
    return known(q, memo, policy)


def known(
    q: Query, memo: dict[tuple[str, ...], tuple[str, ...]], policy: Policy
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """What `learn` found for the question's words, from memory only: the rerank reads the
    question again (with its typos corrected) after the search learned it."""
    if not policy.acronym_articles:
        return {}
    keys = [(w,) for w in dict.fromkeys(q.content) if _core(w, policy)] + list(_runs(q, policy))
    return {k: memo[k] for k in keys if memo.get(k)}


def _runs(q: Query, policy: Policy) -> list[tuple[str, ...]]:
    """Runs of 3 to acronym_letters of the question's content words, all letters, none
    twice. Not two: their initials are a two-letter token that most libraries write
    somewhere (code, units: "rs", "gt"), and an article writing one with the run was to
    be read for a third of the questions, to find nothing (a typed "hr" is still read
    as the words its articles spell it with)."""
    ws = q.content
    return [
        tuple(ws[i : i + size])
        for size in range(3, policy.acronym_letters + 1)
        for i in range(len(ws) - size + 1)
        if len(set(ws[i : i + size])) == size and all(w.isalpha() for w in ws[i : i + size])
    ]


async def _learn(
    typed: list[str],
    runs: list[tuple[str, ...]],
    fts: SearchStore,
    counts: DocFreqs,
    memo: dict,
    policy: Policy,
    also: Sequence[str] = (),
) -> None:
    """Learn what `typed` (words) and `runs` stand for into `memo`: the article counts of
    the words, of the runs' initials and of the runs in one round trip, then the few
    articles to read."""
    cap = policy.acronym_articles
    initials = ["".join(w[0] for w in r) for r in runs]
    words = [fts_word(w) or "" for w in typed]
    # The question's words are counted in the same round trip: the search counts them
    # next (most have no other form), and finds them counted.
    # A run is counted as a phrase only when some article holds its initials (a guarded
    # count, in the same round trip): a phrase count reads the position lists of its
    # words, which at 100k articles cost more than the rest of a question (the load
    # test's bot CPU per interaction 3.4 -> 4.2 ms with every run counted), and a run's
    # initials rarely spell a word the library holds.
    spelled = [fts_quote(a) for a in initials]
    phrases = [(a, fts_quote(" ".join(r))) for a, r in zip(spelled, runs, strict=True)]
    dfs = await counts.count(fts, [*words, *spelled, *also], phrases)
    word_dfs, phrase_dfs = dfs[: len(words)], dfs[-len(runs) :] if runs else []
    # (the words it is learned for, the articles to read, the capitals they must write)
    asked: list[tuple[tuple[str, ...], str, str]] = []
    for w, expr, df in zip(typed, words, word_dfs, strict=True):
        memo[(w,)] = ()
        if 0 < df <= cap:
            # A plural ("gats"): its capitals without the "s" ("GATs").
            core = w[:-1] if w.endswith("s") and len(w) > 2 else w
            asked.append(((w,), expr, core.upper()))
    for r, a, df in zip(runs, initials, phrase_dfs, strict=True):
        memo[r] = ()
        if 0 < df <= cap:  # (a run whose initials no article holds was not counted: 0)
            asked.append((r, f"{fts_quote(a)} AND {fts_quote(' '.join(r))}", a.upper()))
    if not asked:
        return
    found = await fts.texts_writing([(m, caps) for _, m, caps in asked], cap)
    for (key, _, caps), texts in zip(asked, found, strict=True):
        if not texts:
            continue
        if len(key) == 1:
            w = key[0]
            # A plural ("gats") is looked for as typed, then without its "s".
            for acronym in (w, w[:-1]) if w.endswith("s") and len(w) > 2 else (w,):
                if form := spelled_out(acronym, texts):
                    memo[key] = (form,)
                    break
        else:
            # The run the texts spell the acronym with is the question's, by the same
            # reading.
            form = spelled_out(caps.lower(), texts)
            if form and [w for w in form.split() if w not in STOPWORDS] == list(key):
                memo[key] = (caps.lower(),)
