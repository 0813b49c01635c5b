"""Read untrusted YAML safely, keeping where every key and value came from.

Only the YAML that an assessment needs is accepted: mappings, lists and plain
scalars. Anchors and aliases (and so alias bombs and cycles), tags, several
documents, duplicate keys, non-UTF-8 text and oversized or deeply nested
input are refused with a :class:`~ogmp.diagnostics.Problem` naming the line.

Scalars stay text (``None`` for an empty or ``null`` value): the pydantic
models give them their types, so ``note: 09:30`` stays "09:30" and
``name: no`` stays "no" instead of YAML 1.1 turning them into 570 and False.
The parser works from libyaml's event stream and builds values without
recursion, so nesting depth is bounded by a check, not by the C stack.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ogmp.diagnostics import KeyPath, Location, Problem, Severity, char_name, visible
from ogmp.errors import InvalidInputError, os_reason
from ogmp.messages import Message
from ogmp.yamlhints import explain_syntax_error, quoted_fix

try:  # libyaml is in PyYAML's wheels; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 24
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_UTF8_BOM = b"\xef\xbb\xbf"
# What YAML refuses to read anywhere in a file (outside its printable set): control characters.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class SourceMap:
    """Where each key and value of a document starts in its file."""

    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The location of ``path``, or of its nearest ancestor that exists.

        ``key=True`` prefers the key (for "unknown key" messages); otherwise
        the value. A path that does not exist (a missing key) falls back to
        the key of its parent, which is the line the user has to edit.
        """
        table = self.keys if key else self.values
        if path in table:
            return Location(*table[path])
        for end in range(len(path) - 1, 0, -1):
            prefix = path[:end]
            if prefix in self.keys:
                return Location(*self.keys[prefix])
            if prefix in self.values:
                return Location(*self.values[prefix])
        return Location(1, 1)


@dataclass
class YamlDocument:
    """A parsed file: its data, where each part came from, its identity and its text.

    ``warnings`` are what the file says that YAML reads differently from what its
    author most likely meant (a hashtag read as a comment, an escape in double quotes).
    """

    path: Path
    shown: str
    data: Any
    source: SourceMap
    sha256: str
    text: str = ""
    warnings: list[Problem] = field(default_factory=list)

    def problem(
        self, path: KeyPath, message: Message, *, key: bool = False, severity: Severity = Severity.ERROR
    ) -> Problem:
        """A problem about ``path`` in this document, located at its line."""
        return Problem(self.shown, self.source.locate(path, key=key), path, message, severity)

    def problem_at_char(self, path: KeyPath, message: Message, char: str) -> Problem:
        """A problem about a character of the value at ``path``, located at that character
        when it is on the value's first line (else at the value)."""
        location = self.source.locate(path)
        lines = self.text.splitlines()
        if 0 < location.line <= len(lines):
            found = lines[location.line - 1].find(char, location.column - 1)
            if found >= 0:
                location = Location(location.line, found + 1)
        return Problem(self.shown, location, path, message)


def read_yaml(path: Path, *, shown: str | None = None, max_bytes: int = MAX_BYTES) -> YamlDocument:
    """Read and parse one YAML file, or raise :class:`InvalidInputError`.

    ``shown`` is the file's name as messages give it (its path as given, when left out).
    """
    shown = shown if shown is not None else str(path)
    raw = _read_bytes(path, shown, max_bytes)
    text = decode_text(raw, shown)
    data, source = parse_yaml(text, shown)
    document = YamlDocument(path, shown, data, source, hashlib.sha256(raw).hexdigest(), text)
    document.warnings = escapes_in_double_quotes(document)
    return document


def _read_bytes(path: Path, shown: str, max_bytes: int) -> bytes:
    def fail(message: Message) -> InvalidInputError:
        return InvalidInputError([Problem(shown, None, (), message)])

    try:
        status = path.stat()  # not exists(): a folder that cannot be entered is not "not found"
        if not stat.S_ISREG(status.st_mode):
            raise fail(Message("file.not_regular"))
        if status.st_size > max_bytes:
            raise fail(Message("file.too_large", size=_size(status.st_size), limit=_size(max_bytes)))
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise fail(Message("file.not_found")) from None
    except OSError as error:
        raise fail(Message("file.unreadable", reason=os_reason(error))) from None
    if len(raw) > max_bytes:  # grew while we looked
        raise fail(Message("file.too_large", size=_size(len(raw)), limit=_size(max_bytes)))
    return raw


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    return f"{max(1, round(count / 1024))} KB"


