"""SVG charts drawn by the project: no JavaScript, no network, Thai labels in Sarabun.

Every label is XML-escaped; the charts are plain strings handed to the template
as already-safe markup.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup

AS_IS = "#1f4e8c"
TO_BE = "#c77700"
GRID = "#b9c2cf"
TEXT = "#1d2633"
FONT = "Sarabun, sans-serif"
MAX_LEVEL = 5


@dataclass(frozen=True)
class RadarAxis:
    """One component on the radar: its label, as-is mean level (None: not scored), target."""

    label: str
    as_is: float | None
    target: int


def _point(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def _polygon(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def radar_chart(
    axes: Sequence[RadarAxis],
    *,
    title: str,
    legend_as_is: str,
    legend_to_be: str,
    level_labels: Sequence[str],
) -> Markup:
    """As-is against to-be on every component, levels 1 to 5 from the centre out."""
    width, height = 460, 380
    cx, cy, outer = 230, 196, 140
    count = max(len(axes), 3)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label={quoteattr(title)} font-family={quoteattr(FONT)} font-size="12" fill="{TEXT}">',
        f"<title>{escape(title)}</title>",
    ]
    for level in range(1, MAX_LEVEL + 1):
        ring = [_point(cx, cy, outer * level / MAX_LEVEL, i, count) for i in range(count)]
        parts.append(f'<polygon points="{_polygon(ring)}" fill="none" stroke="{GRID}" stroke-width="0.8"/>')
        x, y = _point(cx, cy, outer * level / MAX_LEVEL, 0, count)
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="9" fill="#6b7685">{escape(level_labels[level - 1])}</text>'
        )
    for index, axis in enumerate(axes):
        x, y = _point(cx, cy, outer, index, count)
        parts.append(
            f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="{GRID}" stroke-width="0.8"/>'
        )
        lx, ly = _point(cx, cy, outer + 18, index, count)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        parts.append(
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}" font-weight="600" font-size="13">'
            f"{escape(axis.label)}</text>"
        )
    target = [_point(cx, cy, outer * a.target / MAX_LEVEL, i, count) for i, a in enumerate(axes)]
    as_is = [_point(cx, cy, outer * (a.as_is or 0) / MAX_LEVEL, i, count) for i, a in enumerate(axes)]
    parts.append(
        f'<polygon points="{_polygon(target)}" fill="{TO_BE}" fill-opacity="0.10" stroke="{TO_BE}" '
        'stroke-width="2" stroke-dasharray="6 4"/>'
    )
    parts.append(
        f'<polygon points="{_polygon(as_is)}" fill="{AS_IS}" fill-opacity="0.25" stroke="{AS_IS}" stroke-width="2"/>'
    )
    for (x, y), axis in zip(as_is, axes, strict=True):
        if axis.as_is is not None:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{AS_IS}"/>')
    legend_y = height - 14
    parts.append(
        f'<rect x="20" y="{legend_y - 9}" width="18" height="10" fill="{AS_IS}" fill-opacity="0.25" stroke="{AS_IS}" stroke-width="2"/>'
    )
    parts.append(f'<text x="44" y="{legend_y}">{escape(legend_as_is)}</text>')
    parts.append(
        f'<rect x="240" y="{legend_y - 9}" width="18" height="10" fill="{TO_BE}" fill-opacity="0.10" '
        f'stroke="{TO_BE}" stroke-width="2" stroke-dasharray="6 4"/>'
    )
    parts.append(f'<text x="264" y="{legend_y}">{escape(legend_to_be)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class GapBar:
    """One component's gap: label, gap in levels, and the value as shown."""

    label: str
    gap: float
    value: str


