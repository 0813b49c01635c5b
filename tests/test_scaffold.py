"""``ogmp init`` scaffolds: valid, complete, commented in the team's language."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ogmp.messages import Lang
from ogmp.models.rubric import Rubric
from ogmp.registry import Registry
from ogmp.scaffold import ScaffoldRequest, render_scaffold, yaml_scalar
from ogmp.validate import validate_file
from ogmp.yamlsource import parse_yaml

GOLDEN = Path(__file__).parent / "golden"


def request(registry: Registry, rubric: Rubric, lang: Lang) -> ScaffoldRequest:
    return ScaffoldRequest(
        unit_code="TH-52",
        unit_kind="province",
        name_th="จังหวัดลำปาง",
        name_en="Lampang Province",
        agenda=registry.catalogues.agendas.by_id["pm25"],
        round=2564,
        rubric=rubric,
        lang=lang,
        file_name="th-52-pm25-2564.yaml",
        schema_file=f"{rubric.id}-v{rubric.version}.schema.json",
    )


@pytest.mark.parametrize("lang", ["th", "en"])
def test_scaffold_matches_golden_file(registry: Registry, lang: Lang) -> None:
    rubric = next(r for r in registry.rubrics() if r.id == "mini")
    text = render_scaffold(request(registry, rubric, lang))
    golden = GOLDEN / f"scaffold-mini-{lang}.yaml"
    if os.environ.get("OGMP_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_bundled_rubric_scaffolds_to_a_valid_partial_file(
    registry: Registry, tmp_path: Path, lang: Lang
) -> None:
    for rubric in registry.rubrics():
        path = tmp_path / f"{rubric.id}-{lang}.yaml"
        path.write_text(render_scaffold(request(registry, rubric, lang)), encoding="utf-8")
        result = validate_file(path, registry, partial=True, today=dt.date(2026, 1, 1))
        assert result.problems == [], rubric.id
        assert result.progress is not None
        assert (result.progress.scored, result.progress.total) == (0, len(rubric.indicators_by_id))
        data, _ = parse_yaml(path.read_text(encoding="utf-8"), "x")
        assert list(data["components"]) == [component.id for component in rubric.components]
        for component in rubric.components:
            entries = data["components"][component.id]["indicators"]
            assert list(entries) == [indicator.id for indicator in component.indicators]


def test_scaffold_comments_are_in_the_chosen_language(registry: Registry) -> None:
    rubric = next(r for r in registry.rubrics() if r.id == "mini")
    thai = render_scaffold(request(registry, rubric, "th"))
    english = render_scaffold(request(registry, rubric, "en"))
    assert "#   3 เป็นระบบ: ระดับ 3 ของตัวชี้วัด 1.1" in thai
    assert "#   3 Established: Level 3 of 1.1" in english
    assert thai.startswith("# yaml-language-server: $schema=mini-v1.schema.json\n")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40))
def test_yaml_scalar_reads_back_as_the_same_text(value: str) -> None:
    value = value.strip()
    if not value:
        return
    data, _ = parse_yaml(f"k: {yaml_scalar(value)}\n", "x")
    assert data["k"] == value
