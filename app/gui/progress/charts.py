"""The five progress charts: pyqtgraph plots on a date axis, filled from numpy series.

Each chart is built once and refilled with ``setData``; nothing here reads the store. Ranges
are always set by hand, so pyqtgraph never scans the data to auto-range.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    MONTH_SPACING,
    YEAR_SPACING,
    TickSpec,
    ZoomLevel,
    makeMStepper,
    makeYStepper,
)
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPicture
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.storage.progress_data import DAY_S, LOADED_LADDER_CM
from app.storage.progress_series import RepSeries, SessionSeries, WeeklySeries

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
# The smallest text on a chart, for a screen read from 2-3 m away (the theme's text is 16 pt).
MIN_TEXT_PT = 14.0


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours and the size of the text around them (``text_pt``: the screen's own text)."""

    background: str
    text: str
    grid_alpha: float = 0.25
    text_pt: float = 16.0

    @property
    def tick_pt(self) -> int:
        return round(max(MIN_TEXT_PT, self.text_pt))


def colour(code: int) -> str:
    return VARIATION_COLOURS[code % len(VARIATION_COLOURS)]


class ValueAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no types
    """A value axis on the left whose lowest and highest labels show even on the plot's edge.

    With its grid drawn, pyqtgraph's axis drops every label that sticks out of the plot area,
    and the "0" on the bottom edge always does, by half its height. A chart that starts at 0
    must say so, so the axis claims that half line above and below.
    """

    def __init__(self, font: QFont) -> None:
        super().__init__("left")
        self.setTickFont(font)
        self._overhang_px = QFontMetricsF(font).height() / 2 + 1

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        rect: QRectF = super().boundingRect()
        return rect.adjusted(0, -self._overhang_px, 0, self._overhang_px)

    def tick_labels(self) -> list[str]:
        """The labels drawn at the axis' current size and range."""
        return _drawn_labels(self)


class DateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph has no types
    """The date axis below, whose first and last dates show even when close to an edge.

    Over years, pyqtgraph labels every year or every fifth (two labels for ten years on a
    portrait screen) and draws a grid line every month; here it may label every other year,
    and months thin out to quarters or half years when they crowd.
    """

    def __init__(self, font: QFont) -> None:
        super().__init__(orientation="bottom", utcOffset=0)
        self.zoomLevels[np.inf] = ZoomLevel(
            [
                TickSpec(YEAR_SPACING, makeYStepper(1), "%Y", autoSkip=[1, 2, 5, 10]),
                TickSpec(MONTH_SPACING, makeMStepper(1), "%b", autoSkip=[1, 3, 6]),
            ],
            "YYYYYY",  # what pyqtgraph spaces the labels by: a year and half a year's gap
        )
        self.setTickFont(font)
        metrics = QFontMetricsF(font)
        self._overhang_px = metrics.horizontalAdvance("2026") / 2 + 1
        # pyqtgraph sizes it for 80% of a line of text, which cuts the dates' feet off.
        self.setHeight(math.ceil(metrics.height()) + 12)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        rect: QRectF = super().boundingRect()
        return rect.adjusted(-self._overhang_px, 0, self._overhang_px, 0)

    def tick_labels(self) -> list[str]:
        """The labels drawn at the axis' current size and range."""
        return _drawn_labels(self)


def _drawn_labels(axis: pg.AxisItem) -> list[str]:
    picture = QPicture()
    painter = QPainter(picture)
    try:
        if axis.style["tickFont"] is not None:
            painter.setFont(axis.style["tickFont"])
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [] if specs is None else [str(text) for _, _, text in specs[2]]


