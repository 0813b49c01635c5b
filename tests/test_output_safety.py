"""Writing reports never loses or damages a file, and says clearly why it could not write.

A full disk, a report held open by another program (as Windows locks a PDF that is being
read), an output folder without write permission and an --out that is a file are each
simulated under ``ogmp assess``. Each must give exit code 1 and the exact message naming
the file that could not be written, without a traceback; the report that was already
there stays byte for byte as it was, no temporary or partial file is left beside it, and
the assessment file is untouched.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogmp.batch import MANIFEST
from ogmp.cli import app
from ogmp.diagnostics import shown
from ogmp.output import LOCK

from .conftest import RUBRICS, VALID
from .unprivileged import run_ogmp

pytestmark = pytest.mark.slow  # renders real PDFs

STEM = "th-52-pm25-2564"
OLD_REPORT = b"%PDF-1.7\n% the report of last month, which must survive\n"
# The file each format writes for the test assessment in English.
OUTPUT_NAMES = {
    "pdf": f"{STEM}.en.pdf",
    "html": f"{STEM}.en.html",
    "json": f"{STEM}.json",
    "csv": "results.csv",
}


@dataclass(frozen=True)
class Run:
    code: int
    output: str
    exception: BaseException | None


def assess(runner: CliRunner, assessment: Path, out: Path, fmt: str) -> Run:
    """``ogmp assess`` in this process (``--jobs 1``), so that monkeypatches apply to the writes."""
    result = runner.invoke(
        app,
        [
            "assess",
            str(assessment),
            "-q",
            "-j",
            "1",
            "-f",
            fmt,
            "--lang",
            "en",
            "--out",
            str(out),
            "--rubrics",
            str(RUBRICS),
        ],
    )
    exception = None if isinstance(result.exception, SystemExit) else result.exception
    return Run(result.exit_code, result.stdout + result.stderr, exception)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def failure_line(target: Path, reason: str) -> str:
    """The exact English message of ``output.failed`` for ``target``."""
    return (
        f"could not write {shown(target)} ({reason}); an earlier file of that name, if any, is left as it was"
    )


@pytest.fixture
def assessment(tmp_path: Path) -> Path:
    """A copy of the valid assessment, outside the output folder."""
    path = tmp_path / "input" / "th-52.yaml"
    path.parent.mkdir()
    shutil.copyfile(VALID, path)
    return path


@pytest.fixture
def out_with_old_report(tmp_path: Path) -> Path:
    """An output folder holding last month's report under every name this run writes."""
    out = tmp_path / "reports"
    out.mkdir()
    for name in OUTPUT_NAMES.values():
        (out / name).write_bytes(OLD_REPORT)
    return out


def assert_failed_cleanly(run: Run, target: Path, reason: str) -> None:
    assert run.exception is None, run.exception
    assert "Traceback" not in run.output
    assert run.code == 1, run.output
    assert failure_line(target, reason) in run.output, run.output


def assert_nothing_damaged(out: Path, before: set[str], assessment: Path, assessment_digest: str) -> None:
    """The folder holds what it held (plus at most the manifest and the lock); old reports are intact."""
    after = {path.name for path in out.iterdir()}
    assert not [name for name in after if name.endswith(".tmp")], after
    assert after - before <= {MANIFEST, LOCK}, after - before
    assert before <= after, before - after
    for name in before:
        assert (out / name).read_bytes() == OLD_REPORT, name
    assert digest(assessment) == assessment_digest


# --- a full disk ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(OUTPUT_NAMES))
def test_a_full_disk_keeps_the_old_report_and_names_the_file(
    monkeypatch: pytest.MonkeyPatch, runner: CliRunner, assessment: Path, out_with_old_report: Path, fmt: str
) -> None:
    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    before = {path.name for path in out_with_old_report.iterdir()}
    assessment_digest = digest(assessment)

    run = assess(runner, assessment, out_with_old_report, fmt)

    assert_failed_cleanly(run, out_with_old_report / OUTPUT_NAMES[fmt], "the disk is full")
    assert_nothing_damaged(out_with_old_report, before, assessment, assessment_digest)
    # Nothing could be written, so not even the manifest is there (the lock is an empty file).
    assert {path.name for path in out_with_old_report.iterdir()} - {LOCK} == before


