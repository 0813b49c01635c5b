"""The report's action-plan sections: the plan made from this round, and the follow-up of the
previous round's plan. Typed views built from the scored result; the templates only print them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from markupsafe import Markup

from ogmp.models.plan import STATUSES, PlanText
from ogmp.models.result import ActionFollowUp, FollowUp, KpiProgress, PlannedAction, PlannedKpi, UnitResult
from ogmp.models.rubric import Rubric
from ogmp.report.charts import TimelineRow, progress_bar, timeline_chart
from ogmp.report.formatting import Fact, Formatter, LangText
from ogmp.thai import fiscal_quarter

ActionT = TypeVar("ActionT", bound=PlannedAction)


@dataclass(frozen=True)
class KpiView:
    name: LangText
    planned: str
    """Baseline, target and which way is better, in a sentence."""
    latest: str | None = None
    progress: str | None = None
    bar: Markup | None = None
    reached: bool = False
    wrong_way: bool = False


@dataclass(frozen=True)
class ActionView:
    code: str
    title: LangText
    indicators: list[LangText]
    owner: LangText
    partners: LangText | None
    period: str
    due: str
    budget: LangText | None
    kpis: list[KpiView]
    status: str | None = None
    status_key: str | None = None
    """The status's id, for the stylesheet's colour."""
    status_short: str | None = None
    overdue: bool = False
    moves: list[str] | None = None
    note: LangText | None = None


@dataclass(frozen=True)
class ActionGroup:
    heading: str
    actions: list[ActionView]


@dataclass(frozen=True)
class PlanView:
    """The plan made from this round's assessment."""

    intro: str
    groups: list[ActionGroup]
    timeline: Markup


@dataclass(frozen=True)
class FollowUpView:
    """The previous round's plan, followed up at this round."""

    intro: str
    counts: list[Fact]
    completed_and_rose: str
    not_counted: str | None
    groups: list[ActionGroup]


def plan_view(fmt: Formatter, result: UnitResult, rubric: Rubric) -> PlanView | None:
    """The plan section of the round the plan was made in, or None without a plan."""
    if not result.plan:
        return None
    return PlanView(
        intro=fmt.label("plan_intro", count=fmt.number(len(result.plan))),
        groups=_groups(fmt, result, rubric, result.plan, lambda action: _action(fmt, action, rubric)),
        timeline=_timeline(fmt, result.plan),
    )


def follow_up_view(fmt: Formatter, result: UnitResult, rubric: Rubric) -> FollowUpView | None:
    """The follow-up section of the round after a plan, or None without one."""
    follow = result.follow_up
    if follow is None:
        return None
    counts = [
        Fact(fmt.label(f"status_{status}"), fmt.plain(fmt.number(follow.counts.get(status, 0))))
        for status in reversed(STATUSES)
    ]
    counts.append(Fact(fmt.label("overdue"), fmt.plain(fmt.number(follow.overdue))))
    return FollowUpView(
        intro=fmt.label(
            "follow_up_intro",
            round=fmt.number(follow.plan_round),
            count=fmt.number(len(follow.actions)),
            plan_date=fmt.date(follow.plan_date),
            report_date=fmt.date(follow.report_date),
        ),
        counts=counts,
        completed_and_rose=fmt.label(
            "follow_up_completed_rose",
            completed=fmt.number(follow.completed),
            rose=fmt.number(follow.completed_and_rose),
        ),
        not_counted=fmt.label("follow_up_not_counted", count=fmt.number(follow.entries_not_counted))
        if follow.entries_not_counted
        else None,
        groups=_groups(
            fmt, result, rubric, follow.actions, lambda action: _followed(fmt, action, rubric, follow, result)
        ),
    )


def _groups(
    fmt: Formatter,
    result: UnitResult,
    rubric: Rubric,
    actions: Sequence[ActionT],
    view: Callable[[ActionT], ActionView],
) -> list[ActionGroup]:
    """The actions under the heading of the component they are in, in the rubric's order."""
    groups = []
    numbers = {component.id: component.number for component in result.components}
    for component in rubric.components:
        mine = [action for action in actions if action.component == component.id]
        if mine:
            heading = fmt.label(
                "component_heading",
                number=fmt.number(numbers.get(component.id, 0)),
                name=component.name.get(fmt.lang),
            )
            groups.append(ActionGroup(heading, [view(action) for action in mine]))
    elsewhere = [action for action in actions if action.component not in rubric.components_by_id]
    if elsewhere:
        groups.append(ActionGroup(fmt.label("plan_other_indicators"), [view(action) for action in elsewhere]))
    return groups


def _text(fmt: Formatter, text: PlanText) -> LangText:
    return fmt.written(text.get(fmt.lang))


