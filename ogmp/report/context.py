"""The typed context a report template receives: every text final, every number formatted.

Templates only place these values; anything a test would want to check (which
recommendations apply, the summary paragraph, what pulls a principle down, number
and date formats, Thai digits) is decided here. :func:`build_context` puts together the
parts that one builder each makes: the cover, the overview, the charts, the components,
the principles, the national context and the evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from ogmp.messages import Lang
from ogmp.models.assessment import Assessment, Evidence
from ogmp.models.catalogue import HOME_COUNTRY, Catalogues, Edition, Index, Practice
from ogmp.models.common import Bilingual
from ogmp.models.result import ComponentResult, IndicatorResult, UnitResult
from ogmp.models.review import LinkCheck
from ogmp.models.rubric import Indicator, Rubric
from ogmp.report.charts import GapBar, RadarAxis, gap_chart, radar_chart
from ogmp.report.formatting import Fact, Formatter, Labels, LangText
from ogmp.report.linebreak import report_terms
from ogmp.report.plan_context import FollowUpView, PlanView, follow_up_view, plan_view
from ogmp.reviews import Companions, entry_digest
from ogmp.thai import glue


@dataclass(frozen=True)
class EvidenceView:
    number: str
    anchor: str
    indicator_code: str
    title: LangText
    href: str | None
    location: str
    public: bool
    public_label: str
    link_check: str | None = None
    """What ``ogmp evidence check`` last found at the link, with its date."""


@dataclass(frozen=True)
class ReplyEvidence:
    """A piece of new evidence the unit sent with its reply."""

    title: LangText
    href: str | None
    location: str
    public_label: str
    link_check: str | None


@dataclass(frozen=True)
class ReviewLine:
    """What one reviewer found of one indicator, and the unit's reply."""

    reviewer: LangText
    level: str
    evidence: str
    reason: LangText | None
    notes: list[LangText]
    reply: LangText | None
    reply_evidence: list[ReplyEvidence]
    stale: bool


@dataclass(frozen=True)
class IndicatorReviewView:
    """An indicator's review: the unit's own level, each reviewer, the secretariat's decision."""

    self_level: str
    lines: list[ReviewLine]
    decision: LangText | None


@dataclass(frozen=True)
class IndicatorView:
    code: str
    name: LangText
    question: LangText | None
    """The full question beneath the short name; None when the rubric gives no short name."""
    level: str
    not_applicable: bool
    reason: LangText | None
    current: LangText | None
    target: LangText | None
    target_level: str
    gap: str
    principles: str
    stage: str | None
    note: LangText | None
    evidence: list[EvidenceView]
    unsupported: bool
    review: IndicatorReviewView | None = None
    level_label: str = ""


@dataclass(frozen=True)
class PracticeView:
    title: LangText
    url: str | None


@dataclass(frozen=True)
class RecommendationView:
    from_level: str
    text: LangText
    lifts: str
    practice: PracticeView | None


@dataclass(frozen=True)
class DriverGroup:
    name: LangText
    recommendations: list[RecommendationView]


@dataclass(frozen=True)
class ComponentView:
    number: str
    anchor: str
    heading: str
    name: LangText
    definition: LangText
    scored: bool
    facts: list[Fact]
    note: LangText | None
    indicators: list[IndicatorView]
    drivers: list[DriverGroup]
    target_reached: bool


@dataclass(frozen=True)
class TopGap:
    rank: str
    name: LangText
    gap: str
    anchor: str


@dataclass(frozen=True)
class PrincipleView:
    name: LangText
    definition: LangText
    score: str
    level: str
    pulled_down_by: list[LangText]


@dataclass(frozen=True)
class IndexView:
    """One index as the report's date knows it: its latest edition published by then."""

    name: LangText
    publisher: LangText
    scale: LangText
    edition: str
    published: str
    figure: str
    dimensions: str
    source: str
    notes: list[LangText]


@dataclass(frozen=True)
class Cover:
    """Who and what the report is about."""

    title: str
    unit_name: LangText
    unit_code: str
    running_head: str
    facts: list[Fact]
    assessors: list[LangText]
    prepared_with: str
    inputs: str


@dataclass(frozen=True)
class Overview:
    """The executive summary: the index, the gaps to close first, the paragraph."""

    score: str
    level: str
    facts: list[Fact]
    top_gaps: list[TopGap]
    summary: list[LangText]
    note: LangText | None = None
    """Why the summary's figures do not subtract to its gap, where they do not."""


