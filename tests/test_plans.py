"""Action plans: the located checks of plan files, the follow-up at the next round (status,
completion counts, KPI progress both ways, indicators moved), ``ogmp plan init``, and every
output of the bundled Lampang example agreeing on the follow-up."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogmp import filenames
from ogmp.assess import assess_paths
from ogmp.cli import app
from ogmp.diagnostics import shown
from ogmp.models.plan import Kpi
from ogmp.options import AssessOptions
from ogmp.plans import kpi_progress, movement
from ogmp.registry import Registry
from ogmp.validate import validate_file, validate_paths

EXAMPLES = Path(__file__).parent.parent / "assessments"
MADE = "th-52-pm25-2564"
NEXT = "th-52-pm25-2565"
REGISTRY = Registry()
TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Lampang 2564 with its illustrative plan, and Lampang 2565 where it is followed up."""
    for name in (f"{MADE}.yaml", f"{MADE}.plan.yaml", f"{NEXT}.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


def plan_path(folder: Path) -> Path:
    return folder / f"{MADE}.plan.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def plan_problems(folder: Path) -> list[str]:
    """The problems of the plan file, as ``ogmp validate`` of the round's folder shows them."""
    report = validate_paths([folder], REGISTRY, today=TODAY)
    where = shown(plan_path(folder))
    return [
        problem.format("en")
        for result in report.results
        for problem in result.problems
        if problem.file == where
    ]


# --- the checks ------------------------------------------------------------------------


def test_the_bundled_plan_is_valid(folder: Path) -> None:
    assert plan_problems(folder) == []


def test_a_due_date_before_the_start(folder: Path) -> None:
    path = plan_path(folder)
    edit(path, "    due: 2565-01-31\n", "    due: 2564-09-30\n")
    line = line_of(path, "    due: 2564-09-30")
    assert plan_problems(folder) == [
        f"{shown(path)}:{line}:10: actions[0].due: the due date is before the start (1 October 2021);"
        " give a due date on or after the start"
    ]


def test_a_kpi_without_a_baseline_date(folder: Path) -> None:
    path = plan_path(folder)
    edit(path, "baseline: {value: 0, date: 2564-05-31, source:", "baseline: {value: 0, source:")
    line = line_of(path, "baseline: {value: 0, source:")
    assert plan_problems(folder) == [
        f"{shown(path)}:{line}:9: actions[0].kpis[0].baseline: the baseline has no date; add 'date:' saying"
        " when it was measured, YYYY-MM-DD"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "target: {value: 13, date: 2565-01-31}",
            "target: {value: 0, date: 2565-01-31}",
            "actions[0].kpis[0].target.value: higher is better for this KPI, but the target 0 is not above"
            " the baseline 0; raise the target, or write 'direction: lower'",
        ),
        (
            "target: {value: 1, date: 2565-01-31}",
            "target: {value: 45, date: 2565-01-31}",
            "actions[0].kpis[1].target.value: lower is better for this KPI, but the target 45 is not below"
            " the baseline 30; lower the target, or write 'direction: higher'",
        ),
    ],
)
def test_a_target_on_the_wrong_side_of_the_baseline(folder: Path, old: str, new: str, expected: str) -> None:
    path = plan_path(folder)
    edit(path, old, new)
    [problem] = plan_problems(folder)
    assert problem.split(": ", 1)[1] == expected
    assert problem.startswith(f"{shown(path)}:{line_of(path, new)}:")


def test_a_progress_entry_dated_after_the_next_rounds_report_is_a_warning(folder: Path) -> None:
    path = plan_path(folder)
    edit(path, "      - date: 2565-01-28\n", "      - date: 2565-08-01\n")
    line = line_of(path, "      - date: 2565-08-01")
    assert plan_problems(folder) == [
        f"{shown(path)}:{line}:15: warning: actions[0].progress[1].date: this entry is dated after the report of"
        f" {NEXT} (20 July 2022); that report's follow-up does not count it"
    ]
    result = next(r for r in run(folder) if r.round == 2565)
    assert result.follow_up is not None
    assert result.follow_up.entries_not_counted == 1
    first = result.follow_up.actions[0]
    assert (first.status, first.status_date) == ("substantial", dt.date(2021, 12, 15))


