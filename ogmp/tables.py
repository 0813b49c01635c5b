"""Tables of results, as columns: a header, how to get the value from a row, how to format it.

``results.csv`` is one such table; each sheet of the national workbook is another
(:mod:`ogmp.spreadsheet`). A column is defined once, its header beside its value, so no
list of headers has to be kept in step with a list of values by position.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from ogmp.models.result import ComponentResult, UnitResult

Row = TypeVar("Row")
NumberStyle = Literal["score", "level"]  # one decimal (0-100), two decimals (levels, gaps)


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column of a table: its header, its value in a row, and how its numbers look."""

    header: str
    value: Callable[[Row], object]
    style: NumberStyle | None = None


def header_row(columns: Sequence[Column[Row]]) -> list[str]:
    return [column.header for column in columns]


def value_row(columns: Sequence[Column[Row]], row: Row) -> list[object]:
    return [column.value(row) for column in columns]


# --- results.csv ----------------------------------------------------------------------------

UnitComponent = tuple[UnitResult, ComponentResult]


def _cell(value: float | None) -> str:
    """A number as a spreadsheet reads it: ``3`` rather than ``3.0``, empty when there is none."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


RESULT_COLUMNS: tuple[Column[UnitComponent], ...] = (
    Column("unit_code", lambda row: row[0].unit_code),
    Column("unit_name_th", lambda row: row[0].unit_name.th),
    Column("unit_name_en", lambda row: row[0].unit_name.en),
    Column("unit_kind", lambda row: row[0].unit_kind),
    Column("unit_local_type", lambda row: row[0].unit_local_type or ""),
    Column("unit_parent", lambda row: row[0].unit_parent or ""),
    Column("agenda", lambda row: row[0].agenda),
    Column("round", lambda row: row[0].round),
    Column("date", lambda row: row[0].date.isoformat()),
    Column("rubric_id", lambda row: row[0].inputs.rubric_id),
    Column("rubric_version", lambda row: row[0].inputs.rubric_version),
    Column("component_number", lambda row: row[1].number),
    Column("component_id", lambda row: row[1].id),
    Column("component_name_th", lambda row: row[1].name.th),
    Column("component_name_en", lambda row: row[1].name.en),
    Column("component_weight", lambda row: _cell(row[1].weight)),
    Column("score", lambda row: _cell(row[1].score)),
    Column("self_score", lambda row: _cell(row[1].self_score)),
    Column("mean_level", lambda row: _cell(row[1].mean_level)),
    Column("level", lambda row: _cell(row[1].level)),
    Column("target", lambda row: row[1].target),
    Column("target_source", lambda row: row[1].target_source),
    Column("gap", lambda row: _cell(row[1].gap)),
    Column("priority", lambda row: _cell(row[1].priority)),
    Column("priority_rank", lambda row: _cell(row[1].priority_rank)),
    Column("indicators_scored", lambda row: row[1].confidence.scored),
    Column("indicators_not_applicable", lambda row: len(row[1].not_applicable)),
    Column("evidenced_percent", lambda row: _cell(row[1].confidence.evidenced_percent)),
    Column("public_percent", lambda row: _cell(row[1].confidence.public_percent)),
    Column("confidence", lambda row: row[1].confidence.label),
    Column("overall_score", lambda row: _cell(row[0].overall.score)),
    Column("overall_level", lambda row: _cell(row[0].overall.level)),
    Column("overall_self_score", lambda row: _cell(row[0].overall.self_score)),
    Column("assurance", lambda row: row[0].assurance),
    Column("file", lambda row: row[0].inputs.file),
    Column("sha256", lambda row: row[0].inputs.sha256),
)
"""The columns of ``results.csv``: one row per unit and component."""

CSV_COLUMNS = tuple(header_row(RESULT_COLUMNS))
_ORDER = tuple(CSV_COLUMNS.index(name) for name in ("unit_code", "agenda", "round", "component_number"))
_KEY = _ORDER[:3]  # unit_code, agenda, round: a unit's rows


def results_csv(results: Sequence[UnitResult]) -> bytes:
    """One row per unit and component; UTF-8 with a BOM so that Excel shows Thai."""
    return _csv_bytes([row for result in results for row in result_rows(result)])


def merge_results_csv(existing: bytes, rows: Sequence[Sequence[object]]) -> bytes:
    """``results.csv`` as it was, with ``rows`` (:func:`result_rows`) in place of their units'.

    Rows are in unit, agenda, round and component order, so that shards of a round,
    merged one after the other, give the bytes one run would.
    """
    ours = {tuple(str(row[index]) for index in _KEY) for row in rows}
    kept: list[Sequence[object]] = []
    for row in csv.DictReader(io.StringIO(existing.decode("utf-8-sig", errors="replace"))):
        key = tuple(row.get(CSV_COLUMNS[index]) or "" for index in _KEY)
        if all(key) and key not in ours:
            kept.append([row.get(column) or "" for column in CSV_COLUMNS])
    return _csv_bytes(kept + list(rows))


def result_rows(result: UnitResult) -> list[Sequence[object]]:
    """The rows of ``results.csv`` for one unit: one per component."""
    return [value_row(RESULT_COLUMNS, (result, component)) for component in result.components]


def _csv_order(row: Sequence[object]) -> tuple[tuple[int, str], ...]:
    def part(value: object) -> tuple[int, str]:
        text = str(value)
        return (0, text.zfill(12)) if text.isdigit() else (1, text)

    return tuple(part(row[index]) for index in _ORDER)


def _csv_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    ordered: list[Sequence[object]] = sorted(rows, key=_csv_order)
    writer.writerows(ordered)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
