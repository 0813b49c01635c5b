"""An assessment: one unit, one agenda, one round, scored against one rubric.

This is the file provincial teams write. The model checks its shape and
types; whether its components and indicators exist in the named rubric, and
whether it is complete, is checked by :func:`ogmp.checks.check_assessment`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, WithJsonSchema

from ogmp.models import schemas
from ogmp.models.catalogue import PROVINCE_CODE
from ogmp.models.common import (
    Flag,
    OptionalLongText,
    OptionalShortText,
    RubricId,
    ShortText,
    Slug,
    StrictModel,
    TargetLevel,
    Version,
    _preview,
    describe,
    empty_dict,
    empty_list,
    ogmp_error,
    parse_int,
    refuse_collections,
)
from ogmp.models.schemas import DIGIT
from ogmp.thai import BUDDHIST_ERA_OFFSET

NOT_APPLICABLE: Literal["n/a"] = "n/a"
_NOT_APPLICABLE_SPELLINGS = {"n/a", "na", "n.a.", "-"}


# --- level --------------------------------------------------------------------


def _level(value: Any) -> Any:
    refuse_collections(value)
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in _NOT_APPLICABLE_SPELLINGS:
        return NOT_APPLICABLE
    try:
        number = parse_int(value)
    except ValueError:
        raise ogmp_error("level.invalid", value=_preview(str(value))) from None
    if not 1 <= number <= 5:
        raise ogmp_error("level.range", value=number)
    return number


Level = Annotated[
    int | Literal["n/a"] | None,
    BeforeValidator(_level),
    WithJsonSchema(
        {
            "anyOf": [
                *schemas.integer(1, 5, schemas.LEVEL_DIGIT)["anyOf"],
                {"type": "string", "pattern": schemas.NOT_APPLICABLE},
                {"type": "null"},
            ]
        }
    ),
]
"""1-5, ``"n/a"`` (not applicable, with a reason), or None (not scored yet)."""


# --- round and date ---------------------------------------------------------------


def parse_fiscal_year(value: Any) -> int:
    year = parse_int(value)
    if 1900 <= year <= 2200:
        raise ogmp_error("round.looks_ce", value=year, suggestion=year + BUDDHIST_ERA_OFFSET)
    if not 2500 <= year <= 2700:
        raise ogmp_error("round.range", value=year)
    return year


FiscalYear = Annotated[
    int,
    BeforeValidator(parse_fiscal_year),
    WithJsonSchema(schemas.integer(2500, 2700, schemas.FISCAL_YEAR_TEXT)),
]
"""A Thai fiscal year in the Buddhist Era (2564 runs October 2020 to September 2021)."""

_ISO_DATE = re.compile(f"({DIGIT}{{4}})-({DIGIT}{{1,2}})-({DIGIT}{{1,2}})")


def parse_date(value: Any) -> dt.date | None:
    """``YYYY-MM-DD`` in C.E. or B.E.; a year above 2400 is read as B.E."""
    refuse_collections(value)
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _ISO_DATE.fullmatch(text)
    if not match:
        raise ogmp_error("type.date", value=_preview(text))
    year, month, day = (int(part) for part in match.groups())
    if year > 2400:
        year -= BUDDHIST_ERA_OFFSET
    if not 1990 <= year <= 2150:
        raise ogmp_error("date.range", value=text)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ogmp_error("date.range", value=text) from None


AssessmentDate = Annotated[
    dt.date | None,
    BeforeValidator(parse_date),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": schemas.DATE_TEXT}, {"type": "null"}]}),
]


# --- unit ------------------------------------------------------------------------

_UNIT_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")


def parse_unit_code(value: Any) -> str:
    refuse_collections(value)
    if value is None:
        raise ogmp_error("value.empty")
    text = str(value).strip()
    if not _UNIT_CODE.fullmatch(text):
        raise ogmp_error("value.unit_code", value=_preview(text))
    return text.upper() if PROVINCE_CODE.fullmatch(text.upper()) else text


UnitCode = Annotated[
    str,
    BeforeValidator(parse_unit_code),
    WithJsonSchema({"anyOf": [schemas.code(_UNIT_CODE.pattern), {"type": "number", "minimum": 0}]}),
]
UnitKind = Literal["province", "agency", "local"]
LocalType = Literal[
    "pao", "city_municipality", "town_municipality", "subdistrict_municipality", "sao", "special"
]
"""The types of local administration, each compared only with its own kind: อบจ., เทศบาลนคร,
เทศบาลเมือง, เทศบาลตำบล, อบต., and the special forms (กรุงเทพมหานคร, เมืองพัทยา)."""


def parse_parent(value: Any) -> str | None:
    refuse_collections(value)
    if value is None:
        return None
    text = str(value).strip().upper()
    if not PROVINCE_CODE.fullmatch(text):
        raise ogmp_error("value.province_code", value=_preview(str(value)))
    return text


ParentCode = Annotated[
    str | None,
    BeforeValidator(parse_parent),
    WithJsonSchema({"anyOf": [schemas.code(PROVINCE_CODE.pattern), {"type": "null"}]}),
]


class UnitName(StrictModel):
    th: ShortText = describe("ชื่อภาษาไทย เช่น จังหวัดลำปาง", "Thai name, e.g. จังหวัดลำปาง")
    en: OptionalShortText = describe(
        "ชื่อภาษาอังกฤษ (ใช้ในรายงานภาษาอังกฤษ)", "English name, for English reports", default=None
    )


class Unit(StrictModel):
    """What is assessed: a province, a central agency or a local administration."""

    code: UnitCode = describe(
        "รหัสหน่วยงาน: จังหวัดใช้รหัส ISO 3166-2 (เช่น TH-52 คือลำปาง) หน่วยงานอื่นใช้รหัสทางการ",
        "Unit code: ISO 3166-2 for provinces (TH-52 is Lampang), otherwise the official code",
    )
    kind: UnitKind = describe(
        "ประเภท: province = จังหวัด, agency = ส่วนราชการ, local = องค์กรปกครองส่วนท้องถิ่น",
        "Kind: province, agency (central government) or local (local administration)",
    )
    name: UnitName = describe("ชื่อหน่วยงาน", "Name of the unit")
    local_type: LocalType | None = describe(
        "ประเภท อปท. (เฉพาะ kind: local): pao = อบจ., city_municipality = เทศบาลนคร,"
        " town_municipality = เทศบาลเมือง, subdistrict_municipality = เทศบาลตำบล, sao = อบต.,"
        " special = กรุงเทพมหานครหรือเมืองพัทยา",
        "Type of local administration (kind: local only): pao, city_municipality,"
        " town_municipality, subdistrict_municipality, sao or special (Bangkok, Pattaya City)",
        default=None,
    )
    parent: ParentCode = describe(
        "จังหวัดที่ อปท. ตั้งอยู่ (เฉพาะ kind: local) รหัส ISO 3166-2 เช่น TH-52 คือลำปาง",
        "The province a local administration is in (kind: local only), ISO 3166-2, e.g. TH-52",
        default=None,
    )


class RubricRef(StrictModel):
    id: RubricId = describe("รหัสเกณฑ์ เช่น ogmp-8", "Rubric id, e.g. ogmp-8")
    version: Version = describe("ฉบับที่ของเกณฑ์ เช่น 1", "Rubric version, e.g. 1")


class Assessor(StrictModel):
    name: ShortText = describe("ชื่อ-นามสกุล", "Full name")
    role: OptionalShortText = describe("ตำแหน่ง หรือบทบาทในคณะทำงาน", "Position or role", default=None)
    org: OptionalShortText = describe("หน่วยงานหรือองค์กรที่สังกัด", "Organisation", default=None)


# --- evidence ---------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)
MAX_URL_LENGTH = 2000
MAX_FILE_LENGTH = 500


def _evidence_url(value: Any) -> Any:
    refuse_collections(value)
    if value is None:
        return None
    text = str(value).strip()
    if len(text) > MAX_URL_LENGTH:
        raise ogmp_error("evidence.url_too_long", length=len(text), limit=MAX_URL_LENGTH)
    if not _URL.fullmatch(text):
        raise ogmp_error("evidence.url", value=_preview(text))
    return text


_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f]")
# ``javascript:``, ``data:``, ``mailto:``, ``https:``: a link, not a file (a drive letter is one letter).
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):")


def _evidence_file(value: Any) -> Any:
    """A path relative to the assessment's folder that cannot climb out of it."""
    refuse_collections(value)
    if value is None:
        return None
    text = str(value).strip()
    scheme = _SCHEME.match(text)
    if scheme is not None:
        raise ogmp_error("evidence.file_link", value=_preview(text), scheme=scheme.group(1).lower())
    if len(text) > MAX_FILE_LENGTH:
        raise ogmp_error("value.too_long", length=len(text), limit=MAX_FILE_LENGTH)
    parts = re.split(r"[\\/]+", text)
    if (
        not text
        or text.startswith(("/", "\\", "~"))
        or re.match(r"[A-Za-z]:", text)
        or ".." in parts
        or _CONTROL_CHARACTER.search(text)
        or "://" in text
    ):
        raise ogmp_error("evidence.file", value=_preview(text))
    return text