def test_a_progress_entry_in_the_future_is_an_error(folder: Path) -> None:
    path = plan_path(folder)
    edit(path, "      - date: 2565-01-28\n", "      - date: 2570-01-28\n")
    problems = [
        p.format("en") for p in validate_file(folder / f"{MADE}.yaml", REGISTRY, today=TODAY).problems
    ]
    line = line_of(path, "      - date: 2570-01-28")
    assert problems == [
        f"{shown(path)}:{line}:15: actions[0].progress[1].date: this entry is dated after today (1 January"
        " 2026); record progress once it has happened"
    ]


def test_an_action_lifting_an_indicator_the_rubric_does_not_have(folder: Path) -> None:
    path = plan_path(folder)
    edit(
        path,
        "indicators: [data_collected_routinely, data_linked_across_agencies]",
        "indicators: [data_collected_routinly]",
    )
    line = line_of(path, "indicators: [data_collected_routinly]")
    assert plan_problems(folder) == [
        f"{shown(path)}:{line}:18: actions[0].indicators[0]: rubric ogmp-8 has no indicator"
        " 'data_collected_routinly' (did you mean 'data_collected_routinely'?)"
    ]


def test_progress_of_a_kpi_the_action_does_not_have(folder: Path) -> None:
    path = plan_path(folder)
    edit(path, "kpis: {districts_24h: 9, report_lag: 3}", "kpis: {districts: 9, report_lag: 3}")
    [problem] = plan_problems(folder)
    assert problem.endswith(
        "actions[0].progress[0].kpis.districts: the action has no KPI 'districts' (its KPIs: districts_24h,"
        " report_lag) (did you mean 'districts_24h'?)"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  unit: TH-52\n",
            "  unit: TH-50\n",
            "plan.unit: 'TH-50' does not match the assessment th-52-pm25-2564.yaml, which gives 'TH-52'; a plan"
            " is for the unit, agenda and round of the assessment beside it",
        ),
        (
            "  round: 2564\n",
            "  round: 2563\n",
            "plan.round: '2563' does not match the assessment th-52-pm25-2564.yaml, which gives '2564'; a plan"
            " is for the unit, agenda and round of the assessment beside it",
        ),
        (
            "  assessment: th-52-pm25-2564.yaml\n",
            "  assessment: th-52-pm25-2563.yaml\n",
            "plan.assessment: this plan is for 'th-52-pm25-2563.yaml', not 'th-52-pm25-2564.yaml'; keep a plan"
            " beside the assessment it was made from, named after it",
        ),
    ],
)
def test_a_plan_for_another_unit_or_round(folder: Path, old: str, new: str, expected: str) -> None:
    path = plan_path(folder)
    edit(path, old, new)
    [problem] = plan_problems(folder)
    assert problem == f"{shown(path)}:{line_of(path, new.strip())}:{problem.split(':')[2]}: {expected}"


def test_a_plan_for_a_round_that_was_not_assessed(folder: Path) -> None:
    orphan = folder / "th-52-pm25-2563.plan.yaml"
    plan_path(folder).rename(orphan)
    report = validate_paths([folder], REGISTRY, today=TODAY)
    problems = [p.format("en") for r in report.results for p in r.problems if p.file == shown(orphan)]
    assert problems == [
        f"{shown(orphan)}: there is no assessment th-52-pm25-2563.yaml beside this file; name it after the"
        " assessment it goes with"
    ]
    assert not report.ok


def test_thai_messages_name_the_same_place(folder: Path) -> None:
    path = plan_path(folder)
    edit(path, "    due: 2565-01-31\n", "    due: 2564-09-30\n")
    report = validate_paths([folder], REGISTRY, today=TODAY)
    [problem] = [p for r in report.results for p in r.problems if p.file == shown(path)]
    assert problem.format("th").endswith(
        "actions[0].due: วันแล้วเสร็จอยู่ก่อนวันเริ่ม (1 ตุลาคม 2564) กรุณาระบุวันแล้วเสร็จตั้งแต่วันเริ่มเป็นต้นไป"
    )


# --- the follow-up -----------------------------------------------------------------------