@dataclass(frozen=True)
class Charts:
    radar: Markup
    radar_legend: list[LangText]
    gaps: Markup | None


@dataclass(frozen=True)
class NationalView:
    """Thailand on the international indices, and where the unit's gaps meet its weak points."""

    indices: list[IndexView]
    as_of: str
    weak_dimensions: list[LangText]
    alignments: list[LangText]


@dataclass(frozen=True)
class ReportContext:
    """Everything one report shows, in one language."""

    lang: Lang
    labels: Labels
    title: str
    unit_name: LangText
    unit_code: str
    running_head: str
    cover: list[Fact]
    assessors: list[LangText]
    prepared_with: str
    overall_score: str
    overall_level: str
    overall_facts: list[Fact]
    summary: list[LangText]
    summary_note: LangText | None
    top_gaps: list[TopGap]
    radar: Markup
    radar_legend: list[LangText]
    gaps_chart: Markup | None
    components: list[ComponentView]
    principles: list[PrincipleView]
    indices: list[IndexView]
    indices_as_of: str
    weak_dimensions: list[LangText]
    alignments: list[LangText]
    method: list[str]
    inputs: str
    evidence: list[EvidenceView]
    plan: PlanView | None = None
    follow_up: FollowUpView | None = None
    page_label: str = ""
    of_label: str = ""
    thai_digits: bool = False
    created: str = ""
    provenance: tuple[tuple[str, str], ...] = ()
    terms: frozenset[str] = frozenset()
    """The words its Thai lines must not break inside."""


def build_context(
    result: UnitResult,
    assessment: Assessment,
    rubric: Rubric,
    catalogues: Catalogues,
    labels: Labels,
    *,
    lang: Lang,
    report_date: dt.date,
    thai_digits: bool = False,
    created: dt.datetime | None = None,
    provenance: Sequence[tuple[str, str]] = (),
    companions: Companions | None = None,
    internal: bool = False,
) -> ReportContext:
    """The context of ``result``'s report in ``lang``; ``internal`` for the secretariat's copy,
    with the reviewers' internal notes."""
    fmt = Formatter.of(lang, labels, thai_digits=thai_digits)
    companions = companions or Companions()
    evidence, evidence_by_indicator = evidence_views(fmt, rubric, assessment, companions.links)
    reviews = review_views(fmt, result, assessment, companions, internal=internal, links=companions.links)
    cover = cover_part(fmt, result, assessment, rubric, report_date)
    overview = overview_part(fmt, result)
    charts = charts_part(fmt, result)
    national = national_part(fmt, result, rubric, catalogues)
    return ReportContext(
        lang=lang,
        labels=fmt.shown_labels(),
        title=cover.title,
        unit_name=cover.unit_name,
        unit_code=cover.unit_code,
        running_head=cover.running_head,
        cover=cover.facts,
        assessors=cover.assessors,
        prepared_with=cover.prepared_with,
        overall_score=overview.score,
        overall_level=overview.level,
        overall_facts=overview.facts,
        summary=overview.summary,
        summary_note=overview.note,
        top_gaps=overview.top_gaps,
        radar=charts.radar,
        radar_legend=charts.radar_legend,
        gaps_chart=charts.gaps,
        components=component_views(
            fmt, result, assessment, rubric, catalogues, evidence_by_indicator, reviews
        ),
        principles=principle_views(fmt, result, rubric),
        indices=national.indices,
        indices_as_of=national.as_of,
        weak_dimensions=national.weak_dimensions,
        alignments=national.alignments,
        method=fmt.paragraphs("method_text"),
        inputs=cover.inputs,
        evidence=evidence,
        plan=plan_view(fmt, result, rubric),
        follow_up=follow_up_view(fmt, result, rubric),
        page_label=fmt.label("page"),
        of_label=fmt.label("of"),
        thai_digits=fmt.thai_digits,
        created=created.isoformat() if created else "",
        provenance=tuple(provenance),
        terms=report_terms(catalogues, rubric),
    )


# --- the cover ---------------------------------------------------------------------------


