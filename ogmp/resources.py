"""Where the bundled rubrics and templates are.

In a checkout (or an editable install) they are the top-level ``rubrics/`` and
``templates/`` folders the secretariat edits; an installed wheel carries copies
inside the package (``ogmp/_data``, see ``pyproject.toml``).
"""

from __future__ import annotations

import stat
from pathlib import Path

from ogmp.diagnostics import Problem, shown
from ogmp.errors import InvalidInputError, os_reason
from ogmp.messages import Message

_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The bundled ``rubrics`` or ``templates`` folder."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ogmp is installed without its {name}/ folder; reinstall it")


def user_folder(path: Path) -> Path:
    """``path``, a folder the user named (``--rubrics``, ``--templates``), or why it cannot be used."""

    def refuse(message: Message) -> InvalidInputError:
        return InvalidInputError([Problem(shown(path), None, (), message)])

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise refuse(Message("folder.not_found")) from None
    except OSError as error:
        raise refuse(Message("folder.unreadable", reason=os_reason(error))) from None
    if not stat.S_ISDIR(mode):
        raise refuse(Message("folder.not_a_folder"))
    return path
