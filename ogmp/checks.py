"""Checks that need more than one file: rubrics against the shared catalogues,
assessments against their rubric. Pure functions returning located problems.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ogmp.diagnostics import KeyPath, Problem, Severity, shown
from ogmp.messages import Message
from ogmp.models.assessment import NOT_APPLICABLE, Assessment, Unit
from ogmp.models.catalogue import PROVINCE_CODE, Catalogues, IndexCatalogue
from ogmp.models.common import Bilingual
from ogmp.models.rubric import Component, Recommendation, Rubric
from ogmp.thai import format_date
from ogmp.yamlsource import YamlDocument

if TYPE_CHECKING:  # reviews and plans are imported only where a file has them: `validate` starts sooner
    from ogmp.models.plan import Kpi, Plan
    from ogmp.models.review import Binding, Decision, Review
    from ogmp.reviews import IndicatorVerdict

MAX_COMPONENT_SHARE = 50  # percent of the rubric's total weight


def did_you_mean(value: str, choices: Iterable[str]) -> Message | str:
    """A "did you mean ...?" hint, or nothing when no choice is close."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return Message("field.unknown.hint", suggestion=close[0]) if close else ""


# --- rubrics ----------------------------------------------------------------------


def check_rubric(document: YamlDocument, rubric: Rubric, catalogues: Catalogues) -> list[Problem]:
    """Everything about a rubric that its model alone cannot see."""
    problems: list[Problem] = []
    problems += _unique_ids(
        document, [(("principles", i, "id"), p.id) for i, p in enumerate(rubric.principles)]
    )
    problems += _unique_ids(document, [(("drivers", i, "id"), d.id) for i, d in enumerate(rubric.drivers)])
    problems += _unique_ids(document, [(("stages", i, "id"), s.id) for i, s in enumerate(rubric.stages)])
    problems += _unique_ids(
        document, [(("components", i, "id"), c.id) for i, c in enumerate(rubric.components)]
    )
    problems += _unique_ids(
        document,
        [
            (("components", ci, "indicators", ii, "id"), indicator.id)
            for ci, component in enumerate(rubric.components)
            for ii, indicator in enumerate(component.indicators)
        ],
    )

    principles = [p.id for p in rubric.principles]
    drivers = [d.id for d in rubric.drivers]
    stages = [s.id for s in rubric.stages]
    practices = list(catalogues.practices.by_id)
    agendas = list(catalogues.agendas.by_id)
    dimensions = catalogues.indices.dimension_refs()

    def unknown(path: KeyPath, value: str, kind: str, known: list[str]) -> Problem:
        message = Message(
            "rubric.unknown_ref",
            value=value,
            kind=Message(f"rubric.kind.{kind}"),
            hint=did_you_mean(value, known),
            available=", ".join(known),
        )
        return document.problem(path, message)

    total_weight = sum(component.weight for component in rubric.components)
    for ci, component in enumerate(rubric.components):
        base: KeyPath = ("components", ci)
        count = len(component.indicators)
        if not 3 <= count <= 5:
            problems.append(
                document.problem(
                    (*base, "indicators"),
                    Message("rubric.indicator_count", value=component.id, count=count),
                    key=True,
                )
            )
        share = 100 * component.weight / total_weight
        if len(rubric.components) > 2 and share > MAX_COMPONENT_SHARE:
            problems.append(
                document.problem(
                    (*base, "weight"),
                    Message(
                        "rubric.weight_share",
                        value=component.id,
                        share=round(share),
                        limit=MAX_COMPONENT_SHARE,
                    ),
                )
            )
        for ii, indicator in enumerate(component.indicators):
            where: KeyPath = (*base, "indicators", ii)
            for pi, principle in enumerate(indicator.principles):
                if principle not in principles:
                    problems.append(unknown((*where, "principles", pi), principle, "principle", principles))
            if indicator.stage is not None and indicator.stage not in stages:
                problems.append(unknown((*where, "stage"), indicator.stage, "stage", stages))
            if indicator.stage is None and "participation" in indicator.principles and stages:
                problems.append(
                    document.problem(
                        (*where, "id"), Message("rubric.participation_stage", value=indicator.id)
                    )
                )
            for xi, ref in enumerate(indicator.indices):
                if ref not in dimensions:
                    problems.append(unknown((*where, "indices", xi), ref, "index", dimensions))
        lifted = {recommendation.from_level for recommendation in component.recommendations}
        for level in (1, 2, 3, 4):
            if level not in lifted:
                problems.append(
                    _warning(
                        document,
                        (*base, "recommendations"),
                        Message("rubric.recommendation_gap", value=component.id, level=level),
                    )
                )
        for ri, recommendation in enumerate(component.recommendations):
            where = (*base, "recommendations", ri)
            if recommendation.driver not in drivers:
                problems.append(unknown((*where, "driver"), recommendation.driver, "driver", drivers))
            if recommendation.practice is not None and recommendation.practice not in practices:
                problems.append(unknown((*where, "practice"), recommendation.practice, "practice", practices))
            for ai, agenda in enumerate(recommendation.agendas):
                if agenda not in agendas:
                    problems.append(unknown((*where, "agendas", ai), agenda, "agenda", agendas))
            indicator_ids = list(dict.fromkeys(indicator.id for indicator in component.indicators))
            if not recommendation.indicators:
                problems.append(
                    document.problem(where, Message("rubric.recommendation_lifts_nothing"), key=True)
                )
            for ii, lifted_id in enumerate(recommendation.indicators):
                if lifted_id not in indicator_ids:
                    problems.append(
                        unknown((*where, "indicators", ii), lifted_id, "indicator", indicator_ids)
                    )
            problems += _fitting(document, where, recommendation, catalogues)
        problems += _labelled_examples(document, base, component, catalogues)
    return problems


