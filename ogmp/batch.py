"""Running many renders: worker processes, time limits, incremental runs, shards.

A :class:`Task` is one file to write, with everything needed to write it (so it can
go to another process) and a fingerprint of everything it depends on: its figures
and inputs, the catalogues, the templates, the options and the tool version. The
manifest in the output folder remembers the fingerprint and the bytes of each file
written; a later run skips a task whose file is still exactly what it wrote for the
same fingerprint (content hashes, not timestamps).

The manifest is kept as it is written: each file done is appended at once to a journal
beside it, under the folder's lock, so a run that is stopped, killed or that crashes
leaves a manifest that lets the next run render exactly what is missing, and runs that
share a folder never lose each other's entries. A worker only stages its file; the run
moves it into place and records it in one step that a stop signal waits for, so a
stopped run never leaves a file that is there but not recorded. Worker processes watch
the run that started them and end, writing nothing more, as soon as it is gone (kill -9,
the out-of-memory killer, a closed terminal); Ctrl-C, SIGTERM and SIGHUP stop the
workers and leave no half-written file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from ogmp.errors import Interrupted, OgmpError
from ogmp.messages import Message
from ogmp.options import DEFAULT_TIMEOUT
from ogmp.output import (
    FolderLock,
    place,
    remove_abandoned_temporaries,
    stage,
    staged_path,
    write_atomic,
    writer_id,
)

MANIFEST = ".ogmp-manifest.json"
JOURNAL = ".ogmp-manifest.journal"
# WeasyPrint's memory grows slowly over long runs (about 1 MB a report, measured), so workers
# are recycled; each new one spends about 2 s warming up, and each generation of workers
# waits for its last report, so not often: a round of 77 provinces in two languages is one.
TASKS_PER_WORKER = 100


class Work(Protocol):
    """What makes a file's bytes: picklable, so that a worker process can do it."""

    def render(self) -> bytes: ...


@dataclass(frozen=True)
class Task:
    """One output file: the work that makes it and what it depends on."""

    output: Path
    fingerprint: str
    work: Work
    label: str
    cost: float = 1.0
    """How long it takes beside other tasks (a unit's gap report is 1): workers take the
    costliest first, so that no core waits at the end for one long file."""
    in_run: bool = False
    """Done in the run's own process while the workers render, not copied into a worker:
    for work that holds what the run already has in memory (a round's whole results)."""


@dataclass(frozen=True)
class Outcome:
    task: Task
    written: bool  # False: skipped, the file was already up to date
    error: Message | None = None
    seconds: float = 0.0
    sha256: str = ""  # of the bytes written
    staged: Path | None = None  # where they wait for the run to move them into place


class Reporter(Protocol):
    """Told how many files a run will consider, then about each one as it is done."""

    def start(self, total: int) -> None: ...

    def done(self, outcome: Outcome) -> None: ...


@dataclass
class BatchOutcomes:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def written(self) -> list[Path]:
        return [o.task.output for o in self.outcomes if o.written and o.error is None]

    @property
    def skipped(self) -> list[Path]:
        return [o.task.output for o in self.outcomes if not o.written and o.error is None]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.error is not None]


