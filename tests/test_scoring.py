"""Scoring: properties that must hold for any assessment, and exact figures."""

from __future__ import annotations

import datetime as dt
import random
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ogmp.models.assessment import Assessment
from ogmp.models.result import UnitResult
from ogmp.models.rubric import Rubric
from ogmp.registry import Registry
from ogmp.scoring import compare_rounds, round_half_up, score_assessment, weak_dimensions

from .conftest import RUBRICS

REGISTRY = Registry([RUBRICS])
MINI: Rubric = next(r for r in REGISTRY.rubrics() if r.id == "mini")
INDICATORS = [(c.id, i.id) for c in MINI.components for i in c.indicators]

levels = st.one_of(st.integers(1, 5), st.just("n/a"))
answers = st.fixed_dictionaries(dict.fromkeys(INDICATORS, levels))
targets = st.fixed_dictionaries({c.id: st.one_of(st.none(), st.integers(1, 5)) for c in MINI.components})


def assessment(
    levels_by_key: dict[tuple[str, str], Any], target_by_component: dict[str, int | None], **extra: Any
) -> Assessment:
    components: dict[str, Any] = {}
    for (component_id, indicator_id), level in levels_by_key.items():
        entry: dict[str, Any] = {"level": level}
        if level == "n/a":
            entry["reason"] = "ไม่เกี่ยวข้อง"
        component = components.setdefault(component_id, {"indicators": {}})
        component["indicators"][indicator_id] = entry
        if target_by_component.get(component_id) is not None:
            component["target"] = target_by_component[component_id]
    data = {
        "unit": {"code": "TH-52", "kind": "province", "name": {"th": "จังหวัดลำปาง"}},
        "agenda": "pm25",
        "round": extra.get("round", 2564),
        "rubric": {"id": "mini", "version": 1},
        "date": "2021-03-22",
        "assessors": [{"name": "ผู้ประเมิน"}],
        "components": components,
    }
    return Assessment.model_validate(data)


def score(a: Assessment, sha: str = "x") -> UnitResult:
    return score_assessment(a, MINI, REGISTRY.catalogues, file_name="a.yaml", sha256=sha, rubric_sha256="r")


@settings(max_examples=200, deadline=None)
@given(answers, targets, st.sampled_from(INDICATORS))
def test_raising_one_level_never_lowers_its_component_or_the_index(
    given_levels: dict[tuple[str, str], Any], given_targets: dict[str, int | None], key: tuple[str, str]
) -> None:
    if given_levels[key] == "n/a" or given_levels[key] == 5:
        return
    before = score(assessment(given_levels, given_targets))
    raised = score(assessment({**given_levels, key: given_levels[key] + 1}, given_targets))
    component = next(c for c in before.components if c.id == key[0])
    after = next(c for c in raised.components if c.id == key[0])
    assert component.score is not None and after.score is not None
    assert after.score >= component.score
    assert before.overall.score is not None and raised.overall.score is not None
    assert raised.overall.score >= before.overall.score
    assert (after.gap or 0) <= (component.gap or 0)


@settings(max_examples=200, deadline=None)
@given(answers, targets)
def test_figures_stay_within_bounds(
    given_levels: dict[tuple[str, str], Any], given_targets: dict[str, int | None]
) -> None:
    result = score(assessment(given_levels, given_targets))
    for component in result.components:
        if component.score is None:
            assert component.mean_level is None and component.gap is None and component.priority_rank is None
            continue
        assert 0 <= component.score <= 100
        assert component.mean_level is not None and 1 <= component.mean_level <= 5
        assert component.level is not None and 1 <= component.level <= 5
        assert component.gap is not None and 0 <= component.gap <= 4
        assert component.confidence.scored == len([i for i in component.indicators if i.level is not None])
    for principle in result.principles:
        assert principle.score is None or 0 <= principle.score <= 100
    if result.overall.score is not None:
        assert 0 <= result.overall.score <= 100
        assert result.overall.level is not None and 1 <= result.overall.level <= 5
    ranks = sorted(c.priority_rank for c in result.components if c.priority_rank is not None)
    assert ranks == list(range(1, len(ranks) + 1))
    assert result.top_gaps == [
        c.id for c in sorted(result.components, key=lambda c: c.priority_rank or 99) if c.priority_rank
    ]


@settings(max_examples=100, deadline=None)
@given(answers, targets, st.randoms(use_true_random=False))
def test_order_of_indicators_and_components_changes_nothing(
    given_levels: dict[tuple[str, str], Any], given_targets: dict[str, int | None], shuffler: random.Random
) -> None:
    keys = list(given_levels)
    shuffler.shuffle(keys)
    shuffled = {key: given_levels[key] for key in keys}
    assert score(assessment(given_levels, given_targets)) == score(assessment(shuffled, given_targets))


