"""Validate assessment files: shape, rubric conformance and completeness."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ogmp.checks import Progress, check_assessment_header, check_assessment_scores
from ogmp.diagnostics import Problem, shown
from ogmp.errors import InvalidInputError, os_reason
from ogmp.loading import validate_document
from ogmp.messages import Message
from ogmp.models.assessment import Assessment
from ogmp.models.rubric import Rubric
from ogmp.registry import Registry
from ogmp.yamlsource import YamlDocument, read_yaml

YAML_SUFFIXES = (".yaml", ".yml")


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
            found.append((path, None))
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
            if not name.startswith(".") and Path(name).suffix.lower() in YAML_SUFFIXES:
                files.append(Path(root) / name)
    return sorted(files), problems


def validate_file(
    path: Path, registry: Registry, *, partial: bool = False, today: dt.date | None = None
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
    result.problems.sort(key=Problem.sort_key)
    return result


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
    results: list[CheckedFile] = []
    first_by_identity: dict[tuple[str, str, int], CheckedFile] = {}
    for path, problem in expand_paths(paths):
        if problem is not None:
            results.append(CheckedFile(problem.file, [problem]))
            continue
        result = validate_file(path, registry, partial=partial, today=today)
        results.append(result)
        if result.assessment is not None and result.document is not None:
            identity = (
                result.assessment.unit.code,
                result.assessment.agenda,
                result.assessment.round,
            )
            first = first_by_identity.setdefault(identity, result)
            if first is not result:
                message = Message("assessment.duplicate", other=first.shown)
                result.problems.append(result.document.problem(("unit", "code"), message))
        if not keep_inputs:
            result.document = result.assessment = None
    for result in results:
        result.problems.sort(key=Problem.sort_key)
    return ValidationReport(results, partial)
