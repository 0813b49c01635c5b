"""Shared fixtures: small YAML files, a registry with the test rubric, a CLI runner."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ogmp.assess import AssessRun, assess_paths
from ogmp.options import AssessOptions, RenderOptions, ReportScope
from ogmp.registry import Registry

FIXTURES = Path(__file__).parent / "fixtures"
RUBRICS = FIXTURES / "rubrics"
VALID = FIXTURES / "assessments" / "valid.yaml"
# What a PDF report scored with the test rubric carries besides its assessment file.
MINI_REPORT_ATTACHMENTS = frozenset(
    {
        "rubric-mini-v1.yaml",
        "shared-practices.yaml",
        "shared-units.yaml",
        "shared-agendas.yaml",
        "shared-provinces.yaml",
        "shared-indices.yaml",
        "ogmp-result.json",
    }
)


@pytest.fixture(scope="session")
def registry() -> Registry:
    """The bundled rubrics and catalogues plus the small test rubric ``mini``."""
    return Registry([RUBRICS])


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def valid_text() -> str:
    return VALID.read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write text (or bytes) to a file in a temporary folder and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def assess(
    paths: Sequence[Path],
    out: Path,
    *,
    formats: Sequence[str] = ("pdf",),
    langs: Sequence[str] = ("th",),
    jobs: int = 1,
    shard: tuple[int, int] | None = None,
    registry: Registry | None = None,
    reports: ReportScope = "all",
    **render: Any,
) -> AssessRun:
    """``ogmp assess`` as the command line runs it, from the library: the path users take."""
    options = AssessOptions(
        formats=tuple(formats),
        out=out,
        render=RenderOptions(langs=tuple(langs), **render),  # type: ignore[arg-type]
        jobs=jobs,
        shard=shard,
        reports=reports,
    )
    return assess_paths(list(paths), registry or Registry([RUBRICS]), options)


def html_text(html: str) -> str:
    """The text a reader sees in an HTML report: tags gone (the Thai line breaking's spans and
    ``<wbr>`` with them), entities decoded, head, styles and charts left out."""
    import html as html_module
    import re

    body = re.sub(r"(?is)<(head|style|script|svg)\b.*?</\1\s*>", " ", html)
    return html_module.unescape(re.sub(r"<[^>]+>", "", body))


def local_unit(valid_text: str, code: str, local_type: str, parent: str, name: str, shift: int) -> str:
    """The valid assessment as a local administration's, every level moved by ``shift``."""
    unit = (
        f"unit:\n  code: '{code}'\n  kind: local\n  local_type: {local_type}\n  parent: {parent}\n"
        f"  name:\n    th: {name}\n"
    )
    body = valid_text.split("agenda:", 1)[1]
    body = re.sub(r"level: (\d)", lambda m: f"level: {min(5, max(1, int(m.group(1)) + shift))}", body)
    return unit + "agenda:" + body
