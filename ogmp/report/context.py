"""The typed context a report template receives: every text final, every number formatted.

Templates only place these values; anything a test would want to check (which
recommendations apply, the summary paragraph, what pulls a principle down, number
and date formats, Thai digits) is decided here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ogmp.messages import Lang
from ogmp.models.assessment import Assessment
from ogmp.models.catalogue import Catalogues, Index
from ogmp.models.common import Bilingual
from ogmp.models.result import ComponentResult, IndicatorResult, UnitResult
from ogmp.models.rubric import Rubric
from ogmp.report.charts import GapBar, RadarAxis, gap_chart, radar_chart
from ogmp.thai import ENGLISH_MONTHS, format_date, language_of, thai_digits

Labels = Mapping[str, object]


@dataclass(frozen=True)
class Text:
    """A text and the language it is in (for the ``lang`` attribute)."""

    value: str
    lang: Lang

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Field:
    label: str
    value: Text


@dataclass(frozen=True)
class EvidenceView:
    number: str
    anchor: str
    indicator_code: str
    title: Text
    href: str | None
    location: str
    public: bool
    public_label: str


@dataclass(frozen=True)
class IndicatorView:
    code: str
    question: Text
    level: str
    not_applicable: bool
    reason: Text | None
    current: Text | None
    target: Text | None
    target_level: str
    gap: str
    principles: str
    stage: str | None
    note: Text | None
    evidence: list[EvidenceView]
    unsupported: bool


@dataclass(frozen=True)
class PracticeView:
    name: Text
    where: Text
    url: str | None


@dataclass(frozen=True)
class RecommendationView:
    from_level: str
    text: Text
    practice: PracticeView | None


@dataclass(frozen=True)
class DriverGroup:
    name: Text
    recommendations: list[RecommendationView]


@dataclass(frozen=True)
class ComponentView:
    number: str
    anchor: str
    heading: str
    name: Text
    definition: Text
    scored: bool
    facts: list[Field]
    note: Text | None
    indicators: list[IndicatorView]
    drivers: list[DriverGroup]
    target_reached: bool


@dataclass(frozen=True)
class TopGap:
    rank: str
    name: Text
    gap: str
    anchor: str


@dataclass(frozen=True)
class PrincipleView:
    name: Text
    definition: Text
    score: str
    level: str
    pulled_down_by: list[Text]


@dataclass(frozen=True)
class IndexView:
    name: Text
    publisher: Text
    scale: Text
    edition: str
    figure: str
    dimensions: list[str]
    source: str
    note: Text | None


@dataclass(frozen=True)
class ReportContext:
    """Everything one report shows, in one language."""

    lang: Lang
    labels: Labels
    title: str
    unit_name: Text
    unit_code: str
    running_head: str
    cover: list[Field]
    assessors: list[Text]
    prepared_with: str
    overall_score: str
    overall_level: str
    overall_facts: list[Field]
    summary: list[Text]
    top_gaps: list[TopGap]
    radar: Markup
    radar_legend: list[Text]
    gaps_chart: Markup | None
    components: list[ComponentView]
    principles: list[PrincipleView]
    indices: list[IndexView]
    weak_dimensions: list[Text]
    alignments: list[Text]
    method: list[str]
    inputs: str
    evidence: list[EvidenceView]
    page_label: str = ""
    of_label: str = ""
    thai_digits: bool = False
    created: str = ""
    provenance: tuple[tuple[str, str], ...] = ()


def _label(labels: Labels, key: str, **params: object) -> str:
    template = labels[key]
    if not isinstance(template, str):
        raise TypeError(f"label {key} is not a text")
    return template.format(**params)


def build_context(
    result: UnitResult,
    assessment: Assessment,
    rubric: Rubric,
    catalogues: Catalogues,
    labels: Labels,
    *,
    lang: Lang,
    report_date: dt.date,
    digits_thai: bool = False,
    created: dt.datetime | None = None,
    provenance: Sequence[tuple[str, str]] = (),
) -> ReportContext:
    """The context of ``result``'s report in ``lang``."""

    def label(key: str, **params: object) -> str:
        return _label(labels, key, **params)

    def number(value: float | int | None, places: int) -> str:
        if value is None:
            return "–"
        text = f"{value:.{places}f}" if places else str(value)
        return thai_digits(text) if digits_thai and lang == "th" else text

    def text(value: Bilingual) -> Text:
        return Text(value.get(lang), lang)

    def user_text(value: str) -> Text:
        return Text(value, language_of(value))

    def date(value: dt.date) -> str:
        return format_date(value, lang, digits_thai=digits_thai)

    level_names = {level: text(name) for level, name in result.level_names.items()}
    indicators_by_id = rubric.indicators_by_id
    principles = {principle.id: principle for principle in rubric.principles}
    stages = {stage.id: stage for stage in rubric.stages}
    practices = catalogues.practices.by_id

    # --- evidence, numbered once for the whole report --------------------------------
    evidence_by_indicator: dict[str, list[EvidenceView]] = {}
    evidence_all: list[EvidenceView] = []
    codes = rubric.indicator_codes()
    for component in rubric.components:
        entry = assessment.components.get(component.id)
        for indicator in component.indicators:
            answer = entry.indicators.get(indicator.id) if entry else None
            for item in answer.evidence if answer else []:
                serial = len(evidence_all) + 1
                location = item.url or item.file or ""
                view = EvidenceView(
                    number=number(serial, 0),
                    anchor=f"evidence-{serial}",
                    indicator_code=number_code(codes[indicator.id], digits_thai and lang == "th"),
                    title=user_text(item.title) if item.title else Text(location, "en"),
                    href=item.url,
                    location=location,
                    public=item.public,
                    public_label=label("public") if item.public else label("not_public"),
                )
                evidence_all.append(view)
                evidence_by_indicator.setdefault(indicator.id, []).append(view)

    # --- components --------------------------------------------------------------------
    components: list[ComponentView] = []
    for component_result in result.components:
        component = rubric.components_by_id[component_result.id]
        entry = assessment.components.get(component.id)
        indicator_views = [
            _indicator_view(
                indicator_result,
                assessment_note=(
                    entry.indicators[indicator_result.id].note
                    if entry and indicator_result.id in entry.indicators
                    else None
                ),
                rubric=rubric,
                lang=lang,
                label=label,
                number=number,
                user_text=user_text,
                evidence=evidence_by_indicator.get(indicator_result.id, []),
                principle_names=", ".join(
                    principles[p].name.get(lang)
                    for p in indicators_by_id[indicator_result.id].principles
                    if p in principles
                ),
                stage=(
                    stages[stage_id].name.get(lang)
                    if (stage_id := indicators_by_id[indicator_result.id].stage) in stages
                    else None
                ),
                code=number_code(indicator_result.code, digits_thai and lang == "th"),
            )
            for indicator_result in component_result.indicators
        ]
        components.append(
            ComponentView(
                number=number(component_result.number, 0),
                anchor=f"component-{component_result.id}",
                heading=label(
                    "component_heading",
                    number=number(component_result.number, 0),
                    name=component.name.get(lang),
                ),
                name=text(component.name),
                definition=text(component.definition),
                scored=component_result.score is not None,
                facts=_component_facts(component_result, lang, label, number, level_names),
                note=user_text(entry.note) if entry and entry.note else None,
                indicators=indicator_views,
                drivers=_recommendations(
                    component_result, rubric, result.agenda, practices, lang, label, number
                ),
                target_reached=component_result.gap is not None and component_result.gap == 0,
            )
        )

    # --- summary -------------------------------------------------------------------------
    by_id = {c.id: c for c in result.components}
    top = [
        TopGap(
            rank=number(rank, 0),
            name=text(by_id[cid].name),
            gap=label("gap_levels", gap=number(by_id[cid].gap, 2)),
            anchor=f"component-{cid}",
        )
        for rank, cid in enumerate(result.top_gaps[:3], start=1)
    ]
    overall = result.overall
    overall_level = overall.level or 1
    overall_facts = [
        Field(label("mean_level"), Text(number(overall.mean_level, 2), lang)),
        Field(
            label("maturity_level"),
            Text(label("level_value", level=number(overall_level, 0), name=level_names[overall_level]), lang),
        ),
        Field(label("target_mean"), Text(number(overall.target_mean_level, 2), lang)),
        Field(label("gap"), Text(label("gap_levels", gap=number(overall.gap, 2)), lang)),
    ]
    summary = _summary(result, label, number, text, level_names, top)

    # --- charts --------------------------------------------------------------------------
    level_axis = [number(level, 0) for level in range(1, 6)]
    radar = radar_chart(
        [RadarAxis(number(c.number, 0), c.mean_level, c.target) for c in result.components],
        title=label("radar_title"),
        legend_as_is=label("legend_as_is"),
        legend_to_be=label("legend_to_be"),
        level_labels=level_axis,
    )
    radar_legend = [Text(f"{number(c.number, 0)}. {c.name.get(lang)}", lang) for c in result.components]
    ranked = [by_id[cid] for cid in result.top_gaps]
    gaps_chart = (
        gap_chart(
            [
                GapBar(f"{number(c.number, 0)}. {c.name.get(lang)}", c.gap or 0.0, number(c.gap, 2))
                for c in ranked
            ],
            title=label("gap_chart_title"),
            axis_labels=[whole_levels(label, step, number(step, 0)) for step in range(5)],
        )
        if ranked
        else None
    )

    # --- principles ----------------------------------------------------------------------
    principle_views = [
        PrincipleView(
            name=text(principle_result.name),
            definition=text(principles[principle_result.id].definition),
            score=number(principle_result.score, 1)
            if principle_result.score is not None
            else label("not_measured"),
            level=number(principle_result.mean_level, 2),
            pulled_down_by=[
                Text(
                    f"{number_code(codes[i], digits_thai and lang == 'th')} {indicators_by_id[i].question.get(lang)}",
                    lang,
                )
                for i in principle_result.weakest
            ],
        )
        for principle_result in result.principles
    ]

    # --- national context ---------------------------------------------------------------
    sources = {source.id: source for source in catalogues.indices.sources}
    index_views = [_index_view(index, label, number, lang, sources) for index in catalogues.indices.indices]
    dimension_names = {
        f"{index.id}.{dimension.id}": f"{dimension.name.get(lang)} ({index.name.get(lang)})"
        for index in catalogues.indices.indices
        for dimension in index.dimensions
    }
    weak = []
    for figure in result.weak_dimensions:
        parts = []
        if figure.value is not None and figure.dimension is not None:
            value = number(figure.value, 4 if figure.scale_max <= 1 else 1 if figure.value % 1 else 0)
            if figure.derived:
                value += " " + label("derived_mark")
            parts.append(
                label(
                    "weak_value",
                    dimension=figure.dimension.get(lang),
                    index=figure.index.get(lang),
                    edition=figure.edition or "",
                    value=value,
                    max=number(int(figure.scale_max), 0),
                )
            )
        if figure.finding is not None:
            source = sources.get(figure.source)
            parts.append(
                f"{label('finding')}: {figure.finding.get(lang)} ({label('source')}: {source.title if source else figure.source})"
            )
        weak.append(Text(" | ".join(parts), lang))
    alignments = [
        Text(
            label(
                "alignment_value",
                code=number_code(codes[a.indicator], digits_thai and lang == "th"),
                question=indicators_by_id[a.indicator].question.get(lang),
                gap=whole_levels(label, a.indicator_gap, number(a.indicator_gap, 0)),
                dimension=dimension_names.get(a.dimension, a.dimension),
            ),
            lang,
        )
        for a in result.alignments
    ]

    # --- cover ---------------------------------------------------------------------------
    fiscal_start = dt.date(result.round - 543 - 1, 10, 1)
    fiscal_end = dt.date(result.round - 543, 9, 30)
    round_text = label(
        "round_value",
        year=number(result.round, 0),
        start=f"{ENGLISH_MONTHS[fiscal_start.month - 1]} {fiscal_start.year}",
        end=f"{ENGLISH_MONTHS[fiscal_end.month - 1]} {fiscal_end.year}",
    )
    rubric_text = label("rubric_value", name=rubric.name.get(lang), version=number(rubric.version, 0))
    cover = [
        Field(label("unit_code"), Text(result.unit_code, "en")),
        Field(label("agenda"), text(result.agenda_name)),
        Field(label("round"), Text(round_text, lang)),
        Field(label("rubric"), Text(rubric_text, lang)),
        Field(label("assessment_date"), Text(date(result.date), lang)),
        Field(label("report_date"), Text(date(report_date), lang)),
    ]
    assessors = [
        user_text(", ".join(part for part in (person.name, person.role, person.org) if part))
        for person in assessment.assessors
    ]
    inputs = label(
        "inputs_value",
        file=result.inputs.file,
        sha=result.inputs.sha256,
        rubric=result.inputs.rubric_id,
        version=result.inputs.rubric_version,
        rubric_sha=result.inputs.rubric_sha256,
    )
    method_text = labels["method_text"]
    return ReportContext(
        lang=lang,
        labels=labels,
        title=f"{label('report_title')}: {result.unit_name.get(lang)}",
        unit_name=text(result.unit_name),
        unit_code=result.unit_code,
        running_head=f"{result.unit_name.get(lang)} · {result.agenda_name.get(lang)} · {round_text}",
        cover=cover,
        assessors=assessors,
        prepared_with=label(
            "prepared_with", version=result.inputs.tool_version, method=result.inputs.method_version
        ),
        overall_score=number(overall.score, 1),
        overall_level=label("level_value", level=number(overall_level, 0), name=level_names[overall_level]),
        overall_facts=overall_facts,
        summary=summary,
        top_gaps=top,
        radar=radar,
        radar_legend=radar_legend,
        gaps_chart=gaps_chart,
        components=components,
        principles=principle_views,
        indices=index_views,
        weak_dimensions=weak,
        alignments=alignments,
        method=[str(paragraph) for paragraph in method_text] if isinstance(method_text, list) else [],
        inputs=inputs,
        evidence=evidence_all,
        page_label=label("page"),
        of_label=label("of"),
        thai_digits=digits_thai and lang == "th",
        created=created.isoformat() if created else "",
        provenance=tuple(provenance),
    )


