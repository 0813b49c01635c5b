"""The command line library's own usage errors (an option that does not exist, a missing
argument, a command mistyped), told in the user's language.

Typer reports them in English only, in a box, under a usage line; a Thai user needs to read
what is wrong and what to type instead. The values of options (numbers, choices) are checked
by :mod:`ogmp.options`, which has its own messages; what is left here is the shape of the
command line, which is known from the error alone.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Sequence
from typing import Any

from typer.core import TyperGroup
from typer.exceptions import Abort

try:  # Typer 0.2x carries its own copy of Click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - a Typer that depends on Click itself
    from click import exceptions as click_errors  # type: ignore[no-redef,import-not-found]

from ogmp.messages import Lang, Message, one_of

_NO_SUCH_COMMAND = re.compile(r"No such command (['\"])(?P<name>.+?)\1")
_EXTRA_ARGUMENTS = re.compile(r"unexpected extra argument(?:s|\(s\))? \((?P<extra>.*)\)")
SUGGESTIONS = 3


def message_language(args: Sequence[str]) -> Lang:
    """The language of messages the user asked for: ``--lang`` (the last given), else
    ``OGMP_LANG``; Thai unless it is English."""
    value = os.environ.get("OGMP_LANG", "th")
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    return "en" if value.strip().lower() == "en" else "th"


def usage_message(error: Any, root: Any, argv: Sequence[str], name: str = "ogmp") -> Message:
    """What is wrong with the command line ``argv`` of the group ``root`` (called ``name``),
    and where to read how to use the command."""
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        command, path = ctx.command, ctx.command_path
    else:  # the parser's own errors name no command: the one argv names
        command, path = _named_command(root, argv, name)
    return Message("usage.problem", problem=_problem(error, command, path), command=path)


def _named_command(root: Any, argv: Sequence[str], name: str) -> tuple[Any, str]:
    command, path = root, [name]
    for arg in argv:
        if arg.startswith("-"):
            continue
        found = getattr(command, "commands", {}).get(arg)
        if found is None:
            break
        command, path = found, [*path, arg]
    return command, " ".join(path)


def _problem(error: Any, command: Any, path: str) -> Message | str:
    if isinstance(error, click_errors.NoSuchOption):
        return _maybe_meant(
            Message("usage.no_such_option", command=path, option=error.option_name),
            error.possibilities or [],
        )
    if isinstance(error, click_errors.MissingParameter) and error.param is not None:
        param: Any = error.param
        if getattr(param, "param_type_name", "") == "argument":
            name = getattr(param, "metavar", None) or (param.name or "").upper()
            return Message("usage.missing_argument", command=path, name=name)
        return Message("usage.missing_option", command=path, option=_option_name(param))
    if isinstance(error, click_errors.BadOptionUsage):
        params = getattr(command, "params", [])
        param = next((p for p in params if error.option_name in _all_opts(p)), None)
        if param is not None:
            code = "usage.takes_no_value" if getattr(param, "is_flag", False) else "usage.needs_value"
            return Message(code, option=error.option_name)
    text = str(getattr(error, "message", "") or error)
    if match := _NO_SUCH_COMMAND.search(text):
        name = match["name"]
        commands = list(getattr(command, "commands", {}))
        return _maybe_meant(
            Message("usage.no_such_command", command=path, name=name),
            difflib.get_close_matches(name, commands, n=SUGGESTIONS),
        )
    if match := _EXTRA_ARGUMENTS.search(text):
        return Message("usage.extra_arguments", command=path, extra=match["extra"])
    return str(error.format_message()) if hasattr(error, "format_message") else text


def _maybe_meant(problem: Message, possibilities: Sequence[str]) -> Message:
    """``problem``, and the closest of ``possibilities`` (they come closest first)."""
    if not possibilities:
        return problem
    closest = sorted(list(possibilities)[:SUGGESTIONS])
    return Message("usage.did_you_mean", problem=problem, options=one_of(closest))


def _all_opts(param: Any) -> list[str]:
    return [str(opt) for opt in (*getattr(param, "opts", []), *getattr(param, "secondary_opts", []))]


def _option_name(param: Any) -> str:
    opts = _all_opts(param) or [str(param.name or "?")]
    return max(opts, key=len)  # --agenda, not -a


def _tell(message: Message, argv: Sequence[str]) -> None:
    from ogmp.terminal import make_console, print_prose

    print_prose(make_console(stderr=True), message.render(message_language(argv)))


class Commands(TyperGroup):
    """The ``ogmp`` group: the command line's usage errors are told as ogmp tells its own,
    in the user's language, with exit code 2."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(argv, prog_name, complete_var, False, **extra)
        except click_errors.NoArgsIsHelpError as error:
            error.show()
            sys.exit(error.exit_code)
        except click_errors.UsageError as error:
            _tell(usage_message(error, self, argv, prog_name or "ogmp"), argv)
            sys.exit(error.exit_code)
        except Abort:  # the input ended while a command read it
            _tell(Message("run.stopped"), argv)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)
