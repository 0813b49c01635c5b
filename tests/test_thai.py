"""Thai text: how words are put side by side, dates and digits."""

from __future__ import annotations

import pytest

from ogmp.thai import glue


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("ข้อมูลจุดความร้อนจากดาวเทียม", "ของกรมควบคุมมลพิษ", "ข้อมูลจุดความร้อนจากดาวเทียมของกรมควบคุมมลพิษ"),
        ("ศูนย์กลางข้อมูลเปิดภาครัฐ data.go.th", "ของสำนักงาน", "ศูนย์กลางข้อมูลเปิดภาครัฐ data.go.th ของสำนักงาน"),
        ("ดัชนี", "Open Data Barometer", "ดัชนี Open Data Barometer"),
        ("ปี", "2567", "ปี 2567"),
        ("", "ของกรม", "ของกรม"),
        ("ข้อมูล", "", "ข้อมูล"),
    ],
)
def test_glue_spaces_only_where_thai_meets_latin(left: str, right: str, expected: str) -> None:
    assert glue(left, right) == expected
