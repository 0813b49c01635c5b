"""Types shared by the rubric, catalogue and assessment models.

Values arrive from YAML as text; these types parse them and, when they
cannot, raise errors whose type is a message code of :mod:`ogmp.messages`,
so that loading can say what is wrong in Thai or English.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from ogmp.diagnostics import char_name, visible
from ogmp.messages import CATALOG
from ogmp.models import schemas
from ogmp.models.schemas import DIGIT


def ogmp_error(code: str, **params: Any) -> PydanticCustomError:
    """A pydantic error carrying an ogmp message code and its parameters."""
    return PydanticCustomError(code, CATALOG[code][0], params)


def describe(th: str, en: str, **field_options: Any) -> Any:
    """A field whose description (shown by editors on hover) is in Thai, then English."""
    return Field(description=f"{th}\n{en}", **field_options)


class StrictModel(BaseModel):
    """Base of every model: unknown keys are errors; instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# --- text --------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters that make text display in another order than it is stored ("Trojan Source").
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


class FreeText:
    """Marks a text field in the models: a place where people write prose, hashtags included."""


def _text(max_length: int, *, optional: bool = False) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, (dict, list)):
            raise ogmp_error("type.text")
        if value is None:
            if optional:
                return None
            raise ogmp_error("value.empty")
        text = str(value).strip()
        if not text:
            raise ogmp_error("value.empty")
        control = _CONTROL.search(text)
        if control:
            raise ogmp_error("value.control_chars", char=char_name(control.group()))
        bidi = _BIDI_CONTROLS.search(text)
        if bidi:
            raise ogmp_error("text.bidi", char=char_name(bidi.group()))
        if len(text) > max_length:
            raise ogmp_error("value.too_long", length=len(text), limit=max_length)
        return text

    return BeforeValidator(check)


def _text_schema(max_length: int, *, optional: bool = False) -> WithJsonSchema:
    return WithJsonSchema(schemas.text(max_length, optional=optional))


ShortText = Annotated[str, _text(300), _text_schema(300), FreeText]
"""A name, title or role: one line."""

LongText = Annotated[str, _text(20_000), _text_schema(20_000), FreeText]
"""A note, reason, definition or descriptor: a paragraph or a few."""

# Optional variants validate None themselves, so a wrong value gives one error,
# not one per member of a ``str | None`` union.
OptionalShortText = Annotated[
    str | None, _text(300, optional=True), _text_schema(300, optional=True), FreeText
]
OptionalLongText = Annotated[
    str | None, _text(20_000, optional=True), _text_schema(20_000, optional=True), FreeText
]


# --- identifiers ---------------------------------------------------------------


def _identifier(pattern: re.Pattern[str], code: str) -> Any:
    """A validator of an id that must match ``pattern``, refused with the message ``code``."""

    def check(value: Any) -> Any:
        if value is None:
            raise ogmp_error("value.empty")
        if isinstance(value, (dict, list)):
            raise ogmp_error("type.text")
        text = str(value).strip()
        if not pattern.fullmatch(text):
            raise ogmp_error(code, value=_preview(text))
        return text

    return BeforeValidator(check)


_SLUG = re.compile(r"[a-z][a-z0-9_]{0,47}")
Slug = Annotated[str, _identifier(_SLUG, "value.slug"), WithJsonSchema(schemas.code(_SLUG.pattern))]
"""An id in a rubric or catalogue: ``open_data``, ``pm25``."""

_RUBRIC_ID = re.compile(r"[a-z][a-z0-9-]{0,47}")
RubricId = Annotated[
    str, _identifier(_RUBRIC_ID, "value.rubric_id"), WithJsonSchema(schemas.code(_RUBRIC_ID.pattern))
]
"""The id of a rubric: ``ogmp-8``."""


def _preview(text: str, limit: int = 60) -> str:
    """A short rendition of user text for an error message, invisible characters shown."""
    return visible(text, limit)


# --- numbers -------------------------------------------------------------------


