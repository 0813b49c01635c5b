"""The report context, built directly for the cases a round rarely shows: nothing scored,
a rubric of one component, components tied on their gap."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ogmp.models.assessment import Assessment
from ogmp.models.rubric import Rubric
from ogmp.registry import Registry
from ogmp.report.build import _labels
from ogmp.report.context import ReportContext, build_context, gap_note, index_view, practice_view
from ogmp.report.formatting import Formatter
from ogmp.report.render import template_dirs
from ogmp.scoring import score_assessment
from ogmp.yamlsource import read_yaml

from .conftest import RUBRICS, VALID

REGISTRY = Registry([RUBRICS])
RUBRIC = REGISTRY.require("mini", 1)
VALID_DATA: dict[str, Any] = read_yaml(VALID).data


def context(data: dict[str, Any], rubric: Rubric = RUBRIC, lang: str = "en", **options: Any) -> ReportContext:
    assessment = Assessment.model_validate(data)
    result = score_assessment(
        assessment, rubric, REGISTRY.catalogues, file_name="a.yaml", sha256="0", rubric_sha256="0"
    )
    return build_context(
        result,
        assessment,
        rubric,
        REGISTRY.catalogues,
        _labels(tuple(template_dirs()))[lang],
        lang=lang,  # type: ignore[arg-type]
        report_date=dt.date(2021, 3, 22),
        **options,
    )


def with_levels(levels: dict[str, object]) -> dict[str, Any]:
    """The valid assessment with the given indicators' levels (n/a ones with a reason)."""
    data = read_yaml(VALID).data
    for component in data["components"].values():
        for indicator_id, entry in component["indicators"].items():
            if indicator_id in levels:
                entry["level"] = levels[indicator_id]
                entry.pop("reason", None)
                if levels[indicator_id] == "n/a":
                    entry["reason"] = "ไม่เกี่ยวข้อง"
    return data


@pytest.mark.parametrize("lang", ["en", "th"])
def test_nothing_scored_says_so_and_pretends_no_level(lang: str) -> None:
    every = [i for c in VALID_DATA["components"].values() for i in c["indicators"]]
    built = context(with_levels(dict.fromkeys(every, "n/a")), lang=lang)
    assert built.overall_score == "–"
    assert built.overall_level == built.labels["nothing_scored"]
    assert built.top_gaps == [] and built.gaps_chart is None and built.overall_facts == []
    [summary] = built.summary
    unit = "Lampang Province" if lang == "en" else "จังหวัดลำปาง"
    assert summary.value == str(built.labels["summary_nothing_scored"]).format(unit=unit)
    assert all(not component.scored and component.drivers == [] for component in built.components)
    assert "1" not in built.overall_level  # no "level 1" on the cover


def test_a_rubric_of_one_component() -> None:
    data = RUBRIC.model_dump(by_alias=True)
    data["components"] = data["components"][:1]
    one = Rubric.model_validate(data)
    assessment = read_yaml(VALID).data
    assessment["components"] = {"comp1": assessment["components"]["comp1"]}
    built = context(assessment, rubric=one)
    assert [component.anchor for component in built.components] == ["component-comp1"]
    assert [gap.anchor for gap in built.top_gaps] == ["component-comp1"]
    # comp1: levels 2 and 3 (the third is n/a), so its score is the index, and the radar has one axis
    assert built.overall_score == built.components[0].facts[0].value.value.split()[0]
    assert built.radar_legend[0].value.startswith("1. ")


def test_components_tied_on_their_gap_keep_the_rubric_order() -> None:
    # Equal weights, every indicator at level 2 and every target 4: three gaps of 2 levels,
    # three equal priorities, ranked in the rubric's order.
    data = RUBRIC.model_dump(by_alias=True)
    for component in data["components"]:
        component["weight"] = 1
    equal = Rubric.model_validate(data)
    every = [i for c in VALID_DATA["components"].values() for i in c["indicators"]]
    assessment = with_levels(dict.fromkeys(every, 2))
    for component in assessment["components"].values():
        component["target"] = 4
    built = context(assessment, rubric=equal)
    assert [gap.anchor for gap in built.top_gaps] == [
        "component-comp1",
        "component-comp2",
        "component-comp3",
    ]
    assert [gap.rank for gap in built.top_gaps] == ["1", "2", "3"]
    assert len({gap.gap for gap in built.top_gaps}) == 1