def number_code(code: str, digits_thai: bool) -> str:
    """An indicator's display number, ``2.3``, in Thai digits when asked."""
    return thai_digits(code) if digits_thai else code


def _component_facts(
    component: ComponentResult,
    lang: Lang,
    label: Callable[..., str],
    number: Callable[[float | int | None, int], str],
    level_names: Mapping[int, Text],
) -> list[Field]:
    confidence = component.confidence
    target_source = label(
        "target_from_assessment" if component.target_source == "assessment" else "target_from_rubric"
    )
    facts = [
        Field(label("score"), Text(f"{number(component.score, 1)} {label('out_of_100')}", lang)),
        Field(label("mean_level"), Text(number(component.mean_level, 2), lang)),
    ]
    if component.level is not None:
        facts.append(
            Field(
                label("maturity_level"),
                Text(
                    label("level_value", level=number(component.level, 0), name=level_names[component.level]),
                    lang,
                ),
            )
        )
    facts += [
        Field(
            label("target"),
            Text(
                f"{label('level_value', level=number(component.target, 0), name=level_names[component.target])} ({target_source})",
                lang,
            ),
        ),
        Field(label("gap"), Text(label("gap_levels", gap=number(component.gap, 2)), lang)),
    ]
    if component.priority_rank is not None:
        facts.append(
            Field(
                label("priority"),
                Text(label("priority_value", rank=number(component.priority_rank, 0)), lang),
            )
        )
    facts.append(
        Field(
            label("evidence_confidence"),
            Text(
                label(
                    "confidence_value",
                    label=label(f"confidence_{confidence.label}"),
                    evidenced=number(confidence.evidenced, 0),
                    scored=number(confidence.scored, 0),
                    public=number(confidence.public, 0),
                ),
                lang,
            ),
        )
    )
    return facts


