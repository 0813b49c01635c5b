"""A round that is killed, stopped or shares its folder keeps every promise.

Real ``ogmp assess`` processes with two workers are killed with SIGKILL (as the
out-of-memory killer does), stopped with Ctrl-C and SIGTERM, and run two at a time into
one folder. Afterwards no process of theirs is left, no temporary or half-written file
is in the folder, and the next run renders exactly what is missing; two runs at once
lose nothing of each other's.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ogmp.batch import JOURNAL, MANIFEST
from ogmp.errors import OutputError
from ogmp.output import LOCK, FolderLock, remove_abandoned_temporaries

from .conftest import RUBRICS, VALID

pytestmark = [
    pytest.mark.slow,  # real runs with worker processes, killed and stopped
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and /proc"),
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process trees from /proc"),
]

PROVINCES = {
    "TH-52": "จังหวัดลำปาง",
    "TH-17": "จังหวัดสิงห์บุรี",
    "TH-50": "จังหวัดเชียงใหม่",
    "TH-10": "กรุงเทพมหานคร",
    "TH-11": "จังหวัดสมุทรปราการ",
    "TH-12": "จังหวัดนนทบุรี",
}


def round_folder(folder: Path, codes: list[str]) -> Path:
    folder.mkdir(parents=True)
    text = VALID.read_text(encoding="utf-8")
    for code in codes:
        unit = text.replace("code: TH-52", f"code: {code}").replace(
            "th: จังหวัดลำปาง", f"th: {PROVINCES[code]}"
        )
        (folder / f"{code.lower()}.yaml").write_text(unit, encoding="utf-8")
    return folder


def command(inputs: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "ogmp", "assess", str(inputs), "-q", "-f", "pdf,csv", "--lang", "en",
        "--jobs", "2", "--out", str(out), "--rubrics", str(RUBRICS), *extra,
    ]  # fmt: skip


def start(inputs: Path, out: Path, temporary: Path | None = None) -> subprocess.Popen[str]:
    environment = {**os.environ, "TMPDIR": str(temporary)} if temporary else None
    return subprocess.Popen(
        command(inputs, out),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives a command
        env=environment,
    )


def children(pid: int) -> set[int]:
    """Every process descended from ``pid`` (workers, the resource tracker), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left to collect


def wait_until(condition, seconds: float = 60) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def reports(out: Path) -> set[str]:
    return {path.name for path in out.glob("*.pdf")} if out.exists() else set()


def temporaries(out: Path) -> list[str]:
    return [path.name for path in out.iterdir() if path.name.endswith(".tmp")]


def finish(inputs: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(inputs, out), capture_output=True, text=True, timeout=600)


@pytest.fixture
def six_units(tmp_path: Path) -> Iterator[Path]:
    yield round_folder(tmp_path / "round", list(PROVINCES))


ALL_REPORTS = {f"{code.lower()}-pm25-2564.en.pdf" for code in PROVINCES} | {
    "national-mini-v1-pm25-2564.en.pdf"
}


