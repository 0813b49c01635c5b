"""Shared catalogues every rubric draws on (``rubrics/shared/*.yaml``).

* best practices that recommendations point to;
* agendas (issues) that units are assessed on;
* Thai provinces with their ISO 3166-2 codes;
* international index figures for the national as-is context, each with its
  edition and source, and whether it was read or derived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from ogmp.models.common import (
    Bilingual,
    ShortText,
    Slug,
    StrictModel,
    ogmp_error,
    parse_int,
)

CATALOGUE_NAMES = ("practices", "agendas", "provinces", "indices")
"""The shared catalogues, each ``shared/NAME.yaml`` beside the rubrics."""

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
    where: Bilingual
    summary: Bilingual
    url: Url | None = None
    source: Bilingual


class PracticeCatalogue(StrictModel):
    practices: list[Practice]

    @cached_property
    def by_id(self) -> dict[str, Practice]:
        return {practice.id: practice for practice in self.practices}


class Agenda(StrictModel):
    """An issue a unit is assessed on, such as PM2.5 dust or urban poverty."""

    id: Slug
    name: Bilingual
    description: Bilingual


class AgendaCatalogue(StrictModel):
    agendas: list[Agenda]

    @cached_property
    def by_id(self) -> dict[str, Agenda]:
        return {agenda.id: agenda for agenda in self.agendas}


class Region(StrictModel):
    """A geographic region, for comparing a province with its peers."""

    id: Slug
    name: Bilingual


class Province(StrictModel):
    """A province (or Bangkok, or Pattaya) with its ISO 3166-2:TH code and region."""

    code: Annotated[str, Field(pattern=PROVINCE_CODE.pattern)]
    region: Slug
    name: Bilingual


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
    title: ShortText
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


class Edition(StrictModel):
    edition: ShortText
    countries: int | None = None
    source: Slug
    note: Bilingual | None = None
    results: list[CountryResult]


class Finding(StrictModel):
    """A published qualitative finding, where no figure exists."""

    dimension: Slug | None = None
    country: Annotated[str, Field(pattern=r"[A-Z]{3}")]
    text: Bilingual
    source: Slug
    derived: bool = False


class Index(StrictModel):
    """An international index used as national as-is context."""

    id: Slug
    name: Bilingual
    publisher: Bilingual
    scale: Bilingual
    scale_max: float
    dimensions: list[Dimension] = Field(default_factory=list)
    editions: list[Edition] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    not_published: Bilingual | None = None


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
    provinces: ProvinceCatalogue
    indices: IndexCatalogue
