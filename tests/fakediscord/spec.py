"""Validate REST request bodies against Discord's official OpenAPI spec.

The spec is loaded once per process; one validator is compiled per operation, lazily,
and reused, so a burst of a thousand interactions costs one compile per route.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SPEC_PATH = SHARED / "specs" / "discord-openapi.json"
_SPEC_URI = "urn:discord-openapi"

# Fields discord.py 2.x sends that Discord accepts but the spec does not list; tolerated
# in strict mode (where any other unknown field is an error). "*" applies to every object.
KNOWN_EXTRA_FIELDS: dict[str, frozenset[str]] = {
    "*": frozenset({"nsfw", "tts"}),  # commands' nsfw; tts on interaction message edits
    "RichEmbed": frozenset({"flags"}),  # Embed.to_dict() always includes flags
}


@dataclass(frozen=True)
class Operation:
    """One spec operation: its path template and, when it takes one, its JSON body schema."""

    method: str
    template: str
    operation_id: str
    pointer: str | None  # JSON pointer of the application/json request body schema


def spec_available() -> bool:
    """True when the shared OpenAPI spec file is present."""
    return SPEC_PATH.is_file()


@cache
def load_spec() -> dict[str, Any]:
    """The parsed spec, once per process."""
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _prepared_copy(spec: dict[str, Any], strict: bool) -> dict[str, Any]:
    """A copy with the known deviations applied and, if strict, unknown fields rejected."""
    prepared = copy.deepcopy(spec)
    # Discord accepts snowflakes as JSON integers too, and discord.py sends some that way
    # (e.g. message_reference ids); the spec only allows strings.
    snowflake = prepared["components"]["schemas"]["SnowflakeType"]
    prepared["components"]["schemas"]["SnowflakeType"] = {
        "anyOf": [snowflake, {"type": "integer", "minimum": 0}]
    }
    if strict:
        _reject_unknown_fields(prepared)
    return prepared


def _reject_unknown_fields(spec: dict[str, Any]) -> None:
    """Make every object schema with listed properties reject unlisted ones."""

    def walk(node: Any, extras: frozenset[str]) -> None:
        if isinstance(node, dict):
            types = node.get("type")
            is_object = types == "object" or (isinstance(types, list) and "object" in types)
            if (
                is_object
                and "properties" in node
                and "additionalProperties" not in node
                and "unevaluatedProperties" not in node
            ):
                node["unevaluatedProperties"] = False
                # Known extras are declared as "anything" so they count as evaluated.
                node["properties"] = {**dict.fromkeys(extras, True), **node["properties"]}
            for value in node.values():
                walk(value, extras)
        elif isinstance(node, list):
            for value in node:
                walk(value, extras)

    everywhere = KNOWN_EXTRA_FIELDS["*"]
    for name, schema in spec["components"]["schemas"].items():
        walk(schema, everywhere | KNOWN_EXTRA_FIELDS.get(name, frozenset()))
    walk(spec["paths"], everywhere)


class SpecValidator:
    """Finds the spec operation for a request and checks its JSON body."""

    def __init__(self, *, strict: bool = True) -> None:
        self.strict = strict
        self._operations = _operations()

    def find(self, method: str, path: str) -> Operation | None:
        """The operation for a concrete path such as /channels/1/messages, or None."""
        for regex, ops in self._operations:
            if regex.fullmatch(path) and method.lower() in ops:
                return ops[method.lower()]
        return None

    def validate(self, operation: Operation, body: Any) -> list[str]:
        """Human-readable problems with a request body; empty when it conforms."""
        if operation.pointer is None:
            return [f"{operation.operation_id} takes no JSON body, got one"]
        whole, by_type = _validators(operation.pointer, self.strict)
        validator = whole
        if isinstance(body, dict) and body.get("type") in by_type:
            # A union discriminated by "type": check only the branch meant (much faster,
            # and the errors are about that branch).
            validator = by_type[body["type"]]
        errors = list(validator.iter_errors(body))
        if not errors:
            return []
        leaves = [leaf for e in errors for leaf in _leaves(e)]
        best = best_match(leaves)
        return [_describe(best)] + [_describe(e) for e in leaves if e is not best][:4]


@cache
def _registry(strict: bool) -> Registry:
    resource = Resource.from_contents(_prepared_spec(strict), default_specification=DRAFT202012)
    return Registry().with_resource(_SPEC_URI, resource)


@cache
def _validators(
    pointer: str, strict: bool
) -> tuple[Draft202012Validator, dict[int, Draft202012Validator]]:
    """The compiled validator of one body schema, plus one per "type" if it is a union."""
    registry = _registry(strict)

    def compile_ref(ref: str) -> Draft202012Validator:
        return Draft202012Validator({"$ref": ref}, registry=registry)

    whole = compile_ref(f"{_SPEC_URI}#{pointer}")
    schema = registry.resolver().lookup(f"{_SPEC_URI}#{pointer}").contents
    by_type: dict[int, Draft202012Validator] = {}
    for branch in schema.get("anyOf") or schema.get("oneOf") or []:
        ref = branch.get("$ref", "")
        if not ref.startswith("#/"):
            continue
        target = registry.resolver().lookup(_SPEC_URI + ref).contents
        kind = (target.get("properties") or {}).get("type") or {}
        values = kind.get("enum") or ([kind["const"]] if "const" in kind else [])
        for value in values:
            if value in by_type:  # two branches claim it: not a clean discriminator
                return whole, {}
            by_type[value] = compile_ref(_SPEC_URI + ref)
    return whole, by_type


@cache
def _prepared_spec(strict: bool) -> dict[str, Any]:
    return _prepared_copy(load_spec(), strict)


@cache
def _operations() -> list[tuple[re.Pattern[str], dict[str, Operation]]]:
    """Path regexes, most literal first, so /messages/@original wins over /messages/{id}."""
    spec = load_spec()
    table = []
    for template, item in spec["paths"].items():
        regex = re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)))
        ops: dict[str, Operation] = {}
        for method, op in item.items():
            if method == "parameters":
                continue
            content = (op.get("requestBody") or {}).get("content", {})
            pointer = None
            if "application/json" in content:
                pointer = "/".join(
                    [
                        "",
                        "paths",
                        _escape(template),
                        method,
                        "requestBody",
                        "content",
                        _escape("application/json"),
                        "schema",
                    ]
                )
            ops[method] = Operation(method.upper(), template, op.get("operationId", "?"), pointer)
        table.append((template.count("{"), template, regex, ops))
    table.sort(key=lambda row: (row[0], row[1]))
    return [(regex, ops) for _, _, regex, ops in table]


def _leaves(error: ValidationError) -> list[ValidationError]:
    """The errors that explain an anyOf/oneOf failure, from the alternative that fits best.

    An alternative of the wrong JSON type, or whose "type" discriminator does not match,
    is not the one meant, so it is skipped; among the rest, the one with the fewest errors wins.
    """
    if not error.context:
        return [error]
    by_branch: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        by_branch.setdefault(sub.schema_path[0], []).append(sub)
    candidates = [
        subs
        for subs in by_branch.values()
        if not any(_discriminator_mismatch(s, error) for s in subs)
    ]
    if not candidates:
        return [error]
    fewest = min(candidates, key=len)
    return [leaf for sub in fewest for leaf in _leaves(sub)]


def _discriminator_mismatch(sub: ValidationError, parent: ValidationError) -> bool:
    relative = list(sub.absolute_path)[len(parent.absolute_path) :]
    if not relative and sub.validator == "type":
        return True  # e.g. the "null" branch of a nullable object
    return relative == ["type"] and sub.validator in ("enum", "const")


def _describe(error: ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "(body)"
    message = error.message
    if error.validator in ("maxLength", "minLength", "maxItems", "minItems"):
        # Say how long, not the (possibly huge) value itself.
        limit = "at most" if error.validator.startswith("max") else "at least"
        message = f"is too {'long' if limit == 'at most' else 'short'}: {len(error.instance)}, {limit} {error.validator_value} allowed"
    if len(message) > 300:
        message = message[:300] + "…"
    return f"{where}: {message}"
