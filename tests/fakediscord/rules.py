"""Discord's rules for message components that the OpenAPI spec does not express.

The spec checks each component's own fields (25 options at most, labels and
descriptions of 100 characters, custom_id of 100); Discord also refuses a message with
more than 5 action rows, a select sharing its row, two components with one custom_id, and
two options of one select with the same value. A component interaction the fake sends
must be possible in Discord's client: only options the select offers, as many as it allows.
The spec limits each part of an embed; Discord also refuses a message whose embeds hold
more than 6000 characters of text together, or more than 10 embeds.
"""

from __future__ import annotations

from typing import Any

ACTION_ROW, BUTTON = 1, 2
SELECTS = (3, 5, 6, 7, 8)
COMPONENTS_V2 = 1 << 15  # message flag: the new layout, which has none of these rules
MAX_ROWS = 5
MAX_EMBEDS = 10
EMBEDS_TOTAL = 6000  # title, description, field names and values, footer, author together


def component_problems(body: dict[str, Any]) -> list[str]:
    """What Discord would refuse in a message body's components ([] when fine)."""
    components = body.get("components") or []
    if int(body.get("flags") or 0) & COMPONENTS_V2:
        return []
    problems = []
    if len(components) > MAX_ROWS:
        problems.append(f"components: {len(components)} action rows (at most {MAX_ROWS})")
    ids: list[str] = []
    for r, row in enumerate(components):
        items = row.get("components") or []
        if row.get("type") != ACTION_ROW:
            problems.append(f"components/{r}: a top-level component must be an action row")
        if any(c.get("type") in SELECTS for c in items) and len(items) > 1:
            problems.append(f"components/{r}: a select menu must be alone in its row")
        for c in items:
            if c.get("custom_id"):
                ids.append(c["custom_id"])
            values = [o.get("value") for o in c.get("options") or []]
            if len(values) != len(set(values)):
                problems.append(f"components/{r}: two options of one select share a value")
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        problems.append(f"components: custom_id used twice: {dupes}")
    return problems


def choice_problems(component: dict[str, Any], values: list[str]) -> list[str]:
    """Why a member could not choose `values` in this select ([] when they could)."""
    if component.get("type") != 3:
        return []
    offered = [o.get("value") for o in component.get("options") or []]
    problems = [f"{v!r} is not an option of {component.get('custom_id')}" for v in values]
    problems = [p for p, v in zip(problems, values, strict=True) if v not in offered]
    low = component.get("min_values")
    high = component.get("max_values")
    low = 1 if low is None else low
    high = 1 if high is None else high
    if not low <= len(values) <= high:
        problems.append(f"{len(values)} values chosen; the select takes {low} to {high}")
    return problems


def embed_problems(body: dict[str, Any]) -> list[str]:
    """What Discord would refuse in a message body's embeds as a whole ([] when fine)."""
    embeds = body.get("embeds") or []
    problems = []
    if len(embeds) > MAX_EMBEDS:
        problems.append(f"embeds: {len(embeds)} embeds (at most {MAX_EMBEDS})")
    total = 0
    for e in embeds:
        total += len(e.get("title") or "") + len(e.get("description") or "")
        total += len((e.get("footer") or {}).get("text") or "")
        total += len((e.get("author") or {}).get("name") or "")
        total += sum(
            len(f.get("name") or "") + len(f.get("value") or "") for f in e.get("fields") or []
        )
    if total > EMBEDS_TOTAL:
        problems.append(f"embeds: {total} characters of text (at most {EMBEDS_TOTAL})")
    return problems
