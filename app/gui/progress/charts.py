"""The progress charts: reps, the box ladder, load, and bars per week.

Each chart is built once and refilled from numpy series; nothing here reads the store.
Which chart shows what, under which title and axis label, is the table in ``chart_specs``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.gui.progress.chart_view import (
    FLOOR_COLOUR,
    LINE_COLOUR,
    POINT_COLOUR,
    Chart,
    Palette,
    bold,
    colour,
    mix,
)
from app.storage.progress_data import DAY_S, LOADED_LADDER_CM
from app.storage.progress_series import EMPTY_REPS, RepSeries, SessionSeries

LABEL_STEP = 0.09
"""The least share of the plot's height between two variation names on the box ladder."""


class RepsChart(Chart):
    """Every set of one variation as a point; the best set so far as a step line.

    The line climbs only when a set beats every earlier one in the range shown, and a marker
    sits on each of those sets: a dozen steps read from across the room where a line through
    every session's best was a solid block. The ring that marks the hovered set is made on
    the first hover.
    """

    def __init__(self, palette: Palette, y_label: str) -> None:
        super().__init__(palette, y_label)
        self.series = EMPTY_REPS
        """The sets shown, in the order of the points."""
        self.points = pg.ScatterPlotItem(
            size=7, pen=None, brush=pg.mkBrush(QColor(palette.ink(POINT_COLOUR)).lighter(110))
        )
        # x: the moments of the new bests and the last set; y: each best, held until the next.
        self.best = pg.PlotDataItem(
            pen=pg.mkPen(palette.ink(LINE_COLOUR), width=4),
            stepMode="center",
            skipFiniteCheck=True,
        )
        self.new_bests = pg.ScatterPlotItem(
            symbol="d",
            size=18,
            pen=pg.mkPen(palette.background, width=2),
            brush=pg.mkBrush(palette.ink(LINE_COLOUR)),
        )
        self.hover_marker: pg.ScatterPlotItem | None = None
        self.plot.add(self.points)
        self.plot.add(self.best)
        self.plot.add(self.new_bests)
        self.legend.show_entries(
            [
                ("●", palette.ink(POINT_COLOUR), "every set"),
                ("━", palette.ink(LINE_COLOUR), "best set so far"),
                ("◆", palette.ink(LINE_COLOUR), "a new best"),
            ]
        )

    def show(self, series: RepSeries, x_range: tuple[float, float]) -> None:
        self.series = series
        self.points.setData(x=series.set_t_s, y=series.set_reps)
        t_s, reps = new_bests(series.set_t_s, series.set_reps)
        if len(t_s):
            self.best.setData(x=np.append(t_s, series.set_t_s[-1]), y=reps)
        else:
            self.best.setData(x=np.zeros(1), y=np.zeros(0, dtype=np.int64))
        self.new_bests.setData(x=t_s, y=reps)
        if self.hover_marker is not None:
            self.hover_marker.setData(x=[], y=[])
        top = float(series.set_reps.max()) if len(series.set_reps) else 10.0
        self.plot.show_range(x_range, (0.0, top + 1.5))

    def mark(self, t_s: float, reps: float) -> None:
        if self.hover_marker is None:
            self.hover_marker = pg.ScatterPlotItem(
                size=16, pen=pg.mkPen(self.palette.text, width=2), brush=None
            )
            self.plot.add(self.hover_marker)
        self.hover_marker.setData(x=[t_s], y=[reps])


