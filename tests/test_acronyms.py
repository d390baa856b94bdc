"""Acronyms and the words they stand for meet, as the library spells them out
(bot/search/acronyms.py)."""

from __future__ import annotations

from pathlib import Path

from bot.search.acronyms import spelled_out
from bot.search.policy import DEFAULT
from tests.conftest import CONTENT, answered_by, small_engine, tool_post

RULE_OFF = DEFAULT.with_(acronym_articles=0)


def test_a_definition_or_capitals_spell_an_acronym_out() -> None:
    defined = "The American Federation of Government Employees (AFGE) compiled it. AFGE said"
    assert spelled_out("afge", [defined]) == "american federation of government employees"
    assert spelled_out("gat", ["generic associated types (GATs) are stable; GATs"]) == (
        "generic associated types"
    )
    # Three letters or more: written in capitals, or most if at least twice.
    assert spelled_out("cdk", ["the Go Cloud Development Kit, or CDK for short"]) == (
        "cloud development kit"
    )
    # Two letters without a definition: the two written alike, before the same word.
    alike = "It cuts its human resources staff. The human resources division. The HR division."
    assert spelled_out("hr", [alike]) == "human resources"
    assert spelled_out("hr", ["Its human resources staff. The HR roles."]) is None
    assert spelled_out("tv", ["Tokyo Vice is a TV series. Tokyo Vice was filmed"]) is None
    # Not without the acronym in capitals.
    assert spelled_out("hr", ["Its human resources staff and human resources division."]) is None
    # Nothing but a space or a hyphen between a run's words.
    assert spelled_out("nlrb", ["National Labor. Relations Board (NLRB)"]) is None


GENE = {
    "therapy.md": tool_post(
        "gene-therapy",
        "A therapy for an untreatable cancer",
        "<p>Doctors treated nine children with T-cell leukaemia using the technique. "
        "Developed by GOSH and University College London (UCL), the technique edits the "
        "genetic code of donor cells. The cells are then given to the patient. Most "
        "patients were in remission a year later. Several needed a second transplant. "
        '"A few years ago this would have been science '
        "fiction,\" said UCL's Prof Waseem Qasim.</p>",
    ),
}


async def passages(tmp_path: Path, files: dict[str, str], question: str, slug: str) -> list[str]:
    """The passages `question` is answered with over `files` and content/, with the rule
    and without it; both from the article `slug`."""
    out = []
    async with small_engine(tmp_path, files, CONTENT) as engine:
        for policy in (DEFAULT, RULE_OFF):
            found, passage = await answered_by(engine.library, question, policy)
            assert found == slug, (policy is DEFAULT, found)
            out.append(passage)
    return out


async def test_words_spelled_out_meet_the_acronym_the_text_uses(tmp_path: Path) -> None:
    question = "what did the professor from university college london say"
    on, off = await passages(tmp_path, GENE, question, "gene-therapy")
    assert ("Qasim" in on, "Qasim" in off) == (True, False), (on, off)


STAFF = {
    "retailer.md": tool_post(
        "retailer-cuts",
        "A retailer plans a wave of layoffs",
        "<p>The retailer is preparing to cut as much as 15% of its human resources staff, "
        "with more layoffs likely in other divisions. Two sources said its human resources "
        "division will be hard hit. Stores and warehouses are likely to be affected too. "
        "The company hired fast during the pandemic. Its people division has more than "
        "10,000 employees; some HR staff will stay.</p>",
    ),
}


async def test_an_acronym_typed_meets_the_words_it_stands_for(tmp_path: Path) -> None:
    question = "how much of its hr staff is the retailer cutting"
    on, off = await passages(tmp_path, STAFF, question, "retailer-cuts")
    # "hr" meets "human resources": the sentence holding the cut is the clear answer;
    # without, the sentence writing "HR staff" is shown beside it, as close.
    assert ("15%" in on, "HR staff" in on, "HR staff" in off) == (True, False, True), (on, off)