def _indicator_view(
    result: IndicatorResult,
    *,
    assessment_note: str | None,
    rubric: Rubric,
    lang: Lang,
    label: Callable[..., str],
    number: Callable[[float | int | None, int], str],
    user_text: Callable[[str], Text],
    evidence: list[EvidenceView],
    principle_names: str,
    stage: str | None,
    code: str,
) -> IndicatorView:
    indicator = rubric.indicators_by_id[result.id]
    current = indicator.levels[result.level] if result.level is not None else None
    show_target = result.level is not None and result.target > result.level
    return IndicatorView(
        code=code,
        question=Text(indicator.question.get(lang), lang),
        level=(
            label("not_applicable")
            if result.not_applicable
            else label(
                "level_value", level=number(result.level, 0), name=rubric.levels[result.level].get(lang)
            )
            if result.level is not None
            else "–"
        ),
        not_applicable=result.not_applicable,
        reason=user_text(result.reason) if result.reason else None,
        current=Text(current.get(lang), lang) if current is not None else None,
        target=Text(indicator.levels[result.target].get(lang), lang) if show_target else None,
        target_level=label(
            "level_value", level=number(result.target, 0), name=rubric.levels[result.target].get(lang)
        ),
        gap=whole_levels(label, result.gap, number(result.gap, 0)) if result.gap is not None else "–",
        principles=principle_names,
        stage=stage,
        note=user_text(assessment_note) if assessment_note else None,
        evidence=evidence,
        unsupported=result.unsupported,
    )


def _recommendations(
    component: ComponentResult,
    rubric: Rubric,
    agenda: str,
    practices: Mapping[str, object],
    lang: Lang,
    label: Callable[..., str],
    number: Callable[[float | int | None, int], str],
) -> list[DriverGroup]:
    """The steps from the component's level up to its target that suit the unit's agenda,
    grouped by driver level."""
    if component.level is None or component.level >= component.target:
        return []
    steps = range(component.level, component.target)
    chosen = [
        r
        for r in rubric.components_by_id[component.id].recommendations
        if r.from_level in steps and r.applies_to(agenda)
    ]
    groups = []
    for driver in rubric.drivers:
        members = sorted((r for r in chosen if r.driver == driver.id), key=lambda r: r.from_level)
        if not members:
            continue
        views = []
        for recommendation in members:
            practice = practices.get(recommendation.practice) if recommendation.practice else None
            views.append(
                RecommendationView(
                    from_level=label("from_level", level=number(recommendation.from_level, 0)),
                    text=Text(recommendation.text.get(lang), lang),
                    practice=(
                        PracticeView(
                            name=Text(practice.name.get(lang), lang),  # type: ignore[attr-defined]
                            where=Text(practice.where.get(lang), lang),  # type: ignore[attr-defined]
                            url=practice.url,  # type: ignore[attr-defined]
                        )
                        if practice is not None
                        else None
                    ),
                )
            )
        groups.append(DriverGroup(Text(driver.name.get(lang), lang), views))
    return groups


