"""An action plan: what a unit will do about its gaps, by whom, by when, measured how.

``STEM.plan.yaml`` sits beside the assessment of the round the plan was made in
(``th-52-pm25-2564.plan.yaml`` beside ``th-52-pm25-2564.yaml``). Each action names the
indicators it is meant to lift, an owner, start and due dates, an optional budget, KPIs with a
baseline and a target, and the progress entries added as the work goes on, each with a status
on the completion scale of the OGP Independent Reporting Mechanism.

Whether dates, directions and indicators make sense is checked by :mod:`ogmp.checks`; what the
next round's follow-up shows, by :mod:`ogmp.plans`.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

from ogmp.models.assessment import AssessmentDate, Evidence, FiscalYear, UnitCode, parse_date
from ogmp.models.common import (
    LongText,
    OptionalLongText,
    OptionalShortText,
    ShortText,
    Slug,
    StrictModel,
    _preview,
    compact_number,
    describe,
    empty_dict,
    empty_list,
    ogmp_error,
    parse_number,
)
from ogmp.models.review import Person

Status = Literal["no_evidence", "not_started", "limited", "substantial", "complete"]
"""How far an action has got, on the completion scale of the OGP Independent Reporting
Mechanism: no evidence to tell, not started, limited, substantial, complete."""

STATUSES: tuple[Status, ...] = ("no_evidence", "not_started", "limited", "substantial", "complete")

Direction = Literal["higher", "lower"]
"""Which way a KPI should move: more is better (people reached), or less (hotspots)."""


def _required_date(value: Any) -> dt.date:
    parsed = parse_date(value)
    if parsed is None:
        raise ogmp_error("value.empty")
    return parsed


PlanDate = Annotated[
    dt.date,
    BeforeValidator(_required_date),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"}),
]
"""``YYYY-MM-DD`` in B.E. or C.E., required."""


def _number(value: Any) -> float:
    number = parse_number(value, thousands=True)
    if not math.isfinite(number):
        raise ogmp_error("type.number", value=_preview(str(value)))
    return number


Number = Annotated[
    float,
    BeforeValidator(_number),
    PlainSerializer(compact_number, return_type=int | float),
    WithJsonSchema({"type": "number"}),
]
"""A finite number; ``1,250`` as a spreadsheet writes it is read as 1250."""


class PlanText(StrictModel):
    """A text the team writes: Thai, and English for the English report when they have it."""

    th: LongText = describe("ภาษาไทย", "Thai")
    en: OptionalLongText = describe(
        "ภาษาอังกฤษ (ใช้ในรายงานภาษาอังกฤษ)", "English, for English reports", default=None
    )

    def get(self, lang: str) -> str:
        """The text in ``lang``; the Thai where there is no English."""
        return self.en if lang == "en" and self.en else self.th


class Baseline(StrictModel):
    value: Number = describe("ค่าฐาน", "The baseline value")
    date: AssessmentDate = describe("วันที่วัดค่าฐาน ปปปป-ดด-วว", "When it was measured, YYYY-MM-DD", default=None)
    source: OptionalShortText = describe("แหล่งที่มาของค่าฐาน", "Where the baseline comes from", default=None)


class Target(StrictModel):
    value: Number = describe("ค่าเป้าหมาย", "The target value")
    date: PlanDate = describe("วันที่ต้องถึงเป้าหมาย ปปปป-ดด-วว", "When it is to be reached, YYYY-MM-DD")


class Kpi(StrictModel):
    """A measure of an action's outcome, from a baseline to a target."""

    id: Slug = describe("รหัสตัวชี้วัด เช่น hotspots ใช้อ้างถึงในการรายงานความก้าวหน้า", "KPI id, e.g. hotspots")
    name: PlanText = describe("ชื่อตัวชี้วัด", "The KPI's name")
    unit: ShortText = describe("หน่วยนับ เช่น จุด ร้อยละ คน", "Unit of measure, e.g. hotspots, %, people")
    direction: Direction = describe(
        "ทิศทางที่ดีขึ้น: higher (ยิ่งมากยิ่งดี) หรือ lower (ยิ่งน้อยยิ่งดี)",
        "Which way is better: higher or lower",
    )
    baseline: Baseline = describe("ค่าฐาน (Baseline)", "The baseline")
    target: Target = describe("ค่าเป้าหมาย", "The target")


