"""The ``ogmp`` command line: parse options, call the library, print, exit.

Commands import the library modules they need when they run, so that the everyday
``ogmp validate`` loads neither the report renderer nor the scoring side.

Exit codes: 0 success; 1 invalid input (or a file that could not be read or
written); 2 usage error. Errors of the library (:mod:`ogmp.errors`) are
caught here and only here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar, get_args

import typer

from ogmp import __version__
from ogmp.diagnostics import shown
from ogmp.errors import InvalidInputError, OgmpError
from ogmp.messages import Lang, Message
from ogmp.models.assessment import UnitKind
from ogmp.options import (
    AUDIENCES,
    DEFAULT_PDF_VARIANT,
    DEFAULT_TIMEOUT,
    FORMATS,
    PDF_VARIANTS,
    REPORT_SCOPES,
    SUMMARY_LIMIT,
    AssessOptions,
    parse_language,
    parse_seconds,
    parse_whole,
)
from ogmp.registry import Registry
from ogmp.terminal import (
    make_console,
    print_assessment,
    print_outputs,
    print_problems,
    print_prose,
    print_rubric,
    print_rubric_list,
    print_validation,
    progress_reporter,
)
from ogmp.usage import Commands
from ogmp.validate import validate_paths

if TYPE_CHECKING:
    from ogmp.assess import AssessRun
    from ogmp.evidence import EvidenceRun

T = TypeVar("T")


def _choices(values: Sequence[str]) -> str:
    """``[all|units|summaries]``: an option's choices, for its help."""
    return "[" + "|".join(values) + "]"


app = typer.Typer(
    name="ogmp",
    help="Assess Open Government and Meaningful Participation (OGMP) maturity.\n\n"
    "ประเมินระบบนิเวศภาครัฐระบบเปิดและการมีส่วนร่วมอย่างมีความหมาย",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=Commands,
)
rubric_app = typer.Typer(
    help="List, show and check rubrics. / ดู แสดง และตรวจเกณฑ์การประเมิน", no_args_is_help=True
)
app.add_typer(rubric_app, name="rubric")
review_app = typer.Typer(
    help="Independent review of assessments, and the secretariat's decision. / การทบทวนแบบประเมินและคำวินิจฉัย",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")
plan_app = typer.Typer(
    help="Action plans made from a report, followed up the next round. / แผนปฏิบัติการและการติดตามผล",
    no_args_is_help=True,
)
app.add_typer(plan_app, name="plan")
evidence_app = typer.Typer(help="Check evidence links. / ตรวจลิงก์หลักฐาน", no_args_is_help=True)
app.add_typer(evidence_app, name="evidence")


MESSAGE_LANGS = ("th", "en")
REPORT_LANGS = ("th", "en", "both")

LangOption = Annotated[
    str,
    typer.Option(
        "--lang",
        envvar="OGMP_LANG",
        metavar=_choices(MESSAGE_LANGS),
        help="Language of messages: th or en. / ภาษาของข้อความ",
    ),
]
PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Assessment files or folders. / ไฟล์หรือโฟลเดอร์แบบประเมิน",
        readable=False,  # ogmp says why it cannot read a file, in the user's language
    ),
]
RubricsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--rubrics",
        help="Extra folder of rubrics, searched before the bundled ones. / โฟลเดอร์เกณฑ์เพิ่มเติม",
    ),
]

RubricVersionOption = Annotated[
    str | None,
    typer.Option("--rubric-version", metavar="N", help="Rubric version (default: the latest)."),
]


def _rubric_version(value: str | None) -> int | None:
    """``--rubric-version``: a whole number, or None for the latest."""
    return None if value is None else parse_whole("--rubric-version", value, minimum=1)


def _registry(lang: Lang, rubric_dirs: list[Path] | None) -> Registry:
    return _run(lang, lambda: Registry(rubric_dirs or []))


def _language(value: str) -> Lang:
    """The language of messages (``--lang`` or ``OGMP_LANG``); one not offered is a usage
    error, told in Thai."""
    return "en" if _run("th", lambda: parse_language(value, MESSAGE_LANGS)) == "en" else "th"


