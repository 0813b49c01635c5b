"""Action plans, as planned and as followed up: pure functions of a plan and the results.

The plan made from a round's assessment is shown in that round's report. At the next round
of the same unit and agenda, each action's status is the one its last progress entry on or
before the new assessment's date gives (no entry: no evidence); an action is overdue when it
was due before that date and is not complete; each KPI is placed between its baseline and its
target; and each indicator the action was to lift is compared between the two rounds' final
levels. That an indicator rose after an action was completed is described, never claimed as
its effect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ogmp.models.plan import STATUSES, Action, Kpi, Plan, Status
from ogmp.models.result import (
    ActionFollowUp,
    FollowUp,
    IndicatorMove,
    IndicatorMovement,
    KpiProgress,
    PlannedAction,
    PlannedKpi,
    UnitResult,
)


def planned_actions(plan: Plan, result: UnitResult) -> list[PlannedAction]:
    """The plan's actions as planned, each placed in the component of its first indicator."""
    return [PlannedAction(**_planned(action, result)) for action in plan.actions]


def follow_up(plan: Plan, plan_file: str, before: UnitResult | None, after: UnitResult) -> FollowUp:
    """The plan made from ``before``'s round, followed up at ``after``'s assessment date.

    ``before`` is the plan's own round when it is among the inputs; without it the
    indicators' movement is ``not_assessed``.
    """
    report_date = after.date
    actions = [_followed(action, before, after, report_date) for action in plan.actions]
    counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
    for action in actions:
        counts[action.status] += 1
    completed = [action for action in actions if action.status == "complete"]
    return FollowUp(
        plan_file=plan_file,
        plan_round=plan.plan.round,
        plan_date=plan.plan.date,
        report_date=report_date,
        actions=actions,
        counts=counts,
        overdue=sum(action.overdue for action in actions),
        completed=len(completed),
        completed_and_rose=sum(
            any(move.movement == "rose" for move in action.indicator_moves) for action in completed
        ),
        entries_not_counted=sum(
            entry.date > report_date for action in plan.actions for entry in action.progress
        ),
    )


def kpi_progress(kpi: Kpi, values: Sequence[tuple[dt.date, float]]) -> KpiProgress:
    """A KPI with the last of ``values`` (dated, in any order): how far it has come from the
    baseline toward the target, whichever way is better."""
    latest_date, latest = max(values, key=lambda pair: pair[0]) if values else (None, None)
    span = kpi.target.value - kpi.baseline.value
    progress = None if latest is None or span == 0 else round((latest - kpi.baseline.value) / span, 4)
    return KpiProgress(
        **_planned_kpi(kpi).model_dump(),
        latest=latest,
        latest_date=latest_date,
        progress=progress,
        reached=progress is not None and progress >= 1,
    )


def status_at(action: Action, report_date: dt.date) -> tuple[Status, dt.date | None, str | None]:
    """The status, date and note of the action's last progress entry on or before ``report_date``."""
    counted = [entry for entry in action.progress if entry.date <= report_date]
    if not counted:
        return "no_evidence", None, None
    last = max(counted, key=lambda entry: entry.date)
    return last.status, last.date, last.note


def movement(before: int | str | None, after: int | str | None) -> IndicatorMovement:
    """Whether an indicator's level rose, stayed or fell; ``not_assessed`` without two levels."""
    if not isinstance(before, int) or not isinstance(after, int):
        return "not_assessed"
    return "rose" if after > before else "fell" if after < before else "same"


def _followed(
    action: Action, before: UnitResult | None, after: UnitResult, report_date: dt.date
) -> ActionFollowUp:
    status, status_date, note = status_at(action, report_date)
    values: dict[str, list[tuple[dt.date, float]]] = {}
    for entry in action.progress:
        if entry.date <= report_date:
            for kpi_id, value in entry.kpis.items():
                values.setdefault(kpi_id, []).append((entry.date, value))
    levels_before = _levels(before)
    levels_after = _levels(after)
    planned = _planned(action, after)
    planned["kpis"] = [kpi_progress(kpi, values.get(kpi.id, [])) for kpi in action.kpis]
    return ActionFollowUp(
        **planned,
        status=status,
        status_date=status_date,
        overdue=action.due < report_date and status != "complete",
        note=note,
        indicator_moves=[
            IndicatorMove(
                id=indicator_id,
                before=levels_before.get(indicator_id),
                after=levels_after.get(indicator_id),
                movement=movement(levels_before.get(indicator_id), levels_after.get(indicator_id)),
            )
            for indicator_id in action.indicators
        ],
    )


def _planned(action: Action, result: UnitResult) -> dict[str, Any]:
    component_of = {i.id: c.id for c in result.components for i in c.indicators}
    return {
        "id": action.id,
        "title": action.title,
        "component": next((component_of[i] for i in action.indicators if i in component_of), ""),
        "indicators": list(action.indicators),
        "recommendation": action.recommendation,
        "owner": action.owner,
        "partners": list(action.partners),
        "start": action.start,
        "due": action.due,
        "budget": action.budget.amount if action.budget is not None else None,
        "budget_source": action.budget.source if action.budget is not None else None,
        "kpis": [_planned_kpi(kpi) for kpi in action.kpis],
    }


def _planned_kpi(kpi: Kpi) -> PlannedKpi:
    return PlannedKpi(
        id=kpi.id,
        name=kpi.name,
        unit=kpi.unit,
        direction=kpi.direction,
        baseline=kpi.baseline.value,
        baseline_date=kpi.baseline.date,
        target=kpi.target.value,
        target_date=kpi.target.date,
    )


def _levels(result: UnitResult | None) -> dict[str, int | str | None]:
    if result is None:
        return {}
    return {
        indicator.id: "n/a" if indicator.not_applicable else indicator.level
        for component in result.components
        for indicator in component.indicators
    }
