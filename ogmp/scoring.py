"""Scoring: pure functions from a valid assessment and its rubric to every figure.

The method (docs/methodology.md) in short, with w for weights:

* indicator score  s = (level - 1) / 4 x 100, so level 1 -> 0 and level 5 -> 100;
  "n/a" indicators leave the denominator;
* component score  = sum(w s) / sum(w) over its scored indicators; its mean level
  = 1 + 4 x score / 100; its maturity level = the mean level rounded down;
* gap = max(0, target - mean level); priority = gap x component weight / mean
  component weight; ties go to the larger gap, then to rubric order;
* overall index = components' scores weighted by component weight;
* a principle's score = scores of the indicators serving it, each weighted by its
  share of the overall index.

Arithmetic is exact (fractions); rounding happens once, half away from zero, when
a figure is stored in the result.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import groupby, pairwise

from ogmp import __version__
from ogmp.models.assessment import NOT_APPLICABLE, Assessment, IndicatorEntry
from ogmp.models.catalogue import HOME_COUNTRY, Catalogues, IndexCatalogue
from ogmp.models.common import Bilingual
from ogmp.models.result import (
    Alignment,
    ChosenRecommendation,
    ComponentChange,
    ComponentResult,
    Confidence,
    ConfidenceLabel,
    DimensionFigure,
    IndicatorResult,
    Inputs,
    Overall,
    PrincipleResult,
    ReviewerResult,
    RoundComparison,
    UnitResult,
)
from ogmp.models.rubric import Component, Indicator, Rubric
from ogmp.reviews import Companions, assurance, entry_digest, final_assessment, verdicts

METHOD_VERSION = 1
HIGH_LEVEL = 4  # a level this high needs evidence behind it
CONFIDENCE_HIGH = Fraction(80, 100)
CONFIDENCE_MEDIUM = Fraction(50, 100)
WEAKEST_SHOWN = 3


def exact(value: float) -> Fraction:
    """A weight as the decimal the user wrote (1.5 -> 3/2, 0.1 -> 1/10), not its binary float."""
    return Fraction(repr(value))


def round_half_up(value: Fraction | None, places: int) -> float | None:
    """Round half away from zero to ``places`` decimals (62.25 -> 62.3)."""
    if value is None:
        return None
    scaled = abs(value) * 10**places
    whole = math.floor(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    number: float = whole / 10**places
    return -number if value < 0 else number


@functools.cache
def indicator_score(level: int) -> Fraction:
    """0 for level 1, 25 per level above, 100 for level 5."""
    return Fraction(level - 1, 4) * 100


def level_of(score: Fraction) -> Fraction:
    """The mean level (1-5) that a score (0-100) stands for."""
    return 1 + score * 4 / 100


@dataclass(frozen=True)
class _Indicator:
    """One indicator of one component, as answered, with exact figures."""

    component: Component
    indicator: Indicator
    entry: IndicatorEntry
    weight: Fraction

    # Cached: a round scores every figure of every unit several times over (priorities,
    # principles, the overall index), and exact fractions are slow to recompute.
    @functools.cached_property
    def level(self) -> int | None:
        return self.entry.level if isinstance(self.entry.level, int) else None

    @functools.cached_property
    def score(self) -> Fraction | None:
        return indicator_score(self.level) if self.level is not None else None


@dataclass(frozen=True)
class _Component:
    component: Component
    number: int
    indicators: list[_Indicator]
    weight: Fraction
    target: int
    target_from_assessment: bool

    @functools.cached_property
    def scored(self) -> list[_Indicator]:
        return [item for item in self.indicators if item.level is not None]

    @functools.cached_property
    def score(self) -> Fraction | None:
        scored = self.scored
        if not scored:
            return None
        total = sum((item.weight for item in scored), Fraction(0))
        return (
            sum((item.weight * item.score for item in scored if item.score is not None), Fraction(0)) / total
        )

    @functools.cached_property
    def mean_level(self) -> Fraction | None:
        score = self.score
        return level_of(score) if score is not None else None

    @functools.cached_property
    def gap(self) -> Fraction | None:
        mean = self.mean_level
        return max(Fraction(0), self.target - mean) if mean is not None else None


def _components(assessment: Assessment, rubric: Rubric) -> list[_Component]:
    components = []
    for number, component in enumerate(rubric.components, start=1):
        entry = assessment.components.get(component.id)
        answers = entry.indicators if entry is not None else {}
        items = [
            _Indicator(
                component, indicator, answers.get(indicator.id, IndicatorEntry()), exact(indicator.weight)
            )
            for indicator in component.indicators
        ]
        own_target = entry.target if entry is not None else None
        components.append(
            _Component(
                component=component,
                number=number,
                indicators=items,
                weight=exact(component.weight),
                target=own_target if own_target is not None else rubric.target_for(component),
                target_from_assessment=own_target is not None,
            )
        )
    return components


def _confidence(component: _Component) -> Confidence:
    scored = component.scored
    evidenced = sum(1 for item in scored if item.entry.evidence)
    public = sum(1 for item in scored if any(evidence.public for evidence in item.entry.evidence))
    label: ConfidenceLabel
    if not scored:
        label = "none"
        evidenced_percent = public_percent = None
    else:
        share = Fraction(evidenced, len(scored))
        label = "high" if share >= CONFIDENCE_HIGH else "medium" if share >= CONFIDENCE_MEDIUM else "low"
        evidenced_percent = round_half_up(share * 100, 1)
        public_percent = round_half_up(Fraction(public, len(scored)) * 100, 1)
    return Confidence(
        scored=len(scored),
        evidenced=evidenced,
        public=public,
        evidenced_percent=evidenced_percent,
        public_percent=public_percent,
        label=label,
    )


def _priorities(components: list[_Component]) -> dict[str, tuple[Fraction, int | None]]:
    """Priority of every component with a gap, and rank (1 = first) of those with a gap above 0."""
    with_gap = [c for c in components if c.gap is not None]
    if not with_gap:
        return {}
    mean_weight = sum((c.weight for c in with_gap), Fraction(0)) / len(with_gap)
    priority = {c.component.id: (c.gap or Fraction(0)) * c.weight / mean_weight for c in with_gap}
    ranked = sorted(
        (c for c in with_gap if (c.gap or 0) > 0),
        key=lambda c: (-priority[c.component.id], -(c.gap or 0), c.number),
    )
    ranks = {c.component.id: rank for rank, c in enumerate(ranked, start=1)}
    return {c.component.id: (priority[c.component.id], ranks.get(c.component.id)) for c in with_gap}


def _indicator_result(item: _Indicator, code: str, target: int) -> IndicatorResult:
    level = item.level
    evidence = item.entry.evidence
    return IndicatorResult(
        id=item.indicator.id,
        code=code,
        question=item.indicator.question,
        weight=item.indicator.weight,
        level=level,
        not_applicable=item.entry.level == NOT_APPLICABLE,
        reason=item.entry.reason,
        score=round_half_up(item.score, 1),
        target=target,
        gap=max(0, target - level) if level is not None else None,
        evidence=len(evidence),
        public_evidence=sum(1 for e in evidence if e.public),
        unsupported=level is not None and level >= HIGH_LEVEL and not evidence,
    )


def _effective_weights(components: list[_Component]) -> dict[str, Fraction]:
    """Each scored indicator's share of the overall index (the shares add up to 1)."""
    scored_components = [c for c in components if c.scored]
    total = sum((c.weight for c in scored_components), Fraction(0))
    shares: dict[str, Fraction] = {}
    for component in scored_components:
        within = sum((item.weight for item in component.scored), Fraction(0))
        for item in component.scored:
            shares[item.indicator.id] = component.weight / total * item.weight / within
    return shares


