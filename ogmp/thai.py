"""Thai conventions: Buddhist-Era dates, Thai digits, and telling Thai text apart."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

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
T = TypeVar("T")
_TO_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_THAI = re.compile("[\u0e01-\u0e5b]")


def to_thai_digits(text: str) -> str:
    """``"2564"`` -> ``"๒๕๖๔"``."""
    return text.translate(_TO_THAI_DIGITS)


_WORD = re.compile(r"\S+")
_LATIN = re.compile(r"[A-Za-z]")


def thai_digits_in_prose(text: str) -> str:
    """``text`` with Thai digits in its words of figures (``พ.ศ. ๒๕๔๐``, ``มาตรา ๗๗``, ``๐.๘๓๕๑``),
    while a word with a Latin letter keeps its digits: codes, names and addresses such as
    PM2.5, TH-52, SHA-256, 4th or data.go.th."""
    return _WORD.sub(lambda word: word[0] if _LATIN.search(word[0]) else to_thai_digits(word[0]), text)


def format_date(date: dt.date, lang: Lang, *, thai_digits: bool = False) -> str:
    """``22 มีนาคม 2564`` (Buddhist Era) in Thai; ``22 March 2021`` in English."""
    if lang == "th":
        text = f"{date.day} {THAI_MONTHS[date.month - 1]} {date.year + BUDDHIST_ERA_OFFSET}"
        return to_thai_digits(text) if thai_digits else text
    return f"{date.day} {ENGLISH_MONTHS[date.month - 1]} {date.year}"


def fiscal_year_span(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a Thai fiscal year (B.E.): 2564 runs 1 October 2020 to 30 September 2021."""
    year = fiscal_year - BUDDHIST_ERA_OFFSET
    return dt.date(year - 1, 10, 1), dt.date(year, 9, 30)


def fiscal_quarter(day: dt.date) -> tuple[int, int]:
    """The Thai fiscal year (B.E.) and quarter of ``day``: 1 October 2021 is quarter 1 of 2565."""
    fiscal_year = day.year + BUDDHIST_ERA_OFFSET + (1 if day.month >= 10 else 0)
    return fiscal_year, (day.month - 10) % 12 // 3 + 1


def language_of(text: str) -> Lang:
    """``th`` for text with Thai letters in it, ``en`` otherwise (for the ``lang`` attribute)."""
    return "th" if _THAI.search(text) else "en"


def sorted_by_name(items: Iterable[T], name: Callable[[T], str], lang: Lang) -> list[T]:
    """``items`` in the order a reader of ``lang`` looks them up: Thai dictionary order
    (เชียงใหม่ under ช, before ลำปาง), or English alphabetical order."""
    listed = list(items)
    if lang != "th":
        return sorted(listed, key=lambda item: name(item).casefold())
    from pythainlp.util import collate  # imported here: only reports sort Thai names

    order = {text: place for place, text in enumerate(collate({name(item) for item in listed}))}
    return sorted(listed, key=lambda item: order[name(item)])


def glue(left: str, right: str) -> str:
    """``left`` and ``right`` as Thai writes them side by side: no space between two Thai
    words (``ข้อมูลจากดาวเทียมของกรม``), a space where Thai meets Latin or digits
    (``data.go.th ของ``)."""
    if left and right and _is_thai(left[-1]) and _is_thai(right[0]):
        return left + right
    return f"{left} {right}" if left and right else left + right


def _is_thai(char: str) -> bool:
    return "\u0e01" <= char <= "\u0e5b"


