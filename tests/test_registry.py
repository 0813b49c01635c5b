"""Finding rubrics: by id and version, loading only what is needed, refusing ambiguity."""

from __future__ import annotations

import shutil
from pathlib import Path

from ogmp.messages import Message
from ogmp.registry import Registry
from ogmp.validate import validate_file

from .conftest import RUBRICS, VALID


def test_validating_one_file_loads_only_its_rubric() -> None:
    registry = Registry([RUBRICS])
    assert validate_file(VALID, registry).ok
    assert [path.name for path in registry._loaded] == ["mini.yaml"]


def test_latest_version_when_none_is_given(tmp_path: Path) -> None:
    shutil.copy(RUBRICS / "mini.yaml", tmp_path / "mini.yaml")
    text = (RUBRICS / "mini.yaml").read_text(encoding="utf-8").replace("version: 1\n", "version: 2\n", 1)
    (tmp_path / "mini-v2.yaml").write_text(text, encoding="utf-8")
    registry = Registry([tmp_path])
    found = registry.find("mini")
    assert not isinstance(found, Message)
    assert found.version == 2
    missing = registry.find("mini", 3)
    assert isinstance(missing, Message)
    assert missing.render("en") == "rubric 'mini' has no version 3; available versions: 1, 2"


def test_two_different_files_with_one_id_and_version_are_refused(tmp_path: Path) -> None:
    shutil.copy(RUBRICS / "mini.yaml", tmp_path / "a.yaml")
    text = (
        (RUBRICS / "mini.yaml")
        .read_text(encoding="utf-8")
        .replace("en: Small test rubric", "en: Edited copy")
    )
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    registry = Registry([tmp_path])
    entry = next(e for e in registry.entries if e.path.name == "b.yaml")
    assert entry.rubric is None
    assert entry.problems[0].message.code == "rubric.duplicate_version"
    # An identical copy is harmless.
    shutil.copy(RUBRICS / "mini.yaml", tmp_path / "b.yaml")
    assert all(e.rubric is not None for e in Registry([tmp_path]).entries if e.rubric_id == "mini")


def test_unusual_layout_is_still_found(tmp_path: Path) -> None:
    text = (
        (RUBRICS / "mini.yaml").read_text(encoding="utf-8").replace("id: mini\n", 'id: "mini"  # quoted\n', 1)
    )
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    found = Registry([tmp_path]).find("mini", 1)
    assert not isinstance(found, Message) and found.rubric is not None
