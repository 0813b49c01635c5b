"""Reports as documents: archival PDF, provenance, reproducible bytes, ogmp verify."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import NameObject, TextStringObject
from typer.testing import CliRunner

from ogmp import __version__
from ogmp.cli import app
from ogmp.diagnostics import shown
from ogmp.registry import Registry
from ogmp.report.render import template_dirs
from ogmp.verify import verify_report

from .conftest import MINI_REPORT_ATTACHMENTS, RUBRICS, VALID, assess
from .pdftools import extracted, without_whitespace

pytestmark = pytest.mark.slow  # renders PDFs, and verify renders them again

REGISTRY = Registry([RUBRICS])


def make_report(out: Path, **options: object) -> Path:
    run = assess([VALID], out, **options)
    [path] = run.written
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_report(tmp_path_factory.mktemp("report"))


def test_same_inputs_give_the_same_bytes(report: Path, tmp_path: Path) -> None:
    again = make_report(tmp_path)
    assert again.read_bytes() == report.read_bytes()


def test_report_date_today_is_taken_only_when_asked(tmp_path: Path) -> None:
    import datetime as dt

    today = make_report(tmp_path, report_date=dt.date.today())
    stamp = dt.date.today().strftime("%Y%m%d")
    assert pypdf.PdfReader(today).metadata["/CreationDate"].startswith(f"D:{stamp}")


def test_metadata_title_language_author_dates(report: Path) -> None:
    reader = pypdf.PdfReader(report)
    info = reader.metadata
    assert info["/Title"] == "รายงานผลการประเมินระบบนิเวศภาครัฐระบบเปิดและการมีส่วนร่วมอย่างมีความหมาย: จังหวัดลำปาง"
    assert info["/Author"] == "นางสาวทดสอบ ใจดี หัวหน้าสำนักงานจังหวัด สำนักงานจังหวัดลำปาง"
    assert info["/CreationDate"] == "D:20210322000000+07'00"  # the assessment date, not the clock
    assert reader.trailer["/Root"]["/Lang"] == "th"
    assert info["/ogmptoolversion"] and info["/ogmpmethodversion"] == "1"
    assert info["/ogmpassessmentsha256"] == hashlib.sha256(VALID.read_bytes()).hexdigest()


def test_inputs_are_embedded_as_pdf_a3_associated_files(report: Path) -> None:
    reader = pypdf.PdfReader(report)
    root = reader.trailer["/Root"]
    attachments = reader.attachments
    assert sorted(attachments) == sorted(["valid.yaml", *MINI_REPORT_ATTACHMENTS])
    assert attachments["valid.yaml"][0] == VALID.read_bytes()
    assert attachments["rubric-mini-v1.yaml"][0] == (RUBRICS / "mini.yaml").read_bytes()
    # PDF/A-3: associated files listed in /AF, each with its relationship, MIME type and dates.
    # (WeasyPrint 70 lists each one twice; the distinct set is what counts.)
    associated = [spec.get_object() for spec in {ref.idnum: ref for ref in root["/AF"]}.values()]
    assert len(associated) == len(attachments)
    relationships = {str(spec["/F"]): spec["/AFRelationship"] for spec in associated}
    assert relationships["valid.yaml"] == "/Source"
    assert relationships["ogmp-result.json"] == "/Data"
    for spec in associated:
        stream = spec["/EF"]["/F"].get_object()
        assert "/Subtype" in stream and "/ModDate" in stream["/Params"]


def test_pdf_a_3b_identification_and_output_intent(report: Path) -> None:
    reader = pypdf.PdfReader(report)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    [intent] = root["/OutputIntents"]
    assert intent.get_object()["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent.get_object()
    assert len(reader.trailer["/ID"]) == 2
    assert "/Encrypt" not in reader.trailer


def test_pdf_ua_1_is_tagged_and_still_reads_exactly(tmp_path: Path) -> None:
    path = make_report(tmp_path, pdf_variant="pdf/ua-1")
    reader = pypdf.PdfReader(path)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert 'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data().decode("utf-8")
    for text in extracted(path.read_bytes()).values():
        assert "จังหวัดลำปาง" in without_whitespace(text)


def test_verify_accepts_an_untouched_report(report: Path, runner: CliRunner) -> None:
    verification = verify_report(report)
    assert verification.ok, [d.render("en") for d in verification.differences]
    assert verification.figures_checked == 4
    assert verification.rendered_again and not verification.saved_again
    pages = len(pypdf.PdfReader(report).pages)
    result = runner.invoke(app, ["verify", str(report), "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{shown(report)}: matches its inputs (valid.yaml, rubric mini v1): rendered again from the"
        f" inputs it carries, all {pages} pages are the same\n"
    )


def tampered(report: Path, target: Path, *, name: str, data: bytes, fix_hash: str | None) -> Path:
    """A copy of ``report`` with the attachment ``name`` replaced, optionally with its hash updated."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(report))
    names = writer.root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    for index in range(0, len(names), 2):
        if names[index] == name:
            names[index + 1].get_object()["/EF"]["/F"].get_object().set_data(data)
    if fix_hash:
        writer.add_metadata({NameObject(fix_hash): TextStringObject(hashlib.sha256(data).hexdigest())})
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def test_verify_catches_an_edited_assessment(report: Path, tmp_path: Path, runner: CliRunner) -> None:
    forged = VALID.read_bytes().replace(b"level: 5", b"level: 1")
    path = tampered(
        report, tmp_path / "forged.pdf", name="valid.yaml", data=forged, fix_hash="/ogmpassessmentsha256"
    )
    verification = verify_report(path)
    texts = [d.render("en") for d in verification.differences]
    # comp3 weighs 1, 2, 3: levels 5, 3, 1 scored 33.3; forged to 1, 3, 1 they give (0 + 100 + 0) / 6.
    assert "components.comp3.score: the report says 33.3, its inputs give 16.7" in texts
    assert "overall.score: the report says 36.1, its inputs give 27.8" in texts
    assert "the score 27.8 (overall) is not in the report's text" in texts
    assert "the score 16.7 (comp3) is not in the report's text" in texts
    result = runner.invoke(app, ["verify", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stdout.endswith(f"{shown(path)}: does NOT match its inputs ({len(texts)} difference(s))\n")


def test_verify_catches_a_replaced_file_without_its_hash(report: Path, tmp_path: Path) -> None:
    path = tampered(
        report,
        tmp_path / "forged.pdf",
        name="rubric-mini-v1.yaml",
        data=(RUBRICS / "mini.yaml").read_bytes() + b"\n",
        fix_hash=None,
    )
    texts = [d.render("en") for d in verify_report(path).differences]
    assert texts[0] == "the embedded file rubric-mini-v1.yaml does not match the hash recorded in the report"
    recorded = hashlib.sha256((RUBRICS / "mini.yaml").read_bytes()).hexdigest()
    assert texts[1].startswith(f"inputs.rubric_sha256: the report says {recorded}")
    # An extra newline changes no figure; only the page that prints the rubric's hash differs.
    [page] = texts[2:]
    assert page.startswith("page ") and page.endswith(
        " is not what its inputs give: something on it was changed"
    )


def test_verify_refuses_what_it_cannot_check(runner: CliRunner, tmp_path: Path, report: Path) -> None:
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("not a pdf", encoding="utf-8")
    plain = tmp_path / "plain.pdf"
    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(plain)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(report.read_bytes()[:2000])  # an attachment that stopped arriving
    result = runner.invoke(
        app,
        [
            "verify",
            str(not_pdf),
            str(cut),
            str(plain),
            str(tmp_path / "missing.pdf"),
            str(report),
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{shown(not_pdf)}: this is not a PDF file",
        f"{shown(cut)}: the PDF is damaged and cannot be read; ask for the report again",
        f"{shown(plain)}: the report carries no embedded assessment: it was not made by ogmp assess, or it was altered",
        f"{shown(tmp_path / 'missing.pdf')}: file not found; check the path",
    ]
    assert result.stdout.endswith("pages are the same\n")  # the good one is still checked


def test_verify_catches_altered_figures(report: Path, tmp_path: Path) -> None:
    recorded = pypdf.PdfReader(report).attachments["ogmp-result.json"][0]
    altered = recorded.replace(b'"score": 36.1', b'"score": 63.1', 1)
    assert altered != recorded
    path = tampered(
        report, tmp_path / "altered.pdf", name="ogmp-result.json", data=altered, fix_hash="/ogmpresultsha256"
    )
    texts = [d.render("en") for d in verify_report(path).differences]
    assert texts == ["overall.score: the report says 63.1, its inputs give 36.1"]


def edited(report: Path, target: Path, edit: Callable[[pypdf.PdfWriter], None]) -> Path:
    """A copy of ``report`` changed by ``edit``, as a PDF editor would save it."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(report))
    edit(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def paint_over(writer: pypdf.PdfWriter) -> None:
    """A white box over the middle of the cover, where the overall index is printed."""
    page = writer.pages[0]
    content = page.get_contents()
    assert content is not None
    content.set_data(content.get_data() + b"\nq 1 1 1 rg 60 300 480 250 re f Q\n")
    page.replace_contents(content)


def test_a_figure_painted_over_fails_although_the_text_still_has_it(report: Path, tmp_path: Path) -> None:
    path = edited(report, tmp_path / "painted.pdf", paint_over)
    verification = verify_report(path)
    assert [d.render("en") for d in verification.differences] == [
        "page 1 is not what its inputs give: something on it was changed"
    ]
    assert verification.figures_checked == 4  # the text layer alone would have passed it


def test_a_page_added_removed_or_swapped_fails(report: Path, tmp_path: Path) -> None:
    added = edited(report, tmp_path / "added.pdf", lambda writer: writer.add_blank_page())
    pages = len(pypdf.PdfReader(report).pages)
    assert [d.render("en") for d in verify_report(added).differences] == [
        f"the report has {pages + 1} pages and its inputs give {pages}: a page was added or removed"
    ]

    def swap(writer: pypdf.PdfWriter) -> None:
        second = writer.pages[1]
        writer.remove_page(1)
        writer.insert_page(second, 2)

    swapped = edited(report, tmp_path / "swapped.pdf", swap)
    assert [d.render("en") for d in verify_report(swapped).differences] == [
        f"page {number} is not what its inputs give: something on it was changed" for number in (2, 3)
    ]


def test_a_report_saved_again_with_the_same_pages_passes_and_says_so(report: Path, tmp_path: Path) -> None:
    path = edited(report, tmp_path / "saved.pdf", lambda writer: None)
    verification = verify_report(path)
    assert verification.ok and verification.saved_again
    assert (
        verification.summary()
        .render("en")
        .endswith("pages are the same; the file itself was saved again by another program")
    )


def test_a_report_of_another_version_is_checked_as_far_as_possible(report: Path, tmp_path: Path) -> None:
    def older(writer: pypdf.PdfWriter) -> None:
        writer.add_metadata({NameObject("/ogmptoolversion"): TextStringObject("0.9.0")})

    path = edited(report, tmp_path / "older.pdf", older)
    verification = verify_report(path)
    assert verification.ok and not verification.rendered_again
    assert verification.summary().render("en") == (
        f"{shown(path)}: its inputs (valid.yaml, rubric mini v1) give the figures it records, and its"
        f" text shows the 4 scores; its pages could not be rendered again (it was made by ogmp 0.9.0,"
        f" and this is ogmp {__version__}; verify it with ogmp 0.9.0), so a change to how a page looks"
        " would not be seen"
    )


def test_a_report_made_with_other_templates_is_rendered_again_with_them(tmp_path: Path) -> None:
    override = tmp_path / "templates"
    override.mkdir()
    css = (template_dirs()[-1] / "report.css").read_text(encoding="utf-8")
    (override / "report.css").write_text(css + "\nh2 { color: #008000; }\n", encoding="utf-8")
    path = make_report(tmp_path / "out", templates=override)
    without = verify_report(path)
    assert without.ok and not without.rendered_again
    assert "give their folder with --templates" in without.summary().render("en")
    assert verify_report(path, templates=override).rendered_again


# --- reports of reviewed assessments ------------------------------------------------------

EXAMPLES = Path(__file__).parent.parent / "assessments"
REVIEWED = "th-52-pm25-2565"


@pytest.fixture(scope="module")
def reviewed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled Lampang 2565 report with its illustrative review and decision."""
    folder = tmp_path_factory.mktemp("reviewed")
    for suffix in (".yaml", ".review.opdc.yaml", ".decision.yaml"):
        (folder / f"{REVIEWED}{suffix}").write_bytes((EXAMPLES / f"{REVIEWED}{suffix}").read_bytes())
    run = assess([folder / f"{REVIEWED}.yaml"], folder / "out", registry=Registry())
    [path] = run.written
    return path


def test_a_reviewed_report_carries_its_review_and_decision_and_verifies(reviewed_report: Path) -> None:
    attached = set(pypdf.PdfReader(reviewed_report).attachments)
    assert {f"{REVIEWED}.review.opdc.yaml", f"{REVIEWED}.decision.yaml"} <= attached
    verification = verify_report(reviewed_report)
    assert verification.ok, [d.render("en") for d in verification.differences]
    assert verification.rendered_again


def test_a_reviewed_report_whose_decision_was_changed_fails(reviewed_report: Path, tmp_path: Path) -> None:
    name = f"{REVIEWED}.decision.yaml"
    decision = (EXAMPLES / name).read_bytes()
    forged_decision = decision.replace(b"        level: 4\n", b"        level: 3\n", 1)
    assert forged_decision != decision
    path = tampered(reviewed_report, tmp_path / "forged.pdf", name=name, data=forged_decision, fix_hash=None)
    texts = [d.render("en") for d in verify_report(path).differences]
    # The decision kept 5.3 at the unit's level 4; forged to 3, the indicator and everything
    # computed from it differ, and a recommendation for 5.3 appears: named by its id.
    assert "overall.score: the report says 37.5, its inputs give 36.9" in texts
    assert (
        "components.participation_space.indicators.co_implementation_by_others.level: the report says 4,"
        " its inputs give 3"
    ) in texts
    assert "recommendations.participation_space.10: its inputs give it, the report does not have it" in texts
