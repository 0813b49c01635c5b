"""``ogmp init``: a commented assessment file for a team to fill in.

The scaffold lists every component and indicator of the rubric, with the
question and what each level looks like written as comments in the team's
language, so that the file itself is the guide.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

from pydantic_core import PydanticCustomError

from ogmp.checks import did_you_mean
from ogmp.diagnostics import shown
from ogmp.errors import OutputError, UsageError
from ogmp.messages import Lang, Message
from ogmp.models.assessment import UnitKind, parse_fiscal_year, parse_unit_code
from ogmp.models.catalogue import PROVINCE_CODE, Agenda, Province
from ogmp.models.rubric import Rubric
from ogmp.output import write_atomic, write_new
from ogmp.registry import Registry
from ogmp.schema import schema_file_name, schema_text
from ogmp.yamlsource import parse_yaml

COMMENT_WIDTH = 92

# Fixed texts of the scaffold, in the team's language.
_TEXT: dict[str, tuple[str, str]] = {
    "title": (
        "Assessment of the Open Government and Meaningful Participation (OGMP) ecosystem",
        "แบบประเมินระบบนิเวศภาครัฐระบบเปิดและการมีส่วนร่วมอย่างมีความหมาย (OGMP)",
    ),
    "rubric": ("Rubric: {name} ({id}, version {version})", "เกณฑ์: {name} ({id} ฉบับที่ {version})"),
    "how": ("How to fill in this file", "วิธีกรอก"),
    "how.level": (
        "Give every indicator a level from 1 to 5, using the level descriptions written above it."
        " If an indicator does not apply to your unit, write n/a and add 'reason:' saying why.",
        "ให้ระดับ (level) ทุกตัวชี้วัด เป็นเลข 1 ถึง 5 โดยเทียบกับคำอธิบายระดับที่เขียนไว้เหนือตัวชี้วัด"
        " ถ้าตัวชี้วัดใดไม่เกี่ยวข้องกับหน่วยงาน ให้ใส่ n/a และเพิ่ม 'reason:' อธิบายเหตุผล",
    ),
    "how.evidence": (
        "Back each level with evidence: a link (url) or a file (file), and say whether the public"
        " can see it (public: true or false).",
        "แนบหลักฐาน (evidence) ประกอบระดับที่ให้ เป็นลิงก์ (url) หรือไฟล์ (file)"
        " และระบุว่าประชาชนเข้าถึงได้หรือไม่ (public: true หรือ false)",
    ),
    "how.target": (
        "Set the to-be target of each component (target: 1-5); left empty, the rubric's default applies.",
        "กำหนดระดับเป้าหมาย (To-be) ของแต่ละองค์ประกอบ (target: 1-5) ถ้าเว้นว่างจะใช้ค่าเริ่มต้นของเกณฑ์",
    ),
    "how.check": (
        "While filling in, check with: ogmp validate --partial {file}   When done: ogmp validate {file}",
        "ระหว่างกรอก ตรวจได้ด้วยคำสั่ง ogmp validate --partial {file}   กรอกเสร็จแล้วตรวจด้วย ogmp validate {file}",
    ),
    "how.yaml": (
        "Indent with spaces, never tabs. Put text containing ': ' or starting with a symbol in quotes.",
        "ย่อหน้าด้วยการเว้นวรรคเท่านั้น ห้ามใช้ปุ่ม Tab ข้อความที่มี ': ' หรือขึ้นต้นด้วยสัญลักษณ์ให้ใส่ในเครื่องหมายคำพูด",
    ),
    "kind": (
        "province = province, agency = central agency, local = local administration",
        "province = จังหวัด, agency = ส่วนราชการ, local = องค์กรปกครองส่วนท้องถิ่น",
    ),
    "round": ("fiscal year (B.E.)", "ปีงบประมาณ (พ.ศ.)"),
    "date": (
        "date of the assessment, e.g. 2021-03-22 (B.E. 2564-03-22 also works)",
        "วันที่ประเมิน เช่น 2564-03-22 (ใช้ปี ค.ศ. ก็ได้)",
    ),
    "assessors": ("who assessed, at least one person, e.g.:", "ผู้ประเมิน อย่างน้อย 1 คน เช่น"),
    "assessor.name": ("Ms Example Name", "นางสาวตัวอย่าง ใจดี"),
    "assessor.role": ("Head of the Provincial Office", "หัวหน้าสำนักงานจังหวัด"),
    "assessor.org": ("Provincial Office", "สำนักงานจังหวัด"),
    "target": (
        "to-be target 1-5; empty = the rubric's default ({default})",
        "ระดับเป้าหมาย (To-be) 1-5 เว้นว่าง = ค่าเริ่มต้นของเกณฑ์ ({default})",
    ),
    "component.note": ("situation, problems or remarks", "สถานการณ์ ปัญหา หรือข้อสังเกต"),
    "level": ("1-5, or n/a with reason:", "1-5 หรือ n/a พร้อม reason:"),
    "evidence": (
        "- url: https://...  (or file: ...)  then  public: true/false",
        "- url: https://...  (หรือ file: ...)  และ public: true/false",
    ),
    "note": ("what the level rests on", "คำอธิบายประกอบระดับที่ให้"),
    "evidence_hint": ("Evidence: {text}", "หลักฐานที่ควรแนบ: {text}"),
    "principles": ("Principles: {names}", "หลักการ: {names}"),
    "stage": ("Policy-cycle stage: {name}", "ขั้นตอนการมีส่วนร่วม: {name}"),
}


def _t(key: str, lang: Lang, **params: object) -> str:
    english, thai = _TEXT[key]
    return (thai if lang == "th" else english).format(**params)


@dataclass(frozen=True)
class ScaffoldRequest:
    """What the team asked ``ogmp init`` for."""

    unit_code: str
    unit_kind: UnitKind
    name_th: str
    name_en: str | None
    agenda: Agenda
    round: int
    rubric: Rubric
    lang: Lang
    file_name: str
    schema_file: str


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar that reads back as exactly the same text."""
    try:
        data, _ = parse_yaml(f"k: {value}\n", "<scaffold>")
        if isinstance(data, dict) and data.get("k") == value and "#" not in value:
            return value
    except Exception:
        pass
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str, indent: int, lang: Lang, prefix: str = "") -> list[str]:
    pad = " " * indent
    lines = textwrap.wrap(
        " ".join(text.split()),
        width=COMMENT_WIDTH - indent - 2,
        initial_indent=prefix,
        subsequent_indent=" " * len(prefix),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [f"{pad}# {line}".rstrip() for line in lines]


def _with_comment(line: str, comment: str, column: int = 30) -> str:
    return f"{line.ljust(column)}# {comment}"


def render_scaffold(request: ScaffoldRequest) -> str:
    """The scaffold's text: valid YAML that ``ogmp validate --partial`` accepts."""
    lang, rubric = request.lang, request.rubric
    name = rubric.name.get(lang)
    out: list[str] = [f"# yaml-language-server: $schema={request.schema_file}", "#"]
    out += _comment(_t("title", lang), 0, lang)
    out += _comment(_t("rubric", lang, name=name, id=rubric.id, version=rubric.version), 0, lang)
    out += ["#", f"# {_t('how', lang)}"]
    for key in ("how.level", "how.evidence", "how.target", "how.yaml"):
        out += _comment(_t(key, lang), 0, lang, prefix="- ")
    out += _comment(_t("how.check", lang, file=request.file_name), 0, lang, prefix="- ")
    out.append("")

    out += [
        "unit:",
        f"  code: {yaml_scalar(request.unit_code)}",
        _with_comment(f"  kind: {request.unit_kind}", _t("kind", lang)),
        "  name:",
        f"    th: {yaml_scalar(request.name_th)}",
        f"    en: {yaml_scalar(request.name_en)}" if request.name_en else "    en:",
        _with_comment(f"agenda: {request.agenda.id}", request.agenda.name.get(lang)),
        _with_comment(f"round: {request.round}", _t("round", lang)),
        "rubric:",
        f"  id: {rubric.id}",
        f"  version: {rubric.version}",
        _with_comment("date:", _t("date", lang)),
        _with_comment("assessors:", _t("assessors", lang)),
        f"  # - name: {_t('assessor.name', lang)}",
        f"  #   role: {_t('assessor.role', lang)}",
        f"  #   org: {_t('assessor.org', lang)}",
        "",
        "components:",
    ]
    level_names = rubric.levels
    principle_names = {principle.id: principle.name for principle in rubric.principles}
    stage_names = {stage.id: stage.name for stage in rubric.stages}
    for c_index, component in enumerate(rubric.components, start=1):
        title = f"{c_index}. {component.name.get(lang)}"
        out += ["", f"  # ══ {title} ══"]
        out += _comment(component.definition.get(lang), 2, lang)
        out.append(f"  {component.id}:")
        out.append(_with_comment("    target:", _t("target", lang, default=rubric.target_for(component))))
        out.append(_with_comment("    note:", _t("component.note", lang)))
        out.append("    indicators:")
        for i_index, indicator in enumerate(component.indicators, start=1):
            out.append("")
            out += _comment(f"{c_index}.{i_index} {indicator.question.get(lang)}", 6, lang)
            for level, descriptor in indicator.levels.items():
                prefix = f"  {level} {level_names[level].get(lang)}: "
                out += _comment(descriptor.get(lang), 6, lang, prefix=prefix)
            tags = ", ".join(
                principle_names[p].get(lang) for p in indicator.principles if p in principle_names
            )
            out += _comment(_t("principles", lang, names=tags), 6, lang, prefix="  ")
            if indicator.stage in stage_names:
                out += _comment(
                    _t("stage", lang, name=stage_names[indicator.stage].get(lang)),
                    6,
                    lang,
                    prefix="  ",
                )
            if indicator.evidence_hint is not None:
                out += _comment(
                    _t("evidence_hint", lang, text=indicator.evidence_hint.get(lang)),
                    6,
                    lang,
                    prefix="  ",
                )
            out.append(f"      {indicator.id}:")
            out.append(_with_comment("        level:", _t("level", lang)))
            out.append(_with_comment("        evidence:", _t("evidence", lang)))
            out.append(_with_comment("        note:", _t("note", lang)))
    return "\n".join(out) + "\n"


def scaffold_file_name(unit_code: str, agenda_id: str, fiscal_year: int) -> str:
    """A file name that sorts well and is safe everywhere: ``th-52-pm25-2564.yaml``."""
    return f"{unit_code.lower()}-{agenda_id.replace('_', '-')}-{fiscal_year}.yaml"


# --- ogmp init ----------------------------------------------------------------------


@dataclass(frozen=True)
class InitResult:
    """What ``ogmp init`` wrote."""

    path: Path
    schema_path: Path | None
    components: int
    indicators: int


def province_unit_name(province: Province) -> tuple[str, str]:
    """How a province is named as a unit: ``จังหวัดลำปาง`` / ``Lampang Province``."""
    special = {"TH-10": ("กรุงเทพมหานคร", "Bangkok"), "TH-S": ("เมืองพัทยา", "Pattaya City")}
    if province.code in special:
        return special[province.code]
    return f"จังหวัด{province.name.th}", f"{province.name.en} Province"


def _usage(error: PydanticCustomError) -> UsageError:
    return UsageError(Message(error.type, **(error.context or {})))


def init_assessment(
    registry: Registry,
    *,
    unit_code: str,
    agenda_id: str,
    fiscal_year: int,
    rubric_id: str,
    rubric_version: int | None,
    kind: UnitKind | None,
    name: str | None,
    name_en: str | None,
    out: Path | None,
    lang: Lang,
) -> InitResult:
    """Write a scaffold for one unit, agenda and round; never overwrite a file."""
    try:
        code = parse_unit_code(unit_code)
        year = parse_fiscal_year(fiscal_year)
    except PydanticCustomError as error:
        raise _usage(error) from None
    catalogues = registry.catalogues
    agenda = catalogues.agendas.by_id.get(agenda_id)
    if agenda is None:
        agendas = catalogues.agendas.by_id
        raise UsageError(
            Message(
                "agenda.unknown",
                value=agenda_id,
                hint=did_you_mean(agenda_id, agendas),
                available=", ".join(agendas),
            )
        )

    province = catalogues.provinces.by_code.get(code)
    if province is not None:
        if kind not in (None, "province"):
            raise UsageError(Message("unit.province_kind", value=code))
        kind = "province"
        default_th, default_en = province_unit_name(province)
        name, name_en = name or default_th, name_en or default_en
    elif PROVINCE_CODE.fullmatch(code) or kind == "province":
        raise UsageError(Message("unit.province_unknown", value=code))
    elif kind is None:
        raise UsageError(Message("init.unit_unknown", value=code))
    elif not name:
        raise UsageError(Message("init.name_required"))

    found = registry.find(rubric_id, rubric_version)
    if isinstance(found, Message):
        raise UsageError(found)
    if found.rubric is None:
        raise UsageError(
            Message(
                "rubric.unusable",
                rubric_id=rubric_id,
                version=found.version,
                path=shown(found.path),
            )
        )
    rubric = found.rubric

    file_name = scaffold_file_name(code, agenda.id, year)
    path = out if out is not None else Path(file_name)
    if path.is_dir():
        path = path / file_name
    schema_name = schema_file_name(rubric)
    request = ScaffoldRequest(
        unit_code=code,
        unit_kind=kind,
        name_th=name,
        name_en=name_en,
        agenda=agenda,
        round=year,
        rubric=rubric,
        lang=lang,
        file_name=shown(path),
        schema_file=schema_name,
    )
    if path.exists():
        raise OutputError(Message("output.exists", path=shown(path)))
    schema_path = path.parent / schema_name
    written_schema = None
    if not schema_path.exists():
        write_atomic(schema_path, schema_text(rubric, registry.catalogues).encode("utf-8"))
        written_schema = schema_path
    write_new(path, render_scaffold(request))
    return InitResult(
        path=path,
        schema_path=written_schema,
        components=len(rubric.components),
        indicators=len(rubric.indicators_by_id),
    )
