"""The five progress charts: pyqtgraph plots on a date axis, filled from numpy series.

Each chart is built once and refilled with ``setData``; nothing here reads the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from app.storage.progress_data import (
    DAY_S,
    LOADED_LADDER_CM,
    RepSeries,
    SessionSeries,
    WeeklySeries,
)

# Distinguishable for colour-blind eyes (Okabe & Ito palette), one per variation code.
VARIATION_COLOURS = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999999",
)
POINT_COLOUR = "#56B4E9"
LINE_COLOUR = "#E69F00"
FLOOR_COLOUR = "#009E73"
TICK_PT = 13
LABEL_PT = 15


@dataclass(frozen=True, slots=True)
class Palette:
    background: str
    text: str
    grid_alpha: float = 0.25


def colour(code: int) -> str:
    return VARIATION_COLOURS[code % len(VARIATION_COLOURS)]


def new_plot(palette: Palette, y_label: str) -> pg.PlotWidget:
    """A plot with a date axis below, readable labels and the mouse menu switched off."""
    axis = pg.DateAxisItem(orientation="bottom", utcOffset=0)
    plot = pg.PlotWidget(
        background=palette.background, axisItems={"bottom": axis}, enableMenu=False
    )
    item = plot.getPlotItem()
    item.hideButtons()
    item.showGrid(x=True, y=True, alpha=palette.grid_alpha)
    font = QFont()
    font.setPointSize(TICK_PT)
    for name in ("bottom", "left"):
        side = item.getAxis(name)
        side.setTickFont(font)
        side.setTextPen(palette.text)
        side.setPen(palette.text)
    item.setLabel("left", y_label, color=palette.text, **{"font-size": f"{LABEL_PT}pt"})
    plot.setMouseEnabled(x=True, y=False)
    return plot


class RepsChart:
    """Every set of one variation as a point; the best set of each session as a line."""

    def __init__(self, palette: Palette) -> None:
        self.plot = new_plot(palette, "Reps in a set")
        self.points = pg.ScatterPlotItem(
            size=7, pen=None, brush=pg.mkBrush(QColor(POINT_COLOUR).lighter(110)), name="sets"
        )
        self.best = pg.PlotDataItem(pen=pg.mkPen(LINE_COLOUR, width=3), name="best set")
        self.hover_marker = pg.ScatterPlotItem(
            size=16, pen=pg.mkPen(palette.text, width=2), brush=None
        )
        legend = self.plot.getPlotItem().addLegend(offset=(10, 10), labelTextSize="12pt")
        legend.setLabelTextColor(palette.text)
        for item in (self.points, self.best, self.hover_marker):
            self.plot.addItem(item)

    def show(self, series: RepSeries, x_range: tuple[float, float]) -> None:
        self.points.setData(x=series.set_t_s, y=series.set_reps)
        self.best.setData(x=series.session_t_s, y=series.best_reps)
        self.hover_marker.setData(x=[], y=[])
        top = float(series.set_reps.max()) if len(series.set_reps) else 10.0
        self.plot.setXRange(*x_range, padding=0.02)
        self.plot.setYRange(0, top + 1, padding=0.02)

    def mark(self, t_s: float, reps: float) -> None:
        self.hover_marker.setData(x=[t_s], y=[reps])


class LadderChart:
    """Hand height per session (lower is harder), the floor marked, variation changes flagged."""

    def __init__(self, palette: Palette) -> None:
        self.palette = palette
        self.plot = new_plot(palette, "Hand height, cm (lower = harder)")
        self.line = pg.PlotDataItem(
            pen=pg.mkPen(POINT_COLOUR, width=2),
            symbol="o",
            symbolSize=5,
            symbolPen=None,
            symbolBrush=POINT_COLOUR,
            stepMode=None,
        )
        floor = pg.InfiniteLine(
            pos=0,
            angle=0,
            pen=pg.mkPen(FLOOR_COLOUR, width=3),
            label="Floor",
            labelOpts={"position": 0.02, "color": FLOOR_COLOUR, "anchors": [(0, 1), (0, 1)]},
        )
        floor.label.setFont(_bold(LABEL_PT))
        self.plot.addItem(floor)
        self.plot.addItem(self.line)
        self.markers: list[pg.InfiniteLine] = []

    def show(
        self, series: SessionSeries, names: Sequence[str], x_range: tuple[float, float]
    ) -> None:
        self.line.setData(x=series.t_s, y=series.ladder_cm)
        for marker in self.markers:
            self.plot.removeItem(marker)
        self.markers = []
        for index, (t_s, code) in enumerate(
            zip(series.change_t_s, series.change_variation, strict=True)
        ):
            marker = pg.InfiniteLine(
                pos=float(t_s),
                angle=90,
                pen=pg.mkPen(colour(int(code)), width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
                label=names[int(code)],
                labelOpts={
                    "position": 0.95 - 0.09 * (index % 6),
                    "color": colour(int(code)),
                    "anchors": [(0, 0.5), (0, 0.5)],
                    "fill": self.palette.background,
                },
            )
            marker.label.setFont(_bold(TICK_PT))
            self.plot.addItem(marker)
            self.markers.append(marker)
        top = float(np.nanmax(series.ladder_cm)) if len(series.ladder_cm) else 60.0
        ticks = [(LOADED_LADDER_CM, "Loaded"), (0.0, "Floor")]
        ticks += [(float(h), f"{h}") for h in range(10, int(top) + 10, 10)]
        self.plot.getPlotItem().getAxis("left").setTicks([ticks, []])
        self.plot.setXRange(*x_range, padding=0.02)
        self.plot.setYRange(LOADED_LADDER_CM - 5, max(top, 10.0) + 5, padding=0)


class LoadChart:
    """The heaviest set of each session as a share of body weight, whatever the variation."""

    def __init__(self, palette: Palette) -> None:
        self.plot = new_plot(palette, "Body weight on the hands, %")
        self.line = pg.PlotDataItem(pen=pg.mkPen(LINE_COLOUR, width=2))
        self.points = pg.ScatterPlotItem(size=6, pen=None)
        self.plot.addItem(self.line)
        self.plot.addItem(self.points)

    def show(self, series: SessionSeries, x_range: tuple[float, float]) -> None:
        percent = series.top_share * 100
        self.line.setData(x=series.t_s, y=percent)
        brushes = [pg.mkBrush(colour(int(code))) for code in np.unique(series.top_variation)]
        lookup = {int(c): b for c, b in zip(np.unique(series.top_variation), brushes, strict=True)}
        self.points.setData(
            x=series.t_s, y=percent, brush=[lookup[int(c)] for c in series.top_variation]
        )
        self.plot.setXRange(*x_range, padding=0.02)
        self.plot.setYRange(0, 80, padding=0)


class WeeklyChart:
    """One bar per week."""

    def __init__(self, palette: Palette, y_label: str, bar_colour: str) -> None:
        self.plot = new_plot(palette, y_label)
        self.bars = pg.BarGraphItem(
            x=[], height=[], width=6 * DAY_S, brush=bar_colour, pen=pg.mkPen(None)
        )
        self.plot.addItem(self.bars)

    def show(self, x_s: np.ndarray, height: np.ndarray, x_range: tuple[float, float]) -> None:
        self.bars.setOpts(x=x_s + 3.5 * DAY_S, height=height, width=6 * DAY_S)
        top = float(height.max()) if len(height) else 1.0
        self.plot.setXRange(*x_range, padding=0.02)
        self.plot.setYRange(0, top * 1.08, padding=0)


def weekly_volume(chart: WeeklyChart, series: WeeklySeries, x_range: tuple[float, float]) -> None:
    chart.show(series.week_start_s, series.body_weight_reps, x_range)


def weekly_tension(chart: WeeklyChart, series: WeeklySeries, x_range: tuple[float, float]) -> None:
    chart.show(series.week_start_s, series.time_under_tension_min, x_range)


def _bold(points: int) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(True)
    return font