def new_bests(t_s: np.ndarray, reps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sets (oldest first) with more reps than every set before them: times and reps."""
    if not len(reps):
        return np.zeros(0), np.zeros(0, dtype=np.int64)
    before = np.maximum.accumulate(reps)
    beaten = np.empty(len(reps), dtype=bool)
    beaten[0] = True
    beaten[1:] = reps[1:] > before[:-1]
    return t_s[beaten], reps[beaten]


class LadderChart(Chart):
    """Hand height per session (lower is harder), the floor marked, variation changes flagged."""

    def __init__(self, palette: Palette, y_label: str) -> None:
        super().__init__(palette, y_label)
        self.line = pg.PlotDataItem(
            pen=pg.mkPen(palette.ink(POINT_COLOUR), width=2),
            symbol="o",
            symbolSize=5,
            symbolPen=None,
            symbolBrush=palette.ink(POINT_COLOUR),
            skipFiniteCheck=True,
        )
        floor = pg.InfiniteLine(
            pos=0,
            angle=0,
            pen=pg.mkPen(palette.ink(FLOOR_COLOUR), width=3),
            label="Floor",
            labelOpts={
                "position": 0.02,
                "color": palette.ink(FLOOR_COLOUR),
                "anchors": [(0, 1), (0, 1)],
            },
        )
        floor.label.setFont(bold(palette.tick_pt))
        self.plot.add(floor)
        self.plot.add(self.line)
        self.markers: list[pg.InfiniteLine] = []
        self.plot.view.sigResized.connect(self._place_labels)
        self.legend.show_entries(
            [
                ("●", palette.ink(POINT_COLOUR), "lowest hand height of each session"),
                ("━", palette.ink(FLOOR_COLOUR), "the floor"),
                ("┆", palette.text, "first session with a new variation"),
            ]
        )

    def show(
        self, series: SessionSeries, names: Sequence[str], x_range: tuple[float, float]
    ) -> None:
        self.line.setData(x=series.t_s, y=series.ladder_cm)
        for marker in self.markers:
            self.plot.remove(marker)
        self.markers = []
        for t_s, code in zip(series.change_t_s, series.change_variation, strict=True):
            ink = self.palette.ink(colour(int(code)))
            marker = pg.InfiniteLine(
                pos=float(t_s),
                angle=90,
                pen=pg.mkPen(ink, width=2, style=Qt.PenStyle.DashLine),
                label=names[int(code)],
                # No fill: a name over the line must not hide the sessions under it.
                labelOpts={"color": ink, "anchors": [(0, 0.5), (0, 0.5)]},
            )
            marker.label.setFont(bold(self.palette.tick_pt))
            self.plot.add(marker)
            self.markers.append(marker)
        self._place_labels()
        top = float(np.nanmax(series.ladder_cm)) if len(series.ladder_cm) else 60.0
        ticks = [(LOADED_LADDER_CM, "Loaded"), (0.0, "Floor")]
        ticks += [(float(h), f"{h}") for h in range(10, int(top) + 10, 10)]
        self.plot.left.setTicks([ticks, []])
        # Room above the highest session for the first row of names.
        self.plot.show_range(x_range, (LOADED_LADDER_CM - 5, max(top, 10.0) + 10))

    def _place_labels(self) -> None:
        """Stack the variation names down from the top, a line of text apart at any height
        (a fixed share of the plot put them over each other on a 1024x600 screen)."""
        height = self.plot.view.height()
        if not self.markers or height <= 0:
            return
        line = self.markers[0].label.boundingRect().height() + 2
        step = max(LABEL_STEP, line / height)
        rows = max(1, int(0.9 / step))
        for index, marker in enumerate(self.markers):
            marker.label.setPosition(0.95 - step * (index % rows))


class LoadChart(Chart):
    """The heaviest set of each session as a share of body weight, whatever the variation.

    Each session's point takes its variation's colour; the legend names the colours shown.
    """

    def __init__(self, palette: Palette, y_label: str) -> None:
        super().__init__(palette, y_label)
        # Neutral, so that it never reads as one of the variations' colours.
        neutral = mix(palette.text, palette.background, 0.45)
        self.line = pg.PlotDataItem(pen=pg.mkPen(neutral, width=1), skipFiniteCheck=True)
        self.points = pg.ScatterPlotItem(size=7, pen=None)
        self.plot.add(self.line)
        self.plot.add(self.points)

    def show(
        self, series: SessionSeries, names: Sequence[str], x_range: tuple[float, float]
    ) -> None:
        percent = series.top_share * 100
        self.line.setData(x=series.t_s, y=percent)
        shown = np.unique(series.top_variation)
        brushes = {int(code): pg.mkBrush(self.palette.ink(colour(int(code)))) for code in shown}
        self.points.setData(
            x=series.t_s, y=percent, brush=[brushes[int(c)] for c in series.top_variation]
        )
        # In the order they were first trained, as the curve reads from left to right.
        _, first = np.unique(series.top_variation, return_index=True)
        in_order = series.top_variation[np.sort(first)]
        self.legend.show_entries(
            [("●", self.palette.ink(colour(int(code))), names[int(code)]) for code in in_order]
        )
        self.plot.show_range(x_range, (0.0, 80.0))


class WeeklyChart(Chart):
    """One bar per week."""

    def __init__(self, palette: Palette, y_label: str, bar_colour: str) -> None:
        super().__init__(palette, y_label)
        self.bars = pg.BarGraphItem(
            x=[], height=[], width=6 * DAY_S, brush=palette.ink(bar_colour), pen=pg.mkPen(None)
        )
        self.plot.add(self.bars)
        self.legend.hide()

    def show(self, x_s: np.ndarray, height: np.ndarray, x_range: tuple[float, float]) -> None:
        # A day's gap tells the weeks apart over a few months; over years, bars a pixel or
        # two wide read better as one solid outline than as a comb of gaps.
        start, end = x_range
        days = 7 if end - start > 400 * DAY_S else 6
        self.bars.setOpts(x=x_s + 3.5 * DAY_S, height=height, width=days * DAY_S)
        top = float(height.max()) if len(height) else 1.0
        self.plot.show_range(x_range, (0.0, top * 1.08))
