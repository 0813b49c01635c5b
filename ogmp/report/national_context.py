"""The typed context of the national summary report, one language at a time."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from ogmp.messages import Lang
from ogmp.national import Cohort, Completion, ProvinceRollUp, Spread, UnitRow
from ogmp.report.charts import BoxRow, box_chart
from ogmp.report.formatting import Fact, Formatter, Labels, LangText
from ogmp.thai import sorted_by_name


@dataclass(frozen=True)
class Cell:
    text: str
    band: str
    """The class colouring the cell (:func:`heat_class`)."""


@dataclass(frozen=True)
class RankRow:
    rank: str
    unit: LangText
    code: str
    peer: LangText
    index: str
    level: str
    bar: str  # width of the index bar, as a CSS percentage
    cells: list[Cell]
    self_assessed: bool = False
    """Its index is its own, not reviewed: marked in the ranking."""


@dataclass(frozen=True)
class DivergenceRow:
    unit: LangText
    code: str
    self_index: str
    index: str
    mean_difference: str
    moved: str
    runs_high: bool


@dataclass(frozen=True)
class CompletionRow:
    name: LangText
    code: str
    actions: str
    complete: str
    rate: str
    overdue: str


@dataclass(frozen=True)
class PeerView:
    name: LangText
    summary: str
    members: list[str]


@dataclass(frozen=True)
class TrendView:
    unit: LangText
    code: str
    values: list[str]
    change: str


@dataclass(frozen=True)
class MoveView:
    unit: LangText
    rank: str
    best: str
    worst: str


@dataclass(frozen=True)
class RankingView:
    """One ranking group's table, or, for a group too large to list, its summary alone."""

    name: LangText
    summary: str
    rows: list[RankRow]
    listed: bool


@dataclass(frozen=True)
class ProvinceRow:
    """A province's local administrations in one line of the national summary."""

    name: LangText
    code: str
    count: str
    median: str
    range: str
    weakest: str


@dataclass(frozen=True)
class NationalContext:
    lang: Lang
    labels: Labels
    title: str
    running_head: str
    cover: list[Fact]
    spread: str
    levels: list[Fact]
    components: list[LangText]
    ranking: list[RankRow]
    boxes: Markup | None
    peers: list[PeerView]
    trend_rounds: list[str]
    trends: list[TrendView]
    stability_intro: str
    stability_summary: str
    moves: list[MoveView]
    method: list[str]
    page_label: str
    of_label: str
    thai_digits: bool
    created: str
    terms: frozenset[str] = frozenset()
    divergence: list[DivergenceRow] = field(default_factory=list)
    agreement: str = ""
    follow_up_units: list[CompletionRow] = field(default_factory=list)
    follow_up_components: list[CompletionRow] = field(default_factory=list)
    follow_up_summary: str = ""
    self_assessed_note: str = ""
    ranking_groups: list[RankingView] = field(default_factory=list)
    provinces: list[ProvinceRow] = field(default_factory=list)


LISTED_UNITS = 100
"""A ranking group of more units than this is summarised, not listed unit by unit: its units'
places are in the workbook and in each province's roll-up."""
QUARTILES_FROM = 5
"""Quartiles and box plots of fewer units than this mean nothing; the summary gives the range."""


