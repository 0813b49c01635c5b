"""Fuzzing the command line with Hypothesis: every input gets an answer, never a traceback.

``ogmp validate`` is given arbitrary bytes, arbitrary text, and the valid test assessment
damaged in every way a person editing it could: keys dropped, renamed or doubled, values
replaced by other kinds, unusual Unicode inserted (Thai, emoji, right-to-left text,
control characters, NUL), the file cut at any byte. It always exits 0 or 1, with messages
that name the file, and leaves the file as it was.

``ogmp assess`` is given valid assessments whose every free-text field holds Thai, emoji,
Arabic and Hebrew, HTML, Jinja and very long unbroken Thai. Valid files give a PDF and an
HTML report; the hostile text is printed as text in both (never run as markup or as a
template), the PDF carries only its inputs, and nothing is written outside --out.

Examples are few enough for the file to run in well under a minute: rendering a PDF takes
a second or two, so the report test tries a dozen assessments.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pypdf
import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ogmp.cli import app
from ogmp.diagnostics import shown
from ogmp.messages import Message
from ogmp.models.assessment import Assessor, ComponentEntry, Evidence, IndicatorEntry, UnitName
from ogmp.registry import Registry
from ogmp.validate import validate_file

from .conftest import MINI_REPORT_ATTACHMENTS, RUBRICS, VALID, html_text
from .pdftools import without_whitespace

REGISTRY = Registry([RUBRICS])
VALID_BYTES = VALID.read_bytes()
STEM = "th-52-pm25-2564"

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ_MORE = settings(FUZZ, max_examples=250)
RENDERS = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- text that is hard on a parser, a validator and a renderer ---------------------------

THAI_LETTERS = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
RTL_LETTERS = st.one_of(
    st.characters(min_codepoint=0x05D0, max_codepoint=0x05EA),  # Hebrew
    st.characters(min_codepoint=0x0621, max_codepoint=0x064A),  # Arabic
)
thai = st.text(THAI_LETTERS, min_size=1, max_size=30)
emoji = st.one_of(
    st.sampled_from(["😀", "🇹🇭", "👩🏽‍💻", "🏳️‍🌈", "❤️", "🙏🏻", "🫠"]),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
)
right_to_left = st.one_of(
    st.text(RTL_LETTERS, min_size=1, max_size=20),
    st.sampled_from(["مرحبا بالعالم", "שלום עולם", "\u202eevil\u202c", "\u2067عربي\u2069", "\u200fא"]),
)
html = st.sampled_from(
    [
        '<img src="file:///etc/passwd">',
        "<script>alert(1)</script>",
        "</td></tr></table>",
        '"><svg onload=alert(1)>',
        '<link rel="attachment" href="file:///etc/shadow">',
        "<style>@import url(file:///etc/passwd);</style>",
        "&amp; &lt; &#x3C;img",
        "<!-- ",
    ]
)
jinja = st.sampled_from(
    ["{{ 7*7 }}", "{% for x in range(9) %}x{% endfor %}", "{{ config }}", "{# note #}", "{% raw %}", "}}{{"]
)
plain = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=20)
piece = st.one_of(thai, emoji, right_to_left, html, jinja, plain, st.sampled_from([" ", "\n", " - "]))
SHORT_LIMIT = 300  # ShortText in ogmp.models.common
short_text = (
    st.lists(piece, min_size=1, max_size=6).map(lambda parts: "".join(parts)[:SHORT_LIMIT]).filter(str.strip)
)
unbroken_thai = st.integers(200, 3000).map(lambda n: ("การบริหารภาครัฐระบบเปิดและการมีส่วนร่วม" * 80)[:n])
long_text = st.one_of(
    short_text,
    st.tuples(short_text, unbroken_thai, short_text).map(lambda parts: " ".join(parts)),
)
# Within what an evidence link and file may be: no spaces, no '..', no leading '/'.
url_text = st.lists(st.one_of(thai, emoji, html, jinja, plain), min_size=1, max_size=4).map(
    lambda parts: re.sub(r"\s+", "", "".join(parts))
)
evidence_url = st.tuples(
    st.sampled_from(["https://", "http://", "HTTPS://"]),
    st.sampled_from(["example.org", "data.go.th", "ลำปาง.go.th", "xn--12c.th"]),
    url_text,
).map(lambda parts: f"{parts[0]}{parts[1]}/{parts[2]}")
file_name = st.lists(st.one_of(thai, emoji, right_to_left, jinja, plain), min_size=1, max_size=3).map(
    lambda parts: re.sub(r"[/\\:]", "_", "".join(parts)).strip().lstrip("~.") or "x"
)
evidence_file = st.lists(file_name, min_size=1, max_size=3).map(lambda parts: "/".join(parts) + ".pdf")


# --- ogmp validate on anything ------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one file the loader examples write to (module-scoped: Hypothesis reuses it)."""
    return tmp_path_factory.mktemp("fuzz") / "assessment.yaml"


