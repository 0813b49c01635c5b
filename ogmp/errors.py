"""The one exception hierarchy of ogmp.

Library code raises these; only the command line catches them, prints their
message in the user's language and exits with the code documented in the README:

====  ==========================================================
code  meaning
====  ==========================================================
0     success
1     invalid input: a file has problems, or could not be read or written
2     usage error: wrong command, option or option value
====  ==========================================================
"""

from __future__ import annotations

import errno
from collections.abc import Iterable

from ogmp.diagnostics import Problem
from ogmp.messages import Lang, Message


class OgmpError(Exception):
    """Base class: an error with a bilingual message and an exit code."""

    exit_code = 1

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message

    def render(self, lang: Lang) -> str:
        """The message for the user, in their language."""
        return self.message.render(lang)


class InvalidInputError(OgmpError):
    """One or more input files have problems; each names its file and line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        first = self.problems[0].message if self.problems else Message("input.invalid")
        super().__init__(first)

    def render(self, lang: Lang) -> str:
        return "\n".join(problem.format(lang) for problem in self.problems)


class OutputError(OgmpError):
    """An output file could not be written; nothing partial was left behind."""


class Interrupted(OgmpError):
    """The run was stopped (Ctrl-C, SIGTERM, SIGHUP); what it finished is whole and recorded."""

    def __init__(self, written: int, left: int, signum: int) -> None:
        super().__init__(Message("run.interrupted", written=written, left=left))
        self.written, self.left, self.signum = written, left, int(signum)
        self.exit_code = 128 + int(signum)  # as a shell reports a process ended by that signal


class UsageError(OgmpError):
    """The command was called with an option value that cannot work."""

    exit_code = 2


_OS_REASONS = {
    errno.EACCES: "os.permission",
    errno.EPERM: "os.permission",
    errno.ENOENT: "os.not_found",
    errno.ENOSPC: "os.disk_full",
    errno.EDQUOT: "os.disk_full",
    errno.EROFS: "os.read_only",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder",
    errno.ELOOP: "os.link_loop",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EIO: "os.io",
}


def os_reason(error: OSError) -> Message | str:
    """Why the operating system refused, in the user's language where ogmp knows the reason."""
    code = _OS_REASONS.get(error.errno or 0)
    if code is not None:
        return Message(code)
    return error.strerror or type(error).__name__
