"""The options of an ``ogmp assess`` run: parsed and checked once, at the command line's edge.

The command line hands its strings to :meth:`AssessOptions.parse`; everything below it gets
one frozen, checked object and never parses an option again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast, get_args

from ogmp.errors import UsageError
from ogmp.messages import LANGS, Lang, Message

# Every format ogmp writes, with what it writes (the --format help is made from this).
FORMATS: dict[str, str] = {
    "json": "one per unit",
    "csv": "one row per unit and component",
    "pdf": "gap reports and national summaries",
    "html": "the same as web pages",
    "xlsx": "a workbook per cohort",
}
REPORT_FORMATS = ("pdf", "html")
"""The formats of a unit's gap report."""
NATIONAL_FORMATS = ("pdf", "html", "xlsx")
"""The formats of a cohort's national summary."""
PdfVariant = Literal["pdf/a-3b", "pdf/ua-1", "none"]
"""Archival (the default, carries its inputs), tagged for screen readers, or plain PDF."""
PDF_VARIANTS: tuple[PdfVariant, ...] = get_args(PdfVariant)
DEFAULT_PDF_VARIANT: PdfVariant = "pdf/a-3b"
DEFAULT_TIMEOUT = 180.0  # seconds per report
Audience = Literal["public", "internal"]
"""Who a report is for: the public (reviewers' public notes only) or the secretariat (all notes)."""
AUDIENCES: tuple[Audience, ...] = get_args(Audience)
ReportScope = Literal["all", "units", "summaries"]
"""Which reports pdf and html write: both kinds, each unit's gap report only, or only the
summaries (national and provincial roll-ups; for a round of thousands of local units)."""
REPORT_SCOPES: tuple[ReportScope, ...] = get_args(ReportScope)


@dataclass(frozen=True)
class RenderOptions:
    """How reports are rendered: all that a report's bytes depend on besides its inputs."""

    langs: tuple[Lang, ...] = ("th",)
    templates: Path | None = None
    thai_digits: bool = False
    report_date: dt.date | None = None  # None: each report's assessment date
    pdf_variant: PdfVariant = DEFAULT_PDF_VARIANT
    audience: Audience = "public"

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES:
            raise ValueError(f"unknown audience {self.audience!r}")
        if not self.langs or any(lang not in LANGS for lang in self.langs):
            raise ValueError(f"languages must be some of {LANGS}, got {self.langs}")
        if self.pdf_variant not in PDF_VARIANTS:
            raise ValueError(f"unknown PDF variant {self.pdf_variant!r}")

    def fingerprint(self) -> str:
        """What a report depends on of these options (its language is its own)."""
        parts = (str(self.templates), self.thai_digits, self.report_date, self.pdf_variant, self.audience)
        return hashlib.sha256(repr(parts).encode()).hexdigest()


SUMMARY_LIMIT = 30
"""Rounds of up to this many units print a summary of each in the terminal (--summaries: all)."""