def run(folder: Path, *formats: str, out: Path | None = None):  # type: ignore[no-untyped-def]
    options = AssessOptions(formats=tuple(formats), out=out or folder / "out")
    return assess_paths([folder], REGISTRY, options, today=TODAY).results


def test_the_follow_up_counts_each_status_overdue_and_completed_actions_whose_indicators_rose(
    folder: Path,
) -> None:
    made, followed = run(folder)
    assert [action.id for action in made.plan] == [f"a{n}" for n in range(1, 10)]
    assert made.follow_up is None
    follow = followed.follow_up
    assert follow is not None
    assert (follow.plan_file, follow.plan_round, follow.report_date) == (
        f"{MADE}.plan.yaml",
        2564,
        dt.date(2022, 7, 20),
    )
    assert follow.counts == {
        "no_evidence": 1,
        "not_started": 1,
        "limited": 2,
        "substantial": 2,
        "complete": 3,
    }
    statuses = {action.id: action.status for action in follow.actions}
    overdue = sorted(action.id for action in follow.actions if action.overdue)
    assert (follow.overdue, follow.completed, follow.completed_and_rose) == (len(overdue), 3, 2)
    assert all(statuses[action] != "complete" for action in overdue)
    silent = next(action for action in follow.actions if action.status == "no_evidence")
    assert silent.status_date is None and silent.note is None


def test_without_the_plans_round_among_the_inputs_there_is_no_follow_up(folder: Path) -> None:
    (folder / f"{MADE}.yaml").unlink()
    plan_path(folder).unlink()
    [followed] = run(folder)
    assert followed.follow_up is None


def kpi(direction: str, baseline: float, target: float) -> Kpi:
    return Kpi.model_validate(
        {
            "id": "k",
            "name": {"th": "ตัวชี้วัด"},
            "unit": "จุด",
            "direction": direction,
            "baseline": {"value": baseline, "date": "2021-05-31"},
            "target": {"value": target, "date": "2022-05-31"},
        }
    )


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "values", "progress", "reached"),
    [
        ("higher", 40, 90, [("2022-01-01", 65)], 0.5, False),
        ("higher", 40, 90, [("2022-01-01", 93)], 1.06, True),
        ("higher", 40, 90, [("2022-01-01", 30)], -0.2, False),
        ("lower", 1240, 800, [("2022-01-01", 1020)], 0.5, False),
        ("lower", 1240, 800, [("2022-04-30", 760), ("2022-01-01", 1020)], 1.0909, True),
        ("lower", 1240, 800, [("2022-04-30", 1300)], -0.1364, False),
        ("lower", 1240, 800, [], None, False),
    ],
)
def test_kpi_progress_from_baseline_toward_target_in_both_directions(
    direction: str,
    baseline: float,
    target: float,
    values: list[tuple[str, float]],
    progress: float | None,
    reached: bool,
) -> None:
    dated = [(dt.date.fromisoformat(day), value) for day, value in values]
    found = kpi_progress(kpi(direction, baseline, target), dated)
    assert (found.progress, found.reached) == (progress, reached)
    assert found.latest == (max(dated)[1] if dated else None)


def test_indicator_movement() -> None:
    assert [movement(2, 3), movement(3, 3), movement(3, 2), movement(None, 3), movement("n/a", 2)] == [
        "rose",
        "same",
        "fell",
        "not_assessed",
        "not_assessed",
    ]


# --- ogmp plan init ------------------------------------------------------------------------


