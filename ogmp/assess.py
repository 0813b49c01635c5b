"""``ogmp assess``: validate, score and export assessments, one unit or a whole round."""

from __future__ import annotations

import datetime as dt
import hashlib
import signal
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ogmp import filenames
from ogmp.batch import Outcome, Reporter, Stopped, run_tasks, shard_of, stop_on_signals
from ogmp.diagnostics import Problem, shown
from ogmp.errors import Interrupted, InvalidInputError, OutputError, os_reason
from ogmp.messages import Message
from ogmp.models.catalogue import CATALOGUE_NAMES
from ogmp.models.result import UnitResult
from ogmp.national import summarize
from ogmp.options import NATIONAL_FORMATS, REPORT_FORMATS, AssessOptions
from ogmp.output import FolderLock, ensure_folder, write_atomic
from ogmp.plans import follow_up, planned_actions
from ogmp.provenance import EmbeddedFile, embedded_files, result_json
from ogmp.registry import Registry
from ogmp.report.build import ReportJob, national_tasks, report_tasks
from ogmp.report.linebreak import report_terms
from ogmp.report.render import check_templates, template_dirs
from ogmp.resources import user_folder
from ogmp.scoring import compare_rounds, score_reviewed
from ogmp.tables import merge_results_csv
from ogmp.validate import CheckedFile, validate_paths


@dataclass
class AssessRun:
    """What one ``ogmp assess`` run scored, refused, wrote, left as it was, and failed to write."""

    results: list[UnitResult]
    invalid: list[CheckedFile]
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.invalid and not self.failed


def assess_paths(
    paths: Sequence[Path],
    registry: Registry,
    options: AssessOptions | None = None,
    *,
    today: dt.date | None = None,
    reporter: Reporter | None = None,
) -> AssessRun:
    """Score every valid assessment under ``paths`` and write what ``options`` ask for.

    Invalid files are reported and skipped; the others are still scored and written.
    With ``options.shard=(k, n)`` only the units of shard k are written (the national
    files by shard 1): n machines running k = 1..n together write exactly the files one would.
    """
    options = options or AssessOptions()
    render, out, shard = options.render, options.out, options.shard
    if render.templates is not None:
        user_folder(render.templates)
    if options.writes(*REPORT_FORMATS):
        check_templates(template_dirs(render.templates))  # once, before any report is rendered
    validation = validate_paths(paths, registry, today=today)
    scored: list[UnitResult] = []
    sources: list[CheckedFile] = []
    invalid: list[CheckedFile] = []
    for item in validation.results:
        if not item.ok or item.assessment is None or item.rubric is None or item.document is None:
            invalid.append(item)
            continue
        sources.append(item)
        scored.append(score_checked(item, registry))
    pairs = _followed_up(
        sorted(zip(compare_rounds(scored), sources, strict=True), key=lambda pair: _order(pair[0]))
    )
    results = [result for result, _ in pairs]
    run = AssessRun(results, invalid)

    def mine(result: UnitResult) -> bool:
        return shard is None or shard_of(f"{result.unit_code}|{result.agenda}", shard[1]) == shard[0]

    first_shard = shard is None or shard[0] == 1
    formats = options.formats
    lock = FolderLock(out)
    try:
        with stop_on_signals():
            if formats and results:
                ensure_folder(out, out)
            _write_tables(run, [result for result in results if mine(result)], formats, out, lock)
            tasks = report_tasks(
                [
                    ReportJob(
                        result,
                        source.assessment,
                        source.rubric,
                        embedded_inputs(result, source, registry),
                        source.companions(),
                    )
                    for result, source in pairs
                    if mine(result) and source.assessment is not None and source.rubric is not None
                ],
                registry.catalogues,
                formats=formats,
                out=out,
                options=render,
            )
            if first_shard and options.writes(*NATIONAL_FORMATS):
                summary = summarize(results, registry.catalogues)
                tasks += national_tasks(
                    summary,
                    results,
                    formats=formats,
                    out=out,
                    options=render,
                    terms=report_terms(registry.catalogues),
                )
            batch = run_tasks(
                tasks,
                out,
                jobs=options.jobs,
                timeout=options.timeout,
                incremental=options.incremental,
                reporter=reporter,
                lock=lock,
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
            path = out / f"{filenames.stem(result.unit_code, result.agenda, result.round)}.json"
            if _write_if_changed(path, result_json(result)):
                run.written.append(path)
    if "csv" in formats and results:
        path = out / filenames.RESULTS_CSV
        with lock.held():
            try:
                existing = path.read_bytes()
            except FileNotFoundError:
                existing = b""
            except OSError as error:
                raise OutputError(
                    Message("output.failed", path=shown(path), reason=os_reason(error))
                ) from None
            if _write_if_changed(path, merge_results_csv(existing, results)):
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


def score_checked(item: CheckedFile, registry: Registry) -> UnitResult:
    """The figures of a valid assessment file, from its final levels: with the reviews, the
    decision and the checked links that go with it, and the action plan made from it."""
    assert item.assessment is not None and item.rubric is not None and item.document is not None
    result = score_reviewed(
        item.assessment,
        item.rubric,
        registry.catalogues,
        file_name=item.document.path.name,
        sha256=item.document.sha256,
        rubric_sha256=item.rubric_sha256 or "",
        companions=item.companions(),
    )
    if item.plan is None:
        return result
    return result.model_copy(update={"plan": planned_actions(item.plan[1], result)})


def _followed_up(pairs: list[tuple[UnitResult, CheckedFile]]) -> list[tuple[UnitResult, CheckedFile]]:
    """Each result with the follow-up of the latest earlier round's plan of the same unit and
    agenda, when that round and its plan are among the inputs."""
    plans: dict[tuple[str, str], list[tuple[UnitResult, CheckedFile]]] = {}
    for result, source in pairs:
        if source.plan is not None:
            plans.setdefault((result.unit_code, result.agenda), []).append((result, source))
    followed = []
    for result, source in pairs:
        earlier = [
            (before, made)
            for before, made in plans.get((result.unit_code, result.agenda), [])
            if before.round < result.round
        ]
        if earlier:
            before, made = max(earlier, key=lambda pair: pair[0].round)
            assert made.plan is not None
            document, plan = made.plan
            result = result.model_copy(
                update={"follow_up": follow_up(plan, document.path.name, before, result)}
            )
        followed.append((result, source))
    return followed


def embedded_inputs(result: UnitResult, source: CheckedFile, registry: Registry) -> tuple[EmbeddedFile, ...]:
    """The files a report carries: its assessment with its reviews, decision and checked
    links, its rubric, catalogues and scored result."""
    assert source.document is not None and source.rubric_path is not None
    companions = [document for document, _ in source.reviews]
    if source.decision is not None:
        companions.append(source.decision[0])
    if source.plan is not None:
        companions.append(source.plan[0])
    embedded = {document.path.name: _unchanged(document.path, document.sha256) for document in companions}
    links = source.document.path.parent / filenames.LINKS_FILE
    if source.links is not None and links.is_file():
        embedded[filenames.LINKS_FILE] = _read(links)
    return embedded_files(
        result,
        assessment=_unchanged(source.document.path, result.inputs.sha256),
        rubric=_unchanged(source.rubric_path, result.inputs.rubric_sha256),
        catalogues={name: _read(registry.shared_file(name)) for name in CATALOGUE_NAMES},
        companions=embedded,
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
