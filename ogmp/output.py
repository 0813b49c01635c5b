"""Writing files without ever losing or half-writing one, even when runs share a folder.

Every file is written to a temporary file beside it and moved into place, so a reader
never sees half of one. A temporary file is named after the process that writes it
(``.report.pdf.k3j9x2ab.vm-4242.tmp``), so that one left by a run that was killed can be
told from one that a live run is still writing, and cleaned up. What several runs into one
folder share (the manifest, ``results.csv``) is updated under the folder's lock file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import re
import socket
import sys
import tempfile
import time
from collections.abc import Iterator
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
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".{writer_id()}.tmp", dir=folder)
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
        raise _cannot_write(path, folder, error) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if claimed:
            with contextlib.suppress(OSError):
                path.unlink()


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9.-]", "-", socket.gethostname()) or "host"


def writer_id() -> str:
    """``vm-4242``: the host and process that write a temporary file."""
    return f"{_host()}-{os.getpid()}"


_STAGED = "inflight"


def staged_path(path: Path, writer: str) -> Path:
    """Where the run ``writer`` stages ``path`` before moving it into place.

    It is named after the run, not after the worker process that writes it: a worker may
    be gone before the run has moved its file, and the file must not look abandoned then.
    """
    return path.with_name(f".{path.name}.{_STAGED}.{writer}.tmp")


def stage(path: Path, data: bytes, writer: str) -> Path:
    """Write ``data`` whole (synced to disk) to the staged file of ``path``, for :func:`place`.

    A failure leaves no staged file.
    """
    staged = staged_path(path, writer)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with staged.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise _cannot_write(path, path.parent, error) from None
    return staged


def place(staged: Path, path: Path) -> None:
    """Move a file staged by :func:`stage` into place, at once (replacing what was there)."""
    try:
        staged.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise _cannot_write(path, path.parent, error) from None


# .NAME.RANDOM.HOST-PID.tmp (.NAME.inflight.HOST-PID.tmp when staged), and .NAME.RANDOM.tmp
# as ogmp wrote them before 0.2.
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.(?P<host>[A-Za-z0-9.-]+)-(?P<pid>\d+)\.tmp")
_OLD_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")
# A temporary file of another machine, or of an older ogmp, is left this long before it
# counts as abandoned (there is no telling whether its writer still runs).
ABANDONED_AFTER = dt.timedelta(hours=12)


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, under another user
        return True
    return True


def remove_abandoned_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files that runs which were killed left in ``folder``; say which."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    now = time.time()
    for entry in entries:
        if not entry.name.startswith(".") or not entry.name.endswith(".tmp"):
            continue
        match = _TEMPORARY.fullmatch(entry.name)
        if match is not None and match["host"] == _host():
            abandoned = not _alive(int(match["pid"]))
        elif match is not None or _OLD_TEMPORARY.fullmatch(entry.name):
            try:
                abandoned = now - entry.stat().st_mtime > ABANDONED_AFTER.total_seconds()
            except OSError:
                continue
        else:
            continue
        if abandoned:
            with contextlib.suppress(OSError):
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
    return removed


LOCK = ".ogmp-lock"
LOCK_OWNER = ".ogmp-lock.owner"
LOCK_TIMEOUT = 120.0  # seconds: runs hold the lock for milliseconds at a time


class FolderLock:
    """The lock of an output folder, held while a run updates what runs share there.

    Runs into one folder (shards of a round, two colleagues) take it for a moment each
    time; one that cannot get it within ``timeout`` seconds stops with a message naming
    the run that holds it. Reentrant within a process.
    """

    def __init__(self, folder: Path, timeout: float = LOCK_TIMEOUT) -> None:
        self.folder = folder
        self.timeout = timeout
        self._lock: object | None = None
        self._depth = 0

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the ``with`` block (the folder is made when missing)."""
        from filelock import FileLock, Timeout  # only runs that write reports need it

        if self._lock is None:
            ensure_folder(self.folder, self.folder)
            self._lock = FileLock(self.folder / LOCK, timeout=self.timeout)
        lock = self._lock
        assert isinstance(lock, FileLock)
        try:
            lock.acquire()
        except Timeout:
            raise OutputError(self._held_by_another()) from None
        except OSError as error:  # the lock is the first file a run writes into the folder
            message = Message("output.folder_failed", folder=shown(self.folder), reason=os_reason(error))
            raise OutputError(message) from None
        self._depth += 1
        try:
            if self._depth == 1:
                self._write_owner()
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                with contextlib.suppress(OSError):
                    (self.folder / LOCK_OWNER).unlink()
            lock.release()

    def _write_owner(self) -> None:
        owner = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": _user(),
            "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        with contextlib.suppress(OSError):  # the name of the holder is a courtesy, not the lock
            (self.folder / LOCK_OWNER).write_text(json.dumps(owner), encoding="utf-8")

    def _held_by_another(self) -> Message:
        try:
            owner = json.loads((self.folder / LOCK_OWNER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            owner = {}
        return Message(
            "output.locked",
            folder=shown(self.folder),
            seconds=f"{self.timeout:g}",
            pid=owner.get("pid", "?"),
            host=owner.get("host", "?"),
            user=owner.get("user", "?"),
            since=owner.get("since", "?"),
            lock=shown(self.folder / LOCK),
        )


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no name for this user id (a container)
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def ensure_folder(folder: Path, target: Path) -> None:
    """Make ``folder`` (to write ``target`` into), or say why it cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _cannot_write(target, folder, error) from None


def _cannot_write(target: Path, folder: Path, error: OSError) -> OutputError:
    """Why ``target`` could not be written into ``folder``: a file in the way, or the system's reason."""
    blocker = next((p for p in (folder, *folder.parents) if p.is_file()), None)
    if blocker is not None:
        return OutputError(Message("output.not_a_folder", path=shown(target), folder=shown(blocker)))
    return OutputError(Message("output.failed", path=shown(target), reason=os_reason(error)))