def test_thai_digits_only_in_a_thai_report() -> None:
    thai = context(VALID_DATA, lang="th", thai_digits=True)
    english = context(VALID_DATA, lang="en", thai_digits=True)
    assert thai.thai_digits and not english.thai_digits
    assert thai.overall_score == "๓๖.๑" and english.overall_score == "36.1"


def index_row(index_id: str, day: dt.date, lang: str = "th") -> tuple[str, str, str, list[str]]:
    index = REGISTRY.catalogues.indices.by_id[index_id]
    fmt = Formatter.of(lang, _labels(tuple(template_dirs()))[lang])  # type: ignore[arg-type]
    sources = {source.id: source.title.get(lang) for source in REGISTRY.catalogues.indices.sources}  # type: ignore[arg-type]
    view = index_view(fmt, index, lambda source: sources[source], day)
    return view.edition, view.published, view.figure, [str(note) for note in view.notes]


def test_an_index_is_shown_in_the_edition_the_assessment_date_could_cite() -> None:
    assert index_row("egdi", dt.date(2021, 6, 15)) == (
        "ฉบับปี ค.ศ. 2020",
        "เผยแพร่ 10 กรกฎาคม 2563",
        "อันดับที่ 57 จาก 193 ประเทศ",
        [],
    )
    assert index_row("egdi", dt.date(2025, 1, 1))[:2] == ("ฉบับปี ค.ศ. 2024", "เผยแพร่ 17 กันยายน 2567")
    assert index_row("egdi", dt.date(2025, 1, 1), "en")[:2] == ("2024 edition", "published 17 September 2024")
    assert index_row("egdi", dt.date(2019, 1, 1), "en")[1] == "published July 2018"
    assert index_row("godi", dt.date(2019, 1, 1), "en")[1] == "published 2015"
    assert index_row("godi", dt.date(2019, 1, 1))[1] == "เผยแพร่ พ.ศ. 2558"


def test_an_index_says_why_it_has_no_figure() -> None:
    assert index_row("gdb", dt.date(2021, 6, 15)) == (
        "–",
        "",
        "ยังไม่มีฉบับที่เผยแพร่ ณ วันที่ประเมิน (ฉบับแรกเผยแพร่ 11 พฤษภาคม 2565)",
        [],
    )
    assert index_row("ita", dt.date(2021, 6, 15))[2] == "ข้อมูลอ้างอิงของ ogmp ไม่มีฉบับที่เผยแพร่ก่อนวันที่ประเมิน"
    edition, _, figure, _ = index_row("ourdata", dt.date(2024, 1, 1), "en")
    assert (edition, figure) == (
        "2023 edition",
        "Thailand was not included in this edition (36 OECD members and 4 accession countries).",
    )
    assert index_row("ita", dt.date(2024, 12, 1))[:3] == (
        "ปีงบประมาณ พ.ศ. 2567",
        "เผยแพร่ 30 กรกฎาคม 2567",
        "ข้อมูลอ้างอิงของ ogmp ยังไม่มีค่าเฉลี่ยระดับประเทศของปีงบประมาณนี้",
    )


def test_thai_digits_reach_edition_names_and_publication_dates() -> None:
    index = REGISTRY.catalogues.indices.by_id["ita"]
    fmt = Formatter.of("th", _labels(tuple(template_dirs()))["th"], thai_digits=True)
    view = index_view(fmt, index, str, dt.date(2026, 1, 1))
    assert (view.edition, view.published, view.figure) == (
        "ปีงบประมาณ พ.ศ. ๒๕๖๘",
        "เผยแพร่ ๑๘ สิงหาคม ๒๕๖๘",
        "คะแนน ๙๓.๘๒ (เต็ม ๑๐๐)",
    )