def _run(lang: Lang, action: Callable[[], T]) -> T:
    """Run a library call; report an ogmp error in the user's language and exit."""
    try:
        return action()
    except OgmpError as error:
        console = make_console(stderr=True)
        if isinstance(error, InvalidInputError):
            print_problems(console, error.problems, lang)
        else:
            print_prose(console, error.render(lang))
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:  # Ctrl-C where nothing was being written
        print_prose(make_console(stderr=True), Message("run.stopped").render(lang))
        raise typer.Exit(130) from None


def _exit(code: int) -> NoReturn:
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ogmp {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Assess Open Government and Meaningful Participation (OGMP) maturity."""


@app.command()
def validate(
    paths: PathsArgument,
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="The file is still being filled in: report progress, allow unscored indicators."
            " / ไฟล์ยังกรอกไม่ครบ",
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only problems and the summary.")
    ] = False,
    lang: LangOption = "th",
    rubrics: RubricsOption = None,
) -> None:
    """Check assessment files; exit 0 when all are valid, 1 otherwise."""
    language = _language(lang)
    registry = _registry(language, rubrics)
    report = _run(language, lambda: validate_paths(paths, registry, partial=partial, keep_inputs=False))
    print_validation(make_console(), report, language, quiet=quiet)
    _exit(0 if report.ok else 1)


@app.command()
def assess(
    paths: PathsArgument,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="Files to write, comma-separated or repeated: "
            + ", ".join(f"{name} ({what})" for name, what in FORMATS.items())
            + ".",
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for written files.")] = Path("reports"),
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            envvar="OGMP_LANG",
            metavar=_choices(REPORT_LANGS),
            help="Report language: th, en or both. / ภาษาของรายงาน",
        ),
    ] = "th",
    thai_digits: Annotated[
        bool, typer.Option("--thai-digits", help="Thai digits in Thai reports. / ใช้เลขไทย")
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="Folder of templates, stylesheet and labels overriding the bundled ones."
            " Templates are trusted code: use only a folder you trust as you trust ogmp itself.",
        ),
    ] = None,
    report_date: Annotated[
        str | None,
        typer.Option(
            "--report-date",
            help="Date printed on reports, YYYY-MM-DD or 'today' (default: the assessment date).",
        ),
    ] = None,
    pdf_variant: Annotated[
        str,
        typer.Option(
            "--pdf-variant",
            metavar=_choices(PDF_VARIANTS),
            help="pdf/a-3b: archival, carries its inputs (default); pdf/ua-1: tagged for screen readers; none.",
        ),
    ] = DEFAULT_PDF_VARIANT,
    audience: Annotated[
        str,
        typer.Option(
            "--audience",
            metavar=_choices(AUDIENCES),
            help="public: reviewers' public notes only (default); internal: all notes, written as"
            " NAME.LANG.internal.pdf beside the public report.",
        ),
    ] = "public",
    jobs: Annotated[
        str | None,
        typer.Option(
            "--jobs", "-j", metavar="N", help="Reports rendered at once (default: the machine's cores)."
        ),
    ] = None,
    shard: Annotated[
        str | None,
        typer.Option(
            "--shard", metavar="K/N", help="Write only shard K of N (units split by a stable hash)."
        ),
    ] = None,
    timeout: Annotated[
        str | None,
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            help=f"Seconds allowed to render one report (default: {DEFAULT_TIMEOUT:g}).",
        ),
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Render every report again, even those already up to date.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Do not print the per-unit summaries.")
    ] = False,
    reports: Annotated[
        str,
        typer.Option(
            "--reports",
            metavar=_choices(REPORT_SCOPES),
            help="With pdf or html: all (default); units: each unit's gap report only;"
            " summaries: only the national summaries and provincial roll-ups.",
        ),
    ] = "all",
    summaries: Annotated[
        bool,
        typer.Option(
            "--summaries",
            help=f"Print every unit's summary (by default, only rounds of up to {SUMMARY_LIMIT} units).",
        ),
    ] = False,
    rubrics: RubricsOption = None,
) -> None:
    """Score assessments and write gap reports: as-is, to-be, gaps, evidence, national context."""
    from ogmp.assess import assess_paths

    report_lang = _run("th", lambda: parse_language(lang, REPORT_LANGS))
    language: Lang = "en" if report_lang == "en" else "th"
    options = _run(
        language,
        lambda: AssessOptions.parse(
            formats=formats or [],
            out=out,
            lang=report_lang,
            thai_digits=thai_digits,
            templates=templates,
            report_date=report_date,
            pdf_variant=pdf_variant,
            audience=audience,
            jobs=jobs,
            shard=shard,
            timeout=timeout,
            rebuild=rebuild,
            summaries="none" if quiet else "all" if summaries else "auto",
            reports=reports,
        ),
    )
    registry = _registry(language, rubrics)

    def assess_with_progress() -> AssessRun:
        with progress_reporter(language) as reporter:  # gone before an error or a stop is told
            return assess_paths(paths, registry, options, reporter=reporter)

    run = _run(language, assess_with_progress)
    console = make_console()
    for invalid in run.invalid:
        print_problems(console, invalid.problems, language)
    for result in run.results:
        print_assessment(console, result, language)
    if run.results_left_out and not quiet:
        message = Message("assess.summaries_left_out", limit=SUMMARY_LIMIT, count=run.results_left_out)
        print_prose(console, message.render(language))
    print_outputs(console, run, language)
    _exit(0 if run.ok else 1)


@app.command()
def verify(
    reports: Annotated[
        list[Path],
        typer.Argument(metavar="REPORT.pdf", help="PDF reports made by ogmp assess.", readable=False),
    ],
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", help="The templates folder the reports were made with, if not the bundled one."
        ),
    ] = None,
    lang: LangOption = "th",
) -> None:
    """Check that reports are what their embedded inputs give, page by page (exit 0 when they are)."""
    from ogmp.verify import verify_report

    language = _language(lang)
    console = make_console()
    failed = False
    for report in reports:
        try:
            verification = verify_report(report, templates=templates)
        except InvalidInputError as error:  # this report cannot be checked; go on with the others
            print_problems(make_console(stderr=True), error.problems, language)
            failed = True
            continue
        for difference in verification.differences:
            console.print(f"{verification.report}: {difference.render(language)}", markup=False, style="red")
        failed = failed or not verification.ok
        print_prose(console, verification.summary().render(language))
    _exit(1 if failed else 0)


@app.command()
def init(
    unit: Annotated[str, typer.Option("--unit", help="Unit code, e.g. TH-52 for Lampang. / รหัสหน่วยงาน")],
    agenda: Annotated[str, typer.Option("--agenda", help="Agenda id, e.g. pm25. / รหัสวาระ")],
    fiscal_year: Annotated[
        str,
        typer.Option(
            "--round", metavar="YEAR", help="Fiscal year in the Buddhist Era, e.g. 2564. / ปีงบประมาณ พ.ศ."
        ),
    ],
    rubric: Annotated[str, typer.Option("--rubric", help="Rubric id. / รหัสเกณฑ์")] = "ogmp-8",
    rubric_version: RubricVersionOption = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar=_choices(get_args(UnitKind)),
            help="province, agency or local (not needed for provinces).",
        ),
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="Thai name of an agency or local administration.")
    ] = None,
    name_en: Annotated[str | None, typer.Option("--name-en", help="English name.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="File or folder to write to.")] = None,
    lang: LangOption = "th",
    rubrics: RubricsOption = None,
) -> None:
    """Write a commented assessment scaffold to fill in; never overwrite a file."""
    from ogmp.scaffold import init_assessment

    language = _language(lang)
    registry = _registry(language, rubrics)
    result = _run(
        language,
        lambda: init_assessment(
            registry,
            unit_code=unit,
            agenda_id=agenda,
            fiscal_year=parse_whole("--round", fiscal_year, minimum=1),
            rubric_id=rubric,
            rubric_version=_rubric_version(rubric_version),
            kind=kind,
            name=name,
            name_en=name_en,
            out=out,
            lang=language,
        ),
    )
    if result.schema_path is not None:
        typer.echo(Message("init.schema_written", path=shown(result.schema_path)).render(language))
    message = Message(
        "init.written",
        path=shown(result.path),
        indicators=result.indicators,
        components=result.components,
    )
    typer.echo(message.render(language))


@app.command()
def schema(
    rubric: Annotated[
        str | None,
        typer.Option("--rubric", help="Specialise to this rubric: its components and indicators."),
    ] = None,
    rubric_version: RubricVersionOption = None,
    lang: LangOption = "th",
    rubrics: RubricsOption = None,
) -> None:
    """Print the JSON Schema of assessment files (for VS Code and other editors)."""
    from ogmp.schema import schema_text

    language = _language(lang)
    if rubric is None:
        sys.stdout.write(schema_text())
        return
    registry = _registry(language, rubrics)
    found = _run(language, lambda: registry.require(rubric, _rubric_version(rubric_version)))
    sys.stdout.write(schema_text(found, registry.catalogues))


AssessmentArgument = Annotated[
    Path,
    typer.Argument(help="The assessment file reviewed. / ไฟล์แบบประเมินที่ทบทวน", readable=False),
]


@review_app.command("init")
def review_init(
    assessment: AssessmentArgument,
    reviewer: Annotated[str, typer.Option("--reviewer", help="The reviewer's full name. / ชื่อผู้ทบทวน")],
    org: Annotated[str, typer.Option("--org", help="The reviewer's organisation. / หน่วยงานของผู้ทบทวน")],
    role: Annotated[str | None, typer.Option("--role", help="Position or role. / ตำแหน่ง")] = None,
    reviewer_id: Annotated[
        str | None,
        typer.Option("--id", help="Short name in the file name (default: 1, 2, ...). / ชื่อสั้นในชื่อไฟล์"),
    ] = None,
    lang: LangOption = "th",
    rubrics: RubricsOption = None,
) -> None:
    """Write a review file beside the assessment, listing every indicator to verify."""
    from ogmp.reviewing import init_review

    language = _language(lang)
    registry = _registry(language, rubrics)
    written = _run(
        language,
        lambda: init_review(
            registry,
            assessment,
            reviewer=reviewer,
            org=org,
            role=role,
            reviewer_id=reviewer_id,
            lang=language,
        ),
    )
    if written.schema_path is not None:
        typer.echo(Message("init.schema_written", path=shown(written.schema_path)).render(language))
    typer.echo(
        Message("review.written", path=shown(written.path), indicators=written.indicators).render(language)
    )


@review_app.command("decide")
def review_decide(
    assessment: AssessmentArgument,
    by: Annotated[str, typer.Option("--by", help="Who decides, for the secretariat. / ผู้วินิจฉัย")],
    org: Annotated[str, typer.Option("--org", help="Their organisation. / หน่วยงาน")] = "สำนักงาน ก.พ.ร.",
    role: Annotated[str | None, typer.Option("--role", help="Position or role. / ตำแหน่ง")] = None,
    lang: LangOption = "th",
    rubrics: RubricsOption = None,
) -> None:
    """Write the secretariat's decision file, listing the indicators in dispute."""
    from ogmp.reviewing import init_decision

    language = _language(lang)
    registry = _registry(language, rubrics)
    written = _run(
        language, lambda: init_decision(registry, assessment, by=by, org=org, role=role, lang=language)
    )
    if written.schema_path is not None:
        typer.echo(Message("init.schema_written", path=shown(written.schema_path)).render(language))
    typer.echo(
        Message("decision.written", path=shown(written.path), indicators=written.indicators).render(language)
    )


@plan_app.command("init")
def plan_init(
    assessment: Annotated[
        Path,
        typer.Argument(help="The assessment the plan is made from. / แบบประเมินที่ใช้จัดทำแผน", readable=False),
    ],
    lang: LangOption = "th",
    rubrics: RubricsOption = None,
) -> None:
    """Write an action plan beside the assessment, one action per recommendation of its report."""
    from ogmp.planning import init_plan

    language = _language(lang)
    registry = _registry(language, rubrics)
    written = _run(language, lambda: init_plan(registry, assessment, lang=language))
    if written.schema_path is not None:
        typer.echo(Message("init.schema_written", path=shown(written.schema_path)).render(language))
    typer.echo(Message("plan.written", path=shown(written.path), actions=written.actions).render(language))


@evidence_app.command("check")
def evidence_check(
    paths: PathsArgument,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Also fetch addresses on this machine's own networks (an intranet)."
        ),
    ] = False,
    timeout: Annotated[
        str, typer.Option("--timeout", metavar="SECONDS", help="Seconds to connect and between reads.")
    ] = "10",
    jobs: Annotated[
        str, typer.Option("--jobs", "-j", metavar="N", help="Links fetched at once, 1 to 32.")
    ] = "8",
    lang: LangOption = "th",
    rubrics: RubricsOption = None,
) -> None:
    """Fetch every evidence link once and record what was found beside the assessments."""
    from ogmp.evidence import CheckOptions, check_evidence
    from ogmp.terminal import print_evidence_run

    language = _language(lang)
    registry = _registry(language, rubrics)
    options = _run(
        language,
        lambda: CheckOptions(
            timeout=parse_seconds("--timeout", timeout, minimum=1),
            jobs=parse_whole("--jobs", jobs, minimum=1, maximum=32),
            allow_private=allow_private,
        ),
    )

    def check_with_progress() -> EvidenceRun:
        with progress_reporter(language, "evidence.progress") as bar:  # gone before an error is told
            return check_evidence(
                paths, registry, options, on_start=bar.start, on_checked=lambda url, check: bar.done()
            )

    run = _run(language, check_with_progress)
    print_evidence_run(make_console(), run, language)


