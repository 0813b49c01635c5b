"""Rubrics against the catalogues, assessments against their rubric."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ogmp.diagnostics import shown
from ogmp.errors import InvalidInputError
from ogmp.registry import Registry
from ogmp.validate import validate_file

from .conftest import RUBRICS, VALID

TODAY = dt.date(2026, 11, 22)
MINI = (RUBRICS / "mini.yaml").read_text(encoding="utf-8")


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``needle``."""
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return lines[occurrence - 1]


def rubric_problems(registry: Registry, write, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    entry = registry.load_rubric_file(write("rubric.yaml", text))
    return [f"{p.location.line if p.location else '-'}: {p.message.render('en')}" for p in entry.problems]


def test_the_test_rubric_is_clean(registry: Registry) -> None:
    entry = registry.load_rubric_file(RUBRICS / "mini.yaml")
    assert entry.problems == []
    assert entry.rubric is not None


def test_duplicate_indicator_id(registry: Registry, write) -> None:  # type: ignore[no-untyped-def]
    text = MINI.replace("c1_i2", "c1_i1")
    first, second = line_of(text, "- id: c1_i1"), line_of(text, "- id: c1_i1", 2)
    assert rubric_problems(registry, write, text) == [
        f"{second}: the id 'c1_i1' is used more than once (first on line {first}); ids must be unique"
    ]


def test_unknown_references_are_named_with_what_exists(registry: Registry, write) -> None:  # type: ignore[no-untyped-def]
    text = (
        MINI.replace("principles: [accountability]", "principles: [acountability]", 1)
        .replace("stage: consultation", "stage: consulting", 1)
        .replace("driver: area", "driver: region", 1)
        .replace("        driver: policy\n", "        driver: policy\n        practice: foia\n", 1)
    )
    found = rubric_problems(registry, write, text)
    assert found == [
        f"{line_of(text, 'stage: consulting')}: 'consulting' is not a known participation stage (did you mean"
        " 'consultation'?); known: information, consultation, co_decision, co_implementation, co_evaluation",
        f"{line_of(text, 'acountability')}: 'acountability' is not a known principle (did you mean"
        " 'accountability'?); known: transparency, participation, accountability, inclusiveness",
        f"{line_of(text, 'practice: foia')}: 'foia' is not a known best practice (did you mean 'foia_gov'?); known: "
        + ", ".join(registry.catalogues.practices.by_id),
        f"{line_of(text, 'driver: region')}: 'region' is not a known driver level; known: policy, organisation,"
        " area, individual",
    ]


def test_recommendation_agendas_must_exist(registry: Registry, write) -> None:  # type: ignore[no-untyped-def]
    text = MINI.replace(
        "        driver: policy\n", "        driver: policy\n        agendas: [pm25, urban_povrty]\n", 1
    )
    assert rubric_problems(registry, write, text) == [
        f"{line_of(text, 'urban_povrty')}: 'urban_povrty' is not a known agenda (did you mean 'urban_poverty'?);"
        " known: pm25, urban_poverty, open_government"
    ]


def test_indicator_count_weights_and_stage(registry: Registry, write) -> None:  # type: ignore[no-untyped-def]
    text = MINI.replace("\n    weight: 3\n", "\n    weight: 30\n", 1).replace(
        "        stage: consultation\n", "", 1
    )
    text = text.replace("c2_i3", "c2_i3_gone")
    found = rubric_problems(registry, write, text)
    assert found == [
        f"{line_of(text, '- id: c1_i2')}: indicator 'c1_i2' serves participation but names no participation"
        " stage; add 'stage:'",
        f"{line_of(text, 'weight: 30')}: component 'comp3' carries 91% of the total weight; no component should"
        " carry more than 50%",
    ]


def test_missing_recommendations_are_a_warning(registry: Registry, write) -> None:  # type: ignore[no-untyped-def]
    head, tail = MINI.split("      - from: 4\n", 1)
    text = head + tail.split("\n", 5)[5]
    entry = registry.load_rubric_file(write("rubric.yaml", text))
    assert [p.message.render("en") for p in entry.problems] == [
        "component 'comp1' has no recommendation for lifting from level 4"
    ]
    assert entry.rubric is not None  # warnings do not make a rubric unusable


def assessment_problems(registry: Registry, write, text: str, *, partial: bool = False) -> list[str]:  # type: ignore[no-untyped-def]
    result = validate_file(write("a.yaml", text), registry, partial=partial, today=TODAY)
    return [p.format("en").split(": ", 1)[1] for p in result.problems]


def test_valid_assessment(registry: Registry) -> None:
    result = validate_file(VALID, registry, today=TODAY)
    assert result.problems == []
    assert result.progress is not None
    assert (result.progress.scored, result.progress.total) == (9, 9)


def test_unknown_and_missing_indicators_and_components(registry: Registry, write, valid_text: str) -> None:  # type: ignore[no-untyped-def]
    text = valid_text.replace("      c2_i3:\n", "      c2_i9:\n").replace("  comp3:\n", "  comp4:\n")
    assert assessment_problems(registry, write, text) == [
        "components.comp3: component 'comp3' (Component 3) is missing; add it with all its indicators",
        "components.comp2.indicators.c2_i3: indicator 'c2_i3' (2.3) is missing; add it with a level, or n/a and a"
        " reason",
        "components.comp2.indicators.c2_i9: component 'comp2' of rubric mini v1 has no indicator 'c2_i9'"
        " (did you mean 'c2_i3'?)",
        "components.comp4: rubric mini v1 has no component 'comp4' (did you mean 'comp3'?)",
    ]


def test_level_reason_and_evidence_rules(registry: Registry, write, valid_text: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        valid_text.replace("        reason: ไม่มีหน่วยงานรับผิดชอบเรื่องนี้ในจังหวัด\n", "")
        .replace("        level: 1\n", "        level: 1\n        reason: ทำไม่ได้\n", 1)
        .replace(
            "          - file: evidence/minutes-2564-03.pdf\n",
            "          - url: https://x.org\n            file: evidence/minutes-2564-03.pdf\n",
        )
    )
    assert assessment_problems(registry, write, text) == [
        "components.comp1.indicators.c1_i3.level: a level of n/a needs a reason: add 'reason:' saying why this"
        " indicator does not apply",
        "components.comp2.indicators.c2_i1.reason: 'reason' is only for a level of n/a; put this text under 'note'"
        " instead",
        "components.comp2.indicators.c2_i2.evidence[0]: each evidence item needs exactly one of 'url' or 'file'",
    ]


def test_header_checks(registry: Registry, write, valid_text: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        valid_text.replace("agenda: pm25", "agenda: pm2_5")
        .replace("code: TH-52", "code: TH-99")
        .replace("date: 2564-03-22", "date: 2027-01-01")
    )
    assert assessment_problems(registry, write, text) == [
        "unit.code: 'TH-99' is not a Thai province code (ISO 3166-2:TH, e.g. TH-52 for Lampang)",
        "agenda: unknown agenda 'pm2_5' (did you mean 'pm25'?); known agendas: pm25, urban_poverty, open_government",
        "warning: date: the assessment date 2027-01-01 (1 January 2027) is in the future; check the year",
    ]


def test_province_name_mismatch_is_a_warning(registry: Registry, write, valid_text: str) -> None:  # type: ignore[no-untyped-def]
    text = valid_text.replace("code: TH-52", "code: TH-17")
    assert assessment_problems(registry, write, text) == [
        "warning: unit.name.th: the code TH-17 is Sing Buri Province, but the name says 'จังหวัดลำปาง'; check"
        " the code or the name"
    ]
    # Bangkok and Pattaya City are no จังหวัด: the message names them as they are named.
    for code, name in [("TH-10", "กรุงเทพมหานคร"), ("TH-S", "เมืองพัทยา")]:
        result = validate_file(
            write("a.yaml", valid_text.replace("code: TH-52", f"code: {code}")), registry, today=TODAY
        )
        assert [p.message.render("th") for p in result.problems] == [
            f"รหัส {code} คือ{name} แต่ชื่อที่ระบุคือ 'จังหวัดลำปาง' กรุณาตรวจสอบรหัสหรือชื่อ"
        ]


def test_province_code_needs_kind_province(registry: Registry, write, valid_text: str) -> None:  # type: ignore[no-untyped-def]
    text = valid_text.replace("kind: province", "kind: agency")
    assert assessment_problems(registry, write, text) == [
        "unit.kind: a province code (TH-52) needs kind: province"
    ]


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        (
            "  id: nope",
            "rubric.id: there is no rubric 'nope'; available rubrics: mini, ogmp-7, ogmp-8",
        ),
        ("  version: 7", "rubric.version: rubric 'mini' has no version 7; available versions: 1"),
    ],
)
def test_rubric_must_exist(
    registry: Registry, write, valid_text: str, replacement: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    original = "  id: mini" if "id" in replacement else "  version: 1"
    assert assessment_problems(registry, write, valid_text.replace(original, replacement)) == [expected]


def test_partial_allows_what_is_not_there_yet(registry: Registry, write, valid_text: str) -> None:  # type: ignore[no-untyped-def]
    header = valid_text.split("assessors:")[0].replace("date: 2564-03-22\n", "")
    text = header + (
        "components:\n  comp1:\n    indicators:\n      c1_i1:\n        level:\n      c1_i2:\n        level: 2\n"
    )
    result = validate_file(write("a.yaml", text), registry, partial=True, today=TODAY)
    assert result.problems == []
    assert result.progress is not None
    assert (result.progress.scored, result.progress.total) == (1, 9)
    full = assessment_problems(registry, write, text)
    assert full == [
        "assessors: no assessor is named; list at least one person under 'assessors'",
        "date: the assessment date is missing; add 'date:' as YYYY-MM-DD",
        "components.comp2: component 'comp2' (Component 2) is missing; add it with all its indicators",
        "components.comp3: component 'comp3' (Component 3) is missing; add it with all its indicators",
        "components.comp1.indicators.c1_i3: indicator 'c1_i3' (1.3) is missing; add it with a level, or n/a and a"
        " reason",
        "components.comp1.indicators.c1_i1.level: no level yet; give a level from 1 to 5, or n/a with a reason",
    ]


def test_duplicate_assessments_in_one_run(registry: Registry, tmp_path: Path, valid_text: str) -> None:
    from ogmp.validate import validate_paths

    (tmp_path / "a.yaml").write_text(valid_text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(valid_text, encoding="utf-8")
    report = validate_paths([tmp_path], registry, today=TODAY)
    assert report.results[0].ok
    assert [p.format("en") for p in report.results[1].problems] == [
        f"{report.results[1].shown}:3:9: unit.code: another file assesses the same unit, agenda and round:"
        f" {report.results[0].shown}"
    ]


def test_a_missing_evidence_file_is_a_hint_while_filling_in(
    registry: Registry, write, valid_text: str
) -> None:  # type: ignore[no-untyped-def]
    """The team has its evidence at hand while it fills the file in; the secretariat gets the
    file alone, so only ``--partial`` looks for it."""
    hint = (
        "warning: components.comp2.indicators.c2_i2.evidence[0].file: the evidence file"
        " evidence/minutes-2564-03.pdf is not in {folder}; check its name, or put the file there"
        " before the assessment is sent"
    )
    path = write("a.yaml", valid_text)
    folder = shown(path.parent)
    assert assessment_problems(registry, write, valid_text, partial=True) == [hint.format(folder=folder)]
    assert assessment_problems(registry, write, valid_text) == []
    write("evidence/minutes-2564-03.pdf", b"%PDF-1.7")
    assert assessment_problems(registry, write, valid_text, partial=True) == []


def test_an_assessment_with_nothing_to_score_is_refused(registry: Registry, write, valid_text: str) -> None:  # type: ignore[no-untyped-def]
    text = re.sub(r"level: \d", "level: n/a\n        reason: ไม่เกี่ยวข้อง", valid_text)
    assert assessment_problems(registry, write, text) == [
        "components: every indicator is marked n/a, so nothing can be scored; give a level from 1 to 5"
        " to each indicator that applies to the unit (if none does, check the agenda and the rubric)"
    ]


def test_broken_index_catalogue_is_located(tmp_path: Path) -> None:
    bundled = Path(__file__).parent.parent / "rubrics" / "shared" / "indices.yaml"
    text = bundled.read_text(encoding="utf-8")
    text = text.replace("        source: odb_2016\n", "        source: odb_2061\n", 1)
    text = text.replace("        published: 2022-09-28\n", "        published: 2024-09-17\n", 1)
    text = text.replace("        published: 2023-12-22\n", "        published: 2566-12-22\n", 1)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "indices.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        Registry([tmp_path]).catalogues  # noqa: B018
    found = [problem.format("en") for problem in caught.value.problems]
    where = shown(tmp_path / "shared" / "indices.yaml")
    assert found == [
        f"{where}:{line_of(text, '2566-12-22')}:20: indices[7].editions[0].published: '2566-12-22' is"
        " not a publication date; write"
        " YYYY-MM-DD, YYYY-MM or YYYY in C.E."
    ]
    text = text.replace("2566-12-22", "2023-12-22")
    (tmp_path / "shared" / "indices.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        Registry([tmp_path]).catalogues  # noqa: B018
    found = [problem.format("en") for problem in caught.value.problems]
    first_2024 = line_of(text, '{th: "ฉบับปี ค.ศ. 2024"')
    assert found == [
        f"{where}:{line_of(text, 'published: 2024-09-17', 2)}:20: indices[0].editions[1].published: two"
        " editions of this index share a"
        f" publication date (the other on line {first_2024}); correct the date of one",
        f"{where}:{line_of(text, 'odb_2061')}:17: indices[2].editions[0].source: 'odb_2061' is not a"
        " known source (did you mean"
        " 'odb_2016'?); known: " + ", ".join(s.id for s in Registry().catalogues.indices.sources),
    ]


LOCAL_UNIT = """unit:
  code: '5520101'
  kind: local
  name:
    th: เทศบาลนครลำปาง
    en: Lampang City Municipality
"""


def test_a_local_administration_names_its_type_and_province(
    registry: Registry, write, valid_text: str
) -> None:  # type: ignore[no-untyped-def]
    _, rest = valid_text.split("agenda:", 1)
    local = "# A complete assessment against the small test rubric.\n" + LOCAL_UNIT
    complete = local + "  local_type: city_municipality\n  parent: th-52\n" + "agenda:" + rest
    assert assessment_problems(registry, write, complete) == []
    assert validate_file(write("c.yaml", complete), registry, today=TODAY).assessment.unit.parent == "TH-52"  # type: ignore[union-attr]
    assert assessment_problems(registry, write, local + "agenda:" + rest) == [
        "unit: a local administration needs local_type, so that it is compared only with its own type:"
        " pao, city_municipality, town_municipality, subdistrict_municipality, sao or special",
        "unit: a local administration needs parent: the ISO 3166-2:TH code of its province, e.g. parent: TH-52",
    ]
    unknown = complete.replace("parent: th-52", "parent: TH-99")
    assert assessment_problems(registry, write, unknown) == [
        "unit.parent: 'TH-99' is not a Thai province code (ISO 3166-2:TH, e.g. TH-52 for Lampang)"
    ]
    not_a_code = complete.replace("parent: th-52", "parent: Lampang")
    assert assessment_problems(registry, write, not_a_code) == [
        "unit.parent: 'Lampang' is not a province code; write the province's ISO 3166-2:TH code,"
        " e.g. TH-52 for Lampang"
    ]


def test_only_a_local_administration_has_a_type_and_parent(
    registry: Registry, write, valid_text: str
) -> None:  # type: ignore[no-untyped-def]
    text = valid_text.replace("agenda:", "  local_type: sao\n  parent: TH-52\nagenda:", 1)
    assert assessment_problems(registry, write, text) == [
        "unit.local_type: local_type is for local administrations only; remove it, or write kind: local",
        "unit.parent: parent is for local administrations only; remove it, or write kind: local",
    ]