EvidenceUrl = Annotated[
    str | None,
    BeforeValidator(_evidence_url),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": schemas.URL, "maxLength": MAX_URL_LENGTH},
                {"type": "null"},
            ]
        }
    ),
]
EvidenceFile = Annotated[
    str | None,
    BeforeValidator(_evidence_file),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": schemas.FILE}, {"type": "null"}]}),
]


class Evidence(StrictModel):
    """A link or a file that backs a level, and whether the public can see it."""

    url: EvidenceUrl = describe(
        "ลิงก์หลักฐาน ขึ้นต้นด้วย https:// (ใส่ url หรือ file อย่างใดอย่างหนึ่ง)",
        "Link to the evidence, starting with https:// (give url or file, not both)",
        default=None,
    )
    file: EvidenceFile = describe(
        "ไฟล์หลักฐาน ระบุตำแหน่งนับจากโฟลเดอร์ของแบบประเมิน เช่น evidence/minutes.pdf",
        "Evidence file, relative to the assessment's folder, e.g. evidence/minutes.pdf",
        default=None,
    )
    public: Flag = describe(
        "ประชาชนทั่วไปเข้าถึงหลักฐานนี้ได้หรือไม่ (true/false)",
        "Can the public see this evidence? (true/false)",
    )
    title: OptionalShortText = describe("ชื่อหรือคำอธิบายสั้น ๆ", "Short title", default=None)


