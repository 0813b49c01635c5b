"""The national picture of a round: rankings with their spread, components across units,
peer groups, trends between rounds, and whether the ranking survives other weights.

Pure functions over scored results. Units are compared only within a cohort: the same
rubric and version (so the same components), the same agenda and the same round.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal, NamedTuple

from ogmp.models.catalogue import Catalogues
from ogmp.models.common import Bilingual
from ogmp.models.result import IndicatorResult, UnitResult
from ogmp.scoring import round_half_up

# Rank stability: each component's weight halved, then raised by half, one at a time.
WEIGHT_FACTORS = (Fraction(1, 2), Fraction(3, 2))

KIND_NAMES = {
    "province": Bilingual(th="จังหวัด", en="Provinces"),
    "agency": Bilingual(th="ส่วนราชการ", en="Central agencies"),
    "local": Bilingual(th="องค์กรปกครองส่วนท้องถิ่น", en="Local administrations"),
}
LOCAL_TYPE_NAMES = {
    "pao": Bilingual(th="องค์การบริหารส่วนจังหวัด (อบจ.)", en="Provincial Administrative Organisations"),
    "city_municipality": Bilingual(th="เทศบาลนคร", en="City municipalities"),
    "town_municipality": Bilingual(th="เทศบาลเมือง", en="Town municipalities"),
    "subdistrict_municipality": Bilingual(th="เทศบาลตำบล", en="Subdistrict municipalities"),
    "sao": Bilingual(th="องค์การบริหารส่วนตำบล (อบต.)", en="Subdistrict Administrative Organisations"),
    "special": Bilingual(th="องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ", en="Special local administrations"),
}
GROUP_ORDER = ("province", "agency", *(f"local:{kind}" for kind in LOCAL_TYPE_NAMES), "local")
"""Units of different kinds are never ranked together: each ranking group has its own ranking."""
WEAKEST_COMPONENTS = 3


def ranking_group(result: UnitResult) -> str:
    """The group ``result`` is ranked in: provinces, agencies, or one type of local administration."""
    if result.unit_kind == "local" and result.unit_local_type in LOCAL_TYPE_NAMES:
        return f"local:{result.unit_local_type}"
    return result.unit_kind


def group_name(group_id: str) -> Bilingual:
    """The name of the ranking group ``group_id`` (:func:`ranking_group`)."""
    local_type = group_id.removeprefix("local:")
    if local_type != group_id and local_type in LOCAL_TYPE_NAMES:
        return LOCAL_TYPE_NAMES[local_type]
    return KIND_NAMES.get(group_id, Bilingual(th=group_id, en=group_id))


@dataclass(frozen=True)
class Spread:
    """How values are spread: quartiles by linear interpolation (statistics.quantiles, inclusive)."""

    count: int
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float
    mean: float


def spread(values: Sequence[float]) -> Spread | None:
    """The spread of ``values``, each figure rounded half up to one decimal; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        q1 = median = q3 = ordered[0]
    else:
        q1, median, q3 = statistics.quantiles(ordered, n=4, method="inclusive")

    def one(value: float) -> float:
        rounded = round_half_up(Fraction(repr(value)), 1)
        assert rounded is not None
        return rounded

    return Spread(
        count=len(ordered),
        minimum=one(ordered[0]),
        q1=one(q1),
        median=one(median),
        q3=one(q3),
        maximum=one(ordered[-1]),
        mean=one(statistics.fmean(ordered)),
    )


@dataclass(frozen=True)
class UnitRow:
    unit_code: str
    name: Bilingual
    kind: str
    peer: str
    agenda: str
    agenda_name: Bilingual
    round: int
    index: float | None
    level: int | None
    gap: float | None
    rank: int | None
    scores: dict[str, float | None]
    levels: dict[str, int | None]
    file: str
    self_index: float | None = None
    assurance: str = "self_assessed"
    group: str = ""
    """The ranking group (:func:`ranking_group`): ``rank`` is the unit's rank within it."""
    parent: str | None = None
    """A local administration's province."""