def assert_validate_answers(path: Path, data: bytes) -> None:
    """``ogmp validate`` on ``data``: exit 0 or 1, messages naming the file, file untouched."""
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["validate", "--lang", "en", str(path), "--rubrics", str(RUBRICS)])
    output = result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception),
        data[:300],
    )
    assert result.exit_code in (0, 1), (result.exit_code, output)
    assert "Traceback" not in output
    assert path.read_bytes() == data
    name = shown(path)
    assert any(line.startswith(f"{name}:") for line in output.splitlines()), output
    for line in output.splitlines():
        assert (
            line.startswith(f"{name}:")
            or "file(s) checked" in line
            or line == Message("validate.partial_hint").render("en")
        ), f"a line that does not name the file: {line!r}"


@FUZZ
@given(
    st.one_of(st.binary(max_size=2000), st.binary(max_size=200).map(lambda tail: VALID_BYTES[:300] + tail))
)
@example(b"\x01")  # found by this test: a raw control character gave a two-line message without a line
@example(VALID_BYTES.replace("เก็บข้อมูล".encode(), "เก็บ\x0bข้อมูล".encode()))  # a line break pasted from Word
def test_validate_answers_any_bytes(fuzz_file: Path, data: bytes) -> None:
    assert_validate_answers(fuzz_file, data)


yaml_syntax = st.sampled_from([*":-?[]{},&*!|>'\"%@`#\t\n ", "---", "...", ": ", "- ", "<<: "])
any_character = st.characters(blacklist_categories=["Cs"])


@FUZZ
@given(
    st.lists(st.one_of(yaml_syntax, any_character, THAI_LETTERS), max_size=300).map("".join),
    st.sampled_from([b"", b"\xef\xbb\xbf"]),
)
def test_validate_answers_any_text(fuzz_file: Path, text: str, bom: bytes) -> None:
    assert_validate_answers(fuzz_file, bom + text.encode("utf-8"))


# Structured damage to the valid file: the shape of the data is mutated, then written back.
odd_text = st.lists(
    st.one_of(
        THAI_LETTERS,
        RTL_LETTERS,
        emoji,
        st.sampled_from(
            ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff", "\u202e", "\t", "\r", "\n"]
        ),
        any_character,
    ),
    max_size=12,
).map("".join)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    odd_text,
    st.sampled_from(["n/a", "6", "0", "2564-02-30", "2021", "true", "TH-99", "../../etc/passwd", "~"]),
)
any_value = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd_text, inner, max_size=3),
    max_leaves=6,
)

Node = dict[str, Any] | list[Any]
DOUBLED = "__doubled__"  # marks a key to be written a second time under its own name


def valid_data() -> Any:
    """The valid assessment as plain data, every scalar kept as text (as ogmp reads it)."""
    return yaml.load(VALID_BYTES.decode("utf-8"), Loader=yaml.BaseLoader)


def containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every mapping and list inside ``value``."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        found.append(path)
        for key, item in value.items():
            found += containers(item, (*path, key))
    elif isinstance(value, list):
        found.append(path)
        for index, item in enumerate(value):
            found += containers(item, (*path, index))
    return found


def node_at(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


@st.composite
def damaged_documents(draw: st.DrawFn) -> bytes:
    data = valid_data()
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(containers(data)))
        node: Node = node_at(data, where)
        if not node:
            continue
        keys: list[Any] = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = draw(st.sampled_from(keys))
        action = draw(st.sampled_from(["drop", "rename", "replace", "insert-text", "duplicate"]))
        if action == "drop":
            del node[key]
        elif action == "rename" and isinstance(node, dict):
            node[draw(odd_text)] = node.pop(key)
        elif action == "insert-text" and isinstance(node[key], str):
            text = node[key]
            at = draw(st.integers(0, len(text)))
            node[key] = text[:at] + draw(odd_text) + text[at:]
        elif action == "duplicate" and isinstance(node, list):
            node.append(node[key])
        elif action == "duplicate" and isinstance(node, dict):  # the key is doubled in the text
            node[f"{DOUBLED}{key}"] = node[key]
        else:
            node[key] = draw(any_value)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return text.replace(DOUBLED, "").encode("utf-8")


