"""The national spreadsheet: one workbook per cohort, one sheet per view, for the secretariat.

Headers are Thai then English; numbers are numbers (not text), so the sheets sort,
filter and chart as they are. The same summary gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from ogmp.models.result import UnitResult
from ogmp.national import Cohort

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
}


def cohort_workbook(cohort: Cohort, results: Sequence[UnitResult]) -> bytes:
    """The workbook of ``cohort``; ``results`` give the per-component and per-indicator detail."""
    import xlsxwriter  # imported here: only ``--format xlsx`` needs it

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
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
    number = workbook.add_format({"num_format": "0.0"})
    level = workbook.add_format({"num_format": "0.00"})
    members = {(r.unit_code, r.agenda): r for r in results if cohort.includes(r)}

    def sheet(
        key: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], formats: dict[int, Any] | None = None
    ) -> Any:
        worksheet = workbook.add_worksheet(SHEETS[key][:31])
        worksheet.write_row(0, 0, headers, header)
        worksheet.freeze_panes(1, 0)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                fmt = (formats or {}).get(c)
                if value is None:
                    worksheet.write_blank(r, c, None)
                elif fmt is not None:
                    worksheet.write(r, c, value, fmt)
                else:
                    worksheet.write(r, c, value)
        worksheet.set_column(0, max(len(headers) - 1, 0), 14)
        if rows:
            worksheet.autofilter(0, 0, len(rows), len(headers) - 1)
        return worksheet

    sheet(
        "ranking",
        [
            "อันดับ rank",
            "รหัส code",
            "หน่วยงาน unit",
            "unit (en)",
            "กลุ่ม peer",
            "วาระ agenda",
            "ปีงบประมาณ round",
            "ดัชนี OGMP index",
            "ระดับ level",
            "ช่องว่าง gap",
            "ไฟล์ file",
        ],
        [
            [
                u.rank,
                u.unit_code,
                u.name.th,
                u.name.en,
                u.peer,
                u.agenda,
                u.round,
                u.index,
                u.level,
                u.gap,
                u.file,
            ]
            for u in cohort.units
        ],
        {7: number, 9: level},
    )
    heat = sheet(
        "heatmap",
        ["อันดับ rank", "รหัส code", "หน่วยงาน unit", "ดัชนี index"]
        + [f"{c.number}. {c.name.th} ({c.id})" for c in cohort.components],
        [
            [u.rank, u.unit_code, u.name.th, u.index] + [u.scores.get(c.id) for c in cohort.components]
            for u in cohort.units
        ],
        {3: number, **{4 + i: number for i in range(len(cohort.components))}},
    )
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
    component_rows = []
    indicator_rows = []
    for u in cohort.units:
        result = members.get((u.unit_code, u.agenda))
        if result is None:
            continue
        for c in result.components:
            component_rows.append(
                [
                    u.unit_code,
                    u.name.th,
                    c.number,
                    c.id,
                    c.name.th,
                    c.score,
                    c.mean_level,
                    c.level,
                    c.target,
                    c.gap,
                    c.priority_rank,
                    c.confidence.evidenced_percent,
                    c.confidence.public_percent,
                    c.confidence.label,
                ]
            )
            for i in c.indicators:
                indicator_rows.append(
                    [
                        u.unit_code,
                        u.name.th,
                        i.code,
                        i.id,
                        i.question.th,
                        "n/a" if i.not_applicable else i.level,
                        i.target,
                        i.gap,
                        i.evidence,
                        i.public_evidence,
                    ]
                )
    sheet(
        "components",
        [
            "รหัส code",
            "หน่วยงาน unit",
            "ลำดับ no.",
            "องค์ประกอบ component",
            "ชื่อ name",
            "คะแนน score",
            "ระดับเฉลี่ย mean level",
            "ระดับ level",
            "เป้าหมาย target",
            "ช่องว่าง gap",
            "ลำดับความสำคัญ priority",
            "มีหลักฐาน % evidenced",
            "หลักฐานสาธารณะ % public",
            "ความเชื่อมั่น confidence",
        ],
        component_rows,
        {5: number, 6: level, 9: level},
    )
    sheet(
        "distribution",
        [
            "ลำดับ no.",
            "องค์ประกอบ component",
            "ชื่อ name",
            "จำนวน count",
            "ต่ำสุด min",
            "ควอร์ไทล์ 1 Q1",
            "มัธยฐาน median",
            "ควอร์ไทล์ 3 Q3",
            "สูงสุด max",
            "ค่าเฉลี่ย mean",
        ],
        [
            [c.number, c.id, c.name.th]
            + (
                [
                    c.spread.count,
                    c.spread.minimum,
                    c.spread.q1,
                    c.spread.median,
                    c.spread.q3,
                    c.spread.maximum,
                    c.spread.mean,
                ]
                if c.spread
                else [0, None, None, None, None, None, None]
            )
            for c in cohort.components
        ],
    )
    sheet(
        "peers",
        [
            "กลุ่ม peer",
            "ชื่อกลุ่ม name",
            "จำนวน count",
            "ต่ำสุด min",
            "มัธยฐาน median",
            "สูงสุด max",
            "อันดับดีที่สุดในกลุ่ม best unit",
        ],
        [
            [p.id, p.name.th, len(p.members)]
            + ([p.spread.minimum, p.spread.median, p.spread.maximum] if p.spread else [None, None, None])
            + [p.members[0].unit_code if p.members else None]
            for p in cohort.peers
        ],
    )
    rounds = sorted({year for trend in cohort.trends for year, _ in trend.points})
    sheet(
        "trends",
        ["รหัส code", "หน่วยงาน unit", "วาระ agenda"]
        + [f"ปีงบประมาณ {year}" for year in rounds]
        + ["เปลี่ยนแปลง change"],
        [
            [t.unit_code, t.name.th, t.agenda] + [dict(t.points).get(year) for year in rounds] + [t.change]
            for t in cohort.trends
        ],
    )
    sheet(
        "stability",
        ["รหัส code", "หน่วยงาน unit", "อันดับ rank", "ดีที่สุด best", "แย่ที่สุด worst", "เปลี่ยนอันดับ moves"],
        [
            [s.unit_code, s.name.th, s.rank, s.best, s.worst, "yes" if s.moves else "no"]
            for s in cohort.stability
        ],
    )
    sheet(
        "indicators",
        [
            "รหัส code",
            "หน่วยงาน unit",
            "ตัวชี้วัด no.",
            "id",
            "คำถาม question",
            "ระดับ level",
            "เป้าหมาย target",
            "ช่องว่าง gap",
            "หลักฐาน evidence",
            "หลักฐานสาธารณะ public",
        ],
        indicator_rows,
    )
    workbook.close()
    return buffer.getvalue()
