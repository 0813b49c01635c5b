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
from typing import cast, get_args

from pydantic_core import PydanticCustomError

from ogmp import filenames
from ogmp.checks import did_you_mean
from ogmp.diagnostics import shown
from ogmp.errors import OutputError, UsageError
from ogmp.messages import Lang, Message, tr
from ogmp.models.assessment import UnitKind, parse_fiscal_year, parse_unit_code
from ogmp.models.catalogue import PROVINCE_CODE, Agenda
from ogmp.models.rubric import Rubric
from ogmp.options import parse_choice
from ogmp.output import write_atomic, write_new
from ogmp.registry import Registry
from ogmp.schema import schema_file_name, schema_text
from ogmp.yamlsource import parse_yaml

COMMENT_WIDTH = 92


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


def comment_lines(text: str, indent: int, lang: Lang, prefix: str = "") -> list[str]:
    """``text`` as YAML comment lines, wrapped at spaces, indented by ``indent``."""
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
    out += comment_lines(tr("scaffold.title", lang), 0, lang)
    out += comment_lines(
        tr("scaffold.rubric", lang, name=name, id=rubric.id, version=rubric.version), 0, lang
    )
    out += ["#", f"# {tr('scaffold.how', lang)}"]
    for key in ("how.level", "how.evidence", "how.target", "how.yaml"):
        out += comment_lines(tr(f"scaffold.{key}", lang), 0, lang, prefix="- ")
    out += comment_lines(tr("scaffold.how.check", lang, file=request.file_name), 0, lang, prefix="- ")
    out.append("")

    out += [
        "unit:",
        f"  code: {yaml_scalar(request.unit_code)}",
        _with_comment(f"  kind: {request.unit_kind}", tr("scaffold.kind", lang)),
        "  name:",
        f"    th: {yaml_scalar(request.name_th)}",
        f"    en: {yaml_scalar(request.name_en)}" if request.name_en else "    en:",
        _with_comment(f"agenda: {request.agenda.id}", request.agenda.name.get(lang)),
        _with_comment(f"round: {request.round}", tr("scaffold.round", lang)),
        "rubric:",
        f"  id: {rubric.id}",
        f"  version: {rubric.version}",
        _with_comment("date:", tr("scaffold.date", lang)),
        _with_comment("assessors:", tr("scaffold.assessors", lang)),
        f"  # - name: {tr('scaffold.assessor.name', lang)}",
        f"  #   role: {tr('scaffold.assessor.role', lang)}",
        f"  #   org: {tr('scaffold.assessor.org', lang)}",
        "",
        "components:",
    ]
    level_names = rubric.levels
    principle_names = {principle.id: principle.name for principle in rubric.principles}
    stage_names = {stage.id: stage.name for stage in rubric.stages}
    for c_index, component in enumerate(rubric.components, start=1):
        title = f"{c_index}. {component.name.get(lang)}"
        out += ["", f"  # ══ {title} ══"]
        out += comment_lines(component.definition.get(lang), 2, lang)
        out.append(f"  {component.id}:")
        out.append(
            _with_comment("    target:", tr("scaffold.target", lang, default=rubric.target_for(component)))
        )
        out.append(_with_comment("    note:", tr("scaffold.component.note", lang)))
        out.append("    indicators:")
        for i_index, indicator in enumerate(component.indicators, start=1):
            out.append("")
            out += comment_lines(f"{c_index}.{i_index} {indicator.question.get(lang)}", 6, lang)
            for level, descriptor in indicator.levels.items():
                prefix = f"  {level} {level_names[level].get(lang)}: "
                out += comment_lines(descriptor.get(lang), 6, lang, prefix=prefix)
            tags = ", ".join(
                principle_names[p].get(lang) for p in indicator.principles if p in principle_names
            )
            out += comment_lines(tr("scaffold.principles", lang, names=tags), 6, lang, prefix="  ")
            if indicator.stage in stage_names:
                out += comment_lines(
                    tr("scaffold.stage", lang, name=stage_names[indicator.stage].get(lang)),
                    6,
                    lang,
                    prefix="  ",
                )
            if indicator.evidence_hint is not None:
                out += comment_lines(
                    tr("scaffold.evidence_hint", lang, text=indicator.evidence_hint.get(lang)),
                    6,
                    lang,
                    prefix="  ",
                )
            out.append(f"      {indicator.id}:")
            out.append(_with_comment("        level:", tr("scaffold.level", lang)))
            out.append(_with_comment("        evidence:", tr("scaffold.evidence", lang)))
            out.append(_with_comment("        note:", tr("scaffold.note", lang)))
    return "\n".join(out) + "\n"


def scaffold_file_name(unit_code: str, agenda_id: str, fiscal_year: int) -> str:
    """A file name that sorts well and is safe everywhere: ``th-52-pm25-2564.yaml``."""
    return f"{filenames.stem(unit_code, agenda_id, fiscal_year)}.yaml"


# --- ogmp init ----------------------------------------------------------------------


@dataclass(frozen=True)
class InitResult:
    """What ``ogmp init`` wrote."""

    path: Path
    schema_path: Path | None
    components: int
    indicators: int


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
    kind: str | None,
    name: str | None,
    name_en: str | None,
    out: Path | None,
    lang: Lang,
) -> InitResult:
    """Write a scaffold for one unit, agenda and round; never overwrite a file."""
    unit_kind = cast(UnitKind, parse_choice("--kind", kind, get_args(UnitKind))) if kind else None
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
        if unit_kind not in (None, "province"):
            raise UsageError(Message("unit.province_kind", value=code))
        unit_kind = "province"
        default_th, default_en = province.as_unit.th, province.as_unit.en
        name, name_en = name or default_th, name_en or default_en
    elif PROVINCE_CODE.fullmatch(code) or unit_kind == "province":
        raise UsageError(Message("unit.province_unknown", value=code))
    elif unit_kind is None:
        raise UsageError(Message("init.unit_unknown", value=code))
    elif not name:
        raise UsageError(Message("init.name_required"))

    rubric = registry.require(rubric_id, rubric_version)

    file_name = scaffold_file_name(code, agenda.id, year)
    path = out if out is not None else Path(file_name)
    if path.is_dir():
        path = path / file_name
    schema_name = schema_file_name(rubric)
    request = ScaffoldRequest(
        unit_code=code,
        unit_kind=unit_kind,
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