def _principles(rubric: Rubric, components: list[_Component]) -> list[PrincipleResult]:
    shares = _effective_weights(components)
    items = {item.indicator.id: item for c in components for item in c.scored}
    codes = rubric.indicator_codes()
    results = []
    for principle in rubric.principles:
        members = [items[i] for i in shares if principle.id in items[i].indicator.principles]
        weight = sum((shares[m.indicator.id] for m in members), Fraction(0))
        score = (
            sum((shares[m.indicator.id] * (m.score or 0) for m in members), Fraction(0)) / weight
            if members
            else None
        )
        deficits = sorted(
            (
                (shares[m.indicator.id] * (100 - (m.score or 0)), codes[m.indicator.id], m.indicator.id)
                for m in members
            ),
            key=lambda row: (-row[0], [int(part) for part in row[1].split(".")]),
        )
        results.append(
            PrincipleResult(
                id=principle.id,
                name=principle.name,
                score=round_half_up(score, 1),
                mean_level=round_half_up(level_of(score), 2) if score is not None else None,
                indicators=len(members),
                weakest=[indicator_id for deficit, _, indicator_id in deficits if deficit > 0][
                    :WEAKEST_SHOWN
                ],
            )
        )
    return results


def _overall(components: list[_Component]) -> Overall:
    scored = [c for c in components if c.score is not None]
    if not scored:
        return Overall(score=None, mean_level=None, level=None, target_mean_level=None, gap=None)
    total = sum((c.weight for c in scored), Fraction(0))
    score = sum((c.weight * (c.score or 0) for c in scored), Fraction(0)) / total
    target = sum((c.weight * c.target for c in scored), Fraction(0)) / total
    gap = sum((c.weight * (c.gap or 0) for c in scored), Fraction(0)) / total
    mean = level_of(score)
    return Overall(
        score=round_half_up(score, 1),
        mean_level=round_half_up(mean, 2),
        level=math.floor(mean),
        target_mean_level=round_half_up(target, 2),
        gap=round_half_up(gap, 2),
    )