def refuse_collections(value: Any) -> None:
    """A list or mapping where one value belongs gets one clear message."""
    if isinstance(value, (dict, list)):
        raise ogmp_error("type.scalar")


_INTEGER = re.compile(f"[+-]?{DIGIT}{{1,9}}")
_WHOLE_DECIMAL = re.compile(f"[+-]?{DIGIT}{{1,9}}\\.0*")


def parse_int(value: Any) -> int:
    """A whole number from YAML text (``"3"``), refusing ``3.5``, ``true`` and the like."""
    refuse_collections(value)
    if isinstance(value, bool) or value is None:
        raise ogmp_error("type.integer", value=_preview(str(value)))
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if _INTEGER.fullmatch(text):
        return int(text)
    if _WHOLE_DECIMAL.fullmatch(text):
        return int(text.split(".")[0])
    raise ogmp_error("type.integer", value=_preview(text))


def _int_schema(low: int, high: int, text: str, *, optional: bool = False) -> WithJsonSchema:
    return WithJsonSchema(schemas.integer(low, high, text, optional=optional))


def _int_in(low: int, high: int, code: str = "value.range", *, optional: bool = False) -> BeforeValidator:
    def check(value: Any) -> int | None:
        if value is None and optional:
            return None
        if value is None:
            raise ogmp_error("value.empty")
        number = parse_int(value)
        if not low <= number <= high:
            raise ogmp_error(code, value=number, low=low, high=high)
        return number

    return BeforeValidator(check)


def parse_number(value: Any, *, thousands: bool = False) -> float:
    """A number as written: ``3``, ``2.5``, ``"4"``; with ``thousands``, ``1,250`` as a
    spreadsheet writes it. Booleans, empty values and words are refused."""
    refuse_collections(value)
    if isinstance(value, bool) or value is None:
        raise ogmp_error("type.number", value=_preview(str(value)))
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    try:
        return float(text.replace(",", "") if thousands else text)
    except ValueError:
        raise ogmp_error("type.number", value=_preview(str(value))) from None


def _positive_number(value: Any) -> float:
    number = parse_number(value)
    if not math.isfinite(number) or number <= 0:
        raise ogmp_error("value.positive")
    return number


def compact_number(value: float) -> int | float:
    """``3`` for 3.0, as a person writes it; other values as they are."""
    return int(value) if value.is_integer() else value


Weight = Annotated[
    float,
    BeforeValidator(_positive_number),
    PlainSerializer(compact_number, return_type=int | float),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0}),
]
"""A positive, finite weight."""

MaturityLevel = Annotated[int, _int_in(1, 5), _int_schema(1, 5, schemas.LEVEL_DIGIT)]
"""A maturity level, 1 (lowest) to 5 (highest)."""

TargetLevel = Annotated[
    int | None,
    _int_in(1, 5, "target.range", optional=True),
    _int_schema(1, 5, schemas.LEVEL_DIGIT, optional=True),
]
"""A to-be target level, or None to take the rubric's default."""

Version = Annotated[int, _int_in(1, 9999), _int_schema(1, 9999, schemas.VERSION_TEXT)]
"""A rubric version: a whole number that grows with each edition."""


def parse_bool(value: Any) -> bool:
    """``true``/``false`` (and ``yes``/``no``) from YAML text."""
    refuse_collections(value)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if value is not None else ""
    if text in schemas.TRUE_WORDS:
        return True
    if text in schemas.FALSE_WORDS:
        return False
    raise ogmp_error("type.boolean", value=_preview(str(value)))


Flag = Annotated[
    bool,
    BeforeValidator(parse_bool),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": schemas.BOOLEAN_TEXT}]}),
]


def empty_list(value: Any) -> Any:
    """A key with nothing after it (``assessors:``) means an empty list."""
    return [] if value is None else value


def empty_dict(value: Any) -> Any:
    """A key with nothing after it (``indicators:``) means no entries yet."""
    return {} if value is None else value


class Bilingual(StrictModel):
    """A text every user sees, in Thai and in English."""

    th: LongText
    en: LongText

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``th`` or ``en``)."""
        return self.th if lang == "th" else self.en
