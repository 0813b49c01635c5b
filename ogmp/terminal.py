"""What the command line prints: results rendered for a terminal with rich.

User-supplied text is always printed with markup off, so a note containing
``[bold]`` or an escape sequence is shown as text, not interpreted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ogmp.diagnostics import Problem, shown
from ogmp.messages import Lang, Message, tr
from ogmp.thai import break_points

if TYPE_CHECKING:  # only named in annotations: `ogmp validate` must not import the reporting side
    import rich.progress

    from ogmp.assess import AssessRun
    from ogmp.batch import Outcome
    from ogmp.evidence import EvidenceRun
    from ogmp.models.result import UnitResult
    from ogmp.models.rubric import Rubric
    from ogmp.registry import RubricEntry
    from ogmp.validate import ValidationReport


def wrap(text: str, width: int, *, indent: str = "") -> list[str]:
    """``text`` as lines of at most ``width`` cells, broken only at spaces and between Thai
    words (never inside one); continuation lines start with ``indent``."""
    lines: list[str] = []
    body = text.lstrip(" ")
    line = text[: len(text) - len(body)]  # the first line keeps its own indentation
    for piece in break_points(body):
        if piece.isspace():
            if line.strip():
                line += piece
            continue
        if line.strip() and cell_len(line) + cell_len(piece) > width:
            lines.append(line.rstrip())
            line = indent
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def print_prose(console: Console, text: str, *, indent: str = "", style: str = "") -> None:
    """Lines of prose: in a terminal, each wrapped to its width at word boundaries, Thai ones
    included (a terminal would cut a Thai word anywhere); elsewhere as they are, for grep."""
    if not console.is_terminal:
        console.print(Text(text, style=style))
        return
    for paragraph in text.split("\n"):
        lead = indent + " " * (len(paragraph) - len(paragraph.lstrip(" ")))
        for line in wrap(paragraph, console.width, indent=lead):
            console.print(Text(line, style=style))


def make_console(*, stderr: bool = False) -> Console:
    """A console that never reinterprets user text and never wraps diagnostics."""
    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)


def print_problems(console: Console, problems: list[Problem], lang: Lang) -> None:
    for problem in problems:
        style = "red" if problem.is_error else "yellow"
        console.print(Text(problem.format(lang), style=style))


def print_validation(console: Console, report: ValidationReport, lang: Lang, *, quiet: bool) -> None:
    """Every problem, a line per valid file (unless quiet), and a summary."""
    for result in report.results:
        print_problems(console, result.problems, lang)
        if result.ok and result.progress is not None and not quiet:
            code = "validate.partial" if report.partial else "validate.ok"
            message = Message(
                code,
                file=result.shown,
                scored=result.progress.scored,
                total=result.progress.total,
            )
            console.print(Text(message.render(lang), style="green"))
    bad = sum(1 for result in report.results if not result.ok)
    unscored = any(
        problem.message.code == "level.missing" for result in report.results for problem in result.problems
    )
    if unscored and not report.partial:
        console.print(Text(Message("validate.partial_hint").render(lang)))
    if bad:
        summary = Message(
            "validate.summary_bad", files=len(report.results), bad=bad, errors=report.error_count
        )
        console.print(Text(summary.render(lang), style="bold red"))
    else:
        console.print(
            Text(Message("validate.summary_ok", files=len(report.results)).render(lang), style="bold")
        )


def print_rubric_list(console: Console, entries: list[RubricEntry], lang: Lang) -> None:
    for entry in entries:
        rubric = entry.rubric
        if rubric is None:
            console.print(Text(tr("rubrics.broken", lang, path=shown(entry.path)), style="red"))
            continue
        line = tr(
            "rubrics.line",
            lang,
            id=rubric.id,
            version=rubric.version,
            components=len(rubric.components),
            indicators=len(rubric.indicators_by_id),
            name=rubric.name.get(lang),
            path=shown(entry.path),
        )
        print_prose(console, line, indent="    ")


def print_rubric(console: Console, rubric: Rubric, lang: Lang, practice_names: dict[str, str]) -> None:
    """The whole rubric, readable: components, indicators, levels, recommendations."""
    console.print(
        Text(
            tr(
                "show.header",
                lang,
                id=rubric.id,
                version=rubric.version,
                name=rubric.name.get(lang),
            ),
            style="bold",
        )
    )
    print_prose(console, rubric.description.get(lang))
    print_prose(console, tr("show.source", lang, text=rubric.source.get(lang)), style="dim")
    levels = ", ".join(f"{level} {name.get(lang)}" for level, name in rubric.levels.items())
    print_prose(console, tr("show.levels", lang, text=levels))
    console.print(Text(tr("show.default_target", lang, level=rubric.default_target)))
    principles = {principle.id: principle.name.get(lang) for principle in rubric.principles}
    stages = {stage.id: stage.name.get(lang) for stage in rubric.stages}
    drivers = {driver.id: driver.name.get(lang) for driver in rubric.drivers}
    codes = rubric.indicator_codes()
    for number, component in enumerate(rubric.components, start=1):
        console.print()
        heading = tr(
            "show.component",
            lang,
            number=number,
            name=component.name.get(lang),
            id=component.id,
            weight=_number(component.weight),
            target=rubric.target_for(component),
        )
        print_prose(console, heading, indent="   ", style="bold")
        print_prose(console, "   " + component.definition.get(lang))
        for indicator in component.indicators:
            console.print()
            line = tr(
                "show.indicator",
                lang,
                code=codes[indicator.id],
                question=(indicator.short or indicator.question).get(lang),
                id=indicator.id,
            )
            print_prose(console, "   " + line, indent="    ", style="bold")
            if indicator.short is not None:
                print_prose(console, "      " + indicator.question.get(lang), indent="      ")
            stage = tr("show.stage", lang, name=stages[indicator.stage]) if indicator.stage in stages else ""
            indices = tr("show.indices", lang, refs=", ".join(indicator.indices)) if indicator.indices else ""
            tags = tr(
                "show.tags",
                lang,
                principles=", ".join(principles.get(p, p) for p in indicator.principles),
                stage=stage,
                weight=_number(indicator.weight),
                indices=indices,
            )
            print_prose(console, "      " + tags, style="dim")
            for level, text in indicator.levels.items():
                print_prose(
                    console, f"      {level} {rubric.levels[level].get(lang)}: {text.get(lang)}", indent="  "
                )
        if component.recommendations:
            console.print(Text("   " + tr("show.recommendations", lang), style="bold"))
            for recommendation in sorted(component.recommendations, key=lambda r: r.from_level):
                practice = ""
                if recommendation.practice in practice_names:
                    practice = tr("show.practice", lang, name=practice_names[recommendation.practice])
                line = tr(
                    "show.recommendation",
                    lang,
                    level=recommendation.from_level,
                    driver=drivers.get(recommendation.driver, recommendation.driver),
                    text=recommendation.text.get(lang),
                )
                only = (
                    tr("show.agendas", lang, ids=", ".join(recommendation.agendas))
                    if recommendation.agendas
                    else ""
                )
                print_prose(console, f"   - {line}{practice}{only}", indent="  ")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _fmt(value: float | None, places: int) -> str:
    return "-" if value is None else f"{value:.{places}f}"


ASSURANCE_MESSAGES = {
    "self_assessed": "assurance.self_assessed",
    "links_checked": "assurance.links_checked",
    "reviewed": "assurance.reviewed",
    "reviewed_by_two": "assurance.reviewed_by_two",
    "decided": "assurance.decided",
}


def print_assessment(console: Console, result: UnitResult, lang: Lang) -> None:
    """The summary of one scored unit: components, top gaps, the overall index."""
    heading = tr(
        "summary.heading",
        lang,
        unit=result.unit_name.get(lang),
        code=result.unit_code,
        agenda=result.agenda_name.get(lang),
        round=result.round,
        rubric=result.inputs.rubric_id,
        version=result.inputs.rubric_version,
    )
    print_prose(console, heading, indent="  ", style="bold")
    overall = result.overall
    if overall.score is not None and overall.level is not None:
        line = tr(
            "summary.overall",
            lang,
            score=_fmt(overall.score, 1),
            mean=_fmt(overall.mean_level, 2),
            level=overall.level,
            level_name=result.level_names[overall.level].get(lang),
            target=_fmt(overall.target_mean_level, 2),
            gap=_fmt(overall.gap, 2),
        )
        print_prose(console, line, indent="  ")
    if result.reviewers:
        line = tr(
            "summary.reviewed",
            lang,
            self_score=_fmt(overall.self_score, 1),
            score=_fmt(overall.score, 1),
            assurance=Message(ASSURANCE_MESSAGES[result.assurance]),
            reviewers=", ".join(person.name for person in result.reviewers),
        )
        print_prose(console, line, indent="  ")
    headers = [tr(f"summary.{key}", lang) for key in ("col.score", "col.level", "col.target", "col.gap")]
    rows = []
    for component in result.components:
        confidence = component.confidence
        evidence = tr(f"summary.confidence.{confidence.label}", lang)
        if confidence.evidenced_percent is not None:
            evidence += f" {confidence.evidenced_percent:.0f}%"
        figures = [
            _fmt(component.score, 1) if component.score is not None else tr("summary.na", lang),
            _fmt(component.mean_level, 2),
            str(component.target),
            _fmt(component.gap, 2),
        ]
        rows.append((str(component.number), component.name.get(lang), figures, evidence))
    evidence_header = tr("summary.col.evidence", lang)
    # The name column takes what the others leave, and its names wrap between words: rich
    # would cut a Thai name anywhere, having no spaces to break at.
    others = [
        max(cell_len(cell) for cell in column)
        for column in zip(
            ["#", *headers, evidence_header],
            *[[number, *figures, evidence] for number, _, figures, evidence in rows],
            strict=True,
        )
    ]
    name_width = max(12, console.width - sum(others) - 3 * len(others))  # padding and rule: 3 cells
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("#", justify="right")
    table.add_column(tr("summary.col.component", lang), overflow="fold")
    for header in headers:
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column(evidence_header, no_wrap=True)
    for number, name, figures, evidence in rows:
        table.add_row(number, Text("\n".join(wrap(name, name_width))), *figures, evidence)
    console.print(table)
    names = {component.id: component for component in result.components}
    if result.top_gaps:
        items = "  ".join(
            f"{rank}) {names[cid].name.get(lang)} ({_fmt(names[cid].gap, 2)})"
            for rank, cid in enumerate(result.top_gaps[:3], start=1)
        )
        print_prose(console, tr("summary.top", lang, items=items), indent="  ")
    else:
        print_prose(console, tr("summary.top.none", lang))
    unsupported = [
        indicator.code
        for component in result.components
        for indicator in component.indicators
        if indicator.unsupported
    ]
    if unsupported:
        print_prose(console, tr("summary.unsupported", lang, items=", ".join(unsupported)), style="yellow")
    comparison = result.comparison
    if comparison is not None and comparison.overall_change is not None:
        console.print(
            Text(
                tr(
                    "summary.comparison",
                    lang,
                    previous=comparison.previous_round,
                    before=_fmt(comparison.overall_before, 1),
                    after=_fmt(comparison.overall_after, 1),
                    change=f"{comparison.overall_change:+}",
                )
            )
        )
    if result.plan:
        print_prose(console, tr("summary.plan", lang, count=len(result.plan)))
    follow = result.follow_up
    if follow is not None:
        from ogmp.models.plan import STATUSES

        counts = (" " if lang == "th" else ", ").join(
            f"{tr(f'status.{status}', lang)} {follow.counts[status]}"
            for status in reversed(STATUSES)
            if follow.counts.get(status)
        )
        print_prose(
            console,
            tr(
                "summary.follow_up",
                lang,
                round=follow.plan_round,
                count=len(follow.actions),
                counts=counts,
                overdue=follow.overdue,
                completed=follow.completed,
                rose=follow.completed_and_rose,
            ),
        )
    console.print()


_SHOW_EACH_FILE = 20  # beyond this, written files are counted rather than listed


def print_outputs(console: Console, run: AssessRun, lang: Lang) -> None:
    """What the run wrote, left as it was and failed to write, then its summary."""
    if len(run.written) <= _SHOW_EACH_FILE:
        for path in run.written:
            console.print(Message("assess.written", path=shown(path)).render(lang), markup=False)
    else:
        console.print(Message("assess.written_many", count=len(run.written)).render(lang), markup=False)
    if run.skipped:
        console.print(Message("assess.unchanged", count=len(run.skipped)).render(lang), markup=False)
    failures: dict[str, int] = {}  # a broken template fails every report the same way: say it once
    for outcome in run.failed:
        assert outcome.error is not None  # each failure's message names its file
        text = outcome.error.render(lang)
        failures[text] = failures.get(text, 0) + 1
    for text, count in failures.items():
        if count > 1:
            text += Message("assess.failed_same", count=count).render(lang)
        console.print(Text(text, style="red"))
    summary = (
        Message("assess.summary", scored=run.scored, invalid=len(run.invalid))
        if run.invalid
        else Message("assess.summary_all", scored=run.scored)
    ).render(lang)
    if run.failed:
        summary = Message("assess.failed", summary=summary, count=len(run.failed)).render(lang)
    console.print(summary, markup=False)


class _ProgressBar:
    """Shows a run's progress: files done of all files, time spent, time left."""

    def __init__(self, progress: rich.progress.Progress, label: str) -> None:
        self.progress = progress
        self.task = progress.add_task(label, total=None)
        self.count = 0

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def done(self, outcome: Outcome | None = None) -> None:
        self.count += 1
        self.progress.update(self.task, completed=self.count)