@dataclass(frozen=True)
class RankingGroup:
    """Units of one kind (provinces, agencies, one type of local administration), ranked together."""

    id: str
    name: Bilingual
    members: list[UnitRow]
    spread: Spread | None


@dataclass(frozen=True)
class ProvinceGroup:
    """The local administrations of one type in one province, ranked among themselves."""

    id: str
    name: Bilingual
    members: list[tuple[int | None, UnitRow]]
    """Each with its rank in the province among its type."""
    spread: Spread | None


@dataclass(frozen=True)
class ProvinceRollUp:
    """One province's local administrations: how many were assessed, how their index is
    spread, the components weakest across them, and each type ranked on its own."""

    code: str
    name: Bilingual
    count: int
    spread: Spread | None
    weakest: list[tuple[str, float]]
    """The components with the lowest median score across its units (id, median)."""
    groups: list[ProvinceGroup]


@dataclass(frozen=True)
class ComponentColumn:
    id: str
    number: int
    name: Bilingual
    weight: float
    spread: Spread | None


@dataclass(frozen=True)
class PeerGroup:
    id: str
    name: Bilingual
    members: list[UnitRow]
    spread: Spread | None


@dataclass(frozen=True)
class Trend:
    unit_code: str
    name: Bilingual
    agenda: str
    points: list[tuple[int, float | None]]
    change: float | None


@dataclass(frozen=True)
class Stability:
    """Where a unit ranks under every weight scenario."""

    unit_code: str
    name: Bilingual
    rank: int
    best: int
    worst: int

    @property
    def moves(self) -> bool:
        return self.best != self.worst


@dataclass(frozen=True)
class Divergence:
    """How far a reviewed unit's own levels stand from its final ones."""

    unit_code: str
    name: Bilingual
    mean_difference: float | None
    """The mean of (own level - final level) over the indicators both give a level."""
    moved: float
    """The share of its scored indicators whose final level is not its own."""
    runs_high: bool
    """Its own levels run high: by half a level or more on average."""


@dataclass(frozen=True)
class Agreement:
    """How far reviewers who scored the same unit agree, indicator by indicator."""

    pairs: int
    judgements: int
    within_one: float | None
    kappa: float | None
    """Cohen's kappa with quadratic weights over the five levels."""


RUNS_HIGH = 0.5  # levels, on average


@dataclass(frozen=True)
class Completion:
    """How many of the followed-up actions of a unit, or of a component, are complete."""

    key: str
    name: Bilingual
    actions: int
    complete: int
    overdue: int

    @property
    def rate(self) -> float:
        """The share complete, 0 to 1."""
        if not self.actions:
            return 0.0
        return round_half_up(Fraction(self.complete, self.actions), 2) or 0.0


@dataclass(frozen=True)
class PlanFollowUp:
    """The previous round's plans of a cohort's units, followed up: completion per unit and per
    component, and how many completed actions had an indicator that rose (described, not a
    claim that the action caused it)."""

    units: list[Completion]
    components: list[Completion]
    completed: int
    completed_and_rose: int


@dataclass(frozen=True)
class Cohort:
    """Units scored with one rubric version on one agenda in one round: the ones that can
    fairly be compared (a province's PM2.5 ecosystem is not ranked against Bangkok's on
    urban poverty)."""

    rubric_id: str
    rubric_version: int
    rubric_name: Bilingual
    level_names: dict[int, Bilingual]
    agenda: str
    agenda_name: Bilingual
    round: int
    components: list[ComponentColumn]
    units: list[UnitRow]
    index_spread: Spread | None
    peers: list[PeerGroup]
    trends: list[Trend]
    stability: list[Stability]
    scenarios: int
    divergence: list[Divergence] = field(default_factory=list)
    agreement: Agreement | None = None
    follow_up: PlanFollowUp | None = None
    groups: list[RankingGroup] = field(default_factory=list)
    provinces: list[ProvinceRollUp] = field(default_factory=list)
    """The local administrations by province, where local units name theirs."""

    def includes(self, result: UnitResult) -> bool:
        """Whether ``result`` is one of this cohort's units."""
        return _cohort_key(result) == (self.rubric_id, self.rubric_version, self.agenda, self.round)

    @property
    def key(self) -> str:
        """``ogmp-8-v1-pm25-2564``: names the cohort's files."""
        agenda = self.agenda.replace("_", "-")
        return f"{self.rubric_id}-v{self.rubric_version}-{agenda}-{self.round}"


