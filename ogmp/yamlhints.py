"""What a person most likely got wrong when YAML cannot read their file, and where.

LibYAML says where it gave up, in English of its own, often a line after the mistake
(``target:4`` is only found wrong at the next key). This module reads the lines up to
that point as a person would and names the mistake at the character where it was made:
a tab, a non-breaking space, a full-width colon, a missing space after a colon, curly
quotes, a value that starts with a YAML symbol, a backslash in double quotes, a quote
never closed, nesting too deep. Its messages are ogmp's own, from the catalogue: what the
user sees never depends on LibYAML's wording, which changes between releases.

Only broken files come here, so clarity counts for more than speed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ogmp.diagnostics import Location, Problem, char_name
from ogmp.messages import Message

# Characters that look like a space, or like nothing, where YAML needs an ordinary space.
_SPACE_LIKE = frozenset({"Zs", "Cf"})
_FULL_WIDTH_COLONS = "\uff1a\ufe55\ufe13"  # ： ﹕ ︓
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u201f\u201a\u201b\u00ab\u00bb\uff02\uff07\u300c\u300d"
_STRAIGHT = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\uff07": "'"}
# The first character of a value that YAML reads as a symbol, and what it reads it as.
_INDICATORS = {
    "-": "yaml.meaning.list_item",
    "*": "yaml.meaning.alias",
    "&": "yaml.meaning.anchor",
    "!": "yaml.meaning.tag",
    "[": "yaml.meaning.list",
    "{": "yaml.meaning.mapping",
    ">": "yaml.meaning.block",
    "|": "yaml.meaning.block",
    "%": "yaml.meaning.reserved",
    "@": "yaml.meaning.reserved",
    "`": "yaml.meaning.reserved",
    "?": "yaml.meaning.key",
    ",": "yaml.meaning.separator",
}
_KEY_LIKE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# Valid escapes of YAML's double-quoted style (YAML 1.2, 5.7), and the hex digits
# that \x, \u and \U take.
_VALID_ESCAPES = frozenset('0abt\tnvfre "/\\N_LP\n')
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


@dataclass(frozen=True)
class _Line:
    """One line read as ``[indent][- ]key: value``; ``key`` is None when there is no ``key: ``."""

    text: str
    number: int  # 0-based
    value_start: int  # index in text where the value (or the whole entry) starts
    key: str | None
    colon: int | None  # index of the colon after the key

    @property
    def value(self) -> str:
        return self.text[self.value_start :]

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))


def _split(text: str, number: int) -> _Line:
    index = len(text) - len(text.lstrip(" "))
    while text.startswith("- ", index) or text[index:] == "-":
        index += 1
        while index < len(text) and text[index] == " ":
            index += 1
    start = index
    colon = None
    if start < len(text) and text[start] in "\"'":
        close = text.find(text[start], start + 1)
        if close > 0 and text.startswith(":", close + 1):
            colon = close + 1
    else:
        for found in re.finditer(":(?=[ \t]|$)", text[start:]):
            if "#" not in text[start : start + found.start()]:
                colon = start + found.start()
            break
    if colon is None:
        return _Line(text, number, start, None, None)
    value_start = colon + 1
    while value_start < len(text) and text[value_start] in " \t":
        value_start += 1
    return _Line(text, number, value_start, text[start:colon].strip("\"' "), colon)


def _yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quoted_fix(line: str) -> str | None:
    """``note: "*สำคัญ* มาก"`` for the line ``note: *สำคัญ* มาก``: what to type instead
    of a value that YAML reads as something else (None when the line has no such value)."""
    parts = _split(line.rstrip(), 0)
    value = parts.value.strip()
    if not value or value[0] in "\"'":
        return None
    return parts.text[: parts.value_start].lstrip() + _yaml_string(value)


def _at(shown: str, line: int, column: int, message: Message) -> Problem:
    return Problem(shown, Location(line + 1, column + 1), (), message)


def explain_syntax_error(error: Any, text: str, shown: str, *, depth: int, after: int, limit: int) -> Problem:
    """The mistake behind LibYAML's ``error``, at the character where the user made it.

    ``depth`` is how deep the parser had nested when the error came and ``after`` the
    index of the text it had read up to: LibYAML reads ahead inside ``[`` and ``{``, so
    nesting too deep can reach it before it reaches ogmp's own limit.
    """
    lines = text.splitlines()
    mark = error.problem_mark or error.context_mark
    context = error.context_mark
    line_index = min(mark.line, max(len(lines) - 1, 0)) if mark is not None else 0

    deep = _too_deep(text, depth, after, mark.index if mark is not None else len(text), limit)
    if deep is not None:
        line, column = _position(text, deep)
        return _at(shown, line, column, Message("yaml.too_deep", limit=limit))

    first = line_index
    if context is not None:
        first = min(first, context.line)
    previous = _previous_content_line(lines, line_index)
    if previous is not None:
        first = min(first, previous)
    for number in range(first, line_index + 1):
        found = _mistake_on_line(lines, number, shown)
        if found is not None:
            return found

    if lines and 0 <= line_index < len(lines):
        found = _mistake_at_error(lines, error, mark, context, shown)
        if found is not None:
            return found
    where = mark if mark is not None else None
    if where is None:
        return Problem(shown, None, (), Message("yaml.syntax"))
    return _at(shown, where.line, where.column, Message("yaml.syntax"))


def _too_deep(text: str, depth: int, start: int, end: int, limit: int) -> int | None:
    """Where ``[`` and ``{`` between ``start`` and ``end``, on top of ``depth`` open
    collections, first go deeper than ``limit``; None when they do not."""
    index = start
    while index < end:
        found = _FLOW_TOKEN.search(text, index, end)
        if found is None:
            return None
        char = found.group()
        index = found.end()
        if char in "[{":
            depth += 1
            if depth > limit:
                return found.start()
        elif char in "]}":
            depth -= 1
        elif char == "#":
            newline = text.find("\n", index)
            index = newline if newline >= 0 else end
        elif char == "'":
            close = re.compile("'(?!')").search(text, index)
            index = close.end() if close else end
        else:  # '"'
            close = re.compile(r'(?<!\\)"').search(text, index)
            index = close.end() if close else end
    return None


_FLOW_TOKEN = re.compile(r"""[\[\]{}'"]|(?:(?<=\s)|^)#""", re.MULTILINE)


def _position(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index), index - line_start


def _previous_content_line(lines: list[str], before: int) -> int | None:
    for number in range(min(before, len(lines)) - 1, -1, -1):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _mistake_on_line(lines: list[str], number: int, shown: str) -> Problem | None:
    """A mistake that is one on any line: in its indentation, or between its key and value."""
    text = lines[number]
    body = text.lstrip(" \t")
    indent = text[: len(text) - len(body)]
    if "\t" in indent:
        return _at(shown, number, indent.index("\t"), Message("yaml.tab"))
    for index, char in enumerate(text):  # an invisible space where the indentation is
        if char == " ":
            continue
        if unicodedata.category(char) in _SPACE_LIKE:
            return _at(shown, number, index, Message("yaml.odd_space", char=char_name(char)))
        break
    if not body or body.startswith("#"):
        return None
    if body.startswith("%"):  # a directive, where the user meant a text
        return _at(shown, number, len(indent), Message("yaml.reserved_char", char="%"))
    parts = _split(text, number)
    if parts.colon is not None and "\t" in text[parts.colon : parts.value_start]:
        tab = text.index("\t", parts.colon)
        return _at(shown, number, tab, Message("yaml.odd_space", char=char_name("\t")))
    if parts.key is None:
        entry = parts.value
        for index, char in enumerate(entry):
            if char in _FULL_WIDTH_COLONS:
                key = entry[:index].rstrip()
                if key and _KEY_LIKE.fullmatch(key):
                    fix = f"{key}: {entry[index + 1 :].strip()}".rstrip()
                    message = Message("yaml.fullwidth_colon", char=char_name(char), fix=fix)
                    return _at(shown, number, parts.value_start + index, message)
                break
            if char == ":":
                break
        glued = re.match(r"([A-Za-z_][A-Za-z0-9_]*):(.)", entry)
        if glued is not None:
            key, after = glued.groups()
            column = parts.value_start + glued.end() - 1
            if unicodedata.category(after) in _SPACE_LIKE or after == "\t":
                return _at(shown, number, column, Message("yaml.odd_space", char=char_name(after)))
            if not after.isspace() and after not in "/:":
                fix = f"{key}: {entry[glued.end() - 1 :]}"
                return _at(shown, number, column, Message("yaml.colon_space", fix=fix))
    return None


def _mistake_at_error(lines: list[str], error: Any, mark: Any, context: Any, shown: str) -> Problem | None:
    """A mistake read from where LibYAML stopped: the value it could not read, the quote
    it could not close, the colon it did not expect, the key it could not finish."""
    number = mark.line
    if number >= len(lines):  # the end of the file: an open quote or bracket runs to it
        if context is not None and context.line < len(lines):
            opened = _char(lines, context)
            if opened in "\"'":
                return _at(shown, context.line, context.column, Message("yaml.unclosed_quote", quote=opened))
        return None
    text = lines[number]
    parts = _split(text, number)
    char = _char(lines, mark)

    if context is not None and context.line < number and _char(lines, context) in "\"'":
        quote = _char(lines, context)
        return _at(shown, context.line, context.column, Message("yaml.unclosed_quote", quote=quote))

    lines_to_check = [parts]
    if context is not None and context.line != number and context.line < len(lines):
        lines_to_check.insert(0, _split(lines[context.line], context.line))
    for candidate in lines_to_check:
        value = candidate.value
        if candidate.key is None and candidate.value_start == candidate.indent:
            continue  # not a "key: value" line, nor a list item
        if value and value[0] in _CURLY_QUOTES:
            fix = _curly_fix(candidate)
            message = Message("yaml.curly_quote", char=char_name(value[0]), fix=fix)
            return _at(shown, candidate.number, candidate.value_start, message)
        symbol = value[:1]
        if symbol in _INDICATORS and _starts_a_symbol(value):
            fix = quoted_fix(candidate.text) or ""
            message = Message(
                "yaml.indicator_start", char=symbol, meaning=Message(_INDICATORS[symbol]), fix=fix
            )
            return _at(shown, candidate.number, candidate.value_start, message)

    if parts.value.startswith('"'):
        backslash = _invalid_escape(parts.value)
        if backslash is not None:
            escape = parts.value[backslash : backslash + 2]
            fixed = parts.text[: parts.value_start].lstrip() + parts.value.replace("\\", "/")
            message = Message("yaml.backslash", escape=escape, fix=fixed)
            return _at(shown, number, parts.value_start + backslash, message)
    if char in "@`%" and mark.column != parts.value_start:
        return _at(shown, number, mark.column, Message("yaml.reserved_char", char=char))
    if char == ":":
        if parts.key is not None and mark.column > parts.value_start:
            fix = quoted_fix(text) or ""
            return _at(shown, number, mark.column, Message("yaml.colon_in_text", fix=fix))
        return _at(shown, number, mark.column, Message("yaml.unexpected_colon"))
    if context is not None and context.line < len(lines):
        started = _split(lines[context.line], context.line)
        if started.key is None and ":" not in started.value and started.value.strip():
            return _at(shown, context.line, context.column, Message("yaml.missing_colon"))
    previous = _previous_content_line(lines, number)
    misaligned = previous is None or parts.indent != _split(lines[previous], previous).indent
    if mark.column <= parts.indent and text.strip() and (parts.indent or misaligned):
        return _at(shown, number, mark.column, Message("yaml.indentation"))
    return None


def _invalid_escape(quoted: str) -> int | None:
    """The index of the first backslash in a double-quoted value that starts no valid escape."""
    index = 1
    while index < len(quoted) and quoted[index] != '"':
        if quoted[index] == "\\":
            escaped = quoted[index + 1 : index + 2]
            digits = _HEX_ESCAPES.get(escaped)
            if digits is not None:
                if not re.fullmatch(f"[0-9A-Fa-f]{{{digits}}}", quoted[index + 2 : index + 2 + digits]):
                    return index
                index += digits
            elif not escaped or escaped not in _VALID_ESCAPES:
                return index
            index += 1
        index += 1
    return None


def _starts_a_symbol(value: str) -> bool:
    """Whether the value's first character is read as a YAML symbol (``-`` only before a space)."""
    if value[0] in "-?":
        return value[1:2] in ("", " ", "\t")
    return True


def _curly_fix(line: _Line) -> str:
    value = line.value.strip()
    inner = value[1:-1] if len(value) > 1 and value[-1] in _CURLY_QUOTES else value[1:]
    quote = _STRAIGHT.get(value[0], '"')
    text = inner.replace("'", "''") if quote == "'" else inner.replace("\\", "\\\\").replace('"', '\\"')
    return line.text[: line.value_start].lstrip() + quote + text + quote


def _char(lines: list[str], mark: Any) -> str:
    if mark is None or mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if mark.column < len(line) else ""