def _amount(fmt: Formatter, value: float) -> str:
    """``1,250`` or ``52.5``: thousands separated, no trailing zeros."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return fmt.digits(text)


_PERCENT_UNITS = frozenset({"ร้อยละ", "%", "percent", "per cent"})


def _measure(fmt: Formatter, value: float, unit: str) -> str:
    """A KPI value with its unit as each language writes it: ``ร้อยละ 30`` and ``30%`` for a
    share, ``1,240 จุด`` and ``1,240 hotspots`` for a count."""
    amount = _amount(fmt, value)
    if unit.strip().casefold() in _PERCENT_UNITS:
        return f"ร้อยละ {amount}" if fmt.lang == "th" else f"{amount}%"
    return f"{amount} {unit}"


def _quarter(fmt: Formatter, day: dt.date) -> str:
    fiscal_year, quarter = fiscal_quarter(day)
    return fmt.label("quarter_of_year", quarter=fmt.number(quarter), year=fmt.number(fiscal_year))


def _action(fmt: Formatter, action: PlannedAction, rubric: Rubric) -> ActionView:
    codes = rubric.indicator_codes()
    indicators = {i.id: i for c in rubric.components for i in c.indicators}
    budget = None
    if action.budget is not None:
        amount = fmt.label("budget_value", amount=_amount(fmt, action.budget))
        budget = fmt.written(f"{amount} ({action.budget_source})" if action.budget_source else amount)
    return ActionView(
        code=action.id,
        title=_text(fmt, action.title),
        indicators=[
            fmt.plain(
                f"{fmt.digits(codes[i])} {(indicators[i].short or indicators[i].question).get(fmt.lang)}"
                if i in indicators
                else i
            )
            for i in action.indicators
        ],
        owner=fmt.written(action.owner),
        partners=fmt.written(fmt.join(action.partners)) if action.partners else None,
        period=fmt.label(
            "action_period_value",
            start=fmt.date(action.start),
            due=fmt.date(action.due),
            first=_quarter(fmt, action.start),
            last=_quarter(fmt, action.due),
        ),
        due=fmt.date(action.due),
        budget=budget,
        kpis=[_kpi(fmt, kpi) for kpi in action.kpis],
    )


def _kpi(fmt: Formatter, kpi: PlannedKpi) -> KpiView:
    baseline_date = f" ({fmt.date(kpi.baseline_date)})" if kpi.baseline_date else ""
    planned = fmt.label(
        "kpi_planned",
        baseline=_measure(fmt, kpi.baseline, kpi.unit),
        baseline_date=baseline_date,
        target=_measure(fmt, kpi.target, kpi.unit),
        target_date=fmt.date(kpi.target_date),
        direction=fmt.label(f"kpi_{kpi.direction}"),
    )
    if not isinstance(kpi, KpiProgress):
        return KpiView(name=_text(fmt, kpi.name), planned=planned)
    if kpi.latest is None or kpi.latest_date is None:
        return KpiView(name=_text(fmt, kpi.name), planned=planned, latest=fmt.label("kpi_no_value"))
    latest = fmt.label(
        "kpi_latest", value=_amount(fmt, kpi.latest), unit=kpi.unit, date=fmt.date(kpi.latest_date)
    )
    wrong_way = kpi.progress is not None and kpi.progress < 0
    if kpi.progress is None:
        progress = None
    elif kpi.reached:
        progress = fmt.label("kpi_reached")
    elif wrong_way:
        progress = fmt.label("kpi_wrong_way")
    else:
        progress = fmt.label("kpi_progress", percent=fmt.number(round(kpi.progress * 100)))
    return KpiView(
        name=_text(fmt, kpi.name),
        planned=planned,
        latest=latest,
        progress=progress,
        bar=progress_bar(kpi.progress, title=progress or latest),
        reached=kpi.reached,
        wrong_way=wrong_way,
    )


def _followed(
    fmt: Formatter, action: ActionFollowUp, rubric: Rubric, follow: FollowUp, result: UnitResult
) -> ActionView:
    planned = _action(fmt, action, rubric)
    codes = rubric.indicator_codes()
    status = fmt.label(f"status_{action.status}")
    if action.status_date is not None:
        status = fmt.label("status_as_of", status=status, date=fmt.date(action.status_date))
    moves = [
        fmt.label(
            "move_line",
            code=fmt.digits(codes.get(move.id, move.id)),
            before=_level(fmt, move.before),
            after=_level(fmt, move.after),
            movement=fmt.label(f"move_{move.movement}"),
        )
        for move in action.indicator_moves
    ]
    return replace(
        planned,
        status=status,
        status_key=action.status,
        status_short=fmt.label(f"status_{action.status}"),
        overdue=action.overdue,
        moves=[
            fmt.label("moves_between", before=fmt.number(follow.plan_round), after=fmt.number(result.round)),
            *moves,
        ],
        note=fmt.written(action.note) if action.note else None,
    )


def _level(fmt: Formatter, level: int | str | None) -> str:
    if level is None:
        return "–"
    if isinstance(level, int):
        return fmt.number(level)
    return fmt.label("not_applicable")


def _timeline(fmt: Formatter, actions: Sequence[PlannedAction]) -> Markup:
    first = min(fiscal_quarter(action.start) for action in actions)
    last = max(fiscal_quarter(action.due) for action in actions)
    columns: list[tuple[int, int]] = []
    year, quarter = first
    while (year, quarter) <= last:
        columns.append((year, quarter))
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    index = {column: number for number, column in enumerate(columns)}
    years: list[tuple[str, int]] = []
    for fiscal_year in sorted({year for year, _ in columns}):
        count = sum(1 for year, _ in columns if year == fiscal_year)
        years.append((fmt.label("fiscal_year_short", year=fmt.number(fiscal_year)), count))
    return timeline_chart(
        [
            TimelineRow(action.id, index[fiscal_quarter(action.start)], index[fiscal_quarter(action.due)])
            for action in actions
        ],
        title=fmt.label("plan_timeline"),
        quarters=[fmt.label("quarter_short", quarter=fmt.number(quarter)) for _, quarter in columns],
        years=years,
    )