@rubric_app.command("list")
def rubric_list(lang: LangOption = "th", rubrics: RubricsOption = None) -> None:
    """List the rubrics available."""
    language = _language(lang)
    registry = _registry(language, rubrics)
    entries = _run(language, lambda: registry.entries)
    print_rubric_list(make_console(), entries, language)


@rubric_app.command("show")
def rubric_show(
    rubric_id: Annotated[str, typer.Argument(metavar="ID", help="Rubric id, e.g. ogmp-8.")],
    rubric_version: RubricVersionOption = None,
    lang: LangOption = "th",
    rubrics: RubricsOption = None,
) -> None:
    """Show a rubric: components, indicators, level descriptors, recommendations."""
    language = _language(lang)
    registry = _registry(language, rubrics)
    rubric = _run(language, lambda: registry.require(rubric_id, _rubric_version(rubric_version)))
    practices = {p.id: p.name.get(language) for p in registry.catalogues.practices.practices}
    print_rubric(make_console(), rubric, language, practices)


@rubric_app.command("check")
def rubric_check(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Rubric files (default: every rubric found).", readable=False)
    ] = None,
    lang: LangOption = "th",
    rubrics: RubricsOption = None,
) -> None:
    """Check rubric files: structure, unique ids, both languages, references, weights."""
    language = _language(lang)
    registry = _registry(language, rubrics)
    if files:
        entries = _run(language, lambda: [registry.load_rubric_file(path) for path in files])
    else:
        entries = _run(language, lambda: registry.entries)
    console = make_console()
    failed = False
    for entry in entries:
        print_problems(console, entry.problems, language)
        if entry.errors or entry.rubric is None:
            failed = True
            continue
        rubric = entry.rubric
        message = Message(
            "rubric_check.ok",
            path=shown(entry.path),
            rubric_id=rubric.id,
            version=rubric.version,
            components=len(rubric.components),
            indicators=len(rubric.indicators_by_id),
            recommendations=sum(len(c.recommendations) for c in rubric.components),
        )
        print_prose(console, message.render(language))
    _exit(1 if failed else 0)


def main() -> None:
    """Entry point of the ``ogmp`` script."""
    app()
