"""Independent review: final levels from reviews, replies and decisions; stale reviews; the
located errors of review and decision files; ``ogmp review init`` and ``review decide``."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ogmp.assess import score_checked
from ogmp.cli import app
from ogmp.diagnostics import shown
from ogmp.models.assessment import Assessment
from ogmp.models.review import Decision, Review
from ogmp.registry import Registry
from ogmp.reviews import entry_digest, verdicts
from ogmp.validate import validate_file

EXAMPLES = Path(__file__).parent.parent / "assessments"
STEM = "th-52-pm25-2565"
REVIEW = f"{STEM}.review.opdc.yaml"
REGISTRY = Registry()
TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The bundled Lampang 2565 example with its illustrative review and decision."""
    for name in (f"{STEM}.yaml", f"{STEM}.review.opdc.yaml", f"{STEM}.decision.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


def problems(path: Path) -> list[str]:
    return [problem.format("en") for problem in validate_file(path, REGISTRY, today=TODAY).problems]


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, start=1) if needle in line]
    return found[occurrence - 1]


# --- final levels ----------------------------------------------------------------------


def assessment(levels: dict[str, Any]) -> Assessment:
    return Assessment.model_validate(
        {
            "unit": {"code": "TH-52", "kind": "province", "name": {"th": "จังหวัดลำปาง"}},
            "agenda": "pm25",
            "round": 2565,
            "rubric": {"id": "ogmp-8", "version": 2},
            "date": "2022-07-20",
            "assessors": [{"name": "นางสาวทดสอบ ใจดี"}],
            "components": {"c": {"indicators": {key: {"level": level} for key, level in levels.items()}}},
        }
    )


def review(unit: Assessment, name: str, verdict_of: dict[str, dict[str, Any]]) -> Review:
    entries = {indicator_id: entry for _, indicator_id, entry in unit.entries()}
    return Review.model_validate(
        {
            "review": {
                "assessment": "a.yaml",
                "sha256": "0" * 64,
                "date": "2022-08-15",
                "reviewer": {"name": name, "org": "สำนักงาน ก.พ.ร."},
            },
            "components": {
                "c": {
                    "indicators": {
                        indicator_id: {
                            "unit_level": entries[indicator_id].level,
                            "unit_entry": entry_digest(entries[indicator_id]),
                            **given,
                        }
                        for indicator_id, given in verdict_of.items()
                    }
                }
            },
        }
    )


def decision(levels: dict[str, int]) -> Decision:
    return Decision.model_validate(
        {
            "decision": {
                "assessment": "a.yaml",
                "sha256": "0" * 64,
                "date": "2022-09-01",
                "by": {"name": "นายวิชัย วินิจฉัย", "org": "สำนักงาน ก.พ.ร."},
            },
            "components": {"c": {"indicators": {k: {"level": v, "note": "-"} for k, v in levels.items()}}},
        }
    )


def finals(unit: Assessment, reviews: list[Review], decided: Decision | None = None) -> dict[str, Any]:
    return {key: verdict.final for key, verdict in verdicts(unit, reviews, decided).items()}


def test_a_reviewed_level_the_unit_accepts_stands() -> None:
    unit = assessment({"a": 4, "b": 3, "c": 2})
    lowered = review(unit, "ผู้ทบทวน ก", {"a": {"level": 3, "reason": "-"}, "b": {"level": 3}})
    assert finals(unit, [lowered]) == {"a": 3, "b": 3, "c": 2}  # silence is acceptance; c not reviewed
    agreed = review(unit, "ผู้ทบทวน ก", {"a": {"level": 3, "reason": "-", "reply": {"agree": True}}})
    assert finals(unit, [agreed])["a"] == 3


def test_a_disputed_level_keeps_the_units_own_until_the_secretariat_decides() -> None:
    unit = assessment({"a": 4})
    disputed = review(
        unit, "ผู้ทบทวน ก", {"a": {"level": 2, "reason": "-", "reply": {"agree": False, "reason": "-"}}}
    )
    found = verdicts(unit, [disputed], None)["a"]
    assert (found.disputed, found.decided, found.final) == (True, False, 4)
    assert finals(unit, [disputed], decision({"a": 3})) == {"a": 3}
    # A decision on what nobody disputes decides nothing.
    accepted = review(unit, "ผู้ทบทวน ก", {"a": {"level": 2, "reason": "-"}})
    assert finals(unit, [accepted], decision({"a": 3})) == {"a": 2}


