"""Questions asking for a judgement between alternatives: "is rust better than go", "rust vs
go which is better", "which is nicer, cargo or go modules", "rust vs c++, which should i
use".

The library holds what its writers did and found, and now and then what they think. Such a
question has no answer a passage gives unless a passage makes the judgement asked for: it
names the judgement ("better", "the best"), and the alternatives weighed ("rust" and "go").
A passage that holds the question's topic words but not the judgement (the VS Code Go
extension's post for "rust vs go which is better", through "vs") is the closest match at
most, however much of the question's weight it holds (respond.confidence,
Policy.judgement_missing).

Two rules of English mark the judgement. Words of evaluation: adjectives and verbs whose
meaning is a judgement of worth, in their degrees ("good", "better", "best"; "prefer",
"recommend"), a closed class of the language rather than words of any one question; a
comparative ("better") only where alternatives are weighed (than, or, vs, which), as
"did exam results get better" asks of a change. And
alternatives weighed: the words on either side of "vs"/"versus", of "or" in a question
choosing ("which…", "should i…") or judging, and after "than" in one judging. A question
asking for a span of another kind (how many, who, when, where, why: answer_type) is not
one: "who won best narrative" asks for a name, "how much worse is the risk" for an amount.
Nor is one weighing no alternatives: "what's the best way to cancel a goroutine" asks how
(a passage saying how need not say "best"), and "good" names things ("Good Information
Inc."); an evaluative word with no alternatives beside it was read as a judgement at
first, and took a content test-half answer off high confidence (bench/README.md).
"""

from __future__ import annotations

from bot.search.query import Query
from bot.search.stem import stem
from bot.search.words import STOPWORDS

# English words of evaluation, in their degrees: what a judgement of worth is said with.
JUDGING = frozenset(
    [
        "good",
        "better",
        "best",
        "bad",
        "worse",
        "worst",
        "nice",
        "nicer",
        "nicest",
        "great",
        "greatest",
        "favourite",
        "favorite",
        "prefer",
        "preferred",
        "preferable",
        "recommend",
        "recommended",
        "superior",
        "inferior",
        "worth",
        "worthwhile",
        "overrated",
        "underrated",
    ]
)
# Of those, the comparatives: without alternatives weighed they say a change ("did exam
# results get better with the later start" asks whether they rose), not a judgement.
_COMPARATIVE = frozenset(["better", "worse", "nicer", "greater", "superior", "inferior"])
# Words weighing alternatives against each other.
_VERSUS = frozenset(["vs", "versus"])
_OR = "or"
_THAN = "than"
# Words opening a question that chooses between alternatives joined by "or".
_CHOOSING = frozenset(["which", "should"])
# Words saying the question weighs alternatives, which a comparative then judges.
_WEIGHING = _VERSUS | frozenset([_OR, _THAN, "which"])
# Question kinds that ask for a span of their own kind, not a judgement (query.question_kind).
_TYPED = frozenset(["number", "who", "when", "where", "why"])


def judged(q: Query) -> frozenset[str]:
    """The stems a passage must hold to answer q's judgement: its words of evaluation and
    the alternatives it weighs; empty when q asks for no judgement."""
    if q.kind in _TYPED:
        return frozenset()
    ws = [w for w in q.typed if w]
    weighing = not _WEIGHING.isdisjoint(ws)
    judging = [w for w in ws if w in JUDGING and (weighing or w not in _COMPARATIVE)]
    choosing = bool(judging) or bool(_CHOOSING.intersection(ws))
    marks = set(_VERSUS)
    if choosing:
        marks.add(_OR)
    if judging:
        marks.add(_THAN)
    sides: list[str] = []
    for i, w in enumerate(ws):
        if w not in marks:
            continue
        # The alternatives stand right beside the mark: in "use the vs code extension"
        # "vs" is part of a name, not a comparison of "use" and "code".
        before = ws[i - 1] if i else ""
        after = ws[i + 1] if i + 1 < len(ws) else ""
        if _content(after) and (_content(before) or w == _THAN):
            sides += [before, after] if w != _THAN else [after]
    if not sides:  # no alternatives weighed: "the best way to…" asks how, "good" may name
        return frozenset()
    return frozenset(stem(w) for w in judging + sides)


def _content(w: str) -> bool:
    """Whether w is a word an alternative is named by: no function word, no judgement."""
    return bool(w) and w not in STOPWORDS and w not in _VERSUS and w not in JUDGING
