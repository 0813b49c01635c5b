"""``ogmp assess``: validate, score and export assessments, one unit or a whole round."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import signal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ogmp.batch import DEFAULT_TIMEOUT, Outcome, Reporter, Stopped, run_tasks, shard_of, stop_on_signals
from ogmp.diagnostics import Problem, shown
from ogmp.errors import Interrupted, InvalidInputError, OutputError, UsageError, os_reason
from ogmp.messages import Lang, Message
from ogmp.models.assessment import parse_date
from ogmp.models.catalogue import CATALOGUE_NAMES
from ogmp.models.result import UnitResult
from ogmp.national import summarize
from ogmp.output import FolderLock, ensure_folder, write_atomic
from ogmp.provenance import EmbeddedFile, embedded_files, result_json
from ogmp.registry import Registry
from ogmp.report.build import (
    REPORT_FORMATS,
    RenderSettings,
    ReportJob,
    national_tasks,
    report_tasks,
)
from ogmp.report.render import DEFAULT_PDF_VARIANT, check_templates, template_dirs
from ogmp.resources import user_folder
from ogmp.scoring import compare_rounds, score_assessment
from ogmp.validate import FileResult, validate_paths

FORMATS = ("json", "csv", "pdf", "html", "xlsx")
CSV_NAME = "results.csv"


@dataclass
class AssessRun:
    """What one ``ogmp assess`` run scored, refused, wrote, left as it was, and failed to write."""

    results: list[UnitResult]
    invalid: list[FileResult]
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.invalid and not self.failed


def parse_formats(values: Sequence[str]) -> list[str]:
    """``["json,csv"]`` or ``["json", "csv"]`` -> ``["json", "csv"]``; unknown ones are a usage error."""
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
    return formats


def parse_report_date(value: str | None) -> dt.date | None:
    """``--report-date``: ``YYYY-MM-DD`` (C.E. or B.E.), ``today``, or None for the assessment's own date."""
    if value is None:
        return None
    if value.strip().lower() == "today":
        return dt.date.today()
    try:
        return parse_date(value)
    except ValueError:
        raise UsageError(Message("usage.report_date", value=value)) from None


def result_stem(result: UnitResult) -> str:
    """``th-52-pm25-2564``: from validated codes only, safe on every operating system."""
    return f"{result.unit_code.lower()}-{result.agenda.replace('_', '-')}-{result.round}"


@dataclass(frozen=True)
class ReportOptions:
    """How gap reports are rendered (``--lang``, ``--thai-digits``, ``--templates``, ``--report-date``)."""

    langs: tuple[Lang, ...] = ("th",)
    templates: Path | None = None
    digits_thai: bool = False
    report_date: dt.date | None = None
    pdf_variant: str = DEFAULT_PDF_VARIANT


def assess_paths(
    paths: Sequence[Path],
    registry: Registry,
    *,
    formats: Sequence[str] = (),
    out: Path = Path("reports"),
    report: ReportOptions | None = None,
    today: dt.date | None = None,
    jobs: int = 1,
    shard: tuple[int, int] | None = None,
    incremental: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    reporter: Reporter | None = None,
) -> AssessRun:
    """Score every valid assessment under ``paths`` and write what ``formats`` ask for.

    Invalid files are reported and skipped; the others are still scored and written.
    With ``shard=(k, n)`` only the units of shard k are written (the national files by
    shard 1): n machines running k = 1..n together write exactly the files one would.
    """
    options = report or ReportOptions()
    if options.templates is not None:
        user_folder(options.templates)
    if any(name in formats for name in REPORT_FORMATS):
        check_templates(template_dirs(options.templates))  # once, before any report is rendered
    validation = validate_paths(paths, registry, today=today)
    scored: list[UnitResult] = []
    sources: list[FileResult] = []
    invalid: list[FileResult] = []
    for item in validation.results:
        if not item.ok or item.assessment is None or item.rubric is None or item.document is None:
            invalid.append(item)
            continue
        sources.append(item)
        scored.append(
            score_assessment(
                item.assessment,
                item.rubric,
                registry.catalogues,
                file_name=item.document.path.name,
                sha256=item.document.sha256,
                rubric_sha256=item.rubric_sha256 or "",
            )
        )
    pairs = sorted(zip(compare_rounds(scored), sources, strict=True), key=lambda pair: _order(pair[0]))
    results = [result for result, _ in pairs]
    run = AssessRun(results, invalid)

    def mine(result: UnitResult) -> bool:
        return shard is None or shard_of(f"{result.unit_code}|{result.agenda}", shard[1]) == shard[0]

    first_shard = shard is None or shard[0] == 1
    lock = FolderLock(out)
    try:
        with stop_on_signals():
            if formats and results:
                ensure_folder(out, out)
            _write_tables(run, [result for result in results if mine(result)], formats, out, lock)
            settings = RenderSettings(
                options.templates, options.digits_thai, options.report_date, options.pdf_variant
            )
            tasks = report_tasks(
                [
                    ReportJob(
                        result,
                        source.assessment,
                        source.rubric,
                        result_stem(result),
                        embedded_inputs(result, source, registry),
                    )
                    for result, source in pairs
                    if mine(result) and source.assessment is not None and source.rubric is not None
                ],
                registry.catalogues,
                formats=[name for name in formats if name in REPORT_FORMATS],
                langs=options.langs,
                out=out,
                settings=settings,
            )
            national = [name for name in formats if name in ("pdf", "html", "xlsx")]
            if national and first_shard:
                tasks += national_tasks(
                    summarize(results, registry.catalogues),
                    results,
                    formats=national,
                    langs=options.langs,
                    out=out,
                    settings=settings,
                )
            batch = run_tasks(
                tasks, out, jobs=jobs, timeout=timeout, incremental=incremental, reporter=reporter, lock=lock
            )
    except Interrupted as stopped:  # the reports' own count, and the tables written before them
        raise Interrupted(stopped.written + len(run.written), stopped.left, stopped.signum) from None
    except (KeyboardInterrupt, Stopped) as stop:
        signum = stop.signum if isinstance(stop, Stopped) else signal.SIGINT
        raise Interrupted(len(run.written), 0, signum) from None
    run.written += batch.written
    run.skipped += batch.skipped
    run.failed += batch.failed
    return run