@pytest.mark.parametrize(
    ("practice_id", "lang", "title"),
    [
        (
            "th_gistda_hotspots",
            "th",
            "ข้อมูลจุดความร้อนจากดาวเทียมของสำนักงานพัฒนาเทคโนโลยีอวกาศและภูมิสารสนเทศ (องค์การมหาชน)"
            " (สทอภ. หรือ GISTDA)",
        ),
        (
            "th_gistda_hotspots",
            "en",
            "Satellite hotspot data by the Geo-Informatics and Space Technology Development Agency (GISTDA)",
        ),
        (
            "th_data_go_th",
            "th",
            "ศูนย์กลางข้อมูลเปิดภาครัฐ data.go.th ของสำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) (สพร.)",
        ),
        (
            "th_ogp_working_group_lampang",
            "th",
            "คณะทำงานส่งเสริมการมีส่วนร่วมเพื่อพัฒนาภาครัฐระบบเปิด (OGP) ระดับพื้นที่ จังหวัดลำปาง",
        ),
        ("foia_gov", "th", "เว็บไซต์ FOIA.gov (สหรัฐอเมริกา)"),
        (
            "th_award_doi_suthep_volunteers",
            "en",
            "Forest-fire watch volunteer network, Doi Suthep-Pui by the Department of Environmental Quality Promotion (Chiang Mai)",
        ),
    ],
)
def test_a_practice_is_named_once_with_its_body_and_place(practice_id: str, lang: str, title: str) -> None:
    practice = REGISTRY.catalogues.practices.by_id[practice_id]
    view = practice_view(Formatter.of(lang, _labels(tuple(template_dirs()))[lang]), practice)  # type: ignore[arg-type]
    assert view is not None and str(view.title) == title


def test_the_summary_explains_a_gap_its_figures_do_not_subtract_to() -> None:
    assert context(VALID_DATA).summary_note is None  # 4.50 - 2.44 = 2.06, as printed
    above = context(with_levels({"c1_i1": 5, "c1_i2": 5, "c1_i3": 5}))  # comp1 above its target of 4
    assert [str(fact.value) for fact in above.overall_facts] == [
        "2.83",
        "Level 2, Developing",
        "4.50",
        "1.83 levels",
    ]
    assert str(above.summary_note).startswith("The mean gap is computed from each component's gap")
    assessment = Assessment.model_validate(VALID_DATA)
    result = score_assessment(
        assessment, RUBRIC, REGISTRY.catalogues, file_name="a.yaml", sha256="0", rubric_sha256="0"
    )
    rounded = result.model_copy(
        update={
            "overall": result.overall.model_copy(
                update={"mean_level": 2.56, "target_mean_level": 3.63, "gap": 1.06}
            )
        }
    )
    labels = _labels(tuple(template_dirs()))["th"]
    assert str(gap_note(Formatter.of("th", labels), rounded)) == (
        "ตัวเลขคำนวณจากค่าที่ยังไม่ปัดเศษ ผลต่างของตัวเลขที่แสดงอาจคลาดเคลื่อนได้ 0.01"
    )


@pytest.mark.parametrize(
    ("lang", "items", "joined"),
    [
        ("th", ["ความโปร่งใส", "การมีความรับผิดชอบ"], "ความโปร่งใส และการมีความรับผิดชอบ"),
        ("th", ["ก", "ข", "ดัชนี OSI"], "ก ข และดัชนี OSI"),
        ("th", ["ดัชนีบริการออนไลน์", "OSI"], "ดัชนีบริการออนไลน์ และ OSI"),
        (
            "en",
            ["transparency", "participation", "accountability"],
            "transparency, participation and accountability",
        ),
    ],
)
def test_lists_are_joined_as_each_language_writes_them(lang: str, items: list[str], joined: str) -> None:
    assert Formatter.of(lang, _labels(tuple(template_dirs()))[lang]).join(items) == joined  # type: ignore[arg-type]
