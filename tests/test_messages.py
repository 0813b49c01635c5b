"""The message catalogue: every message exists in both languages with the same parameters."""

from __future__ import annotations

import re
import string

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
