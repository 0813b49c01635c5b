"""The national summary: ranks with ties, spread, cohorts, peers, trends, rank stability."""

from __future__ import annotations

from typing import Any

from ogmp.models.result import ReviewerResult, UnitResult
from ogmp.national import IndicatorFigures, NationalMember, competition_ranks, spread, summarize
from ogmp.scoring import compare_rounds

from .test_scoring import INDICATORS, REGISTRY, assessment, score


def unit(
    code: str,
    level: int,
    *,
    round: int = 2564,
    comp3: int | None = None,
    agenda: str = "pm25",
    kind: str = "province",
    local_type: str | None = None,
    parent: str | None = None,
) -> UnitResult:
    levels: dict[tuple[str, str], Any] = dict.fromkeys(INDICATORS, level)
    if comp3 is not None:
        levels.update({key: comp3 for key in INDICATORS if key[0] == "comp3"})
    a = assessment(levels, {}, round=round)
    described = {"code": code, "kind": kind, "local_type": local_type, "parent": parent}
    a = a.model_copy(update={"unit": a.unit.model_copy(update=described), "agenda": agenda})
    return score(a, sha=f"{code}-{round}")


def local(code: str, level: int, local_type: str, parent: str, *, comp3: int | None = None) -> UnitResult:
    return unit(code, level, kind="local", local_type=local_type, parent=parent, comp3=comp3)


def test_competition_ranks_share_and_skip() -> None:
    assert competition_ranks({"a": 50.0, "b": 70.0, "c": 50.0, "d": None, "e": 10.0}) == {
        "a": 2,
        "b": 1,
        "c": 2,
        "d": None,
        "e": 4,
    }


def test_spread_quartiles() -> None:
    result = spread([1.0, 2.0, 3.0, 4.0, 5.0])
    assert result is not None
    assert (result.minimum, result.q1, result.median, result.q3, result.maximum, result.mean) == (
        1,
        2,
        3,
        4,
        5,
        3,
    )
    single = spread([41.7])
    assert single is not None and single.median == 41.7 and single.q1 == 41.7
    assert spread([]) is None


def test_cohorts_ranks_peers_trends() -> None:
    results = compare_rounds(
        [
            unit("TH-52", 3),  # Lampang, north
            unit("TH-50", 4),  # Chiang Mai, north
            unit("TH-17", 2),  # Singburi, central
            unit("TH-52", 4, round=2565),
        ]
    )
    summary = summarize(results, REGISTRY.catalogues)
    assert [c.key for c in summary.cohorts] == ["mini-v1-pm25-2564", "mini-v1-pm25-2565"]
    cohort = summary.cohorts[0]
    assert [(row.unit_code, row.rank, row.index) for row in cohort.units] == [
        ("TH-50", 1, 75.0),
        ("TH-52", 2, 50.0),
        ("TH-17", 3, 25.0),
    ]
    assert cohort.index_spread is not None and cohort.index_spread.median == 50.0
    assert [(p.id, [m.unit_code for m in p.members]) for p in cohort.peers] == [
        ("north", ["TH-50", "TH-52"]),
        ("central", ["TH-17"]),
    ]
    assert summary.cohorts[0].trends == []  # the 2565 round is later than this cohort
    [trend] = summary.cohorts[1].trends
    assert (trend.unit_code, trend.points, trend.change) == ("TH-52", [(2564, 50.0), (2565, 75.0)], 25.0)


def test_rank_stability_names_the_ranks_that_move() -> None:
    # B (TH-50) leads on components 1-2, C (TH-17) on component 3 (weight 3). With the
    # rubric's weights 1, 2, 3: B = (75 + 150 + 75) / 6 = 50, C = (25 + 50 + 300) / 6 = 62.5.
    # With component 3 at half weight: B = 262.5 / 4.5 = 58.3, C = 225 / 4.5 = 50. A stays last.
    results = [unit("TH-52", 1), unit("TH-50", 4, comp3=2), unit("TH-17", 2, comp3=5)]
    cohort = summarize(results, REGISTRY.catalogues).cohorts[0]
    moves = {s.unit_code: (s.rank, s.best, s.worst) for s in cohort.stability}
    assert cohort.scenarios == 6  # 3 components x (half, one and a half)
    assert moves["TH-52"] == (3, 3, 3)
    assert moves["TH-50"][1:] == (1, 2) and moves["TH-17"][1:] == (1, 2)


def test_units_on_different_agendas_are_not_ranked_together() -> None:
    results = [unit("TH-52", 3), unit("TH-17", 2), unit("TH-10", 4, agenda="urban_poverty")]
    summary = summarize(results, REGISTRY.catalogues)
    assert [(c.key, [u.unit_code for u in c.units]) for c in summary.cohorts] == [
        ("mini-v1-pm25-2564", ["TH-52", "TH-17"]),
        ("mini-v1-urban-poverty-2564", ["TH-10"]),
    ]
    assert [u.rank for u in summary.cohorts[0].units] == [1, 2]


def test_units_of_different_kinds_are_never_ranked_together() -> None:
    # Lampang (a province) and the Pollution Control Department (an agency) were ranked in one
    # table; a town municipality scoring above both must not outrank them either.
    results = [
        unit("TH-52", 3),
        unit("TH-50", 2),
        unit("PCD", 2, kind="agency"),
        local("5200101", 5, "town_municipality", "TH-52"),
        local("5200102", 1, "sao", "TH-52"),
    ]
    cohort = summarize(results, REGISTRY.catalogues).cohorts[0]
    assert [(g.id, [(m.unit_code, m.rank) for m in g.members]) for g in cohort.groups] == [
        ("province", [("TH-52", 1), ("TH-50", 2)]),
        ("agency", [("PCD", 1)]),
        ("local:town_municipality", [("5200101", 1)]),
        ("local:sao", [("5200102", 1)]),
    ]
    assert [g.name.en for g in cohort.groups] == [
        "Provinces",
        "Central agencies",
        "Town municipalities",
        "Subdistrict Administrative Organisations",
    ]
    assert [(row.unit_code, row.rank) for row in cohort.units] == [
        ("TH-52", 1),
        ("TH-50", 2),
        ("PCD", 1),
        ("5200101", 1),
        ("5200102", 1),
    ]


def test_local_administrations_roll_up_by_province_each_type_ranked_on_its_own() -> None:
    results = [
        unit("TH-52", 3),  # a province: not a local administration of itself
        local("5200201", 4, "sao", "TH-52", comp3=1),
        local("5200202", 2, "sao", "TH-52", comp3=1),
        local("5200203", 2, "sao", "TH-52", comp3=1),
        local("5200101", 3, "city_municipality", "TH-52"),
        local("5000201", 5, "sao", "TH-50"),
    ]
    cohort = summarize(results, REGISTRY.catalogues).cohorts[0]
    assert [(p.code, p.name.en, p.count) for p in cohort.provinces] == [
        ("TH-50", "Chiang Mai", 1),
        ("TH-52", "Lampang", 4),
    ]
    lampang = cohort.provinces[1]
    assert [(g.id, [(rank, m.unit_code) for rank, m in g.members]) for g in lampang.groups] == [
        ("local:city_municipality", [(1, "5200101")]),
        ("local:sao", [(1, "5200201"), (2, "5200202"), (2, "5200203")]),
    ]
    assert lampang.spread is not None and lampang.spread.count == 4
    # Component 3 is at level 1 in three of the four units: the weakest by median (0.0).
    assert lampang.weakest[0] == ("comp3", 0.0)
    assert len(lampang.weakest) == 3
    # The province's local administrations are also ranked nationally within their type.
    assert [(m.unit_code, m.rank) for m in next(g for g in cohort.groups if g.id == "local:sao").members] == [
        ("5000201", 1),
        ("5200201", 2),
        ("5200202", 3),
        ("5200203", 3),
    ]


def test_a_national_member_keeps_every_indicators_figures_but_not_its_model() -> None:
    # A round of 7,850 units keeps one member each until its summaries are made.
    results = compare_rounds([unit("TH-52", 3, comp3=1), unit("TH-50", 4), unit("TH-52", 4, round=2565)])
    members = [NationalMember.of(result, f"digest-{n}") for n, result in enumerate(results)]
    for result, member in zip(results, members, strict=True):
        assert all(component.indicators == [] for component in member.result.components)
        assert member.indicators == tuple(
            IndicatorFigures.of(indicator)
            for component in result.components
            for indicator in component.indicators
        )
        assert len(member.indicators) == len(INDICATORS)
    assert summarize([m.result for m in members], REGISTRY.catalogues) == summarize(
        results, REGISTRY.catalogues
    )


def test_a_reviewed_unit_keeps_its_indicators_for_the_reviewers_agreement() -> None:
    result = unit("TH-52", 3)
    reviewed = result.model_copy(update={"reviewers": [ReviewerResult.model_construct(file="a.review.yaml")]})
    member = NationalMember.of(reviewed, "digest")
    assert [c.indicators for c in member.result.components] == [c.indicators for c in reviewed.components]
