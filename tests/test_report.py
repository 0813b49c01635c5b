"""Gap reports: real PDFs with real fonts, read back and checked."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogmp.cli import app
from ogmp.errors import OutputError
from ogmp.registry import Registry
from ogmp.report.build import ReportJob
from ogmp.report.render import RenderError, render_pdf, template_dirs
from ogmp.scoring import score_assessment
from ogmp.thai import format_date, to_thai_digits
from ogmp.validate import validate_file

from .conftest import RUBRICS, VALID, assess, html_text, local_unit
from .pdftools import extracted, fonts, needs_poppler, without_whitespace

pytestmark = pytest.mark.slow  # renders real PDFs

REGISTRY = Registry([RUBRICS])
HOSTILE_NOTE = '<img src="file:///etc/passwd"> {{ 7*7 }} {% if x %}'


def job(path: Path = VALID) -> ReportJob:
    checked = validate_file(path, REGISTRY, today=dt.date(2026, 1, 1))
    assert checked.ok and checked.assessment and checked.rubric and checked.document
    result = score_assessment(
        checked.assessment,
        checked.rubric,
        REGISTRY.catalogues,
        file_name=path.name,
        sha256=checked.document.sha256,
        rubric_sha256=checked.rubric_sha256 or "",
    )
    return ReportJob(result, checked.assessment, checked.rubric)


def written(run_written: list[Path], suffix: str) -> Path:
    """The one unit report of a run (not its national summary)."""
    [path] = [
        path for path in run_written if path.name.endswith(suffix) and not path.name.startswith("national")
    ]
    return path


@cache
def report(lang: str, fmt: str = "pdf", digits: bool = False) -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        run = assess([VALID], Path(folder), formats=[fmt], langs=[lang], thai_digits=digits)
        return written(run.written, f".{fmt}").read_bytes()


def test_thai_report_text_has_unit_components_index_and_thai_date() -> None:
    result = job().result
    for extractor, text in extracted(report("th")).items():
        flat = without_whitespace(text)
        assert "จังหวัดลำปาง" in flat, extractor
        for component in result.components:
            assert without_whitespace(component.name.th) in flat, (extractor, component.id)
        assert "36.1" in flat
        assert without_whitespace("22 มีนาคม 2564") in flat
        assert without_whitespace("ปีงบประมาณ พ.ศ. 2564") in flat


def test_english_report_text_in_english() -> None:
    result = job().result
    for extractor, text in extracted(report("en")).items():
        flat = without_whitespace(text)
        assert "LampangProvince" in flat, extractor
        for component in result.components:
            assert without_whitespace(component.name.en) in flat
        assert "36.1" in flat and "22March2021" in flat


@needs_poppler
@pytest.mark.parametrize("lang", ["th", "en"])
def test_only_embedded_sarabun(lang: str) -> None:
    listed = fonts(report(lang))
    assert listed, "no fonts"
    for name, _, embedded in listed:
        assert embedded and "+Sarabun" in name, name


@needs_poppler
def test_a_stylesheet_without_fonts_still_renders_with_the_bundled_font_only() -> None:
    # A custom template that forgets its @font-face must neither fall back to the
    # machine's fonts nor leave Pango with no font at all (which crashes the process).
    pdf = render_pdf(
        '<html lang="th"><body><p style="font-family: serif">ลำปาง Lampang</p></body></html>', template_dirs()
    )
    listed = fonts(pdf)
    assert listed and all(embedded and "Sarabun" in name for name, _, embedded in listed), listed
    assert "ลำปาง Lampang" in extracted(pdf)["pypdf"]


def test_recommendations_written_for_another_agenda_are_left_out() -> None:
    from ogmp.report.build import _labels
    from ogmp.report.context import build_context

    unit = job()
    rubric = unit.rubric
    data = rubric.model_dump(by_alias=True)
    for recommendation in data["components"][0]["recommendations"]:
        if recommendation["from"] == 3:
            recommendation["agendas"] = ["urban_poverty"]
    narrowed = type(rubric).model_validate(data)

    def steps(rubric_used: object) -> list[str]:
        result = score_assessment(
            unit.assessment,
            rubric_used,  # type: ignore[arg-type]
            REGISTRY.catalogues,
            file_name="a.yaml",
            sha256="0",
            rubric_sha256="0",
        )
        context = build_context(
            result,
            unit.assessment,
            rubric_used,  # type: ignore[arg-type]
            REGISTRY.catalogues,
            _labels(tuple(template_dirs()))["en"],
            lang="en",
            report_date=dt.date(2021, 3, 22),
        )
        component = next(c for c in context.components if c.anchor == "component-comp1")
        return [str(view.text) for group in component.drivers for view in group.recommendations]

    # comp1 stands at level 2 with target 4: the steps from levels 2 and 3 apply to this pm25 unit,
    # unless the one from level 3 is written for urban poverty only
    assert steps(rubric) == ["Step up from level 2", "Step up from level 3"]
    assert steps(narrowed) == ["Step up from level 2"]


def test_thai_digits() -> None:
    text = extracted(report("th", digits=True))["pypdf"]
    assert "๒๕๖๔" in text and "๓๖.๑" in text
    assert "หน้า ๓ จาก" in text or "หน้า๓จาก" in without_whitespace(text)
    assert to_thai_digits("2564") == "๒๕๖๔"
    assert format_date(dt.date(2021, 3, 22), "th") == "22 มีนาคม 2564"
    assert format_date(dt.date(2021, 3, 22), "th", thai_digits=True) == "๒๒ มีนาคม ๒๕๖๔"
    assert format_date(dt.date(2021, 3, 22), "en") == "22 March 2021"


def bundled_report(lang: str, fmt: str, digits: bool, name: str = "th-52-pm25-2564.yaml") -> str:
    import tempfile

    example = Path(__file__).parent.parent / "assessments" / name
    with tempfile.TemporaryDirectory() as folder:
        run = assess(
            [example], Path(folder), formats=[fmt], langs=[lang], thai_digits=digits, registry=Registry()
        )
        path = written(run.written, f".{fmt}")
        return path.read_text(encoding="utf-8") if fmt == "html" else extracted(path.read_bytes())["pypdf"]


def words_with_arabic_digits(text: str) -> list[str]:
    """The words of ``text`` that write a figure in Arabic digits, leaving out codes and names
    with Latin letters in them (PM2.5, TH-52, SHA-256) and the hexadecimal digests."""
    return [
        word
        for word in re.findall(r"\S+", text)
        if re.search(r"[0-9]", word) and not re.search(r"[A-Za-z]", word)
    ]


def test_thai_digits_everywhere_or_nowhere() -> None:
    # every figure of running text (rubric texts, dates, headings, index figures) is in Thai digits
    html = html_text(bundled_report("th", "html", digits=True))
    assert words_with_arabic_digits(html) == []
    assert "PM2.5" in html and "TH-52" in html and "พ.ศ. ๒๕๔๐" in html
    pdf = bundled_report("th", "pdf", digits=True)
    assert words_with_arabic_digits(pdf) == []
    # without the option, none
    assert not re.search("[๐-๙]", html_text(bundled_report("th", "html", digits=False)))


def test_page_numbers_and_contents_page_numbers() -> None:
    text = extracted(report("th"))["pypdf"]
    pages = re.findall(r"หน้า (\d+) จาก (\d+)", text)
    assert pages, "no page numbers"
    total = int(pages[0][1])
    assert [int(n) for n, _ in pages] == list(range(2, total + 1))  # the cover has none
    assert re.search(r"บทสรุปผู้บริหาร\s*\.{5,}\s*\d+", text), "contents lists page numbers"


def test_html_report_stands_alone_and_escapes_everything(tmp_path: Path, valid_text: str) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(
        valid_text.replace("note: เก็บข้อมูลจุดความร้อนรายเดือนในไฟล์ Excel", f"note: '{HOSTILE_NOTE}'"),
        encoding="utf-8",
    )
    html = written(assess([hostile], tmp_path / "out", formats=["html"]).written, ".html").read_text(
        encoding="utf-8"
    )
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt; {{ 7*7 }} {% if x %}" in html
    assert "<img" not in html
    assert not re.search(r'(src|href)="(?!#|https?://|data:)', html), (
        "only anchors, web links and inline data"
    )
    assert '<html lang="th">' in html


def test_hostile_note_prints_literally_in_the_pdf(tmp_path: Path, valid_text: str) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(
        valid_text.replace("note: เก็บข้อมูลจุดความร้อนรายเดือนในไฟล์ Excel", f"note: '{HOSTILE_NOTE}'"),
        encoding="utf-8",
    )
    pdf_path = written(assess([hostile], tmp_path / "out", langs=["en"]).written, ".pdf")
    text = without_whitespace(extracted(pdf_path.read_bytes())["pypdf"])
    assert without_whitespace(HOSTILE_NOTE) in text
    assert "49" not in text.split("{{")[1][:10]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///__ogmp_assets__/../../etc/passwd",
        "file:///__ogmp_assets__/%2e%2e/%2e%2e/etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://169.254.169.254/latest/meta-data/",
        "http://example.org/font.ttf",
        "ftp://example.org/x",
        "data:image/png;base64," + "A" * 100_000,
    ],
)
@pytest.mark.parametrize("how", ["img", "attachment", "stylesheet"])
def test_fetcher_refuses_everything_but_own_assets(url: str, how: str) -> None:
    tags = {
        "img": f'<img src="{url}">',
        "attachment": f'<link rel="attachment" href="{url}">',
        "stylesheet": f'<link rel="stylesheet" href="{url}">',
    }
    document = f'<html><head><link rel="stylesheet" href="report.css">{tags[how] if how != "img" else ""}</head><body><p>ก</p>{tags[how] if how == "img" else ""}</body></html>'
    with pytest.raises(RenderError) as caught:
        render_pdf(document, template_dirs())
    assert "which is not one of ogmp's own assets" in caught.value.render("en")


def test_small_data_urls_and_own_assets_are_served() -> None:
    pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    pdf = render_pdf(
        f'<html><head><link rel="stylesheet" href="report.css"></head><body><img src="{pixel}"><p>ก</p></body></html>',
        template_dirs(),
    )
    assert pdf.startswith(b"%PDF")


def test_failed_render_keeps_the_old_report_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    good = out / "th-52-pm25-2564.th.pdf"
    good.write_bytes(b"%PDF good old report")
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "report.css").write_text('@import url("file:///etc/passwd");', encoding="utf-8")
    run = assess([VALID], out, templates=broken)
    assert [outcome.task.output.name for outcome in run.failed] == [good.name]
    failure = run.failed[0].error
    assert (
        failure is not None
        and "file:///etc/passwd, which is not one of ogmp's own assets" in failure.render("en")
    )
    assert good.read_bytes() == b"%PDF good old report"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [good.name]


def test_unwritable_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        assess([VALID], blocked / "reports", formats=["html"])
    assert caught.value.render("en").startswith(f"could not write {blocked / 'reports'}")


def test_template_override_changes_only_what_it_overrides(tmp_path: Path) -> None:
    override = tmp_path / "templates"
    override.mkdir()
    css = (template_dirs()[-1] / "report.css").read_text(encoding="utf-8")
    (override / "report.css").write_text(css + "\nh2 { color: #008000; }\n", encoding="utf-8")
    path = written(
        assess([VALID], tmp_path / "out", formats=["html"], langs=["en"], templates=override).written, ".html"
    )
    html = path.read_text(encoding="utf-8")
    assert "h2 { color: #008000; }" in html
    assert "Results by component" in html  # labels and template still come from the bundle


def test_cli_writes_both_languages(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "assess",
            str(VALID),
            "-q",
            "-f",
            "pdf",
            "--lang",
            "both",
            "--out",
            str(tmp_path),
            "--rubrics",
            str(RUBRICS),
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".ogmp-lock",  # taken by each run for a moment while it updates what runs share
        ".ogmp-manifest.json",  # what was written from what, for incremental runs
        "th-52-pm25-2564.en.pdf",
        "th-52-pm25-2564.th.pdf",
    ]


def test_roll_up_ranks_each_type_of_local_administration_within_its_province(
    tmp_path: Path, valid_text: str
) -> None:
    units = [
        ("5200101", "city_municipality", "TH-52", "เทศบาลนครลำปาง", 0),
        ("5200201", "sao", "TH-52", "องค์การบริหารส่วนตำบลบ้านแลง", 1),
        ("5200202", "sao", "TH-52", "องค์การบริหารส่วนตำบลพิชัย", -1),
        ("5000201", "sao", "TH-50", "องค์การบริหารส่วนตำบลสุเทพ", 0),
    ]
    for code, local_type, parent, name, shift in units:
        (tmp_path / f"{code}.yaml").write_text(
            local_unit(valid_text, code, local_type, parent, name, shift), encoding="utf-8"
        )
    out = tmp_path / "out"
    run = assess([tmp_path], out, formats=["pdf", "html", "xlsx"], langs=["th", "en"], reports="summaries")
    assert run.ok
    assert sorted(path.name for path in run.written) == sorted(
        [
            "national-mini-v1-pm25-2564.xlsx",
            *(
                f"{name}-mini-v1-pm25-2564.{lang}.{fmt}"
                for name in ("national", "rollup-th-50", "rollup-th-52")
                for lang in ("en", "th")
                for fmt in ("html", "pdf")
            ),
        ]
    )
    lampang = without_whitespace(
        extracted((out / "rollup-th-52-mini-v1-pm25-2564.th.pdf").read_bytes())["pdftotext"]
    )
    assert "รายงานสรุปองค์กรปกครองส่วนท้องถิ่นรายจังหวัด" in lampang
    assert "3หน่วย" in lampang
    # Each type on its own, from rank 1: the city municipality never meets the two SAOs.
    city, sao = lampang.index("เทศบาลนคร"), lampang.index("องค์การบริหารส่วนตำบล(อบต.)")
    assert city < sao
    assert lampang.index("1องค์การบริหารส่วนตำบลบ้านแลง") < lampang.index("2องค์การบริหารส่วนตำบลพิชัย")
    assert "สุเทพ" not in lampang  # Chiang Mai's are in Chiang Mai's roll-up
    english = html_text((out / "rollup-th-52-mini-v1-pm25-2564.en.html").read_text(encoding="utf-8"))
    assert "Provincial roll-up of local administrations" in english
    assert "City municipalities" in english and "Subdistrict Administrative Organisations" in english
    assert "1 unit; index " in english and "2 units; index lowest" in english  # one unit has no spread
    national = html_text((out / "national-mini-v1-pm25-2564.th.html").read_text(encoding="utf-8"))
    by_province = national[national.index("องค์กรปกครองส่วนท้องถิ่นรายจังหวัด") :]
    # Thai dictionary order: เชียงใหม่ (under ช) before ลำปาง.
    assert by_province.index("เชียงใหม่") < by_province.index("ลำปาง")

    import openpyxl

    book = openpyxl.load_workbook(out / "national-mini-v1-pm25-2564.xlsx", read_only=True)
    provinces = [row[:5] for row in book["อปท.รายจังหวัด by province"].iter_rows(values_only=True)]
    assert provinces[1:] == [
        ("TH-50", "เชียงใหม่", "sao", "องค์การบริหารส่วนตำบล (อบต.)", 1),
        ("TH-52", "ลำปาง", "city_municipality", "เทศบาลนคร", 1),
        ("TH-52", "ลำปาง", "sao", "องค์การบริหารส่วนตำบล (อบต.)", 2),
    ]
    ranks = [row[:5] for row in book["อันดับ อปท. local ranking"].iter_rows(values_only=True)]
    assert ranks[1:] == [
        ("TH-50", "sao", 1, 2, "5000201"),
        ("TH-52", "city_municipality", 1, 1, "5200101"),
        ("TH-52", "sao", 1, 1, "5200201"),
        ("TH-52", "sao", 2, 3, "5200202"),
    ]
