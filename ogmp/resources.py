"""Where the bundled rubrics and templates are.

In a checkout (or an editable install) they are the top-level ``rubrics/`` and
``templates/`` folders the secretariat edits; an installed wheel carries copies
inside the package (``ogmp/_data``, see ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The bundled ``rubrics`` or ``templates`` folder."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ogmp is installed without its {name}/ folder; reinstall it")
