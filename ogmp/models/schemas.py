"""JSON Schema fragments that accept exactly what the models accept, as an editor sees it.

VS Code's YAML extension reads a file as YAML 1.2 before it checks it against the schema:
``level: 3`` reaches the schema as a number, ``level: ๓``, ``level: N/A`` and
``public: ใช่`` as text, ``name: 2564`` as a number. ogmp reads every value as the text it
was written as and parses it itself, so each fragment here allows every form that ogmp's
parser takes, and no other: Thai digits, quoted numbers, spellings of n/a and of yes and no,
and the spaces around a value that YAML keeps inside quotes.

A few values the schema cannot judge, because YAML has already turned them into something
else before the schema sees them: ``0x3`` and ``3e0`` arrive as the number 3.
"""

from __future__ import annotations

from typing import Any

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
DIGIT = "[0-9๐-๙]"
"""A digit as ogmp reads numbers: Arabic or Thai."""


def digits(chars: str) -> str:
    """A character class of the digits ``chars`` (``"1-5"``) in Arabic and in Thai."""
    return f"[{chars}{chars.translate(_THAI)}]"


def insensitive(word: str) -> str:
    """``word`` matched in any case of its Latin letters."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isascii() and c.isalpha() else c for c in word)


def _around(core: str) -> str:
    """The whole value, allowing the spaces ogmp strips."""
    return rf"^\s*(?:{core})\s*$"


def whole_number(core: str) -> str:
    """A pattern for a number written as text, as :func:`ogmp.models.common.parse_int` reads
    it: a sign, leading zeros and a decimal part of zeros are allowed around ``core``."""
    return _around(rf"\+?[0๐]*(?:{core})(?:\.0*)?")


def integer(low: int, high: int, text_core: str, *, optional: bool = False) -> dict[str, Any]:
    """A whole number from ``low`` to ``high``, as a number or as text matching ``text_core``."""
    options: list[dict[str, Any]] = [
        {"type": "integer", "minimum": low, "maximum": high},
        {"type": "string", "pattern": whole_number(text_core)},
    ]
    return {"anyOf": [*options, {"type": "null"}] if optional else options}


LEVEL_DIGIT = digits("1-5")
NOT_APPLICABLE = _around(r"[Nn]/[Aa]|[Nn][Aa]|[Nn]\.[Aa]\.|-")
TRUE_WORDS = ("true", "yes", "y", "on", "ใช่")
FALSE_WORDS = ("false", "no", "n", "off", "ไม่", "ไม่ใช่")
BOOLEAN_TEXT = _around("|".join(insensitive(word) for word in (*TRUE_WORDS, *FALSE_WORDS)))
DATE_TEXT = _around(f"{DIGIT}{{4}}-{DIGIT}{{1,2}}-{DIGIT}{{1,2}}")
FISCAL_YEAR_TEXT = f"{digits('2')}{digits('5-6')}{DIGIT}{{2}}|{digits('2')}{digits('7')}{digits('0')}{{2}}"
VERSION_TEXT = f"{digits('1-9')}{DIGIT}{{0,3}}"

# Characters a text may not hold: control characters (tabs and line breaks aside) and the
# characters that change the direction text is shown in.
_REFUSED_IN_TEXT = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
TEXT = rf"^(?=[\s\S]*\S)[^{_REFUSED_IN_TEXT}]*$"


def text(max_length: int, *, optional: bool = False) -> dict[str, Any]:
    """A text: anything YAML reads as a scalar, numbers and true included (ogmp keeps them as
    written), not blank, without control characters."""
    options: list[dict[str, Any]] = [
        {"type": "string", "maxLength": max_length, "pattern": TEXT},
        {"type": "number"},
        {"type": "boolean"},
    ]
    return {"anyOf": [*options, {"type": "null"}] if optional else options}


def code(pattern: str) -> dict[str, Any]:
    """An identifier matching ``pattern`` (a regex without anchors), spaces around it allowed."""
    return {"type": "string", "pattern": _around(pattern)}


def const_number(value: int) -> dict[str, Any]:
    """Exactly ``value``, as a number or as text (``version: "1"``)."""
    core = "".join(digits(char) for char in str(value))
    return {"anyOf": [{"const": value}, {"type": "string", "pattern": whole_number(core)}]}


def const_text(value: str) -> dict[str, Any]:
    """Exactly the text ``value``, spaces around it allowed."""
    escaped = "".join(f"\\{char}" if not char.isalnum() else char for char in value)
    return {"type": "string", "pattern": _around(escaped)}


# An evidence link: what ``_URL`` in ogmp/models/assessment.py accepts.
URL = _around(r"[Hh][Tt][Tt][Pp][Ss]?://[^\s/$.?#]\S*")
# An evidence file: a relative path that cannot leave the assessment's folder, not a link.
FILE = _around(
    r"(?![A-Za-z][A-Za-z0-9+.-]+:)(?![A-Za-z]:)(?![/\\~])(?!(?:.*[/\\])?\.\.(?:[/\\]|\s*$))(?!.*://)"
    r"[^\x00-\x1f]{1,500}"
)
