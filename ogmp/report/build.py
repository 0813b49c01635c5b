"""Write the gap reports of scored units: one file per unit, language and format."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ogmp import __version__
from ogmp.batch import Task, fingerprint, tree_hash
from ogmp.messages import Lang
from ogmp.models.assessment import Assessment
from ogmp.models.catalogue import Catalogues
from ogmp.models.result import UnitResult
from ogmp.models.rubric import Rubric
from ogmp.national import Cohort, NationalSummary
from ogmp.output import write_atomic
from ogmp.provenance import EmbeddedFile, Rendering, metadata
from ogmp.report.context import build_context
from ogmp.report.national_context import build_national_context
from ogmp.report.render import (
    DEFAULT_PDF_VARIANT,
    NATIONAL_TEMPLATE,
    load_labels,
    render_html,
    render_pdf,
    template_dirs,
)
from ogmp.spreadsheet import cohort_workbook

REPORT_FORMATS = ("pdf", "html")


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


@dataclass(frozen=True)
class RenderSettings:
    """How reports are rendered; the same for every report of a run."""

    templates: Path | None = None
    digits_thai: bool = False
    report_date: dt.date | None = None
    pdf_variant: str = DEFAULT_PDF_VARIANT


@functools.cache
def _labels(dirs: tuple[Path, ...]) -> dict[str, dict[str, object]]:
    return load_labels(dirs)


@functools.cache
def _templates_sha256(dirs: tuple[Path, ...]) -> str:
    return tree_hash(dirs)


def rendering(lang: Lang, day: dt.date, settings: RenderSettings) -> Rendering:
    """What a report records of how it was rendered (``ogmp verify`` renders it again so)."""
    dirs = tuple(template_dirs(settings.templates))
    return Rendering(lang, settings.digits_thai, day, settings.pdf_variant, _templates_sha256(dirs))


def _created(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=THAILAND)


def render_unit_report(
    job: ReportJob, catalogues: Catalogues, fmt: str, lang: Lang, settings: RenderSettings
) -> bytes:
    """One unit's gap report in one language and format, as bytes."""
    dirs = template_dirs(settings.templates)
    day = settings.report_date or job.result.date
    context = build_context(
        job.result,
        job.assessment,
        job.rubric,
        catalogues,
        _labels(tuple(dirs))[lang],
        lang=lang,
        report_date=day,
        digits_thai=settings.digits_thai,
        created=_created(day),
        provenance=metadata(job.result, job.files, rendering(lang, day, settings)),
    )
    if fmt == "html":
        return render_html(context, dirs, standalone=True).encode("utf-8")
    identifier = hashlib.sha256(
        f"{job.result.inputs.sha256}:{job.result.inputs.rubric_sha256}:{lang}".encode()
    ).hexdigest()
    return render_pdf(
        render_html(context, dirs, standalone=False),
        dirs,
        variant=settings.pdf_variant,
        identifier=identifier[:32].encode(),
        files=job.files,
        created=_created(day),
    )


def cohort_date(cohort: Cohort, results: Sequence[UnitResult], settings: RenderSettings) -> dt.date:
    """The national summary's date: the report date asked for, else the cohort's latest assessment."""
    dates = [r.date for r in results if cohort.includes(r)]
    return settings.report_date or max(dates)


def render_national_report(
    cohort: Cohort, results: Sequence[UnitResult], fmt: str, lang: Lang, settings: RenderSettings
) -> bytes:
    """A cohort's national summary in one language and format, or its workbook (xlsx)."""
    if fmt == "xlsx":
        return cohort_workbook(cohort, results)
    dirs = template_dirs(settings.templates)
    day = cohort_date(cohort, results, settings)
    context = build_national_context(
        cohort,
        _labels(tuple(dirs))[lang],
        lang=lang,
        report_date=day,
        digits_thai=settings.digits_thai,
        created=_created(day),
    )
    html = render_html(context, dirs, standalone=fmt == "html", template_name=NATIONAL_TEMPLATE)
    if fmt == "html":
        return html.encode("utf-8")
    identifier = hashlib.sha256(
        f"national-{cohort.key}:{lang}:{[r.inputs.sha256 for r in results]}".encode()
    ).hexdigest()
    return render_pdf(
        html, dirs, variant=settings.pdf_variant, identifier=identifier[:32].encode(), created=_created(day)
    )