class ChartView:
    """One plot area (``widget``): a date axis below, a value axis on the left, a ViewBox.

    pyqtgraph's PlotWidget also builds an options menu, auto-range buttons, a title and two
    hidden axes for every plot; none of them is used here and together they were a fifth of
    the time it took to open the progress screen.
    """

    def __init__(self, palette: Palette, y_label: str) -> None:
        self.widget = pg.GraphicsView(background=palette.background)
        self.view = pg.ViewBox(enableMenu=False, defaultPadding=0.0)
        self.view.setMouseEnabled(x=True, y=False)
        self.view.disableAutoRange()
        font = QFont()
        font.setPointSize(palette.tick_pt)
        grid_colour = _mix(palette.text, palette.background, palette.grid_alpha)
        self.left = ValueAxis(font)
        self.bottom = DateAxis(font)
        for axis in (self.left, self.bottom):
            axis.linkToView(self.view)
            axis.setTextPen(palette.text)
            axis.setPen(palette.text)
            # An opaque pen mixed by hand: blending grid lines with alpha cost 13 ms a paint.
            axis.setGrid(255)
            axis.setTickPen(pg.mkPen(grid_colour))
            axis.setZValue(self.view.zValue() - 1)  # the grid behind the bars, not across
            axis.enableAutoSIPrefix(False)
        # The finest level of value ticks draws dozens of grid lines (12 ms a paint) and
        # helps nobody read a rep count.
        self.left.setStyle(maxTickLevel=1)
        self.left.setLabel(y_label, color=palette.text, **{"font-size": f"{palette.tick_pt}pt"})
        grid = pg.GraphicsLayout()
        # Room above the plot for half of the top label (ValueAxis), and right of it for half
        # of the last date (DateAxis).
        grid.setContentsMargins(4, 14, 28, 4)
        grid.setSpacing(0)
        grid.addItem(self.left, 0, 0)
        grid.addItem(self.view, 0, 1)
        grid.addItem(self.bottom, 1, 1)
        self.widget.setCentralItem(grid)

    def add(self, item: pg.GraphicsObject) -> None:
        self.view.addItem(item)

    def remove(self, item: pg.GraphicsObject) -> None:
        self.view.removeItem(item)

    def show_range(self, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        """Show exactly these ranges (a little margin on x), without auto-ranging."""
        start, end = x_range
        margin = (end - start) * 0.02
        self.view.setRange(
            xRange=(start - margin, end + margin), yRange=y_range, padding=0, update=False
        )


class Legend(QLabel):
    """What each colour means, as a line of text above the plot (cheaper than pyqtgraph's).

    Lines break only between entries, never inside one.
    """

    def __init__(self, text_pt: int) -> None:
        super().__init__()
        self.text_pt = text_pt
        self.entries: list[tuple[str, str, str]] = []
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)

    def show_entries(self, entries: Sequence[tuple[str, str, str]]) -> None:
        """``entries``: (glyph, colour, text), e.g. ("●", "#E69F00", "Floor push up")."""
        self.entries = list(entries)
        self.setText(
            " &nbsp; ".join(
                f'<span style="color:{colour}; font-size:{self.text_pt + 4}pt">{glyph}</span>'
                f'&nbsp;<span style="font-size:{self.text_pt}pt">{_unbreakable(text)}</span>'
                for glyph, colour, text in entries
            )
        )


class _Chart:
    """A plot with its legend above it; ``page`` is what the screen shows and exports."""

    def __init__(self, palette: Palette, y_label: str) -> None:
        self.plot = ChartView(palette, y_label)
        self.legend = Legend(palette.tick_pt)
        self.page = QWidget()
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot.widget, 1)


class RepsChart(_Chart):
    """Every set of one variation as a point; the best set so far as a step line.

    The line climbs only when a set beats every earlier one in the range shown, and a marker
    sits on each of those sets: a dozen steps read from across the room where a line through
    every session's best was a solid block. The ring that marks the hovered set is made on
    the first hover.
    """

    def __init__(self, palette: Palette) -> None:
        super().__init__(palette, "Reps in a set")
        self.palette = palette
        self.points = pg.ScatterPlotItem(
            size=7, pen=None, brush=pg.mkBrush(QColor(POINT_COLOUR).lighter(110))
        )
        # x: the moments of the new bests and the last set; y: each best, held until the next.
        self.best = pg.PlotDataItem(
            pen=pg.mkPen(LINE_COLOUR, width=4), stepMode="center", skipFiniteCheck=True
        )
        self.new_bests = pg.ScatterPlotItem(
            symbol="d",
            size=18,
            pen=pg.mkPen(palette.background, width=2),
            brush=pg.mkBrush(LINE_COLOUR),
        )
        self.hover_marker: pg.ScatterPlotItem | None = None
        self.plot.add(self.points)
        self.plot.add(self.best)
        self.plot.add(self.new_bests)
        self.legend.show_entries(
            [
                ("●", POINT_COLOUR, "every set"),
                ("━", LINE_COLOUR, "best set so far"),
                ("◆", LINE_COLOUR, "a new best"),
            ]
        )

    def show(self, series: RepSeries, x_range: tuple[float, float]) -> None:
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