def test_a_full_disk_while_writing_into_a_new_folder_leaves_no_file(
    monkeypatch: pytest.MonkeyPatch, runner: CliRunner, assessment: Path, tmp_path: Path
) -> None:
    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    out = tmp_path / "new-reports"

    run = assess(runner, assessment, out, "html")

    assert_failed_cleanly(run, out / OUTPUT_NAMES["html"], "the disk is full")
    assert [path.name for path in out.iterdir()] == [LOCK]


# --- a report held open by another program --------------------------------------------


def refuse_replacing(monkeypatch: pytest.MonkeyPatch, locked: Path) -> None:
    """Moving a file onto ``locked`` fails as it does on Windows while a viewer holds it open."""
    original: Callable[[Path, str | os.PathLike[str]], Path] = Path.replace

    def replace(self: Path, target: str | os.PathLike[str]) -> Path:
        if Path(target) == locked:
            raise PermissionError(errno.EACCES, "Permission denied")
        return original(self, target)

    monkeypatch.setattr(Path, "replace", replace)


@pytest.mark.parametrize("fmt", ["pdf", "json"])
def test_a_report_held_open_elsewhere_is_kept_and_the_next_run_replaces_it(
    monkeypatch: pytest.MonkeyPatch, runner: CliRunner, assessment: Path, out_with_old_report: Path, fmt: str
) -> None:
    locked = out_with_old_report / OUTPUT_NAMES[fmt]
    refuse_replacing(monkeypatch, locked)
    before = {path.name for path in out_with_old_report.iterdir()}
    assessment_digest = digest(assessment)

    run = assess(runner, assessment, out_with_old_report, fmt)

    assert_failed_cleanly(run, locked, "permission denied")
    assert_nothing_damaged(out_with_old_report, before, assessment, assessment_digest)

    # Once the viewer is closed, the next run writes the report: the failure was not
    # remembered as a success.
    monkeypatch.undo()
    again = assess(runner, assessment, out_with_old_report, fmt)
    assert again.code == 0, again.output
    assert locked.read_bytes() != OLD_REPORT
    assert digest(assessment) == assessment_digest


# --- a folder that cannot be written to, and an --out that is a file ---------------------


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
@pytest.mark.parametrize("fmt", ["pdf", "csv"])
def test_an_output_folder_without_write_permission(
    assessment: Path, out_with_old_report: Path, fmt: str
) -> None:
    before = {path.name for path in out_with_old_report.iterdir()}
    assessment_digest = digest(assessment)
    out_with_old_report.chmod(0o500)
    try:  # in a child process that permissions stop, root included (tests/unprivileged.py)
        done = run_ogmp(
            "assess", str(assessment), "-q", "-j", "1", "-f", fmt, "--lang", "en",
            "--out", str(out_with_old_report), "--rubrics", str(RUBRICS),
        )  # fmt: skip
    finally:
        out_with_old_report.chmod(0o700)

    run = Run(done.returncode, done.stdout + done.stderr, None)
    assert run.code == 1 and "Traceback" not in run.output, run.output
    assert run.output == (
        f"could not write into {shown(out_with_old_report)} (permission denied); nothing in it was changed\n"
    )
    assert_nothing_damaged(out_with_old_report, before, assessment, assessment_digest)
    assert {path.name for path in out_with_old_report.iterdir()} == before


@pytest.mark.parametrize("fmt", ["pdf", "json"])
@pytest.mark.parametrize("where", ["is-a-file", "inside-a-file"])
def test_an_out_that_is_a_file_is_refused_and_the_file_kept(
    runner: CliRunner, assessment: Path, tmp_path: Path, fmt: str, where: str
) -> None:
    blocker = tmp_path / "reports"
    blocker.write_bytes(OLD_REPORT)
    out = blocker if where == "is-a-file" else blocker / "2564"
    assessment_digest = digest(assessment)

    run = assess(runner, assessment, out, fmt)

    assert run.exception is None, run.exception
    assert "Traceback" not in run.output
    assert run.code == 1, run.output
    assert (
        f"could not write {shown(out)}: {shown(blocker)} is a file, not a folder; give --out a folder"
        in run.output
    ), run.output
    assert blocker.read_bytes() == OLD_REPORT
    assert sorted(path.name for path in tmp_path.iterdir()) == ["input", "reports"]
    assert digest(assessment) == assessment_digest