# --- scores ----------------------------------------------------------------------


class IndicatorEntry(StrictModel):
    """A unit's answer to one indicator."""

    level: Level = describe(
        "ระดับ 1-5 หรือ n/a (ไม่เกี่ยวข้อง ต้องมี reason) เว้นว่างไว้ได้ระหว่างกรอก",
        "Level 1-5, or n/a (not applicable, with a reason); may stay empty while filling in",
        default=None,
    )
    reason: OptionalLongText = describe(
        "เหตุผลที่ตัวชี้วัดนี้ไม่เกี่ยวข้อง (เฉพาะเมื่อ level เป็น n/a)",
        "Why this indicator does not apply (only with level n/a)",
        default=None,
    )
    evidence: Annotated[list[Evidence], BeforeValidator(empty_list)] = describe(
        "หลักฐานประกอบระดับที่ให้", "Evidence for the level given", default_factory=list
    )
    note: OptionalLongText = describe("คำอธิบายสถานการณ์หรือข้อสังเกต", "Notes on the situation", default=None)

    @property
    def is_scored(self) -> bool:
        return self.level is not None


class ComponentEntry(StrictModel):
    """A unit's answers for one component, and its to-be target."""

    target: TargetLevel = describe(
        "ระดับเป้าหมาย (To-be) 1-5 ถ้าไม่ระบุจะใช้ค่าเริ่มต้นของเกณฑ์",
        "To-be target level 1-5; the rubric's default when absent",
        default=None,
    )
    note: OptionalLongText = describe(
        "สถานการณ์ ปัญหา หรือข้อสังเกตขององค์ประกอบนี้",
        "Situation, problems or remarks for this component",
        default=None,
    )
    indicators: Annotated[
        dict[Slug, Annotated[IndicatorEntry, BeforeValidator(empty_dict)]],
        BeforeValidator(empty_dict),
    ] = describe("ผลการประเมินรายตัวชี้วัด", "Answers per indicator", default_factory=dict)


class Assessment(StrictModel):
    """One assessment file."""

    unit: Unit = describe("หน่วยที่ประเมิน", "The unit assessed")
    agenda: Slug = describe(
        "รหัสวาระที่ประเมิน เช่น pm25 หรือ urban_poverty", "Agenda id, e.g. pm25 or urban_poverty"
    )
    round: FiscalYear = describe(
        "รอบการประเมิน: ปีงบประมาณ พ.ศ. เช่น 2564", "Round: fiscal year in the Buddhist Era, e.g. 2564"
    )
    rubric: RubricRef = describe("เกณฑ์และฉบับที่ใช้ประเมิน", "Rubric and version scored against")
    date: AssessmentDate = describe(
        "วันที่ประเมิน ปปปป-ดด-วว เป็น พ.ศ. หรือ ค.ศ. ก็ได้ เช่น 2564-03-22",
        "Date of the assessment, YYYY-MM-DD in B.E. or C.E., e.g. 2021-03-22",
        default=None,
    )
    assessors: Annotated[list[Assessor], BeforeValidator(empty_list)] = describe(
        "ผู้ประเมิน", "Assessors", default_factory=list
    )
    components: Annotated[
        dict[Slug, Annotated[ComponentEntry, BeforeValidator(empty_dict)]],
        BeforeValidator(empty_dict),
    ] = describe("ผลการประเมินรายองค์ประกอบ", "Scores per component", default_factory=dict)

    def entries(self) -> list[tuple[str, str, IndicatorEntry]]:
        """Every ``(component id, indicator id, entry)`` in file order."""
        return [
            (component_id, indicator_id, entry)
            for component_id, component in self.components.items()
            for indicator_id, entry in component.indicators.items()
        ]
