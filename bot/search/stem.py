"""A light suffix stripper: enough for "received"/"receive" and "maps"/"map" to meet."""

from __future__ import annotations

from functools import lru_cache

_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "ers", "er", "ly", "s")


# The same few thousand words are stemmed for every sentence of every candidate article.
@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Strip one common English suffix, keeping a stem of at least 3 letters."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            if suf == "ies":
                return base + "y"
            if suf in ("es", "s") and word.endswith("ss"):
                return word
            if base.endswith("e") and suf in ("es",):
                return base
            return base.rstrip("e") if suf in ("ed", "ing", "er", "ers", "ings") else base
    # One silent final -e, as the plural rules above leave it: "type"/"types" -> "typ",
    # "degree"/"degrees" -> "degre".
    return word[:-1] if word.endswith("e") and len(word) >= 4 else word
