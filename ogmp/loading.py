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

from ogmp.diagnostics import KeyPath, Problem
from ogmp.messages import CATALOG, Message, one_of
from ogmp.models.common import _preview
from ogmp.yamlsource import SourceMap, YamlDocument

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
    """Validate ``document`` against ``model``; every problem is located in the file."""
    data = document.data
    if data is None:
        return None, [Problem(document.display, None, (), Message("file.empty"))]
    if not isinstance(data, dict):
        found = Message("yaml.kind.list") if isinstance(data, list) else Message("yaml.kind.text")
        return None, [document.problem((), Message("yaml.not_mapping", found=found))]
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        problems = [_problem(document, model, detail) for detail in error.errors(include_url=False)]
        return None, _deduplicate(problems)


def _deduplicate(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for problem in problems:
        key = (problem.location, problem.path, problem.message)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique


def _problem(document: YamlDocument, model: type[BaseModel], detail: Any) -> Problem:
    loc: tuple[Any, ...] = tuple(detail["loc"])
    kind: str = detail["type"]
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    path = source_path(loc, document.source)

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
    return document.problem(path, Message("value.invalid", detail=detail.get("msg", kind)))


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
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = _field(annotation, part)
            if field is None:
                return []
            annotation = field.annotation
        elif get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [field.alias or name for name, field in annotation.model_fields.items()]
    return []


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