@contextlib.contextmanager
def progress_reporter(lang: Lang, label: str = "assess.progress") -> Iterator[_ProgressBar]:
    """A progress bar on stderr, drawn only when stderr is a terminal."""
    import rich.progress as bar  # only `ogmp assess` draws one

    console = make_console(stderr=True)
    with bar.Progress(
        bar.TextColumn("{task.description}"),
        bar.BarColumn(),
        bar.MofNCompleteColumn(),
        bar.TimeElapsedColumn(),
        bar.TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        yield _ProgressBar(progress, Message(label).render(lang))


def print_evidence_run(console: Console, run: EvidenceRun, lang: Lang) -> None:
    """What ``ogmp evidence check`` found: links by outcome, and where it recorded them."""
    counts = dict.fromkeys(("reachable", "broken", "unreachable", "refused"), 0)
    for check in run.checked.values():
        counts[check.outcome] += 1
    for url, check in sorted(run.checked.items()):
        if check.outcome != "reachable":
            shown_status = str(check.status) if check.status is not None else check.detail or ""
            console.print(Text(f"{tr(OUTCOME_MESSAGES[check.outcome], lang)} ({shown_status}): {url}"))
    console.print(Message("evidence.summary", total=len(run.checked), **counts).render(lang), markup=False)
    for path in run.written:
        console.print(Message("evidence.written", path=shown(path)).render(lang), markup=False)


OUTCOME_MESSAGES = {
    "reachable": "evidence.reachable",
    "broken": "evidence.broken",
    "unreachable": "evidence.unreachable",
    "refused": "evidence.refused",
}
