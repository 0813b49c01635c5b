"""The JSON Schema that ``ogmp init`` writes beside a scaffold accepts exactly what ogmp accepts.

Each case below changes one line of the valid test assessment. The result is read as VS Code's
YAML extension reads it (YAML 1.2, tests/yaml12.py) and checked against the schema with a real
JSON Schema validator; it is read by ogmp as ``ogmp validate --partial`` does (the schema is for
files being filled in, so an empty level is not an error there). Both must give the same verdict:
otherwise an editor would mark a good file red, or pass a file that ogmp refuses.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from ogmp import filenames
from ogmp.registry import Registry
from ogmp.schema import assessment_schema, companion_schema_text
from ogmp.validate import validate_file

from . import yaml12
from .conftest import RUBRICS, VALID

REGISTRY = Registry([RUBRICS])
RUBRIC = REGISTRY.find("mini", 1).rubric  # type: ignore[union-attr]
VALIDATOR = jsonschema.Draft202012Validator(assessment_schema(RUBRIC, REGISTRY.catalogues))
TEXT = VALID.read_text(encoding="utf-8")

LEVEL = "        level: 3"  # c1_i2, an indicator without a reason
NA_LEVEL = "        level: n/a"  # c1_i3, with its reason
TARGET = "    target: 4"
PUBLIC = "            public: true"
NAME = "    th: จังหวัดลำปาง"
URL = "          - url: https://www.lampang.go.th"
FILE = "          - file: evidence/minutes-2564-03.pdf"
ACCEPTED, REFUSED = True, False

CASES: list[tuple[str, str, bool]] = [
    *[(LEVEL, f"        level: {v}", ACCEPTED) for v in
      ["3", '"3"', "๓", '"๓"', "+3", "03", "3.0", '" 3 "', "5", "1", ""]],
    *[(LEVEL, f"        level: {v}", REFUSED) for v in
      ["0", "6", "3.5", "three", "๖", "-3", '"3\\u200b"', "[3]", "n/a", "true"]],
    *[(NA_LEVEL, f"        level: {v}", ACCEPTED) for v in ["n/a", "N/A", "na", "NA", "n.a.", '"-"', '" n/a "']],
    *[(NA_LEVEL, f"        level: {v}", REFUSED) for v in ["not applicable", "n / a", "none"]],
    *[(TARGET, f"    target: {v}", ACCEPTED) for v in ["4", '"4"', "๔", "", "~", "5.0"]],
    *[(TARGET, f"    target: {v}", REFUSED) for v in ["0", "6", "four", "n/a", "4.5"]],
    *[("round: 2564", f"round: {v}", ACCEPTED) for v in ["2564", '"2564"', "๒๕๖๔", "2700", "2500"]],
    *[("round: 2564", f"round: {v}", REFUSED) for v in ["2021", "2800", "25640", "two", ""]],
    *[("date: 2564-03-22", f"date: {v}", ACCEPTED) for v in
      ["2564-03-22", "๒๕๖๔-๐๓-๒๒", "2021-03-22", '"2564-03-22"', "2564-3-2", ""]],
    *[("date: 2564-03-22", f"date: {v}", REFUSED) for v in ["22/03/2564", "2564", "March 2021", "25640-01-01"]],
    *[(PUBLIC, f"            public: {v}", ACCEPTED) for v in
      ["true", "True", "TRUE", "false", "yes", "Yes", "no", "y", "n", "on", "off", "ใช่", "ไม่", "ไม่ใช่",
       '"true"', '" no "']],
    *[(PUBLIC, f"            public: {v}", REFUSED) for v in ["maybe", "1", "0", "ครับ", "", "[true]"]],
    *[(NAME, f"    th: {v}", ACCEPTED) for v in ["จังหวัดลำปาง", '"จังหวัดลำปาง "', "'จังหวัด: ลำปาง'"]],
    *[(NAME, f"    th: {v}", REFUSED) for v in ['""', '"   "', '"จังหวัด\\u202eลำปาง"', '"ลำ\\x01ปาง"', "", "[ลำปาง]"]],
    *[("  code: TH-52", f"  code: {v}", ACCEPTED) for v in ["TH-52", "th-52", '" TH-52 "']],
    *[("  code: TH-52", f"  code: {v}", REFUSED) for v in ["TH-99", "TH 52", "../x", "PCD", ""]],
    ("  kind: province", "  kind: agency", REFUSED),  # TH-52 is a province's code
    *[("agenda: pm25", f"agenda: {v}", ACCEPTED) for v in ["pm25", "urban_poverty", '" pm25 "']],
    *[("agenda: pm25", f"agenda: {v}", REFUSED) for v in ["PM25", "pm2.5", "haze", ""]],
    *[("  version: 1", f"  version: {v}", ACCEPTED) for v in ["1", '"1"', "๑", "1.0"]],
    *[("  version: 1", f"  version: {v}", REFUSED) for v in ["2", "one", ""]],
    *[(URL, f"          - url: {v}", ACCEPTED) for v in ["https://data.go.th/x?a=1", "HTTP://lampang.go.th"]],
    *[(URL, f"          - url: {v}", REFUSED) for v in
      ["ftp://x.org", "javascript:alert(1)", "www.lampang.go.th", "https://x.org/" + "a" * 2000]],
    *[(FILE, f"          - file: {v}", ACCEPTED) for v in
      ["evidence/minutes.pdf", "'evidence\\minutes.pdf'", "รายงาน.pdf", "a..b.pdf"]],
    *[(FILE, f"          - file: {v}", REFUSED) for v in
      ["/etc/passwd", "../x.pdf", "evidence/../../x", "javascript:alert(1)", "'C:\\x.pdf'", "~/x", "data:x",
       "https://x.org/a.pdf", '"a\\tb.pdf"']],
    (URL, f"{URL}\n            file: evidence/x.pdf", REFUSED),  # one piece of evidence, two sources
    (FILE, "          - public: false", REFUSED),  # no source at all
    (LEVEL, f"{LEVEL}\n        reason: ไม่เกี่ยวข้อง", REFUSED),  # a reason, but a level
    ("        reason: ไม่มีหน่วยงานรับผิดชอบเรื่องนี้ในจังหวัด", "        note: ไม่มีหน่วยงาน", REFUSED),
    ("  comp3:", "  comp4:", REFUSED),
    ("      c3_i1:", "      c3_i9:", REFUSED),
    ("agenda: pm25", "agenda: pm25\nprovince: ลำปาง", REFUSED),
    ("    role: หัวหน้าสำนักงานจังหวัด", "    role: 2564", ACCEPTED),  # a text may look like a number
]  # fmt: skip


def _edit(old: str, new: str) -> str:
    lines = TEXT.split("\n")
    assert old in lines, old
    lines[lines.index(old)] = new
    return "\n".join(lines)


@pytest.mark.parametrize(("old", "new", "accepted"), CASES, ids=[repr(new.strip()) for _, new, _ in CASES])
def test_the_schema_and_ogmp_agree(tmp_path: Path, old: str, new: str, accepted: bool) -> None:
    text = _edit(old, new)
    path = tmp_path / "assessment.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate_file(path, REGISTRY, partial=True)
    schema_errors = [error.message for error in VALIDATOR.iter_errors(yaml12.load(text))]
    assert result.ok is accepted, [problem.format("en") for problem in result.problems]
    assert (not schema_errors) is accepted, schema_errors


def test_the_valid_file_and_every_bundled_example_pass_the_schema() -> None:
    files = sorted((Path(__file__).parent.parent / "assessments").glob("*.yaml"))
    examples = [path for path in files if filenames.companion_of(path.name) is None]
    companions = [path for path in files if path not in examples]
    assert examples and companions
    for path in companions:  # the reviews, decisions and plans, against theirs
        kind = filenames.companion_kind(path.name)
        assert kind is not None
        validator = jsonschema.Draft202012Validator(json.loads(companion_schema_text(kind)))
        data = yaml12.load(path.read_text(encoding="utf-8"))
        assert [e.message for e in validator.iter_errors(data)] == [], path.name
    for path in [VALID, *examples]:
        text = path.read_text(encoding="utf-8")
        data = yaml12.load(text)
        rubric = REGISTRY.find(data["rubric"]["id"], data["rubric"]["version"]).rubric  # type: ignore[union-attr]
        validator = jsonschema.Draft202012Validator(assessment_schema(rubric, REGISTRY.catalogues))
        assert [e.message for e in validator.iter_errors(data)] == [], path.name


def test_the_schemas_are_valid_json_schemas() -> None:
    jsonschema.Draft202012Validator.check_schema(assessment_schema())
    for rubric in REGISTRY.rubrics():
        jsonschema.Draft202012Validator.check_schema(assessment_schema(rubric, REGISTRY.catalogues))