def cover_part(
    fmt: Formatter, result: UnitResult, assessment: Assessment, rubric: Rubric, report_date: dt.date
) -> Cover:
    round_text = fmt.fiscal_year(result.round)
    rubric_text = fmt.label(
        "rubric_value", name=rubric.name.get(fmt.lang), version=fmt.number(rubric.version)
    )
    unit = result.unit_name.get(fmt.lang)
    return Cover(
        title=f"{fmt.label('report_title')}: {unit}",
        unit_name=fmt.text(result.unit_name),
        unit_code=result.unit_code,
        running_head=f"{unit} · {result.agenda_name.get(fmt.lang)} · {round_text}",
        facts=[
            Fact(fmt.label("unit_code"), LangText(result.unit_code, "en")),
            Fact(fmt.label("agenda"), fmt.text(result.agenda_name)),
            Fact(fmt.label("round"), fmt.plain(round_text)),
            Fact(fmt.label("rubric"), fmt.plain(rubric_text)),
            Fact(fmt.label("assessment_date"), fmt.plain(fmt.date(result.date))),
            Fact(fmt.label("report_date"), fmt.plain(fmt.date(report_date))),
            Fact(fmt.label("assurance"), fmt.plain(fmt.label(f"assurance_{result.assurance}"))),
            *(
                Fact(fmt.label("reviewer"), fmt.written(f"{person.name} ({person.org})"))
                for person in result.reviewers
            ),
        ],
        assessors=[
            fmt.written(
                fmt.label("list_separator").join(
                    part for part in (person.name, person.role, person.org) if part
                )
            )
            for person in assessment.assessors
        ],
        prepared_with=fmt.label(
            "prepared_with", version=result.inputs.tool_version, method=result.inputs.method_version
        ),
        inputs=fmt.label(
            "inputs_value",
            file=result.inputs.file,
            sha=result.inputs.sha256,
            rubric=result.inputs.rubric_id,
            version=result.inputs.rubric_version,
            rubric_sha=result.inputs.rubric_sha256,
        ),
    )


# --- the executive summary ---------------------------------------------------------------


def overview_part(fmt: Formatter, result: UnitResult) -> Overview:
    by_id = {c.id: c for c in result.components}
    top = [
        TopGap(
            rank=fmt.number(rank),
            name=fmt.text(by_id[cid].name),
            gap=fmt.gap(by_id[cid].gap),
            anchor=f"component-{cid}",
        )
        for rank, cid in enumerate(result.top_gaps[:3], start=1)
    ]
    overall = result.overall
    if overall.level is None:  # nothing could be scored: every indicator is not applicable
        nothing = fmt.label("nothing_scored")
        summary = fmt.label("summary_nothing_scored", unit=result.unit_name.get(fmt.lang))
        return Overview("–", nothing, [], [], [fmt.plain(summary)])
    level = fmt.level(overall.level, result.level_names)
    facts = [
        Fact(fmt.label("mean_level"), fmt.plain(fmt.number(overall.mean_level, 2))),
        Fact(fmt.label("maturity_level"), fmt.plain(level)),
        Fact(fmt.label("target_mean"), fmt.plain(fmt.number(overall.target_mean_level, 2))),
        Fact(fmt.label("gap"), fmt.plain(fmt.gap(overall.gap))),
    ]
    if result.reviewers:  # the unit's own index beside the reviewed one, and how it was checked
        facts += [
            Fact(fmt.label("self_index"), fmt.plain(fmt.number(overall.self_score, 1))),
            Fact(fmt.label("assurance"), fmt.plain(fmt.label(f"assurance_{result.assurance}"))),
        ]
    return Overview(
        fmt.number(overall.score, 1),
        level,
        facts,
        top,
        [summary_paragraph(fmt, result, top)],
        gap_note(fmt, result),
    )


def gap_note(fmt: Formatter, result: UnitResult) -> LangText | None:
    """A footnote where the printed mean target minus the printed mean level is not the printed
    mean gap: because of rounding, or because components above their target count no gap."""
    overall = result.overall
    if overall.mean_level is None or overall.target_mean_level is None or overall.gap is None:
        return None
    printed = Decimal(str(overall.target_mean_level)) - Decimal(str(overall.mean_level))
    if printed == Decimal(str(overall.gap)):
        return None
    above = any(c.mean_level is not None and c.mean_level > c.target for c in result.components)
    return fmt.plain(fmt.label("gap_note_clamped" if above else "gap_note_rounding"))