@dataclass(frozen=True)
class NationalSummary:
    cohorts: list[Cohort]


def competition_ranks(values: dict[str, float | None]) -> dict[str, int | None]:
    """1 for the highest value; equal values share a rank and the ranks after skip ("1224")."""
    ranks: dict[str, int | None] = dict.fromkeys(values)
    ordered = sorted(
        ((value, key) for key, value in values.items() if value is not None), key=lambda p: (-p[0], p[1])
    )
    previous: float | None = None
    rank = 0
    for position, (value, key) in enumerate(ordered, start=1):
        if value != previous:
            rank, previous = position, value
        ranks[key] = rank
    return ranks


def _cohort_key(result: UnitResult) -> tuple[str, int, str, int]:
    return (result.inputs.rubric_id, result.inputs.rubric_version, result.agenda, result.round)


def _unit_key(result: UnitResult) -> str:
    return f"{result.unit_code}|{result.agenda}"


def _peer(result: UnitResult, catalogues: Catalogues) -> tuple[str, Bilingual]:
    province = catalogues.provinces.by_code.get(result.unit_code)
    if result.unit_kind == "province" and province is not None:
        return province.region, catalogues.provinces.regions_by_id[province.region].name
    group_id = ranking_group(result)
    return group_id, group_name(group_id)


def _stability(rows: list[UnitRow], components: list[ComponentColumn]) -> tuple[list[Stability], int]:
    base = {row.unit_code + "|" + row.agenda: row for row in rows}
    weights = {column.id: Fraction(repr(column.weight)) for column in components}
    scenarios = [
        {cid: weight * (factor if cid == changed else 1) for cid, weight in weights.items()}
        for changed in weights
        for factor in WEIGHT_FACTORS
    ]
    seen: dict[str, list[int]] = defaultdict(list)
    for scenario in scenarios:
        indices: dict[str, float | None] = {}
        for key, row in base.items():
            scored = [
                (scenario[cid], Fraction(repr(score)))
                for cid, score in row.scores.items()
                if score is not None
            ]
            total = sum((w for w, _ in scored), Fraction(0))
            indices[key] = float(sum((w * s for w, s in scored), Fraction(0)) / total) if scored else None
        for key, rank in competition_ranks(indices).items():
            if rank is not None:
                seen[key].append(rank)
    stability = [
        Stability(row.unit_code, row.name, row.rank, min(seen[key]), max(seen[key]))
        for key, row in base.items()
        if row.rank is not None and seen[key]
    ]
    return sorted(stability, key=lambda s: (s.rank, s.unit_code)), len(scenarios)


class IndicatorFigures(NamedTuple):
    """One indicator of one unit as the national workbook lists it. A tuple, not the
    result's model: a round of 7,850 local administrations keeps 267,000 of them."""

    code: str
    id: str
    question: Bilingual
    level: int | Literal["n/a"] | None
    self_level: int | Literal["n/a"] | None
    review_stale: bool
    disputed: bool
    decided: bool
    target: int
    gap: int | None
    evidence: int
    public_evidence: int

    @classmethod
    def of(cls, indicator: IndicatorResult) -> IndicatorFigures:
        """The figures of a scored indicator."""
        return cls(
            indicator.code,
            indicator.id,
            indicator.question,
            "n/a" if indicator.not_applicable else indicator.level,
            indicator.self_level,
            indicator.review_stale,
            indicator.disputed,
            indicator.decided,
            indicator.target,
            indicator.gap,
            indicator.evidence,
            indicator.public_evidence,
        )


