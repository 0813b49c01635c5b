"""From a parsed YAML document to a validated model, or located problems.

Pydantic reports errors by key path; this module turns each into a
:class:`~ogmp.diagnostics.Problem` at the line and column of that key in the
file, with a message from the catalogue (so it can be shown in Thai).
"""

from __future__ import annotations

import difflib
import re
import types
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ogmp.diagnostics import KeyPath, Problem, Severity, char_name, visible
from ogmp.messages import CATALOG, Message, one_of
from ogmp.models.common import FreeText, _preview
from ogmp.yamlsource import SourceMap, YamlDocument, dropped_comments

ModelT = TypeVar("ModelT", bound=BaseModel)

# pydantic's own error types, mapped to catalogue codes that take a ``value``.
_BUILTIN_CODES = {
    "string_type": "type.text",
    "int_type": "type.integer",
    "int_parsing": "type.integer",
    "int_from_float": "type.integer",
    "float_type": "type.number",
    "float_parsing": "type.number",
    "finite_number": "type.number",
    "bool_type": "type.boolean",
    "bool_parsing": "type.boolean",
    "date_type": "type.date",
    "date_parsing": "type.date",
    "date_from_datetime_parsing": "type.date",
    "date_from_datetime_inexact": "type.date",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "list_type": "type.list",
    "string_too_short": "value.empty",
}


def validate_document(document: YamlDocument, model: type[ModelT]) -> tuple[ModelT | None, list[Problem]]:
    """Validate ``document`` against ``model``; every problem is located in the file.

    Besides errors, the problems hold the document's warnings, and one for each text
    value whose ``#hashtags`` YAML read as a comment and dropped.
    """
    data = document.data
    if data is None:
        return None, [Problem(document.shown, None, (), Message("file.empty"))]
    if not isinstance(data, dict):
        found = Message("yaml.kind.list") if isinstance(data, list) else Message("yaml.kind.text")
        return None, [document.problem((), Message("yaml.not_mapping", found=found))]
    warnings = [*document.warnings, *_dropped_hashtags(document, model)]
    try:
        return model.model_validate(data), warnings
    except ValidationError as error:
        problems = _deduplicate([_problem(document, model, d) for d in error.errors(include_url=False)])
        said = {(problem.location, problem.message) for problem in problems}
        return None, problems + [w for w in warnings if (w.location, w.message) not in said]