def _fitting(
    document: YamlDocument, where: KeyPath, recommendation: Recommendation, catalogues: Catalogues
) -> list[Problem]:
    """A recommendation that names an agenda's own things or a kind of unit's own offices must
    be tagged for that agenda or kind: Bangkok is not told what its provincial governor should do."""
    problems = []
    for agenda in catalogues.agendas.agendas:
        found = agenda.words.found_in(recommendation.text)
        if found and agenda.id not in recommendation.agendas:
            message = Message("rubric.untagged_agenda", word=found[0], agenda=agenda.id)
            problems.append(document.problem((*where, "text"), message, key=True))
    for kind in catalogues.units.kinds:
        found = kind.actors.found_in(recommendation.text)
        if found and kind.id not in recommendation.kinds:
            message = Message("rubric.untagged_kind", word=found[0], kind=kind.id)
            problems.append(document.problem((*where, "text"), message, key=True))
    return problems


def _labelled_examples(
    document: YamlDocument, base: KeyPath, component: Component, catalogues: Catalogues
) -> list[Problem]:
    """A definition, question or level descriptor written for every agenda may give an
    agenda's example only as one, marked with the agenda's label (``วาระ PM2.5``)."""
    texts: list[tuple[KeyPath, Bilingual]] = [((*base, "definition"), component.definition)]
    for ii, indicator in enumerate(component.indicators):
        where: KeyPath = (*base, "indicators", ii)
        texts.append(((*where, "question"), indicator.question))
        if indicator.short is not None:
            texts.append(((*where, "short"), indicator.short))
        if indicator.evidence_hint is not None:
            texts.append(((*where, "evidence_hint"), indicator.evidence_hint))
        texts += [((*where, "levels", level), text) for level, text in indicator.levels.items()]
    problems = []
    for path, text in texts:
        for agenda in catalogues.agendas.agendas:
            found = agenda.words.found_in(text)
            label = agenda.label
            if found and (
                label is None or label.th not in text.th or label.en.lower() not in text.en.lower()
            ):
                shown_label = label.th if label is not None else agenda.id
                message = Message("rubric.unlabelled_example", word=found[0], label=shown_label)
                problems.append(document.problem(path, message, key=True))
    return problems


def _unique_ids(document: YamlDocument, entries: list[tuple[KeyPath, str]]) -> Iterator[Problem]:
    first: dict[str, KeyPath] = {}
    for path, value in entries:
        if value in first:
            first_line = document.source.locate(first[value]).line
            yield document.problem(path, Message("rubric.duplicate_id", value=value, first_line=first_line))
        else:
            first[value] = path


def _warning(document: YamlDocument, path: KeyPath, message: Message) -> Problem:
    return Problem(document.shown, document.source.locate(path, key=True), path, message, Severity.WARNING)