def fingerprint(*parts: bytes | str) -> str:
    """A content hash of everything an output depends on."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def tree_hash(folders: Sequence[Path]) -> str:
    """A hash of every file under ``folders`` (names and bytes): the templates in use."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def shard_of(key: str, count: int) -> int:
    """The shard (1..count) a unit belongs to: stable across machines and file orders."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % count + 1


class _Manifest:
    """What was written into a folder, for which fingerprint: ``MANIFEST``, and the entries
    appended to ``JOURNAL`` since it was last rewritten."""

    def __init__(self, folder: Path, lock: FolderLock) -> None:
        self.folder = folder
        self.lock = lock
        self.entries: dict[str, dict[str, str]] = {}

    def load(self) -> None:
        """Read the manifest and replay its journal (the caller holds the lock)."""
        self.entries = {}
        with contextlib.suppress(OSError, ValueError):
            data = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self.entries = {k: v for k, v in data.items() if isinstance(v, dict)}
        with contextlib.suppress(OSError):
            for line in (self.folder / JOURNAL).read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except ValueError:  # the last line of a run killed while it wrote it
                    continue
                if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                    self.entries[entry["name"]] = {
                        "fingerprint": str(entry.get("fingerprint")),
                        "sha256": str(entry.get("sha256")),
                    }

    def up_to_date(self, task: Task) -> bool:
        entry = self.entries.get(task.output.name)
        if not entry or entry.get("fingerprint") != task.fingerprint:
            return False
        try:
            return hashlib.sha256(task.output.read_bytes()).hexdigest() == entry.get("sha256")
        except OSError:
            return False

    def record(self, outcome: Outcome) -> None:
        """Append what ``outcome`` wrote to the journal, at once."""
        entry = {
            "name": outcome.task.output.name,
            "fingerprint": outcome.task.fingerprint,
            "sha256": outcome.sha256,
        }
        self.entries[entry["name"]] = {"fingerprint": entry["fingerprint"], "sha256": entry["sha256"]}
        line = json.dumps(entry, sort_keys=True) + "\n"
        with self.lock.held(), (self.folder / JOURNAL).open("a", encoding="utf-8") as journal:
            journal.write(line)

    def compact(self) -> None:
        """Fold the journal into the manifest, with the entries other runs added meanwhile."""
        with self.lock.held():
            self.load()
            text = json.dumps(dict(sorted(self.entries.items())), indent=1, sort_keys=True) + "\n"
            write_atomic(self.folder / MANIFEST, text.encode("utf-8"))
            with contextlib.suppress(FileNotFoundError):
                (self.folder / JOURNAL).unlink()


class RenderTimeout(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt a render that runs longer than ``seconds`` (where the OS has SIGALRM;
    on Windows renders are not time-limited)."""
    if not seconds or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise RenderTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _perform(task: Task, timeout: float | None, writer: str | None = None) -> Outcome:
    """Make one file and stage it for the run ``writer`` (this process when None) to move
    into place; any failure becomes the outcome's message."""
    started = time.perf_counter()
    try:
        with _time_limit(timeout):
            data = task.work.render()
        staged = stage(task.output, data, writer or writer_id())
    except RenderTimeout:
        return Outcome(task, False, Message("batch.timeout", label=task.label, seconds=f"{timeout or 0:g}"))
    except OgmpError as error:
        return Outcome(task, False, error.message)
    seconds = time.perf_counter() - started
    return Outcome(task, True, None, seconds, hashlib.sha256(data).hexdigest(), staged)


def _perform_in_worker(
    task: Task, timeout: float | None, writer: str
) -> tuple[bool, Message | None, float, str, Path | None]:
    """``_perform`` in a worker process. Only the verdict goes back: an outcome would carry
    a copy of its whole task (the report's inputs and model), which the parent already has
    and would otherwise keep once per report."""
    outcome = _perform(task, timeout, writer)
    return outcome.written, outcome.error, outcome.seconds, outcome.sha256, outcome.staged


PARENT_GONE = 75  # the exit status of a worker whose run was killed


def _start_worker(temporary: str) -> None:
    """Set up a worker process: the run that started it handles Ctrl-C for it (a terminal
    sends it to every process of the group), and when that run is gone, the worker ends at
    once, whatever it was doing, without writing anything more. Its temporary files (the
    fonts WeasyPrint unpacks) go into the run's ``temporary`` folder, which the run removes
    however its workers end."""
    import multiprocessing
    import multiprocessing.connection
    import tempfile

    tempfile.tempdir = temporary

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - workers are always started by a run
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])  # returns when the parent has ended
        shutil.rmtree(temporary, ignore_errors=True)  # the run cannot remove it any more
        os._exit(PARENT_GONE)

    threading.Thread(target=watch, name="ogmp-parent-watch", daemon=True).start()


