"""Find rubrics and the shared catalogues, and load each once per process.

Rubrics are the ``*.yaml`` files at the top of each rubric folder (the user's
``--rubrics`` folders first, then the bundled one); each names its own id and
version. The shared catalogues are ``shared/*.yaml`` in the same folders.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ogmp.checks import check_indices, check_rubric
from ogmp.diagnostics import Problem, shown
from ogmp.errors import InvalidInputError, UsageError
from ogmp.loading import validate_document
from ogmp.messages import Message
from ogmp.models.catalogue import (
    CATALOGUE_NAMES,
    AgendaCatalogue,
    Catalogues,
    IndexCatalogue,
    PracticeCatalogue,
    ProvinceCatalogue,
    UnitCatalogue,
)
from ogmp.models.rubric import Rubric
from ogmp.resources import bundled_dir, user_folder
from ogmp.yamlsource import MAX_BYTES, YamlDocument, read_yaml

# ``id: ogmp-8`` and ``version: 1`` at the top level of a rubric file.
_TOP_LEVEL = re.compile(rb"^(id|version):[ \t]*[\"']?([A-Za-z0-9._-]+)[\"']?[ \t]*(?:#.*)?\r?$", re.MULTILINE)


@dataclass
class RubricEntry:
    """A rubric file as found: the rubric if it is valid, its problems otherwise."""

    path: Path
    rubric_id: str | None
    version: int | None
    document: YamlDocument | None = None
    rubric: Rubric | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]


class Registry:
    """The rubrics and catalogues available to this run."""

    def __init__(self, rubric_dirs: Sequence[Path] = (), *, include_bundled: bool = True) -> None:
        """``rubric_dirs`` are searched before the bundled rubrics; each must be a folder."""
        checked = [user_folder(folder) for folder in rubric_dirs]
        self.rubric_dirs = [*checked, *([bundled_dir("rubrics")] if include_bundled else [])]
        self._loaded: dict[Path, RubricEntry] = {}

    @cached_property
    def catalogues(self) -> Catalogues:
        """The shared catalogues; a broken one stops everything, with its problems."""
        problems: list[Problem] = []
        loaded: dict[str, Any] = {}
        models: tuple[type[BaseModel], ...] = (
            PracticeCatalogue,
            AgendaCatalogue,
            UnitCatalogue,
            ProvinceCatalogue,
            IndexCatalogue,
        )
        for name, model in zip(CATALOGUE_NAMES, models, strict=True):
            path = self.shared_file(name)
            try:
                document = read_yaml(path, shown=shown(path))
            except InvalidInputError as error:
                problems += error.problems
                continue
            value, found = validate_document(document, model)
            problems += found
            if isinstance(value, IndexCatalogue):
                problems += check_indices(document, value)
            loaded[name] = value
        if problems:
            raise InvalidInputError(problems)
        return Catalogues(**loaded)

    def shared_file(self, name: str) -> Path:
        """The catalogue file ``name`` (``agendas``, ...) in use: the first folder that has one."""
        for folder in self.rubric_dirs:
            candidate = folder / "shared" / f"{name}.yaml"
            if candidate.is_file():
                return candidate
        return self.rubric_dirs[-1] / "shared" / f"{name}.yaml"

    def load_rubric_file(self, path: Path) -> RubricEntry:
        """Load and check one rubric file, collecting every problem in it."""
        try:
            document = read_yaml(path, shown=shown(path))
        except InvalidInputError as error:
            return RubricEntry(path, None, None, problems=error.problems)
        data = document.data if isinstance(document.data, dict) else {}
        rubric_id = data.get("id") if isinstance(data.get("id"), str) else None
        version = _as_int(data.get("version"))
        rubric, problems = validate_document(document, Rubric)
        entry = RubricEntry(path, rubric_id, version, document, rubric, problems)
        if rubric is not None:
            entry.problems += check_rubric(document, rubric, self.catalogues)
            if entry.errors:
                entry.rubric = None
        return entry

    @cached_property
    def _files(self) -> list[_RubricFile]:
        """Every rubric file with the id and version its top lines declare.

        Reading two top-level lines is enough to route an assessment to its rubric, so
        validating one file loads one rubric, not all of them.
        """
        found = []
        for folder in self.rubric_dirs:
            for path in sorted(folder.glob("*.yaml")):
                try:
                    raw = path.read_bytes()[: MAX_BYTES + 1]
                except OSError:
                    raw = b""
                declared = {key.decode(): value.decode() for key, value in _TOP_LEVEL.findall(raw)}
                rubric_id, version = declared.get("id"), _as_int(declared.get("version"))
                if rubric_id is None or version is None:  # unusual layout: read it properly
                    entry = self._entry(path)
                    rubric_id, version = entry.rubric_id, entry.version
                found.append(_RubricFile(path, rubric_id, version, hashlib.sha256(raw).hexdigest()))
        return found

    def _entry(self, path: Path) -> RubricEntry:
        if path not in self._loaded:
            self._loaded[path] = self.load_rubric_file(path)
        return self._loaded[path]

    def _checked_entry(self, file: _RubricFile) -> RubricEntry:
        """The entry of ``file``, refused if another file defines the same id and version."""
        entry = self._entry(file.path)
        first = next(f for f in self._files if (f.rubric_id, f.version) == (file.rubric_id, file.version))
        if first is not file and first.digest != file.digest and entry.rubric is not None:
            message = Message(
                "rubric.duplicate_version",
                rubric_id=file.rubric_id,
                version=file.version,
                first=shown(first.path),
                second=shown(file.path),
            )
            entry.problems.append(Problem(shown(file.path), None, (), message))
            entry.rubric = None
        return entry

    @property
    def entries(self) -> list[RubricEntry]:
        """Every rubric file in the rubric folders, loaded and checked, in a stable order."""
        return [self._checked_entry(file) for file in self._files]

    def find(self, rubric_id: str, version: int | None = None) -> RubricEntry | Message:
        """The rubric ``rubric_id`` at ``version`` (the latest when None), or why not."""
        candidates = [file for file in self._files if file.rubric_id == rubric_id]
        if not candidates:
            known = sorted({file.rubric_id for file in self._files if file.rubric_id})
            return Message("rubric.not_found", rubric_id=rubric_id, available=", ".join(known))
        if version is None:
            return self._checked_entry(max(candidates, key=lambda file: file.version or 0))
        for file in candidates:
            if file.version == version:
                return self._checked_entry(file)
        versions = sorted({file.version for file in candidates if file.version is not None})
        return Message(
            "rubric.version_not_found",
            rubric_id=rubric_id,
            version=version,
            available=", ".join(map(str, versions)),
        )

    def require(self, rubric_id: str, version: int | None = None) -> Rubric:
        """The rubric ``rubric_id`` at ``version`` (the latest when None), for a command that
        was asked for it: one that does not exist is a usage error (exit 2), one with errors
        is refused with them (exit 1), in every command alike."""
        found = self.find(rubric_id, version)
        if isinstance(found, Message):
            raise UsageError(found)
        if found.rubric is None:
            raise InvalidInputError(found.errors or found.problems)
        return found.rubric

    def rubrics(self) -> list[Rubric]:
        """The valid rubrics, by id and version."""
        valid = {(e.rubric.id, e.rubric.version): e.rubric for e in self.entries if e.rubric is not None}
        return [valid[key] for key in sorted(valid)]


def _as_int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class _RubricFile:
    path: Path
    rubric_id: str | None
    version: int | None
    digest: str
