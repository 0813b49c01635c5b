"""What scoring an assessment produces: every figure a report or spreadsheet shows.

Figures are computed exactly (fractions) and rounded only here, half up:
scores (0-100) to one decimal, levels and gaps to two, percentages to one.
The JSON written by ``ogmp assess --format json`` is this model, so it
re-loads with :meth:`UnitResult.model_validate_json`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ogmp.models.catalogue import Publication
from ogmp.models.common import Bilingual, StrictModel
from ogmp.models.plan import Direction, PlanText, Status

ConfidenceLabel = Literal["high", "medium", "low", "none"]
TargetSource = Literal["assessment", "rubric"]


class Inputs(StrictModel):
    """Which files made this result, so that it can be traced and verified."""

    file: str
    sha256: str
    rubric_id: str
    rubric_version: int
    rubric_sha256: str
    tool_version: str
    method_version: int


AssuranceTier = Literal["self_assessed", "links_checked", "reviewed", "reviewed_by_two", "decided"]
"""How far a unit's figures were checked, from its own word to the secretariat's decision."""


class IndicatorResult(StrictModel):
    id: str
    code: str
    question: Bilingual
    weight: float
    level: int | None
    """The final level: the secretariat's decision, else the reviewed level the unit accepts,
    else the unit's own."""
    self_level: int | Literal["n/a"] | None = None
    """The unit's own level."""
    reviewed_levels: dict[str, int | Literal["n/a"]] = Field(
        default_factory=dict, description="each current review's level, by the review's file name"
    )
    review_stale: bool = Field(default=False, description="a review no longer matches the unit's answer")
    disputed: bool = False
    decided: bool = False
    not_applicable: bool
    reason: str | None
    score: float | None
    target: int
    gap: int | None
    evidence: int
    public_evidence: int
    unsupported: bool = Field(description="level 4 or 5 claimed without any evidence")


class Confidence(StrictModel):
    """How much of a component's scoring rests on evidence, and on public evidence."""

    scored: int
    evidenced: int
    public: int
    evidenced_percent: float | None
    public_percent: float | None
    label: ConfidenceLabel


class ComponentResult(StrictModel):
    id: str
    number: int
    name: Bilingual
    weight: float
    score: float | None
    self_score: float | None = None
    mean_level: float | None
    level: int | None
    target: int
    target_source: TargetSource
    gap: float | None
    priority: float | None
    priority_rank: int | None
    confidence: Confidence
    not_applicable: list[str]
    indicators: list[IndicatorResult]


class PrincipleResult(StrictModel):
    id: str
    name: Bilingual
    score: float | None
    mean_level: float | None
    indicators: int
    weakest: list[str] = Field(description="indicator ids pulling the score down most, worst first")


class Overall(StrictModel):
    score: float | None
    self_score: float | None = None
    mean_level: float | None
    level: int | None
    target_mean_level: float | None
    gap: float | None


class DimensionFigure(StrictModel):
    """One of Thailand's figures on an index dimension, with where it comes from."""

    ref: str
    index: Bilingual
    dimension: Bilingual | None
    edition: Bilingual | None
    """The edition the value comes from; None for a finding alone."""
    published: Publication
    """When the edition (or, for a finding alone, the finding) was published."""
    value: float | None
    scale_max: float
    derived: bool
    finding: Bilingual | None
    source: str
    finding_source: str | None = None


class Alignment(StrictModel):
    """A unit gap that lines up with one of Thailand's weakest index dimensions."""

    component: str
    indicator: str
    indicator_gap: int
    dimension: str


class ComponentChange(StrictModel):
    component: str
    score_before: float | None
    score_after: float | None
    score_change: float | None
    level_before: int | None
    level_after: int | None


class RoundComparison(StrictModel):
    """The change since the unit's previous assessment on the same agenda."""

    previous_round: int
    previous_sha256: str
    same_rubric_version: bool
    overall_before: float | None
    overall_after: float | None
    overall_change: float | None
    components: list[ComponentChange]


