"""A corpus of broken, hostile and unusual inputs: each gives its expected message, exit 1,
no traceback, and leaves every file as it was.

Each ``fixtures/bad/NAME.yaml`` has beside it ``NAME.en.expected`` and ``NAME.th.expected``:
the exact output of ``ogmp validate`` in English and in Thai (``{file}`` stands for the path).
A name that starts with ``ok-`` or ``warn-`` is a valid file (exit 0). Set OGMP_UPDATE_GOLDEN=1
to rewrite them after an intended change, and read the diff.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogmp.cli import app
from ogmp.diagnostics import shown

from .conftest import RUBRICS, VALID

BAD = Path(__file__).parent / "fixtures" / "bad"
CASES = sorted(path.name for path in BAD.glob("*.yaml"))


def run(runner: CliRunner, *args: str) -> tuple[int, str, str, BaseException | None]:
    result = runner.invoke(app, list(args))
    exception = result.exception if not isinstance(result.exception, SystemExit) else None
    return result.exit_code, result.stdout, result.stderr, exception


@pytest.mark.parametrize("lang", ["en", "th"])
@pytest.mark.parametrize("name", CASES)
def test_each_file_gives_its_expected_message(runner: CliRunner, name: str, lang: str) -> None:
    path = BAD / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err, exception = run(runner, "validate", "--lang", lang, str(path), "--rubrics", str(RUBRICS))
    assert exception is None, exception
    assert "Traceback" not in out + err
    assert code == (0 if name.startswith(("ok-", "warn-")) else 1)
    expected_path = path.with_suffix(f".{lang}.expected")
    rendered = out.replace(shown(path), "{file}")
    if os.environ.get("OGMP_UPDATE_GOLDEN"):
        expected_path.write_text(rendered, encoding="utf-8")
    assert rendered == expected_path.read_text(encoding="utf-8")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def generated_cases(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files too big or too binary to keep in the repository, with the message each must give."""
    valid = VALID.read_text(encoding="utf-8")
    cases: dict[str, tuple[Path, str]] = {}

    def add(name: str, data: bytes, message: str) -> None:
        path = folder / name
        path.write_bytes(data)
        cases[name] = (path, message)

    big = folder / "fifty-megabytes.yaml"
    with big.open("wb") as handle:
        handle.write(valid.encode())
        handle.truncate(50 * 1024 * 1024)
    cases[big.name] = (
        big,
        "{file}: the file is 50.0 MB but the limit is 2.0 MB; an assessment file is normally well under 1 MB, so check that this is the right file",
    )
    add(
        "cp874.yaml",
        valid.encode("cp874"),
        "{file}:6:9: the file looks saved as TIS-620/Windows-874 (legacy Thai encoding); save it again as UTF-8 (Notepad: Save As, Encoding: UTF-8; VS Code: Save with Encoding, UTF-8)",
    )
    add(
        "utf16.yaml",
        valid.encode("utf-16"),
        "{file}: the file is saved as UTF-16; save it again as UTF-8 (VS Code: click the encoding in the status bar, choose 'Save with Encoding', UTF-8)",
    )
    add(
        "binary.yaml",
        bytes(range(256)) * 64,
        "{file}:1:1: this is not a text file (it contains NUL bytes); save it as UTF-8 text",
    )
    add(
        "png-renamed.yaml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "{file}:3:1: this is not a text file (it contains NUL bytes); save it as UTF-8 text",
    )
    return cases


def test_generated_files_give_their_expected_message(runner: CliRunner, tmp_path: Path) -> None:
    for name, (path, message) in generated_cases(tmp_path).items():
        before = path.stat().st_size, path.stat().st_mtime_ns
        code, out, err, exception = run(runner, "validate", "--lang", "en", str(path))
        assert exception is None, (name, exception)
        assert code == 1, name
        assert out.splitlines()[0] == message.replace("{file}", shown(path)), name
        assert "Traceback" not in out + err
        assert (path.stat().st_size, path.stat().st_mtime_ns) == before


def test_a_folder_of_bad_files_reports_every_one(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "round"
    shutil.copytree(BAD, folder, ignore=shutil.ignore_patterns("*.expected"))
    code, out, _, exception = run(
        runner, "validate", "-q", "--lang", "en", str(folder), "--rubrics", str(RUBRICS)
    )
    assert exception is None
    assert code == 1
    # Every file is reported; the valid ones too, since they all assess the same unit,
    # agenda and round and a round may hold only one of them.
    assert out.splitlines()[-1].startswith(f"{len(CASES)} file(s) checked: {len(CASES)} with errors")
    for name in CASES:
        assert f"{shown(folder / name)}:" in out, name