def test_a_killed_run_leaves_no_process_and_the_next_run_writes_what_is_missing(
    six_units: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run = start(six_units, out)
    assert wait_until(lambda: len(reports(out)) >= 2), run.communicate()
    workers = children(run.pid)
    assert workers, "the run has its worker processes"
    os.kill(run.pid, signal.SIGKILL)  # as the out-of-memory killer does: no clean-up of its own
    run.wait()
    assert wait_until(lambda: not any(running(pid) for pid in workers), 10), [
        p for p in workers if running(p)
    ]
    done = reports(out)
    time.sleep(2)
    assert reports(out) == done, "a worker went on writing after its run was killed"

    # A report a worker wrote in the moment before the run could record it is whole, but
    # nothing vouches for it: the next run renders it again with what was never written.
    journal = (out / JOURNAL).read_text(encoding="utf-8") if (out / JOURNAL).exists() else ""
    recorded = {json.loads(line)["name"] for line in journal.splitlines() if line.endswith("}")}
    assert recorded & ALL_REPORTS <= done and len(done - recorded) <= 2

    again = finish(six_units, out)
    assert again.returncode == 0, again.stdout + again.stderr
    assert reports(out) == ALL_REPORTS
    written = {
        line.removeprefix("wrote ").rsplit("/", 1)[-1]
        for line in again.stdout.splitlines()
        if line.startswith("wrote ")
    }
    assert written == ALL_REPORTS - recorded, "exactly what was missing (results.csv was already whole)"
    assert temporaries(out) == []
    assert not (out / JOURNAL).exists()


@pytest.mark.parametrize(("how", "code"), [("ctrl-c", 130), ("sigterm", 143)])
def test_a_stopped_run_ends_its_workers_and_leaves_whole_files(
    six_units: Path, tmp_path: Path, how: str, code: int
) -> None:
    out, temporary = tmp_path / "out", tmp_path / "tmp"
    temporary.mkdir()
    run = start(six_units, out, temporary)
    assert wait_until(lambda: len(reports(out)) >= 1), run.communicate()
    workers = children(run.pid)
    if how == "ctrl-c":
        os.killpg(run.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole group
    else:
        os.kill(run.pid, signal.SIGTERM)  # a service manager, or `timeout`, stops the run alone
    _, err = run.communicate(timeout=60)
    assert run.returncode == code, err
    assert "Traceback" not in err
    assert err.startswith("stopped: ") and err.rstrip().endswith(
        "the next run writes only what is missing"
    ), err
    left = [pid for pid in workers if running(pid)]
    assert wait_until(lambda: not any(running(pid) for pid in workers), 10), [
        Path(f"/proc/{pid}/cmdline").read_bytes() for pid in left if running(pid)
    ]
    assert temporaries(out) == []
    assert list(temporary.iterdir()) == []  # the fonts its killed workers had unpacked, too
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    done = reports(out)
    assert set(manifest) >= done  # every report there is recorded, so it is not rendered again
    again = finish(six_units, out)
    assert again.returncode == 0, again.stdout + again.stderr
    assert reports(out) == ALL_REPORTS


def test_temporary_files_of_killed_runs_are_cleaned_up_and_live_ones_kept(tmp_path: Path) -> None:
    import socket

    host = "".join(c if c.isalnum() or c in ".-" else "-" for c in socket.gethostname())
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = tmp_path / f".th-52-pm25-2564.th.pdf.a1b2c3d4.{host}-{dead.stdout.strip()}.tmp"
    live = tmp_path / f".th-17-pm25-2564.th.pdf.e5f6g7h8.{host}-{os.getpid()}.tmp"
    other_machine = tmp_path / ".th-50-pm25-2564.th.pdf.i9j0k1l2.elsewhere-1.tmp"
    for path in (stale, live, other_machine):
        path.write_bytes(b"%PDF half")
    assert remove_abandoned_temporaries(tmp_path) == [stale]
    assert live.exists() and other_machine.exists()  # its writer may still run


def test_two_runs_into_one_folder_at_once_lose_nothing(tmp_path: Path) -> None:
    first = round_folder(tmp_path / "north", ["TH-52", "TH-50", "TH-11"])
    second = round_folder(tmp_path / "centre", ["TH-17", "TH-10", "TH-12"])
    out = tmp_path / "shared"
    runs = [start(first, out), start(second, out)]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    rows = list(csv.DictReader(io.StringIO((out / "results.csv").read_text(encoding="utf-8-sig"))))
    assert {row["unit_code"] for row in rows} == set(PROVINCES)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest) >= {f"{code.lower()}-pm25-2564.en.pdf" for code in PROVINCES}
    assert temporaries(out) == [] and not (out / JOURNAL).exists()
    # Each unit's reports are there and recorded. The national summary is each run's own
    # (it compares the units a run was given), so the last run's is the one in the folder.
    again = finish(first, out)
    written = [line for line in again.stdout.splitlines() if line.startswith("wrote ")]
    assert [line.rsplit("/", 1)[-1] for line in written] in ([], ["national-mini-v1-pm25-2564.en.pdf"])


def test_a_folder_locked_too_long_names_who_holds_it(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from ogmp.output import FolderLock\n"
         "with FolderLock(Path(sys.argv[1])).held():\n    print('held', flush=True); time.sleep(30)",
         str(tmp_path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(OutputError) as caught, FolderLock(tmp_path, timeout=0.5).held():
            pass
        message = caught.value.render("en")
        assert message.startswith(
            f"{tmp_path} has been locked for 0.5 seconds by another ogmp run (process {holder.pid} on "
        )
        assert message.endswith(f"delete {tmp_path / LOCK} and run again")
    finally:
        holder.kill()
        holder.wait()
