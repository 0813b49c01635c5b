"""The report context, built directly for the cases a round rarely shows: nothing scored,
a rubric of one component, components tied on their gap."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ogmp.models.assessment import Assessment
from ogmp.models.rubric import Rubric
from ogmp.registry import Registry
from ogmp.report.build import _labels
from ogmp.report.context import ReportContext, build_context
from ogmp.report.render import template_dirs
from ogmp.scoring import score_assessment
from ogmp.yamlsource import read_yaml

from .conftest import RUBRICS, VALID

REGISTRY = Registry([RUBRICS])
RUBRIC = REGISTRY.require("mini", 1)
VALID_DATA: dict[str, Any] = read_yaml(VALID).data


def context(data: dict[str, Any], rubric: Rubric = RUBRIC, lang: str = "en", **options: Any) -> ReportContext:
    assessment = Assessment.model_validate(data)
    result = score_assessment(
        assessment, rubric, REGISTRY.catalogues, file_name="a.yaml", sha256="0", rubric_sha256="0"
    )
    return build_context(
        result,
        assessment,
        rubric,
        REGISTRY.catalogues,
        _labels(tuple(template_dirs()))[lang],
        lang=lang,  # type: ignore[arg-type]
        report_date=dt.date(2021, 3, 22),
        **options,
    )


def with_levels(levels: dict[str, object]) -> dict[str, Any]:
    """The valid assessment with the given indicators' levels (n/a ones with a reason)."""
    data = read_yaml(VALID).data
    for component in data["components"].values():
        for indicator_id, entry in component["indicators"].items():
            if indicator_id in levels:
                entry["level"] = levels[indicator_id]
                entry.pop("reason", None)
                if levels[indicator_id] == "n/a":
                    entry["reason"] = "ไม่เกี่ยวข้อง"
    return data


@pytest.mark.parametrize("lang", ["en", "th"])
def test_nothing_scored_says_so_and_pretends_no_level(lang: str) -> None:
    every = [i for c in VALID_DATA["components"].values() for i in c["indicators"]]
    built = context(with_levels(dict.fromkeys(every, "n/a")), lang=lang)
    assert built.overall_score == "–"
    assert built.overall_level == built.labels["nothing_scored"]
    assert built.top_gaps == [] and built.gaps_chart is None and built.overall_facts == []
    [summary] = built.summary
    unit = "Lampang Province" if lang == "en" else "จังหวัดลำปาง"
    assert summary.value == str(built.labels["summary_nothing_scored"]).format(unit=unit)
    assert all(not component.scored and component.drivers == [] for component in built.components)
    assert "1" not in built.overall_level  # no "level 1" on the cover


def test_a_rubric_of_one_component() -> None:
    data = RUBRIC.model_dump(by_alias=True)
    data["components"] = data["components"][:1]
    one = Rubric.model_validate(data)
    assessment = read_yaml(VALID).data
    assessment["components"] = {"comp1": assessment["components"]["comp1"]}
    built = context(assessment, rubric=one)
    assert [component.anchor for component in built.components] == ["component-comp1"]
    assert [gap.anchor for gap in built.top_gaps] == ["component-comp1"]
    # comp1: levels 2 and 3 (the third is n/a), so its score is the index, and the radar has one axis
    assert built.overall_score == built.components[0].facts[0].value.value.split()[0]
    assert built.radar_legend[0].value.startswith("1. ")


def test_components_tied_on_their_gap_keep_the_rubric_order() -> None:
    # Equal weights, every indicator at level 2 and every target 4: three gaps of 2 levels,
    # three equal priorities, ranked in the rubric's order.
    data = RUBRIC.model_dump(by_alias=True)
    for component in data["components"]:
        component["weight"] = 1
    equal = Rubric.model_validate(data)
    every = [i for c in VALID_DATA["components"].values() for i in c["indicators"]]
    assessment = with_levels(dict.fromkeys(every, 2))
    for component in assessment["components"].values():
        component["target"] = 4
    built = context(assessment, rubric=equal)
    assert [gap.anchor for gap in built.top_gaps] == [
        "component-comp1",
        "component-comp2",
        "component-comp3",
    ]
    assert [gap.rank for gap in built.top_gaps] == ["1", "2", "3"]
    assert len({gap.gap for gap in built.top_gaps}) == 1


def test_thai_digits_only_in_a_thai_report() -> None:
    thai = context(VALID_DATA, lang="th", thai_digits=True)
    english = context(VALID_DATA, lang="en", thai_digits=True)
    assert thai.thai_digits and not english.thai_digits
    assert thai.overall_score == "๓๖.๑" and english.overall_score == "36.1"
