"""What the terminal shows: prose wrapped at word boundaries, Thai words never cut."""

from __future__ import annotations

import io
import itertools

import pytest
from rich.cells import cell_len
from rich.console import Console

from ogmp.registry import Registry
from ogmp.terminal import print_prose, wrap
from ogmp.thai import break_points

# Words a Thai reader must never see cut at a line's end (the review's examples among them).
WORDS = ["พระราชบัญญัติ", "กรุงเทพมหานคร", "หน่วยงาน", "องค์ประกอบ", "ข้อมูล", "การมีส่วนร่วม", "ประชาชน"]
TEXTS = [component.definition.th for rubric in Registry().rubrics() for component in rubric.components]


def test_break_points_give_the_text_back() -> None:
    for text in TEXTS:
        assert "".join(break_points(text)) == text


@pytest.mark.parametrize("width", [24, 37, 50, 80])
def test_wrapped_thai_keeps_every_word_whole(width: int) -> None:
    for text in TEXTS:
        lines = wrap(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for before, after in itertools.pairwise(lines):
            for word in WORDS:
                for cut in range(1, len(word)):
                    assert not (before.endswith(word[:cut]) and after.startswith(word[cut:])), (
                        word,
                        before,
                        after,
                    )


def test_a_long_line_in_a_terminal_is_wrapped_and_piped_output_is_not() -> None:
    text = "ข้อเสนอเพื่อยกระดับ: จัดทำพระราชบัญญัติข้อมูลข่าวสารของราชการฉบับใหม่ร่วมกับกรุงเทพมหานครและหน่วยงานในพื้นที่"
    terminal = Console(file=io.StringIO(), force_terminal=True, width=30, color_system=None)
    print_prose(terminal, text, indent="  ")
    shown = terminal.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert len(shown) > 1 and all(line.startswith("  ") for line in shown[1:])
    assert "กรุงเทพมหานคร" in "".join(line.strip() for line in shown)
    piped = Console(file=io.StringIO(), force_terminal=False, width=30, soft_wrap=True)
    print_prose(piped, text)
    assert piped.file.getvalue() == text + "\n"  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [20, 41, 80])
def test_no_wrapped_line_is_wider_than_the_terminal(width: int) -> None:
    for text in TEXTS:
        for line in wrap(text, width, indent="   "):
            assert cell_len(line) <= width or len(break_points(line.strip())) == 1, line


def test_the_first_line_keeps_its_indentation_and_the_others_take_the_hanging_one() -> None:
    lines = wrap("   - จากระดับ 1 ระดับพื้นที่: คณะทำงานจัดประชุมร่วมกับหน่วยงานที่เกี่ยวข้อง", 30, indent="     ")
    assert lines[0].startswith("   - จาก")
    assert all(line.startswith("     ") and not line.startswith("      ") for line in lines[1:])


def test_each_line_of_a_message_is_wrapped_on_its_own() -> None:
    # The first line filled the terminal, and the second was cut after its first word.
    text = "ogmp assess ไม่มีตัวเลือก --ot หมายถึง --format, --out หรือ --reports หรือไม่\nดูวิธีใช้: ogmp assess --help"
    terminal = Console(file=io.StringIO(), force_terminal=True, width=80, color_system=None)
    print_prose(terminal, text)
    assert terminal.file.getvalue() == text + "\n"  # type: ignore[attr-defined]
