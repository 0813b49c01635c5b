"""The names of the files ogmp writes: from validated codes only, safe on every system."""

from __future__ import annotations

import re

_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}")


def stem(unit_code: str, agenda: str, fiscal_year: int) -> str:
    """``th-52-pm25-2564``: a unit, agenda and round, as every file about them starts."""
    return f"{unit_code.lower()}-{agenda.replace('_', '-')}-{fiscal_year}"


def unit_report(unit_stem: str, fmt: str, lang: str, audience: str = "public") -> str:
    """``th-52-pm25-2564.th.pdf``: a unit's gap report in one language; the secretariat's
    copy with internal notes is ``th-52-pm25-2564.th.internal.pdf``, never the public name."""
    return f"{unit_stem}.{lang}.{fmt}" if audience == "public" else f"{unit_stem}.{lang}.{audience}.{fmt}"


def national_report(cohort_key: str, fmt: str, lang: str) -> str:
    """``national-ogmp-8-v1-pm25-2564.th.pdf``; the workbook has both languages in it."""
    return f"national-{cohort_key}.xlsx" if fmt == "xlsx" else f"national-{cohort_key}.{lang}.{fmt}"


def roll_up_report(province_code: str, cohort_key: str, fmt: str, lang: str) -> str:
    """``rollup-th-52-ogmp-8-v2-pm25-2567.th.pdf``: one province's local administrations."""
    return f"rollup-{province_code.lower()}-{cohort_key}.{lang}.{fmt}"


RESULTS_CSV = "results.csv"


# --- the files that go with an assessment ------------------------------------------------
# Beside ``STEM.yaml``: ``STEM.review.REVIEWER.yaml`` (one per reviewer), ``STEM.decision.yaml``
# (the secretariat's), ``STEM.plan.yaml`` (the unit's action plan made from that round), and in
# the folder ``.ogmp-links.json`` (the evidence links checked).

REVIEW_INFIX = ".review."
DECISION_SUFFIX = ".decision"
PLAN_SUFFIX = ".plan"
LINKS_FILE = ".ogmp-links.json"


def companion_of(name: str) -> str | None:
    """For a review, decision or plan file's name, the name of the assessment it goes with."""
    base, dot, suffix = name.rpartition(".")
    if not dot:
        return None
    stem, infix, reviewer = base.partition(REVIEW_INFIX)
    if infix:
        return f"{stem}.{suffix}" if stem and reviewer else None
    for ending in (DECISION_SUFFIX, PLAN_SUFFIX):
        if base.endswith(ending) and len(base) > len(ending):
            return f"{base[: -len(ending)]}.{suffix}"
    return None


def companion_kind(name: str) -> str | None:
    """``review``, ``decision`` or ``plan`` for a companion file's name; None for others."""
    if companion_of(name) is None:
        return None
    if REVIEW_INFIX in name:
        return "review"
    return "decision" if name.rpartition(".")[0].endswith(DECISION_SUFFIX) else "plan"


def review_name(assessment_name: str, reviewer: str) -> str:
    """``th-52-pm25-2565.review.somchai-opdc.yaml``: one reviewer's review of an assessment."""
    stem, _, suffix = assessment_name.rpartition(".")
    return f"{stem}{REVIEW_INFIX}{reviewer}.{suffix}"


def decision_name(assessment_name: str) -> str:
    """``th-52-pm25-2565.decision.yaml``: the secretariat's decision on an assessment."""
    stem, _, suffix = assessment_name.rpartition(".")
    return f"{stem}{DECISION_SUFFIX}.{suffix}"


def plan_name(assessment_name: str) -> str:
    """``th-52-pm25-2564.plan.yaml``: the action plan made from an assessment."""
    stem, _, suffix = assessment_name.rpartition(".")
    return f"{stem}{PLAN_SUFFIX}.{suffix}"


def safe_part(name: str) -> bool:
    """Whether ``name`` is made only of letters, digits, ``.``, ``-`` and ``_``."""
    return _SAFE.fullmatch(name) is not None