# --- catalogues ----------------------------------------------------------------------


def check_indices(document: YamlDocument, catalogue: IndexCatalogue) -> list[Problem]:
    """Every edition and finding names a known source; no edition predates the first."""
    problems: list[Problem] = []
    sources = [source.id for source in catalogue.sources]
    problems += _unique_ids(document, [(("sources", i, "id"), s.id) for i, s in enumerate(catalogue.sources)])
    problems += _unique_ids(document, [(("indices", i, "id"), x.id) for i, x in enumerate(catalogue.indices)])

    def source_problem(path: KeyPath, value: str) -> Problem:
        message = Message(
            "rubric.unknown_ref",
            value=value,
            kind=Message("rubric.kind.source"),
            hint=did_you_mean(value, sources),
            available=", ".join(sources),
        )
        return document.problem(path, message)

    for xi, index in enumerate(catalogue.indices):
        seen: dict[dt.date, int] = {}
        for ei, edition in enumerate(index.editions):
            where: KeyPath = ("indices", xi, "editions", ei)
            if edition.source not in sources:
                problems.append(source_problem((*where, "source"), edition.source))
            day = edition.published.day
            if day in seen:
                first_line = document.source.locate(("indices", xi, "editions", seen[day])).line
                message = Message("catalogue.same_publication", first_line=first_line)
                problems.append(document.problem((*where, "published"), message))
            seen.setdefault(day, ei)
            first = index.first_published
            if first is not None and day < first.day:
                message = Message("catalogue.before_first", value=index.id)
                problems.append(document.problem((*where, "published"), message))
        for fi, finding in enumerate(index.findings):
            if finding.source not in sources:
                problems.append(source_problem(("indices", xi, "findings", fi, "source"), finding.source))
    return problems


# --- assessments --------------------------------------------------------------------


def _local_unit_problems(document: YamlDocument, unit: Unit, catalogues: Catalogues) -> list[Problem]:
    """A local administration names its type and its province; no other unit does."""
    if unit.kind != "local":
        return [
            document.problem(("unit", name), Message("unit.local_only", field=name), key=True)
            for name in ("local_type", "parent")
            if getattr(unit, name) is not None
        ]
    problems = []
    if unit.local_type is None:
        problems.append(document.problem(("unit",), Message("unit.local_type_missing"), key=True))
    if unit.parent is None:
        problems.append(document.problem(("unit",), Message("unit.parent_missing"), key=True))
    elif unit.parent not in catalogues.provinces.by_code:
        problems.append(
            document.problem(("unit", "parent"), Message("unit.parent_unknown", value=unit.parent))
        )
    return problems


def check_assessment_header(
    document: YamlDocument,
    assessment: Assessment,
    catalogues: Catalogues,
    *,
    partial: bool,
    today: dt.date,
) -> list[Problem]:
    """The unit, agenda, date and assessors, which do not depend on the rubric."""
    problems: list[Problem] = []
    agendas = catalogues.agendas.by_id
    if assessment.agenda not in agendas:
        problems.append(
            document.problem(
                ("agenda",),
                Message(
                    "agenda.unknown",
                    value=assessment.agenda,
                    hint=did_you_mean(assessment.agenda, agendas),
                    available=", ".join(agendas),
                ),
            )
        )

    unit = assessment.unit
    is_province_code = PROVINCE_CODE.fullmatch(unit.code) is not None
    if unit.kind == "province":
        province = catalogues.provinces.by_code.get(unit.code)
        if province is None:
            problems.append(
                document.problem(("unit", "code"), Message("unit.province_unknown", value=unit.code))
            )
        elif province.name.th not in unit.name.th:
            problems.append(
                _warning(
                    document,
                    ("unit", "name", "th"),
                    Message(
                        "unit.province_name",
                        code=unit.code,
                        expected=Bilingual(th=province.as_unit.th, en=province.as_unit.en),
                        value=unit.name.th,
                    ),
                )
            )
    elif is_province_code:
        problems.append(document.problem(("unit", "kind"), Message("unit.province_kind", value=unit.code)))
    problems += _local_unit_problems(document, unit, catalogues)

    if assessment.date is None:
        if not partial:
            problems.append(document.problem(("date",), Message("date.missing")))
    elif assessment.date > today:
        written = document.data.get("date") if isinstance(document.data, dict) else None
        message = Message(
            "date.future",
            value=str(written or assessment.date.isoformat()).strip(),
            date=_BilingualDate(assessment.date),
        )
        problems.append(_warning(document, ("date",), message))
    if not assessment.assessors and not partial:
        problems.append(document.problem(("assessors",), Message("assessors.missing")))
    return problems


