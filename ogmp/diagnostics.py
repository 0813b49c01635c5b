"""Problems found in input files, each pinned to a file, line and column."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from ogmp.messages import Lang, Message

KeyPath = tuple[str | int, ...]


def shown(path: Path) -> str:
    """``path`` as the user would type it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


# Characters a reader cannot see, or cannot tell from an ordinary space: controls (line
# breaks among them), format characters (zero-width spaces, direction marks), spaces
# other than U+0020, and code points with no character.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"})


def is_invisible(char: str) -> bool:
    """Whether ``char`` would not show as itself in a message (the plain space shows)."""
    return char != " " and unicodedata.category(char) in _INVISIBLE_CATEGORIES


# Unicode gives control characters no names, only these aliases.
_CONTROL_NAMES = {
    "\x00": "NULL",
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\r": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}


def char_name(char: str) -> str:
    """``<U+200B> (ZERO WIDTH SPACE)``: a character named so that anyone can find it."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "")
    code = f"<U+{ord(char):04X}>"
    return f"{code} ({name})" if name else code


def visible(text: str, limit: int | None = 60) -> str:
    """User text as a message quotes it: every invisible character as ``<U+200B>``,
    shortened to about ``limit`` characters."""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join(f"<U+{ord(char):04X}>" if is_invisible(char) else char for char in text)


class Severity(StrEnum):
    """Errors make a file invalid; warnings are shown but do not."""

    ERROR = "error"
    WARNING = "warning"


class Location(NamedTuple):
    """A 1-based line and column in a source file (column 0: not known)."""

    line: int
    column: int


def format_key_path(path: KeyPath) -> str:
    """``("components", "open_data", "evidence", 0)`` -> ``components.open_data.evidence[0]``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, said in a way the user can act on."""

    file: str
    location: Location | None
    path: KeyPath
    message: Message
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def where(self) -> str:
        """``file:line:column``, ``file:line`` when the column is not known (0), or ``file``."""
        if self.location is None:
            return self.file
        line, column = self.location
        return f"{self.file}:{line}:{column}" if column else f"{self.file}:{line}"

    def format(self, lang: Lang) -> str:
        """``file:line:column: key.path: message``, the shape editors and grep understand."""
        parts = [self.where()]
        if self.severity is Severity.WARNING:
            parts.append(Message("severity.warning").render(lang))
        if self.path:
            parts.append(format_key_path(self.path))
        parts.append(self.message.render(lang))
        return visible(": ".join(parts), limit=None)  # one problem, one line, nothing hidden

    def sort_key(self) -> tuple[str, int, int, str]:
        line, column = self.location if self.location else (0, 0)
        return (self.file, line, column, format_key_path(self.path))
