"""The gap reports and national summaries of a run, as tasks for the batch to write.

Every report a run writes goes through here: :func:`report_tasks` and :func:`national_tasks`
make one :class:`~ogmp.batch.Task` per file, and each task's work renders its bytes, in a
worker process or in the run's own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ogmp import __version__, filenames
from ogmp.batch import Task, fingerprint, tree_hash
from ogmp.messages import Lang
from ogmp.models.assessment import Assessment
from ogmp.models.catalogue import Catalogues
from ogmp.models.result import UnitResult
from ogmp.models.rubric import Rubric
from ogmp.national import Cohort, NationalMember, NationalSummary, ProvinceRollUp
from ogmp.options import REPORT_FORMATS, RenderOptions
from ogmp.provenance import EmbeddedFile, Rendering, metadata
from ogmp.report.context import build_context
from ogmp.report.national_context import build_national_context, build_roll_up_context
from ogmp.report.render import (
    NATIONAL_TEMPLATE,
    ROLL_UP_TEMPLATE,
    load_labels,
    render_html,
    render_pdf,
    template_dirs,
)
from ogmp.reviews import Companions
from ogmp.spreadsheet import cohort_workbook

COSTS = {"pdf": 1.0, "html": 0.1, "xlsx": 0.1}
"""What a file costs to make beside a unit's PDF gap report, for the workers' order: a national
summary twice that, a province's roll-up by its number of units (9 pages for 100)."""
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
    files: tuple[EmbeddedFile, ...] = ()
    companions: Companions = field(default_factory=Companions)
    """The reviews, decision and checked links the figures were made with."""

    @property
    def stem(self) -> str:
        return filenames.stem(self.result.unit_code, self.result.agenda, self.result.round)


@functools.cache
def _labels(dirs: tuple[Path, ...]) -> dict[str, dict[str, object]]:
    return load_labels(dirs)


@functools.cache
def _templates_sha256(dirs: tuple[Path, ...]) -> str:
    return tree_hash(dirs)


def rendering(lang: Lang, day: dt.date, options: RenderOptions) -> Rendering:
    """What a report records of how it was rendered (``ogmp verify`` renders it again so)."""
    dirs = tuple(template_dirs(options.templates))
    return Rendering(
        lang, options.thai_digits, day, options.pdf_variant, _templates_sha256(dirs), options.audience
    )


def _created(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=THAILAND)


@dataclass(frozen=True)
class UnitReport:
    """The work of writing one unit's gap report in one language and format."""

    job: ReportJob
    catalogues: Catalogues
    fmt: str
    lang: Lang
    options: RenderOptions

    def render(self) -> bytes:
        """The report's bytes."""
        job, lang, options = self.job, self.lang, self.options
        dirs = template_dirs(options.templates)
        day = options.report_date or job.result.date
        context = build_context(
            job.result,
            job.assessment,
            job.rubric,
            self.catalogues,
            _labels(tuple(dirs))[lang],
            lang=lang,
            report_date=day,
            thai_digits=options.thai_digits,
            created=_created(day),
            provenance=metadata(job.result, job.files, rendering(lang, day, options)),
            companions=job.companions,
            internal=options.audience == "internal",
        )
        if self.fmt == "html":
            return render_html(context, dirs, standalone=True).encode("utf-8")
        identifier = hashlib.sha256(
            f"{job.result.inputs.sha256}:{job.result.inputs.rubric_sha256}:{lang}".encode()
        ).hexdigest()
        return render_pdf(
            render_html(context, dirs, standalone=False),
            dirs,
            variant=options.pdf_variant,
            identifier=identifier[:32].encode(),
            files=job.files,
            created=_created(day),
        )


def cohort_date(cohort: Cohort, results: Sequence[UnitResult], options: RenderOptions) -> dt.date:
    """The national summary's date: the report date asked for, else the cohort's latest assessment."""
    dates = [r.date for r in results if cohort.includes(r)]
    return options.report_date or max(dates)


@dataclass(frozen=True)
class NationalReport:
    """The work of writing a cohort's national summary in one language and format, or its workbook."""

    cohort: Cohort
    members: tuple[NationalMember, ...]
    """The units' figures for the workbook; none for a report, which shows only the
    cohort's figures (a round of thousands of units is large to send to a worker)."""
    fmt: str
    lang: Lang
    options: RenderOptions
    day: dt.date
    identifier: bytes
    """The PDF's file identifier, from the cohort and its units' inputs."""
    terms: frozenset[str] = frozenset()
    """The words its Thai lines must not break inside (:func:`ogmp.report.linebreak.report_terms`)."""

    def render(self) -> bytes:
        """The summary's bytes."""
        cohort, lang, options, day = self.cohort, self.lang, self.options, self.day
        if self.fmt == "xlsx":
            return cohort_workbook(cohort, self.members)
        dirs = template_dirs(options.templates)
        context = build_national_context(
            cohort,
            _labels(tuple(dirs))[lang],
            lang=lang,
            report_date=day,
            thai_digits=options.thai_digits,
            created=_created(day),
            terms=self.terms,
        )
        html = render_html(context, dirs, standalone=self.fmt == "html", template_name=NATIONAL_TEMPLATE)
        if self.fmt == "html":
            return html.encode("utf-8")
        return render_pdf(
            html, dirs, variant=options.pdf_variant, identifier=self.identifier, created=_created(day)
        )