@dataclass(frozen=True)
class _BilingualDate:
    """A date as a message parameter: in words, B.E. in Thai, C.E. in English."""

    date: dt.date

    @property
    def th(self) -> str:
        return format_date(self.date, "th")

    @property
    def en(self) -> str:
        return format_date(self.date, "en")


@dataclass(frozen=True)
class Progress:
    """How much of a rubric an assessment has scored."""

    scored: int
    total: int


def check_assessment_scores(
    document: YamlDocument, assessment: Assessment, rubric: Rubric, *, partial: bool
) -> tuple[list[Problem], Progress]:
    """Components and indicators against the rubric; levels, reasons and evidence."""
    problems: list[Problem] = []
    components = rubric.components_by_id
    codes = rubric.indicator_codes()
    scored = with_level = 0
    folder = document.path.parent

    for component_id, entry in assessment.components.items():
        base: KeyPath = ("components", component_id)
        component = components.get(component_id)
        if component is None:
            problems.append(
                document.problem(
                    base,
                    Message(
                        "component.unknown",
                        rubric=rubric.label,
                        value=component_id,
                        hint=did_you_mean(component_id, components),
                    ),
                    key=True,
                )
            )
            continue
        indicator_ids = [indicator.id for indicator in component.indicators]
        for indicator_id, answer in entry.indicators.items():
            where: KeyPath = (*base, "indicators", indicator_id)
            if indicator_id not in indicator_ids:
                problems.append(
                    document.problem(
                        where,
                        Message(
                            "indicator.unknown",
                            component=component_id,
                            rubric=rubric.label,
                            value=indicator_id,
                            hint=did_you_mean(indicator_id, indicator_ids),
                        ),
                        key=True,
                    )
                )
                continue
            if answer.level is None:
                if not partial:
                    problems.append(document.problem((*where, "level"), Message("level.missing")))
            else:
                scored += 1
                with_level += answer.level != NOT_APPLICABLE
            if answer.level == NOT_APPLICABLE and answer.reason is None:
                problems.append(document.problem((*where, "level"), Message("level.na_needs_reason")))
            if answer.reason is not None and answer.level not in (NOT_APPLICABLE, None):
                problems.append(
                    document.problem((*where, "reason"), Message("level.reason_without_na"), key=True)
                )
            for ei, item in enumerate(answer.evidence):
                if (item.url is None) == (item.file is None):
                    problems.append(
                        document.problem((*where, "evidence", ei), Message("evidence.one_source"))
                    )
                elif partial and item.file is not None and not (folder / item.file).is_file():
                    # While the team fills the file in, its evidence is at hand; the secretariat
                    # receives the file alone, so a complete file is not checked for them.
                    message = Message("evidence.file_not_found", value=item.file, folder=shown(folder))
                    problems.append(_warning(document, (*where, "evidence", ei, "file"), message))
        if not partial:
            for indicator in component.indicators:
                if indicator.id not in entry.indicators:
                    problems.append(
                        document.problem(
                            (*base, "indicators", indicator.id),
                            Message("indicator.missing", value=indicator.id, code=codes[indicator.id]),
                        )
                    )

    if not partial:
        for component in rubric.components:
            if component.id not in assessment.components:
                problems.append(
                    document.problem(
                        ("components", component.id),
                        Message("component.missing", value=component.id, name=component.name),
                    )
                )
    total = sum(len(component.indicators) for component in rubric.components)
    if total and scored == total and not with_level:
        problems.append(document.problem(("components",), Message("assessment.nothing_scored"), key=True))
    return problems, Progress(scored, total)


# --- reviews and decisions ----------------------------------------------------------


def _same_person(left: str, right: str) -> bool:
    return " ".join(left.split()).casefold() == " ".join(right.split()).casefold()


