"""Thai line breaking: no line break inside a Thai word, compound or name, and not a character
added to what a reader copies or searches."""

from __future__ import annotations

import itertools
import re
import tempfile
from functools import cache
from pathlib import Path

import pytest

from ogmp.registry import Registry
from ogmp.report.linebreak import break_text, break_thai_lines, report_terms
from ogmp.thai import segment

from .conftest import assess, html_text
from .pdftools import extracted, needs_poppler, pdftotext, without_whitespace

REGISTRY = Registry()
TERMS = report_terms(REGISTRY.catalogues, REGISTRY.require("ogmp-8", 2))
EXAMPLES = Path(__file__).parent.parent / "assessments"

# Compounds and names the review saw split (finding 5), and names from the catalogues.
MUST_STAY_WHOLE = [
    "พระราชบัญญัติ",
    "กรุงเทพมหานคร",
    "หน่วยงาน",
    "องค์ประกอบ",
    "การมีส่วนร่วม",
    "อย่างมีความหมาย",
    "ภาครัฐระบบเปิด",
    "ข้อมูลข่าวสาร",
    "ตัวชี้วัด",
    "หน่วยรับการประเมิน",
    "ผู้ว่าราชการจังหวัด",
    "ผู้ว่าราชการกรุงเทพมหานคร",
    "สำนักงานเขต",
    "จังหวัดลำปาง",
    "กรมควบคุมมลพิษ",
    "ความโปร่งใส",
    "ยกระดับ",
]


def segmented(text: str) -> str:
    return break_text(text, lambda part: segment(part, TERMS))


def test_thai_words_are_kept_whole_with_a_break_between_them() -> None:
    marked = segmented("ให้แก้ไขพระราชบัญญัติข้อมูลข่าวสารของราชการ")
    assert marked == (
        'ให้<wbr><span class="nobr">แก้ไข</span><wbr><span class="nobr">พระราชบัญญัติ</span><wbr>'
        '<span class="nobr">ข้อมูลข่าวสาร</span><wbr>ของ<wbr><span class="nobr">ราชการ</span>'
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("ตามพระราชบัญญัติ พ.ศ. 2540 และ", "พ.ศ. 2540"),
        ("ตามมาตรา 77 ของ", "มาตรา 77"),
        ("คิดเป็นร้อยละ 41 ของ", "ร้อยละ 41"),
        ("ร่วมกับสำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) (สพร.) และ", "ดิจิทัล (องค์การมหาชน) (สพร.)"),
        ("ส่งถึงกรมควบคุมมลพิษ (คพ.) ทุกเดือน", "กรมควบคุมมลพิษ (คพ.)"),
        ("เผยแพร่ 10 กรกฎาคม 2563 และ", "10 กรกฎาคม 2563"),
    ],
)
def test_figures_and_abbreviations_stay_with_their_word(text: str, kept: str) -> None:
    assert f'<span class="nobr">{kept}</span>' in segmented(text)


def test_a_heading_never_ends_with_a_word_alone() -> None:
    html = "<h3>องค์ประกอบที่ 1 การจัดทำฐานข้อมูลของวาระ</h3><p>การจัดทำฐานข้อมูลของวาระ</p>"
    marked = break_thai_lines(html, TERMS)
    heading, paragraph = re.findall(r"<h3>(.*?)</h3><p>(.*?)</p>", marked)[0]
    assert heading.endswith('<span class="nobr">ของวาระ</span>')
    assert paragraph.endswith('ของ<wbr><span class="nobr">วาระ</span>')


def test_text_outside_the_body_text_is_left_alone() -> None:
    html = (
        "<head><title>รายงานผลการประเมิน</title><style>p::before { content: 'หน่วยงาน' }</style></head>"
        '<body><svg><text>หน่วยงาน</text></svg><p title="หน่วยงาน">OG&amp;MP PM2.5 TH-52</p></body>'
    )
    assert break_thai_lines(html, TERMS) == html


def test_nothing_is_added_to_the_text_a_reader_sees() -> None:
    with tempfile.TemporaryDirectory() as folder:
        run = assess(
            [EXAMPLES / "th-10-urban_poverty-2564.yaml"], Path(folder), formats=["html"], registry=REGISTRY
        )
        [page] = [path for path in run.written if path.suffix == ".html"]
        marked = page.read_text(encoding="utf-8")
    assert marked.count('class="nobr"') > 1000 and marked.count("<wbr>") > 1000
    plain = re.sub(r'<span class="nobr">|</span>|<wbr>', "", marked)
    assert html_text(marked) == html_text(plain)
    assert not re.search("[\u200b\u2060\u00ad\ufeff]", marked)


@cache
def thai_pdf(name: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        run = assess([EXAMPLES / name], Path(folder), formats=["pdf"], registry=REGISTRY)
        [report] = [
            path for path in run.written if path.suffix == ".pdf" and not path.name.startswith("national")
        ]
        return report.read_bytes()


@pytest.mark.slow
@needs_poppler
@pytest.mark.parametrize(
    "name", ["th-52-pm25-2564.yaml", "th-10-urban_poverty-2564.yaml", "pcd-pm25-2565.yaml"]
)
def test_no_line_of_a_thai_report_breaks_inside_a_word(name: str) -> None:
    lines = [line.strip() for line in pdftotext(thai_pdf(name), "-raw").splitlines() if line.strip()]
    whole = sorted({*MUST_STAY_WHOLE, *(term for term in TERMS if len(term) >= 6)}, key=len, reverse=True)
    split = []
    for first, second in itertools.pairwise(lines):
        joined, cut = first + second, len(first)
        for term in whole:
            for found in re.finditer(re.escape(term), joined):
                if found.start() < cut < found.end():
                    split.append(f"{first[-20:]} | {second[:20]} ({term})")
        if re.search(r"(พ\.ศ\.|ค\.ศ\.|มาตรา|ร้อยละ)$", first) and re.match(r"[0-9๐-๙]", second):
            split.append(f"{first[-20:]} | {second[:20]} (figure)")
    assert split == []


@pytest.mark.slow
@needs_poppler
def test_copy_and_search_find_the_text_as_written() -> None:
    texts = extracted(thai_pdf("th-52-pm25-2564.yaml"))
    rubric = REGISTRY.require("ogmp-8", 2)
    # Long texts of the rubric, each across several lines of the report, read back whole.
    samples = [rubric.components[0].definition.th, rubric.components[4].indicators[0].question.th]
    for reader, text in texts.items():
        assert not re.search("[\u200b\u2060\u00ad\ufeff]", text), reader
        if reader == "pdftotext":
            for sample in samples:
                assert without_whitespace(sample) in without_whitespace(text)