class LadderChart(_Chart):
    """Hand height per session (lower is harder), the floor marked, variation changes flagged."""

    def __init__(self, palette: Palette) -> None:
        super().__init__(palette, "Hand height, cm (lower = harder)")
        self.palette = palette
        self.line = pg.PlotDataItem(
            pen=pg.mkPen(POINT_COLOUR, width=2),
            symbol="o",
            symbolSize=5,
            symbolPen=None,
            symbolBrush=POINT_COLOUR,
            skipFiniteCheck=True,
        )
        floor = pg.InfiniteLine(
            pos=0,
            angle=0,
            pen=pg.mkPen(FLOOR_COLOUR, width=3),
            label="Floor",
            labelOpts={"position": 0.02, "color": FLOOR_COLOUR, "anchors": [(0, 1), (0, 1)]},
        )
        floor.label.setFont(_bold(palette.tick_pt))
        self.plot.add(floor)
        self.plot.add(self.line)
        self.markers: list[pg.InfiniteLine] = []
        self.legend.show_entries(
            [
                ("●", POINT_COLOUR, "lowest hand height of each session"),
                ("━", FLOOR_COLOUR, "the floor"),
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
        for index, (t_s, code) in enumerate(
            zip(series.change_t_s, series.change_variation, strict=True)
        ):
            marker = pg.InfiniteLine(
                pos=float(t_s),
                angle=90,
                pen=pg.mkPen(colour(int(code)), width=2, style=Qt.PenStyle.DashLine),
                label=names[int(code)],
                labelOpts={
                    "position": 0.95 - 0.09 * (index % 6),
                    "color": colour(int(code)),
                    "anchors": [(0, 0.5), (0, 0.5)],
                    "fill": self.palette.background,
                },
            )
            marker.label.setFont(_bold(self.palette.tick_pt))
            self.plot.add(marker)
            self.markers.append(marker)
        top = float(np.nanmax(series.ladder_cm)) if len(series.ladder_cm) else 60.0
        ticks = [(LOADED_LADDER_CM, "Loaded"), (0.0, "Floor")]
        ticks += [(float(h), f"{h}") for h in range(10, int(top) + 10, 10)]
        self.plot.left.setTicks([ticks, []])
        self.plot.show_range(x_range, (LOADED_LADDER_CM - 5, max(top, 10.0) + 5))


class LoadChart(_Chart):
    """The heaviest set of each session as a share of body weight, whatever the variation.

    Each session's point takes its variation's colour; the legend names the colours shown.
    """

    def __init__(self, palette: Palette) -> None:
        super().__init__(palette, "Body weight on the hands, %")
        # Neutral, so that it never reads as one of the variations' colours.
        neutral = _mix(palette.text, palette.background, 0.45)
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
        brushes = {int(code): pg.mkBrush(colour(int(code))) for code in shown}
        self.points.setData(
            x=series.t_s, y=percent, brush=[brushes[int(c)] for c in series.top_variation]
        )
        # In the order they were first trained, as the curve reads from left to right.
        _, first = np.unique(series.top_variation, return_index=True)
        in_order = series.top_variation[np.sort(first)]
        self.legend.show_entries([("●", colour(int(code)), names[int(code)]) for code in in_order])
        self.plot.show_range(x_range, (0.0, 80.0))


class WeeklyChart(_Chart):
    """One bar per week."""

    def __init__(self, palette: Palette, y_label: str, bar_colour: str) -> None:
        super().__init__(palette, y_label)
        self.bars = pg.BarGraphItem(
            x=[], height=[], width=6 * DAY_S, brush=bar_colour, pen=pg.mkPen(None)
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


def weekly_volume(chart: WeeklyChart, series: WeeklySeries, x_range: tuple[float, float]) -> None:
    chart.show(series.week_start_s, series.body_weight_reps, x_range)


def weekly_tension(chart: WeeklyChart, series: WeeklySeries, x_range: tuple[float, float]) -> None:
    chart.show(series.week_start_s, series.time_under_tension_min, x_range)


def _unbreakable(text: str) -> str:
    """``text`` as rich text that never wraps (spaces and hyphens that do not break)."""
    return html.escape(text).replace(" ", "&nbsp;").replace("-", "\u2011")


def _mix(front: str, back: str, share: float) -> QColor:
    """``front`` laid over ``back`` at ``share`` opacity, as one opaque colour."""
    a, b = QColor(front), QColor(back)
    return QColor(
        round(a.red() * share + b.red() * (1 - share)),
        round(a.green() * share + b.green() * (1 - share)),
        round(a.blue() * share + b.blue() * (1 - share)),
    )


def _bold(points: int) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(True)
    return font
