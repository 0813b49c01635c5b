"""Files and folders the tool is not allowed to read: each is named, with why, exit 1.

A file named on the command line that cannot be read, a folder that cannot be searched,
a folder inside a round that cannot be entered: never a traceback, never exit 2, and a
round with a folder that was not searched is never "all valid".
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ogmp.diagnostics import shown

from .conftest import RUBRICS, VALID
from .unprivileged import run_ogmp

pytestmark = [
    pytest.mark.slow,  # runs ogmp in child processes
    pytest.mark.skipif(not hasattr(__import__("os"), "geteuid"), reason="POSIX permissions"),
]


@pytest.fixture
def round_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "round"
    folder.mkdir()
    shutil.copyfile(VALID, folder / "th-52.yaml")
    yield folder
    for path in [folder, *folder.rglob("*")]:  # let pytest clean up
        path.chmod(0o700)


def validate(*paths: Path, lang: str = "en") -> tuple[int, list[str], str]:
    done = run_ogmp("validate", "--lang", lang, *map(str, paths), "--rubrics", str(RUBRICS))
    return done.returncode, done.stdout.splitlines(), done.stderr


def test_a_file_that_cannot_be_read(round_folder: Path) -> None:
    path = round_folder / "th-52.yaml"
    path.chmod(0o000)
    code, lines, err = validate(path)
    assert (code, err) == (1, "")
    assert lines == [
        f"{shown(path)}: cannot be read (permission denied); check the file's permissions",
        "1 file(s) checked: 1 with errors (1 error(s) in all)",
    ]
    code, lines, _ = validate(path, lang="th")
    assert lines[0] == f"{shown(path)}: อ่านไฟล์ไม่ได้ (ไม่มีสิทธิ์เข้าถึง) กรุณาตรวจสอบสิทธิ์การเข้าถึงไฟล์"


def test_a_file_in_a_folder_that_cannot_be_entered(round_folder: Path) -> None:
    path = round_folder / "th-52.yaml"
    round_folder.chmod(0o600)  # listed, not entered
    code, lines, err = validate(path)
    assert (code, err) == (1, "")
    assert lines[0] == f"{shown(path)}: cannot be read (permission denied); check the file's permissions"


def test_a_folder_that_cannot_be_searched_is_never_all_valid(round_folder: Path) -> None:
    round_folder.chmod(0o000)
    code, lines, err = validate(round_folder)
    assert (code, err) == (1, "")
    assert lines == [
        f"{shown(round_folder)}: this folder cannot be searched (permission denied), so the files in it"
        " were not checked",
        "1 file(s) checked: 1 with errors (1 error(s) in all)",
    ]


def test_a_locked_folder_inside_a_round_is_named_and_the_rest_checked(round_folder: Path) -> None:
    locked = round_folder / "amphoe"
    locked.mkdir()
    shutil.copyfile(VALID, locked / "hidden.yaml")
    locked.chmod(0o000)
    code, lines, _ = validate(round_folder)
    assert code == 1
    assert (
        f"{shown(locked)}: this folder cannot be searched (permission denied), so the files in it were not checked"
        in lines
    )
    assert f"{shown(round_folder / 'th-52.yaml')}: valid (9 of 9 indicators scored)" in lines
    assert lines[-1] == "2 file(s) checked: 1 with errors (1 error(s) in all)"


def test_assess_names_what_it_could_not_read_and_scores_the_rest(round_folder: Path, tmp_path: Path) -> None:
    locked = round_folder / "amphoe"
    locked.mkdir()
    locked.chmod(0o000)
    done = run_ogmp(
        "assess", str(round_folder), "-q", "-f", "json", "--lang", "en", "--out", str(tmp_path / "out"),
        "--rubrics", str(RUBRICS),
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{shown(locked)}: this folder cannot be searched (permission denied)" in done.stdout
    assert (tmp_path / "out" / "th-52-pm25-2564.json").is_file()
