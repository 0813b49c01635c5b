"""Validate assessment files: shape, rubric conformance and completeness."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from ogmp import filenames
from ogmp.checks import (
    Progress,
    check_assessment_header,
    check_assessment_scores,
    check_decision,
    check_plan,
    check_plan_follow_up,
    check_review,
)
from ogmp.diagnostics import Problem, Severity, shown
from ogmp.errors import InvalidInputError, os_reason
from ogmp.loading import validate_document
from ogmp.messages import Message
from ogmp.models.assessment import Assessment
from ogmp.models.rubric import Rubric
from ogmp.registry import Registry
from ogmp.yamlsource import YamlDocument, read_yaml

if TYPE_CHECKING:  # imported where a file has companions: `validate` of one file starts sooner
    from ogmp.models.plan import Plan
    from ogmp.models.review import Decision, LinkChecks, Review
    from ogmp.reviews import Companions

YAML_SUFFIXES = (".yaml", ".yml")
ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass
class CheckedFile:
    """What validating one assessment file found."""

    shown: str
    problems: list[Problem] = field(default_factory=list)
    document: YamlDocument | None = None
    assessment: Assessment | None = None
    rubric: Rubric | None = None
    rubric_sha256: str | None = None
    rubric_path: Path | None = None
    progress: Progress | None = None
    reviews: list[tuple[YamlDocument, Review]] = field(default_factory=list)
    decision: tuple[YamlDocument, Decision] | None = None
    links: LinkChecks | None = None
    plan: tuple[YamlDocument, Plan] | None = None

    def companions(self) -> Companions:
        """The reviews, decision, checked links and action plan found with the assessment."""
        from ogmp.reviews import Companions

        return Companions(
            reviews=tuple((document.path.name, review) for document, review in self.reviews),
            decision=self.decision[1] if self.decision is not None else None,
            links=self.links.links if self.links is not None else {},
            plan=self.plan[1] if self.plan is not None else None,
        )

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ValidationReport:
    """The results for every file, in the order given."""

    results: list[CheckedFile]
    partial: bool

    @property
    def ok(self) -> bool:
        return all(result.ok for result in self.results)

    @property
    def error_count(self) -> int:
        return sum(len(result.errors) for result in self.results)


def expand_paths(paths: Sequence[Path]) -> list[tuple[Path, Problem | None]]:
    """Files as given, and the YAML files inside folders (recursively, sorted, hidden ones
    left out). A folder that cannot be searched is a problem, never an empty folder."""
    found: list[tuple[Path, Problem | None]] = []
    for path in paths:
        try:
            is_folder = stat.S_ISDIR(path.stat().st_mode)
        except FileNotFoundError:
            is_folder = False  # reading it says "not found"
        except OSError as error:
            message = Message("file.unreadable", reason=os_reason(error))
            found.append((path, Problem(shown(path), None, (), message)))
            continue
        if not is_folder:
            assessment = filenames.companion_of(path.name)
            found.append((path.with_name(assessment) if assessment else path, None))
            continue
        files, problems = _yaml_files(path)
        found.extend((folder, problem) for folder, problem in problems)
        if not files and not problems:
            problem = Problem(shown(path), None, (), Message("validate.no_files", path=shown(path)))
            found.append((path, problem))
        found.extend((file, None) for file in files)
    return found


def _yaml_files(folder: Path) -> tuple[list[Path], list[tuple[Path, Problem]]]:
    """The YAML files under ``folder``, and a problem for each folder that could not be searched."""
    files: list[Path] = []
    problems: list[tuple[Path, Problem]] = []

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        message = Message("folder.unreadable", reason=os_reason(error))
        problems.append((where, Problem(shown(where), None, (), message)))

    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in names:
            if Path(name).suffix.lower() not in YAML_SUFFIXES or name.startswith("."):
                continue
            assessment = filenames.companion_of(name)
            if assessment is None:
                files.append(Path(root) / name)
            elif assessment not in names:  # a review, decision or plan that nothing reads
                where = Path(root) / name
                message = Message("companion.orphan", expected=assessment)
                problems.append((where, Problem(shown(where), None, (), message)))
    return sorted(files), problems


class FolderIndex:
    """The companion files (reviews, decisions, plans) of each folder's assessments, each
    folder listed once: looking for them file by file would list a folder of thousands of
    assessments thousands of times."""

    def __init__(self) -> None:
        self._folders: dict[Path, tuple[dict[str, list[str]], frozenset[str]]] = {}

    def _listing(self, folder: Path) -> tuple[dict[str, list[str]], frozenset[str]]:
        if folder not in self._folders:
            try:
                names = frozenset(entry.name for entry in os.scandir(folder))
            except OSError:
                names = frozenset()
            companions: dict[str, list[str]] = {}
            for name in sorted(names):
                assessment = filenames.companion_of(name)
                if assessment is not None:
                    companions.setdefault(assessment, []).append(name)
            self._folders[folder] = (companions, names)
        return self._folders[folder]

    def companions(self, path: Path) -> list[str]:
        """The names of the companion files of the assessment at ``path``, sorted."""
        return self._listing(path.parent)[0].get(path.name, [])

    def has(self, folder: Path, name: str) -> bool:
        """Whether ``folder`` holds a file or folder named ``name``."""
        return name in self._listing(folder)[1]


def validate_file(
    path: Path,
    registry: Registry,
    *,
    partial: bool = False,
    today: dt.date | None = None,
    index: FolderIndex | None = None,
) -> CheckedFile:
    """Validate one assessment file, collecting every problem in it."""
    result = CheckedFile(shown(path))
    try:
        result.document = read_yaml(path, shown=result.shown)
    except InvalidInputError as error:
        result.problems = error.problems
        return result
    assessment, problems = validate_document(result.document, Assessment)
    result.problems += problems
    if assessment is None:
        return result
    result.assessment = assessment
    catalogues = registry.catalogues
    result.problems += check_assessment_header(
        result.document, assessment, catalogues, partial=partial, today=today or dt.date.today()
    )
    found = registry.find(assessment.rubric.id, assessment.rubric.version)
    if isinstance(found, Message):
        key = "version" if found.code == "rubric.version_not_found" else "id"
        result.problems.append(result.document.problem(("rubric", key), found))
        return result
    if found.rubric is None:
        message = Message(
            "rubric.unusable",
            rubric_id=assessment.rubric.id,
            version=assessment.rubric.version,
            path=shown(found.path),
        )
        result.problems.append(result.document.problem(("rubric",), message))
        return result
    result.rubric = found.rubric
    result.rubric_sha256 = found.document.sha256 if found.document is not None else None
    result.rubric_path = found.path
    problems, result.progress = check_assessment_scores(
        result.document, assessment, found.rubric, partial=partial
    )
    result.problems += problems
    _read_companions(
        result, path, assessment, found.rubric, today=today or dt.date.today(), index=index or FolderIndex()
    )
    result.problems.sort(key=Problem.sort_key)
    return result


def _read_companions(
    result: CheckedFile,
    path: Path,
    assessment: Assessment,
    rubric: Rubric,
    *,
    today: dt.date,
    index: FolderIndex,
) -> None:
    """The reviews, decision, checked links and action plan that go with the assessment at
    ``path``, each checked against it; their problems join the assessment's."""
    assert result.document is not None
    folder = path.parent
    companions = index.companions(path)
    if not companions and not index.has(folder, filenames.LINKS_FILE):
        return
    from ogmp.models.plan import Plan
    from ogmp.models.review import Decision, LinkChecks, Review
    from ogmp.reviews import verdicts

    for name in companions:
        if filenames.companion_kind(name) != "review":
            continue
        review_path = folder / name
        loaded = _read_model(review_path, Review, result)
        if loaded is not None:
            document, review = loaded
            result.problems += check_review(document, review, assessment, result.document)
            result.reviews.append((document, review))
    decision_path = folder / filenames.decision_name(path.name)
    if decision_path.name in companions and decision_path.is_file():
        loaded_decision = _read_model(decision_path, Decision, result)
        if loaded_decision is not None:
            document, decision = loaded_decision
            found = verdicts(assessment, [review for _, review in result.reviews], decision)
            result.problems += check_decision(document, decision, assessment, result.document, found)
            result.decision = (document, decision)
    plan_path = folder / filenames.plan_name(path.name)
    if plan_path.name in companions and plan_path.is_file():
        loaded_plan = _read_model(plan_path, Plan, result)
        if loaded_plan is not None:
            document, plan = loaded_plan
            result.problems += check_plan(document, plan, assessment, result.document, rubric, today=today)
            result.plan = (document, plan)
    links = folder / filenames.LINKS_FILE
    if index.has(folder, links.name) and links.is_file():
        try:
            result.links = LinkChecks.model_validate_json(links.read_bytes())
        except (OSError, ValueError):
            message = Message("links.unreadable", path=shown(links))
            result.problems.append(Problem(shown(links), None, (), message, Severity.WARNING))