class ChosenRecommendation(StrictModel):
    """A to-be step given to the unit, with the indicators below target that it lifts."""

    id: str = Field(
        description="the component's id and the step's place among its recommendations: data_foundation.3"
    )
    component: str
    indicators: list[str] = Field(
        description="the unit's indicators at or below the step's level, below target"
    )
    from_level: int
    driver: str
    practice: str | None
    text: Bilingual


class ReviewerResult(StrictModel):
    """Who reviewed the unit, when, and how much of it their review still covers."""

    name: str
    org: str
    date: dt.date | None
    file: str
    reviewed: int
    stale: int


# --- action plans ------------------------------------------------------------------------


class PlannedKpi(StrictModel):
    """A KPI of an action: from a baseline to a target."""

    id: str
    name: PlanText
    unit: str
    direction: Direction
    baseline: float
    baseline_date: dt.date | None
    target: float
    target_date: dt.date


class PlannedAction(StrictModel):
    """An action of a unit's plan, as planned."""

    id: str
    title: PlanText
    component: str = Field(description="the component of the first indicator the action lifts")
    indicators: list[str]
    recommendation: str | None
    owner: str
    partners: list[str]
    start: dt.date
    due: dt.date
    budget: float | None
    budget_source: str | None
    kpis: list[PlannedKpi]


class KpiProgress(PlannedKpi):
    """A KPI at the follow-up: its latest value and how far it has come."""

    latest: float | None = Field(description="the last value reported on or before the report date")
    latest_date: dt.date | None
    progress: float | None = Field(
        description="the share of the way from baseline to target: 0 at the baseline, 1 at the target,"
        " below 0 when it moved the wrong way"
    )
    reached: bool


IndicatorMovement = Literal["rose", "same", "fell", "not_assessed"]


class IndicatorMove(StrictModel):
    """An indicator an action was to lift, between the plan's round and the follow-up's."""

    id: str
    before: int | Literal["n/a"] | None
    after: int | Literal["n/a"] | None
    movement: IndicatorMovement


class ActionFollowUp(PlannedAction):
    """An action at the next round: where it stands, its KPIs, and its indicators."""

    status: Status = Field(description="the status of the last progress entry on or before the report date")
    status_date: dt.date | None
    overdue: bool = Field(description="due before the report date and not complete")
    note: str | None
    kpis: list[KpiProgress]  # type: ignore[assignment]  # the planned KPIs, with their progress
    indicator_moves: list[IndicatorMove]


class FollowUp(StrictModel):
    """The previous round's action plan, followed up at this round's assessment."""

    plan_file: str
    plan_round: int
    plan_date: dt.date
    report_date: dt.date
    actions: list[ActionFollowUp]
    counts: dict[Status, int] = Field(description="actions per status, every status listed")
    overdue: int
    completed: int
    completed_and_rose: int = Field(
        description="completed actions at least one of whose indicators rose (described, not a claim of cause)"
    )
    entries_not_counted: int = Field(description="progress entries dated after the report date")


class UnitResult(StrictModel):
    """The scored assessment of one unit, agenda and round."""

    inputs: Inputs
    unit_code: str
    unit_kind: str
    unit_name: Bilingual
    unit_local_type: str | None = Field(
        default=None, description="a local administration's type: pao, city_municipality, ..."
    )
    unit_parent: str | None = Field(
        default=None, description="a local administration's province (ISO 3166-2)"
    )
    agenda: str
    agenda_name: Bilingual
    round: int
    date: dt.date
    rubric_name: Bilingual
    level_names: dict[int, Bilingual]
    overall: Overall
    components: list[ComponentResult]
    principles: list[PrincipleResult]
    top_gaps: list[str]
    weak_dimensions: list[DimensionFigure]
    alignments: list[Alignment]
    recommendations: list[ChosenRecommendation] = Field(default_factory=list)
    assurance: AssuranceTier = "self_assessed"
    reviewers: list[ReviewerResult] = Field(default_factory=list)
    comparison: RoundComparison | None = None
    plan: list[PlannedAction] = Field(
        default_factory=list, description="the actions of the plan made from this round's assessment"
    )
    follow_up: FollowUp | None = None