def build_national_context(
    cohort: Cohort,
    labels: Labels,
    *,
    lang: Lang,
    report_date: dt.date,
    thai_digits: bool = False,
    created: dt.datetime | None = None,
    terms: frozenset[str] = frozenset(),
) -> NationalContext:
    """The national summary of ``cohort`` in ``lang``."""
    fmt = Formatter.of(lang, labels, thai_digits=thai_digits)

    round_text = fmt.fiscal_year(cohort.round)
    rubric_text = fmt.label(
        "rubric_value", name=cohort.rubric_name.get(lang), version=fmt.number(cohort.rubric_version)
    )
    peer_names = {peer.id: peer.name for peer in cohort.peers}
    listed_groups = {group.id for group in cohort.groups if len(group.members) <= LISTED_UNITS}
    listed_codes = {row.unit_code for row in cohort.units if row.group in listed_groups or not cohort.groups}
    rows_of = {
        row.unit_code: _rank_row(
            fmt, cohort, row, row.rank, peer=fmt.text(peer_names[row.peer]), with_levels=True
        )
        for row in cohort.units
        if row.unit_code in listed_codes
    }
    ranking = list(rows_of.values())
    ranking_groups = [
        RankingView(
            name=fmt.text(group.name),
            summary=fmt.label(
                "group_summary" if group.id in listed_groups else "group_summary_unlisted",
                units=fmt.units(len(group.members)),
                spread=_spread_text(fmt, group.spread),
            ),
            rows=[rows_of[row.unit_code] for row in group.members if row.unit_code in rows_of],
            listed=group.id in listed_groups,
        )
        for group in cohort.groups
    ]
    component_names = _component_names(fmt, cohort, lang)
    provinces = [
        ProvinceRow(
            name=fmt.text(province.name),
            code=province.code,
            count=fmt.number(province.count),
            median=fmt.number(province.spread.median if province.spread else None, 1),
            range=fmt.label(
                "range_value",
                min=fmt.number(province.spread.minimum if province.spread else None, 1),
                max=fmt.number(province.spread.maximum if province.spread else None, 1),
            ),
            weakest=", ".join(component_names[cid] for cid, _ in province.weakest),
        )
        for province in sorted_by_name(cohort.provinces, lambda p: p.name.get(lang), lang)
    ]
    counts = Counter(row.level for row in cohort.units if row.level is not None)
    levels = [
        Fact(
            f"{fmt.number(level)} {cohort.level_names[level].get(lang)}",
            fmt.plain(fmt.units(counts.get(level, 0))),
        )
        for level in sorted(cohort.level_names)
    ]
    boxes = (
        box_chart(
            [
                BoxRow(
                    f"{fmt.number(c.number)}. {c.name.get(lang)}",
                    c.spread.minimum,
                    c.spread.q1,
                    c.spread.median,
                    c.spread.q3,
                    c.spread.maximum,
                    fmt.label("box_count", count=fmt.number(c.spread.count)),
                )
                for c in cohort.components
                if c.spread is not None
            ],
            title=fmt.label("distributions"),
            axis_labels=[fmt.number(step) for step in (0, 25, 50, 75, 100)],
        )
        if any(c.spread and c.spread.count >= QUARTILES_FROM for c in cohort.components)
        else None
    )
    peers = [
        PeerView(
            name=fmt.text(peer.name),
            summary=fmt.label(
                "peer_summary",
                units=fmt.units(len(peer.members)),
                median=fmt.number(peer.spread.median if peer.spread else None, 1),
                min=fmt.number(peer.spread.minimum if peer.spread else None, 1),
                max=fmt.number(peer.spread.maximum if peer.spread else None, 1),
            ),
            members=[
                f"{fmt.number(m.rank)}. {m.name.get(lang)} {fmt.number(m.index, 1)}" for m in peer.members
            ]
            if len(peer.members) <= LISTED_UNITS
            else [],
        )
        for peer in cohort.peers
    ]
    rounds = sorted({year for trend in cohort.trends for year, _ in trend.points})
    trends = [
        TrendView(
            unit=fmt.text(trend.name),
            code=trend.unit_code,
            values=[fmt.number(dict(trend.points).get(year), 1) for year in rounds],
            change=("+" if (trend.change or 0) > 0 else "") + fmt.number(trend.change, 1),
        )
        for trend in cohort.trends
        if trend.unit_code in listed_codes
    ]
    moving = [s for s in cohort.stability if s.moves]
    stable = len(cohort.stability) - len(moving)
    agenda = cohort.agenda_name.get(lang)
    return NationalContext(
        lang=lang,
        labels=fmt.shown_labels(),
        title=f"{fmt.label('national_title')}: {agenda}, {round_text}",
        running_head=f"{fmt.label('national_title')} · {agenda} · {round_text}",
        cover=[
            Fact(fmt.label("agenda"), fmt.plain(agenda)),
            Fact(fmt.label("rubric"), fmt.plain(rubric_text)),
            Fact(fmt.label("round"), fmt.plain(round_text)),
            Fact(
                fmt.label("units_assessed"),
                fmt.plain(fmt.units(len(cohort.units))),
            ),
            Fact(fmt.label("report_date"), fmt.plain(fmt.date(report_date))),
        ],
        spread=_spread_text(fmt, cohort.index_spread),
        levels=levels,
        components=[fmt.plain(f"{fmt.number(c.number)}. {c.name.get(lang)}") for c in cohort.components],
        ranking=ranking,
        boxes=boxes,
        peers=peers,
        trend_rounds=[fmt.label("trend_round", year=fmt.number(year)) for year in rounds],
        trends=trends,
        stability_intro=fmt.label("stability_intro", scenarios=fmt.number(cohort.scenarios)),
        stability_summary=(
            fmt.label("stability_all")
            if not moving
            else fmt.label("stability_none")
            if not stable
            else fmt.label(
                "stability_some", stable=fmt.number(stable), total=fmt.number(len(cohort.stability))
            )
        ),
        moves=[
            MoveView(fmt.text(s.name), fmt.number(s.rank), fmt.number(s.best), fmt.number(s.worst))
            for s in moving
            if s.unit_code in listed_codes
        ],
        ranking_groups=ranking_groups
        if len(ranking_groups) > 1 or any(not group.listed for group in ranking_groups)
        else [],
        provinces=provinces,
        divergence=divergence_rows(fmt, cohort),
        agreement=agreement_text(fmt, cohort),
        follow_up_units=completion_rows(fmt, cohort.follow_up.units, codes=True) if cohort.follow_up else [],
        follow_up_components=completion_rows(fmt, cohort.follow_up.components, codes=False)
        if cohort.follow_up
        else [],
        follow_up_summary=fmt.label(
            "national_follow_up_rose",
            completed=fmt.number(cohort.follow_up.completed),
            rose=fmt.number(cohort.follow_up.completed_and_rose),
        )
        if cohort.follow_up
        else "",
        self_assessed_note=fmt.label("self_assessed_note")
        if any(row.assurance in ("self_assessed", "links_checked") for row in cohort.units)
        else "",
        method=fmt.paragraphs("national_method"),
        page_label=fmt.label("page"),
        of_label=fmt.label("of"),
        thai_digits=fmt.thai_digits,
        created=created.isoformat() if created else "",
        terms=terms,
    )