def _read_model(path: Path, model: type[ModelT], result: CheckedFile) -> tuple[YamlDocument, ModelT] | None:
    try:
        document = read_yaml(path, shown=shown(path))
    except InvalidInputError as error:
        result.problems += error.problems
        return None
    value, problems = validate_document(document, model)
    result.problems += problems
    return (document, value) if value is not None else None


def validate_paths(
    paths: Sequence[Path],
    registry: Registry,
    *,
    partial: bool = False,
    today: dt.date | None = None,
    keep_inputs: bool = True,
) -> ValidationReport:
    """Validate every assessment file under ``paths``; never stops at the first bad one.

    With ``keep_inputs=False`` each file's parsed document and model are let go once it
    is checked, keeping only its problems and progress: memory then stays flat over
    thousands of files.
    """
    results = []
    for result in check_files(paths, registry, partial=partial, today=today):
        results.append(result)
        if not keep_inputs:
            result.document = result.assessment = None
    for result in results:
        result.problems.sort(key=Problem.sort_key)
    return ValidationReport(results, partial)


def check_files(
    paths: Sequence[Path], registry: Registry, *, partial: bool = False, today: dt.date | None = None
) -> Iterator[CheckedFile]:
    """Each assessment file under ``paths`` as soon as it is checked, in order.

    What is found across files is added as it is known: a file that repeats an earlier
    one's unit, agenda and round is an error; and, once every file has been seen, the
    progress entries of a plan dated after the next round's assessment are warned about
    on the plan's file (its result has then already been yielded; nothing here holds
    on to the files themselves).
    """
    first_by_identity: dict[tuple[str, str, int], str] = {}
    dates: dict[tuple[str, str, int], dt.date] = {}
    planned: list[tuple[CheckedFile, tuple[YamlDocument, Plan], tuple[str, str, int]]] = []
    index = FolderIndex()
    for path, problem in expand_paths(paths):
        if problem is not None:
            yield CheckedFile(problem.file, [problem])
            continue
        result = validate_file(path, registry, partial=partial, today=today, index=index)
        if result.assessment is not None and result.document is not None:
            identity = (result.assessment.unit.code, result.assessment.agenda, result.assessment.round)
            if identity in first_by_identity:
                message = Message("assessment.duplicate", other=first_by_identity[identity])
                result.problems.append(result.document.problem(("unit", "code"), message))
                result.problems.sort(key=Problem.sort_key)
            else:
                first_by_identity[identity] = result.shown
                if result.assessment.date is not None:
                    dates[identity] = result.assessment.date
            if result.plan is not None:
                planned.append((result, result.plan, identity))
        yield result
    for result, (document, plan), identity in planned:
        result.problems += _follow_up_problems(document, plan, identity, dates)
        result.problems.sort(key=Problem.sort_key)


def _follow_up_problems(
    document: YamlDocument,
    plan: Plan,
    made_in: tuple[str, str, int],
    dates: dict[tuple[str, str, int], dt.date],
) -> list[Problem]:
    """What the follow-up of the plan made in the round ``made_in``, in the next round among
    the files given, cannot count."""
    unit_code, agenda, made_round = made_in
    later = sorted(
        (fiscal_year, date)
        for (unit, other_agenda, fiscal_year), date in dates.items()
        if (unit, other_agenda) == (unit_code, agenda) and fiscal_year > made_round
    )
    if not later:
        return []
    fiscal_year, date = later[0]
    report = filenames.stem(unit_code, agenda, fiscal_year)
    return check_plan_follow_up(document, plan, date, report)