def check_review(
    document: YamlDocument, review: Review, assessment: Assessment, assessment_document: YamlDocument
) -> list[Problem]:
    """A review against the assessment it reviews: bound to it, by someone who did not assess
    it, about indicators it has, with a reason wherever the level differs, and whether each
    verdict still matches the unit's answer."""
    from ogmp.reviews import entry_digest

    problems = _binding(
        document, ("review",), review.review, assessment_document, "review.assessment_changed"
    )
    reviewer = review.review.reviewer
    for assessor in assessment.assessors:
        if _same_person(assessor.name, reviewer.name):
            message = Message("review.reviewer_is_assessor", name=reviewer.name)
            problems.append(document.problem(("review", "reviewer", "name"), message))
    entries = {(c, i): entry for c, i, entry in assessment.entries()}
    by_indicator = {i: c for c, i in entries}
    for component_id, component in review.components.items():
        for indicator_id, verdict in component.indicators.items():
            where: KeyPath = ("components", component_id, "indicators", indicator_id)
            entry = entries.get((component_id, indicator_id))
            if entry is None:
                problems.append(_unknown_indicator(document, where, component_id, indicator_id, by_indicator))
                continue
            if verdict.level is not None and verdict.level != verdict.unit_level and verdict.reason is None:
                problems.append(document.problem((*where, "level"), Message("review.reason_required")))
            if verdict.reply is not None and not verdict.reply.agree and verdict.reply.reason is None:
                problems.append(
                    document.problem((*where, "reply", "agree"), Message("reply.reason_required"))
                )
            if verdict.level is not None and verdict.unit_entry != entry_digest(entry):
                message = Message("review.stale", value=indicator_id)
                problems.append(_warning(document, (*where, "unit_entry"), message))
    return problems


def check_decision(
    document: YamlDocument,
    decision: Decision,
    assessment: Assessment,
    assessment_document: YamlDocument,
    found: Mapping[str, IndicatorVerdict],
) -> list[Problem]:
    """A decision against its assessment: bound to it, and only on indicators in dispute."""
    problems = _binding(
        document, ("decision",), decision.decision, assessment_document, "decision.assessment_changed"
    )
    entries = {(c, i) for c, i, _ in assessment.entries()}
    by_indicator = {i: c for c, i in entries}
    for component_id, component in decision.components.items():
        for indicator_id in component.indicators:
            where: KeyPath = ("components", component_id, "indicators", indicator_id)
            if (component_id, indicator_id) not in entries:
                problems.append(_unknown_indicator(document, where, component_id, indicator_id, by_indicator))
                continue
            verdict = found.get(indicator_id)
            if verdict is None or not verdict.disputed:
                stale = verdict is not None and verdict.stale
                message = Message("decision.stale" if stale else "decision.undisputed", value=indicator_id)
                problems.append(
                    _warning(document, where, message)
                    if stale
                    else document.problem(where, message, key=True)
                )
    return problems


def _binding(
    document: YamlDocument, base: KeyPath, binding: Binding, assessment: YamlDocument, changed: str
) -> list[Problem]:
    if binding.assessment != assessment.path.name:
        message = Message("review.other_file", value=binding.assessment, expected=assessment.path.name)
        return [document.problem((*base, "assessment"), message)]
    if binding.sha256 != assessment.sha256:
        return [_warning(document, (*base, "sha256"), Message(changed))]
    return []


def _unknown_indicator(
    document: YamlDocument,
    where: KeyPath,
    component_id: str,
    indicator_id: str,
    by_indicator: Mapping[str, str],
) -> Problem:
    if indicator_id in by_indicator:
        message = Message("review.wrong_component", value=indicator_id, component=by_indicator[indicator_id])
    else:
        message = Message(
            "review.unknown_indicator",
            value=indicator_id,
            hint=did_you_mean(indicator_id, by_indicator),
        )
    return document.problem(where, message, key=True)


# --- action plans ------------------------------------------------------------------------


