"""``ogmp review init`` and ``ogmp review decide``: the files a reviewer and the secretariat fill in.

A review file lists every indicator of the assessment with the unit's level and evidence as
comments, bound to the assessment by its SHA-256 and to each answer by a digest, so that a
later change to the assessment is seen indicator by indicator. A decision file lists only the
indicators in dispute.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ogmp import filenames
from ogmp.diagnostics import shown
from ogmp.errors import InvalidInputError, OutputError, UsageError
from ogmp.messages import Lang, Message, tr
from ogmp.models.assessment import NOT_APPLICABLE, IndicatorEntry
from ogmp.models.rubric import Rubric
from ogmp.output import write_atomic, write_new
from ogmp.registry import Registry
from ogmp.reviews import entry_digest, verdicts
from ogmp.scaffold import comment_lines, yaml_scalar
from ogmp.schema import DECISION_SCHEMA, REVIEW_SCHEMA, companion_schema_text
from ogmp.validate import CheckedFile, validate_file


@dataclass(frozen=True)
class Written:
    """What ``review init`` or ``review decide`` wrote."""

    path: Path
    schema_path: Path | None
    indicators: int


def _checked(path: Path, registry: Registry, today: dt.date) -> CheckedFile:
    checked = validate_file(path, registry, today=today)
    if not checked.ok or checked.assessment is None or checked.rubric is None or checked.document is None:
        raise InvalidInputError(checked.errors or checked.problems)
    return checked


def _write(path: Path, text: str, schema_name: str, schema: str) -> Path | None:
    if path.exists():
        raise OutputError(Message("companion.exists", path=shown(path)))
    schema_path = path.parent / schema_name
    written = None
    if not schema_path.exists():
        write_atomic(schema_path, schema.encode("utf-8"))
        written = schema_path
    write_new(path, text)
    return written


def init_review(
    registry: Registry,
    assessment: Path,
    *,
    reviewer: str,
    org: str,
    role: str | None = None,
    reviewer_id: str | None = None,
    today: dt.date | None = None,
    lang: Lang = "th",
) -> Written:
    """Write a review file for ``assessment``, beside it; never overwrite one."""
    day = today or dt.date.today()
    checked = _checked(assessment, registry, day)
    assert checked.assessment is not None and checked.rubric is not None and checked.document is not None
    for person in checked.assessment.assessors:
        if " ".join(person.name.split()).casefold() == " ".join(reviewer.split()).casefold():
            raise UsageError(Message("review.reviewer_is_assessor", name=reviewer))
    name = filenames.review_name(assessment.name, reviewer_id or _next_id(assessment))
    if not filenames.safe_part(name):
        raise UsageError(Message("review.id", value=reviewer_id or ""))
    path = assessment.with_name(name)
    lines = _header(lang, "review", checked, shown(path))
    lines += [
        "review:",
        f"  assessment: {yaml_scalar(assessment.name)}",
        f"  sha256: {checked.document.sha256}",
        f"  date: {day.year + 543}-{day.month:02d}-{day.day:02d}",
        "  reviewer:",
        f"    name: {yaml_scalar(reviewer)}",
        f"    org: {yaml_scalar(org)}",
        f"    role: {yaml_scalar(role)}" if role else "    role:",
        "components:",
    ]
    count = 0
    rubric = checked.rubric
    codes = rubric.indicator_codes()
    for component in rubric.components:
        entry = checked.assessment.components.get(component.id)
        if entry is None:
            continue
        lines.append(f"  {component.id}:")
        lines.append("    indicators:")
        for indicator in component.indicators:
            answer = entry.indicators.get(indicator.id)
            if answer is None:
                continue
            count += 1
            short = (indicator.short or indicator.question).get(lang)
            lines += comment_lines(f"{codes[indicator.id]} {short}", 6, lang)
            lines += _answer_comments(answer, rubric, lang)
            level = answer.level if answer.level is not None else ""
            lines += [
                f"      {indicator.id}:",
                f"        unit_level: {level}",
                f"        unit_entry: {entry_digest(answer)}",
                f"        level:                # {tr('review.scaffold.level', lang)}",
                f"        evidence: not_checked  # {tr('review.scaffold.evidence', lang)}",
                f"        reason:               # {tr('review.scaffold.reason', lang)}",
                f"        notes:                # {tr('review.scaffold.notes', lang)}",
                f"        # reply:              # {tr('review.scaffold.reply', lang)}",
                "        #   agree: true",
                "        #   reason:",
            ]
    schema_path = _write(path, "\n".join(lines) + "\n", REVIEW_SCHEMA, companion_schema_text("review"))
    return Written(path, schema_path, count)


def init_decision(
    registry: Registry,
    assessment: Path,
    *,
    by: str,
    org: str,
    role: str | None = None,
    today: dt.date | None = None,
    lang: Lang = "th",
) -> Written:
    """Write the secretariat's decision file for ``assessment``, listing its disputed
    indicators with what each reviewer and the unit said; never overwrite one."""
    day = today or dt.date.today()
    checked = _checked(assessment, registry, day)
    assert checked.assessment is not None and checked.rubric is not None and checked.document is not None
    found = verdicts(checked.assessment, [review for _, review in checked.reviews], None)
    disputed = [indicator_id for indicator_id, verdict in found.items() if verdict.disputed]
    if not disputed:
        raise UsageError(Message("decision.nothing_disputed", file=shown(assessment)))
    path = assessment.with_name(filenames.decision_name(assessment.name))
    lines = _header(lang, "decision", checked, shown(path))
    lines += [
        "decision:",
        f"  assessment: {yaml_scalar(assessment.name)}",
        f"  sha256: {checked.document.sha256}",
        f"  date: {day.year + 543}-{day.month:02d}-{day.day:02d}",
        "  by:",
        f"    name: {yaml_scalar(by)}",
        f"    org: {yaml_scalar(org)}",
        f"    role: {yaml_scalar(role)}" if role else "    role:",
        "components:",
    ]
    rubric = checked.rubric
    codes = rubric.indicator_codes()
    for component in rubric.components:
        mine = [i.id for i in component.indicators if i.id in disputed]
        if not mine:
            continue
        lines += [f"  {component.id}:", "    indicators:"]
        for indicator_id in mine:
            indicator = rubric.indicators_by_id[indicator_id]
            short = (indicator.short or indicator.question).get(lang)
            lines += comment_lines(f"{codes[indicator_id]} {short}", 6, lang)
            level = found[indicator_id].self_level
            lines += comment_lines(tr("review.scaffold.unit_said", lang, level=level), 6, lang)
            for _, review in checked.reviews:
                verdict = review.verdicts().get(indicator_id)
                if verdict is None or verdict.level is None:
                    continue
                said = tr(
                    "review.scaffold.reviewer_said",
                    lang,
                    name=review.review.reviewer.name,
                    level=verdict.level,
                    reason=verdict.reason or "",
                )
                lines += comment_lines(said, 6, lang)
                if verdict.reply is not None and not verdict.reply.agree:
                    lines += comment_lines(
                        tr("review.scaffold.unit_replied", lang, reason=verdict.reply.reason or ""), 6, lang
                    )
            lines += [
                f"      {indicator_id}:",
                f"        level:                # {tr('review.scaffold.decided_level', lang)}",
                f"        note:                 # {tr('review.scaffold.decided_note', lang)}",
            ]
    schema_path = _write(path, "\n".join(lines) + "\n", DECISION_SCHEMA, companion_schema_text("decision"))
    return Written(path, schema_path, len(disputed))


def _next_id(assessment: Path) -> str:
    number = 1
    while assessment.with_name(filenames.review_name(assessment.name, str(number))).exists():
        number += 1
    return str(number)


_HEADERS = {
    "review": (REVIEW_SCHEMA, "review.scaffold.title", "review.scaffold.how", "review.scaffold.how.check"),
    "decision": (
        DECISION_SCHEMA,
        "decision.scaffold.title",
        "decision.scaffold.how",
        "decision.scaffold.how.check",
    ),
}


def _header(lang: Lang, kind: str, checked: CheckedFile, file_name: str) -> list[str]:
    assert checked.assessment is not None
    schema, title, how, check = _HEADERS[kind]
    unit = checked.assessment.unit.name.th if lang == "th" else checked.assessment.unit.name.en or ""
    lines = [f"# yaml-language-server: $schema={schema}", "#"]
    lines += comment_lines(tr(title, lang, unit=unit, round=checked.assessment.round), 0, lang)
    lines += ["#", f"# {tr('scaffold.how', lang)}"]
    lines += comment_lines(tr(how, lang), 0, lang, prefix="- ")
    lines += comment_lines(tr(check, lang, file=file_name), 0, lang, prefix="- ")
    lines.append("")
    return lines


def _answer_comments(answer: IndicatorEntry, rubric: Rubric, lang: Lang) -> list[str]:
    if answer.level == NOT_APPLICABLE:
        level = tr("review.scaffold.not_applicable", lang, reason=answer.reason or "")
    elif answer.level is not None:
        level = tr(
            "review.scaffold.unit_level", lang, level=answer.level, name=rubric.levels[answer.level].get(lang)
        )
    else:
        level = tr("review.scaffold.unit_level_missing", lang)
    lines = comment_lines(level, 6, lang)
    for number, item in enumerate(answer.evidence, start=1):
        where = item.url or item.file or ""
        public = tr("review.scaffold.public" if item.public else "review.scaffold.not_public", lang)
        shown_as = f"{item.title} ({where})" if item.title else where
        lines += comment_lines(f"[{number}] {shown_as} {public}", 6, lang, prefix="  ")
    if answer.note:
        lines += comment_lines(tr("review.scaffold.note", lang, note=answer.note), 6, lang, prefix="  ")
    return lines