@FUZZ_MORE
@given(damaged_documents())
@example(VALID_BYTES + b'"no\\nte\\u2028": x\n')  # found by this test: a key's line break split its message
def test_validate_answers_a_damaged_assessment(fuzz_file: Path, data: bytes) -> None:
    assert_validate_answers(fuzz_file, data)


@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    """The valid file cut, spliced or edited at the byte level, as a broken save would."""
    data = bytearray(VALID_BYTES)
    for _ in range(draw(st.integers(1, 3))):
        if not data:
            break
        at = draw(st.integers(0, len(data)))
        lines = bytes(data).splitlines(keepends=True)
        line = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["cut", "insert", "duplicate-line", "drop-line", "indent", "byte"]))
        if action == "cut":
            del data[at:]
        elif action == "insert":  # may land inside a Thai letter's bytes
            data[at:at] = draw(odd_text).encode("utf-8")
        elif action == "duplicate-line":
            lines.insert(line, lines[line])
            data = bytearray(b"".join(lines))
        elif action == "drop-line":
            del lines[line]
            data = bytearray(b"".join(lines))
        elif action == "indent":
            lines[line] = draw(st.sampled_from([b" ", b"  ", b"\t", b"   - "])) + lines[line]
            data = bytearray(b"".join(lines))
        else:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
    return bytes(data)


@FUZZ_MORE
@given(damaged_bytes())
def test_validate_answers_a_cut_or_spliced_assessment(fuzz_file: Path, data: bytes) -> None:
    assert_validate_answers(fuzz_file, data)


# --- ogmp assess: hostile text all the way to the PDF ---------------------------------------

# Every free-text field of the assessment format: where it is, and what it may hold.
FREE_TEXT: dict[str, tuple[tuple[Any, ...], st.SearchStrategy[str]]] = {
    "unit name (Thai)": (("unit", "name", "th"), short_text),
    "unit name (English)": (("unit", "name", "en"), short_text),
    "assessor name": (("assessors", 0, "name"), short_text),
    "assessor role": (("assessors", 0, "role"), short_text),
    "assessor organisation": (("assessors", 0, "org"), short_text),
    "component note": (("components", "comp2", "note"), long_text),
    "indicator note": (("components", "comp1", "indicators", "c1_i1", "note"), long_text),
    "n/a reason": (("components", "comp1", "indicators", "c1_i3", "reason"), long_text),
    "evidence title": (("components", "comp2", "indicators", "c2_i2", "evidence", 0, "title"), short_text),
    "evidence url": (("components", "comp1", "indicators", "c1_i1", "evidence", 0, "url"), evidence_url),
    "evidence file": (("components", "comp2", "indicators", "c2_i2", "evidence", 0, "file"), evidence_file),
}
# A report in one language shows the unit's name in that language only.
HIDDEN_IN = {"th": {"unit name (English)"}, "en": {"unit name (Thai)"}}


def marker(field: str) -> str:
    """Hostile text that must print literally: short (one line, never split by a page break)
    and between two strong left-to-right words (so no bidirectional reordering)."""
    number = list(FREE_TEXT).index(field)
    if field == "evidence url":
        return f"https://example.org/M{number}a<img>{{{{7*7}}}}</td>M{number}z"
    if field == "evidence file":
        return f"evidence/M{number}a<script>{{{{7*7}}}}M{number}z.pdf"
    return f'M{number}a <img src="file:///etc/passwd"> {{{{ 7*7 }}}} M{number}z'


def put(data: Any, path: tuple[Any, ...], value: str) -> None:
    node_at(data, path[:-1])[path[-1]] = value


HostileExample = tuple[str, dict[str, str], frozenset[str]]


