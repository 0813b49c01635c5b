"""What a PDF report carries to show where it came from: written here, and read back here.

A report embeds its inputs (the assessment, the rubric and the catalogues it was scored
with) and its scored result as PDF/A-3 associated files, and records in its metadata the
tool and method versions, the hashes of those files and how it was rendered (language,
digits, report date, PDF variant, templates). ``ogmp verify`` reads them back to score the
inputs again and to render the report again from them.

WeasyPrint writes ``<meta name=...>`` as info keys in lowercase letters and digits only:
``ogmp-assessment-sha256`` becomes ``/ogmpassessmentsha256``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ogmp.models.catalogue import CATALOGUE_NAMES
from ogmp.models.result import UnitResult
from ogmp.options import PDF_VARIANTS, Audience, PdfVariant

RESULT = "ogmp-result.json"


@dataclass(frozen=True)
class EmbeddedFile:
    """A file carried inside the PDF (PDF/A-3 associated file)."""

    name: str
    data: bytes
    description: str
    relationship: str  # Source, Data, Supplement... (ISO 32000-2, 7.11.3)


def catalogue_file(name: str) -> str:
    """``shared-agendas.yaml``: the name a catalogue is embedded under."""
    return f"shared-{name}.yaml"


def rubric_file(rubric_id: str, version: int) -> str:
    """``rubric-ogmp-8-v1.yaml``: the name the rubric is embedded under."""
    return f"rubric-{rubric_id}-v{version}.yaml"


def result_json(result: UnitResult) -> bytes:
    """The result as indented UTF-8 JSON, byte-identical for identical inputs."""
    return result.model_dump_json(indent=2).encode("utf-8") + b"\n"


def embedded_files(
    result: UnitResult,
    assessment: bytes,
    rubric: bytes,
    catalogues: Mapping[str, bytes],
    companions: Mapping[str, bytes] | None = None,
) -> tuple[EmbeddedFile, ...]:
    """The files a report of ``result`` carries, in the order it carries them: ``companions``
    are the assessment's reviews, decision and checked links, by file name."""
    inputs = result.inputs
    return (
        EmbeddedFile(inputs.file, assessment, "assessment", "Source"),
        *(
            EmbeddedFile(name, data, "review, decision or checked links", "Source")
            for name, data in sorted((companions or {}).items())
        ),
        EmbeddedFile(rubric_file(inputs.rubric_id, inputs.rubric_version), rubric, "rubric", "Data"),
        *(
            EmbeddedFile(catalogue_file(name), catalogues[name], f"catalogue {name}", "Data")
            for name in CATALOGUE_NAMES
        ),
        EmbeddedFile(RESULT, result_json(result), "scored result", "Data"),
    )


@dataclass(frozen=True)
class Rendering:
    """How a report was rendered: what it takes to render it again, byte for byte."""

    lang: str
    thai_digits: bool
    report_date: dt.date
    pdf_variant: PdfVariant
    templates_sha256: str
    audience: Audience = "public"


def metadata(
    result: UnitResult, files: Sequence[EmbeddedFile], rendering: Rendering
) -> list[tuple[str, str]]:
    """The ``<meta>`` entries that identify a report's inputs and its rendering."""
    by_name = {item.name: item for item in files}
    entries = [
        ("ogmp-tool-version", result.inputs.tool_version),
        ("ogmp-method-version", str(result.inputs.method_version)),
        ("ogmp-language", rendering.lang),
        ("ogmp-assessment-file", result.inputs.file),
        ("ogmp-assessment-sha256", result.inputs.sha256),
        ("ogmp-rubric", f"{result.inputs.rubric_id} v{result.inputs.rubric_version}"),
        ("ogmp-rubric-sha256", result.inputs.rubric_sha256),
    ]
    if RESULT in by_name:
        entries.append(("ogmp-result-sha256", hashlib.sha256(by_name[RESULT].data).hexdigest()))
    entries += [
        ("ogmp-thai-digits", "yes" if rendering.thai_digits else "no"),
        ("ogmp-report-date", rendering.report_date.isoformat()),
        ("ogmp-pdf-variant", rendering.pdf_variant),
        ("ogmp-templates-sha256", rendering.templates_sha256),
        ("ogmp-audience", rendering.audience),
    ]
    return entries


def info_key(meta_name: str) -> str:
    """The PDF info key WeasyPrint writes for ``<meta name=meta_name>``."""
    return "/" + "".join(char for char in meta_name.lower() if char.isalnum())


@dataclass(frozen=True)
class Record:
    """What a report says about itself, read back from its metadata and attachments."""

    tool_version: str
    assessment_file: str | None
    rubric_file: str | None
    rubric: str
    hashes: dict[str, str | None]  # attachment name -> the SHA-256 the metadata records for it
    rendering: Rendering | None  # None: made by an ogmp that did not record its rendering


def read_record(info: Mapping[str, Any], attachments: Mapping[str, bytes]) -> Record:
    """The record of a report from its PDF info dictionary and its attachments."""

    def value(name: str) -> str | None:
        found = info.get(info_key(name))
        return str(found) if found is not None else None

    assessment = value("ogmp-assessment-file")
    rubrics = [name for name in attachments if name.startswith("rubric-") and name.endswith(".yaml")]
    rubric = rubrics[0] if len(rubrics) == 1 else None
    hashes: dict[str, str | None] = {}
    if assessment is not None:
        hashes[assessment] = value("ogmp-assessment-sha256")
    if rubric is not None:
        hashes[rubric] = value("ogmp-rubric-sha256")
    hashes[RESULT] = value("ogmp-result-sha256")
    rendering = None
    lang, digits, day, variant, templates = (
        value(name)
        for name in (
            "ogmp-language",
            "ogmp-thai-digits",
            "ogmp-report-date",
            "ogmp-pdf-variant",
            "ogmp-templates-sha256",
        )
    )
    known = next((name for name in PDF_VARIANTS if name == variant), None)
    if lang and digits and day and known and templates:
        try:
            audience: Audience = "internal" if value("ogmp-audience") == "internal" else "public"
            day_made = dt.date.fromisoformat(day)
            rendering = Rendering(lang, digits == "yes", day_made, known, templates, audience)
        except ValueError:
            rendering = None
    return Record(
        value("ogmp-tool-version") or "", assessment, rubric, value("ogmp-rubric") or "", hashes, rendering
    )
