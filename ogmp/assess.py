"""``ogmp assess``: validate, score and export assessments, one unit or a whole round."""

from __future__ import annotations

import datetime as dt
import hashlib
import signal
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ogmp import filenames
from ogmp.batch import Outcome, Reporter, Stopped, run_tasks, shard_of, stop_on_signals
from ogmp.diagnostics import Problem, shown
from ogmp.errors import Interrupted, InvalidInputError, OutputError, os_reason
from ogmp.messages import Message
from ogmp.models.catalogue import CATALOGUE_NAMES
from ogmp.models.plan import Plan
from ogmp.models.result import UnitResult
from ogmp.national import NationalMember, summarize
from ogmp.options import REPORT_FORMATS, AssessOptions
from ogmp.output import FolderLock, ensure_folder, write_atomic
from ogmp.plans import follow_up, planned_actions
from ogmp.provenance import EmbeddedFile, embedded_files, result_json
from ogmp.registry import Registry
from ogmp.report.build import ReportJob, national_member, national_tasks, report_tasks
from ogmp.report.linebreak import report_terms
from ogmp.report.render import check_templates, template_dirs
from ogmp.resources import user_folder
from ogmp.scoring import RoundFigures, round_comparison, score_reviewed
from ogmp.tables import merge_results_csv, result_rows
from ogmp.validate import CheckedFile, check_files, validate_file