def _dropped_hashtags(document: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    """A warning where YAML cut ``#tags`` off a text as a comment (not off a level or a code,
    where a comment is what the author meant)."""
    problems = []
    for comment in dropped_comments(document):
        if not is_free_text(model, comment.path):
            continue
        dropped = visible(comment.dropped)
        message = (
            Message("yaml.hashtag", dropped=dropped, fix=comment.fix)
            if comment.fix is not None
            else Message("yaml.hashtag_quoted", dropped=dropped)
        )
        problems.append(Problem(document.shown, comment.location, comment.path, message, Severity.WARNING))
    return problems


# Errors of values that are checked as they are written, where an invisible character
# or a pair of curly quotes is the likelier cause than the value itself.
_TEXT_ERRORS = frozenset(
    {"missing", "extra_forbidden", "value.control_chars", "text.bidi", "value.too_long", "value.empty"}
)
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\uff02\uff07"


def _hidden_cause(document: YamlDocument, path: KeyPath, kind: str, value: Any) -> Problem | None:
    """``level: 3<U+200B>`` is refused because of a character nobody can see: say that."""
    if kind in _TEXT_ERRORS or not isinstance(value, str):
        return None
    text = value.strip()
    hidden = next((char for char in text if not char.isprintable()), None)
    if hidden is not None:
        escape = _escape_behind(document, path, hidden)
        if escape is not None:  # "evidence\new.pdf": the user typed no line break
            return escape
        message = Message("value.invisible", value=visible(text), char=char_name(hidden))
        return document.problem_at_char(path, message, hidden)
    if text[:1] and text[0] in _CURLY_QUOTES:
        return document.problem(path, Message("value.curly_quotes", value=visible(text), char=text[0]))
    return None


def _deduplicate(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for problem in problems:
        key = (problem.location, problem.path, problem.message)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique


def _escape_behind(document: YamlDocument, path: KeyPath, char: str) -> Problem | None:
    """The warning about a backslash escape in the value at ``path``, as an error, when that
    escape is what put ``char`` (which is not in the file itself) into the value."""
    location = document.source.locate(path)
    for warning in document.warnings:
        if warning.path == path and warning.message.code == "yaml.backslash_escape":
            line = document.text.splitlines()[location.line - 1] if document.text else ""
            if char not in line:
                return Problem(document.shown, warning.location, path, warning.message)
    return None


def _problem(document: YamlDocument, model: type[BaseModel], detail: Any) -> Problem:
    loc: tuple[Any, ...] = tuple(detail["loc"])
    kind: str = detail["type"]
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    path = source_path(loc, document.source)

    hidden = _hidden_cause(document, path, kind, detail.get("input"))
    if hidden is not None:
        return hidden
    if kind == "missing":
        return document.problem(path, Message("field.missing", key=loc[-1]))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = allowed_keys(model, loc[:-1])
        return document.problem(
            path, Message("field.unknown", key=key, hint=_key_hint(key, allowed)), key=True
        )
    if kind in CATALOG:
        return document.problem(path, Message(kind, **context))
    if kind == "literal_error":
        allowed_values = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        message = Message(
            "value.choice", value=_preview(str(detail.get("input"))), allowed=one_of(allowed_values)
        )
        return document.problem(path, message)
    if kind in ("too_short", "too_long"):
        count = context.get("min_length" if kind == "too_short" else "max_length", 0)
        return document.problem(path, Message(f"list.{kind}", count=count))
    if kind in _BUILTIN_CODES:
        code = _BUILTIN_CODES[kind]
        params = {"value": _preview(str(detail.get("input")))} if "{value}" in CATALOG[code][0] else {}
        return document.problem(path, Message(code, **params))
    if kind == "string_pattern_mismatch":
        value = _preview(str(detail.get("input")))
        return document.problem(
            path, Message("value.pattern", value=value, pattern=context.get("pattern", ""))
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return document.problem(path, Message("value.bound", value=_preview(str(detail.get("input")))))
    # A kind of error ogmp has no words for: named by its id, never in pydantic's English.
    return document.problem(path, Message("value.invalid", detail=kind))


def _key_hint(key: str, allowed: list[str]) -> Message | str:
    if not allowed:
        return ""
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return Message("field.unknown.hint", suggestion=close[0])
    return Message("field.allowed", allowed=", ".join(allowed))


def source_path(loc: tuple[Any, ...], source: SourceMap) -> KeyPath:
    """The key path in the file for a pydantic ``loc`` (whose keys may have been converted)."""
    path: KeyPath = ()
    for part in loc:
        for candidate in (part, str(part)):
            extended = (*path, candidate)
            if extended in source.values or extended in source.keys:
                path = extended
                break
        else:
            path = (*path, part if isinstance(part, (str, int)) else str(part))
    return path


def allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys a mapping at ``loc`` in ``model`` may have, as the user writes them."""
    found = _model_at(model, loc)
    return [field.alias or name for name, field in found.model_fields.items()] if found else []


def is_free_text(model: type[BaseModel], path: KeyPath) -> bool:
    """Whether the value at ``path`` in ``model`` is prose (a note, a name), not a code or a number."""
    found = _model_at(model, path[:-1]) if path else None
    field = _field(found, path[-1]) if found else None
    return field is not None and FreeText in field.metadata


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model of the mapping at ``loc`` in ``model``, through lists and dicts; None if none."""
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = _field(annotation, part)
            if field is None:
                return None
            annotation = field.annotation
        elif get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return None
    annotation = _unwrap(annotation)
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _field(model: type[BaseModel], key: Any) -> Any:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field
    return None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation
