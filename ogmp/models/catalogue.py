"""Shared catalogues every rubric draws on (``rubrics/shared/*.yaml``).

* best practices that recommendations point to;
* agendas (issues) that units are assessed on;
* Thai provinces with their ISO 3166-2 codes;
* international index figures for the national as-is context, each with its
  edition and source, and whether it was read or derived.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from ogmp.models.common import (
    Bilingual,
    ShortText,
    Slug,
    StrictModel,
    ogmp_error,
    parse_int,
)

CATALOGUE_NAMES = ("practices", "agendas", "units", "provinces", "indices")
"""The shared catalogues, each ``shared/NAME.yaml`` beside the rubrics."""

HOME_COUNTRY = "THA"
"""The country whose figures the national context shows."""

PROVINCE_CODE = re.compile(r"TH-(\d{2}|S)")


def _url(value: Any) -> Any:
    text = str(value).strip() if value is not None else ""
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", text):
        raise ogmp_error("evidence.url", value=text)
    return text


Url = Annotated[str, BeforeValidator(_url)]


class Practice(StrictModel):
    """A best practice a recommendation can point to."""

    id: Slug
    name: Bilingual
    where: Bilingual | None = None
    """The country or province, unless the name says it."""
    by: Bilingual | None = None
    """The body whose practice it is: ``กรมควบคุมมลพิษ``."""
    summary: Bilingual
    url: Url | None = None
    source: Bilingual


class PracticeCatalogue(StrictModel):
    practices: list[Practice]

    @cached_property
    def by_id(self) -> dict[str, Practice]:
        return {practice.id: practice for practice in self.practices}


class Words(StrictModel):
    """Words and phrases in Thai and in English (matched as written, anywhere in a text)."""

    th: list[ShortText] = Field(default_factory=list)
    en: list[ShortText] = Field(default_factory=list)

    def found_in(self, text: Bilingual) -> list[str]:
        """The words of this list that ``text`` uses, in either language: anywhere in the Thai
        (which has no spaces between words), as whole words in the English ("dust" is not in
        "industry")."""
        lowered = text.en.lower()
        english = [
            word
            for word in self.en
            # The substring test first: most words are not in a text, and it costs a
            # hundredth of the whole-word search (a rubric's checks make thousands).
            if word.lower() in lowered
            and re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text.en, re.IGNORECASE)
        ]
        return [word for word in self.th if word in text.th] + english


class Agenda(StrictModel):
    """An issue a unit is assessed on, such as PM2.5 dust or urban poverty."""

    id: Slug
    name: Bilingual
    description: Bilingual
    label: Bilingual | None = None
    """How a text marks an example that is this agenda's own: ``วาระ PM2.5``."""
    words: Words = Field(default_factory=Words)
    """Words that make a text this agenda's: a recommendation that uses one is tagged with it."""


class AgendaCatalogue(StrictModel):
    agendas: list[Agenda]

    @cached_property
    def by_id(self) -> dict[str, Agenda]:
        return {agenda.id: agenda for agenda in self.agendas}


class UnitKind(StrictModel):
    """A kind of unit, as recommendations address it: a province, Bangkok, an agency, a local
    administration. Its actors are the offices only that kind has (a provincial governor,
    Bangkok's district offices): a recommendation that names one is tagged with the kind."""

    id: Literal["province", "bangkok", "agency", "local"]
    name: Bilingual
    codes: list[ShortText] = Field(default_factory=list)
    """Unit codes of this kind whatever kind their assessment gives (Bangkok is TH-10)."""
    of_assessment: Literal["province", "agency", "local"]
    """The kind an assessment of such a unit states."""
    actors: Words = Field(default_factory=Words)


class UnitCatalogue(StrictModel):
    kinds: list[UnitKind]

    @cached_property
    def by_id(self) -> dict[str, UnitKind]:
        return {kind.id: kind for kind in self.kinds}

    def kind_of(self, code: str, assessed_kind: str) -> str:
        """The kind of the unit ``code`` as recommendations address it (``TH-10`` is ``bangkok``)."""
        for kind in self.kinds:
            if code in kind.codes:
                return kind.id
        return assessed_kind


class Region(StrictModel):
    """A geographic region, for comparing a province with its peers."""

    id: Slug
    name: Bilingual


class Province(StrictModel):
    """A province (or Bangkok, or Pattaya City) with its ISO 3166-2:TH code and region."""

    code: Annotated[str, Field(pattern=PROVINCE_CODE.pattern)]
    region: Slug
    name: Bilingual
    unit_name: Bilingual | None = None
    """How the unit is named where it is no ``จังหวัด``: ``กรุงเทพมหานคร``, ``เมืองพัทยา``."""

    @property
    def as_unit(self) -> Bilingual:
        """The unit's name: ``จังหวัดลำปาง`` / ``Lampang Province``, or its own."""
        if self.unit_name is not None:
            return self.unit_name
        return Bilingual(th=f"จังหวัด{self.name.th}", en=f"{self.name.en} Province")


