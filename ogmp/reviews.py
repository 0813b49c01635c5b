"""From self-assessment to final levels: reviews, the unit's replies, the secretariat's decision.

Pure functions. For each indicator the final level is the secretariat's decision, else the
reviewed level the unit accepts (with several reviewers, the median), else the unit's own.
A review says which answer of the unit it verified (a digest of the indicator's entry), so
that when the assessment changes afterwards only the indicators that changed lose their
review: theirs is stale, and the unit's own level stands until they are reviewed again.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ogmp.models.assessment import Assessment, IndicatorEntry
from ogmp.models.plan import Plan
from ogmp.models.result import AssuranceTier
from ogmp.models.review import Decision, LinkCheck, Review

LevelValue = int | str | None


@dataclass(frozen=True)
class Companions:
    """What goes with an assessment: its reviews (by file name), the secretariat's decision,
    the evidence links checked in its folder (by URL), and the action plan made from it."""

    reviews: tuple[tuple[str, Review], ...] = ()
    decision: Decision | None = None
    links: Mapping[str, LinkCheck] = field(default_factory=dict)
    plan: Plan | None = None


def entry_digest(entry: IndicatorEntry) -> str:
    """A short digest of a unit's answer to one indicator (level, reason, evidence, note):
    what a review records of the answer it verified."""
    canonical = json.dumps(entry.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class IndicatorVerdict:
    """Where one indicator stands after review."""

    self_level: LevelValue
    reviewed: tuple[LevelValue, ...]
    """The levels of the reviews that still match the unit's answer."""
    by: tuple[int, ...]
    """Which reviews (their place among those given) gave ``reviewed``, level by level."""
    stale: bool
    """A review of it no longer matches the unit's answer: the assessment changed since."""
    disputed: bool
    """The unit disagrees with a reviewed level, or the reviewers disagree among themselves."""
    decided: bool
    final: LevelValue

    @property
    def moved(self) -> bool:
        return self.final != self.self_level


def reviewed_level(levels: Sequence[LevelValue]) -> LevelValue:
    """The reviewers' level: the one they share, else the lower median of their levels (None
    where one says not applicable and another gives a level)."""
    if not levels:
        return None
    if len(set(levels)) == 1:
        return levels[0]
    if any(not isinstance(level, int) for level in levels):
        return None
    return statistics.median_low([level for level in levels if isinstance(level, int)])


def verdicts(
    assessment: Assessment, reviews: Sequence[Review], decision: Decision | None
) -> dict[str, IndicatorVerdict]:
    """Every indicator's verdict, by indicator id."""
    decided = decision.decided() if decision is not None else {}
    found: dict[str, IndicatorVerdict] = {}
    for _, indicator_id, entry in assessment.entries():
        digest = entry_digest(entry) if reviews else ""  # only reviews are checked against it
        levels: list[LevelValue] = []
        by: list[int] = []
        stale = disagrees = False
        for number, review in enumerate(reviews):
            verdict = review.verdicts().get(indicator_id)
            if verdict is None or verdict.level is None:
                continue
            if verdict.unit_entry != digest:
                stale = True
                continue
            levels.append(verdict.level)
            by.append(number)
            if verdict.level != entry.level and verdict.reply is not None and not verdict.reply.agree:
                disagrees = True
        reviewed = reviewed_level(levels)
        disputed = bool(levels) and (disagrees or len(set(levels)) > 1)
        decision_here = decided.get(indicator_id) if disputed else None
        if decision_here is not None:
            final: LevelValue = decision_here.level
        elif levels and not disagrees and reviewed is not None:
            final = reviewed
        else:
            final = entry.level
        found[indicator_id] = IndicatorVerdict(
            self_level=entry.level,
            reviewed=tuple(levels),
            by=tuple(by),
            stale=stale,
            disputed=disputed,
            decided=decision_here is not None,
            final=final,
        )
    return found


def final_assessment(assessment: Assessment, found: Mapping[str, IndicatorVerdict]) -> Assessment:
    """The assessment with every indicator at its final level: what the figures are made of."""
    components = {}
    for component_id, component in assessment.components.items():
        indicators = {}
        for indicator_id, entry in component.indicators.items():
            verdict = found.get(indicator_id)
            final = verdict.final if verdict is not None else entry.level
            if final == entry.level:
                indicators[indicator_id] = entry
                continue
            indicators[indicator_id] = entry.model_copy(update={"level": final})
        components[component_id] = component.model_copy(update={"indicators": indicators})
    return assessment.model_copy(update={"components": components})


def complete_reviews(
    assessment: Assessment, reviews: Sequence[Review], found: Mapping[str, IndicatorVerdict]
) -> int:
    """How many reviews verified every scored indicator as the assessment stands now."""
    digests = {indicator_id: entry_digest(entry) for _, indicator_id, entry in assessment.entries()}
    scored = [indicator_id for _, indicator_id, entry in assessment.entries() if entry.level is not None]
    count = 0
    for review in reviews:
        verdicts_of = review.verdicts()
        if all(
            (verdict := verdicts_of.get(indicator_id)) is not None
            and verdict.level is not None
            and verdict.unit_entry == digests[indicator_id]
            for indicator_id in scored
        ):
            count += 1
    return count


def assurance(
    assessment: Assessment,
    reviews: Sequence[Review],
    decision: Decision | None,
    found: Mapping[str, IndicatorVerdict],
    links: Mapping[str, LinkCheck],
) -> AssuranceTier:
    """How far the unit's figures were checked: self-assessed; its evidence links checked;
    reviewed by one independent reviewer; by two or more; disputes decided by the secretariat."""
    complete = complete_reviews(assessment, reviews, found)
    disputed = [verdict for verdict in found.values() if verdict.disputed]
    if complete and decision is not None and all(verdict.decided for verdict in disputed):
        return "decided"
    if complete >= 2:
        return "reviewed_by_two"
    if complete == 1:
        return "reviewed"
    urls = [
        item.url
        for _, _, entry in assessment.entries()
        if entry.level is not None
        for item in entry.evidence
        if item.url is not None
    ]
    if urls and all(url in links for url in urls):
        return "links_checked"
    return "self_assessed"