def divergence_rows(fmt: Formatter, cohort: Cohort) -> list[DivergenceRow]:
    """Per reviewed unit, its own index beside the final one and how far its levels moved."""
    index_of = {row.unit_code: row for row in cohort.units}
    return [
        DivergenceRow(
            unit=fmt.text(item.name),
            code=item.unit_code,
            self_index=fmt.number(index_of[item.unit_code].self_index, 1),
            index=fmt.number(index_of[item.unit_code].index, 1),
            mean_difference=fmt.number(item.mean_difference, 2),
            moved=fmt.label("percent", value=fmt.number(round(item.moved * 100))),
            runs_high=item.runs_high,
        )
        for item in cohort.divergence
    ]


def completion_rows(fmt: Formatter, items: Sequence[Completion], *, codes: bool) -> list[CompletionRow]:
    """Per unit (with its code) or per component, its followed-up actions and how many are complete."""
    return [
        CompletionRow(
            name=fmt.text(item.name),
            code=item.key if codes else "",
            actions=fmt.number(item.actions),
            complete=fmt.number(item.complete),
            rate=fmt.label("percent", value=fmt.number(round(item.rate * 100))),
            overdue=fmt.number(item.overdue),
        )
        for item in items
    ]


def agreement_text(fmt: Formatter, cohort: Cohort) -> str:
    """How far reviewers agree, or that no unit had two reviewers."""
    found = cohort.agreement
    if found is None:
        return fmt.label("agreement_none") if cohort.divergence else ""
    return fmt.label(
        "agreement_value",
        pairs=fmt.number(found.pairs),
        judgements=fmt.number(found.judgements),
        within_one=fmt.label("percent", value=fmt.number(round((found.within_one or 0) * 100))),
        kappa=fmt.number(found.kappa, 2) if found.kappa is not None else "–",
    )


@dataclass(frozen=True)
class RollUpGroup:
    """The local administrations of one type in the province, ranked among themselves."""

    name: LangText
    summary: str
    rows: list[RankRow]


@dataclass(frozen=True)
class RollUpContext:
    """One province's picture of its local administrations, in one language."""

    lang: Lang
    labels: Labels
    title: str
    running_head: str
    cover: list[Fact]
    spread: str
    weakest: list[str]
    components: list[LangText]
    groups: list[RollUpGroup]
    method: list[str]
    page_label: str
    of_label: str
    thai_digits: bool
    created: str
    terms: frozenset[str] = frozenset()


