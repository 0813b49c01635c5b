"""Writing files without ever losing or half-writing one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ogmp.diagnostics import shown
from ogmp.errors import OutputError, os_reason
from ogmp.messages import Message


def _default_mode() -> int:
    """The permissions a plain ``open()`` would give a new file under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_new(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; refuse if it exists (never overwrite)."""
    write_atomic(path, text.encode("utf-8"), overwrite=False)


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place.

    A failure leaves no partial file and leaves an existing ``path`` untouched.
    With ``overwrite=False`` the name is first claimed with an exclusive create,
    so an existing file (or one another run just made) is never replaced.
    """
    folder = path.parent
    temporary: Path | None = None
    claimed = False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(_default_mode())
        if not overwrite:
            try:
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                raise OutputError(Message("output.exists", path=shown(path))) from None
            claimed = True
        temporary.replace(path)
        temporary = None
        claimed = False
    except OSError as error:
        blocker = next((p for p in (folder, *folder.parents) if p.is_file()), None)
        if blocker is not None:
            raise OutputError(
                Message("output.not_a_folder", path=shown(path), folder=shown(blocker))
            ) from None
        raise OutputError(Message("output.failed", path=shown(path), reason=os_reason(error))) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if claimed:
            with contextlib.suppress(OSError):
                path.unlink()