def unit_output_name(job: ReportJob, fmt: str, lang: str) -> str:
    return f"{job.stem}.{lang}.{fmt}"


def national_output_name(cohort: Cohort, fmt: str, lang: str) -> str:
    return f"national-{cohort.key}.xlsx" if fmt == "xlsx" else f"national-{cohort.key}.{lang}.{fmt}"


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
    """Render and write every requested report here and now; each file appears whole or not at all."""
    settings = RenderSettings(templates, digits_thai, report_date, pdf_variant)
    written: list[Path] = []
    for job in jobs:
        for lang in langs:
            for fmt in ("html", "pdf"):
                if fmt in formats:
                    path = out / unit_output_name(job, fmt, lang)
                    write_atomic(path, render_unit_report(job, catalogues, fmt, lang, settings))
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
    """The national summary of every cohort, written here and now: reports and workbook."""
    settings = RenderSettings(templates, digits_thai, report_date, pdf_variant)
    written: list[Path] = []
    for cohort in summary.cohorts:
        if "xlsx" in formats:
            path = out / national_output_name(cohort, "xlsx", "")
            write_atomic(path, render_national_report(cohort, results, "xlsx", "th", settings))
            written.append(path)
        for lang in langs:
            for fmt in ("html", "pdf"):
                if fmt in formats:
                    path = out / national_output_name(cohort, fmt, lang)
                    write_atomic(path, render_national_report(cohort, results, fmt, lang, settings))
                    written.append(path)
    return written


def report_tasks(
    jobs: Sequence[ReportJob],
    catalogues: Catalogues,
    *,
    formats: Sequence[str],
    langs: Sequence[Lang],
    out: Path,
    settings: RenderSettings,
) -> list[Task]:
    """One task per unit report to write, with the fingerprint of what it depends on."""
    dirs = template_dirs(settings.templates)
    templates = tree_hash(dirs)
    tasks = []
    for job in jobs:
        inputs = [to_json_bytes(job.result), *(item.data for item in job.files)]
        for lang in langs:
            for fmt in ("html", "pdf"):
                if fmt not in formats:
                    continue
                tasks.append(
                    Task(
                        output=out / unit_output_name(job, fmt, lang),
                        fingerprint=fingerprint(*inputs, templates, fmt, lang, repr(settings), __version__),
                        make=render_unit_report,
                        arguments=(job, catalogues, fmt, lang, settings),
                        label=unit_output_name(job, fmt, lang),
                    )
                )
    return tasks


def national_tasks(
    summary: NationalSummary,
    results: Sequence[UnitResult],
    *,
    formats: Sequence[str],
    langs: Sequence[Lang],
    out: Path,
    settings: RenderSettings,
) -> list[Task]:
    """One task per national file: per cohort, its workbook, and its summary reports when
    the cohort has units to compare (two or more)."""
    templates = tree_hash(template_dirs(settings.templates))
    tasks = []
    for cohort in summary.cohorts:
        members = [result for result in results if cohort.includes(result)]
        # The cohort carries every figure it shows (trends from earlier rounds too), so
        # its own content and its members' are all a summary depends on.
        depends_on: list[bytes | str] = [repr(cohort), *(to_json_bytes(result) for result in members)]
        wanted = [("xlsx", "th")] if "xlsx" in formats else []
        if len(cohort.units) >= 2:
            wanted += [(fmt, lang) for lang in langs for fmt in ("html", "pdf") if fmt in formats]
        for fmt, lang in wanted:
            name = national_output_name(cohort, fmt, lang)
            tasks.append(
                Task(
                    output=out / name,
                    fingerprint=fingerprint(*depends_on, templates, fmt, lang, repr(settings), __version__),
                    make=render_national_report,
                    arguments=(cohort, members, fmt, lang, settings),
                    label=name,
                )
            )
    return tasks


def to_json_bytes(result: UnitResult) -> bytes:
    return result.model_dump_json().encode("utf-8")
