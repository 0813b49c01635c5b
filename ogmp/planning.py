"""``ogmp plan init``: the action plan a unit's team fills in, from its report's recommendations.

Each recommendation chosen for the unit becomes an action with the indicators it lifts, its
driver and the levels it starts from as comments; the team names the owner, the dates and the
KPIs, removes what it will not do and adds what the report did not suggest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ogmp import filenames
from ogmp.diagnostics import shown
from ogmp.errors import InvalidInputError, OutputError
from ogmp.messages import Lang, Message, tr
from ogmp.output import write_atomic, write_new
from ogmp.registry import Registry
from ogmp.scaffold import comment_lines, yaml_scalar
from ogmp.schema import PLAN_SCHEMA, companion_schema_text
from ogmp.thai import BUDDHIST_ERA_OFFSET
from ogmp.validate import validate_file


@dataclass(frozen=True)
class WrittenPlan:
    """What ``plan init`` wrote."""

    path: Path
    schema_path: Path | None
    actions: int


def init_plan(
    registry: Registry, assessment: Path, *, today: dt.date | None = None, lang: Lang = "th"
) -> WrittenPlan:
    """Write ``STEM.plan.yaml`` beside ``assessment`` with an action for each recommendation
    of the unit's report that lifts an indicator from the level it is at; never overwrite one."""
    from ogmp.assess import score_checked

    day = today or dt.date.today()
    path = assessment.with_name(filenames.plan_name(assessment.name))
    if path.exists():
        raise OutputError(Message("companion.exists", path=shown(path)))
    checked = validate_file(assessment, registry, today=day)
    if not checked.ok or checked.assessment is None or checked.rubric is None or checked.document is None:
        raise InvalidInputError(checked.errors or checked.problems)
    result = score_checked(checked, registry)
    unit = checked.assessment.unit
    rubric = checked.rubric
    codes = rubric.indicator_codes()
    drivers = {driver.id: driver.name for driver in rubric.drivers}
    levels = {i.id: i for c in result.components for i in c.indicators}
    unit_name = unit.name.th if lang == "th" else unit.name.en or unit.name.th
    lines = ["# yaml-language-server: $schema=" + PLAN_SCHEMA, "#"]
    lines += comment_lines(tr("plan.scaffold.title", lang, unit=unit_name, round=result.round), 0, lang)
    lines += ["#", f"# {tr('scaffold.how', lang)}"]
    for key in ("plan.scaffold.how", "plan.scaffold.how.kpi", "plan.scaffold.how.progress"):
        lines += comment_lines(tr(key, lang), 0, lang, prefix="- ")
    lines += comment_lines(tr("plan.scaffold.how.check", lang, file=assessment.name), 0, lang, prefix="- ")
    lines += [
        "",
        "plan:",
        f"  assessment: {yaml_scalar(assessment.name)}",
        f"  unit: {unit.code}",
        f"  agenda: {checked.assessment.agenda}",
        f"  round: {checked.assessment.round}",
        f"  date: {_be(day)}  # {tr('plan.scaffold.date', lang)}",
        f"  # approved_by:  # {tr('plan.scaffold.approved_by', lang)}",
        "  #   name:",
        "  #   org:",
        "  #   role:",
        "actions:",
    ]
    # A plan is for the next step: the recommendations that lift an indicator from the level it
    # is at now, not those for the levels after it.
    next_steps = [
        recommendation
        for recommendation in result.recommendations
        if any(
            indicator_id in levels and levels[indicator_id].level == recommendation.from_level
            for indicator_id in recommendation.indicators
        )
    ]
    for number, recommendation in enumerate(next_steps, start=1):
        lifted = ", ".join(
            tr(
                "plan.scaffold.lifts",
                lang,
                code=codes.get(indicator_id, indicator_id),
                level=levels[indicator_id].level if indicator_id in levels else "-",
                target=levels[indicator_id].target if indicator_id in levels else "-",
            )
            for indicator_id in recommendation.indicators
        )
        driver = drivers.get(recommendation.driver)
        lines += [""]
        lines += comment_lines(
            tr(
                "plan.scaffold.from",
                lang,
                id=recommendation.id,
                driver=driver.get(lang) if driver is not None else recommendation.driver,
                lifts=lifted,
            ),
            2,
            lang,
        )
        lines += [
            f"  - id: a{number}",
            "    title:",
            f"      th: {yaml_scalar(recommendation.text.th)}",
            f"      en: {yaml_scalar(recommendation.text.en)}",
            f"    indicators: [{', '.join(recommendation.indicators)}]",
            f"    recommendation: {recommendation.id}",
            f"    owner:          # {tr('plan.scaffold.owner', lang)}",
            f"    partners: []    # {tr('plan.scaffold.partners', lang)}",
            f"    start:          # {tr('plan.scaffold.start', lang)}",
            f"    due:            # {tr('plan.scaffold.due', lang)}",
            f"    # budget:       # {tr('plan.scaffold.budget', lang)}",
            "    #   amount:",
            "    #   source:",
            f"    kpis:           # {tr('plan.scaffold.kpis', lang)}",
            "    #  - id: kpi1",
            "    #    name: {th: ..., en: ...}",
            "    #    unit: ...",
            "    #    direction: higher",
            "    #    baseline: {value: 0, date: " + _be(day) + ", source: ...}",
            "    #    target: {value: 0, date: " + _be(day + dt.timedelta(days=365)) + "}",
            f"    progress:       # {tr('plan.scaffold.progress', lang)}",
        ]
    schema_path = assessment.parent / PLAN_SCHEMA
    written_schema = None
    if not schema_path.exists():
        write_atomic(schema_path, companion_schema_text("plan").encode("utf-8"))
        written_schema = schema_path
    write_new(path, "\n".join(lines) + "\n")
    return WrittenPlan(path, written_schema, len(next_steps))


def _be(day: dt.date) -> str:
    return f"{day.year + BUDDHIST_ERA_OFFSET}-{day.month:02d}-{day.day:02d}"