def weak_dimensions(
    indices: IndexCatalogue, as_of: dt.date, country: str = HOME_COUNTRY
) -> list[DimensionFigure]:
    """The country's weakest dimension on each index and the dimensions a published finding
    calls weak, as a report of ``as_of`` can know them: from each index's latest edition
    published by then, and the findings published by then, each with its edition and source."""
    figures: dict[str, DimensionFigure] = {}
    for index in indices.indices:
        dimension_names = {d.id: d.name for d in index.dimensions}
        edition = index.edition_as_of(as_of)
        result = edition.result_for(country) if edition is not None else None
        if edition is not None and result is not None and result.dimensions:
            values = result.dimensions
            weakest = min(values, key=lambda d: (values[d] / index.scale_max, d))
            ref = f"{index.id}.{weakest}"
            figures[ref] = DimensionFigure(
                ref=ref,
                index=index.name,
                dimension=dimension_names.get(weakest),
                edition=edition.edition,
                published=edition.published,
                value=values[weakest],
                scale_max=index.scale_max,
                derived=weakest in result.derived,
                finding=None,
                source=edition.source,
            )
        for finding in index.findings_as_of(as_of):
            if finding.country != country or finding.dimension is None:
                continue
            ref = f"{index.id}.{finding.dimension}"
            if ref in figures:
                figures[ref] = figures[ref].model_copy(
                    update={"finding": finding.text, "finding_source": finding.source}
                )
            else:
                figures[ref] = DimensionFigure(
                    ref=ref,
                    index=index.name,
                    dimension=dimension_names.get(finding.dimension),
                    edition=None,
                    published=finding.published,
                    value=None,
                    scale_max=index.scale_max,
                    derived=finding.derived,
                    finding=finding.text,
                    source=finding.source,
                    finding_source=finding.source,
                )
    return list(figures.values())


def _alignments(components: list[_Component], weak: list[DimensionFigure]) -> list[Alignment]:
    weak_refs = [figure.ref for figure in weak]
    found = []
    for component in components:
        for item in component.scored:
            gap = component.target - (item.level or 0)
            if gap <= 0:
                continue
            for ref in weak_refs:
                if ref in item.indicator.indices:
                    found.append(
                        Alignment(
                            component=component.component.id,
                            indicator=item.indicator.id,
                            indicator_gap=gap,
                            dimension=ref,
                        )
                    )
    return found


