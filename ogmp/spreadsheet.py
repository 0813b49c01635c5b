"""The national spreadsheet: one workbook per cohort, one sheet per view, for the secretariat.

Headers are Thai then English; numbers are numbers (not text), so the sheets sort,
filter and chart as they are. The same summary gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ogmp.models.result import ActionFollowUp, ComponentResult, PlannedAction
from ogmp.national import (
    Cohort,
    ComponentColumn,
    IndicatorFigures,
    NationalMember,
    PeerGroup,
    ProvinceGroup,
    ProvinceRollUp,
    Stability,
    Trend,
    UnitRow,
)
from ogmp.tables import Column, header_row

FIXED_DATE = dt.datetime(2000, 1, 1)  # document properties, so that the bytes do not depend on the clock

SHEETS = {
    "ranking": "อันดับ ranking",
    "heatmap": "รายองค์ประกอบ heatmap",
    "components": "องค์ประกอบ components",
    "distribution": "การกระจาย distribution",
    "peers": "กลุ่มเทียบเคียง peers",
    "trends": "แนวโน้ม trends",
    "stability": "ความคงที่ stability",
    "indicators": "ตัวชี้วัด indicators",
    "actions": "กิจกรรม actions",
    "provinces": "อปท.รายจังหวัด by province",
    "local_units": "อันดับ อปท. local ranking",
}


def cohort_workbook(cohort: Cohort, members: Sequence[NationalMember]) -> bytes:
    """The workbook of ``cohort``; ``members`` give the per-component and per-indicator detail."""
    import xlsxwriter  # imported here: only ``--format xlsx`` needs it

    buffer = io.BytesIO()
    # Rows go to temporary files as they are written, not into memory: the indicators sheet of
    # 7,850 local administrations is 267,000 rows (900 MB held in memory).
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_numbers": False})
    workbook.set_properties(
        {
            "title": f"OGMP {cohort.rubric_id} v{cohort.rubric_version} {cohort.round}",
            "subject": cohort.rubric_name.th,
            "created": FIXED_DATE,
        }
    )
    header = workbook.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#EEF3FA", "border": 1}
    )
    styles = {
        "score": workbook.add_format({"num_format": "0.0"}),
        "level": workbook.add_format({"num_format": "0.00"}),
    }
    by_unit = {(m.result.unit_code, m.result.agenda): m for m in members if cohort.includes(m.result)}

    def sheet(key: str, columns: Sequence[Column[Any]], rows: Sequence[Any]) -> Any:
        worksheet = workbook.add_worksheet(SHEETS[key][:31])
        worksheet.write_row(0, 0, header_row(columns), header)
        worksheet.freeze_panes(1, 0)
        for r, row in enumerate(rows, start=1):
            for c, column in enumerate(columns):
                value = column.value(row)
                if value is None:
                    worksheet.write_blank(r, c, None)
                elif column.style is not None:
                    worksheet.write(r, c, value, styles[column.style])
                else:
                    worksheet.write(r, c, value)
        worksheet.set_column(0, max(len(columns) - 1, 0), 14)
        if rows:
            worksheet.autofilter(0, 0, len(rows), len(columns) - 1)
        return worksheet

    sheet("ranking", RANKING, cohort.units)
    heat = sheet("heatmap", heatmap_columns(cohort), cohort.units)
    if cohort.units:
        heat.conditional_format(
            1,
            3,
            len(cohort.units),
            3 + len(cohort.components),
            {
                "type": "3_color_scale",
                "min_type": "num",
                "min_value": 0,
                "mid_type": "num",
                "mid_value": 50,
                "max_type": "num",
                "max_value": 100,
                "min_color": "#F8696B",
                "mid_color": "#FFEB84",
                "max_color": "#63BE7B",
            },
        )
    component_rows: list[tuple[UnitRow, ComponentResult]] = []
    indicator_rows: list[tuple[UnitRow, IndicatorFigures]] = []
    for u in cohort.units:
        member = by_unit.get((u.unit_code, u.agenda))
        if member is None:
            continue
        component_rows.extend((u, c) for c in member.result.components)
        indicator_rows.extend((u, i) for i in member.indicators)
    sheet("components", COMPONENTS, component_rows)
    sheet("distribution", DISTRIBUTION, cohort.components)
    sheet("peers", PEERS, cohort.peers)
    rounds = sorted({year for trend in cohort.trends for year, _ in trend.points})
    sheet("trends", trend_columns(rounds), cohort.trends)
    sheet("stability", STABILITY, cohort.stability)
    sheet("indicators", INDICATORS, indicator_rows)
    action_rows: list[ActionRow] = []
    for u in cohort.units:
        member = by_unit.get((u.unit_code, u.agenda))
        if member is None:
            continue
        result = member.result
        if result.follow_up is not None:
            action_rows += [
                ActionRow(u, a, result.follow_up.plan_round, result.round) for a in result.follow_up.actions
            ]
        action_rows += [ActionRow(u, a, result.round, None) for a in result.plan]
    sheet("actions", ACTIONS, action_rows)
    if cohort.provinces:
        groups = [(province, group) for province in cohort.provinces for group in province.groups]
        sheet("provinces", PROVINCE_GROUPS, groups)
        sheet(
            "local_units",
            LOCAL_UNITS,
            [(province, group, rank, unit) for province, group in groups for rank, unit in group.members],
        )
    workbook.close()
    return buffer.getvalue()


# --- the sheets, column by column -------------------------------------------------------------

RANKING: tuple[Column[UnitRow], ...] = (
    Column("อันดับ rank", lambda u: u.rank),
    Column("รหัส code", lambda u: u.unit_code),
    Column("หน่วยงาน unit", lambda u: u.name.th),
    Column("unit (en)", lambda u: u.name.en),
    Column("กลุ่ม peer", lambda u: u.peer),
    Column("วาระ agenda", lambda u: u.agenda),
    Column("ปีงบประมาณ round", lambda u: u.round),
    Column("ดัชนี OG&MP index", lambda u: u.index, "score"),
    Column("ดัชนีตามการประเมินตนเอง self-assessed index", lambda u: u.self_index, "score"),
    Column("การรับรองผล assurance", lambda u: u.assurance),
    Column("ระดับ level", lambda u: u.level),
    Column("ช่องว่าง gap", lambda u: u.gap, "level"),
    Column("ไฟล์ file", lambda u: u.file),
)


def heatmap_columns(cohort: Cohort) -> list[Column[UnitRow]]:
    """The units' index, then a score column per component of the cohort's rubric."""

    def score_of(component: ComponentColumn) -> Column[UnitRow]:
        return Column(
            f"{component.number}. {component.name.th} ({component.id})",
            lambda u: u.scores.get(component.id),
            "score",
        )

    return [
        Column("อันดับ rank", lambda u: u.rank),
        Column("รหัส code", lambda u: u.unit_code),
        Column("หน่วยงาน unit", lambda u: u.name.th),
        Column("ดัชนี index", lambda u: u.index, "score"),
        *(score_of(component) for component in cohort.components),
    ]


COMPONENTS: tuple[Column[tuple[UnitRow, ComponentResult]], ...] = (
    Column("รหัส code", lambda row: row[0].unit_code),
    Column("หน่วยงาน unit", lambda row: row[0].name.th),
    Column("ลำดับ no.", lambda row: row[1].number),
    Column("องค์ประกอบ component", lambda row: row[1].id),
    Column("ชื่อ name", lambda row: row[1].name.th),
    Column("คะแนน score", lambda row: row[1].score, "score"),
    Column("คะแนนตามการประเมินตนเอง self-assessed score", lambda row: row[1].self_score, "score"),
    Column("ระดับเฉลี่ย mean level", lambda row: row[1].mean_level, "level"),
    Column("ระดับ level", lambda row: row[1].level),
    Column("เป้าหมาย target", lambda row: row[1].target),
    Column("ช่องว่าง gap", lambda row: row[1].gap, "level"),
    Column("ลำดับความสำคัญ priority", lambda row: row[1].priority_rank),
    Column("มีหลักฐาน % evidenced", lambda row: row[1].confidence.evidenced_percent),
    Column("หลักฐานสาธารณะ % public", lambda row: row[1].confidence.public_percent),
    Column("ความครอบคลุมของหลักฐาน evidence coverage", lambda row: row[1].confidence.label),
)


def _spread(figure: str) -> Callable[[ComponentColumn], object]:
    return lambda c: getattr(c.spread, figure) if c.spread else None


DISTRIBUTION: tuple[Column[ComponentColumn], ...] = (
    Column("ลำดับ no.", lambda c: c.number),
    Column("องค์ประกอบ component", lambda c: c.id),
    Column("ชื่อ name", lambda c: c.name.th),
    Column("จำนวน count", lambda c: c.spread.count if c.spread else 0),
    Column("ต่ำสุด min", _spread("minimum")),
    Column("ควอร์ไทล์ 1 Q1", _spread("q1")),
    Column("มัธยฐาน median", _spread("median")),
    Column("ควอร์ไทล์ 3 Q3", _spread("q3")),
    Column("สูงสุด max", _spread("maximum")),
    Column("ค่าเฉลี่ย mean", _spread("mean")),
)

PEERS: tuple[Column[PeerGroup], ...] = (
    Column("กลุ่ม peer", lambda p: p.id),
    Column("ชื่อกลุ่ม name", lambda p: p.name.th),
    Column("จำนวน count", lambda p: len(p.members)),
    Column("ต่ำสุด min", lambda p: p.spread.minimum if p.spread else None),
    Column("มัธยฐาน median", lambda p: p.spread.median if p.spread else None),
    Column("สูงสุด max", lambda p: p.spread.maximum if p.spread else None),
    Column("อันดับดีที่สุดในกลุ่ม best unit", lambda p: p.members[0].unit_code if p.members else None),
)


def trend_columns(rounds: Sequence[int]) -> list[Column[Trend]]:
    """A unit, its index in each round, and the change."""

    def in_round(year: int) -> Column[Trend]:
        return Column(f"ปีงบประมาณ {year}", lambda t: dict(t.points).get(year))

    return [
        Column("รหัส code", lambda t: t.unit_code),
        Column("หน่วยงาน unit", lambda t: t.name.th),
        Column("วาระ agenda", lambda t: t.agenda),
        *(in_round(year) for year in rounds),
        Column("เปลี่ยนแปลง change", lambda t: t.change),
    ]


STABILITY: tuple[Column[Stability], ...] = (
    Column("รหัส code", lambda s: s.unit_code),
    Column("หน่วยงาน unit", lambda s: s.name.th),
    Column("อันดับ rank", lambda s: s.rank),
    Column("ดีที่สุด best", lambda s: s.best),
    Column("แย่ที่สุด worst", lambda s: s.worst),
    Column("เปลี่ยนอันดับ moves", lambda s: "yes" if s.moves else "no"),
)

INDICATORS: tuple[Column[tuple[UnitRow, IndicatorFigures]], ...] = (
    Column("รหัส code", lambda row: row[0].unit_code),
    Column("หน่วยงาน unit", lambda row: row[0].name.th),
    Column("ตัวชี้วัด no.", lambda row: row[1].code),
    Column("id", lambda row: row[1].id),
    Column("คำถาม question", lambda row: row[1].question.th),
    Column("ระดับ level", lambda row: row[1].level),
    Column("ระดับตามการประเมินตนเอง self-assessed level", lambda row: row[1].self_level),
    Column("ผลการทบทวนไม่เป็นปัจจุบัน review stale", lambda row: row[1].review_stale),
    Column("มีข้อโต้แย้ง disputed", lambda row: row[1].disputed),
    Column("วินิจฉัยแล้ว decided", lambda row: row[1].decided),
    Column("เป้าหมาย target", lambda row: row[1].target),
    Column("ช่องว่าง gap", lambda row: row[1].gap),
    Column("หลักฐาน evidence", lambda row: row[1].evidence),
    Column("หลักฐานสาธารณะ public", lambda row: row[1].public_evidence),
)


@dataclass(frozen=True)
class ActionRow:
    """An action of a unit's plan: planned in ``plan_round``, followed up in ``followed_in``."""

    unit: UnitRow
    action: PlannedAction
    plan_round: int
    followed_in: int | None

    @property
    def followed(self) -> ActionFollowUp | None:
        return self.action if isinstance(self.action, ActionFollowUp) else None