@dataclass(frozen=True)
class NationalMember:
    """What the national files need of one unit, kept for every unit of a round until its
    summaries are made: its result without what only its own report shows (and without
    per-indicator models, but where reviewers' levels are compared), its indicators'
    figures, and a hash of its whole result, which the summaries depend on."""

    result: UnitResult
    indicators: tuple[IndicatorFigures, ...]
    digest: str

    @classmethod
    def of(cls, result: UnitResult, digest: str) -> NationalMember:
        """The member made of a unit's whole ``result``; ``digest`` is that result's hash."""
        components = result.components
        if not result.reviewers:  # only divergence and agreement read the indicators themselves
            components = [c.model_copy(update={"indicators": []}) for c in components]
        view = result.model_copy(
            update={
                "components": components,
                "recommendations": [],
                "alignments": [],
                "weak_dimensions": [],
                "principles": [],
            }
        )
        figures = tuple(IndicatorFigures.of(i) for c in result.components for i in c.indicators)
        return cls(view, figures, digest)


def summarize(results: Sequence[UnitResult], catalogues: Catalogues) -> NationalSummary:
    """The national summary of every cohort among ``results``."""
    by_cohort: dict[tuple[str, int, str, int], list[UnitResult]] = defaultdict(list)
    for result in results:
        by_cohort[_cohort_key(result)].append(result)
    history: dict[tuple[str, str], list[UnitResult]] = defaultdict(list)
    for result in results:
        history[(result.inputs.rubric_id, _unit_key(result))].append(result)

    cohorts = []
    for (rubric_id, version, agenda, fiscal_year), members in sorted(by_cohort.items()):
        first = members[0]
        ranks: dict[str, int | None] = {}
        by_group: dict[str, list[UnitResult]] = defaultdict(list)
        for result in members:
            by_group[ranking_group(result)].append(result)
        for grouped in by_group.values():
            ranks.update(competition_ranks({_unit_key(r): r.overall.score for r in grouped}))
        rows = sorted(
            (
                UnitRow(
                    unit_code=r.unit_code,
                    name=r.unit_name,
                    kind=r.unit_kind,
                    peer=_peer(r, catalogues)[0],
                    agenda=r.agenda,
                    agenda_name=r.agenda_name,
                    round=r.round,
                    index=r.overall.score,
                    level=r.overall.level,
                    gap=r.overall.gap,
                    rank=ranks[_unit_key(r)],
                    scores={c.id: c.score for c in r.components},
                    levels={c.id: c.level for c in r.components},
                    file=r.inputs.file,
                    self_index=r.overall.self_score,
                    assurance=r.assurance,
                    group=ranking_group(r),
                    parent=r.unit_parent,
                )
                for r in members
            ),
            key=lambda row: (
                _group_order(row.group),
                row.rank is None,
                row.rank or 0,
                row.unit_code,
                row.agenda,
            ),
        )
        groups = [
            RankingGroup(
                id=group_id,
                name=group_name(group_id),
                members=[row for row in rows if row.group == group_id],
                spread=spread([row.index for row in rows if row.group == group_id and row.index is not None]),
            )
            for group_id in sorted(by_group, key=_group_order)
        ]
        components = [
            ComponentColumn(
                id=c.id,
                number=c.number,
                name=c.name,
                weight=c.weight,
                spread=spread([row.scores[c.id] for row in rows if row.scores.get(c.id) is not None]),  # type: ignore[misc]
            )
            for c in first.components
        ]
        row_of = {f"{row.unit_code}|{row.agenda}": row for row in rows}
        peer_names: dict[str, Bilingual] = {}
        peer_rows: dict[str, list[UnitRow]] = defaultdict(list)
        for result in members:
            peer_id, peer_name = _peer(result, catalogues)
            peer_names[peer_id] = peer_name
            peer_rows[peer_id].append(row_of[_unit_key(result)])
        peers = [
            PeerGroup(
                id=peer_id,
                name=peer_names[peer_id],
                members=sorted(
                    peer_rows[peer_id], key=lambda row: (row.rank is None, row.rank or 0, row.unit_code)
                ),
                spread=spread([row.index for row in peer_rows[peer_id] if row.index is not None]),
            )
            for peer_id in sorted(peer_rows, key=lambda pid: (-len(peer_rows[pid]), pid))
        ]
        trends = []
        for row in rows:
            series = sorted(history[(rubric_id, f"{row.unit_code}|{row.agenda}")], key=lambda r: r.round)
            series = [r for r in series if r.round <= fiscal_year]
            if len(series) < 2:
                continue
            points = [(r.round, r.overall.score) for r in series]
            first_score, last_score = points[0][1], points[-1][1]
            change = (
                round_half_up(Fraction(repr(last_score)) - Fraction(repr(first_score)), 1)
                if first_score is not None and last_score is not None
                else None
            )
            trends.append(Trend(row.unit_code, row.name, row.agenda, points, change))
        stability: list[Stability] = []
        scenarios = 0
        for group in groups:
            moved, scenarios = _stability(group.members, components)
            stability += moved
        cohorts.append(
            Cohort(
                rubric_id=rubric_id,
                rubric_version=version,
                rubric_name=first.rubric_name,
                level_names=first.level_names,
                agenda=agenda,
                agenda_name=first.agenda_name,
                round=fiscal_year,
                components=components,
                units=rows,
                index_spread=spread([row.index for row in rows if row.index is not None]),
                peers=peers,
                trends=trends,
                stability=stability,
                scenarios=scenarios,
                divergence=[divergence(r) for r in members if r.reviewers],
                agreement=agreement(members),
                follow_up=plan_follow_up(members),
                groups=groups,
                provinces=province_roll_ups(rows, components, catalogues),
            )
        )
    return NationalSummary(cohorts)


