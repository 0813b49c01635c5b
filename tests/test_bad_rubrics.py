"""A corpus of broken rubrics: each gives its expected message, exit 1, no traceback, and
leaves the file as it was.

Each ``fixtures/bad-rubrics/NAME.yaml`` is ``fixtures/rubrics/mini.yaml`` with one defect,
said in its first line; beside it ``NAME.expected`` is the exact output of
``ogmp rubric check --lang en`` (``{file}`` stands for the path). Set OGMP_UPDATE_GOLDEN=1
to rewrite them after an intended change, and read the diff.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogmp.cli import app
from ogmp.diagnostics import shown

from .conftest import RUBRICS

BAD_RUBRICS = Path(__file__).parent / "fixtures" / "bad-rubrics"
CASES = sorted(path.name for path in BAD_RUBRICS.glob("*.yaml"))
# What every problem line starts with: the file, then the line and column.
WHERE = re.compile(r"^\{file\}:\d+:\d+: (?=\S)")


def locations(output: str) -> list[str]:
    """The ``{file}:line:column:`` of every line, or the whole line where there is none."""
    return [found[0] if (found := WHERE.match(line)) else line for line in output.splitlines()]


def check(runner: CliRunner, lang: str, *paths: Path) -> tuple[int, str, str, BaseException | None]:
    result = runner.invoke(app, ["rubric", "check", "--lang", lang, *map(str, paths)])
    exception = result.exception if not isinstance(result.exception, SystemExit) else None
    return result.exit_code, result.stdout, result.stderr, exception


def test_the_corpus_holds_every_defect_asked_for() -> None:
    assert {
        "alias-cycle.yaml",
        "level-missing.yaml",
        "level-english-missing.yaml",
        "duplicate-indicator-id.yaml",
        "unknown-practice.yaml",
        "participation-without-stage.yaml",
        "weight-zero.yaml",
        "weight-negative.yaml",
        "unknown-principle.yaml",
    } <= set(CASES)
    for name in CASES:
        assert (BAD_RUBRICS / name).with_suffix(".expected").is_file(), name


def test_the_rubric_the_corpus_is_made_from_is_valid(runner: CliRunner) -> None:
    code, out, err, exception = check(runner, "en", RUBRICS / "mini.yaml")
    assert exception is None, exception
    assert code == 0, out + err
    assert out.endswith("is valid (3 components, 9 indicators, 12 recommendations)\n")


@pytest.mark.parametrize("name", CASES)
def test_each_rubric_gives_its_expected_message(runner: CliRunner, name: str) -> None:
    path = BAD_RUBRICS / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err, exception = check(runner, "en", path)
    assert exception is None, exception
    assert "Traceback" not in out + err
    assert code == 1
    expected_path = path.with_suffix(".expected")
    rendered = out.replace(shown(path), "{file}")
    if os.environ.get("OGMP_UPDATE_GOLDEN"):
        expected_path.write_text(rendered, encoding="utf-8")
    assert rendered == expected_path.read_text(encoding="utf-8")
    assert rendered.strip(), "no message at all"
    for line in rendered.splitlines():
        assert WHERE.match(line), f"not located at a line and column: {line}"
    assert "is valid" not in rendered
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("name", CASES)
def test_each_rubric_is_refused_in_thai_at_the_same_places(runner: CliRunner, name: str) -> None:
    path = BAD_RUBRICS / name
    code, out, err, exception = check(runner, "th", path)
    assert exception is None, exception
    assert "Traceback" not in out + err
    assert code == 1
    english = path.with_suffix(".expected").read_text(encoding="utf-8")
    assert locations(out.replace(shown(path), "{file}")) == locations(english)
    assert re.search("[\u0e01-\u0e5b]", out), "the messages are in Thai"


def test_checking_the_whole_corpus_at_once_reports_every_file(runner: CliRunner) -> None:
    paths = [BAD_RUBRICS / name for name in CASES]
    code, out, err, exception = check(runner, "en", *paths, RUBRICS / "mini.yaml")
    assert exception is None, exception
    assert "Traceback" not in out + err
    assert code == 1
    for path in paths:
        assert f"{shown(path)}:" in out, path.name
    assert f"{shown(RUBRICS / 'mini.yaml')}: rubric mini version 1 is valid" in out