def _followed(figure: Callable[[ActionFollowUp], object]) -> Callable[[ActionRow], object]:
    return lambda row: figure(row.followed) if row.followed is not None else None


ACTIONS: tuple[Column[ActionRow], ...] = (
    Column("รหัส code", lambda row: row.unit.unit_code),
    Column("หน่วยงาน unit", lambda row: row.unit.name.th),
    Column("แผนของปีงบประมาณ plan round", lambda row: row.plan_round),
    Column("ติดตามผลในปีงบประมาณ followed up in", lambda row: row.followed_in),
    Column("กิจกรรม action", lambda row: row.action.id),
    Column("ชื่อกิจกรรม title", lambda row: row.action.title.th),
    Column("องค์ประกอบ component", lambda row: row.action.component),
    Column("ตัวชี้วัด indicators", lambda row: ", ".join(row.action.indicators)),
    Column("ผู้รับผิดชอบ owner", lambda row: row.action.owner),
    Column("วันเริ่ม start", lambda row: row.action.start.isoformat()),
    Column("กำหนดแล้วเสร็จ due", lambda row: row.action.due.isoformat()),
    Column("งบประมาณ budget (THB)", lambda row: row.action.budget),
    Column("สถานะ status", _followed(lambda a: a.status)),
    Column(
        "วันที่รายงาน status date", _followed(lambda a: a.status_date.isoformat() if a.status_date else None)
    ),
    Column("เกินกำหนด overdue", _followed(lambda a: a.overdue)),
    Column("ตัวชี้วัดผลลัพธ์ KPIs", lambda row: len(row.action.kpis)),
    Column("ถึงเป้าหมาย KPIs reached", _followed(lambda a: sum(k.reached for k in a.kpis))),
    Column(
        "ตัวชี้วัดที่ระดับสูงขึ้น indicators rose",
        _followed(lambda a: sum(m.movement == "rose" for m in a.indicator_moves)),
    ),
)