def build_roll_up_context(
    cohort: Cohort,
    province: ProvinceRollUp,
    labels: Labels,
    *,
    lang: Lang,
    report_date: dt.date,
    thai_digits: bool = False,
    created: dt.datetime | None = None,
    terms: frozenset[str] = frozenset(),
) -> RollUpContext:
    """The roll-up of ``province``'s local administrations in ``cohort``, in ``lang``."""
    fmt = Formatter.of(lang, labels, thai_digits=thai_digits)
    round_text = fmt.fiscal_year(cohort.round)
    agenda = cohort.agenda_name.get(lang)
    name = province.name.get(lang)
    component_names = _component_names(fmt, cohort, lang)

    return RollUpContext(
        lang=lang,
        labels=fmt.shown_labels(),
        title=f"{fmt.label('roll_up_title', province=name)}: {agenda}, {round_text}",
        running_head=f"{fmt.label('roll_up_title', province=name)} · {agenda} · {round_text}",
        cover=[
            Fact(fmt.label("province"), fmt.plain(f"{name} ({province.code})")),
            Fact(fmt.label("agenda"), fmt.plain(agenda)),
            Fact(fmt.label("round"), fmt.plain(round_text)),
            Fact(
                fmt.label("local_units"),
                fmt.plain(fmt.units(province.count)),
            ),
            Fact(fmt.label("report_date"), fmt.plain(fmt.date(report_date))),
        ],
        spread=_spread_text(fmt, province.spread),
        weakest=[
            fmt.label("weakest_component", name=component_names[cid], median=fmt.number(median, 1))
            for cid, median in province.weakest
        ],
        components=[fmt.plain(component_names[c.id]) for c in cohort.components],
        groups=[
            RollUpGroup(
                name=fmt.text(group.name),
                summary=fmt.label(
                    "group_summary",
                    units=fmt.units(len(group.members)),
                    spread=_spread_text(fmt, group.spread),
                ),
                rows=[
                    _rank_row(fmt, cohort, unit, rank, peer=fmt.plain(""), with_levels=False)
                    for rank, unit in group.members
                ],
            )
            for group in province.groups
        ],
        method=fmt.paragraphs("roll_up_method"),
        page_label=fmt.label("page"),
        of_label=fmt.label("of"),
        thai_digits=fmt.thai_digits,
        created=created.isoformat() if created else "",
        terms=terms,
    )


def _component_names(fmt: Formatter, cohort: Cohort, lang: Lang) -> dict[str, str]:
    """``1. การจัดทำฐานข้อมูล…`` by component id."""
    return {c.id: f"{fmt.number(c.number)}. {c.name.get(lang)}" for c in cohort.components}


def _rank_row(
    fmt: Formatter, cohort: Cohort, row: UnitRow, rank: int | None, *, peer: LangText, with_levels: bool
) -> RankRow:
    """One unit's line of a ranking and its heatmap: each component's score, with its level
    where there is room (the national summary's heatmap; not the roll-up's narrower one)."""

    def cell_text(component_id: str) -> str:
        score = row.scores.get(component_id)
        if score is None:
            return "–"
        if with_levels:
            return f"{fmt.number(score, 1)} ({fmt.number(row.levels.get(component_id))})"
        return fmt.number(score, 1)

    return RankRow(
        rank=fmt.number(rank),
        unit=fmt.text(row.name),
        code=row.unit_code,
        peer=peer,
        index=fmt.number(row.index, 1),
        level=fmt.number(row.level),
        bar=f"{max(0.0, min(100.0, row.index or 0.0)):.1f}%",
        self_assessed=row.assurance in ("self_assessed", "links_checked"),
        cells=[Cell(cell_text(c.id), heat_class(row.scores.get(c.id))) for c in cohort.components],
    )


def heat_class(score: float | None) -> str:
    """A score's band of the heat scale, as a class the stylesheet colours (in steps of 12.5)."""
    if score is None:
        return "heat-none"
    return f"heat-{min(8, int(score // 12.5))}"


def _spread_text(fmt: Formatter, value: Spread | None) -> str:
    if value is None:
        return "–"
    figures = {
        "min": value.minimum,
        "q1": value.q1,
        "median": value.median,
        "q3": value.q3,
        "max": value.maximum,
        "mean": value.mean,
    }
    if value.count == 1:
        return fmt.label("spread_text_single", value=fmt.number(value.median, 1))
    shown = {key: fmt.number(figure, 1) for key, figure in figures.items()}
    return fmt.label("spread_text_few" if value.count < QUARTILES_FROM else "spread_text", **shown)
