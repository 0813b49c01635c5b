"""How a report writes what it shows: numbers, digits, dates, levels, lists, its fixed texts.

One :class:`Formatter` per report and language, shared by the gap report and the national
summary, so that both write a figure, a Buddhist-Era date or "1 level" the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ogmp.messages import Lang
from ogmp.models.catalogue import Publication
from ogmp.models.common import Bilingual
from ogmp.thai import (
    BUDDHIST_ERA_OFFSET,
    ENGLISH_MONTHS,
    THAI_MONTHS,
    fiscal_year_span,
    format_date,
    glue,
    language_of,
    thai_digits_in_prose,
    to_thai_digits,
)

Labels = Mapping[str, object]
"""A report's fixed texts in one language (``labels.yaml``)."""


@dataclass(frozen=True)
class LangText:
    """A text and the language it is in (for the ``lang`` attribute)."""

    value: str
    lang: Lang

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Fact:
    """A labelled value: ``Mean level: 2.50``."""

    label: str
    value: LangText


@dataclass(frozen=True)
class Formatter:
    """The writing of one report in one language."""

    lang: Lang
    labels: Labels
    thai_digits: bool = False  # Thai digits in this report (only ever a Thai one)

    @classmethod
    def of(cls, lang: Lang, labels: Labels, *, thai_digits: bool = False) -> Formatter:
        """The formatter of a report in ``lang``; ``thai_digits`` applies to Thai reports only."""
        return cls(lang, labels, thai_digits and lang == "th")

    def label(self, key: str, **params: object) -> str:
        """The fixed text ``key``, its ``{placeholders}`` filled in."""
        template = self.labels[key]
        if not isinstance(template, str):
            raise TypeError(f"label {key} is not a text")
        return self.prose(template.format(**params))

    def paragraphs(self, key: str) -> list[str]:
        """The fixed text ``key`` that is a list of paragraphs."""
        value = self.labels[key]
        return [self.prose(str(paragraph)) for paragraph in value] if isinstance(value, list) else []

    def digits(self, text: str) -> str:
        """``text`` (a figure or a code) with its digits in Thai when the report asks for them."""
        return to_thai_digits(text) if self.thai_digits else text

    def prose(self, text: str) -> str:
        """Running text with Thai digits when the report asks for them, except in codes and
        names that carry Latin letters (PM2.5, TH-52): see :func:`thai_digits_in_prose`."""
        return thai_digits_in_prose(text) if self.thai_digits else text

    def shown_labels(self) -> Labels:
        """The labels as templates print them, with Thai digits where the report asks for them."""
        if not self.thai_digits:
            return self.labels
        return {
            key: [self.prose(str(item)) for item in value]
            if isinstance(value, list)
            else self.prose(value)
            if isinstance(value, str)
            else value
            for key, value in self.labels.items()
        }

    def number(self, value: float | None, places: int = 0) -> str:
        """``value`` with ``places`` decimals (``–`` when there is none)."""
        if value is None:
            return "–"
        return self.digits(f"{value:.{places}f}" if places else str(value))

    def figure(self, value: float, places: int) -> str:
        """A published figure with as many decimals as it has, up to ``places``."""
        if float(value).is_integer():
            return self.number(int(value))
        text = f"{value:.{places}f}".rstrip("0")
        return self.number(value, len(text.split(".")[1]) if "." in text else 0)

    def date(self, day: dt.date) -> str:
        """``22 มีนาคม 2564`` (Buddhist Era) in Thai, ``22 March 2021`` in English."""
        return format_date(day, self.lang, thai_digits=self.thai_digits)

    def published(self, publication: Publication) -> str:
        """A publication date as precisely as it is known: ``17 กันยายน 2567``, ``กรกฎาคม 2561``
        or ``พ.ศ. 2558`` in Thai; ``17 September 2024``, ``July 2018`` or ``2015`` in English."""
        day = publication.day
        if publication.precision == "day":
            return self.date(day)
        thai = self.lang == "th"
        year = f"{day.year + BUDDHIST_ERA_OFFSET}" if thai else str(day.year)
        if publication.precision == "year":
            return self.digits(f"พ.ศ. {year}" if thai else year)
        month = (THAI_MONTHS if thai else ENGLISH_MONTHS)[day.month - 1]
        return self.digits(f"{month} {year}")

    def units(self, count: int) -> str:
        """``1 unit``, ``30 units``: a number of assessed units."""
        return self.label("n_unit_one" if count == 1 else "n_units", count=self.number(count))

    def levels(self, count: int) -> str:
        """``1 level``, ``3 levels``: a whole number of levels."""
        return self.label("gap_level_one" if count == 1 else "gap_levels", gap=self.number(count))

    def gap(self, value: float | None) -> str:
        """``1.25 levels``: a gap in levels, to two decimals."""
        return self.label("gap_levels", gap=self.number(value, 2))

    def level(self, level: int, names: Mapping[int, Bilingual]) -> str:
        """``Level 2, Developing``."""
        return self.label("level_value", level=self.number(level), name=names[level].get(self.lang))

    def join(self, items: Sequence[str]) -> str:
        """``A, B and C`` in English; ``A B และC`` in Thai, which spaces before และ and not after
        it, unless a Latin word follows (``และ OSI``). The labels give the words."""
        if len(items) <= 1:
            return "".join(items)
        head = self.label("list_separator").join(items[:-1])
        if self.lang == "th":
            return f"{head} {glue(self.label('list_and').strip(), items[-1])}"
        return head + self.label("list_and") + items[-1]

    def text(self, value: Bilingual) -> LangText:
        """A text of the rubric or catalogues, in the report's language."""
        return LangText(self.prose(value.get(self.lang)), self.lang)

    def plain(self, value: str) -> LangText:
        """A text the report makes, in its own language."""
        return LangText(self.prose(value), self.lang)

    def written(self, value: str) -> LangText:
        """A text a unit wrote, in whatever language it is in."""
        return LangText(self.prose(value), language_of(value))

    def fiscal_year(self, fiscal_year: int) -> str:
        """``Fiscal year B.E. 2564 (October 2020–September 2021)``."""
        start, end = fiscal_year_span(fiscal_year)
        return self.label(
            "round_value",
            year=self.number(fiscal_year),
            start=f"{ENGLISH_MONTHS[start.month - 1]} {start.year}",
            end=f"{ENGLISH_MONTHS[end.month - 1]} {end.year}",
        )