def summary_paragraph(fmt: Formatter, result: UnitResult, top: Sequence[TopGap]) -> LangText:
    """The paragraph a governor reads in a minute, sentence by sentence."""
    lang, overall = fmt.lang, result.overall
    assert overall.level is not None
    sentences = [
        fmt.label(
            "summary_text",
            unit=result.unit_name.get(lang),
            score=fmt.number(overall.score, 1),
            mean=fmt.number(overall.mean_level, 2),
            level=fmt.number(overall.level),
            level_name=result.level_names[overall.level].get(lang),
            target=fmt.number(overall.target_mean_level, 2),
            gap=fmt.number(overall.gap, 2),
        )
    ]
    if result.reviewers:
        sentences.append(
            fmt.label(
                "summary_reviewed",
                self_score=fmt.number(overall.self_score, 1),
                score=fmt.number(overall.score, 1),
                assurance=fmt.label(f"assurance_{result.assurance}"),
            )
        )
    if top:
        items = [fmt.label("summary_gap_item", name=gap.name, gap=gap.gap) for gap in top]
        sentences.append(fmt.label("summary_top", items=fmt.join(items)))
    else:
        sentences.append(fmt.label("summary_none"))
    scored = [c for c in result.components if c.mean_level is not None]
    if scored:
        best = max(scored, key=lambda c: (c.mean_level or 0, -c.number))
        sentences.append(
            fmt.label("summary_best", name=best.name.get(lang), level=fmt.number(best.mean_level, 2))
        )
    totals = [c.confidence for c in result.components]
    scored_count = sum(c.scored for c in totals)
    if scored_count:
        evidenced = round(100 * sum(c.evidenced for c in totals) / scored_count)
        public = round(100 * sum(c.public for c in totals) / scored_count)
        sentences.append(
            fmt.label("summary_evidence", evidenced=fmt.number(evidenced), public=fmt.number(public))
        )
    unsupported = sum(1 for c in result.components for i in c.indicators if i.unsupported)
    if unsupported:
        sentences.append(fmt.label("summary_unsupported", count=fmt.number(unsupported)))
    if result.alignments:
        figures = {figure.ref: figure for figure in result.weak_dimensions}
        names: list[str] = []
        for alignment in result.alignments:
            figure = figures[alignment.dimension]
            name = (
                fmt.label("dimension_of", dimension=figure.dimension.get(lang), index=figure.index.get(lang))
                if figure.dimension
                else figure.index.get(lang)
            )
            if name not in names:
                names.append(name)
        sentences.append(fmt.label("summary_alignment", items=fmt.join(names)))
    return fmt.plain(" ".join(sentences))


# --- the charts ----------------------------------------------------------------------------


def charts_part(fmt: Formatter, result: UnitResult) -> Charts:
    lang = fmt.lang
    radar = radar_chart(
        [RadarAxis(fmt.number(c.number), c.mean_level, c.target) for c in result.components],
        title=fmt.label("radar_title"),
        legend_as_is=fmt.label("legend_as_is"),
        legend_to_be=fmt.label("legend_to_be"),
        level_labels=[fmt.number(level) for level in range(1, 6)],
    )
    legend = [fmt.plain(f"{fmt.number(c.number)}. {c.name.get(lang)}") for c in result.components]
    by_id = {c.id: c for c in result.components}
    ranked = [by_id[cid] for cid in result.top_gaps]
    gaps = (
        gap_chart(
            [
                GapBar(f"{fmt.number(c.number)}. {c.name.get(lang)}", c.gap or 0.0, fmt.number(c.gap, 2))
                for c in ranked
            ],
            title=fmt.label("gap_chart_title"),
            axis_labels=[fmt.levels(step) for step in range(5)],
        )
        if ranked
        else None
    )
    return Charts(radar, legend, gaps)


# --- the components ------------------------------------------------------------------------


def component_views(
    fmt: Formatter,
    result: UnitResult,
    assessment: Assessment,
    rubric: Rubric,
    catalogues: Catalogues,
    evidence: Mapping[str, list[EvidenceView]],
    reviews: Mapping[str, IndicatorReviewView] | None = None,
) -> list[ComponentView]:
    """A section per component: its figures, every indicator, its recommendations."""
    reviews = reviews or {}
    views = []
    for component_result in result.components:
        component = rubric.components_by_id[component_result.id]
        entry = assessment.components.get(component.id)
        notes = {i: answer.note for i, answer in entry.indicators.items()} if entry else {}
        number = fmt.number(component_result.number)
        views.append(
            ComponentView(
                number=number,
                anchor=f"component-{component_result.id}",
                heading=fmt.label("component_heading", number=number, name=component.name.get(fmt.lang)),
                name=fmt.text(component.name),
                definition=fmt.text(component.definition),
                scored=component_result.score is not None,
                facts=component_facts(fmt, component_result, result),
                note=fmt.written(entry.note) if entry and entry.note else None,
                indicators=[
                    indicator_view(
                        fmt,
                        indicator,
                        rubric,
                        notes.get(indicator.id),
                        evidence.get(indicator.id, []),
                        reviews.get(indicator.id),
                    )
                    for indicator in component_result.indicators
                ],
                drivers=recommendation_groups(fmt, component_result, result, rubric, catalogues),
                target_reached=component_result.gap is not None and component_result.gap == 0,
            )
        )
    return views


def component_facts(fmt: Formatter, component: ComponentResult, result: UnitResult) -> list[Fact]:
    names = result.level_names
    confidence = component.confidence
    source = fmt.label(
        "target_from_assessment" if component.target_source == "assessment" else "target_from_rubric"
    )
    facts = [
        Fact(fmt.label("score"), fmt.plain(f"{fmt.number(component.score, 1)} {fmt.label('out_of_100')}")),
        Fact(fmt.label("mean_level"), fmt.plain(fmt.number(component.mean_level, 2))),
    ]
    if component.level is not None:
        facts.append(Fact(fmt.label("maturity_level"), fmt.plain(fmt.level(component.level, names))))
    facts += [
        Fact(fmt.label("target"), fmt.plain(f"{fmt.level(component.target, names)} ({source})")),
        Fact(fmt.label("gap"), fmt.plain(fmt.gap(component.gap))),
    ]
    if component.priority_rank is not None:
        rank = fmt.label("priority_value", rank=fmt.number(component.priority_rank))
        facts.append(Fact(fmt.label("priority"), fmt.plain(rank)))
    facts.append(
        Fact(
            fmt.label("evidence_confidence"),
            fmt.plain(
                fmt.label(
                    "confidence_value",
                    label=fmt.label(f"confidence_{confidence.label}"),
                    evidenced=fmt.number(confidence.evidenced),
                    scored=fmt.number(confidence.scored),
                    public=fmt.number(confidence.public),
                )
            ),
        )
    )
    return facts


def indicator_view(
    fmt: Formatter,
    result: IndicatorResult,
    rubric: Rubric,
    note: str | None,
    evidence: list[EvidenceView],
    review: IndicatorReviewView | None = None,
) -> IndicatorView:
    lang = fmt.lang
    indicator = rubric.indicators_by_id[result.id]
    principles = {principle.id: principle for principle in rubric.principles}
    stages = {stage.id: stage for stage in rubric.stages}
    current = indicator.levels[result.level] if result.level is not None else None
    show_target = result.level is not None and result.target > result.level
    if result.not_applicable:
        level = fmt.label("not_applicable")
    elif result.level is not None:
        level = fmt.level(result.level, rubric.levels)
    else:
        level = "–"
    return IndicatorView(
        code=fmt.digits(result.code),
        name=fmt.text(indicator.short or indicator.question),
        question=fmt.text(indicator.question) if indicator.short is not None else None,
        level=level,
        not_applicable=result.not_applicable,
        reason=fmt.written(result.reason) if result.reason else None,
        current=fmt.text(current) if current is not None else None,
        target=fmt.text(indicator.levels[result.target]) if show_target else None,
        target_level=fmt.level(result.target, rubric.levels),
        gap=fmt.levels(result.gap) if result.gap is not None else "–",
        principles=fmt.join([principles[p].name.get(lang) for p in indicator.principles if p in principles]),
        stage=stages[indicator.stage].name.get(lang) if indicator.stage in stages else None,
        note=fmt.written(note) if note else None,
        evidence=evidence,
        unsupported=result.unsupported,
        review=review,
        level_label=fmt.label("final_level" if review is not None else "indicator_level"),
    )


def recommendation_groups(
    fmt: Formatter, component: ComponentResult, result: UnitResult, rubric: Rubric, catalogues: Catalogues
) -> list[DriverGroup]:
    """The steps chosen for the component (:func:`ogmp.scoring.choose_recommendations`),
    grouped by driver level, each with the indicators it lifts."""
    chosen = [r for r in result.recommendations if r.component == component.id]
    codes = rubric.indicator_codes()
    indicators = rubric.indicators_by_id
    practices = catalogues.practices.by_id
    groups = []
    for driver in rubric.drivers:
        members = sorted((r for r in chosen if r.driver == driver.id), key=lambda r: r.from_level)
        if not members:
            continue
        views = [
            RecommendationView(
                from_level=fmt.label(
                    "from_level", level=fmt.number(step.from_level), next=fmt.number(step.from_level + 1)
                ),
                text=fmt.text(step.text),
                lifts=fmt.label(
                    "lifts",
                    items=fmt.join(
                        [
                            f"{fmt.digits(codes[i])} {short_name(indicators[i], fmt.lang)}"
                            for i in step.indicators
                        ]
                    ),
                ),
                practice=practice_view(fmt, practices.get(step.practice or "")),
            )
            for step in members
        ]
        groups.append(
            DriverGroup(fmt.plain(fmt.label("driver_group", driver=driver.name.get(fmt.lang))), views)
        )
    return groups


def short_name(indicator: Indicator, lang: Lang) -> str:
    """An indicator's short name, or its question where the rubric gives none."""
    return (indicator.short or indicator.question).get(lang)


def practice_view(fmt: Formatter, practice: Practice | None) -> PracticeView | None:
    if practice is None:
        return None
    lang = fmt.lang
    title = practice.name.get(lang)
    if practice.by is not None:
        credit = fmt.label("practice_by", by=practice.by.get(lang))
        title = glue(title, credit) if lang == "th" else f"{title} {credit}"
    if practice.where is not None and practice.where.get(lang) not in title:
        title += f" ({practice.where.get(lang)})"
    return PracticeView(title=fmt.plain(fmt.digits(title)), url=practice.url)


# --- the principles ------------------------------------------------------------------------


def principle_views(fmt: Formatter, result: UnitResult, rubric: Rubric) -> list[PrincipleView]:
    principles = {principle.id: principle for principle in rubric.principles}
    codes = rubric.indicator_codes()
    indicators = rubric.indicators_by_id
    return [
        PrincipleView(
            name=fmt.text(principle.name),
            definition=fmt.text(principles[principle.id].definition),
            score=fmt.number(principle.score, 1)
            if principle.score is not None
            else fmt.label("not_measured"),
            level=fmt.number(principle.mean_level, 2),
            pulled_down_by=[
                fmt.plain(f"{fmt.digits(codes[i])} {short_name(indicators[i], fmt.lang)}")
                for i in principle.weakest
            ],
        )
        for principle in result.principles
    ]


# --- the national context ------------------------------------------------------------------


def national_part(fmt: Formatter, result: UnitResult, rubric: Rubric, catalogues: Catalogues) -> NationalView:
    lang = fmt.lang
    sources = {source.id: source for source in catalogues.indices.sources}

    def title(source_id: str) -> str:
        source = sources.get(source_id)
        return fmt.prose(source.title.get(lang)) if source else source_id

    codes = rubric.indicator_codes()
    indicators = rubric.indicators_by_id
    dimension_names = {
        f"{index.id}.{dimension.id}": fmt.label(
            "dimension_of", dimension=dimension.name.get(lang), index=index.name.get(lang)
        )
        for index in catalogues.indices.indices
        for dimension in index.dimensions
    }
    weak = []
    for figure in result.weak_dimensions:
        parts = []
        if figure.value is not None and figure.dimension is not None and figure.edition is not None:
            value = index_value(fmt, figure.value, figure.scale_max)
            if figure.derived:
                value += " " + fmt.label("derived_mark")
            parts.append(
                fmt.label(
                    "weak_value",
                    dimension=figure.dimension.get(lang),
                    index=figure.index.get(lang),
                    edition=fmt.digits(figure.edition.get(lang)),
                    value=value,
                    max=fmt.number(int(figure.scale_max)),
                )
            )
        if figure.finding is not None:
            source = title(figure.finding_source or figure.source)
            parts.append(
                f"{fmt.label('finding')}: {figure.finding.get(lang)} ({fmt.label('source')}: {source})"
            )
        weak.append(fmt.plain(" | ".join(parts)))
    alignments = [
        fmt.plain(
            fmt.label(
                "alignment_value",
                code=fmt.digits(codes[a.indicator]),
                name=short_name(indicators[a.indicator], lang),
                gap=fmt.levels(a.indicator_gap),
                dimension=dimension_names.get(a.dimension, a.dimension),
            )
        )
        for a in result.alignments
    ]
    indices = [index_view(fmt, index, title, result.date) for index in catalogues.indices.indices]
    as_of = fmt.label("indices_as_of", date=fmt.date(result.date))
    return NationalView(indices, as_of, weak, alignments)


def index_value(fmt: Formatter, value: float, scale_max: float) -> str:
    """An index figure as published: four decimals on a 0-1 scale (0.9410, not 0.941), as many
    as it has up to two on a 0-100 one (27.55, 11)."""
    return fmt.number(value, 4) if scale_max <= 1 else fmt.figure(value, 2)


def index_view(fmt: Formatter, index: Index, title: Callable[[str], str], as_of: dt.date) -> IndexView:
    """Thailand on ``index`` in its latest edition published by ``as_of``, or why there is none."""
    notes = [fmt.text(index.not_published)] if index.not_published else []

    def view(figure: str, edition: Edition | None = None, dimensions: str = "") -> IndexView:
        return IndexView(
            name=fmt.text(index.name),
            publisher=fmt.text(index.publisher),
            scale=fmt.text(index.scale),
            edition=fmt.digits(edition.edition.get(fmt.lang)) if edition else "–",
            published=fmt.label("published_on", date=fmt.published(edition.published)) if edition else "",
            figure=figure,
            dimensions=dimensions,
            source=title(edition.source) if edition else "",
            notes=notes,
        )

    edition = index.edition_as_of(as_of)
    if edition is None:
        if index.first_published is not None and as_of < index.first_published.day:
            return view(fmt.label("no_edition_yet", date=fmt.published(index.first_published)))
        return view(fmt.label("no_edition_held" if index.editions else "not_published"))
    result = edition.result_for(HOME_COUNTRY)
    if result is None:
        return view(edition.note.get(fmt.lang) if edition.note else fmt.label("not_in_edition"), edition)
    derived = " " + fmt.label("derived_mark")
    figure_parts = []
    if result.rank is not None:
        tied = fmt.label("tied") if result.rank_tied else ""
        rank = (
            fmt.label(
                "rank_value",
                rank=fmt.number(result.rank),
                tied=tied,
                countries=fmt.number(edition.countries),
            )
            if edition.countries
            else fmt.label("rank_value_no_total", rank=fmt.number(result.rank), tied=tied)
        )
        figure_parts.append(rank + (derived if "rank" in result.derived else ""))
    if result.score is not None:
        score = fmt.label(
            "score_value",
            score=index_value(fmt, result.score, index.scale_max),
            max=fmt.figure(index.scale_max, 0),
        )
        figure_parts.append(score + (derived if "score" in result.derived else ""))
    names = {d.id: d.name.get(fmt.lang) for d in index.dimensions}
    dimensions = [
        f"{names.get(key, key)} {index_value(fmt, figure, index.scale_max)}"
        + (derived if key in result.derived else "")
        for key, figure in result.dimensions.items()
    ]
    if edition.note is not None:
        notes.append(fmt.text(edition.note))
    return view(fmt.label("list_separator").join(figure_parts), edition, fmt.join(dimensions))


# --- the evidence ----------------------------------------------------------------------------


def evidence_views(
    fmt: Formatter, rubric: Rubric, assessment: Assessment, links: Mapping[str, LinkCheck] | None = None
) -> tuple[list[EvidenceView], dict[str, list[EvidenceView]]]:
    """Every piece of evidence, numbered once for the whole report, and by indicator."""
    every: list[EvidenceView] = []
    by_indicator: dict[str, list[EvidenceView]] = {}
    codes = rubric.indicator_codes()
    for component in rubric.components:
        entry = assessment.components.get(component.id)
        for indicator in component.indicators:
            answer = entry.indicators.get(indicator.id) if entry else None
            for item in answer.evidence if answer else []:
                serial = len(every) + 1
                location = item.url or item.file or ""
                view = EvidenceView(
                    number=fmt.number(serial),
                    anchor=f"evidence-{serial}",
                    indicator_code=fmt.digits(codes[indicator.id]),
                    title=fmt.written(item.title) if item.title else LangText(location, "en"),
                    href=item.url,
                    location=location,
                    public=item.public,
                    public_label=fmt.label("public") if item.public else fmt.label("not_public"),
                    link_check=link_check(fmt, (links or {}).get(item.url)) if item.url else None,
                )
                every.append(view)
                by_indicator.setdefault(indicator.id, []).append(view)
    return every, by_indicator