# Compounds a Thai reader reads as one word, which the general dictionary splits
# (การ|มีส่วนร่วม): the programme's own terms, and names of bodies, places and laws.
COMPOUNDS = frozenset(
    {
        "การมีส่วนร่วม",
        "อย่างมีความหมาย",
        "ภาครัฐระบบเปิด",
        "ระบบนิเวศ",
        "พระราชบัญญัติ",
        "ข้อมูลข่าวสาร",
        "กรุงเทพมหานคร",
        "ผู้ว่าราชการจังหวัด",
        "องค์กรปกครองส่วนท้องถิ่น",
        "สำนักงานจังหวัด",
        "หน่วยงาน",
        "หน่วยรับการประเมิน",
        "องค์ประกอบ",
        "ตัวชี้วัด",
        "ประชาสังคม",
        "ภาคประชาสังคม",
        "ภาคส่วน",
        "ภาคเอกชน",
        "มีส่วนร่วม",
        "ฝุ่นละออง",
        "องค์ประกอบที่",
        "ตัวชี้วัดที่",
        "อันดับที่",
        "ฉบับที่",
        "ครั้งที่",
        "ผู้ว่าราชการกรุงเทพมหานคร",
        "ผู้ว่าราชการ",
        "สำนักงานเขต",
        "ราชการ",
        "ภาครัฐ",
        "ข้อเสนอ",
        "ยกระดับ",
        "ระดับความพร้อม",
        "ดัชนีสากล",
        "ช่องว่าง",
        "เป้าหมาย",
        "ความโปร่งใส",
        "ความรับผิดชอบ",
        "บันทึกข้อตกลง",
        "ข้อบัญญัติ",
        "ปีงบประมาณ",
        "คณะกรรมการ",
        "คณะทำงาน",
        "สำนักงาน ก.พ.ร.",
    }
)


@functools.cache
def _segmenter() -> Callable[[str], list[str]]:
    # PyThaiNLP's dictionary tokeniser, with the compounds above added to its dictionary:
    # imported and its dictionary built (about half a second) once per process, by the first
    # text that has Thai words to split.
    from pythainlp.corpus.common import thai_words
    from pythainlp.tokenize import word_tokenize
    from pythainlp.util import dict_trie

    dictionary = dict_trie(thai_words() | COMPOUNDS)
    return functools.partial(word_tokenize, custom_dict=dictionary, engine="newmm", keep_whitespace=True)


def segment(text: str, terms: frozenset[str] = frozenset()) -> list[str]:
    """``text`` cut into Thai words (and the runs of other characters and spaces between them),
    the pieces joined giving ``text`` back. A word of the dictionary's cut that begins one of
    ``terms`` (names a report must keep whole) is taken with the whole term, and what follows
    is cut again: "มีส่วน|ร่วมใน" becomes "มีส่วนร่วม|ใน". The dictionary stays the same for
    every text, so that a text is always cut the same way."""
    if not terms:
        return _segmenter()(text)
    starting = _terms_by_first_letter(terms)
    pieces: list[str] = []
    rest = text
    while rest:
        tokens = _segmenter()(rest)
        offset, cut_again = 0, False
        for token in tokens:
            longer = (
                term
                for term in starting.get(rest[offset], ())
                if len(term) > len(token) and rest.startswith(term, offset)
            )
            term = next(longer, None)
            if term is None:
                pieces.append(token)
                offset += len(token)
                continue
            pieces.append(term)
            rest, cut_again = rest[offset + len(term) :], True
            break
        if not cut_again:
            break
    return pieces


@functools.cache
def _terms_by_first_letter(terms: frozenset[str]) -> dict[str, tuple[str, ...]]:
    by_letter: dict[str, list[str]] = {}
    for term in terms:
        by_letter.setdefault(term[0], []).append(term)
    return {letter: tuple(sorted(group, key=len, reverse=True)) for letter, group in by_letter.items()}


def break_points(text: str) -> list[str]:
    """``text`` cut where a line may break: at spaces, and between two Thai words. The pieces
    joined give ``text`` back; a piece that is only spaces may be dropped at a line's end."""
    if not _THAI.search(text):
        return re.split(r"(\s+)", text)
    pieces: list[str] = []
    for token in _segmenter()(text):
        glued = pieces and not token.isspace() and not pieces[-1].isspace()
        # Only two Thai words meet at a break; ``100:`` or ``https://`` stays whole.
        if glued and not (_is_thai(pieces[-1][-1]) and _is_thai(token[0])):
            pieces[-1] += token
        else:
            pieces.append(token)
    return pieces