@settings(max_examples=200, deadline=None)
@given(answers, targets, st.sampled_from(INDICATORS))
def test_not_applicable_leaves_the_denominator(
    given_levels: dict[tuple[str, str], Any], given_targets: dict[str, int | None], key: tuple[str, str]
) -> None:
    marked = score(assessment({**given_levels, key: "n/a"}, given_targets))
    original = score(assessment(given_levels, given_targets))
    # Other components' figures do not move. (Their priority may: it weighs each gap by the
    # component's weight relative to the components scored, and this one may drop out.)
    unmoved = {"priority": None, "priority_rank": None}
    for before, after in zip(original.components, marked.components, strict=True):
        if before.id != key[0]:
            assert before.model_copy(update=unmoved) == after.model_copy(update=unmoved)
    # The component is the weighted mean of its other scored indicators, as if the n/a one were absent.
    component = next(c for c in MINI.components if c.id == key[0])
    rest = [
        (Fraction(repr(i.weight)), given_levels[(component.id, i.id)])
        for i in component.indicators
        if i.id != key[1] and given_levels[(component.id, i.id)] != "n/a"
    ]
    expected = (
        sum(w * Fraction(level - 1, 4) * 100 for w, level in rest) / sum(w for w, _ in rest) if rest else None
    )
    result = next(c for c in marked.components if c.id == key[0])
    assert result.score == round_half_up(expected, 1)
    assert key[1] in result.not_applicable


@settings(max_examples=200, deadline=None)
@given(answers)
def test_target_at_the_as_is_level_gives_no_gap(given_levels: dict[tuple[str, str], Any]) -> None:
    first = score(assessment(given_levels, {}))
    at_level = {c.id: c.level for c in first.components}
    second = score(assessment(given_levels, at_level))
    for component in second.components:
        if component.level is not None:
            assert component.gap == 0
            assert component.priority_rank is None
            for indicator in component.indicators:
                if indicator.level is not None and indicator.level >= component.target:
                    assert indicator.gap == 0
    assert second.top_gaps == []


def test_rounding_is_half_away_from_zero() -> None:
    assert round_half_up(Fraction(6225, 100), 1) == 62.3
    assert round_half_up(Fraction(-6225, 100), 1) == -62.3
    assert round_half_up(Fraction(125, 3), 1) == 41.7
    assert round_half_up(Fraction(1, 8), 2) == 0.13  # float rounding would give 0.12
    assert round_half_up(None, 1) is None


def test_rounds_are_compared_within_a_unit_and_agenda() -> None:
    base = dict.fromkeys(INDICATORS, 2)
    later = {**base, INDICATORS[0]: 5}
    r2564 = score(assessment(base, {}, round=2564), sha="a")
    r2565 = score(assessment(later, {}, round=2565), sha="b")
    compared = compare_rounds([r2565, r2564])
    assert compared[1].comparison is None
    comparison = compared[0].comparison
    assert comparison is not None
    assert (comparison.previous_round, comparison.previous_sha256) == (2564, "a")
    assert comparison.overall_before == 25.0
    change = comparison.components[0]
    # comp1 weighs its indicators 1, 2, 3: (1 x 100 + 2 x 25 + 3 x 25) / 6 = 37.5
    assert (change.component, change.score_before, change.score_after, change.score_change) == (
        "comp1",
        25.0,
        37.5,
        12.5,
    )
    assert all(c.score_change == 0 for c in comparison.components[1:])
    # overall: components weigh 1, 2, 3: (37.5 + 2 x 25 + 3 x 25) / 6 = 27.083 -> 27.1
    assert (comparison.overall_after, comparison.overall_change) == (27.1, 2.1)


def test_weak_dimensions_know_only_what_was_published_by_the_assessment_date() -> None:
    indices = REGISTRY.catalogues.indices

    def weak(day: dt.date) -> dict[str, tuple[str | None, str | None]]:
        return {
            figure.ref: (
                figure.edition.en if figure.edition else None,
                figure.finding.en if figure.finding else None,
            )
            for figure in weak_dimensions(indices, day)
        }

    # Before the 2020 survey: the 2018 edition's weakest EGDI dimension, and no OPDC finding yet.
    assert weak(dt.date(2020, 7, 9)) == {
        "egdi.tii": ("2018 edition", None),
        "odb.impact": ("4th edition (2016 data)", None),
    }
    # The 2020 edition holds no dimension values; the OPDC study of 27 May 2021 is out.
    found = weak(dt.date(2021, 6, 15))
    assert found["egdi.osi"][0] is None and found["egdi.osi"][1] is not None
    assert "egdi.tii" not in found and "odin.openness" not in found
    assert weak(dt.date(2025, 1, 1))["egdi.osi"][0] == "2024 edition"
    for day in (dt.date(2019, 1, 1), dt.date(2021, 6, 15), dt.date(2023, 1, 1), dt.date(2026, 1, 1)):
        assert all(figure.published.day <= day for figure in weak_dimensions(indices, day))
