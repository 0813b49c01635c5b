"""The names of the files ogmp writes: from validated codes only, safe on every system."""

from __future__ import annotations


def stem(unit_code: str, agenda: str, fiscal_year: int) -> str:
    """``th-52-pm25-2564``: a unit, agenda and round, as every file about them starts."""
    return f"{unit_code.lower()}-{agenda.replace('_', '-')}-{fiscal_year}"


def unit_report(unit_stem: str, fmt: str, lang: str) -> str:
    """``th-52-pm25-2564.th.pdf``: a unit's gap report in one language."""
    return f"{unit_stem}.{lang}.{fmt}"


def national_report(cohort_key: str, fmt: str, lang: str) -> str:
    """``national-ogmp-8-v1-pm25-2564.th.pdf``; the workbook has both languages in it."""
    return f"national-{cohort_key}.xlsx" if fmt == "xlsx" else f"national-{cohort_key}.{lang}.{fmt}"


RESULTS_CSV = "results.csv"
