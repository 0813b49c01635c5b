"""Thai conventions: Buddhist-Era dates, Thai digits, and telling Thai text apart."""

from __future__ import annotations

import datetime as dt
import re

from ogmp.messages import Lang

BUDDHIST_ERA_OFFSET = 543
THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_TO_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_THAI = re.compile("[\u0e01-\u0e5b]")


def thai_digits(text: str) -> str:
    """``"2564"`` -> ``"๒๕๖๔"``."""
    return text.translate(_TO_THAI_DIGITS)


def format_date(date: dt.date, lang: Lang, *, digits_thai: bool = False) -> str:
    """``22 มีนาคม 2564`` (Buddhist Era) in Thai; ``22 March 2021`` in English."""
    if lang == "th":
        text = f"{date.day} {THAI_MONTHS[date.month - 1]} {date.year + BUDDHIST_ERA_OFFSET}"
        return thai_digits(text) if digits_thai else text
    return f"{date.day} {ENGLISH_MONTHS[date.month - 1]} {date.year}"


def language_of(text: str) -> Lang:
    """``th`` for text with Thai letters in it, ``en`` otherwise (for the ``lang`` attribute)."""
    return "th" if _THAI.search(text) else "en"
