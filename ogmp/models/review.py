"""An independent review of an assessment, the unit's reply, and the secretariat's decision.

Each is a YAML file beside the assessment it is bound to, by file name and SHA-256:

* ``STEM.review.REVIEWER.yaml``: for each indicator, the level a reviewer verifies, what the
  evidence showed, why the level differs, notes (public or internal), and the unit's reply;
* ``STEM.decision.yaml``: the secretariat's final level for each disputed indicator.

Whether the indicators exist, whether the reviewer is one of the assessors and whether a
decided indicator was disputed is checked by :mod:`ogmp.checks`; what the final levels are,
by :mod:`ogmp.reviews`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from ogmp.models.assessment import AssessmentDate, Evidence, Level
from ogmp.models.common import (
    Flag,
    LongText,
    OptionalLongText,
    OptionalShortText,
    ShortText,
    Slug,
    StrictModel,
    _preview,
    describe,
    empty_dict,
    empty_list,
    ogmp_error,
    refuse_collections,
)

_SHA256 = re.compile(r"[0-9a-f]{64}")
_DIGEST = re.compile(r"[0-9a-f]{12}")


def _hex(pattern: re.Pattern[str]) -> Any:
    def parse(value: Any) -> Any:
        refuse_collections(value)
        text = "" if value is None else str(value).strip().lower()
        if not pattern.fullmatch(text):
            raise ogmp_error("review.digest", value=_preview(text))
        return text

    return BeforeValidator(parse)


Sha256 = Annotated[str, _hex(_SHA256), WithJsonSchema({"type": "string", "pattern": _SHA256.pattern})]
EntryDigest = Annotated[str, _hex(_DIGEST), WithJsonSchema({"type": "string", "pattern": _DIGEST.pattern})]

EvidenceFinding = Literal["found", "not_found", "not_public", "not_checked"]
"""What the reviewer found of the unit's evidence for an indicator."""


class Person(StrictModel):
    name: ShortText = describe("ชื่อ-นามสกุล", "Full name")
    org: ShortText = describe("หน่วยงานหรือองค์กรที่สังกัด", "Organisation")
    role: OptionalShortText = describe("ตำแหน่งหรือบทบาท", "Position or role", default=None)


class Binding(StrictModel):
    """Which assessment file a review or decision is about, as it was then."""

    assessment: ShortText = describe(
        "ชื่อไฟล์แบบประเมินที่ทบทวน (อยู่ในโฟลเดอร์เดียวกัน)", "The assessment file reviewed (same folder)"
    )
    sha256: Sha256 = describe(
        "ค่า SHA-256 ของแบบประเมินขณะทบทวน (ogmp เขียนให้ ห้ามแก้ไข)",
        "SHA-256 of the assessment when reviewed (written by ogmp; do not edit)",
    )
    date: AssessmentDate = describe("วันที่ ปปปป-ดด-วว", "Date, YYYY-MM-DD")


class ReviewHeader(Binding):
    reviewer: Person = describe("ผู้ทบทวน", "The reviewer")


class Note(StrictModel):
    text: LongText = describe("ข้อความ", "The note")
    public: Flag = describe(
        "เปิดเผยในรายงาน (true) หรือใช้ภายใน (false)", "Shown in the report (true) or internal (false)"
    )


class Reply(StrictModel):
    """The unit's answer to a reviewed level that differs from its own."""

    agree: Flag = describe("หน่วยรับการประเมินเห็นด้วยหรือไม่ (true/false)", "Does the unit agree? (true/false)")
    reason: OptionalLongText = describe("เหตุผลเมื่อไม่เห็นด้วย", "Why, when the unit does not agree", default=None)
    evidence: Annotated[list[Evidence], BeforeValidator(empty_list)] = describe(
        "หลักฐานเพิ่มเติม", "New evidence", default_factory=list
    )