def gap_chart(bars: Sequence[GapBar], *, title: str, axis_labels: Sequence[str], max_gap: int = 4) -> Markup:
    """Horizontal bars of gap size, in the order given (priority order)."""
    width, left, right = 640, 16, 60
    row = 38
    top = 8
    height = top + row * len(bars) + 26
    span = width - left - right
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label={quoteattr(title)} font-family={quoteattr(FONT)} font-size="12" fill="{TEXT}">',
        f"<title>{escape(title)}</title>",
    ]
    bottom = top + row * len(bars)
    for step in range(max_gap + 1):
        x = left + span * step / max_gap
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="{GRID}" stroke-width="0.6"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" font-size="10" fill="#6b7685">{escape(axis_labels[step])}</text>'
        )
    for index, bar in enumerate(bars):
        y = top + row * index
        parts.append(f'<text x="{left}" y="{y + 13}">{escape(bar.label)}</text>')
        length = span * min(max(bar.gap, 0.0), max_gap) / max_gap
        parts.append(
            f'<rect x="{left}" y="{y + 18}" width="{length:.1f}" height="12" fill="{TO_BE}" rx="2"/>'
        )
        parts.append(
            f'<text x="{left + length + 6:.1f}" y="{y + 28}" font-weight="600">{escape(bar.value)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class BoxRow:
    """One component's spread across units, on a 0-100 scale."""

    label: str
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float
    count: str


def box_chart(rows: Sequence[BoxRow], *, title: str, axis_labels: Sequence[str]) -> Markup:
    """Horizontal box plots, one per row: whiskers min-max, box Q1-Q3, line at the median."""
    width, left, right, row = 640, 16, 16, 40
    top = 8
    height = top + row * len(rows) + 26
    span = width - left - right

    def x(value: float) -> float:
        return left + span * max(0.0, min(100.0, value)) / 100

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label={quoteattr(title)} font-family={quoteattr(FONT)} font-size="12" fill="{TEXT}">',
        f"<title>{escape(title)}</title>",
    ]
    bottom = top + row * len(rows)
    for step, label in enumerate(axis_labels):
        gx = left + span * step / (len(axis_labels) - 1)
        parts.append(
            f'<line x1="{gx:.1f}" y1="{top}" x2="{gx:.1f}" y2="{bottom}" stroke="{GRID}" stroke-width="0.6"/>'
        )
        parts.append(
            f'<text x="{gx:.1f}" y="{bottom + 16}" text-anchor="middle" font-size="10" fill="#6b7685">{escape(label)}</text>'
        )
    for index, item in enumerate(rows):
        y = top + row * index
        mid = y + 26
        parts.append(
            f'<text x="{left}" y="{y + 12}">{escape(item.label)} <tspan fill="#6b7685" font-size="10">{escape(item.count)}</tspan></text>'
        )
        parts.append(
            f'<line x1="{x(item.minimum):.1f}" y1="{mid}" x2="{x(item.maximum):.1f}" y2="{mid}" stroke="{AS_IS}" stroke-width="1.2"/>'
        )
        for end in (item.minimum, item.maximum):
            parts.append(
                f'<line x1="{x(end):.1f}" y1="{mid - 5}" x2="{x(end):.1f}" y2="{mid + 5}" stroke="{AS_IS}" stroke-width="1.2"/>'
            )
        parts.append(
            f'<rect x="{x(item.q1):.1f}" y="{mid - 7}" width="{max(x(item.q3) - x(item.q1), 1.5):.1f}" height="14" '
            f'fill="{AS_IS}" fill-opacity="0.25" stroke="{AS_IS}" stroke-width="1.2"/>'
        )
        parts.append(
            f'<line x1="{x(item.median):.1f}" y1="{mid - 7}" x2="{x(item.median):.1f}" y2="{mid + 7}" stroke="{TO_BE}" stroke-width="2.5"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# --- action plans ------------------------------------------------------------------------

DONE = "#2e7d4f"
BEHIND = "#b3261e"


@dataclass(frozen=True)
class TimelineRow:
    """One action on the timeline: its id, and the first and last quarter it runs in
    (indexes into the chart's quarters)."""

    label: str
    first: int
    last: int


def timeline_chart(
    rows: Sequence[TimelineRow], *, title: str, quarters: Sequence[str], years: Sequence[tuple[str, int]]
) -> Markup:
    """The actions by fiscal quarter: a bar per action from its start to its due quarter.
    ``quarters`` labels each column; ``years`` groups them (label, number of quarters)."""
    width, left, right, top, row = 640, 44, 8, 40, 18
    columns = max(len(quarters), 1)
    span = (width - left - right) / columns
    height = top + row * len(rows) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label={quoteattr(title)} font-family={quoteattr(FONT)} font-size="11" fill="{TEXT}">',
        f"<title>{escape(title)}</title>",
    ]
    column = 0
    for label, count in years:
        x = left + span * column
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{span * count:.1f}" height="16" fill="#eef3fa" stroke="#ffffff"/>'
        )
        parts.append(
            f'<text x="{x + span * count / 2:.1f}" y="12" text-anchor="middle" font-weight="600">{escape(label)}</text>'
        )
        column += count
    for index, label in enumerate(quarters):
        x = left + span * index
        parts.append(
            f'<text x="{x + span / 2:.1f}" y="32" text-anchor="middle" font-size="10" fill="#6b7685">{escape(label)}</text>'
        )
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height}" stroke="{GRID}" stroke-width="0.5"/>'
        )
    for index, item in enumerate(rows):
        y = top + row * index
        parts.append(f'<text x="4" y="{y + 12}" font-weight="600">{escape(item.label)}</text>')
        x = left + span * item.first + 2
        length = span * (item.last - item.first + 1) - 4
        parts.append(
            f'<rect x="{x:.1f}" y="{y + 3}" width="{length:.1f}" height="11" rx="2" fill="{AS_IS}"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def progress_bar(progress: float | None, *, title: str) -> Markup:
    """A KPI's way from its baseline (left) to its target (right): filled as far as it has come,
    green once the target is reached, a red mark at the baseline when it moved the wrong way."""
    width, height = 120, 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="1" width="{width}" height="8" rx="2" fill="#e6eaf0"/>',
    ]
    if progress is not None and progress < 0:
        parts.append(f'<rect x="0" y="0" width="4" height="{height}" fill="{BEHIND}"/>')
    elif progress is not None:
        colour = DONE if progress >= 1 else AS_IS
        parts.append(
            f'<rect x="0" y="1" width="{width * min(progress, 1.0):.1f}" height="8" rx="2" fill="{colour}"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
