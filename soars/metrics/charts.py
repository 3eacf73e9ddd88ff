"""Grouped bar charts as inline SVG: the geometry is worked out here, the template draws it.

No script and no inline style (the site's Content-Security-Policy allows neither): bars take their
colour from classes in soars/core/static/soars/site.css, everything else from SVG attributes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from soars.metrics.table import HIDDEN, Figure, text

WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 8, 12, 44
COLOURS = 8  # classes soars-chart__bar--0 to --7


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above value (1 for nothing)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def tick_steps(top: float) -> tuple[int, int]:
    """How many equal steps divide the axis so that every tick is a round number (50 by 10, not by
    12.5), and how many decimals those numbers need. A nice_ceiling top of 1, 2, 2.5 or 5 times a
    power of ten gives steps of 1, 2 or 5 times a power of ten."""
    mantissa = round(top / 10 ** math.floor(math.log10(top)), 2)
    intervals = 4 if mantissa == 2 else 5
    step = top / intervals
    return intervals, max(0, -math.floor(round(math.log10(step), 9)))


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[dict] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)
    labels: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    baseline: float = HEIGHT - BOTTOM
    left: int = LEFT
    right: int = WIDTH - RIGHT


def label_lines(label: str) -> list[str]:
    """ "2025 Q3" reads on two lines ("Q3", "2025") so that twenty quarters fit."""
    year, _, quarter = label.partition(" ")
    if quarter.startswith("Q") and year.isdigit():
        return [quarter, year]
    return label.split(" ", 2)[:3]  # "short term project": a word a line


def bar_chart(figure: Figure, labels: list[str] | None = None) -> Chart:
    series = figure.charted
    labels = labels or figure.labels
    numbers = [v for s in series for v in s.values if isinstance(v, int | float) and v is not HIDDEN]
    top = nice_ceiling(max(numbers, default=0))
    if top < 5 and all(isinstance(v, int) for v in numbers):
        top = 5  # counts: ticks 0 to 5, never 0.2 of an executive
    plot_height = HEIGHT - TOP - BOTTOM
    group_width = (WIDTH - LEFT - RIGHT) / max(len(labels), 1)
    bar_width = group_width * 0.8 / max(len(series), 1)
    chart = Chart()
    intervals, decimals = tick_steps(top)
    for step in range(intervals + 1):
        value = top * step / intervals
        y = HEIGHT - BOTTOM - plot_height * step / intervals
        shown = f"{value:,.{decimals}f}"
        chart.ticks.append(
            {"y": round(y, 1), "text_y": round(y + 4, 1), "label": shown + ("%" if figure.unit == "%" else "")}
        )
    for index, label in enumerate(labels):
        group_x = LEFT + group_width * index
        chart.labels.append(
            {"x": round(group_x + group_width / 2, 1), "lines": label_lines(label), "y": HEIGHT - BOTTOM + 16}
        )
        for number, one in enumerate(series):
            value = one.values[index]
            if value is None or value is HIDDEN:
                continue
            height = plot_height * value / top
            chart.bars.append(
                {
                    "x": round(group_x + group_width * 0.1 + bar_width * number, 1),
                    "y": round(HEIGHT - BOTTOM - height, 1),
                    "width": round(max(bar_width - 1, 1), 1),
                    "height": round(height, 1),
                    "colour": number % COLOURS,
                    "title": f"{figure.labels[index]}, {one.name}: {text(value)}{figure.unit}",
                }
            )
    chart.legend = [{"colour": number % COLOURS, "name": one.name} for number, one in enumerate(series)]
    return chart