def test_several_reviewers_give_the_lower_median_and_their_disagreement_is_a_dispute() -> None:
    unit = assessment({"a": 4})
    reviews = [
        review(unit, f"ผู้ทบทวน {n}", {"a": {"level": level, "reason": "-"}})
        for n, level in enumerate((2, 3, 3, 4))
    ]
    found = verdicts(unit, reviews, None)["a"]
    assert (found.reviewed, found.final, found.disputed) == ((2, 3, 3, 4), 3, True)
    two = verdicts(unit, reviews[:2], None)["a"]
    assert two.final == 2  # the lower of the two middle values


def test_a_changed_answer_makes_only_its_review_stale() -> None:
    before = assessment({"a": 4, "b": 3})
    checked = review(before, "ผู้ทบทวน ก", {"a": {"level": 3, "reason": "-"}, "b": {"level": 2, "reason": "-"}})
    after = assessment({"a": 4, "b": 4})
    found = verdicts(after, [checked], None)
    assert (found["a"].stale, found["a"].final) == (False, 3)
    assert (found["b"].stale, found["b"].final) == (True, 4)


# --- the bundled example, through validation and scoring ---------------------------------


def test_the_example_review_lowers_two_levels_and_the_decision_settles_the_dispute(folder: Path) -> None:
    checked = validate_file(folder / f"{STEM}.yaml", REGISTRY, today=TODAY)
    assert checked.problems == []
    result = score_checked(checked, REGISTRY)
    moved = {
        indicator.id: (indicator.self_level, indicator.reviewed_levels, indicator.level, indicator.decided)
        for component in result.components
        for indicator in component.indicators
        if indicator.level != indicator.self_level or indicator.disputed
    }
    assert moved == {
        "data_linked_across_agencies": (3, {REVIEW: 2}, 2, False),
        "public_communication": (4, {REVIEW: 3}, 3, False),
        "co_implementation_by_others": (4, {REVIEW: 3}, 4, True),
    }
    assert (result.overall.self_score, result.overall.score, result.assurance) == (39.1, 37.5, "decided")
    [reviewer] = result.reviewers
    assert (reviewer.name, reviewer.reviewed, reviewer.stale) == ("นางสาวสุดา ทบทวนดี", 34, 0)


def test_editing_one_answer_after_the_review_marks_exactly_that_one_stale(folder: Path) -> None:
    path = folder / f"{STEM}.yaml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace(
        "      public_communication:\n        level: 4\n",
        "      public_communication:\n        level: 5\n",
        1,
    )
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    review_file = folder / f"{STEM}.review.opdc.yaml"
    decision_file = folder / f"{STEM}.decision.yaml"
    where = shown(review_file)
    assert problems(path) == [
        f"{shown(decision_file)}:{line_of(decision_file, 'sha256:')}:3: warning: decision.sha256: the"
        " assessment changed after this decision; a decision stands only for indicators whose answers did not"
        " change",
        f"{where}:{line_of(review_file, 'sha256:')}:3: warning: review.sha256: the assessment changed after this"
        " review; only the indicators whose answers changed lose their review",
        f"{where}:{line_of(review_file, '      public_communication:') + 2}:9: warning: components.communication.indicators."
        "public_communication.unit_entry: the unit's answer to 'public_communication' changed after this review;"
        " its reviewed level is not used until it is reviewed again",
    ]
    result = score_checked(validate_file(path, REGISTRY, today=TODAY), REGISTRY)
    stale = [i.id for c in result.components for i in c.indicators if i.review_stale]
    assert stale == ["public_communication"]
    assert result.assurance == "self_assessed"  # the review no longer covers every answer
    assert result.reviewers[0].stale == 1