@dataclass(frozen=True)
class AssessOptions:
    """Everything an ``ogmp assess`` run was asked for, besides its input files."""

    formats: tuple[str, ...] = ()
    out: Path = Path("reports")
    render: RenderOptions = field(default_factory=RenderOptions)
    jobs: int = 1
    shard: tuple[int, int] | None = None  # (k, n): write shard k of n
    incremental: bool = True  # False: render again what is up to date (--rebuild)
    timeout: float | None = DEFAULT_TIMEOUT
    results_kept: int | None = SUMMARY_LIMIT
    """How many scored results the run hands back whole (for the terminal's per-unit
    summaries); None: all of them. A round of thousands streams through and keeps none."""
    reports: ReportScope = "all"
    """Which reports pdf and html write (--reports)."""

    def __post_init__(self) -> None:
        unknown = [name for name in self.formats if name not in FORMATS]
        if unknown:
            raise ValueError(f"unknown formats {unknown}")
        if self.jobs < 1:
            raise ValueError("jobs must be at least 1")
        if self.shard is not None and not 1 <= self.shard[0] <= self.shard[1]:
            raise ValueError(f"shard {self.shard} is not k of n")
        if self.reports not in REPORT_SCOPES:
            raise ValueError(f"unknown report scope {self.reports!r}")

    @classmethod
    def parse(
        cls,
        *,
        formats: Sequence[str] = (),
        out: Path = Path("reports"),
        lang: str = "th",
        thai_digits: bool = False,
        templates: Path | None = None,
        report_date: str | None = None,
        pdf_variant: str = DEFAULT_PDF_VARIANT,
        audience: str = "public",
        jobs: str | int | None = 1,
        shard: str | None = None,
        timeout: str | float | None = DEFAULT_TIMEOUT,
        rebuild: bool = False,
        summaries: Literal["auto", "all", "none"] = "auto",
        reports: str = "all",
    ) -> AssessOptions:
        """The options from what the user typed; a value that cannot work is a usage error.
        ``jobs`` None is one per core of the machine; ``timeout`` None, the default limit."""
        variant = cast(PdfVariant, parse_choice("--pdf-variant", pdf_variant, PDF_VARIANTS))
        reader = cast(Audience, parse_choice("--audience", audience, AUDIENCES))
        scope = cast(ReportScope, parse_choice("--reports", reports, REPORT_SCOPES))
        langs: tuple[Lang, ...] = LANGS if lang == "both" else ("en",) if lang == "en" else ("th",)
        render = RenderOptions(langs, templates, thai_digits, parse_report_date(report_date), variant, reader)
        return cls(
            formats=parse_formats(formats),
            out=out,
            render=render,
            jobs=parse_whole("--jobs", jobs, minimum=1) if jobs is not None else os.cpu_count() or 1,
            shard=parse_shard(shard),
            incremental=not rebuild,
            timeout=DEFAULT_TIMEOUT if timeout is None else parse_seconds("--timeout", timeout, minimum=1),
            results_kept={"auto": SUMMARY_LIMIT, "all": None, "none": 0}[summaries],
            reports=scope,
        )

    def writes(self, *names: str) -> bool:
        """Whether the run writes any of the formats ``names``."""
        return any(name in self.formats for name in names)

    @property
    def writes_unit_reports(self) -> bool:
        """Whether the run renders each unit's gap report."""
        return self.reports != "summaries" and self.writes(*REPORT_FORMATS)

    @property
    def writes_summaries(self) -> bool:
        """Whether the run writes the national summaries and roll-ups (on the first shard)."""
        first_shard = self.shard is None or self.shard[0] == 1
        return first_shard and self.reports != "units" and self.writes(*NATIONAL_FORMATS)


def parse_formats(values: Sequence[str]) -> tuple[str, ...]:
    """``["json,csv"]`` or ``["json", "csv"]`` -> ``("json", "csv")``; unknown ones are a usage error."""
    formats: list[str] = []
    for value in values:
        for name in value.split(","):
            name = name.strip().lower()
            if not name:
                continue
            if name not in FORMATS:
                raise UsageError(Message("assess.format", value=name, allowed=", ".join(FORMATS)))
            if name not in formats:
                formats.append(name)
    return tuple(formats)


def parse_report_date(value: str | None) -> dt.date | None:
    """``--report-date``: ``YYYY-MM-DD`` (C.E. or B.E.), ``today``, or None for the assessment's own date."""
    from ogmp.models.assessment import parse_date

    if value is None:
        return None
    if value.strip().lower() == "today":
        return dt.date.today()
    try:
        return parse_date(value)
    except ValueError:
        raise UsageError(Message("usage.report_date", value=value)) from None


def parse_choice(option: str, value: str, choices: Sequence[str]) -> str:
    """``value`` if it is one of ``choices``; otherwise a usage error naming them, in the
    user's language (the command line's own error would be English only)."""
    if value not in choices:
        raise UsageError(Message("usage.choice", option=option, value=value, choices=", ".join(choices)))
    return value


def parse_language(value: str, choices: Sequence[str]) -> str:
    """``--lang``: one of ``choices``, in any case."""
    return parse_choice("--lang", value.strip().lower(), choices)


def parse_whole(option: str, value: str | int, *, minimum: int, maximum: int | None = None) -> int:
    """``value`` as a whole number within the bounds; otherwise a usage error in the user's language."""
    try:
        number = int(value.strip()) if isinstance(value, str) else value
    except ValueError:
        number = None
    if number is None or number < minimum or (maximum is not None and number > maximum):
        if maximum is None:
            raise UsageError(Message("usage.whole", option=option, minimum=minimum, value=value))
        raise UsageError(
            Message("usage.whole_range", option=option, minimum=minimum, maximum=maximum, value=value)
        )
    return number


def parse_seconds(option: str, value: str | float, *, minimum: float) -> float:
    """``value`` as a number of seconds, at least ``minimum``."""
    try:
        seconds = float(value.strip()) if isinstance(value, str) else float(value)
    except ValueError:
        seconds = float("nan")
    if not (math.isfinite(seconds) and seconds >= minimum):
        raise UsageError(Message("usage.seconds", option=option, minimum=f"{minimum:g}", value=value))
    return seconds


def parse_shard(value: str | None) -> tuple[int, int] | None:
    """``"2/5"`` -> (2, 5)."""
    if value is None:
        return None
    try:
        number, count = (int(part) for part in value.split("/"))
    except ValueError:
        number = count = 0
    if not 1 <= number <= count:
        raise UsageError(Message("usage.shard", value=value))
    return number, count