def _group_order(group_id: str) -> tuple[int, str]:
    return (GROUP_ORDER.index(group_id) if group_id in GROUP_ORDER else len(GROUP_ORDER), group_id)


def province_roll_ups(
    rows: Sequence[UnitRow], components: Sequence[ComponentColumn], catalogues: Catalogues
) -> list[ProvinceRollUp]:
    """The local administrations of each province that has any among ``rows``: types ranked
    within the province, never against one another."""
    by_province: dict[str, list[UnitRow]] = defaultdict(list)
    for row in rows:
        if row.kind == "local" and row.parent is not None:
            by_province[row.parent].append(row)
    roll_ups = []
    for code in sorted(by_province):  # readers' order is the report's: it knows their language
        members = by_province[code]
        province = catalogues.provinces.by_code.get(code)
        medians = [
            (c.id, statistics.median(scores))
            for c in components
            if (scores := [score for row in members if (score := row.scores.get(c.id)) is not None])
        ]
        group_ids = sorted({row.group for row in members}, key=_group_order)
        groups = []
        for group_id in group_ids:
            grouped = [row for row in members if row.group == group_id]
            ranks = competition_ranks({str(n): row.index for n, row in enumerate(grouped)})
            ranked = sorted(
                ((ranks[str(n)], row) for n, row in enumerate(grouped)),
                key=lambda pair: (pair[0] is None, pair[0] or 0, pair[1].unit_code),
            )
            groups.append(
                ProvinceGroup(
                    id=group_id,
                    name=group_name(group_id),
                    members=ranked,
                    spread=spread([row.index for row in grouped if row.index is not None]),
                )
            )
        roll_ups.append(
            ProvinceRollUp(
                code=code,
                name=province.name if province is not None else Bilingual(th=code, en=code),
                count=len(members),
                spread=spread([row.index for row in members if row.index is not None]),
                weakest=[
                    (cid, round_half_up(Fraction(repr(median)), 1) or 0.0)
                    for cid, median in sorted(medians, key=lambda item: (item[1], item[0]))[
                        :WEAKEST_COMPONENTS
                    ]
                ],
                groups=groups,
            )
        )
    return roll_ups