def test_plan_init_writes_the_next_steps_as_actions_to_fill_in(tmp_path: Path, runner: CliRunner) -> None:
    shutil.copy(EXAMPLES / f"{MADE}.yaml", tmp_path / f"{MADE}.yaml")
    result = runner.invoke(app, ["plan", "init", str(tmp_path / f"{MADE}.yaml"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    path = tmp_path / filenames.plan_name(f"{MADE}.yaml")
    text = path.read_text(encoding="utf-8")
    actions = text.count("\n  - id: a")
    assert result.stdout.splitlines()[-1] == (
        f"wrote {shown(path)}: {actions} action(s) from the report's recommendations; name the owners, dates"
        " and KPIs, then check it with 'ogmp validate'"
    )
    assert (tmp_path / "plan.schema.json").is_file()
    # Until the team names owners and dates, the plan is incomplete and says where.
    problems = validate_file(tmp_path / f"{MADE}.yaml", REGISTRY, today=TODAY).problems
    assert len(problems) == 3 * actions
    assert {p.message.code for p in problems} == {"value.empty"}
    filled = (
        text.replace("    owner:          #", "    owner: สำนักงานจังหวัดลำปาง  #")
        .replace("    start:          #", "    start: 2564-10-01  #")
        .replace("    due:            #", "    due: 2565-09-30  #")
    )
    path.write_text(filled, encoding="utf-8")
    assert validate_file(tmp_path / f"{MADE}.yaml", REGISTRY, today=TODAY).problems == []
    again = runner.invoke(app, ["plan", "init", str(tmp_path / f"{MADE}.yaml"), "--lang", "en"])
    assert again.exit_code == 1
    assert again.stderr == (
        f"{shown(path)} already exists; ogmp never overwrites it: edit that file, or move it away to write a new one\n"
    )
    assert path.read_text(encoding="utf-8") == filled  # never overwritten


# --- every output agrees -----------------------------------------------------------------


@pytest.mark.slow  # renders four PDFs
def test_json_xlsx_terminal_and_both_reports_agree_on_the_follow_up(folder: Path, runner: CliRunner) -> None:
    import json

    import openpyxl

    from ogmp.spreadsheet import SHEETS
    from tests.pdftools import pdftotext, without_whitespace

    out = folder / "out"
    result = runner.invoke(
        app, ["assess", str(folder), "-f", "json,xlsx,pdf", "--lang", "both", "--out", str(out), "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads((out / f"{NEXT}.json").read_text(encoding="utf-8"))
    follow = document["follow_up"]
    assert follow["counts"] == {
        "no_evidence": 1,
        "not_started": 1,
        "limited": 2,
        "substantial": 2,
        "complete": 3,
    }
    overdue = follow["overdue"]
    assert (
        "ติดตามแผนปฏิบัติการปีงบประมาณ 2564: 9 กิจกรรม (แล้วเสร็จ 3 คืบหน้ามาก 2 คืบหน้าเล็กน้อย 2"
        f" ยังไม่เริ่มดำเนินการ 1 ไม่มีหลักฐาน 1) เกินกำหนด {overdue} กิจกรรม ตัวชี้วัดมีระดับสูงขึ้นใน 2 จาก 3"
        " กิจกรรมที่แล้วเสร็จ"
    ) in " ".join(result.stdout.split())

    [workbook_path] = out.glob("national-*-2565.xlsx")
    header, *rows = list(openpyxl.load_workbook(workbook_path, read_only=True)[SHEETS["actions"]].values)
    status = header.index("สถานะ status")
    late = header.index("เกินกำหนด overdue")
    followed = [row for row in rows if row[header.index("ติดตามผลในปีงบประมาณ followed up in")] == 2565]
    assert {action["id"]: action["status"] for action in follow["actions"]} == {
        row[header.index("กิจกรรม action")]: row[status] for row in followed
    }
    assert sum(bool(row[late]) for row in followed) == overdue

    [planned_book] = out.glob("national-*-2564.xlsx")
    header, *rows = list(openpyxl.load_workbook(planned_book, read_only=True)[SHEETS["actions"]].values)
    assert len(rows) == 9

    for lang, heading, complete in (
        ("th", "การติดตามผลแผนปฏิบัติการรอบก่อน", "แล้วเสร็จ"),
        ("en", "Follow-up of the previous action plan", "Complete"),
    ):
        text = without_whitespace(pdftotext((out / f"{NEXT}.{lang}.pdf").read_bytes()))
        section = text[text.rindex(without_whitespace(heading)) :]
        counts = without_whitespace(f"{complete} 3")
        assert counts in section, lang
        plan = without_whitespace(pdftotext((out / f"{MADE}.{lang}.pdf").read_bytes()))
        assert without_whitespace(document["follow_up"]["actions"][0]["title"][lang]) in plan

    # The plan's report carries the plan; the next round's carries the follow-up it showed.
    from ogmp.verify import verify_report

    for name in (f"{MADE}.th.pdf", f"{NEXT}.en.pdf"):
        verification = verify_report(out / name)
        assert verification.ok, [d.render("en") for d in verification.differences]
