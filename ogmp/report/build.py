"""Write the gap reports of scored units: one file per unit, language and format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ogmp.checks import Catalogues
from ogmp.messages import Lang
from ogmp.models.assessment import Assessment
from ogmp.models.result import UnitResult
from ogmp.models.rubric import Rubric
from ogmp.output import write_atomic
from ogmp.report.context import build_context
from ogmp.report.render import load_labels, render_html, render_pdf, template_dirs

REPORT_FORMATS = ("pdf", "html")


@dataclass(frozen=True)
class ReportJob:
    """One scored unit with what its report needs besides the figures."""

    result: UnitResult
    assessment: Assessment
    rubric: Rubric
    stem: str


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
) -> list[Path]:
    """Render and write every requested report; each file appears whole or not at all."""
    dirs = template_dirs(templates)
    labels = load_labels(dirs)
    written: list[Path] = []
    for job in jobs:
        for lang in langs:
            context = build_context(
                job.result,
                job.assessment,
                job.rubric,
                catalogues,
                labels[lang],
                lang=lang,
                report_date=report_date or job.result.date,
                digits_thai=digits_thai,
            )
            if "html" in formats:
                path = out / f"{job.stem}.{lang}.html"
                write_atomic(path, render_html(context, dirs, standalone=True).encode("utf-8"))
                written.append(path)
            if "pdf" in formats:
                path = out / f"{job.stem}.{lang}.pdf"
                write_atomic(path, render_pdf(render_html(context, dirs, standalone=False), dirs))
                written.append(path)
    return written
