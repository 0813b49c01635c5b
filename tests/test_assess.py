"""``ogmp assess``: summaries, JSON and CSV that re-load and never drift."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogmp.assess import assess_paths
from ogmp.cli import app
from ogmp.errors import UsageError
from ogmp.models.result import UnitResult
from ogmp.options import SUMMARY_LIMIT, AssessOptions, parse_formats
from ogmp.registry import Registry
from ogmp.tables import CSV_COLUMNS

from .conftest import RUBRICS, VALID, assess

MINI = ["--rubrics", str(RUBRICS)]


def test_formats() -> None:
    assert parse_formats(["json,csv", "json"]) == ("json", "csv")
    assert parse_formats([]) == ()
    with pytest.raises(UsageError) as caught:
        parse_formats(["docx"])
    assert caught.value.render("en") == "unknown format 'docx'; choose from json, csv, pdf, html, xlsx"


def test_json_and_csv_reload_and_are_byte_identical(registry: Registry, tmp_path: Path) -> None:
    first = assess([VALID], tmp_path / "one", formats=["json", "csv"], registry=registry)
    second = assess([VALID], tmp_path / "two", formats=["json", "csv"], registry=registry)
    assert [p.name for p in first.written] == ["th-52-pm25-2564.json", "results.csv"]
    for path in first.written:
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes()
    reloaded = UnitResult.model_validate_json(
        (tmp_path / "one" / "th-52-pm25-2564.json").read_text(encoding="utf-8")
    )
    assert reloaded == first.results[0] == second.results[0]
    raw = (tmp_path / "one" / "results.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so that Excel reads Thai as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["component_id"], r["score"], r["gap"], r["priority_rank"]) for r in rows] == [
        ("comp1", "41.7", "1.33", "3"),
        ("comp2", "37.5", "1.5", "2"),
        ("comp3", "33.3", "2.67", "1"),
    ]
    assert rows[0]["unit_name_th"] == "จังหวัดลำปาง"


def test_invalid_files_are_reported_and_the_others_scored(
    runner: CliRunner, tmp_path: Path, valid_text: str
) -> None:
    good = tmp_path / "in" / "good.yaml"
    bad = tmp_path / "in" / "bad.yaml"
    good.parent.mkdir()
    good.write_text(valid_text, encoding="utf-8")
    bad.write_text(valid_text.replace("level: 3\n", "level: 7\n", 1), encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "assess",
            str(good.parent),
            "--lang",
            "en",
            "-q",
            "-f",
            "json",
            "--out",
            str(tmp_path / "out"),
            *MINI,
        ],
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{bad}:29:16: components.comp1.indicators.c1_i2.level: level 7 is out of range; use a whole number from 1 to 5, or n/a with a reason",
        f"wrote {tmp_path / 'out' / 'th-52-pm25-2564.json'}",
        "1 assessment(s) scored, 1 file(s) not scored because of errors",
    ]


def test_summary_in_english(runner: CliRunner) -> None:
    result = runner.invoke(app, ["assess", str(VALID), "--lang", "en", *MINI], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Lampang Province (TH-52) | PM2.5 dust pollution | fiscal year 2564 | mini v1"
    assert lines[1] == "OG&MP index 36.1 of 100: mean level 2.44 (level 2, Developing); target 4.50, gap 2.06"
    assert "Gaps to close first: 1) Component 3 (2.67)  2) Component 2 (1.50)  3) Component 1 (1.33)" in lines
    assert "Levels 4-5 claimed without evidence, indicators 3.1" in lines
    assert lines[-1] == "1 assessment(s) scored"


# --- a round streams through scoring ------------------------------------------------------------

BUNDLED = Path(__file__).resolve().parent.parent / "assessments"
LAMPANG = [BUNDLED / name for name in sorted(p.name for p in BUNDLED.glob("th-52-*"))]


def test_rounds_in_any_file_order_give_the_same_results(tmp_path: Path) -> None:
    """The next round read first (its folder sorts first) is compared with, and follows up the
    plan of, the earlier round all the same: it is scored again once that round is known."""
    import shutil

    later, earlier = tmp_path / "a-later", tmp_path / "b-earlier"
    for path in LAMPANG:
        target = later if "2565" in path.name else earlier
        target.mkdir(exist_ok=True)
        shutil.copy(path, target / path.name)
    registry = Registry()
    in_order = assess([earlier, later], tmp_path / "in-order", formats=["json", "csv"], registry=registry)
    reversed_ = assess([later, earlier], tmp_path / "reversed", formats=["json", "csv"], registry=registry)
    assert reversed_.scored == in_order.scored == 2
    assert sorted(p.name for p in reversed_.written) == sorted(p.name for p in in_order.written)
    for name in ("th-52-pm25-2564.json", "th-52-pm25-2565.json", "results.csv"):
        assert (tmp_path / "reversed" / name).read_bytes() == (tmp_path / "in-order" / name).read_bytes()
    [_, followed] = reversed_.results
    assert followed.comparison is not None and followed.comparison.previous_round == 2564
    assert followed.follow_up is not None and followed.follow_up.plan_round == 2564


def test_a_large_round_hands_back_only_the_results_it_was_asked_to_keep(
    registry: Registry, tmp_path: Path, valid_text: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(1, 4):
        text = valid_text.replace("round: 2564", f"round: {2563 + number}")
        (folder / f"unit-{number}.yaml").write_text(text, encoding="utf-8")
    options = AssessOptions(formats=("json",), out=tmp_path / "out", results_kept=2)
    run = assess_paths([folder], registry, options)
    assert (run.scored, len(run.results), run.results_left_out) == (3, 2, 1)
    assert len(list((tmp_path / "out").glob("*.json"))) == 3
    assert run.results[1].comparison is not None  # the kept results are whole


def test_the_terminal_says_how_many_summaries_it_left_out(
    runner: CliRunner, tmp_path: Path, valid_text: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(SUMMARY_LIMIT + 2):
        text = valid_text.replace("round: 2564", f"round: {2530 + number}")
        (folder / f"unit-{number:02d}.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(
        app, ["assess", str(folder), *MINI, "--lang", "en", "-f", "json", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 0, result.output
    assert (
        f"summaries are printed for rounds of up to {SUMMARY_LIMIT} units; 2 not printed"
        " (--summaries prints every one, --quiet none)"
    ) in " ".join(result.output.split())
    every = runner.invoke(
        app,
        [
            "assess",
            str(folder),
            *MINI,
            "--lang",
            "en",
            "--summaries",
            "-f",
            "json",
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert every.exit_code == 0 and "not printed" not in every.output
    assert every.output.count("OG&MP index") >= SUMMARY_LIMIT + 2


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("all", ["national-mini-v1-pm25-2564.th.html", "th-17-pm25-2564.th.html", "th-52-pm25-2564.th.html"]),
        ("units", ["th-17-pm25-2564.th.html", "th-52-pm25-2564.th.html"]),
        ("summaries", ["national-mini-v1-pm25-2564.th.html"]),
    ],
)
def test_reports_writes_unit_reports_summaries_or_both(
    runner: CliRunner, tmp_path: Path, valid_text: str, scope: str, expected: list[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "th-52.yaml").write_text(valid_text, encoding="utf-8")
    sing_buri = valid_text.replace("code: TH-52", "code: TH-17").replace("จังหวัดลำปาง", "จังหวัดสิงห์บุรี")
    (folder / "th-17.yaml").write_text(sing_buri, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["assess", str(folder), *MINI, "-q", "-f", "html", "--reports", scope, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.glob("*.html")) == expected