@dataclass
class AssessRun:
    """What one ``ogmp assess`` run scored, refused, wrote, left as it was, and failed to write.

    ``results`` holds the scored results whole only up to ``options.results_kept`` of them
    (a round of thousands streams through scoring); ``scored`` counts them all."""

    results: list[UnitResult]
    invalid: list[CheckedFile]
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    scored: int = 0

    @property
    def ok(self) -> bool:
        return not self.invalid and not self.failed

    @property
    def results_left_out(self) -> int:
        """How many scored results are not in ``results``."""
        return self.scored - len(self.results)


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
    Units stream through: each is scored and its JSON written as soon as it is read, and
    only what later steps need is kept (the reports' inputs when reports are asked for,
    a compact view of each unit for the national files, the figures a later round is
    compared with). With ``options.shard=(k, n)`` only the units of shard k are written
    (the national files by shard 1): n machines running k = 1..n together write exactly
    the files one would.
    """
    options = options or AssessOptions()
    render, out, shard = options.render, options.out, options.shard
    if render.templates is not None:
        user_folder(render.templates)
    wants_reports = options.writes_unit_reports
    wants_national = options.writes_summaries
    if options.writes(*REPORT_FORMATS) and (wants_reports or wants_national):
        check_templates(template_dirs(render.templates))  # once, before any report is rendered
    run = AssessRun([], [])

    def mine(result: UnitResult) -> bool:
        return shard is None or shard_of(f"{result.unit_code}|{result.agenda}", shard[1]) == shard[0]

    jobs: dict[tuple[str, str, int], ReportJob] = {}
    national: dict[tuple[str, str, int], NationalMember] = {}
    csv_rows: dict[tuple[str, str, int], list[Sequence[object]]] = {}
    kept: dict[tuple[str, str, int], UnitResult] = {}
    counted: set[tuple[str, str, int]] = set()
    json_written: set[Path] = set()
    lock = FolderLock(out)
    try:
        with stop_on_signals():
            if options.formats:
                ensure_folder(out, out)
            for source, result in ScoredStream(registry, today).scored(paths, run.invalid):
                key = _order(result)
                if key not in counted:
                    counted.add(key)
                    run.scored += 1
                if options.results_kept is None or len(kept) < options.results_kept or key in kept:
                    kept[key] = result
                if wants_national:
                    national[key] = national_member(result)
                if not mine(result):
                    continue
                if "json" in options.formats:
                    _write_json(run, result, out, json_written)
                if "csv" in options.formats:
                    csv_rows[key] = result_rows(result)
                if wants_reports:
                    jobs[key] = _report_job(result, source, registry)
            run.results = [kept[key] for key in sorted(kept)]
            if csv_rows:
                _write_csv(run, [row for key in sorted(csv_rows) for row in csv_rows[key]], out, lock)
            tasks = report_tasks(
                [jobs[key] for key in sorted(jobs)],
                registry.catalogues,
                formats=options.formats,
                out=out,
                options=render,
            )
            if wants_national and national:
                members = [national[key] for key in sorted(national)]
                tasks += national_tasks(
                    summarize([member.result for member in members], registry.catalogues),
                    members,
                    formats=options.formats,
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


def _report_job(result: UnitResult, source: CheckedFile, registry: Registry) -> ReportJob:
    assert source.assessment is not None and source.rubric is not None
    return ReportJob(
        result,
        source.assessment,
        source.rubric,
        embedded_inputs(result, source, registry),
        source.companions(),
    )


def _write_json(run: AssessRun, result: UnitResult, out: Path, written: set[Path]) -> None:
    """The unit's JSON; ``written`` holds what this run wrote, so that a unit scored again
    (:class:`ScoredStream`) is counted once."""
    path = out / f"{filenames.stem(result.unit_code, result.agenda, result.round)}.json"
    if _write_if_changed(path, result_json(result)) and path not in written:
        written.add(path)
        run.written.append(path)


def _write_csv(run: AssessRun, rows: Sequence[Sequence[object]], out: Path, lock: FolderLock) -> None:
    """The units' rows in ``results.csv``, which every run into the folder shares: it keeps
    the rows of units this run did not assess."""
    path = out / filenames.RESULTS_CSV
    with lock.held():
        try:
            existing = path.read_bytes()
        except FileNotFoundError:
            existing = b""
        except OSError as error:
            raise OutputError(Message("output.failed", path=shown(path), reason=os_reason(error))) from None
        if _write_if_changed(path, merge_results_csv(existing, rows)):
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


class ScoredStream:
    """Scored results one file at a time, each with the change since its unit's previous
    round and the follow-up of the plan of its latest earlier round, when those rounds are
    among the inputs.

    What a later file needs of an earlier one is kept: its overall and component figures
    (under a kilobyte), and, for the few rounds with an action plan, the whole result. A
    round read before the earlier round it is compared with (files in no particular
    order) is read and scored again at the end, and given again: the last result given
    for a unit, agenda and round is its result.
    """

    def __init__(self, registry: Registry, today: dt.date | None = None) -> None:
        self.registry = registry
        self.today = today
        self._figures: dict[tuple[str, str, str], dict[int, RoundFigures]] = {}
        self._plans: dict[tuple[str, str], dict[int, tuple[UnitResult, str, Plan]]] = {}
        self._given: dict[tuple[tuple[str, str, str], int], tuple[Path, str, int | None, int | None]] = {}

    def scored(
        self, paths: Sequence[Path], invalid: list[CheckedFile]
    ) -> Iterator[tuple[CheckedFile, UnitResult]]:
        """Each valid file under ``paths`` with its result; invalid ones go to ``invalid``
        with their problems only."""
        for item in check_files(paths, self.registry, today=self.today):
            if not item.ok or item.assessment is None or item.rubric is None or item.document is None:
                item.document = item.assessment = None
                item.reviews, item.decision, item.plan = [], None, None
                invalid.append(item)
                continue
            yield item, self._score(item)
        for (series, fiscal_year), (path, sha256, previous, planned) in sorted(self._given.items()):
            if self._rounds_before(series, fiscal_year) == (previous, planned):
                continue
            again = validate_file(path, self.registry, today=self.today)
            if not again.ok or again.document is None or again.document.sha256 != sha256:
                raise InvalidInputError([Problem(shown(path), None, (), Message("input.changed"))])
            yield again, self._score(again)

    def _score(self, item: CheckedFile) -> UnitResult:
        result = score_checked(item, self.registry)
        series = (result.unit_code, result.agenda, result.inputs.rubric_id)
        previous, planned = self._rounds_before(series, result.round)
        if previous is not None:
            before = self._figures[series][previous]
            result = result.model_copy(update={"comparison": round_comparison(before, result)})
        if planned is not None:
            made, plan_file, plan = self._plans[series[:2]][planned]
            result = result.model_copy(update={"follow_up": follow_up(plan, plan_file, made, result)})
        assert item.document is not None
        self._given[(series, result.round)] = (item.document.path, item.document.sha256, previous, planned)
        self._figures.setdefault(series, {})[result.round] = RoundFigures.of(result)
        if item.plan is not None:
            document, plan = item.plan
            self._plans.setdefault(series[:2], {})[result.round] = (result, document.path.name, plan)
        return result

    def _rounds_before(self, series: tuple[str, str, str], fiscal_year: int) -> tuple[int | None, int | None]:
        """The round a result of ``series`` in ``fiscal_year`` is compared with (the latest
        earlier one of the same rubric), and the latest earlier round with a plan."""
        return (
            _latest_before(self._figures.get(series, {}), fiscal_year),
            _latest_before(self._plans.get(series[:2], {}), fiscal_year),
        )


def _latest_before(rounds: Iterable[int], fiscal_year: int) -> int | None:
    return max((year for year in rounds if year < fiscal_year), default=None)


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
