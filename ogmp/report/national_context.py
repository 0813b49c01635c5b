"""The typed context of the national summary report, one language at a time."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ogmp.messages import Lang
from ogmp.national import Cohort, Spread
from ogmp.report.charts import BoxRow, box_chart
from ogmp.report.context import Field, Text
from ogmp.thai import format_date, thai_digits

Labels = Mapping[str, object]


@dataclass(frozen=True)
class Cell:
    text: str
    style: str


@dataclass(frozen=True)
class RankRow:
    rank: str
    unit: Text
    code: str
    peer: Text
    index: str
    level: str
    bar: str  # width of the index bar, as a CSS percentage
    cells: list[Cell]


@dataclass(frozen=True)
class PeerView:
    name: Text
    summary: str
    members: list[str]


@dataclass(frozen=True)
class TrendView:
    unit: Text
    code: str
    values: list[str]
    change: str


@dataclass(frozen=True)
class MoveView:
    unit: Text
    rank: str
    best: str
    worst: str


@dataclass(frozen=True)
class NationalContext:
    lang: Lang
    labels: Labels
    title: str
    running_head: str
    cover: list[Field]
    spread: str
    levels: list[Field]
    components: list[Text]
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


def heat_style(score: float | None) -> str:
    """A background colour from red (0) through yellow (50) to green (100)."""
    if score is None:
        return "background-color: #eceff3"
    low, mid, high = (248, 105, 107), (255, 235, 132), (99, 190, 123)
    start, end, t = (low, mid, score / 50) if score <= 50 else (mid, high, (score - 50) / 50)
    red, green, blue = (round(a + (b - a) * t) for a, b in zip(start, end, strict=True))
    return f"background-color: #{red:02x}{green:02x}{blue:02x}"


def build_national_context(
    cohort: Cohort,
    labels: Labels,
    *,
    lang: Lang,
    report_date: dt.date,
    digits_thai: bool = False,
    created: dt.datetime | None = None,
) -> NationalContext:
    """The national summary of ``cohort`` in ``lang``."""

    def label(key: str, **params: object) -> str:
        template = labels[key]
        assert isinstance(template, str)
        return template.format(**params)

    thai = digits_thai and lang == "th"

    def number(value: float | int | None, places: int = 1) -> str:
        if value is None:
            return "–"
        text = f"{value:.{places}f}" if places else str(value)
        return thai_digits(text) if thai else text

    def spread_text(value: Spread | None) -> str:
        if value is None:
            return "–"
        return label(
            "spread_text",
            min=number(value.minimum),
            q1=number(value.q1),
            median=number(value.median),
            q3=number(value.q3),
            max=number(value.maximum),
            mean=number(value.mean),
        )

    def name(value: object) -> Text:
        text = getattr(value, lang)
        return Text(str(text), lang)

    round_text = label(
        "round_value",
        year=number(cohort.round, 0),
        start=f"October {cohort.round - 544}",
        end=f"September {cohort.round - 543}",
    )
    rubric_text = label(
        "rubric_value", name=cohort.rubric_name.get(lang), version=number(cohort.rubric_version, 0)
    )
    peer_names = {peer.id: peer.name for peer in cohort.peers}
    ranking = [
        RankRow(
            rank=number(row.rank, 0),
            unit=name(row.name),
            code=row.unit_code,
            peer=name(peer_names[row.peer]),
            index=number(row.index),
            level=number(row.level, 0),
            bar=f"{max(0.0, min(100.0, row.index or 0.0)):.1f}%",
            cells=[
                Cell(
                    f"{number(row.scores.get(c.id))} ({number(row.levels.get(c.id), 0)})"
                    if row.scores.get(c.id) is not None
                    else "–",
                    heat_style(row.scores.get(c.id)),
                )
                for c in cohort.components
            ],
        )
        for row in cohort.units
    ]
    counts = Counter(row.level for row in cohort.units if row.level is not None)
    levels = [
        Field(
            f"{number(level, 0)} {cohort.level_names[level].get(lang)}",
            Text(label("n_units", count=number(counts.get(level, 0), 0)), lang),
        )
        for level in sorted(cohort.level_names)
    ]
    boxes = (
        box_chart(
            [
                BoxRow(
                    f"{number(c.number, 0)}. {c.name.get(lang)}",
                    c.spread.minimum,
                    c.spread.q1,
                    c.spread.median,
                    c.spread.q3,
                    c.spread.maximum,
                    label("box_count", count=number(c.spread.count, 0)),
                )
                for c in cohort.components
                if c.spread is not None
            ],
            title=label("distributions"),
            axis_labels=[number(step, 0) for step in (0, 25, 50, 75, 100)],
        )
        if any(c.spread for c in cohort.components)
        else None
    )
    peers = [
        PeerView(
            name=name(peer.name),
            summary=label(
                "peer_summary",
                count=number(len(peer.members), 0),
                median=number(peer.spread.median if peer.spread else None),
                min=number(peer.spread.minimum if peer.spread else None),
                max=number(peer.spread.maximum if peer.spread else None),
            ),
            members=[f"{number(m.rank, 0)}. {m.name.get(lang)} {number(m.index)}" for m in peer.members],
        )
        for peer in cohort.peers
    ]
    rounds = sorted({year for trend in cohort.trends for year, _ in trend.points})
    trends = [
        TrendView(
            unit=name(trend.name),
            code=trend.unit_code,
            values=[number(dict(trend.points).get(year)) for year in rounds],
            change=("+" if (trend.change or 0) > 0 else "") + number(trend.change),
        )
        for trend in cohort.trends
    ]
    moving = [s for s in cohort.stability if s.moves]
    stable = len(cohort.stability) - len(moving)
    return NationalContext(
        lang=lang,
        labels=labels,
        title=f"{label('national_title')}: {cohort.agenda_name.get(lang)}, {round_text}",
        running_head=f"{label('national_title')} · {cohort.agenda_name.get(lang)} · {round_text}",
        cover=[
            Field(label("agenda"), Text(cohort.agenda_name.get(lang), lang)),
            Field(label("rubric"), Text(rubric_text, lang)),
            Field(label("round"), Text(round_text, lang)),
            Field(label("units_assessed"), Text(label("n_units", count=number(len(cohort.units), 0)), lang)),
            Field(label("report_date"), Text(format_date(report_date, lang, digits_thai=thai), lang)),
        ],
        spread=spread_text(cohort.index_spread),
        levels=levels,
        components=[Text(f"{number(c.number, 0)}. {c.name.get(lang)}", lang) for c in cohort.components],
        ranking=ranking,
        boxes=boxes,
        peers=peers,
        trend_rounds=[number(year, 0) for year in rounds],
        trends=trends,
        stability_intro=label("stability_intro", scenarios=number(cohort.scenarios, 0)),
        stability_summary=(
            label("stability_all")
            if not moving
            else label("stability_some", stable=number(stable, 0), total=number(len(cohort.stability), 0))
        ),
        moves=[
            MoveView(name(s.name), number(s.rank, 0), number(s.best, 0), number(s.worst, 0)) for s in moving
        ],
        method=[str(p) for p in labels["national_method"]]
        if isinstance(labels["national_method"], list)
        else [],
        page_label=label("page"),
        of_label=label("of"),
        thai_digits=thai,
        created=created.isoformat() if created else "",
    )


NumberFormat = Callable[[float | int | None, int], str]