def check_plan(
    document: YamlDocument,
    plan: Plan,
    assessment: Assessment,
    assessment_document: YamlDocument,
    rubric: Rubric,
    *,
    today: dt.date,
) -> list[Problem]:
    """An action plan against the assessment it was made from: for that unit, agenda and round;
    about indicators the rubric has; dates in order; KPIs with a dated baseline and a target on
    the better side of it; progress entries about the action's own KPIs, none in the future."""
    header = plan.plan
    problems: list[Problem] = []
    if header.assessment != assessment_document.path.name:
        message = Message("plan.other_file", value=header.assessment, expected=assessment_document.path.name)
        problems.append(document.problem(("plan", "assessment"), message))
    for key, given, expected in (
        ("unit", header.unit, assessment.unit.code),
        ("agenda", header.agenda, assessment.agenda),
        ("round", header.round, assessment.round),
    ):
        if given != expected:
            message = Message(
                "plan.other_unit", value=given, expected=expected, file=assessment_document.path.name
            )
            problems.append(document.problem(("plan", key), message))
    problems += _unique_ids(
        document, [(("actions", i, "id"), action.id) for i, action in enumerate(plan.actions)]
    )
    indicators = {indicator.id for component in rubric.components for indicator in component.indicators}
    recommendations = {
        f"{component.id}.{number}"
        for component in rubric.components
        for number, _ in enumerate(component.recommendations, start=1)
    }
    for a, action in enumerate(plan.actions):
        where: KeyPath = ("actions", a)
        for i, indicator_id in enumerate(action.indicators):
            if indicator_id not in indicators:
                hint = did_you_mean(indicator_id, indicators)
                message = Message("plan.unknown_indicator", value=indicator_id, rubric=rubric.id, hint=hint)
                problems.append(document.problem((*where, "indicators", i), message))
        if action.recommendation is not None and action.recommendation not in recommendations:
            message = Message("plan.unknown_recommendation", value=action.recommendation, rubric=rubric.id)
            problems.append(_warning(document, (*where, "recommendation"), message))
        if action.due < action.start:
            message = Message("plan.due_before_start", start=_BilingualDate(action.start))
            problems.append(document.problem((*where, "due"), message))
        problems += _unique_ids(
            document, [((*where, "kpis", k, "id"), kpi.id) for k, kpi in enumerate(action.kpis)]
        )
        for k, kpi in enumerate(action.kpis):
            problems += _kpi_problems(document, (*where, "kpis", k), kpi)
        kpi_ids = [kpi.id for kpi in action.kpis]
        for p, entry in enumerate(action.progress):
            if entry.date > today:
                message = Message("plan.progress_future", today=_BilingualDate(today))
                problems.append(document.problem((*where, "progress", p, "date"), message))
            for kpi_id in entry.kpis:
                if kpi_id not in kpi_ids:
                    message = Message(
                        "plan.unknown_kpi",
                        value=kpi_id,
                        known=", ".join(kpi_ids) or "-",
                        hint=did_you_mean(kpi_id, kpi_ids),
                    )
                    problems.append(
                        document.problem((*where, "progress", p, "kpis", kpi_id), message, key=True)
                    )
    return problems


def _kpi_problems(document: YamlDocument, where: KeyPath, kpi: Kpi) -> list[Problem]:
    problems = []
    baseline, target = kpi.baseline, kpi.target
    if baseline.date is None:
        problems.append(document.problem((*where, "baseline"), Message("plan.baseline_date"), key=True))
    elif target.date <= baseline.date:
        message = Message("plan.target_before_baseline", baseline=_BilingualDate(baseline.date))
        problems.append(document.problem((*where, "target", "date"), message))
    better = target.value > baseline.value if kpi.direction == "higher" else target.value < baseline.value
    if not better:
        code = "plan.target_not_higher" if kpi.direction == "higher" else "plan.target_not_lower"
        message = Message(code, baseline=_number(baseline.value), target=_number(target.value))
        problems.append(document.problem((*where, "target", "value"), message))
    return problems


def check_plan_follow_up(
    document: YamlDocument, plan: Plan, report_date: dt.date, report: str
) -> list[Problem]:
    """Warnings for the progress entries the follow-up in the next round's report (of
    ``report_date``) cannot count, because they are dated after it."""
    problems = []
    for a, action in enumerate(plan.actions):
        for p, entry in enumerate(action.progress):
            if entry.date > report_date:
                message = Message(
                    "plan.progress_after_report", report=report, date=_BilingualDate(report_date)
                )
                where: KeyPath = ("actions", a, "progress", p, "date")
                problems.append(document.problem(where, message, severity=Severity.WARNING))
    return problems


def _number(value: float) -> str:
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"
