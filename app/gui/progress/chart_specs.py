"""The progress screen's charts as one table: adding a chart is adding one ``ChartSpec``.

An entry names the tab, the value axis and the caption, the plot that shows it (``make``)
and the data function that fills that plot from the log's table (``fill``). The screen
shows the entries in this order, builds each plot the first time its tab is shown, and
refills it when the range or the variation changes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from app.gui.progress.chart_view import LINE_COLOUR, POINT_COLOUR, Chart, Palette
from app.gui.progress.charts import LadderChart, LoadChart, RepsChart, WeeklyChart
from app.storage.progress_data import Floats, SetTable
from app.storage.progress_series import (
    WeeklySeries,
    monday_of,
    rep_series,
    session_series,
    weekly_series,
)

C = TypeVar("C", bound=Chart)


@dataclass(frozen=True, slots=True)
class ChartData:
    """What a chart is filled from: the log's table, the range shown, the variation picked."""

    table: SetTable
    since_s: float
    """The first moment whose sets count (-inf for all time)."""
    x_range: tuple[float, float]
    """The plot's left and right edges (the right one is now)."""
    variation_id: str
    variation_names: tuple[str, ...]
    """The name of each variation, by its code in ``table``."""


@dataclass(frozen=True, slots=True)
class ChartSpec(Generic[C]):
    """One chart of the progress screen.

    ``caption`` may name the variation picked as ``{variation}``. ``fill`` puts the data in
    the chart and returns how many points or bars it shows (0: the range is empty).
    ``per_variation``: the chart shows one variation, the one picked above, and picking one
    brings it to the front; the others show every variation together.
    """

    name: str
    y_label: str
    caption: str
    make: Callable[[Palette, str], C]
    fill: Callable[[C, ChartData], int]
    per_variation: bool = False

    def build(self, palette: Palette) -> C:
        return self.make(palette, self.y_label)


def fill_reps(chart: RepsChart, data: ChartData) -> int:
    series = rep_series(data.table, data.variation_id, data.since_s, data.x_range[1])
    chart.show(series, data.x_range)
    return len(series.set_reps)


def fill_sessions(chart: LadderChart | LoadChart, data: ChartData) -> int:
    sessions = session_series(data.table, data.since_s, data.x_range[1])
    chart.show(sessions, data.variation_names, data.x_range)
    return len(sessions.t_s)


def weekly(values: Callable[[WeeklySeries], Floats]) -> Callable[[WeeklyChart, ChartData], int]:
    """A data function for a bar chart of ``values`` per week."""

    def fill(chart: WeeklyChart, data: ChartData) -> int:
        # From the Monday of the range's first week: a week cut in two reads as a bad week.
        start, end = data.x_range
        start = monday_of(start)
        since = start if math.isfinite(data.since_s) else data.since_s
        series = weekly_series(data.table, since, end)
        chart.show(series.week_start_s, values(series), (start, end))
        return len(series.week_start_s)

    return fill


def bars(colour: str) -> Callable[[Palette, str], WeeklyChart]:
    """A bar chart in ``colour``."""
    return lambda palette, y_label: WeeklyChart(palette, y_label, colour)


CHART_SPECS: tuple[ChartSpec[Any], ...] = (
    ChartSpec(
        "Reps",
        "Reps in a set",
        "{variation}: a dot for every set; the line steps up at each new best (◆)"
        " in the range shown.",
        RepsChart,
        fill_reps,
        per_variation=True,
    ),
    ChartSpec(
        "Box ladder",
        "Hand height, cm",
        "How high your hands were in each session (lower is harder), all variations together; "
        "knee and wall push ups sit at the box height with the same load. "
        "Dashed lines: the first session with a new main variation.",
        LadderChart,
        fill_sessions,
    ),
    ChartSpec(
        "Load",
        "Body weight on the hands, %",
        "The heaviest set of each session as a share of your body weight, "
        "so the story carries on when you change variation.",
        LoadChart,
        fill_sessions,
    ),
    ChartSpec(
        "Weekly volume",
        "Body-weight reps per week",
        "Reps times the share of body weight they moved, summed per week "
        "(30 reps at half your weight count as 15).",
        bars(LINE_COLOUR),
        weekly(lambda series: series.body_weight_reps),
    ),
    ChartSpec(
        "Time under tension",
        "Minutes under tension per week",
        "Minutes your muscles worked under load, per week.",
        bars(POINT_COLOUR),
        weekly(lambda series: series.time_under_tension_min),
    ),
)
CHARTS = tuple(spec.name for spec in CHART_SPECS)
"""The charts' names, as their tabs show them."""
