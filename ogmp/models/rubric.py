"""A rubric: the versioned yardstick an assessment is scored against.

Rubrics are data (``rubrics/*.yaml``), edited by the OPDC secretariat; this
module only says what shape they must have. Cross-references (principles,
drivers, stages, best practices, index dimensions) are checked by
:func:`ogmp.checks.check_rubric`, which needs the shared catalogues too.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from ogmp.models.common import (
    Bilingual,
    MaturityLevel,
    RubricId,
    Slug,
    StrictModel,
    Version,
    Weight,
    ogmp_error,
    parse_int,
)

LEVELS = (1, 2, 3, 4, 5)


def _level_texts(value: Any) -> Any:
    """A mapping with exactly the keys 1..5 (YAML gives them as text)."""
    if not isinstance(value, dict):
        raise ogmp_error("type.mapping")
    levels: dict[int, Any] = {}
    for key, text in value.items():
        number = parse_int(key)
        if number not in LEVELS:
            raise ogmp_error("rubric.levels_extra", value=number)
        levels[number] = text
    missing = [level for level in LEVELS if level not in levels]
    if missing:
        raise ogmp_error("rubric.levels_incomplete", missing=", ".join(map(str, missing)))
    return levels


LevelTexts = Annotated[dict[int, Bilingual], BeforeValidator(_level_texts)]
"""What each maturity level 1..5 looks like, in Thai and English."""


def _recommendation_from(value: Any) -> int:
    number = parse_int(value)
    if not 1 <= number <= 4:
        raise ogmp_error("rubric.recommendation_from", value=number)
    return number


class Principle(StrictModel):
    """A cross-cutting principle of open government (transparency, ...)."""

    id: Slug
    name: Bilingual
    definition: Bilingual


class Driver(StrictModel):
    """A level at which change is driven: policy, organisation, area, individual."""

    id: Slug
    name: Bilingual
    definition: Bilingual


class Stage(StrictModel):
    """A stage of the policy cycle at which the public takes part."""

    id: Slug
    name: Bilingual
    definition: Bilingual


class Indicator(StrictModel):
    """One question a unit answers with a maturity level."""

    id: Slug
    short: Bilingual | None = None
    """A short name for headings, tables and lists (the question stands beneath it)."""
    question: Bilingual
    principles: list[Slug] = Field(min_length=1)
    stage: Slug | None = None
    weight: Weight = 1.0
    indices: list[str] = Field(default_factory=list)
    evidence_hint: Bilingual | None = None
    levels: LevelTexts


UnitKindId = Literal["province", "bangkok", "agency", "local"]


class Recommendation(StrictModel):
    """A concrete to-be step that lifts one or more indicators of a component from a level."""

    from_level: Annotated[int, BeforeValidator(_recommendation_from), Field(ge=1, le=4)] = Field(alias="from")
    driver: Slug
    indicators: list[Slug] = Field(default_factory=list)
    """The indicators of the component this step lifts from ``from`` to the next level."""
    text: Bilingual
    practice: Slug | None = None
    agendas: list[Slug] = Field(default_factory=list)
    """The agendas this step is written for (``[pm25]``); empty: every agenda."""
    kinds: list[UnitKindId] = Field(default_factory=list)
    """The kinds of unit whose offices it names (``[province]``); empty: every kind."""

    def applies_to(self, agenda: str, kind: str) -> bool:
        """Whether a unit of ``kind`` assessed on ``agenda`` should be given this step."""
        return (not self.agendas or agenda in self.agendas) and (not self.kinds or kind in self.kinds)


class Component(StrictModel):
    """A component of the OGMP ecosystem, measured by its indicators."""

    id: Slug
    name: Bilingual
    definition: Bilingual
    weight: Weight = 1.0
    target: MaturityLevel | None = None
    indicators: list[Indicator] = Field(min_length=1)
    recommendations: list[Recommendation] = Field(default_factory=list)


class Rubric(StrictModel):
    """A versioned rubric: components, indicators, levels and recommendations."""

    id: RubricId
    version: Version
    name: Bilingual
    description: Bilingual
    source: Bilingual
    adopted: dt.date | None = None
    default_target: MaturityLevel
    levels: LevelTexts
    principles: list[Principle] = Field(min_length=1)
    drivers: list[Driver] = Field(min_length=1)
    stages: list[Stage] = Field(default_factory=list)
    components: list[Component] = Field(min_length=1)

    @property
    def label(self) -> str:
        """``ogmp-8 v1``: how the rubric is named in messages."""
        return f"{self.id} v{self.version}"

    @cached_property
    def components_by_id(self) -> dict[str, Component]:
        return {component.id: component for component in self.components}

    @cached_property
    def indicators_by_id(self) -> dict[str, Indicator]:
        return {
            indicator.id: indicator for component in self.components for indicator in component.indicators
        }

    def indicator_codes(self) -> dict[str, str]:
        """Display numbers by indicator id: ``"2.3"`` for the 3rd indicator of the 2nd component."""
        return {
            indicator.id: f"{c_index}.{i_index}"
            for c_index, component in enumerate(self.components, start=1)
            for i_index, indicator in enumerate(component.indicators, start=1)
        }

    def target_for(self, component: Component) -> int:
        """The default to-be level of ``component``."""
        return component.target if component.target is not None else self.default_target