def whole_levels(label: Callable[..., str], count: int, shown: str) -> str:
    """``1 level``, ``3 levels``: a whole number of levels, ``shown`` as the report writes it."""
    return str(label("gap_level_one" if count == 1 else "gap_levels", gap=shown))


def join_list(items: Sequence[str], label: Callable[..., str]) -> str:
    """``A, B and C`` in English, ``A B และ C`` in Thai (the labels say how)."""
    if len(items) <= 1:
        return "".join(items)
    return str(label("list_separator")).join(items[:-1]) + str(label("list_and")) + items[-1]


def _summary(
    result: UnitResult,
    label: Callable[..., str],
    number: Callable[[float | int | None, int], str],
    text: Callable[[Bilingual], Text],
    level_names: Mapping[int, Text],
    top: Sequence[TopGap],
) -> list[Text]:
    """The paragraph a governor reads in a minute, sentence by sentence."""
    lang = text(result.unit_name).lang
    overall = result.overall
    sentences = [
        label(
            "summary_text",
            unit=result.unit_name.get(lang),
            score=number(overall.score, 1),
            level=number(overall.level, 0),
            level_name=level_names[overall.level or 1],
            target=number(overall.target_mean_level, 2),
            gap=number(overall.gap, 2),
        )
    ]
    if top:
        items = [f"{gap.name} ({gap.gap})" for gap in top]
        sentences.append(label("summary_top", items=join_list(items, label)))
    else:
        sentences.append(label("summary_none"))
    scored = [c for c in result.components if c.mean_level is not None]
    if scored:
        best = max(scored, key=lambda c: (c.mean_level or 0, -c.number))
        sentences.append(label("summary_best", name=best.name.get(lang), level=number(best.mean_level, 2)))
    totals = [c.confidence for c in result.components]
    scored_count = sum(c.scored for c in totals)
    if scored_count:
        evidenced = round(100 * sum(c.evidenced for c in totals) / scored_count)
        public = round(100 * sum(c.public for c in totals) / scored_count)
        sentences.append(label("summary_evidence", evidenced=number(evidenced, 0), public=number(public, 0)))
    unsupported = sum(1 for c in result.components for i in c.indicators if i.unsupported)
    if unsupported:
        sentences.append(label("summary_unsupported", count=number(unsupported, 0)))
    if result.alignments:
        refs = []
        for alignment in result.alignments:
            figure = next(f for f in result.weak_dimensions if f.ref == alignment.dimension)
            name = figure.dimension.get(lang) if figure.dimension else figure.index.get(lang)
            if name not in refs:
                refs.append(name)
        sentences.append(label("summary_alignment", items=join_list(refs, label)))
    return [Text(" ".join(sentences), lang)]