def decode_text(raw: bytes, shown: str) -> str:
    """Decode UTF-8 (with or without a BOM); refuse other encodings clearly."""

    def fail(message: Message, offset: int | None = None) -> InvalidInputError:
        location = None
        if offset is not None:
            line_start = raw.rfind(b"\n", 0, offset) + 1
            location = Location(raw.count(b"\n", 0, offset) + 1, offset - line_start + 1)
        return InvalidInputError([Problem(shown, location, (), message)])

    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise fail(Message("encoding.utf16"))
    if b"\x00" in raw:
        raise fail(Message("file.binary"), raw.index(b"\x00"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if _looks_thai_legacy(raw):
            raise fail(Message("encoding.thai_legacy"), error.start) from None
        raise fail(Message("encoding.not_utf8"), error.start) from None


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: ASCII text with a NUL beside every character."""
    sample = raw[:200]
    return len(sample) >= 4 and (
        sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4
    )


def _looks_thai_legacy(raw: bytes) -> bool:
    """Text that reads as Thai in TIS-620/Windows-874: consonants, mostly Thai beyond ASCII."""
    try:
        text = raw.decode("cp874")
    except UnicodeDecodeError:
        return False
    beyond_ascii = [char for char in text if ord(char) > 127]
    thai = [char for char in beyond_ascii if "\u0e01" <= char <= "\u0e5b"]
    has_consonant = any("\u0e01" <= char <= "\u0e2e" for char in thai)
    return has_consonant and len(thai) >= 0.8 * len(beyond_ascii)


# --- parsing ----------------------------------------------------------------


class _Frame:
    """An open mapping or list while the event stream is walked."""

    __slots__ = ("container", "index", "is_mapping", "path", "pending_key")

    def __init__(self, container: dict[str, Any] | list[Any], path: KeyPath) -> None:
        self.container: Any = container
        self.is_mapping = isinstance(container, dict)
        self.path = path
        self.pending_key: str | None = None
        self.index = 0


def parse_yaml(text: str, shown: str) -> tuple[Any, SourceMap]:
    """Parse ``text`` into plain dicts, lists, strings and ``None``."""
    # This loop runs for every key and value of every file of a round (about a thousand
    # events per assessment), so it is written for speed: one pass, no helper calls on
    # the common paths, locations kept as plain (line, column) tuples.
    source = SourceMap()
    keys, values = source.keys, source.values
    stack: list[_Frame] = []
    root: Any = None
    documents = 0
    scalar, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent

    def refuse(mark: Any, message: Message, path: KeyPath = ()) -> InvalidInputError:
        return InvalidInputError([Problem(shown, Location(mark.line + 1, mark.column + 1), path, message)])

    event: Any = None
    try:
        events: Iterator[Any] = yaml.parse(text, Loader=_Loader)
        for event in events:
            kind = event.__class__
            if kind is scalar or kind is mapping_start or kind is sequence_start:
                mark = event.start_mark
                if event.anchor is not None:
                    hint = _quote_hint(text, mark) if kind is scalar else ""  # &name on a text
                    raise refuse(mark, Message("yaml.alias", hint=hint))
                tag = event.tag
                if tag is not None and tag != "!":
                    hint = _quote_hint(text, mark) if kind is scalar and tag.startswith("!") else ""
                    raise refuse(mark, Message("yaml.tag", tag=_short_tag(tag), hint=hint))
                where = (mark.line + 1, mark.column + 1)
                frame = stack[-1] if stack else None
                if frame is not None and frame.is_mapping and frame.pending_key is None:
                    if kind is not scalar:
                        raise refuse(mark, Message("yaml.complex_key"), frame.path)
                    key = event.value
                    if event.style in (None, "") and key in _NULLS:
                        raise refuse(mark, Message("yaml.empty_key"), frame.path)
                    key_path = (*frame.path, key)
                    if not key.isprintable():  # a zero-width space or a line break in a key
                        raise InvalidInputError([_invisible_in_key(text, shown, mark, key, frame.path)])
                    first = keys.get(key_path)
                    if first is not None:
                        message = Message("yaml.duplicate_key", key=key, first_line=first[0])
                        raise refuse(mark, message, key_path)
                    keys[key_path] = where
                    frame.pending_key = key
                    continue
                value: Any
                if kind is scalar:
                    value = None if event.style in (None, "") and event.value in _NULLS else event.value
                else:
                    if len(stack) >= MAX_DEPTH:
                        raise refuse(mark, Message("yaml.too_deep", limit=MAX_DEPTH))
                    value = {} if kind is mapping_start else []
                path: KeyPath
                if frame is None:
                    root, path = value, ()
                elif frame.is_mapping:
                    key = frame.pending_key
                    assert key is not None  # a value in a mapping always follows its key
                    path = (*frame.path, key)
                    frame.container[key] = value
                    frame.pending_key = None
                else:
                    path = (*frame.path, frame.index)
                    frame.container.append(value)
                    frame.index += 1
                values[path] = where
                if kind is not scalar:
                    stack.append(_Frame(value, path))
                continue
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            if kind is yaml.AliasEvent:
                raise refuse(
                    event.start_mark, Message("yaml.alias", hint=_quote_hint(text, event.start_mark))
                )
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise refuse(event.start_mark, Message("yaml.multiple_documents"))
    except yaml.MarkedYAMLError as error:
        # ``event`` is the last event read before the error: what the parser had built.
        after = event.end_mark.index if event is not None else 0
        problem = explain_syntax_error(error, text, shown, depth=len(stack), after=after, limit=MAX_DEPTH)
        raise InvalidInputError([problem]) from None
    except yaml.reader.ReaderError:  # a raw control character (a Word line break, an escape code)
        raise InvalidInputError([_control_character_problem(text, shown)]) from None
    except yaml.YAMLError:  # pragma: no cover - libyaml always gives marks
        raise InvalidInputError([Problem(shown, None, (), Message("yaml.syntax"))]) from None
    return root, source


def _quote_hint(text: str, mark: Any) -> Message | str:
    """``; if this is text, put it in quotes: note: "*สำคัญ*"`` for a refused YAML feature
    that a user more likely typed as the first character of a text."""
    line = _line_at(text, mark.index)
    fix = quoted_fix(line)
    return Message("yaml.quote_hint", fix=fix) if fix is not None else ""


def _line_at(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text[start : end if end >= 0 else len(text)].rstrip("\r")


def _invisible_in_key(text: str, shown: str, mark: Any, key: str, parent: KeyPath) -> Problem:
    """A key with a character nobody can see, located at that character when it is there."""
    char = next(c for c in key if not c.isprintable())
    line = _line_at(text, mark.index)
    column = line.find(char, mark.column)
    where = Location(mark.line + 1, (column if column >= 0 else mark.column) + 1)
    if key[0] == char and char.isspace():  # a non-breaking space where the indentation is
        return Problem(shown, where, parent, Message("yaml.odd_space", char=char_name(char)))
    message = Message("yaml.invisible_key", key=visible(key), char=char_name(char))
    return Problem(shown, where, parent, message)


def _control_character_problem(text: str, shown: str) -> Problem:
    """Where the first character YAML cannot read is (libyaml gives only a byte offset)."""
    found = _UNPRINTABLE.search(text)
    if found is None:  # pragma: no cover - libyaml refuses only what the pattern finds
        return Problem(shown, None, (), Message("value.control_chars", char="?"))
    index = found.start()
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    message = Message("value.control_chars", char=char_name(found.group()))
    return Problem(shown, Location(text.count("\n", 0, index) + 1, column), (), message)


# Letters that a backslash turns into another character in YAML's double-quoted style:
# in "evidence\new.pdf" the \n is a line break.
_LETTER_ESCAPES = frozenset("0abtnvfreN_LP")


def escapes_in_double_quotes(document: YamlDocument) -> list[Problem]:
    """A warning where a backslash in double quotes made a letter into something else
    (``"C:\\new"`` holds a line break): most often a Windows path typed in double quotes."""
    text = document.text
    if "\\" not in text or '"' not in text:
        return []
    lines = text.splitlines()
    warnings = []
    for path, (line, column) in document.source.values.items():
        row = lines[line - 1] if line <= len(lines) else ""
        if row[column - 1 : column] != '"':
            continue
        index, end = column, len(row)
        while index < end:
            char = row[index]
            if char == '"':
                break
            if char == "\\" and index + 1 < end:
                escaped = row[index + 1]
                if escaped in _LETTER_ESCAPES:
                    message = Message("yaml.backslash_escape", escape="\\" + escaped)
                    warnings.append(
                        Problem(document.shown, Location(line, index + 1), path, message, Severity.WARNING)
                    )
                    break
                index += 1
            index += 1
    return warnings


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


@dataclass(frozen=True)
class DroppedComment:
    """Text after `` #`` on the line of a value: YAML read it as a comment, not as the value."""

    path: KeyPath
    location: Location
    dropped: str
    fix: str | None  # the line as it should be typed, when the value is a plain one-liner


_HASHTAG = re.compile(r"[ \t]#[^\s#]")


def dropped_comments(document: YamlDocument) -> list[DroppedComment]:
    """Every ``#tag`` that YAML cut off a text value as a comment (``note: รณรงค์ #ลดฝุ่น``)."""
    text = document.text
    if "#" not in text:
        return []
    found = []
    paths: list[KeyPath] = []
    positions: list[tuple[int, int]] = []
    for number, row in enumerate(text.splitlines(), start=1):
        match = _HASHTAG.search(row)
        if match is None or not row[: match.start()].strip():
            continue
        if not positions:  # the values in file order, sorted only when a line needs them
            ordered = sorted(document.source.values.items(), key=lambda item: item[1])
            paths = [path for path, _ in ordered]
            positions = [where for _, where in ordered]
        column = match.start() + 2  # 1-based column of '#'
        index = bisect.bisect_right(positions, (number, column)) - 1
        if index < 0:
            continue
        (line, value_column), path = positions[index], paths[index]
        value = _value_at(document.data, path)
        comment = row[match.start() + 1 :].rstrip()
        if not isinstance(value, str) or comment.split()[0] in value:
            continue
        fix = None
        if line == number and row[value_column - 1 : value_column] not in ("'", '"'):
            fix = quoted_fix(row[: match.start()].rstrip() + " " + comment)
        found.append(DroppedComment(path, Location(number, column), comment, fix))
    return found


def _value_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