class ProvinceCatalogue(StrictModel):
    source: Bilingual
    regions: list[Region]
    provinces: list[Province]

    @model_validator(mode="after")
    def _regions_exist(self) -> ProvinceCatalogue:
        known = {region.id for region in self.regions}
        for province in self.provinces:
            if province.region not in known:
                raise ogmp_error("value.choice", value=province.region, allowed=", ".join(sorted(known)))
        return self

    @cached_property
    def by_code(self) -> dict[str, Province]:
        return {province.code: province for province in self.provinces}

    @cached_property
    def regions_by_id(self) -> dict[str, Region]:
        return {region.id: region for region in self.regions}


# --- international indices -------------------------------------------------------


class Country(StrictModel):
    code: Annotated[str, Field(pattern=r"[A-Z]{3}")]
    name: Bilingual


class Source(StrictModel):
    """Where figures were read: a dataset, report or announcement."""

    id: Slug
    title: Bilingual
    url: Url | None = None
    note: Bilingual | None = None


class Dimension(StrictModel):
    id: Slug
    name: Bilingual


def _rank(value: Any) -> Any:
    return None if value is None else parse_int(value)


class CountryResult(StrictModel):
    """One country's figures in one edition of an index.

    ``derived`` names the figures computed by the project from the source's
    data (for example a rank obtained by sorting published values) rather
    than read as published; reports must say so.
    """

    country: Annotated[str, Field(pattern=r"[A-Z]{3}")]
    rank: Annotated[int | None, BeforeValidator(_rank)] = None
    rank_tied: bool = False
    score: float | None = None
    dimensions: dict[str, float] = Field(default_factory=dict)
    derived: list[str] = Field(default_factory=list)


_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class Publication(StrictModel):
    """When an edition or finding was published, as precisely as it is known.

    ``day`` is the last day it may have come out (the end of the month or year when only
    those are known), so that a report never cites what may not yet have been published.
    """

    day: dt.date
    precision: Literal["day", "month", "year"]


def _publication(value: Any) -> Any:
    if isinstance(value, dict | Publication):
        return value
    if isinstance(value, dt.date):
        return {"day": value, "precision": "day"}
    match = _PUBLISHED.fullmatch(str(value).strip())
    if match is None:
        raise ogmp_error("catalogue.published", value=str(value))
    year, month, day = (int(part) if part else None for part in match.groups())
    if not 1900 <= year <= 2200:  # type: ignore[operator]
        raise ogmp_error("catalogue.published", value=str(value))  # a Buddhist-Era year, most likely
    try:
        if month is None:
            return {"day": dt.date(year, 12, 31), "precision": "year"}  # type: ignore[arg-type]
        if day is None:
            last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
            return {"day": dt.date(year, month, last), "precision": "month"}  # type: ignore[arg-type]
        return {"day": dt.date(year, month, day), "precision": "day"}  # type: ignore[arg-type]
    except ValueError:
        raise ogmp_error("catalogue.published", value=str(value)) from None


Published = Annotated[Publication, BeforeValidator(_publication)]


class Edition(StrictModel):
    """One edition of an index; Thailand may be missing from it (``note`` says why)."""

    edition: Bilingual
    """Its name as a report prints it: ``ฉบับปี ค.ศ. 2024``, ``ปีงบประมาณ พ.ศ. 2568``."""
    published: Published
    countries: int | None = None
    source: Slug
    note: Bilingual | None = None
    results: list[CountryResult] = Field(default_factory=list)

    def result_for(self, country: str) -> CountryResult | None:
        return next((result for result in self.results if result.country == country), None)


class Finding(StrictModel):
    """A published qualitative finding, where no figure exists."""

    dimension: Slug | None = None
    country: Annotated[str, Field(pattern=r"[A-Z]{3}")]
    text: Bilingual
    source: Slug
    published: Published
    derived: bool = False


class Index(StrictModel):
    """An international index used as national as-is context."""

    id: Slug
    name: Bilingual
    publisher: Bilingual
    scale: Bilingual
    scale_max: float
    dimensions: list[Dimension] = Field(default_factory=list)
    first_published: Published | None = None
    """When its first edition came out, where known: before it, no edition existed."""
    editions: list[Edition] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    not_published: Bilingual | None = None

    def edition_as_of(self, day: dt.date) -> Edition | None:
        """The latest edition published on or before ``day``: what a report of that day can cite."""
        published = [edition for edition in self.editions if edition.published.day <= day]
        return max(published, key=lambda edition: edition.published.day, default=None)

    def findings_as_of(self, day: dt.date) -> list[Finding]:
        """The findings published on or before ``day``."""
        return [finding for finding in self.findings if finding.published.day <= day]


class IndexCatalogue(StrictModel):
    countries: list[Country]
    sources: list[Source]
    indices: list[Index]

    @cached_property
    def by_id(self) -> dict[str, Index]:
        return {index.id: index for index in self.indices}

    def dimension_refs(self) -> list[str]:
        """Every id a rubric indicator may name in ``indices``: ``epi`` or ``epi.e_decision_making``."""
        refs: list[str] = []
        for index in self.indices:
            refs.append(index.id)
            refs.extend(f"{index.id}.{dimension.id}" for dimension in index.dimensions)
        return refs


@dataclass(frozen=True)
class Catalogues:
    """The shared catalogues every rubric and assessment is checked against."""

    practices: PracticeCatalogue
    agendas: AgendaCatalogue
    units: UnitCatalogue
    provinces: ProvinceCatalogue
    indices: IndexCatalogue