@pytest.mark.parametrize(
    ("file", "edit", "needle", "message"),
    [
        (
            "review.opdc",
            ("name: นางสาวสุดา ทบทวนดี", "name: นางสาวพิมพ์ชนก ตัวอย่าง"),
            "name: นางสาวพิมพ์ชนก",
            "review.reviewer.name: นางสาวพิมพ์ชนก ตัวอย่าง is one of the assessors of this assessment; a review"
            " must be by someone who did not assess it",
        ),
        (
            "review.opdc",
            ("      key_data_identified:\n", "      key_data_identifed:\n"),
            "key_data_identifed:",
            "components.data_foundation.indicators.key_data_identifed: the assessment has no indicator"
            " 'key_data_identifed' (did you mean 'key_data_identified'?)",
        ),
        (
            "review.opdc",
            (f"  assessment: {STEM}.yaml", "  assessment: th-52-pm25-2564.yaml"),
            "assessment: th-52",
            f"review.assessment: this file is about 'th-52-pm25-2564.yaml', not '{STEM}.yaml'; keep a review"
            " beside the assessment it reviews, named after it",
        ),
        (
            "decision",
            ("      co_implementation_by_others:\n", "      co_evaluation:\n"),
            "co_evaluation:",
            "components.participation_space.indicators.co_evaluation: indicator 'co_evaluation' is not in"
            " dispute: no reviewer differs from the unit, or the unit agreed; decide only disputed indicators",
        ),
    ],
    ids=["reviewer-is-assessor", "unknown-indicator", "bound-to-another-file", "decision-on-undisputed"],
)
def test_review_and_decision_mistakes_are_located(
    folder: Path, file: str, edit: tuple[str, str], needle: str, message: str
) -> None:
    path = folder / f"{STEM}.{file}.yaml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    found = [p for p in problems(folder / f"{STEM}.yaml") if "warning" not in p]
    line = line_of(path, needle)
    assert len(found) == 1 and re.fullmatch(
        rf"{re.escape(shown(path))}:{line}:\d+: {re.escape(message)}", found[0]
    ), found


def test_a_differing_level_needs_a_reason_and_a_disagreement_too(folder: Path) -> None:
    path = folder / f"{STEM}.review.opdc.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\n        reason: พบการเผยแพร่[^\n]*", "", text, count=1)
    text = re.sub(r"\n          reason: จังหวัดมีบันทึกข้อตกลง[^\n]*", "", text, count=1)
    path.write_text(text, encoding="utf-8")
    found = sorted(p.split(": ", 2)[-1] for p in problems(folder / f"{STEM}.yaml") if "warning" not in p)
    assert found == [
        "the unit does not agree; add 'reason:' to the reply saying why",
        "this level differs from the unit's; add 'reason:' saying why",
    ]


# --- the commands ----------------------------------------------------------------------------


