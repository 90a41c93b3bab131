"""What every progress chart is made of: a plot on a date axis, its legend, its colours.

Ranges are always set by hand, so pyqtgraph never scans the data to auto-range. The charts
themselves (``charts``) and the table of them (``chart_specs``) are built from these parts.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    MAX_REGULAR_TIMESTAMP,
    MIN_REGULAR_TIMESTAMP,
    MONTH_SPACING,
    YEAR_SPACING,
    TickSpec,
    ZoomLevel,
    makeYStepper,
)
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPicture
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

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
MIN_CONTRAST = 3.0
"""The least contrast of a chart's marks and coloured words with its background (WCAG's for
large text and graphics)."""


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

    def ink(self, colour_: str) -> str:
        """``colour_`` as drawn on this background: darkened on a light one (lightened on a
        dark one) until it stands out at ``MIN_CONTRAST``; the palette's yellow, orange and
        sky blue were 1.1-2.2:1 on the light theme, unreadable from across the room."""
        toward = "#000000" if _luminance(self.background) > 0.18 else "#ffffff"
        drawn = colour_
        for step in range(1, 21):
            if contrast(drawn, self.background) >= MIN_CONTRAST:
                break
            drawn = mix(colour_, toward, 1 - step * 0.05).name()
        return drawn


def _luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2)."""
    q = QColor(hex_colour)

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(q.red()) + 0.7152 * linear(q.green()) + 0.0722 * linear(q.blue())


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


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
                TickSpec(MONTH_SPACING, _calendar_months, "%b", autoSkip=[1, 3, 6]),
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


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _calendar_months(at_s: float, every: int, first: bool) -> float:
    """The first day of the next month after ``at_s`` that is ``every`` months on from a
    January: quarters are Apr, Jul and Oct, never Dec next to the year's own label (pyqtgraph
    counts on from the first month in sight)."""
    del first
    if not MIN_REGULAR_TIMESTAMP <= at_s <= MAX_REGULAR_TIMESTAMP:
        return math.inf
    day = _EPOCH + timedelta(seconds=at_s)  # not fromtimestamp: Windows refuses dates before 1970
    month = (day.year * 12 + day.month - 1) // every * every + every
    if month // 12 > 9998:
        return math.inf
    return (datetime(month // 12, month % 12 + 1, 1, tzinfo=UTC) - _EPOCH).total_seconds()


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
        grid_colour = mix(palette.text, palette.background, palette.grid_alpha)
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


class Chart:
    """A plot with its legend above it; ``page`` is what the screen shows and exports."""

    def __init__(self, palette: Palette, y_label: str) -> None:
        self.palette = palette
        self.plot = ChartView(palette, y_label)
        self.legend = Legend(palette.tick_pt)
        self.page = QWidget()
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot.widget, 1)


def _unbreakable(text: str) -> str:
    """``text`` as rich text that never wraps (spaces and hyphens that do not break)."""
    return html.escape(text).replace(" ", "&nbsp;").replace("-", "\u2011")


def mix(front: str, back: str, share: float) -> QColor:
    """``front`` laid over ``back`` at ``share`` opacity, as one opaque colour."""
    a, b = QColor(front), QColor(back)
    return QColor(
        round(a.red() * share + b.red() * (1 - share)),
        round(a.green() * share + b.green() * (1 - share)),
        round(a.blue() * share + b.blue() * (1 - share)),
    )


def bold(points: int) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(True)
    return font