def link_check(fmt: Formatter, check: LinkCheck | None) -> str | None:
    """``ตรวจลิงก์เมื่อ 3 มีนาคม 2567: เข้าถึงได้``, or None for a link never checked."""
    if check is None:
        return None
    outcome = fmt.label(f"link_{check.outcome}")
    if check.status is not None and check.outcome == "broken":
        outcome = f"{outcome} ({fmt.digits(str(check.status))})"
    return fmt.label("link_checked", date=fmt.date(check.checked), outcome=outcome)


# --- the review ------------------------------------------------------------------------------


def review_views(
    fmt: Formatter,
    result: UnitResult,
    assessment: Assessment,
    companions: Companions,
    *,
    internal: bool,
    links: Mapping[str, LinkCheck] | None = None,
) -> dict[str, IndicatorReviewView]:
    """Each reviewed indicator's review: the unit's level, each reviewer's verdict with their
    public notes (and internal ones for the secretariat's copy), the unit's reply, the decision."""
    if not companions.reviews:
        return {}
    decided = companions.decision.decided() if companions.decision is not None else {}
    digests = {indicator_id: entry_digest(entry) for _, indicator_id, entry in assessment.entries()}
    names = result.level_names
    views: dict[str, IndicatorReviewView] = {}
    for component in result.components:
        for indicator in component.indicators:
            lines = []
            for _, review in companions.reviews:
                verdict = review.verdicts().get(indicator.id)
                if verdict is None or verdict.level is None:
                    continue
                person = review.review.reviewer
                notes = [
                    fmt.written(note.text)
                    if note.public
                    else fmt.plain(f"{note.text} {fmt.label('internal_mark')}")
                    for note in verdict.notes
                    if note.public or internal
                ]
                reply = None
                if verdict.reply is not None:
                    reply = (
                        fmt.plain(fmt.label("reply_agree"))
                        if verdict.reply.agree
                        else fmt.plain(fmt.label("reply_disagree", reason=verdict.reply.reason or ""))
                    )
                lines.append(
                    ReviewLine(
                        reviewer=fmt.written(f"{person.name} ({person.org})"),
                        level=_level_text(fmt, verdict.level, names),
                        evidence=fmt.label(f"evidence_{verdict.evidence}"),
                        reason=fmt.written(verdict.reason) if verdict.reason else None,
                        notes=notes,
                        reply=reply,
                        reply_evidence=[
                            reply_evidence(fmt, item, links)
                            for item in (verdict.reply.evidence if verdict.reply is not None else [])
                        ],
                        stale=verdict.unit_entry != digests.get(indicator.id),
                    )
                )
            if not lines:
                continue
            decision = decided.get(indicator.id) if indicator.decided else None
            views[indicator.id] = IndicatorReviewView(
                self_level=_level_text(fmt, indicator.self_level, names),
                lines=lines,
                decision=fmt.plain(
                    fmt.label(
                        "decision_value", level=_level_text(fmt, decision.level, names), note=decision.note
                    )
                )
                if decision is not None
                else None,
            )
    return views


def reply_evidence(fmt: Formatter, item: Evidence, links: Mapping[str, LinkCheck] | None) -> ReplyEvidence:
    """A piece of evidence the unit sent with its reply, as the report lists it."""
    location = item.url or item.file or ""
    return ReplyEvidence(
        title=fmt.written(item.title) if item.title else LangText(location, "en"),
        href=item.url,
        location=location,
        public_label=fmt.label("public") if item.public else fmt.label("not_public"),
        link_check=link_check(fmt, (links or {}).get(item.url)) if item.url else None,
    )


def _level_text(fmt: Formatter, level: int | str | None, names: Mapping[int, Bilingual]) -> str:
    if level is None:
        return "–"
    if isinstance(level, int):
        return fmt.level(level, names)
    return fmt.label("not_applicable")
