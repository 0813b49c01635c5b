"""Rounds of many units: incremental runs, parallel workers, shards, failures, time limits."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogmp import batch
from ogmp.batch import Task, fingerprint, run_tasks, shard_of
from ogmp.cli import app
from ogmp.diagnostics import shown
from ogmp.errors import Interrupted, UsageError
from ogmp.options import parse_shard
from ogmp.registry import Registry

from .conftest import RUBRICS, VALID, assess, local_unit

pytestmark = pytest.mark.slow  # renders PDFs in worker processes

REGISTRY = Registry([RUBRICS])
UNITS = {"TH-52": "จังหวัดลำปาง", "TH-17": "จังหวัดสิงห์บุรี", "TH-50": "จังหวัดเชียงใหม่"}


def round_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = VALID.read_text(encoding="utf-8")
    for code, name in UNITS.items():
        unit = text.replace("code: TH-52", f"code: {code}").replace("th: จังหวัดลำปาง", f"th: {name}")
        (folder / f"{code.lower()}.yaml").write_text(unit, encoding="utf-8")
    return folder


def digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if not p.name.startswith(".")
    }


def test_second_run_writes_nothing_and_a_change_rewrites_only_its_unit(tmp_path: Path) -> None:
    inputs, out = round_folder(tmp_path / "in"), tmp_path / "out"
    first = assess([inputs], out, formats=["pdf"])
    assert first.ok and len(first.written) == 3 + 1  # three units and the national summary
    before = digests(out)

    second = assess([inputs], out, formats=["pdf"])
    assert (second.written, len(second.skipped)) == ([], 4)
    assert digests(out) == before

    changed = inputs / "th-17.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("level: 4", "level: 5"), encoding="utf-8")
    third = assess([inputs], out, formats=["pdf"])
    assert sorted(p.name for p in third.written) == [
        "national-mini-v1-pm25-2564.th.pdf",
        "th-17-pm25-2564.th.pdf",
    ]
    assert sorted(p.name for p in third.skipped) == ["th-50-pm25-2564.th.pdf", "th-52-pm25-2564.th.pdf"]


def test_a_report_edited_by_hand_is_rendered_again(tmp_path: Path) -> None:
    inputs, out = round_folder(tmp_path / "in"), tmp_path / "out"
    assess([inputs], out, formats=["pdf"])
    (out / "th-52-pm25-2564.th.pdf").write_bytes(b"%PDF edited")
    again = assess([inputs], out, formats=["pdf"])
    assert [p.name for p in again.written] == ["th-52-pm25-2564.th.pdf"]


def test_workers_write_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    inputs = round_folder(tmp_path / "in")
    assess([inputs], tmp_path / "one", formats=["pdf", "html"], jobs=1)
    assess([inputs], tmp_path / "two", formats=["pdf", "html"], jobs=2)
    assert digests(tmp_path / "one") == digests(tmp_path / "two")


def test_shards_together_write_what_one_run_writes(tmp_path: Path) -> None:
    inputs = round_folder(tmp_path / "in")
    whole = tmp_path / "whole"
    assess([inputs], whole, formats=["pdf", "json", "csv", "xlsx"])
    parts = tmp_path / "parts"
    for number in (1, 2, 3):
        assess([inputs], parts, formats=["pdf", "json", "csv", "xlsx"], shard=(number, 3))
    assert digests(parts) == digests(whole)
    assert {shard_of(f"{code}|pm25", 3) for code in UNITS} <= {1, 2, 3}


LOCAL_UNITS = [
    ("5200101", "city_municipality", "TH-52", "เทศบาลนครลำปาง", 1),
    ("5200201", "sao", "TH-52", "องค์การบริหารส่วนตำบลบ้านแลง", -1),
    ("5000201", "sao", "TH-50", "องค์การบริหารส่วนตำบลสุเทพ", 0),
]


@pytest.mark.skipif(shutil.which("parallel") is None, reason="GNU parallel is not installed")
def test_gnu_parallel_runs_four_shards_at_once_into_one_folder_as_one_run_would(tmp_path: Path) -> None:
    """The README's command for GNU parallel, run as written: four ``ogmp assess`` processes
    at once, each its own shard, into one folder; the files are byte for byte one run's."""
    inputs = round_folder(tmp_path / "in")
    text = VALID.read_text(encoding="utf-8")
    for code, local_type, parent, name, shift in LOCAL_UNITS:
        (inputs / f"{code}.yaml").write_text(local_unit(text, code, local_type, parent, name, shift), "utf-8")
    formats = ["pdf", "json", "csv", "xlsx"]
    whole = tmp_path / "whole"
    assess([inputs], whole, formats=formats, langs=["th", "en"])
    shared = tmp_path / "shared"
    ogmp = f"{sys.executable} -m ogmp"
    completed = subprocess.run(
        [
            "parallel",
            "--will-cite",
            "--halt",
            "now,fail=1",
            f"{ogmp} assess {inputs} --rubrics {RUBRICS} --shard {{}}/4 -q -f {','.join(formats)}"
            f" --lang both --jobs 1 --out {shared}",
            ":::",
            "1",
            "2",
            "3",
            "4",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    assert digests(shared) == digests(whole)
    assert {"rollup-th-52-mini-v1-pm25-2564.en.pdf", "results.csv"} <= set(digests(shared))
    assert sorted({shard_of(f"{code}|pm25", 4) for code in [*UNITS, *(u[0] for u in LOCAL_UNITS)]}) == [
        1,
        2,
        3,
        4,
    ]


def test_shard_option() -> None:
    assert parse_shard("2/5") == (2, 5)
    assert parse_shard(None) is None
    for bad in ("0/3", "4/3", "a/b", "3"):
        with pytest.raises(UsageError):
            parse_shard(bad)


def test_one_broken_file_is_reported_and_the_others_finish(runner: CliRunner, tmp_path: Path) -> None:
    inputs = round_folder(tmp_path / "in")
    broken = inputs / "th-50.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("round: 2564", "round: 2021"), encoding="utf-8"
    )
    result = runner.invoke(
        app,
        [
            "assess",
            str(inputs),
            "-q",
            "-f",
            "pdf",
            "--out",
            str(tmp_path / "out"),
            "--lang",
            "en",
            "--rubrics",
            str(RUBRICS),
        ],
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(f"{shown(broken)}:9:8: round:")
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) == [
        "national-mini-v1-pm25-2564.en.pdf",
        "th-17-pm25-2564.en.pdf",
        "th-52-pm25-2564.en.pdf",
    ]
    assert result.stdout.splitlines()[-1] == "2 assessment(s) scored, 1 file(s) not scored because of errors"


@dataclass(frozen=True)
class Slow:
    """Work that takes ``seconds``."""

    seconds: float

    def render(self) -> bytes:
        time.sleep(self.seconds)
        return b"done"


def test_a_render_over_the_time_limit_is_stopped(tmp_path: Path) -> None:
    tasks = [
        Task(tmp_path / "slow.pdf", fingerprint("slow"), Slow(5.0), "slow.pdf"),
        Task(tmp_path / "quick.pdf", fingerprint("quick"), Slow(0.0), "quick.pdf"),
    ]
    started = time.perf_counter()
    result = run_tasks(tasks, tmp_path, timeout=0.5)
    assert time.perf_counter() - started < 4
    [failed] = result.failed
    assert failed.task.label == "slow.pdf"
    assert failed.error is not None
    assert failed.error.render("en") == (
        "rendering slow.pdf took longer than 0.5 seconds and was stopped (--timeout sets the limit)"
    )
    assert not (tmp_path / "slow.pdf").exists()
    assert (tmp_path / "quick.pdf").read_bytes() == b"done"


@dataclass(frozen=True)
class WorkerPid:
    """Work that says which process did it."""

    number: int

    def render(self) -> bytes:
        return f"{self.number} {os.getpid()}".encode()


@dataclass(frozen=True)
class CrashOn:
    """Work that kills its process when its number is the fatal one."""

    number: int
    fatal: int

    def render(self) -> bytes:
        if self.number == self.fatal:
            os.kill(os.getpid(), signal.SIGKILL)  # as a segfault in a native library would
        return str(self.number).encode()


def test_workers_are_recycled_and_every_task_is_done(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # python/cpython#115634: a pool with max_tasks_per_child hangs once workers retire
    monkeypatch.setattr(batch, "TASKS_PER_WORKER", 2)
    tasks = [Task(tmp_path / f"{n}.txt", fingerprint(str(n)), WorkerPid(n), f"{n}.txt") for n in range(11)]
    result = run_tasks(tasks, tmp_path, jobs=2, timeout=30)
    assert (len(result.written), result.failed) == (11, [])
    workers = {(tmp_path / f"{n}.txt").read_text().split()[1] for n in range(11)}
    assert len(workers) >= 6  # 11 tasks, at most 2 per worker


def test_a_task_that_kills_its_worker_fails_alone(tmp_path: Path) -> None:
    tasks = [Task(tmp_path / f"{n}.txt", fingerprint(str(n)), CrashOn(n, 3), f"{n}.txt") for n in range(6)]
    result = run_tasks(tasks, tmp_path, jobs=2, timeout=30)
    [failed] = result.failed
    assert failed.task.label == "3.txt"
    assert failed.error is not None
    assert failed.error.render("en").startswith("rendering 3.txt stopped its worker process")
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == ["0.txt", "1.txt", "2.txt", "4.txt", "5.txt"]


def test_workers_take_the_costliest_task_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The national summary, listed last, must not leave one core rendering it alone at the end.
    handed: list[list[str]] = []

    def perform_in_workers(tasks, jobs, timeout, finish, in_run=()):  # type: ignore[no-untyped-def]
        handed.append([task.label for task in tasks])
        for task in [*tasks, *in_run]:
            finish(batch._perform(task, timeout))

    monkeypatch.setattr(batch, "_perform_in_workers", perform_in_workers)
    costs = {"a": 1.0, "b": 1.0, "roll-up": 0.5, "national": 2.0, "c": 1.0}
    tasks = [Task(tmp_path / n, fingerprint(n), WorkerPid(0), n, c) for n, c in costs.items()]
    result = run_tasks(tasks, tmp_path, jobs=2, timeout=30)
    assert handed == [["national", "a", "b", "c", "roll-up"]]  # equal costs keep their order
    assert [o.task.label for o in result.outcomes] == list(costs)  # reported in task order


def test_work_that_holds_the_runs_results_is_done_in_the_run_itself(tmp_path: Path) -> None:
    tasks = [Task(tmp_path / f"{n}.txt", fingerprint(str(n)), WorkerPid(n), f"{n}.txt") for n in range(4)]
    tasks.append(Task(tmp_path / "book.txt", fingerprint("book"), WorkerPid(9), "book.txt", 0.1, in_run=True))
    result = run_tasks(tasks, tmp_path, jobs=2, timeout=30)
    assert (len(result.written), result.failed) == (5, [])
    assert (tmp_path / "book.txt").read_text().split()[1] == str(os.getpid())
    assert {(tmp_path / f"{n}.txt").read_text().split()[1] for n in range(4)}.isdisjoint({str(os.getpid())})


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_that_comes_as_a_file_is_moved_into_place_waits_until_it_is_recorded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, signum: int
) -> None:
    # The moment CI once hit: the file was there, but the run stopped before recording it.
    def place_and_be_stopped(staged: Path, path: Path) -> None:
        place(staged, path)
        os.kill(os.getpid(), signum)

    place = batch.place
    monkeypatch.setattr(batch, "place", place_and_be_stopped)
    tasks = [Task(tmp_path / f"{n}.txt", fingerprint(str(n)), WorkerPid(n), f"{n}.txt") for n in range(4)]
    with pytest.raises(Interrupted) as stopped:
        run_tasks(tasks, tmp_path, jobs=2, timeout=30)
    assert (stopped.value.written, stopped.value.signum) == (1, signum)
    [done] = [p.name for p in tmp_path.iterdir() if p.suffix == ".txt"]
    assert list(json.loads((tmp_path / batch.MANIFEST).read_text(encoding="utf-8"))) == [done]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([done, batch.MANIFEST, ".ogmp-lock"])