def test_review_init_writes_a_review_file_that_validates(folder: Path, runner: CliRunner) -> None:
    for name in (f"{STEM}.review.opdc.yaml", f"{STEM}.decision.yaml"):
        (folder / name).unlink()
    result = runner.invoke(
        app,
        [
            "review",
            "init",
            str(folder / f"{STEM}.yaml"),
            "--reviewer",
            "นายใหม่ ทบทวน",
            "--org",
            "มหาวิทยาลัยเชียงใหม่",
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 0, result.output
    written = folder / f"{STEM}.review.1.yaml"
    assert result.stdout.splitlines()[-1] == f"wrote {shown(written)}: 34 indicators to review"
    assert (folder / "review.schema.json").is_file()
    assert problems(folder / f"{STEM}.yaml") == []  # nothing reviewed yet, nothing wrong
    checked = validate_file(folder / f"{STEM}.yaml", REGISTRY, today=TODAY)
    assert [review.review.reviewer.name for _, review in checked.reviews] == ["นายใหม่ ทบทวน"]
    again = runner.invoke(
        app,
        [
            "review",
            "init",
            str(folder / f"{STEM}.yaml"),
            "--reviewer",
            "นางสาวพิมพ์ชนก ตัวอย่าง",
            "--org",
            "x",
            "--lang",
            "en",
        ],
    )
    assert again.exit_code == 2
    assert "is one of the assessors" in again.stderr


def test_review_decide_lists_only_what_is_disputed(folder: Path, runner: CliRunner) -> None:
    (folder / f"{STEM}.decision.yaml").unlink()
    args = ["review", "decide", str(folder / f"{STEM}.yaml"), "--by", "นายวิชัย วินิจฉัย", "--lang", "en"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = (folder / f"{STEM}.decision.yaml").read_text(encoding="utf-8")
    assert re.findall(r"^      ([a-z_]+):$", text, re.MULTILINE) == ["co_implementation_by_others"]
    assert runner.invoke(app, args).exit_code == 1  # never overwritten


# --- every output tells the same story ----------------------------------------------------


@pytest.mark.slow  # renders four PDFs
def test_json_csv_xlsx_terminal_and_both_reports_agree_on_self_final_and_tier(
    folder: Path, runner: CliRunner, tmp_path: Path
) -> None:
    import csv
    import json

    import openpyxl

    from ogmp.spreadsheet import SHEETS
    from tests.pdftools import pdftotext, without_whitespace

    shutil.copy(EXAMPLES / "pcd-pm25-2565.yaml", folder / "pcd-pm25-2565.yaml")  # a cohort: an XLSX
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["assess", str(folder), "-f", "json,csv,xlsx,pdf", "--lang", "both", "--out", str(out), "-j", "1"],
    )
    assert result.exit_code == 0, result.output
    assert "ตามการประเมินตนเอง 39.1 หลังการทบทวน 37.5: ทบทวนแล้ว และฝ่ายเลขานุการวินิจฉัยข้อโต้แย้งแล้ว" in result.stdout

    document = json.loads((out / f"{STEM}.json").read_text(encoding="utf-8"))
    assert (document["overall"]["self_score"], document["overall"]["score"], document["assurance"]) == (
        39.1,
        37.5,
        "decided",
    )
    moved = {
        indicator["id"]: (indicator["self_level"], indicator["level"])
        for component in document["components"]
        for indicator in component["indicators"]
        if indicator["self_level"] != indicator["level"]
    }
    assert moved == {"data_linked_across_agencies": (3, 2), "public_communication": (4, 3)}

    with (out / "results.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["unit_code"] == "TH-52"]
    assert {(row["overall_self_score"], row["overall_score"], row["assurance"]) for row in rows} == {
        ("39.1", "37.5", "decided")
    }

    [workbook_path] = out.glob("*.xlsx")
    workbook = openpyxl.load_workbook(workbook_path, read_only=True)
    header, *table = list(workbook[SHEETS["ranking"]].values)
    lampang = dict(
        zip(header, next(row for row in table if row[header.index("รหัส code")] == "TH-52"), strict=True)
    )
    assert (
        lampang["ดัชนีตามการประเมินตนเอง self-assessed index"],
        lampang["ดัชนี OG&MP index"],
        lampang["การรับรองผล assurance"],
    ) == (39.1, 37.5, "decided")
    header, *table = list(workbook[SHEETS["indicators"]].values)
    level, own = header.index("ระดับ level"), header.index("ระดับตามการประเมินตนเอง self-assessed level")
    code, key = header.index("รหัส code"), header.index("id")
    assert {
        row[key]: (row[own], row[level]) for row in table if row[code] == "TH-52" and row[own] != row[level]
    } == moved

    tiers = {"th": "ทบทวนแล้ว และฝ่ายเลขานุการวินิจฉัยข้อโต้แย้งแล้ว", "en": "disputes decided by the secretariat"}
    for lang, tier in tiers.items():
        report = (out / f"{STEM}.{lang}.pdf").read_bytes()
        cover = without_whitespace(pdftotext(report, "-l", "1"))
        summary = without_whitespace(pdftotext(report, "-f", "3", "-l", "3"))
        tier = without_whitespace(tier)
        assert tier in cover, lang
        assert ("39.1" in summary, "37.5" in summary, tier in summary) == (True, True, True), lang