class Budget(StrictModel):
    amount: Number = describe("งบประมาณ (บาท)", "Budget in baht")
    source: OptionalShortText = describe("แหล่งงบประมาณ", "Source of funds", default=None)


class ProgressEntry(StrictModel):
    """Where an action stood on a date."""

    date: PlanDate = describe("วันที่รายงาน ปปปป-ดด-วว", "Date of this entry, YYYY-MM-DD")
    status: Status = describe(
        "สถานะ: no_evidence, not_started, limited, substantial หรือ complete",
        "Status: no_evidence, not_started, limited, substantial or complete",
    )
    kpis: Annotated[dict[Slug, Number], BeforeValidator(empty_dict)] = describe(
        "ค่าตัวชี้วัด ณ วันที่รายงาน เช่น hotspots: 480",
        "KPI values on that date, e.g. hotspots: 480",
        default_factory=dict,
    )
    evidence: Annotated[list[Evidence], BeforeValidator(empty_list)] = describe(
        "หลักฐานความก้าวหน้า", "Evidence of progress", default_factory=list
    )
    note: OptionalLongText = describe("คำอธิบาย", "Note", default=None)


class Action(StrictModel):
    """One thing the unit will do: who, with whom, from when to when, measured how."""

    id: Slug = describe("รหัสกิจกรรม เช่น a1", "Action id, e.g. a1")
    title: PlanText = describe("ชื่อกิจกรรม", "What will be done")
    indicators: Annotated[list[Slug], BeforeValidator(empty_list), Field(min_length=1)] = describe(
        "ตัวชี้วัดของเกณฑ์ที่กิจกรรมนี้ยกระดับ", "The rubric's indicators this action is to lift"
    )
    recommendation: OptionalShortText = describe(
        "ข้อเสนอในรายงานที่กิจกรรมนี้มาจาก (ogmp เขียนให้)",
        "The report's recommendation this action comes from (written by ogmp)",
        default=None,
    )
    owner: ShortText = describe("หน่วยงานหรือสำนักงานที่รับผิดชอบ", "The office responsible")
    partners: Annotated[list[ShortText], BeforeValidator(empty_list)] = describe(
        "หน่วยงานร่วมดำเนินการ", "Partners", default_factory=list
    )
    start: PlanDate = describe("วันเริ่ม ปปปป-ดด-วว", "Start date, YYYY-MM-DD")
    due: PlanDate = describe("วันแล้วเสร็จตามแผน ปปปป-ดด-วว", "Due date, YYYY-MM-DD")
    budget: Budget | None = describe("งบประมาณ", "Budget", default=None)
    kpis: Annotated[list[Kpi], BeforeValidator(empty_list)] = describe(
        "ตัวชี้วัดผลลัพธ์ของกิจกรรม", "The action's KPIs", default_factory=list
    )
    progress: Annotated[list[ProgressEntry], BeforeValidator(empty_list)] = describe(
        "ความก้าวหน้า เพิ่มรายการเมื่อมีความคืบหน้า",
        "Progress entries, added as the work goes on",
        default_factory=list,
    )


class PlanHeader(StrictModel):
    """Which unit, agenda and round the plan is for, and when it was adopted."""

    assessment: ShortText = describe(
        "ชื่อไฟล์แบบประเมินของรอบที่จัดทำแผน (อยู่ในโฟลเดอร์เดียวกัน)",
        "The assessment file of the round the plan was made in (same folder)",
    )
    unit: UnitCode = describe("รหัสหน่วยรับการประเมิน เช่น TH-52", "The unit's code, e.g. TH-52")
    agenda: Slug = describe("รหัสวาระ เช่น pm25", "Agenda id, e.g. pm25")
    round: FiscalYear = describe("ปีงบประมาณของการประเมินที่ใช้จัดทำแผน", "The round the plan was made in")
    date: PlanDate = describe("วันที่ให้ความเห็นชอบแผน ปปปป-ดด-วว", "Date the plan was adopted, YYYY-MM-DD")
    approved_by: Person | None = describe("ผู้ให้ความเห็นชอบแผน", "Who approved the plan", default=None)


class Plan(StrictModel):
    """One unit's action plan for one agenda, made from one round's assessment."""

    plan: PlanHeader = describe("แผนปฏิบัติการ", "The plan")
    actions: Annotated[list[Action], BeforeValidator(empty_list)] = describe(
        "กิจกรรมตามแผน", "The plan's actions", default_factory=list
    )