def _stop_workers(pool: Any) -> None:
    """End a pool's workers now (their renders are lost; their temporary files are cleaned up)."""
    processes = list(getattr(pool, "_processes", {}).values())  # no public way to kill a pool's workers
    for process in processes:
        with contextlib.suppress(OSError, AttributeError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, AttributeError):
            process.join(timeout=10)
    pool.shutdown(wait=False, cancel_futures=True)


def _perform_in_workers(
    tasks: Sequence[Task],
    jobs: int,
    timeout: float | None,
    finish: Callable[[Outcome], None],
    in_run: Sequence[Task] = (),
) -> None:
    """Perform ``tasks`` in ``jobs`` worker processes, each retired after about
    ``TASKS_PER_WORKER`` tasks.

    Workers are recycled by running the tasks in generations, each in a fresh pool,
    rather than with ``max_tasks_per_child``, which deadlocks on Python 3.11 to 3.13
    (python/cpython#115634). A worker that dies (a crash in a native library) breaks
    its pool: the tasks it left unfinished are then tried again one by one, each in
    a pool of its own, so that only the task that kills its worker fails. When the run is
    stopped, its workers are ended at once. ``in_run`` tasks are done in this process
    while the first generation of workers renders.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ogmp-workers-", ignore_cleanup_errors=True) as temporary:
        _perform_in_pools(tasks, jobs, timeout, finish, in_run, temporary)


def _perform_in_pools(
    tasks: Sequence[Task],
    jobs: int,
    timeout: float | None,
    finish: Callable[[Outcome], None],
    in_run: Sequence[Task],
    temporary: str,
) -> None:
    import concurrent.futures  # here, not at the top: `ogmp validate` imports this module
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")
    writer = writer_id()  # the run's: its workers stage files under its name

    def pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
        return concurrent.futures.ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(temporary,)
        )

    generation = jobs * TASKS_PER_WORKER
    unfinished: list[Task] = []
    if not tasks:
        for task in in_run:
            finish(_perform(task, timeout))
    for start in range(0, len(tasks), generation):
        batch = tasks[start : start + generation]
        executor = pool(jobs)
        try:
            futures = {executor.submit(_perform_in_worker, task, timeout, writer): task for task in batch}
            if start == 0:
                for task in in_run:
                    finish(_perform(task, timeout))
            for future in concurrent.futures.as_completed(futures):
                try:
                    finish(Outcome(futures[future], *future.result()))
                except BrokenProcessPool:
                    unfinished.append(futures[future])
        except BaseException:  # Ctrl-C, SIGTERM, a crash of the run itself
            _stop_workers(executor)
            raise
        executor.shutdown(wait=True)
    for task in unfinished:
        alone = pool(1)
        try:
            finish(Outcome(task, *alone.submit(_perform_in_worker, task, timeout, writer).result()))
        except BrokenProcessPool:
            finish(Outcome(task, False, Message("batch.crashed", label=task.label)))
        except BaseException:
            _stop_workers(alone)
            raise
        alone.shutdown(wait=True)


class _Deferral:
    """Whether a stop signal must wait (how many ``stop_deferred`` blocks are open), and
    the signal that came meanwhile."""

    depth = 0
    pending: int | None = None


def _stop(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Stopped(signum)


def _on_stop_signal(signum: int, frame: Any) -> None:
    if _Deferral.depth:
        _Deferral.pending = signum
        return
    _stop(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP (a closed terminal) stop the run as Ctrl-C does:
    by an exception in the main thread, so that every clean-up on the way runs. Inside a
    :func:`stop_deferred` block, the exception waits for the block to end."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    if signal.getsignal(signal.SIGINT) in (signal.default_int_handler, _on_stop_signal):
        caught.append(signal.SIGINT)  # not when the run was started with Ctrl-C ignored
    previous = {number: signal.signal(number, _on_stop_signal) for number in caught}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def stop_deferred() -> Iterator[None]:
    """Within the block, a stop (Ctrl-C, SIGTERM, SIGHUP) waits until the block has ended:
    for two steps that must not be parted, such as moving a file into place and recording it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _Deferral.depth += 1
    try:
        yield
    finally:
        _Deferral.depth -= 1
        if not _Deferral.depth and _Deferral.pending is not None:
            signum, _Deferral.pending = _Deferral.pending, None
            _stop(signum)