def _index_view(
    index: Index,
    label: Callable[..., str],
    number: Callable[[float | int | None, int], str],
    lang: Lang,
    sources: Mapping[str, object],
) -> IndexView:
    places = 4 if index.scale_max <= 1 else 2
    for edition in index.editions:
        result = next((r for r in edition.results if r.country == "THA"), None)
        if result is None:
            continue
        derived = " " + label("derived_mark")
        figure_parts = []
        if result.rank is not None:
            tied = label("tied") if result.rank_tied else ""
            rank = (
                label(
                    "rank_value",
                    rank=number(result.rank, 0),
                    tied=tied,
                    countries=number(edition.countries, 0),
                )
                if edition.countries
                else label("rank_value_no_total", rank=number(result.rank, 0), tied=tied)
            )
            figure_parts.append(rank + (derived if "rank" in result.derived else ""))
        if result.score is not None:
            score = label(
                "score_value",
                score=_figure(result.score, places, number),
                max=_figure(index.scale_max, 0, number),
            )
            figure_parts.append(score + (derived if "score" in result.derived else ""))
        names = {d.id: d.name.get(lang) for d in index.dimensions}
        dimensions = [
            f"{names.get(key, key)} {_figure(value, places, number)}"
            + (derived if key in result.derived else "")
            for key, value in result.dimensions.items()
        ]
        source = sources.get(edition.source)
        return IndexView(
            name=Text(index.name.get(lang), lang),
            publisher=Text(index.publisher.get(lang), lang),
            scale=Text(index.scale.get(lang), lang),
            edition=edition.edition,
            figure=", ".join(figure_parts),
            dimensions=dimensions,
            source=getattr(source, "title", edition.source),
            note=Text(index.not_published.get(lang), lang) if index.not_published else None,
        )
    return IndexView(
        name=Text(index.name.get(lang), lang),
        publisher=Text(index.publisher.get(lang), lang),
        scale=Text(index.scale.get(lang), lang),
        edition="–",
        figure=label("not_published"),
        dimensions=[],
        source="",
        note=Text(index.not_published.get(lang), lang) if index.not_published else None,
    )


def _figure(value: float, places: int, number: Callable[[float | int | None, int], str]) -> str:
    """A published figure with as many decimals as it has, up to ``places``."""
    if float(value).is_integer():
        return number(int(value), 0)
    text = f"{value:.{places}f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return number(value, decimals)
