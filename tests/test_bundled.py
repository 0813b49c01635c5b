"""What every bundled example's report must hold, in Thai and in English: recommendations that
fit the unit and its agenda and lift what is still below target, and index figures that the
assessment date could already cite."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from ogmp import filenames
from ogmp.models.result import UnitResult
from ogmp.national import summarize
from ogmp.registry import Registry
from ogmp.report.build import _labels
from ogmp.report.context import ReportContext, build_context
from ogmp.report.render import template_dirs
from ogmp.scoring import score_assessment
from ogmp.validate import validate_file

REGISTRY = Registry()
CATALOGUES = REGISTRY.catalogues
EXAMPLES = sorted(
    path
    for path in (Path(__file__).parent.parent / "assessments").glob("*.yaml")
    if filenames.companion_of(path.name) is None  # reviews and decisions go with an assessment
)


@cache
def scored(path: Path) -> UnitResult:
    checked = validate_file(path, REGISTRY, today=dt.date(2100, 1, 1))
    assert checked.ok and checked.assessment and checked.rubric, checked.problems
    return score_assessment(
        checked.assessment, checked.rubric, CATALOGUES, file_name=path.name, sha256="0", rubric_sha256="0"
    )


@cache
def context(path: Path, lang: str) -> ReportContext:
    checked = validate_file(path, REGISTRY, today=dt.date(2100, 1, 1))
    assert checked.assessment and checked.rubric
    result = scored(path)
    labels = _labels(tuple(template_dirs()))[lang]
    return build_context(
        result,
        checked.assessment,
        checked.rubric,
        CATALOGUES,
        labels,
        lang=lang,
        report_date=result.date,  # type: ignore[arg-type]
    )


def test_the_examples_cover_every_kind_of_unit_and_agenda() -> None:
    kinds = {CATALOGUES.units.kind_of(scored(path).unit_code, scored(path).unit_kind) for path in EXAMPLES}
    assert {"province", "bangkok", "agency"} <= kinds
    assert {scored(path).agenda for path in EXAMPLES} >= {"pm25", "urban_poverty"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_recommendation_names_an_office_or_agenda_the_unit_does_not_have(path: Path, lang: str) -> None:
    result = scored(path)
    kind = CATALOGUES.units.kind_of(result.unit_code, result.unit_kind)
    texts = [
        str(item.text)
        for component in context(path, lang).components
        for group in component.drivers
        for item in group.recommendations
    ]
    assert texts, "every example is below target somewhere"
    foreign = []
    for text in texts:
        for other in CATALOGUES.units.kinds:
            words = other.actors.th if lang == "th" else other.actors.en
            if other.id != kind:
                foreign += [f"{other.id}: {word}" for word in words if word.lower() in text.lower()]
        for agenda in CATALOGUES.agendas.agendas:
            words = agenda.words.th if lang == "th" else agenda.words.en
            if agenda.id != result.agenda:
                foreign += [f"{agenda.id}: {word}" for word in words if word.lower() in text.lower()]
    assert foreign == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_no_recommendation_lifts_what_is_already_at_target(path: Path) -> None:
    result = scored(path)
    components = {component.id: component for component in result.components}
    for step in result.recommendations:
        component = components[step.component]
        levels = {indicator.id: indicator.level for indicator in component.indicators}
        assert step.indicators, step.id
        for indicator in step.indicators:
            level = levels[indicator]
            assert level is not None and level <= step.from_level < component.target, (step.id, indicator)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_index_figure_postdates_the_report(path: Path, lang: str) -> None:
    result = scored(path)
    assert all(figure.published.day <= result.date for figure in result.weak_dimensions)
    later = {
        edition.edition.get(lang)  # type: ignore[arg-type]
        for index in CATALOGUES.indices.indices
        for edition in index.editions
        if edition.published.day > result.date
    }
    shown = {view.edition for view in context(path, lang).indices}
    assert shown & later == set()


def test_the_2565_summary_ranks_lampang_and_the_pollution_control_department_apart() -> None:
    results = [scored(path) for path in EXAMPLES if path.name.endswith("-2565.yaml")]
    [cohort] = summarize(results, CATALOGUES).cohorts
    assert [(g.id, [(m.unit_code, m.rank) for m in g.members]) for g in cohort.groups] == [
        ("province", [("TH-52", 1)]),
        ("agency", [("PCD", 1)]),
    ]
