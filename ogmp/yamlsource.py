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

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ogmp.diagnostics import KeyPath, Location, Problem
from ogmp.errors import InvalidInputError
from ogmp.messages import Message

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
    """A parsed file: its data, where each part came from, and its identity."""

    path: Path
    display: str
    data: Any
    source: SourceMap
    sha256: str

    def problem(self, path: KeyPath, message: Message, *, key: bool = False) -> Problem:
        """A problem about ``path`` in this document, located at its line."""
        return Problem(self.display, self.source.locate(path, key=key), path, message)


def read_yaml(path: Path, *, display: str | None = None, max_bytes: int = MAX_BYTES) -> YamlDocument:
    """Read and parse one YAML file, or raise :class:`InvalidInputError`."""
    shown = display if display is not None else str(path)
    raw = _read_bytes(path, shown, max_bytes)
    text = decode_text(raw, shown)
    data, source = parse_yaml(text, shown)
    return YamlDocument(path, shown, data, source, hashlib.sha256(raw).hexdigest())


def _read_bytes(path: Path, shown: str, max_bytes: int) -> bytes:
    def fail(message: Message) -> InvalidInputError:
        return InvalidInputError([Problem(shown, None, (), message)])

    try:
        if not path.exists():
            raise fail(Message("file.not_found"))
        if not path.is_file():
            raise fail(Message("file.not_regular"))
        size = path.stat().st_size
        if size > max_bytes:
            raise fail(Message("file.too_large", size=_size(size), limit=_size(max_bytes)))
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise fail(Message("file.unreadable", reason=error.strerror or type(error).__name__)) from None
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

    try:
        events: Iterator[Any] = yaml.parse(text, Loader=_Loader)
        for event in events:
            kind = event.__class__
            if kind is scalar or kind is mapping_start or kind is sequence_start:
                mark = event.start_mark
                if event.anchor is not None:
                    raise refuse(mark, Message("yaml.alias"))
                tag = event.tag
                if tag is not None and tag != "!":
                    raise refuse(mark, Message("yaml.tag", tag=_short_tag(tag)))
                where = (mark.line + 1, mark.column + 1)
                frame = stack[-1] if stack else None
                if frame is not None and frame.is_mapping and frame.pending_key is None:
                    if kind is not scalar:
                        raise refuse(mark, Message("yaml.complex_key"), frame.path)
                    key = event.value
                    if event.style in (None, "") and key in _NULLS:
                        raise refuse(mark, Message("yaml.empty_key"), frame.path)
                    key_path = (*frame.path, key)
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
                raise refuse(event.start_mark, Message("yaml.alias"))
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise refuse(event.start_mark, Message("yaml.multiple_documents"))
    except yaml.MarkedYAMLError as error:
        raise InvalidInputError([_syntax_problem(error, text, shown)]) from None
    except yaml.reader.ReaderError:  # a raw control character (a Word line break, an escape code)
        raise InvalidInputError([_control_character_problem(text, shown)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - libyaml always gives marks
        raise InvalidInputError(
            [Problem(shown, None, (), Message("yaml.syntax", detail=str(error)))]
        ) from None
    return root, source


def _control_character_problem(text: str, shown: str) -> Problem:
    """Where the first character YAML cannot read is (libyaml gives only a byte offset)."""
    found = _UNPRINTABLE.search(text)
    if found is None:  # pragma: no cover - libyaml refuses only what the pattern finds
        return Problem(shown, None, (), Message("value.control_chars"))
    index = found.start()
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Problem(
        shown, Location(text.count("\n", 0, index) + 1, column), (), Message("value.control_chars")
    )


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, shown: str) -> Problem:
    """Turn a libyaml error into a message a non-programmer can act on."""
    problem = (error.problem or "").lower()
    context = (error.context or "").lower()
    mark = error.problem_mark or error.context_mark
    line_index = mark.line if mark is not None else 0
    lines = text.splitlines()

    def at(selected: Any, message: Message) -> Problem:
        where = Location(selected.line + 1, selected.column + 1) if selected is not None else None
        return Problem(shown, where, (), message)

    tab_line = _first_tab_indented_line(lines, upto=line_index)
    if tab_line is not None and ("tab" in problem or "cannot start any token" in problem):
        return Problem(shown, Location(tab_line + 1, 1), (), Message("yaml.tab"))
    if "cannot start any token" in problem:
        return at(mark, Message("yaml.reserved_char", char=_char_at(lines, mark)))
    if "quoted scalar" in context and ("end of stream" in problem or "document" in problem):
        quote = '"' if _char_at(lines, error.context_mark) == '"' else "'"
        return at(error.context_mark, Message("yaml.unclosed_quote", quote=quote))
    if "mapping values are not allowed" in problem:
        return at(mark, Message("yaml.unexpected_colon"))
    if "could not find expected ':'" in problem:
        return at(error.context_mark or mark, Message("yaml.missing_colon"))
    if (
        "did not find expected key" in problem
        or "expected <block end>" in problem
        or "did not find expected '-' indicator" in problem
    ):
        return at(mark, Message("yaml.indentation"))
    detail = " ".join(part for part in (error.context, error.problem) if part)
    return at(mark, Message("yaml.syntax", detail=detail or str(error)))


def _first_tab_indented_line(lines: list[str], *, upto: int) -> int | None:
    for index, line in enumerate(lines[: upto + 1]):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return index
    return None


def _char_at(lines: list[str], mark: Any) -> str:
    if mark is None or mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if mark.column < len(line) else ""