def choose_recommendations(
    components: list[_Component], agenda: str, kind: str
) -> list[ChosenRecommendation]:
    """The to-be steps for the unit: those written for its agenda and kind that lift one of its
    indicators from where it stands (or from a level on its way) towards the target. A step
    from a level the indicator has passed is what the unit has done, and is not given."""
    chosen = []
    for component in components:
        levels = {item.indicator.id: item.level for item in component.indicators}
        for number, recommendation in enumerate(component.component.recommendations, start=1):
            if not recommendation.applies_to(agenda, kind) or recommendation.from_level >= component.target:
                continue
            lifted = [
                indicator
                for indicator in recommendation.indicators
                if (level := levels.get(indicator)) is not None and level <= recommendation.from_level
            ]
            if lifted:
                chosen.append(
                    ChosenRecommendation(
                        id=f"{component.component.id}.{number}",
                        component=component.component.id,
                        indicators=lifted,
                        from_level=recommendation.from_level,
                        driver=recommendation.driver,
                        practice=recommendation.practice,
                        text=recommendation.text,
                    )
                )
    return chosen


def score_assessment(
    assessment: Assessment,
    rubric: Rubric,
    catalogues: Catalogues,
    *,
    file_name: str,
    sha256: str,
    rubric_sha256: str,
) -> UnitResult:
    """Every figure for one valid, complete assessment."""
    if assessment.date is None:
        raise ValueError("only a complete assessment can be scored")  # validation guarantees it
    components = _components(assessment, rubric)
    priorities = _priorities(components)
    codes = rubric.indicator_codes()
    component_results = []
    for component in components:
        priority, rank = priorities.get(component.component.id, (None, None))
        mean = component.mean_level
        component_results.append(
            ComponentResult(
                id=component.component.id,
                number=component.number,
                name=component.component.name,
                weight=component.component.weight,
                score=round_half_up(component.score, 1),
                mean_level=round_half_up(mean, 2),
                level=math.floor(mean) if mean is not None else None,
                target=component.target,
                target_source="assessment" if component.target_from_assessment else "rubric",
                gap=round_half_up(component.gap, 2),
                priority=round_half_up(priority, 2),
                priority_rank=rank,
                confidence=_confidence(component),
                not_applicable=[
                    item.indicator.id for item in component.indicators if item.entry.level == NOT_APPLICABLE
                ],
                indicators=[
                    _indicator_result(item, codes[item.indicator.id], component.target)
                    for item in component.indicators
                ],
            )
        )
    ranked = sorted((c for c in component_results if c.priority_rank), key=lambda c: c.priority_rank or 0)
    weak = weak_dimensions(catalogues.indices, assessment.date)
    agenda = catalogues.agendas.by_id[assessment.agenda]
    name = assessment.unit.name
    return UnitResult(
        inputs=Inputs(
            file=file_name,
            sha256=sha256,
            rubric_id=rubric.id,
            rubric_version=rubric.version,
            rubric_sha256=rubric_sha256,
            tool_version=__version__,
            method_version=METHOD_VERSION,
        ),
        unit_code=assessment.unit.code,
        unit_kind=assessment.unit.kind,
        unit_local_type=assessment.unit.local_type,
        unit_parent=assessment.unit.parent,
        unit_name=Bilingual(th=name.th, en=name.en or name.th),
        agenda=assessment.agenda,
        agenda_name=agenda.name,
        round=assessment.round,
        date=assessment.date,
        rubric_name=rubric.name,
        level_names=rubric.levels,
        overall=_overall(components),
        components=component_results,
        principles=_principles(rubric, components),
        top_gaps=[c.id for c in ranked],
        weak_dimensions=weak,
        alignments=_alignments(components, weak),
        recommendations=choose_recommendations(
            components,
            assessment.agenda,
            catalogues.units.kind_of(assessment.unit.code, assessment.unit.kind),
        ),
    )


