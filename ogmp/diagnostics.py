"""Problems found in input files, each pinned to a file, line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from ogmp.messages import Lang, Message

KeyPath = tuple[str | int, ...]
# Characters that end a line in a terminal, an editor or str.splitlines(); a key or value
# quoted in a message may hold one.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


class Severity(StrEnum):
    """Errors make a file invalid; warnings are shown but do not."""

    ERROR = "error"
    WARNING = "warning"


class Location(NamedTuple):
    """A 1-based line and column in a source file."""

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

    def format(self, lang: Lang) -> str:
        """``file:line:column: key.path: message``, the shape editors and grep understand."""
        where = self.file
        if self.location is not None:
            where += f":{self.location.line}:{self.location.column}"
        parts = [where]
        if self.severity is Severity.WARNING:
            parts.append(Message("severity.warning").render(lang))
        if self.path:
            parts.append(format_key_path(self.path))
        parts.append(self.message.render(lang))
        return _LINE_BREAKS.sub("?", ": ".join(parts))  # one problem, one line

    def sort_key(self) -> tuple[str, int, int, str]:
        line, column = self.location if self.location else (0, 0)
        return (self.file, line, column, format_key_path(self.path))