@st.composite
def hostile_assessments(draw: st.DrawFn) -> HostileExample:
    """(language, the text of every free-text field, the fields holding a marker)."""
    lang = draw(st.sampled_from(["en", "th"]))
    texts = {name: draw(strategy) for name, (_, strategy) in FREE_TEXT.items()}
    shown_fields = [name for name in FREE_TEXT if name not in HIDDEN_IN[lang]]
    marked = draw(st.frozensets(st.sampled_from(shown_fields), min_size=1, max_size=3))
    return lang, {**texts, **{name: marker(name) for name in marked}}, marked


def every_field_marked(lang: str) -> HostileExample:
    shown_fields = frozenset(name for name in FREE_TEXT if name not in HIDDEN_IN[lang])
    return lang, {name: marker(name) for name in FREE_TEXT}, shown_fields


def assessment_yaml(texts: dict[str, str]) -> bytes:
    data = valid_data()
    for name, (path, _) in FREE_TEXT.items():
        put(data, path, texts[name])
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000).encode("utf-8")


def listing(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")}


@pytest.mark.slow  # renders a dozen PDFs
@RENDERS
@given(hostile_assessments())
@example(every_field_marked("th"))
@example(every_field_marked("en"))
def test_hostile_text_reaches_the_pdf_as_text(
    tmp_path_factory: pytest.TempPathFactory, case: HostileExample
) -> None:
    lang, texts, marked = case
    folder = tmp_path_factory.mktemp("report")
    source = folder / "assessment.yaml"
    source.write_bytes(assessment_yaml(texts))
    working = folder / "working-folder"
    working.mkdir()
    out = folder / "out"
    before = listing(folder)
    valid = validate_file(source, REGISTRY).ok
    event(f"{lang} report" if valid else "refused as invalid")
    for name in marked:
        event(f"marker in {name}")

    with contextlib.chdir(working):  # anything written to a relative path lands in the listing
        result = CliRunner().invoke(
            app,
            [
                "assess",
                str(source),
                "-q",
                "-j",
                "1",
                "-f",
                "pdf,html",
                "--lang",
                lang,
                "--out",
                str(out),
                "--rubrics",
                str(RUBRICS),
            ],
        )
    output = result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output
    assert result.exit_code == (0 if valid else 1), output
    assert source.read_bytes() == assessment_yaml(texts)
    outside = {name for name in listing(folder) if name != "out" and not name.startswith("out/")}
    assert outside == before, outside ^ before
    if not valid:
        return

    assert listing(out) == {".ogmp-manifest.json", ".ogmp-lock", f"{STEM}.{lang}.pdf", f"{STEM}.{lang}.html"}
    pdf = (out / f"{STEM}.{lang}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = without_whitespace("\n".join(page.extract_text() for page in reader.pages))
    for name in marked:
        assert without_whitespace(texts[name]) in text, (name, texts[name])
    assert "{{7*7}}" in text
    assert not re.search(r"M\d+a(<img[^>]*>)?49", text), "a template expression was evaluated"
    # The PDF carries its inputs and nothing else: no file named in the hostile text.
    attachments = reader.attachments
    assert set(attachments) == MINI_REPORT_ATTACHMENTS | {source.name}
    assert attachments[source.name][0] == source.read_bytes()

    page = (out / f"{STEM}.{lang}.html").read_text(encoding="utf-8")
    shown_text = html_text(page)  # Thai words come in the line breaking's spans
    for name, value in texts.items():
        if name not in HIDDEN_IN[lang]:
            assert value.strip() in shown_text, (name, value)
    lowered = page.lower()
    assert "<img" not in lowered and "<script" not in lowered and "<link" not in lowered
    assert not re.search(r'(src|href)="(?!#|https?://|data:)', page, re.IGNORECASE), (
        "only anchors, links, data"
    )


def test_every_free_text_field_of_the_format_is_fuzzed() -> None:
    """A text field added to the format without a place in FREE_TEXT would go unfuzzed."""
    assert set(UnitName.model_fields) == {"th", "en"}
    assert set(Assessor.model_fields) == {"name", "role", "org"}
    assert set(Evidence.model_fields) == {"url", "file", "public", "title"}
    assert set(IndicatorEntry.model_fields) == {"level", "reason", "evidence", "note"}
    assert set(ComponentEntry.model_fields) == {"target", "note", "indicators"}
    assert {path[-1] for path, _ in FREE_TEXT.values()} == {
        "th",
        "en",
        "name",
        "role",
        "org",
        "note",
        "reason",
        "title",
        "url",
        "file",
    }
