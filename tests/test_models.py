"""The models parse YAML text into typed values, refusing what does not fit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from ogmp.models.assessment import Evidence, IndicatorEntry, Unit, parse_date
from ogmp.models.catalogue import Edition, Index, Words
from ogmp.models.common import Bilingual, parse_bool
from ogmp.models.rubric import Rubric


def error_codes(model: type[BaseModel], data: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [error["type"] for error in caught.value.errors()]


@pytest.mark.parametrize(
    ("given", "level"),
    [
        ("1", 1),
        ("5", 5),
        (" 3 ", 3),
        ("3.0", 3),
        ("n/a", "n/a"),
        ("N/A", "n/a"),
        ("na", "n/a"),
        (None, None),
    ],
)
def test_levels(given: str | None, level: int | str | None) -> None:
    assert IndicatorEntry.model_validate({"level": given}).level == level


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("0", "level.range"),
        ("9", "level.range"),
        ("3.5", "level.invalid"),
        ("three", "level.invalid"),
        ("true", "level.invalid"),
    ],
)
def test_bad_levels(given: str, code: str) -> None:
    assert error_codes(IndicatorEntry, {"level": given}) == [code]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2021-03-22", dt.date(2021, 3, 22)),
        ("2564-03-22", dt.date(2021, 3, 22)),  # Buddhist Era
        ("2564-3-2", dt.date(2021, 3, 2)),
    ],
)
def test_dates_in_either_era(given: str, expected: dt.date) -> None:
    assert parse_date(given) == expected


@pytest.mark.parametrize("given", ["22/03/2564", "2564-02-30", "1800-01-01", "๒๕๖๔-๐๓-๒๒x"])
def test_bad_dates(given: str) -> None:
    with pytest.raises(ValueError):  # PydanticCustomError is a ValueError
        parse_date(given)


def test_unit_codes() -> None:
    base = {"kind": "province", "name": {"th": "ลำปาง"}}
    assert Unit.model_validate({**base, "code": "th-52"}).code == "TH-52"
    assert Unit.model_validate({**base, "code": "0123"}).code == "0123"  # leading zeros kept
    for bad in ["../etc", "TH/52", "a b", "", "x" * 41, "TH-52\x00"]:
        assert error_codes(Unit, {**base, "code": bad}) in (["value.unit_code"], ["value.empty"])


@pytest.mark.parametrize(
    "path",
    [
        "../secret.pdf",
        "a/../../b",
        "/etc/passwd",
        "C:\\Windows\\x",
        "\\\\server\\share",
        "~/x",
    ],
)
def test_evidence_files_cannot_leave_the_assessment_folder(path: str) -> None:
    assert error_codes(Evidence, {"file": path, "public": "false"}) == ["evidence.file"]


@pytest.mark.parametrize(
    "link",
    ["file:///etc", "javascript:alert(1)", "data:text/html,<b>x</b>", "mailto:governor@lampang.go.th",
     "JavaScript:void(0)", "https://example.org/x.pdf", "vbscript:msgbox"],
)  # fmt: skip
def test_a_link_given_as_an_evidence_file_is_refused_as_a_link(link: str) -> None:
    assert error_codes(Evidence, {"file": link, "public": "false"}) == ["evidence.file_link"]


def test_an_evidence_link_that_is_too_long_says_so() -> None:
    url = "https://data.go.th/dataset?" + "x" * 2000
    assert error_codes(Evidence, {"url": url, "public": "true"}) == ["evidence.url_too_long"]
    assert error_codes(Evidence, {"file": "a/" * 251 + "x.pdf", "public": "true"}) == ["value.too_long"]


def test_evidence_files_and_links() -> None:
    assert Evidence.model_validate({"file": "evidence\\minutes.pdf", "public": "no"}).public is False
    assert (
        Evidence.model_validate({"url": "https://data.go.th/x?a=1", "public": "true"}).url
        == "https://data.go.th/x?a=1"
    )
    assert error_codes(Evidence, {"url": "javascript:alert(1)", "public": "true"}) == ["evidence.url"]


def test_booleans() -> None:
    assert [parse_bool(v) for v in ["true", "True", "yes", "false", "no", "off"]] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    with pytest.raises(ValueError):
        parse_bool("maybe")


def test_control_characters_in_text_are_refused() -> None:
    assert error_codes(IndicatorEntry, {"note": "a\x1b[31mred"}) == ["value.control_chars"]
    assert (
        IndicatorEntry.model_validate({"note": "บรรทัดหนึ่ง\nบรรทัดสอง\tแท็บ"}).note == "บรรทัดหนึ่ง\nบรรทัดสอง\tแท็บ"
    )


def test_rubric_levels_must_be_exactly_one_to_five() -> None:
    text = {"th": "x", "en": "x"}
    indicator = {
        "id": "a",
        "question": text,
        "principles": ["transparency"],
        "levels": {str(i): text for i in range(1, 5)},
    }
    data = {
        "id": "r",
        "version": "1",
        "name": text,
        "description": text,
        "source": text,
        "default_target": "4",
        "levels": {str(i): text for i in range(1, 6)},
        "principles": [{"id": "transparency", "name": text, "definition": text}],
        "drivers": [{"id": "policy", "name": text, "definition": text}],
        "components": [{"id": "c", "name": text, "definition": text, "indicators": [indicator]}],
    }
    assert error_codes(Rubric, data) == ["rubric.levels_incomplete"]
    indicator["levels"] = {str(i): text for i in range(1, 7)}
    assert error_codes(Rubric, data) == ["rubric.levels_extra"]


def test_thai_digits_are_understood() -> None:
    assert IndicatorEntry.model_validate({"level": "๓"}).level == 3
    assert parse_date("๒๕๖๔-๐๓-๒๒") == dt.date(2021, 3, 22)


@pytest.mark.parametrize(
    ("given", "day", "precision"),
    [
        ("2024-09-17", dt.date(2024, 9, 17), "day"),
        (dt.date(2024, 9, 17), dt.date(2024, 9, 17), "day"),
        ("2018-07", dt.date(2018, 7, 31), "month"),
        ("2024-02", dt.date(2024, 2, 29), "month"),
        ("2015", dt.date(2015, 12, 31), "year"),
        (2015, dt.date(2015, 12, 31), "year"),
    ],
)
def test_a_publication_is_dated_by_the_last_day_it_may_have_come_out(
    given: object, day: dt.date, precision: str
) -> None:
    published = Edition.model_validate(
        {"edition": {"th": "ฉบับ", "en": "edition"}, "published": given, "source": "s"}
    ).published
    assert (published.day, published.precision) == (day, precision)


@pytest.mark.parametrize("given", ["2024-13", "2024-02-30", "17/09/2024", "2567-09", ""])
def test_bad_publication_dates(given: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Edition.model_validate({"edition": {"th": "ฉบับ", "en": "edition"}, "published": given, "source": "s"})
    assert caught.value.errors()[0]["type"] == "catalogue.published"


def test_an_index_is_cited_in_its_latest_edition_published_by_the_day() -> None:
    def edition(name: str, published: str) -> dict[str, object]:
        return {"edition": {"th": name, "en": name}, "published": published, "source": "s"}

    index = Index.model_validate(
        {
            "id": "x",
            "name": {"th": "x", "en": "x"},
            "publisher": {"th": "x", "en": "x"},
            "scale": {"th": "x", "en": "x"},
            "scale_max": 1,
            "editions": [edition("b", "2022-09-28"), edition("a", "2018-07"), edition("c", "2024-09-17")],
        }
    )
    assert index.edition_as_of(dt.date(2018, 7, 30)) is None  # July 2018 may be the 31st
    assert [index.edition_as_of(dt.date(*day)).edition.en for day in [(2018, 7, 31), (2022, 9, 27)]] == [
        "a",
        "a",
    ]  # type: ignore[union-attr]
    assert index.edition_as_of(dt.date(2022, 9, 28)).edition.en == "b"  # type: ignore[union-attr]
    assert index.edition_as_of(dt.date(2030, 1, 1)).edition.en == "c"  # type: ignore[union-attr]


def test_agenda_and_actor_words_are_found_as_written() -> None:
    words = Words(th=["ฝุ่น", "ผู้ว่าราชการจังหวัด"], en=["dust", "district office"])
    assert words.found_in(Bilingual(th="ลดฝุ่นละออง", en="Cut the dust.")) == ["ฝุ่น", "dust"]
    assert words.found_in(Bilingual(th="ภาคอุตสาหกรรม", en="Industry and dustbins")) == []
    assert words.found_in(Bilingual(th="-", en="The Bangkok district offices")) == []
    assert words.found_in(Bilingual(th="-", en="The District Office of Mae Moh")) == ["district office"]
