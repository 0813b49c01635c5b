"""The message catalogue: every message exists in both languages with the same parameters."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from ogmp.messages import CATALOG, Message, one_of


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_both_languages_take_the_same_parameters(code: str) -> None:
    english, thai = CATALOG[code]
    fields = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in (english, thai)]
    assert fields[0] == fields[1], code
    assert english.strip() and thai.strip()


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_thai_text_is_thai(code: str) -> None:
    english, thai = CATALOG[code]
    if re.search(r"[A-Za-z]{4,}", english) and not code.startswith(("severity", "list.or")):
        # Messages with words in them must say them in Thai, not repeat the English.
        assert re.search(r"[\u0e01-\u0e5b]", thai) or thai == english, code


def test_parameters_render_in_the_same_language() -> None:
    message = Message("value.choice", value="x", allowed=one_of(["a", "b", "c"]))
    assert message.render("en") == "'x' is not one of the allowed values: a, b or c"
    assert message.render("th") == "'x' ไม่ใช่ค่าที่ใช้ได้ ค่าที่ใช้ได้คือ a, b หรือ c"


def test_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        Message("no.such.message")


def test_messages_compare_by_code_and_parameters() -> None:
    assert Message("type.text") == Message("type.text")
    assert Message("value.range", value=1, low=1, high=5) != Message("value.range", value=2, low=1, high=5)
    assert len({Message("type.text"), Message("type.text")}) == 1


OGMP = Path(__file__).parent.parent / "ogmp"
CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
LOOK_UPS = {"Message", "tr", "ogmp_error"}


def _look_ups() -> tuple[set[str], set[str], set[str]]:
    """From ogmp's source: the codes given to Message, tr and ogmp_error as literals, the
    prefixes of codes built with f-strings, and every string that has the shape of a code."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    strings: set[str] = set()
    for path in OGMP.rglob("*.py"):
        if path.name == "messages.py":  # where the codes are defined, not used
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value):
                strings.add(node.value)
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            first = node.args[0]
            if name not in LOOK_UPS:
                continue
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literal.add(first.value)
            elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                prefixes.add(str(first.values[0].value))
    return literal, prefixes, strings


def test_every_code_the_program_looks_up_is_in_the_catalogue() -> None:
    literal, prefixes, _ = _look_ups()
    assert literal, "the scan found the look-ups"
    assert sorted(literal - set(CATALOG)) == []
    for prefix in prefixes:
        assert any(code.startswith(prefix) for code in CATALOG), prefix


def test_every_text_of_the_catalogue_is_used() -> None:
    _, prefixes, strings = _look_ups()
    unused = [code for code in CATALOG if code not in strings and not code.startswith(tuple(prefixes))]
    assert unused == []