@dataclass(frozen=True)
class RollUpReport:
    """The work of writing one province's roll-up of its local administrations."""

    cohort: Cohort
    province: ProvinceRollUp
    day: dt.date
    fmt: str
    lang: Lang
    options: RenderOptions
    terms: frozenset[str] = frozenset()

    def render(self) -> bytes:
        """The roll-up's bytes."""
        dirs = template_dirs(self.options.templates)
        context = build_roll_up_context(
            self.cohort,
            self.province,
            _labels(tuple(dirs))[self.lang],
            lang=self.lang,
            report_date=self.day,
            thai_digits=self.options.thai_digits,
            created=_created(self.day),
            terms=self.terms,
        )
        html = render_html(context, dirs, standalone=self.fmt == "html", template_name=ROLL_UP_TEMPLATE)
        if self.fmt == "html":
            return html.encode("utf-8")
        identifier = hashlib.sha256(
            f"rollup-{self.province.code}-{self.cohort.key}:{self.lang}".encode()
        ).hexdigest()
        return render_pdf(
            html,
            dirs,
            variant=self.options.pdf_variant,
            identifier=identifier[:32].encode(),
            created=_created(self.day),
        )


def report_tasks(
    jobs: Sequence[ReportJob],
    catalogues: Catalogues,
    *,
    formats: Sequence[str],
    out: Path,
    options: RenderOptions,
) -> list[Task]:
    """One task per unit report to write, with the fingerprint of what it depends on."""
    templates = tree_hash(template_dirs(options.templates))
    tasks = []
    for job in jobs:
        inputs = [_json(job.result), *(item.data for item in job.files)]
        for lang in options.langs:
            for fmt in ("html", "pdf"):
                if fmt not in formats or fmt not in REPORT_FORMATS:
                    continue
                name = filenames.unit_report(job.stem, fmt, lang, options.audience)
                tasks.append(
                    Task(
                        output=out / name,
                        fingerprint=fingerprint(
                            *inputs, templates, fmt, lang, options.fingerprint(), __version__
                        ),
                        work=UnitReport(job, catalogues, fmt, lang, options),
                        label=name,
                        cost=COSTS[fmt],
                    )
                )
    return tasks


def national_tasks(
    summary: NationalSummary,
    units: Sequence[NationalMember],
    *,
    formats: Sequence[str],
    out: Path,
    options: RenderOptions,
    terms: frozenset[str] = frozenset(),
) -> list[Task]:
    """One task per national file: per cohort, its workbook, and its summary reports when
    the cohort has units to compare (two or more)."""
    templates = tree_hash(template_dirs(options.templates))
    tasks = []
    for cohort in summary.cohorts:
        members = tuple(member for member in units if cohort.includes(member.result))
        # The cohort carries every figure it shows (trends from earlier rounds too), so
        # its own content and its members' are all a summary depends on.
        depends_on = [repr(cohort), *(member.digest for member in members), *sorted(terms)]
        wanted: list[tuple[str, Lang]] = [("xlsx", "th")] if "xlsx" in formats else []
        if len(cohort.units) >= 2:
            wanted += [(fmt, lang) for lang in options.langs for fmt in ("html", "pdf") if fmt in formats]
        day = cohort_date(cohort, [member.result for member in members], options)
        sha256s = [member.result.inputs.sha256 for member in members]
        for fmt, lang in wanted:
            name = filenames.national_report(cohort.key, fmt, lang)
            identifier = hashlib.sha256(f"national-{cohort.key}:{lang}:{sha256s}".encode()).hexdigest()
            tasks.append(
                Task(
                    output=out / name,
                    fingerprint=fingerprint(
                        *depends_on, templates, fmt, lang, options.fingerprint(), __version__
                    ),
                    work=NationalReport(
                        cohort,
                        members if fmt == "xlsx" else (),
                        fmt,
                        lang,
                        options,
                        day,
                        identifier[:32].encode(),
                        terms,
                    ),
                    label=name,
                    cost=2 * COSTS[fmt],
                    in_run=fmt == "xlsx",  # holds every unit's results, which the run already has
                )
            )
        # Each province's roll-up is made from its own figures only: a unit elsewhere changing
        # renders no other province's roll-up again.
        for province in cohort.provinces:
            for lang in options.langs:
                for fmt in ("html", "pdf"):
                    if fmt not in formats:
                        continue
                    name = filenames.roll_up_report(province.code, cohort.key, fmt, lang)
                    tasks.append(
                        Task(
                            output=out / name,
                            fingerprint=fingerprint(
                                repr(province),
                                repr(cohort.components),
                                cohort.key,
                                day.isoformat(),
                                *sorted(terms),
                                templates,
                                fmt,
                                lang,
                                options.fingerprint(),
                                __version__,
                            ),
                            work=RollUpReport(
                                _without_units(cohort), province, day, fmt, lang, options, terms
                            ),
                            label=name,
                            cost=COSTS[fmt] * (0.2 + province.count / 100),
                        )
                    )
    return tasks


def _without_units(cohort: Cohort) -> Cohort:
    """The cohort as a roll-up needs it (its names and components): each roll-up task goes to
    a worker process, and a cohort of thousands of units is large to send."""
    return dataclasses.replace(
        cohort, units=[], peers=[], trends=[], stability=[], divergence=[], groups=[], provinces=[]
    )


def _json(result: UnitResult) -> bytes:
    return result.model_dump_json().encode("utf-8")


def national_member(result: UnitResult) -> NationalMember:
    """What the national files keep of a unit's whole ``result`` (a round keeps one for
    each of its units until its summaries are made)."""
    return NationalMember.of(result, hashlib.sha256(_json(result)).hexdigest())
