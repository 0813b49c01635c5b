"""The worked example of docs/methodology.md, computed by hand there, matches what ogmp computes
for the same bundled assessment, to the last digit; so the page a reviewer follows cannot drift
from the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ogmp.assess import assess_paths
from ogmp.models.result import UnitResult
from ogmp.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
METHOD = ROOT / "docs" / "methodology.md"
EXAMPLE = ROOT / "assessments" / "th-52-pm25-2564.yaml"


def table_rows(heading: str) -> list[list[str]]:
    """The body rows of the first table after ``heading``, as lists of cells."""
    text = METHOD.read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    rows = []
    for line in section.splitlines()[1:]:
        if line.startswith("#"):
            break
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows[1:]  # without the header


def last_number(cell: str) -> float:
    return float(re.findall(r"-?\d+(?:\.\d+)?", cell)[-1])


def numbers(cell: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", cell)]


@pytest.fixture(scope="module")
def result() -> UnitResult:
    run = assess_paths([EXAMPLE], Registry())
    assert not run.invalid
    [scored] = run.results
    return scored


def test_the_example_names_the_bundled_file() -> None:
    assert EXAMPLE.is_file()
    assert "`assessments/th-52-pm25-2564.yaml`, rubric ogmp-8 version 2" in METHOD.read_text(encoding="utf-8")


def test_component_table_matches(result: UnitResult) -> None:
    rows = table_rows("### Components / องค์ประกอบ")
    assert [row[1] for row in rows] == [c.id for c in result.components]
    for row, component in zip(rows, result.components, strict=True):
        number, _, levels, scores, score, mean, level, target, gap, priority, rank = row
        assert int(number) == component.number
        assert numbers(levels) == [i.level for i in component.indicators], component.id
        assert numbers(scores) == [i.score for i in component.indicators], component.id
        assert last_number(score) == component.score, component.id
        assert last_number(mean) == component.mean_level, component.id
        assert (int(level), int(target)) == (component.level, component.target), component.id
        assert (float(gap), float(priority), int(rank)) == (
            component.gap,
            component.priority,
            component.priority_rank,
        ), component.id


def test_overall_table_matches(result: UnitResult) -> None:
    figures = {row[0]: last_number(row[2]) for row in table_rows("### Overall / ภาพรวม")}
    overall = result.overall
    assert figures == {
        "OGMP index": overall.score,
        "mean level": overall.mean_level,
        "maturity level": overall.level,
        "target mean level": overall.target_mean_level,
        "overall gap": overall.gap,
    }


def test_principle_table_matches(result: UnitResult) -> None:
    rows = table_rows("### Principles / หลักการ")
    principles = {p.id: p for p in result.principles}
    assert rows
    for name, _, _, score in rows:
        assert float(score) == principles[name].score, name


def test_evidence_sentence_matches(result: UnitResult) -> None:
    text = METHOD.read_text(encoding="utf-8")
    confidence = result.components[0].confidence
    assert (
        f"{confidence.evidenced} of its {confidence.scored} scored indicators have evidence" in text
        and f"{confidence.evidenced_percent}%, {confidence.label}" in text
        and f"{confidence.public} of {confidence.scored} has public evidence" in text
    )
