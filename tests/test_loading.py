"""Pydantic errors become located, translated problems; every problem at once."""

from __future__ import annotations

from pathlib import Path

from ogmp.loading import allowed_keys, validate_document
from ogmp.models.assessment import Assessment
from ogmp.models.rubric import Rubric
from ogmp.yamlsource import YamlDocument, parse_yaml


def problems(text: str, model: type = Assessment) -> list[str]:  # type: ignore[type-arg]
    data, source = parse_yaml(text, "a.yaml")
    value, found = validate_document(YamlDocument(Path("a.yaml"), "a.yaml", data, source, ""), model)
    assert (value is None) == bool(found)
    return [problem.format("en") for problem in found]


HEADER = """unit:
  code: TH-52
  kind: province
  name:
    th: จังหวัดลำปาง
agenda: pm25
round: 2564
rubric:
  id: ogmp-8
  version: 1
"""


def test_a_valid_header_loads() -> None:
    assert problems(HEADER) == []


def test_every_problem_is_reported_at_once_with_its_line() -> None:
    text = HEADER.replace("kind: province", "kind: provnce").replace("round: 2564", "round: 2021") + (
        "assessors:\n"
        "  - name: สมชาย\n"
        "    rol: ผู้อำนวยการ\n"
        "components:\n"
        "  open_data:\n"
        "    target: 7\n"
        "    indicators:\n"
        "      a:\n"
        "        level: 9\n"
        "        evidence:\n"
        "          - url: ftp://example.org\n"
        "            public: maybe\n"
        "      b:\n"
        "        lvel: 3\n"
    )
    assert problems(text) == [
        "a.yaml:3:9: unit.kind: 'provnce' is not one of the allowed values: province, agency or local",
        "a.yaml:7:8: round: the round is the fiscal year in the Buddhist Era: 2021 looks like a C.E. year,"
        " did you mean 2564?",
        "a.yaml:13:5: assessors[0].rol: unknown key 'rol' (did you mean 'role'?); check the spelling or"
        " remove it",
        "a.yaml:16:13: components.open_data.target: target 7 is out of range; use a whole number from 1 to 5",
        "a.yaml:19:16: components.open_data.indicators.a.level: level 9 is out of range; use a whole number"
        " from 1 to 5, or n/a with a reason",
        "a.yaml:21:18: components.open_data.indicators.a.evidence[0].url: 'ftp://example.org' is not a web"
        " address; write it in full, starting with https:// or http://",
        "a.yaml:22:21: components.open_data.indicators.a.evidence[0].public: expected true or false here,"
        " got 'maybe'",
        "a.yaml:24:9: components.open_data.indicators.b.lvel: unknown key 'lvel' (did you mean 'level'?);"
        " check the spelling or remove it",
    ]


def test_missing_key_points_at_its_parent() -> None:
    text = HEADER.replace("  kind: province\n", "")
    assert problems(text) == ["a.yaml:1:1: unit.kind: required key 'kind' is missing; add it"]


def test_unknown_key_without_a_close_match_lists_the_allowed_keys() -> None:
    assert problems(HEADER + "colour: red\n") == [
        "a.yaml:11:1: colour: unknown key 'colour' (allowed here: unit, agenda, round, rubric, date,"
        " assessors, components); check the spelling or remove it"
    ]


def test_wrong_shapes() -> None:
    assert problems(HEADER.replace("  version: 1", "  version: [1]")) == [
        "a.yaml:10:12: rubric.version: expected a single value here, not a list or a set of 'key: value' entries"
    ]
    assert problems(HEADER + "assessors: somchai\n") == [
        "a.yaml:11:12: assessors: expected a list here (lines starting with '- ')"
    ]
    assert problems("- a\n- b\n") == [
        "a.yaml:1:1: the file must be a set of 'key: value' entries (a YAML mapping), not a list"
    ]
    assert problems("") == ["a.yaml: the file is empty; start from a scaffold made by `ogmp init`"]


def test_thai_messages() -> None:
    data, source = parse_yaml(HEADER.replace("round: 2564", "round: abc"), "a.yaml")
    _, found = validate_document(YamlDocument(Path("a.yaml"), "a.yaml", data, source, ""), Assessment)
    assert [problem.format("th") for problem in found] == [
        "a.yaml:7:8: round: ค่าในตำแหน่งนี้ต้องเป็นจำนวนเต็ม แต่พบ 'abc'"
    ]


def test_rubric_level_keys_are_located_although_converted_to_numbers() -> None:
    rubric = Path(__file__).parent / "fixtures" / "rubrics" / "mini.yaml"
    text = rubric.read_text(encoding="utf-8").replace("            en: Level 3 of 1.1\n", "", 1)
    found = problems(text, Rubric)
    assert len(found) == 1
    assert found[0].endswith("components[0].indicators[0].levels.3.en: required key 'en' is missing; add it")
    assert found[0].startswith("a.yaml:")


def test_allowed_keys_follow_lists_dicts_and_optionals() -> None:
    assert allowed_keys(Assessment, ("components", "x", "indicators", "y", "evidence", 0)) == [
        "url",
        "file",
        "public",
        "title",
    ]
    assert allowed_keys(Rubric, ("components", 0, "recommendations", 0)) == [
        "from",
        "driver",
        "indicators",
        "text",
        "practice",
        "agendas",
        "kinds",
    ]
    assert allowed_keys(Assessment, ("round",)) == []
