"""The secretariat's own templates and labels (``--templates``): what they override and
what they break, each said as ``file:line: message`` with exit 1, never a Jinja traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogmp.cli import app
from ogmp.diagnostics import shown
from ogmp.report.render import template_dirs

from .conftest import RUBRICS, VALID, html_text

BUNDLED = template_dirs()[-1]
REPORT = (BUNDLED / "report.html.j2").read_text(encoding="utf-8")
TITLE_LINE = REPORT[: REPORT.index("<title>")].count("\n") + 1  # where the tests break the template


def assess(runner: CliRunner, templates: Path, out: Path, *options: str) -> tuple[int, str]:
    result = runner.invoke(
        app,
        ["assess", str(VALID), "-q", "-j", "1", "-f", "html", "--out", str(out), "--templates", str(templates),
         "--rubrics", str(RUBRICS), *options],
    )  # fmt: skip
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    return result.exit_code, output


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "templates"
    path.mkdir()
    return path


def test_labels_that_override_a_few_fall_back_to_the_bundled_ones(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    (folder / "labels.yaml").write_text("th:\n  summary: สรุปสำหรับผู้บริหาร\n", encoding="utf-8")
    code, output = assess(runner, folder, tmp_path / "out", "--lang", "both")
    assert code == 0, output
    thai = html_text((tmp_path / "out" / "th-52-pm25-2564.th.html").read_text(encoding="utf-8"))
    english = (tmp_path / "out" / "th-52-pm25-2564.en.html").read_text(encoding="utf-8")
    assert "สรุปสำหรับผู้บริหาร" in thai and "บทสรุปผู้บริหาร" not in thai
    assert "สารบัญ" in thai  # a label it did not override
    assert "Executive summary" in english


def test_a_new_label_in_one_language_only_is_refused_where_it_is(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    (folder / "labels.yaml").write_text("th:\n  province_seal: ตราจังหวัด\n", encoding="utf-8")
    code, output = assess(runner, folder, tmp_path / "out", "--lang", "en")
    assert code == 1
    assert output.splitlines()[0] == (
        f"{shown(folder / 'labels.yaml')}:2:3: th.province_seal: the label 'province_seal' is in one"
        " language only, and the bundled labels do not have it; give it in both th and en"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("edit", "line", "message"),
    [
        (("{{ report.title }}</title>", "{{ report.title </title>"), TITLE_LINE,
         "the template cannot be compiled: "),  # then Jinja's own words, which are not ours to pin
        (("<title>{{ report.title }}</title>", '<title>{% include "seal.html.j2" %}</title>'), TITLE_LINE,
         "the template includes seal.html.j2, which is in none of the templates folders"),
    ],
)  # fmt: skip
def test_a_template_that_does_not_compile_is_found_before_rendering(
    runner: CliRunner, folder: Path, tmp_path: Path, edit: tuple[str, str], line: int, message: str
) -> None:
    assert edit[0] in REPORT
    (folder / "report.html.j2").write_text(REPORT.replace(*edit), encoding="utf-8")
    code, output = assess(runner, folder, tmp_path / "out", "--lang", "en")
    assert code == 1
    assert output.splitlines()[0].startswith(f"{shown(folder / 'report.html.j2')}:{line}: {message}")
    assert not (tmp_path / "out").exists()


def test_a_name_the_report_does_not_have_is_located_in_the_template(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    edited = REPORT.replace("<title>{{ report.title }}</title>", "<title>{{ report.province_seal }}</title>")
    (folder / "report.html.j2").write_text(edited, encoding="utf-8")
    code, output = assess(runner, folder, tmp_path / "out", "--lang", "th")
    assert code == 1
    first = output.splitlines()[0]
    assert first.startswith(
        f"{shown(folder / 'report.html.j2')}:{TITLE_LINE}: แม่แบบเรียกใช้ชื่อที่ไม่มีในข้อมูลของรายงาน ("
    ), first
    assert "province_seal" in first
    assert not (tmp_path / "out" / "th-52-pm25-2564.th.html").exists()


def test_a_templates_folder_that_is_not_there(runner: CliRunner, tmp_path: Path) -> None:
    code, output = assess(runner, tmp_path / "nowhere", tmp_path / "out", "--lang", "th")
    assert code == 1
    assert (
        output.splitlines()[0] == f"{shown(tmp_path / 'nowhere')}: ไม่พบโฟลเดอร์ กรุณาตรวจสอบชื่อและตำแหน่งโฟลเดอร์"
    )


def test_help_says_that_templates_are_trusted_code(runner: CliRunner) -> None:
    result = runner.invoke(app, ["assess", "--help"], env={"COLUMNS": "200"})
    assert "Templates are trusted code" in result.stdout