def _write_tables(
    run: AssessRun, results: Sequence[UnitResult], formats: Sequence[str], out: Path, lock: FolderLock
) -> None:
    """The JSON of each unit, and the units' rows in ``results.csv``, which every run into the
    folder shares: it keeps the rows of units this run did not assess."""
    if "json" in formats:
        for result in results:
            path = out / f"{result_stem(result)}.json"
            if _write_if_changed(path, result_json(result)):
                run.written.append(path)
    if "csv" in formats and results:
        path = out / CSV_NAME
        with lock.held():
            try:
                existing = path.read_bytes()
            except FileNotFoundError:
                existing = b""
            except OSError as error:
                raise OutputError(
                    Message("output.failed", path=shown(path), reason=os_reason(error))
                ) from None
            if _write_if_changed(path, merge_csv(existing, results)):
                run.written.append(path)


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` unless ``path`` already holds exactly it; say whether it wrote."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


def embedded_inputs(result: UnitResult, source: FileResult, registry: Registry) -> tuple[EmbeddedFile, ...]:
    """The files a report carries: its assessment, rubric, catalogues and scored result."""
    assert source.document is not None and source.rubric_path is not None
    return embedded_files(
        result,
        assessment=_unchanged(source.document.path, result.inputs.sha256),
        rubric=_unchanged(source.rubric_path, result.inputs.rubric_sha256),
        catalogues={name: _read(registry.shared_file(name)) for name in CATALOGUE_NAMES},
    )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise OutputError(Message("file.unreadable", reason=os_reason(error))) from None


def _unchanged(path: Path, sha256: str) -> bytes:
    """The file's bytes, provided they are still those that were scored."""
    data = _read(path)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise InvalidInputError([Problem(shown(path), None, (), Message("input.changed"))])
    return data


def _order(result: UnitResult) -> tuple[str, str, int]:
    return (result.unit_code, result.agenda, result.round)


CSV_COLUMNS = (
    "unit_code",
    "unit_name_th",
    "unit_name_en",
    "unit_kind",
    "agenda",
    "round",
    "date",
    "rubric_id",
    "rubric_version",
    "component_number",
    "component_id",
    "component_name_th",
    "component_name_en",
    "component_weight",
    "score",
    "mean_level",
    "level",
    "target",
    "target_source",
    "gap",
    "priority",
    "priority_rank",
    "indicators_scored",
    "indicators_not_applicable",
    "evidenced_percent",
    "public_percent",
    "confidence",
    "overall_score",
    "overall_level",
    "file",
    "sha256",
)


def to_csv(results: Sequence[UnitResult]) -> bytes:
    """One row per unit and component; UTF-8 with a BOM so that Excel shows Thai."""
    return _csv_bytes(list(_csv_rows(results)))


def merge_csv(existing: bytes, results: Sequence[UnitResult]) -> bytes:
    """``results.csv`` as it was, with the rows of ``results``' units in place of theirs.

    Rows are in unit, agenda, round and component order, so that shards of a round,
    merged one after the other, give the bytes one run would.
    """
    ours = {(result.unit_code, result.agenda, str(result.round)) for result in results}
    kept: list[Sequence[object]] = []
    for row in csv.DictReader(io.StringIO(existing.decode("utf-8-sig", errors="replace"))):
        key = (row.get("unit_code"), row.get("agenda"), row.get("round"))
        if all(key) and key not in ours:
            kept.append([row.get(column) or "" for column in CSV_COLUMNS])
    return _csv_bytes(kept + list(_csv_rows(results)))


_ORDER = tuple(CSV_COLUMNS.index(name) for name in ("unit_code", "agenda", "round", "component_number"))


def _csv_order(row: Sequence[object]) -> tuple[tuple[int, str], ...]:
    def part(value: object) -> tuple[int, str]:
        text = str(value)
        return (0, text.zfill(12)) if text.isdigit() else (1, text)

    return tuple(part(row[index]) for index in _ORDER)


def _csv_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    ordered: list[Sequence[object]] = sorted(rows, key=_csv_order)
    writer.writerows(ordered)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_rows(results: Sequence[UnitResult]) -> Iterator[Sequence[object]]:
    for result in results:
        for component in result.components:
            yield (
                [
                    result.unit_code,
                    result.unit_name.th,
                    result.unit_name.en,
                    result.unit_kind,
                    result.agenda,
                    result.round,
                    result.date.isoformat(),
                    result.inputs.rubric_id,
                    result.inputs.rubric_version,
                    component.number,
                    component.id,
                    component.name.th,
                    component.name.en,
                    _cell(component.weight),
                    _cell(component.score),
                    _cell(component.mean_level),
                    _cell(component.level),
                    component.target,
                    component.target_source,
                    _cell(component.gap),
                    _cell(component.priority),
                    _cell(component.priority_rank),
                    component.confidence.scored,
                    len(component.not_applicable),
                    _cell(component.confidence.evidenced_percent),
                    _cell(component.confidence.public_percent),
                    component.confidence.label,
                    _cell(result.overall.score),
                    _cell(result.overall.level),
                    result.inputs.file,
                    result.inputs.sha256,
                ]
            )


def _cell(value: float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
