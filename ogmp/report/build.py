"""Write the gap reports of scored units: one file per unit, language and format."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ogmp.checks import Catalogues
from ogmp.messages import Lang
from ogmp.models.assessment import Assessment
from ogmp.models.result import UnitResult
from ogmp.models.rubric import Rubric
from ogmp.national import NationalSummary
from ogmp.output import write_atomic
from ogmp.report.context import build_context
from ogmp.report.national_context import build_national_context
from ogmp.report.render import (
    DEFAULT_PDF_VARIANT,
    NATIONAL_TEMPLATE,
    EmbeddedFile,
    load_labels,
    render_html,
    render_pdf,
    template_dirs,
)
from ogmp.spreadsheet import cohort_workbook

REPORT_FORMATS = ("pdf", "html")
RESULT_ATTACHMENT = "ogmp-result.json"


THAILAND = dt.timezone(dt.timedelta(hours=7), "ICT")


@dataclass(frozen=True)
class ReportJob:
    """One scored unit with what its report needs besides the figures.

    ``files`` are the inputs the report is embedded with (the assessment, the rubric
    and catalogues it was scored with, and the scored result), so that anyone can check
    it later with ``ogmp verify``.
    """

    result: UnitResult
    assessment: Assessment
    rubric: Rubric
    stem: str
    files: tuple[EmbeddedFile, ...] = ()


def provenance(result: UnitResult, files: Sequence[EmbeddedFile], lang: str) -> list[tuple[str, str]]:
    """The metadata entries that identify a report's inputs (written to the PDF's info).

    WeasyPrint writes ``<meta name=...>`` as info keys in lowercase letters and digits
    only, so ``ogmp-assessment-sha256`` becomes ``/ogmpassessmentsha256``.
    """
    by_name = {item.name: item for item in files}
    entries = [
        ("ogmp-tool-version", result.inputs.tool_version),
        ("ogmp-method-version", str(result.inputs.method_version)),
        ("ogmp-language", lang),
        ("ogmp-assessment-file", result.inputs.file),
        ("ogmp-assessment-sha256", result.inputs.sha256),
        ("ogmp-rubric", f"{result.inputs.rubric_id} v{result.inputs.rubric_version}"),
        ("ogmp-rubric-sha256", result.inputs.rubric_sha256),
    ]
    if RESULT_ATTACHMENT in by_name:
        entries.append(("ogmp-result-sha256", hashlib.sha256(by_name[RESULT_ATTACHMENT].data).hexdigest()))
    return entries


def info_key(meta_name: str) -> str:
    """The PDF info key WeasyPrint writes for ``<meta name=meta_name>``."""
    return "/" + "".join(char for char in meta_name.lower() if char.isalnum())


def write_reports(
    jobs: Sequence[ReportJob],
    catalogues: Catalogues,
    *,
    formats: Sequence[str],
    langs: Sequence[Lang],
    out: Path,
    templates: Path | None = None,
    digits_thai: bool = False,
    report_date: dt.date | None = None,
    pdf_variant: str = DEFAULT_PDF_VARIANT,
) -> list[Path]:
    """Render and write every requested report; each file appears whole or not at all."""
    dirs = template_dirs(templates)
    labels = load_labels(dirs)
    written: list[Path] = []
    for job in jobs:
        day = report_date or job.result.date
        created = dt.datetime(day.year, day.month, day.day, tzinfo=THAILAND)
        for lang in langs:
            context = build_context(
                job.result,
                job.assessment,
                job.rubric,
                catalogues,
                labels[lang],
                lang=lang,
                report_date=day,
                digits_thai=digits_thai,
                created=created,
                provenance=provenance(job.result, job.files, lang),
            )
            if "html" in formats:
                path = out / f"{job.stem}.{lang}.html"
                write_atomic(path, render_html(context, dirs, standalone=True).encode("utf-8"))
                written.append(path)
            if "pdf" in formats:
                path = out / f"{job.stem}.{lang}.pdf"
                identifier = hashlib.sha256(
                    f"{job.result.inputs.sha256}:{job.result.inputs.rubric_sha256}:{lang}".encode()
                ).hexdigest()[:32]
                pdf = render_pdf(
                    render_html(context, dirs, standalone=False),
                    dirs,
                    variant=pdf_variant,
                    identifier=identifier.encode(),
                    files=job.files,
                    created=created,
                )
                write_atomic(path, pdf)
                written.append(path)
    return written


def write_national(
    summary: NationalSummary,
    results: Sequence[UnitResult],
    *,
    formats: Sequence[str],
    langs: Sequence[Lang],
    out: Path,
    templates: Path | None = None,
    digits_thai: bool = False,
    report_date: dt.date | None = None,
    pdf_variant: str = DEFAULT_PDF_VARIANT,
) -> list[Path]:
    """The national summary of every cohort: reports (pdf, html) and a workbook (xlsx)."""
    dirs = template_dirs(templates)
    labels = load_labels(dirs) if set(formats) & set(REPORT_FORMATS) else {}
    written: list[Path] = []
    for cohort in summary.cohorts:
        stem = f"national-{cohort.key}"
        if "xlsx" in formats:
            path = out / f"{stem}.xlsx"
            write_atomic(path, cohort_workbook(cohort, results))
            written.append(path)
        day = report_date or max(
            r.date for r in results if r.round == cohort.round and r.inputs.rubric_id == cohort.rubric_id
        )
        created = dt.datetime(day.year, day.month, day.day, tzinfo=THAILAND)
        for lang in langs:
            if not set(formats) & set(REPORT_FORMATS):
                break
            context = build_national_context(
                cohort, labels[lang], lang=lang, report_date=day, digits_thai=digits_thai, created=created
            )
            if "html" in formats:
                path = out / f"{stem}.{lang}.html"
                html = render_html(context, dirs, standalone=True, template_name=NATIONAL_TEMPLATE)
                write_atomic(path, html.encode("utf-8"))
                written.append(path)
            if "pdf" in formats:
                path = out / f"{stem}.{lang}.pdf"
                html = render_html(context, dirs, standalone=False, template_name=NATIONAL_TEMPLATE)
                identifier = hashlib.sha256(
                    f"{stem}:{lang}:{[r.inputs.sha256 for r in results]}".encode()
                ).hexdigest()[:32]
                write_atomic(
                    path,
                    render_pdf(
                        html, dirs, variant=pdf_variant, identifier=identifier.encode(), created=created
                    ),
                )
                written.append(path)
    return written