PROVINCE_GROUPS: tuple[Column[tuple[ProvinceRollUp, ProvinceGroup]], ...] = (
    Column("จังหวัด province", lambda row: row[0].code),
    Column("ชื่อจังหวัด name", lambda row: row[0].name.th),
    Column("ประเภท อปท. type", lambda row: row[1].id.removeprefix("local:")),
    Column("ชื่อประเภท type name", lambda row: row[1].name.th),
    Column("จำนวน count", lambda row: len(row[1].members)),
    Column("ต่ำสุด min", lambda row: row[1].spread.minimum if row[1].spread else None, "score"),
    Column("มัธยฐาน median", lambda row: row[1].spread.median if row[1].spread else None, "score"),
    Column("สูงสุด max", lambda row: row[1].spread.maximum if row[1].spread else None, "score"),
    Column(
        "องค์ประกอบที่อ่อนที่สุดของจังหวัด weakest in province",
        lambda row: ", ".join(cid for cid, _ in row[0].weakest),
    ),
)

LOCAL_UNITS: tuple[Column[tuple[ProvinceRollUp, ProvinceGroup, int | None, UnitRow]], ...] = (
    Column("จังหวัด province", lambda row: row[0].code),
    Column("ประเภท อปท. type", lambda row: row[1].id.removeprefix("local:")),
    Column("อันดับในจังหวัดและประเภท rank in province and type", lambda row: row[2]),
    Column("อันดับในประเทศและประเภท rank in country and type", lambda row: row[3].rank),
    Column("รหัส code", lambda row: row[3].unit_code),
    Column("หน่วยงาน unit", lambda row: row[3].name.th),
    Column("ดัชนี OG&MP index", lambda row: row[3].index, "score"),
    Column("ระดับ level", lambda row: row[3].level),
    Column("การรับรองผล assurance", lambda row: row[3].assurance),
)