def score_reviewed(
    assessment: Assessment,
    rubric: Rubric,
    catalogues: Catalogues,
    *,
    file_name: str,
    sha256: str,
    rubric_sha256: str,
    companions: Companions | None = None,
) -> UnitResult:
    """Every figure for one assessment from its final levels (:mod:`ogmp.reviews`), with the
    unit's own figures beside them and how far they were checked."""
    companions = companions or Companions()
    reviews, decision = companions.reviews, companions.decision
    models = [review for _, review in reviews]
    found = verdicts(assessment, models, decision)
    final = score_assessment(
        final_assessment(assessment, found),
        rubric,
        catalogues,
        file_name=file_name,
        sha256=sha256,
        rubric_sha256=rubric_sha256,
    )
    moved = any(verdict.moved for verdict in found.values())
    own = (
        score_assessment(
            assessment, rubric, catalogues, file_name=file_name, sha256=sha256, rubric_sha256=rubric_sha256
        )
        if moved
        else final  # nothing reviewed differently: the unit's own figures are the final ones
    )
    own_scores = {component.id: component.score for component in own.components}
    components = []
    for component in final.components:
        indicators = []
        for indicator in component.indicators:
            verdict = found[indicator.id]
            indicators.append(
                indicator.model_copy(
                    update={
                        "self_level": verdict.self_level,
                        "reviewed_levels": {
                            reviews[number][0]: level
                            for number, level in zip(verdict.by, verdict.reviewed, strict=True)
                        },
                        "review_stale": verdict.stale,
                        "disputed": verdict.disputed,
                        "decided": verdict.decided,
                    }
                )
            )
        components.append(
            component.model_copy(update={"self_score": own_scores[component.id], "indicators": indicators})
        )
    digests = (
        {indicator_id: entry_digest(entry) for _, indicator_id, entry in assessment.entries()}
        if reviews
        else {}
    )
    reviewers = []
    for name, review in reviews:
        given = {i: v for i, v in review.verdicts().items() if v.level is not None and i in digests}
        stale = sum(1 for i, v in given.items() if v.unit_entry != digests[i])
        person = review.review.reviewer
        reviewers.append(
            ReviewerResult(
                name=person.name,
                org=person.org,
                date=review.review.date,
                file=name,
                reviewed=len(given) - stale,
                stale=stale,
            )
        )
    return final.model_copy(
        update={
            "overall": final.overall.model_copy(update={"self_score": own.overall.score}),
            "components": components,
            "assurance": assurance(assessment, models, decision, found, companions.links),
            "reviewers": reviewers,
        }
    )


def compare_rounds(results: Sequence[UnitResult]) -> list[UnitResult]:
    """Each result with the change since the same unit's previous round on the same
    agenda and rubric, when that round is among ``results``; order is kept."""

    def series_key(result: UnitResult) -> tuple[str, str, str]:
        return (result.unit_code, result.agenda, result.inputs.rubric_id)

    previous: dict[int, UnitResult] = {}
    for _, group in groupby(sorted(results, key=lambda r: (series_key(r), r.round)), key=series_key):
        series = list(group)
        for before, after in pairwise(series):
            if before.round != after.round:
                previous[id(after)] = before
    compared = []
    for result in results:
        earlier = previous.get(id(result))
        if earlier is None:
            compared.append(result)
            continue
        compared.append(
            result.model_copy(update={"comparison": round_comparison(RoundFigures.of(earlier), result)})
        )
    return compared


@dataclass(frozen=True)
class RoundFigures:
    """What a later round is compared with: a round's overall and component figures."""

    round: int
    sha256: str
    rubric_version: int
    overall: float | None
    components: dict[str, tuple[float | None, int | None]]
    """Score and level, by component id."""

    @classmethod
    def of(cls, result: UnitResult) -> RoundFigures:
        """The figures of ``result``."""
        return cls(
            round=result.round,
            sha256=result.inputs.sha256,
            rubric_version=result.inputs.rubric_version,
            overall=result.overall.score,
            components={c.id: (c.score, c.level) for c in result.components},
        )


def round_comparison(before: RoundFigures, after: UnitResult) -> RoundComparison:
    """How ``after`` changed since ``before``, the same unit's previous round."""
    old = before.components
    changes = [
        ComponentChange(
            component=c.id,
            score_before=old[c.id][0] if c.id in old else None,
            score_after=c.score,
            score_change=_difference(c.score, old[c.id][0] if c.id in old else None),
            level_before=old[c.id][1] if c.id in old else None,
            level_after=c.level,
        )
        for c in after.components
    ]
    return RoundComparison(
        previous_round=before.round,
        previous_sha256=before.sha256,
        same_rubric_version=before.rubric_version == after.inputs.rubric_version,
        overall_before=before.overall,
        overall_after=after.overall.score,
        overall_change=_difference(after.overall.score, before.overall),
        components=changes,
    )


def _difference(after: float | None, before: float | None) -> float | None:
    if after is None or before is None:
        return None
    return round_half_up(Fraction(repr(after)) - Fraction(repr(before)), 1)