class Stopped(BaseException):
    """The run received SIGTERM or SIGHUP."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def run_tasks(
    tasks: Sequence[Task],
    out: Path,
    *,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    incremental: bool = True,
    reporter: Reporter | None = None,
    lock: FolderLock | None = None,
) -> BatchOutcomes:
    """Write every task's file, in ``jobs`` worker processes; skip those up to date.

    Stopped by Ctrl-C, SIGTERM or SIGHUP, it raises :class:`~ogmp.errors.Interrupted`
    after its workers have ended: the files done are whole and in the manifest, no
    temporary file is left, and the next run renders only what is missing.
    """
    lock = lock or FolderLock(out)
    manifest = _Manifest(out, lock)
    result = BatchOutcomes()
    if reporter:
        reporter.start(len(tasks))
    if not tasks:
        return result
    with lock.held():
        remove_abandoned_temporaries(out)
        manifest.load()
    pending: list[Task] = []
    for task in tasks:
        if incremental and manifest.up_to_date(task):
            outcome = Outcome(task, False)
            result.outcomes.append(outcome)
            if reporter:
                reporter.done(outcome)
        else:
            pending.append(task)

    writer = writer_id()

    def finish(outcome: Outcome) -> None:
        with stop_deferred():
            if outcome.staged is not None:
                try:
                    place(outcome.staged, outcome.task.output)
                except OgmpError as error:
                    outcome = replace(outcome, written=False, error=error.message, staged=None)
            else:  # a worker that crashed may have left half of it
                with contextlib.suppress(OSError):
                    staged_path(outcome.task.output, writer).unlink(missing_ok=True)
            result.outcomes.append(outcome)
            if outcome.written and outcome.error is None:
                manifest.record(outcome)
        if reporter:
            reporter.done(outcome)

    try:
        with stop_on_signals():
            if jobs <= 1 or len(pending) <= 1:
                for task in pending:
                    finish(_perform(task, timeout))
            else:
                costliest_first = sorted(pending, key=lambda task: -task.cost)  # stable
                _perform_in_workers(
                    [task for task in costliest_first if not task.in_run],
                    jobs,
                    timeout,
                    finish,
                    [task for task in costliest_first if task.in_run],
                )
    except (KeyboardInterrupt, Stopped) as stop:
        finished = {outcome.task.output for outcome in result.outcomes}
        for task in pending:  # what the workers just ended had begun to stage
            if task.output not in finished:
                with contextlib.suppress(OSError):
                    staged_path(task.output, writer).unlink(missing_ok=True)
        with lock.held():
            remove_abandoned_temporaries(out)
        _save(manifest, result)
        signum = stop.signum if isinstance(stop, Stopped) else signal.SIGINT
        raise Interrupted(len(result.written), len(tasks) - len(result.outcomes), signum) from None
    _save(manifest, result)
    order = {task.output: index for index, task in enumerate(tasks)}
    result.outcomes.sort(key=lambda outcome: order[outcome.task.output])
    return result


def _save(manifest: _Manifest, result: BatchOutcomes) -> None:
    try:
        manifest.compact()
    except OgmpError:
        # The files that failed have their own messages, naming them; the manifest is only
        # a cache (its journal stays, and the next run reads it).
        if not result.failed:
            raise