class ReviewedIndicator(StrictModel):
    """A reviewer's verdict on one indicator."""

    unit_level: Level = describe(
        "ระดับที่หน่วยรับการประเมินให้ไว้ (ogmp เขียนให้)", "The unit's own level (written by ogmp)"
    )
    unit_entry: EntryDigest = describe(
        "รหัสตรวจสอบคำตอบของหน่วยรับการประเมินขณะทบทวน (ogmp เขียนให้ ห้ามแก้ไข)",
        "Digest of the unit's answer when reviewed (written by ogmp; do not edit)",
    )
    level: Level = describe(
        "ระดับที่ผู้ทบทวนยืนยัน 1-5 หรือ n/a เว้นว่างไว้ได้ถ้ายังไม่ได้ทบทวน",
        "The level the reviewer verifies, 1-5 or n/a; empty while not reviewed",
        default=None,
    )
    evidence: EvidenceFinding = describe(
        "ผลการตรวจหลักฐาน: found, not_found, not_public หรือ not_checked",
        "What the evidence showed: found, not_found, not_public or not_checked",
        default="not_checked",
    )
    reason: OptionalLongText = describe(
        "เหตุผล (จำเป็นเมื่อระดับต่างจากของหน่วยรับการประเมิน)",
        "Why (required when the level differs from the unit's)",
        default=None,
    )
    notes: Annotated[list[Note], BeforeValidator(empty_list)] = describe(
        "ข้อสังเกตของผู้ทบทวน", "The reviewer's notes", default_factory=list
    )
    reply: Reply | None = describe("คำชี้แจงของหน่วยรับการประเมิน", "The unit's reply", default=None)


class ReviewedComponent(StrictModel):
    indicators: Annotated[
        dict[Slug, Annotated[ReviewedIndicator, BeforeValidator(empty_dict)]], BeforeValidator(empty_dict)
    ] = describe("ผลการทบทวนรายตัวชี้วัด", "Verdicts per indicator", default_factory=dict)


class Review(StrictModel):
    """One reviewer's review of one assessment file."""

    review: ReviewHeader = describe("การทบทวน", "The review")
    components: Annotated[
        dict[Slug, Annotated[ReviewedComponent, BeforeValidator(empty_dict)]], BeforeValidator(empty_dict)
    ] = describe("ผลการทบทวนรายองค์ประกอบ", "Verdicts per component", default_factory=dict)

    def verdicts(self) -> dict[str, ReviewedIndicator]:
        """Every indicator's verdict, by indicator id."""
        return {
            indicator_id: verdict
            for component in self.components.values()
            for indicator_id, verdict in component.indicators.items()
        }


class DecisionHeader(Binding):
    by: Person = describe("ผู้วินิจฉัยในนามฝ่ายเลขานุการ", "Who decides, for the secretariat")


class DecidedIndicator(StrictModel):
    level: Level = describe("ระดับที่วินิจฉัย 1-5 หรือ n/a", "The level decided, 1-5 or n/a")
    note: LongText = describe("เหตุผลของการวินิจฉัย", "Why")


class DecidedComponent(StrictModel):
    indicators: Annotated[
        dict[Slug, Annotated[DecidedIndicator, BeforeValidator(empty_dict)]], BeforeValidator(empty_dict)
    ] = describe("คำวินิจฉัยรายตัวชี้วัด", "Decisions per indicator", default_factory=dict)


class Decision(StrictModel):
    """The secretariat's final levels for the disputed indicators of one assessment."""

    decision: DecisionHeader = describe("คำวินิจฉัย", "The decision")
    components: Annotated[
        dict[Slug, Annotated[DecidedComponent, BeforeValidator(empty_dict)]], BeforeValidator(empty_dict)
    ] = describe("คำวินิจฉัยรายองค์ประกอบ", "Decisions per component", default_factory=dict)

    def decided(self) -> dict[str, DecidedIndicator]:
        """Every decided indicator, by id."""
        return {
            indicator_id: decided
            for component in self.components.values()
            for indicator_id, decided in component.indicators.items()
        }


LinkOutcome = Literal["reachable", "broken", "unreachable", "refused"]
"""What checking an evidence link found: it answers; it answers with an error (404, 500);
it does not answer (no such host, time out, too large); it was not fetched (a private
address, a scheme other than http and https)."""


class LinkCheck(StrictModel):
    """One evidence link as ``ogmp evidence check`` last found it."""

    outcome: LinkOutcome
    status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    detail: str | None = None
    checked: dt.date


class LinkChecks(StrictModel):
    """The evidence links checked in a folder (``.ogmp-links.json``), by URL."""

    links: dict[str, LinkCheck] = Field(default_factory=dict)