def plan_follow_up(results: Sequence[UnitResult]) -> PlanFollowUp | None:
    """The follow-up of the plans of ``results`` (None where none was followed up)."""
    followed = sorted((r for r in results if r.follow_up is not None), key=lambda r: r.unit_code)
    if not followed:
        return None
    units = []
    by_component: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    names = {c.id: c.name for r in followed for c in r.components}
    completed = rose = 0
    for result in followed:
        assert result.follow_up is not None
        actions = result.follow_up.actions
        units.append(
            Completion(
                key=result.unit_code,
                name=result.unit_name,
                actions=len(actions),
                complete=sum(a.status == "complete" for a in actions),
                overdue=sum(a.overdue for a in actions),
            )
        )
        for action in actions:
            by_component[action.component].append((action.status == "complete", action.overdue))
        completed += result.follow_up.completed
        rose += result.follow_up.completed_and_rose
    order = [c.id for c in followed[0].components]
    components = [
        Completion(
            key=component_id,
            name=names[component_id],
            actions=len(marks),
            complete=sum(done for done, _ in marks),
            overdue=sum(late for _, late in marks),
        )
        for component_id, marks in sorted(
            by_component.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
        )
        if component_id in names
    ]
    return PlanFollowUp(units=units, components=components, completed=completed, completed_and_rose=rose)


def divergence(result: UnitResult) -> Divergence:
    """How far ``result``'s own levels stand from its final ones."""
    indicators = [i for c in result.components for i in c.indicators if i.self_level is not None]
    differences = [
        i.self_level - i.level for i in indicators if isinstance(i.self_level, int) and i.level is not None
    ]
    moved = sum(1 for i in indicators if i.self_level != (i.level if not i.not_applicable else "n/a"))
    mean = round_half_up(Fraction(sum(differences), len(differences)), 2) if differences else None
    return Divergence(
        unit_code=result.unit_code,
        name=result.unit_name,
        mean_difference=mean,
        moved=(round_half_up(Fraction(moved, len(indicators)), 2) or 0.0) if indicators else 0.0,
        runs_high=mean is not None and mean >= RUNS_HIGH,
    )


def agreement(results: Sequence[UnitResult]) -> Agreement | None:
    """The agreement of every two reviewers who scored the same unit, over the indicators both
    gave a level (None where no unit had two)."""
    judgements: list[tuple[int, int]] = []
    pairs = 0
    for result in results:
        names = [reviewer.file for reviewer in result.reviewers]
        for first, second in itertools.combinations(names, 2):
            pairs += 1
            for component in result.components:
                for indicator in component.indicators:
                    a = indicator.reviewed_levels.get(first)
                    b = indicator.reviewed_levels.get(second)
                    if isinstance(a, int) and isinstance(b, int):
                        judgements.append((a, b))
    if not pairs:
        return None
    within = sum(1 for a, b in judgements if abs(a - b) <= 1)
    return Agreement(
        pairs=pairs,
        judgements=len(judgements),
        within_one=round_half_up(Fraction(within, len(judgements)), 2) if judgements else None,
        kappa=weighted_kappa(judgements),
    )


def weighted_kappa(judgements: Sequence[tuple[int, int]], levels: int = 5) -> float | None:
    """Cohen's kappa with quadratic weights for pairs of levels 1..``levels``; None where it is
    undefined (no judgements, or both raters used one level only)."""
    if not judgements:
        return None
    n = len(judgements)
    observed = Counter(judgements)
    first = Counter(a for a, _ in judgements)
    second = Counter(b for _, b in judgements)
    scale = (levels - 1) ** 2
    disagreement = expected = Fraction(0)
    for i in range(1, levels + 1):
        for j in range(1, levels + 1):
            weight = Fraction((i - j) ** 2, scale)
            disagreement += weight * Fraction(observed[(i, j)], n)
            expected += weight * Fraction(first[i] * second[j], n * n)
    if expected == 0:
        return None
    return round_half_up(1 - disagreement / expected, 3)
