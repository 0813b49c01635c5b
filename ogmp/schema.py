"""JSON Schema of the assessment format, for editors such as VS Code.

The generic schema checks keys and types. The schema for one rubric also
knows its components and indicators, so the editor completes their ids and
shows each question and what each level looks like on hover.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ogmp.models import schemas
from ogmp.models.assessment import Assessment
from ogmp.models.catalogue import PROVINCE_CODE
from ogmp.models.rubric import Rubric

if TYPE_CHECKING:
    from ogmp.models.catalogue import Catalogues

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
REVIEW_SCHEMA = "review.schema.json"
DECISION_SCHEMA = "decision.schema.json"
PLAN_SCHEMA = "plan.schema.json"


def companion_schema_text(kind: str) -> str:
    """The JSON Schema of review, decision or plan files (``kind``), as written beside them."""
    from pydantic import BaseModel

    from ogmp.models.plan import Plan
    from ogmp.models.review import Decision, Review

    models: dict[str, type[BaseModel]] = {"review": Review, "decision": Decision, "plan": Plan}
    model = models[kind]
    return (
        json.dumps({"$schema": SCHEMA_DIALECT, **model.model_json_schema()}, ensure_ascii=False, indent=2)
        + "\n"
    )


def schema_file_name(rubric: Rubric) -> str:
    """``ogmp-8-v1.schema.json``: the file ``ogmp init`` writes beside a scaffold."""
    return f"{rubric.id}-v{rubric.version}.schema.json"


def _nullable(fragment: dict[str, Any]) -> dict[str, Any]:
    """``fragment`` or null: a key written with nothing after it is accepted as empty."""
    kept = {key: value for key, value in fragment.items() if key not in ("description", "title", "default")}
    wrapped: dict[str, Any] = {"anyOf": [kept, {"type": "null"}]}
    if "description" in fragment:
        wrapped["description"] = fragment["description"]
    return wrapped


def _generic_schema() -> dict[str, Any]:
    schema = Assessment.model_json_schema()
    properties = schema["properties"]
    component = schema["$defs"]["ComponentEntry"]["properties"]
    indicator = schema["$defs"]["IndicatorEntry"]["properties"]
    for mapping in (properties["components"], component["indicators"]):
        patterns = mapping["patternProperties"]
        for pattern, value in patterns.items():
            patterns[pattern] = _nullable(value)
        mapping["additionalProperties"] = False
    for fields, key in (
        (properties, "assessors"),
        (properties, "components"),
        (component, "indicators"),
        (indicator, "evidence"),
    ):
        fields[key] = _nullable(fields[key])
    _add_rules(schema["$defs"])
    return {"$schema": SCHEMA_DIALECT, **schema}


def _given(key: str) -> dict[str, Any]:
    """The entry has ``key`` with a value (not left empty)."""
    return {"required": [key], "properties": {key: {"not": {"type": "null"}}}}


def _add_rules(definitions: dict[str, Any]) -> None:
    """The rules between keys that ogmp checks and a schema can say: one source per piece of
    evidence; a reason exactly when the level is n/a."""
    definitions["Evidence"]["oneOf"] = [
        {**_given("url"), "not": _given("file")},
        {**_given("file"), "not": _given("url")},
    ]
    not_applicable = {"type": "string", "pattern": schemas.NOT_APPLICABLE}
    definitions["IndicatorEntry"]["allOf"] = [
        {"if": {"required": ["level"], "properties": {"level": not_applicable}}, "then": _given("reason")},
        {
            "if": _given("reason"),
            "then": {"properties": {"level": {"anyOf": [not_applicable, {"type": "null"}]}}},
        },
    ]


def assessment_schema(rubric: Rubric | None = None, catalogues: Catalogues | None = None) -> dict[str, Any]:
    """The JSON Schema of an assessment file, specialised to ``rubric`` when given: its
    components and indicators, and with ``catalogues`` the agendas and provinces that exist."""
    schema = _generic_schema()
    if catalogues is not None:
        _add_catalogues(schema, catalogues)
    if rubric is None:
        schema["title"] = "ogmp assessment"
        return schema

    schema["title"] = f"ogmp assessment ({rubric.label})"
    properties = schema["properties"]
    properties["rubric"] = {
        "type": "object",
        "description": f"{rubric.name.th}\n{rubric.name.en}",
        "properties": {"id": schemas.const_text(rubric.id), "version": schemas.const_number(rubric.version)},
        "required": ["id", "version"],
        "additionalProperties": False,
    }
    component_entry = schema["$defs"]["ComponentEntry"]["properties"]
    components: dict[str, Any] = {}
    for c_index, component in enumerate(rubric.components, start=1):
        indicators: dict[str, Any] = {}
        for i_index, indicator in enumerate(component.indicators, start=1):
            level_lines = [
                f"{level} {rubric.levels[level].th}: {text.th}" for level, text in indicator.levels.items()
            ]
            description = "\n".join(
                [
                    f"{c_index}.{i_index} {indicator.question.th}",
                    indicator.question.en,
                    "",
                    *level_lines,
                ]
            )
            indicators[indicator.id] = {
                "description": description,
                "anyOf": [{"$ref": "#/$defs/IndicatorEntry"}, {"type": "null"}],
            }
        components[component.id] = {
            "description": f"{c_index}. {component.name.th}\n{component.name.en}\n\n{component.definition.th}",
            "anyOf": [
                {
                    "type": "object",
                    "properties": {
                        **component_entry,
                        "indicators": {
                            "anyOf": [
                                {
                                    "type": "object",
                                    "properties": indicators,
                                    "additionalProperties": False,
                                },
                                {"type": "null"},
                            ]
                        },
                    },
                    "additionalProperties": False,
                },
                {"type": "null"},
            ],
        }
    properties["components"] = {
        "description": properties["components"].get("description", ""),
        "anyOf": [
            {"type": "object", "properties": components, "additionalProperties": False},
            {"type": "null"},
        ],
    }
    return schema


def _add_catalogues(schema: dict[str, Any], catalogues: Catalogues) -> None:
    """Only agendas that exist; a province's code is a real one, and such a code is a province's."""
    agendas = "|".join(sorted(catalogues.agendas.by_id))
    schema["properties"]["agenda"] = {
        "description": schema["properties"]["agenda"].get("description", ""),
        "type": "string",
        "pattern": rf"^\s*(?:{agendas})\s*$",
    }
    codes = "|".join(schemas.insensitive(code) for code in sorted(catalogues.provinces.by_code))
    province_shape = schemas.insensitive(PROVINCE_CODE.pattern.replace(r"\d", "[0-9]"))
    unit = schema["$defs"]["Unit"]
    unit["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": "province"}}, "required": ["kind"]},
            "then": {"properties": {"code": {"type": "string", "pattern": rf"^\s*(?:{codes})\s*$"}}},
        },
        {
            "if": {"properties": {"code": {"type": "string", "pattern": rf"^\s*(?:{province_shape})\s*$"}}},
            "then": {"properties": {"kind": {"const": "province"}}},
        },
    ]


def schema_text(rubric: Rubric | None = None, catalogues: Catalogues | None = None) -> str:
    """The schema as stable, readable JSON text (Thai kept as Thai)."""
    schema = assessment_schema(rubric, catalogues)
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
