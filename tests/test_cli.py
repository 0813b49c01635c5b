"""The command line: exact output and exit codes, as a user sees them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogmp.cli import app
from ogmp.diagnostics import shown

from .conftest import RUBRICS, VALID

MINI = ["--rubrics", str(RUBRICS)]


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_validate_valid_file_in_thai_and_english(runner: CliRunner) -> None:
    code, out, _ = run(runner, "validate", str(VALID), *MINI)
    assert code == 0
    assert out == f"{shown(VALID)}: ถูกต้อง (ให้ระดับแล้ว 9 จาก 9 ตัวชี้วัด)\nตรวจ 1 ไฟล์ ถูกต้องทั้งหมด\n"
    code, out, _ = run(runner, "validate", "--lang", "en", "-q", str(VALID), *MINI)
    assert (code, out) == (0, "1 file(s) checked, all valid\n")


def test_validate_reports_every_problem_and_exits_1(runner: CliRunner, write, valid_text: str) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "bad.yaml", valid_text.replace("level: 2\n", "level: 9\n", 1).replace("round: 2564", "round: 2021")
    )
    code, out, _ = run(runner, "validate", "--lang", "en", str(path), *MINI)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"{path}:9:8: round: the round is the fiscal year in the Buddhist Era: 2021 looks like a C.E. year,"
        " did you mean 2564?"
    )
    assert lines[1] == (
        f"{path}:23:16: components.comp1.indicators.c1_i1.level: level 9 is out of range; use a whole number"
        " from 1 to 5, or n/a with a reason"
    )
    assert lines[2] == "1 file(s) checked: 1 with errors (2 error(s) in all)"


def test_validate_folder_and_missing_path(runner: CliRunner, tmp_path: Path, valid_text: str) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.yaml").write_text(valid_text, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    code, out, _ = run(
        runner,
        "validate",
        "-q",
        "--lang",
        "en",
        str(tmp_path / "a"),
        str(tmp_path / "empty"),
        str(tmp_path / "x.yaml"),
        *MINI,
    )
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path / 'empty'}: no .yaml files found in {tmp_path / 'empty'}",
        f"{tmp_path / 'x.yaml'}: file not found; check the path",
        "3 file(s) checked: 2 with errors (2 error(s) in all)",
    ]


def test_init_then_partial_validation_reports_zero_scored(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "th-52.yaml"
    code, out, _ = run(
        runner,
        "init",
        "--unit",
        "TH-52",
        "--agenda",
        "pm25",
        "--round",
        "2564",
        "--rubric",
        "mini",
        "--out",
        str(target),
        "--lang",
        "en",
        *MINI,
    )
    assert code == 0
    assert out.splitlines() == [
        f"wrote {tmp_path / 'mini-v1.schema.json'} so that VS Code (YAML extension) completes and checks keys as you type",
        f"wrote {target}: 9 indicators in 3 components to fill in; check it with `ogmp validate --partial {target}`",
    ]
    code, out, _ = run(runner, "validate", "--partial", "--lang", "en", str(target), *MINI)
    assert (code, out) == (
        0,
        f"{target}: valid so far, 0 of 9 indicators scored\n1 file(s) checked, all valid\n",
    )
    # Never overwrite.
    before = target.read_bytes()
    code, _, err = run(
        runner,
        "init",
        "--unit",
        "TH-52",
        "--agenda",
        "pm25",
        "--round",
        "2564",
        "--rubric",
        "mini",
        "--out",
        str(target),
        "--lang",
        "en",
        *MINI,
    )
    assert code == 1
    assert err == f"{target} already exists; ogmp never overwrites it, choose another name with --out\n"
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--unit", "TH-52", "--agenda", "pm25", "--round", "2021"],
            "the round is the fiscal year in the Buddhist Era: 2021 looks like a C.E. year, did you mean 2564?",
        ),
        (
            ["--unit", "TH-99", "--agenda", "pm25", "--round", "2564"],
            "'TH-99' is not a Thai province code (ISO 3166-2:TH, e.g. TH-52 for Lampang)",
        ),
        (
            ["--unit", "PCD", "--agenda", "pm25", "--round", "2564"],
            "'PCD' is not a province code; for an agency or local administration give --kind agency|local and --name",
        ),
        (
            ["--unit", "PCD", "--kind", "agency", "--agenda", "pm25", "--round", "2564"],
            "give the unit's Thai name with --name (and --name-en for the English one)",
        ),
        (
            ["--unit", "TH-52", "--agenda", "pm2.5", "--round", "2564"],
            "unknown agenda 'pm2.5' (did you mean 'pm25'?); known agendas: pm25, urban_poverty, open_government",
        ),
        (
            ["--unit", "TH-52", "--agenda", "pm25", "--round", "2564", "--rubric", "ogmp-9"],
            "there is no rubric 'ogmp-9'; available rubrics: mini, ogmp-7, ogmp-8",
        ),
        (
            ["--unit", "5200101", "--kind", "municipality", "--agenda", "pm25", "--round", "2564"],
            "--kind takes one of province, agency, local; got 'municipality'",
        ),
        (
            ["--unit", "../x", "--agenda", "pm25", "--round", "2564"],
            "'../x' is not a valid unit code; use letters, digits, '-', '.' or '_' (e.g. TH-52 for Lampang)",
        ),
    ],
)
def test_init_usage_errors_exit_2(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    code, out, err = run(runner, "init", *args, "--out", str(tmp_path), "--lang", "en", *MINI)
    assert (code, out, err) == (2, "", message + "\n")
    assert list(tmp_path.iterdir()) == []


def test_init_agency_needs_name_and_writes_it(runner: CliRunner, tmp_path: Path) -> None:
    code, _, _ = run(
        runner,
        "init",
        "--unit",
        "PCD",
        "--kind",
        "agency",
        "--name",
        "กรมควบคุมมลพิษ: ส่วนกลาง",
        "--agenda",
        "pm25",
        "--round",
        "2565",
        "--rubric",
        "mini",
        "--out",
        str(tmp_path),
        *MINI,
    )
    assert code == 0
    text = (tmp_path / "pcd-pm25-2565.yaml").read_text(encoding="utf-8")
    assert '    th: "กรมควบคุมมลพิษ: ส่วนกลาง"\n' in text
    assert "  kind: agency" in text


@pytest.mark.parametrize(
    ("option", "value", "thai"),
    [
        ("--reports", "ทั้งหมด", "--reports ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ all, units, summaries แต่พบ 'ทั้งหมด'"),
        (
            "--pdf-variant",
            "pdf/a",
            "--pdf-variant ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ pdf/a-3b, pdf/ua-1, none แต่พบ 'pdf/a'",
        ),
        ("--audience", "ภายใน", "--audience ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ public, internal แต่พบ 'ภายใน'"),
    ],
)
def test_a_choice_not_offered_is_named_with_the_choices_in_thai(
    runner: CliRunner, tmp_path: Path, option: str, value: str, thai: str
) -> None:
    code, out, err = run(
        runner, "assess", str(VALID), "-f", "pdf", option, value, "--out", str(tmp_path), *MINI
    )
    assert (code, out, err) == (2, "", thai + "\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["assess", "x.yaml", "-o", "out"], "ogmp assess ไม่มีตัวเลือก -o\nดูวิธีใช้: ogmp assess --help"),
        (
            ["assess", "x.yaml", "--ot", "out"],
            "ogmp assess ไม่มีตัวเลือก --ot หมายถึง --format, --out หรือ --reports หรือไม่\n"
            "ดูวิธีใช้: ogmp assess --help",
        ),
        (["assess"], "ogmp assess ต้องระบุ PATHS\nดูวิธีใช้: ogmp assess --help"),
        (["init", "--unit", "TH-52"], "ogmp init ต้องระบุ --agenda\nดูวิธีใช้: ogmp init --help"),
        (["assess", "x.yaml", "--out"], "ต้องระบุค่าต่อท้าย --out\nดูวิธีใช้: ogmp assess --help"),
        (
            ["validate", "x.yaml", "--partial=yes"],
            "--partial เป็นตัวเลือกแบบเปิดปิด ไม่ต้องระบุค่า\nดูวิธีใช้: ogmp validate --help",
        ),
        (["asess", "x.yaml"], "ogmp ไม่มีคำสั่ง 'asess' หมายถึง assess หรือไม่\nดูวิธีใช้: ogmp --help"),
        (["rubric", "nope"], "ogmp rubric ไม่มีคำสั่ง 'nope'\nดูวิธีใช้: ogmp rubric --help"),
        (
            ["rubric", "show", "ogmp-8", "2"],
            "ogmp rubric show ไม่รับค่า 2 ที่เกินมา ตรวจดูว่าตัวเลือกแต่ละตัวมีค่าต่อท้ายถูกต้อง\n"
            "ดูวิธีใช้: ogmp rubric show --help",
        ),
        (["assess", "x.yaml", "--jobs", "สอง"], "--jobs ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป แต่พบ 'สอง'"),
        (["assess", "x.yaml", "-j", "0"], "--jobs ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป แต่พบ '0'"),
        (["assess", "x.yaml", "--timeout", "0.5"], "--timeout ต้องเป็นจำนวนวินาทีตั้งแต่ 1 ขึ้นไป แต่พบ '0.5'"),
        (["evidence", "check", "x.yaml", "-j", "99"], "--jobs ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 32 แต่พบ '99'"),
        (
            ["init", "--unit", "TH-52", "--agenda", "pm25", "--round", "๒๕๖๘x"],
            "--round ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป แต่พบ '๒๕๖๘x'",
        ),
        (
            ["rubric", "show", "ogmp-8", "--rubric-version", "v1"],
            "--rubric-version ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป แต่พบ 'v1'",
        ),
        (["validate", "--lang", "fr", "x.yaml"], "--lang ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ th, en แต่พบ 'fr'"),
        (["assess", "x.yaml", "--lang", "ไทย"], "--lang ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ th, en, both แต่พบ 'ไทย'"),
    ],
)
def test_a_mistyped_command_line_is_told_in_thai_with_what_to_type(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str], message: str
) -> None:
    monkeypatch.delenv("OGMP_LANG", raising=False)
    monkeypatch.chdir(tmp_path)
    assert run(runner, *args) == (2, "", message + "\n")
    assert list(tmp_path.iterdir()) == []  # nothing written, not even the default reports folder


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (
            ["validate", "x.yaml", "--bogus", "--lang", "en"],
            None,
            "ogmp validate has no option --bogus\nsee: ogmp validate --help",
        ),
        (
            ["assess", "x.yaml", "--lang=en", "--fromat", "pdf"],
            None,
            "ogmp assess has no option --fromat; did you mean --format or --out?\nsee: ogmp assess --help",
        ),
        (["assess"], "en", "ogmp assess needs PATHS\nsee: ogmp assess --help"),
        (
            ["assess", "x.yaml", "--lang", "en", "-j", "many"],
            None,
            "--jobs takes a whole number of at least 1; got 'many'",
        ),
    ],
)
def test_a_mistyped_command_line_is_told_in_the_language_asked_for(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str], env: str | None, message: str
) -> None:
    monkeypatch.delenv("OGMP_LANG", raising=False)
    if env:
        monkeypatch.setenv("OGMP_LANG", env)
    assert run(runner, *args) == (2, "", message + "\n")


def test_options_typed_in_any_case_and_with_spaces_are_taken(runner: CliRunner) -> None:
    code, out, _ = run(runner, "validate", "--lang", "EN", "-q", str(VALID), *MINI)
    assert (code, out) == (0, "1 file(s) checked, all valid\n")


def test_schema_is_json(runner: CliRunner) -> None:
    code, out, _ = run(runner, "schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "ogmp assessment"
    code, out, _ = run(runner, "schema", "--rubric", "mini", *MINI)
    assert sorted(json.loads(out)["properties"]["components"]["anyOf"][0]["properties"]) == [
        "comp1",
        "comp2",
        "comp3",
    ]


def test_rubric_show_and_check(runner: CliRunner, write) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(runner, "rubric", "show", "mini", "--lang", "en", *MINI)
    assert code == 0
    assert out.startswith("mini version 1: Small test rubric\nFor tests only\nSource: ogmp test suite\n")
    assert (
        "   1.2 Short name 1.2 [c1_i2]\n      Question 1.2\n"
        "      principles: Participation; participation stage: Consultation; weight 2\n" in out
    )
    code, out, _ = run(runner, "rubric", "check", "--lang", "en", str(RUBRICS / "mini.yaml"), *MINI)
    assert (code, out) == (
        0,
        f"{shown(RUBRICS / 'mini.yaml')}: rubric mini version 1 is valid (3 components, 9 indicators, 12 recommendations)\n",
    )
    broken = write(
        "broken.yaml",
        (RUBRICS / "mini.yaml").read_text(encoding="utf-8").replace("en: Level 2 of 2.2", "en: ''"),
    )
    code, out, _ = run(runner, "rubric", "check", "--lang", "en", str(broken))
    assert code == 1
    assert out.endswith("components[1].indicators[1].levels.2.en: must not be empty\n")
    code, _, err = run(runner, "rubric", "show", "nope", "--lang", "en")
    assert code == 2
    assert err.startswith("there is no rubric 'nope'; available rubrics: ")


@pytest.mark.parametrize("rubric_id", ["ogmp-7", "ogmp-8"])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_bundled_rubrics_show_and_check(runner: CliRunner, rubric_id: str, lang: str) -> None:
    code, out, err = run(runner, "rubric", "show", rubric_id, "--lang", lang)
    assert (code, err) == (0, "")
    marker = " [only for: pm25]" if lang == "en" else " [เฉพาะวาระ: pm25]"
    assert marker in out  # some recommendations are written for the PM2.5 agenda only
    code, out, _ = run(runner, "rubric", "check", "--lang", lang)
    assert code == 0, out


def test_version(runner: CliRunner) -> None:
    from ogmp import __version__

    assert run(runner, "--version") == (0, f"ogmp {__version__}\n", "")


def test_validate_does_not_import_weasyprint() -> None:
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from ogmp.cli import app\n"
        f"result = CliRunner().invoke(app, ['validate', {str(VALID)!r}, '--rubrics', {str(RUBRICS)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print('weasyprint' in sys.modules)\n"
    )
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "False"


def test_markup_in_user_text_is_printed_literally(runner: CliRunner, write) -> None:  # type: ignore[no-untyped-def]
    path = write("[bold]x[/bold].yaml", "unit: [red\n")
    code, out, _ = run(runner, "validate", "--lang", "en", str(path))
    assert code == 1
    assert f"{path}:" in out


def test_assess_help_names_every_format() -> None:
    import re

    import typer.main

    from ogmp.options import FORMATS

    command = typer.main.get_command(app).commands["assess"]  # type: ignore[attr-defined]
    [option] = [param for param in command.params if param.name == "formats"]
    for name in FORMATS:
        assert re.search(rf"\b{name}\b", option.help), name


@pytest.mark.parametrize(
    "command",
    [
        ["init", "--unit", "TH-52", "--agenda", "pm25", "--round", "2564", "--rubric", "{id}"],
        ["schema", "--rubric", "{id}"],
        ["rubric", "show", "{id}"],
    ],
)
def test_a_missing_or_broken_rubric_exits_alike_in_every_command(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    """A rubric that does not exist is a usage error (2); one with errors is an input with
    problems (1), named at its lines."""
    folder = tmp_path / "rubrics"
    folder.mkdir()
    broken = folder / "broken.yaml"
    broken.write_text(
        (RUBRICS / "mini.yaml")
        .read_text(encoding="utf-8")
        .replace("id: mini", "id: broken", 1)
        .replace("weight: 1", "weight: -1", 1),
        encoding="utf-8",
    )
    extra = [
        "--lang",
        "en",
        "--rubrics",
        str(folder),
        *(["--out", str(tmp_path)] if command[0] == "init" else []),
    ]
    code, out, err = run(runner, *[part.format(id="nowhere") for part in command], *extra)
    assert (code, out) == (2, "")
    assert err.startswith("there is no rubric 'nowhere'; available rubrics: ")
    code, out, err = run(runner, *[part.format(id="broken") for part in command], *extra)
    assert (code, out) == (1, "")
    assert err.startswith(f"{shown(broken)}:") and "must be a number greater than 0" in err, err
    assert list(tmp_path.glob("*.yaml")) == []
