"""The progress screen: reps, the box ladder, load, weekly volume and time under tension.

The log is read once when the screen opens (``load_set_table``); switching variation, range
or chart only slices numpy arrays and refills the visible plot. Charts are built the first
time they are shown.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.load_model import DEFAULT_STATURE_CM
from app.domain.units import Units, format_height
from app.domain.variation import Variation
from app.gui.keys import Action
from app.gui.progress.charts import (
    LINE_COLOUR,
    POINT_COLOUR,
    LadderChart,
    LoadChart,
    Palette,
    RepsChart,
    WeeklyChart,
    weekly_tension,
    weekly_volume,
)
from app.gui.screen import Screen
from app.storage.progress_data import (
    DAY_S,
    SetTable,
    SetTableCache,
    TimeRange,
    load_set_table,
    nearest_set,
    rep_series,
    session_series,
    weekly_series,
)
from app.storage.store import Store

CHARTS = ("Reps", "Box ladder", "Load", "Weekly volume", "Time under tension")
HOVER_RADIUS_PX = 24.0


def wall_clock_s(moment: datetime) -> float:
    """A moment as the person's clock shows it, in seconds since 1970 (the charts' x axis)."""
    return (moment.replace(tzinfo=None) - datetime(1970, 1, 1)).total_seconds()


class ProgressScreen(Screen):
    """Signals: closed(); exported(str) with the PNG path; variation_changed(str);
    range_changed(str) with the range label; chart_changed(str) with the chart name."""

    closed = Signal()
    exported = Signal(str)
    variation_changed = Signal(str)
    range_changed = Signal(str)
    chart_changed = Signal(str)

    def __init__(
        self,
        store: Store,
        catalog: Mapping[str, Variation],
        *,
        stature_cm: float = DEFAULT_STATURE_CM,
        units: Units = Units.CM,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        tables: SetTableCache | None = None,
    ) -> None:
        """``tables``: keeps the log's table between openings (read afresh without it)."""
        super().__init__()
        self.setObjectName("progress")
        self.catalog = catalog
        self.units = units
        # SQLite lets go of the GIL while it reads: build the widgets meanwhile.
        loaded: list[SetTable | BaseException] = []
        loader = threading.Thread(
            target=_load,
            args=(store, catalog, stature_cm, tables, loaded),
            name="progress-load",
        )
        loader.start()
        self.now_s = wall_clock_s(now())
        self.time_range = TimeRange.THREE_MONTHS
        self._charts: dict[int, object] = {}
        self._fresh: set[int] = set()
        window = self.palette().color(QPalette.ColorRole.Window).name()
        text = self.palette().color(QPalette.ColorRole.WindowText).name()
        self.chart_palette = Palette(background=window, text=text)

        heading = QLabel("Progress")
        heading.setProperty("role", "heading")
        self.variation = QComboBox()
        self.variation.setAccessibleName("Variation for the reps chart")
        self.tabs = QTabBar()
        for name in CHARTS:
            self.tabs.addTab(name)
        self.stack = QStackedWidget()
        for _ in CHARTS:
            self.stack.addWidget(QWidget())
        self.chart(0)
        loader.join()
        if isinstance(loaded[0], BaseException):
            raise loaded[0]
        self.table = loaded[0]
        self._series = rep_series(self.table, "")
        for variation_id in self.table.trained_variations():
            name = catalog[variation_id].name if variation_id in catalog else variation_id
            self.variation.addItem(name, variation_id)
        self.variation.currentIndexChanged.connect(self.on_variation_changed)
        self.range_buttons = QButtonGroup(self)
        ranges = QHBoxLayout()
        for index, time_range in enumerate(TimeRange):
            button = QPushButton(time_range.label)
            button.setCheckable(True)
            button.setChecked(time_range is self.time_range)
            self.range_buttons.addButton(button, index)
            ranges.addWidget(button)
        self.range_buttons.idClicked.connect(self.on_range_clicked)
        export = QPushButton("Save chart as PNG…")
        export.clicked.connect(self.on_export_clicked)
        back = QPushButton("← Back")
        back.clicked.connect(self.closed)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.variation)
        top.addLayout(ranges)
        self.tabs.currentChanged.connect(self.on_chart_changed)
        self.caption = QLabel()
        self.caption.setProperty("role", "muted")
        self.caption.setWordWrap(True)
        self.hover = QLabel(" ")
        self.empty = QLabel("")
        self.empty.setProperty("role", "muted")
        bottom = QHBoxLayout()
        bottom.addWidget(self.hover, 1)
        bottom.addWidget(export)
        bottom.addWidget(back)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bottom)
        self.refresh()

    # --- what is shown ------------------------------------------------------------------------

    @property
    def variation_id(self) -> str | None:
        data = self.variation.currentData()
        return None if data is None else str(data)

    @property
    def chart_name(self) -> str:
        return CHARTS[self.tabs.currentIndex()]

    def x_range(self) -> tuple[float, float]:
        start = self.time_range.start_s(self.now_s)
        if not np.isfinite(start):
            start = float(self.table.t_s[0]) if len(self.table) else self.now_s - 28 * DAY_S
        return start, self.now_s

    def chart(self, index: int | None = None) -> object:
        """The chart object at ``index`` (default: the visible one), built on first use."""
        index = self.tabs.currentIndex() if index is None else index
        if index not in self._charts:
            before = set(map(id, QApplication.topLevelWidgets()))
            palette = self.chart_palette
            built: RepsChart | LadderChart | LoadChart | WeeklyChart
            if index == 0:
                built = RepsChart(palette)
                built.plot.scene().sigMouseMoved.connect(self.on_mouse_moved)
            elif index == 1:
                built = LadderChart(palette)
            elif index == 2:
                built = LoadChart(palette)
            elif index == 3:
                built = WeeklyChart(palette, "Body-weight reps per week", LINE_COLOUR)
            else:
                built = WeeklyChart(palette, "Minutes under tension per week", POINT_COLOUR)
            _adopt_menus(built.plot, before)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, built.plot)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self._charts[index] = built
        return self._charts[index]

    def refresh(self) -> None:
        """Refill the visible chart; the others refill when they are shown."""
        self._fresh.clear()
        self._fill(self.tabs.currentIndex())

    def _fill(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        chart = self.chart(index)
        self.stack.setCurrentIndex(index)
        start, end = self.x_range()
        lo = self.time_range.start_s(self.now_s)
        names = [self.catalog[v].name if v in self.catalog else v for v in self.table.variations]
        shown = 0
        if isinstance(chart, RepsChart):
            variation_id = self.variation_id or ""
            self._series = rep_series(self.table, variation_id, lo, end)
            chart.show(self._series, (start, end))
            shown = len(self._series.set_reps)
            name = self.variation.currentText() or "this variation"
            self.caption.setText(
                f"{name}: every set as a dot, the best set of each session as the line."
            )
        elif isinstance(chart, LadderChart | LoadChart):
            sessions = session_series(self.table, lo, end)
            if isinstance(chart, LadderChart):
                chart.show(sessions, names, (start, end))
                self.caption.setText(
                    "How high your hands were in each session, all variations together; "
                    "knee and wall push ups sit at the box height with the same load. "
                    "Dashed lines: the first session with a new main variation."
                )
            else:
                chart.show(sessions, (start, end))
                self.caption.setText(
                    "The heaviest set of each session as a share of your body weight, "
                    "so the story carries on when you change variation."
                )
            shown = len(sessions.t_s)
        elif isinstance(chart, WeeklyChart):
            weekly = weekly_series(self.table, lo, end)
            if index == 3:
                weekly_volume(chart, weekly, (start, end))
                self.caption.setText(
                    "Reps times the share of body weight they moved, summed per week "
                    "(30 reps at half your weight count as 15)."
                )
            else:
                weekly_tension(chart, weekly, (start, end))
                self.caption.setText("Minutes your muscles worked under load, per week.")
            shown = len(weekly.week_start_s)
        self.empty.setText(
            ""
            if shown
            else f"Nothing logged in the last {self.time_range.label.lower()}."
            if self.time_range is not TimeRange.ALL
            else "Nothing logged yet: your sets show up here after your first session."
        )
        self._fresh.add(index)

    # --- slots --------------------------------------------------------------------------------

    def on_variation_changed(self, _index: int) -> None:
        self._fresh.discard(0)
        if self.tabs.currentIndex() != 0:
            self.tabs.setCurrentIndex(0)
        else:
            self._fill(0)
        self.hover.setText(" ")
        self.variation_changed.emit(self.variation_id or "")

    def on_range_clicked(self, index: int) -> None:
        self.set_range(list(TimeRange)[index])

    def set_range(self, time_range: TimeRange) -> None:
        self.time_range = time_range
        button = self.range_buttons.button(list(TimeRange).index(time_range))
        button.setChecked(True)
        self.refresh()
        self.range_changed.emit(time_range.label)

    def on_chart_changed(self, index: int) -> None:
        if index not in self._fresh:
            self._fill(index)
        self.stack.setCurrentIndex(index)
        self.chart_changed.emit(CHARTS[index])

    def on_mouse_moved(self, position: QPointF) -> None:
        chart = self.chart(0)
        assert isinstance(chart, RepsChart)
        box = chart.plot.getPlotItem().vb
        if not box.sceneBoundingRect().contains(position):
            return
        point = box.mapSceneToView(position)
        self.hover_at(point.x(), point.y())

    def hover_at(self, t_s: float, reps: float) -> str:
        """Describe the set nearest to a point of the reps chart (empty if none is close)."""
        chart = self.chart(0)
        assert isinstance(chart, RepsChart)
        (x0, x1), (y0, y1) = chart.plot.getPlotItem().vb.viewRange()
        width_px = max(1.0, chart.plot.width())
        height_px = max(1.0, chart.plot.height())
        s_per_px, reps_per_px = (x1 - x0) / width_px, (y1 - y0) / height_px
        index = nearest_set(self._series, t_s, reps, s_per_px / reps_per_px)
        text = ""
        if index is not None:
            dx = (self._series.set_t_s[index] - t_s) / s_per_px
            dy = (self._series.set_reps[index] - reps) / reps_per_px
            if dx * dx + dy * dy <= HOVER_RADIUS_PX**2:
                text = self.describe_set(index)
                chart.mark(self._series.set_t_s[index], self._series.set_reps[index])
        self.hover.setText(text or " ")
        return text

    def describe_set(self, index: int) -> str:
        series = self._series
        moment = datetime(1970, 1, 1) + timedelta(seconds=float(series.set_t_s[index]))
        box = float(series.set_box_height_cm[index])
        where = "" if math.isnan(box) else f" · hands at {format_height(box, self.units)}"
        return (
            f"{moment:%a %d %b %Y, %H:%M} · {self.variation.currentText()}{where}"
            f" · {int(series.set_reps[index])} reps"
        )

    def on_export_clicked(self) -> None:
        name = f"progress-{self.chart_name.lower().replace(' ', '-')}.png"
        path, _ = QFileDialog.getSaveFileName(self, "Save chart", name, "PNG image (*.png)")
        if path:
            self.export_png(Path(path))

    def export_png(self, path: Path) -> bool:
        """Save the visible chart as it looks now; False if the file could not be written."""
        chart = self.stack.currentWidget()
        saved = chart is not None and chart.grab().save(str(path), "PNG")
        if saved:
            self.exported.emit(str(path))
        return bool(saved)

    def handle(self, action: Action) -> bool:
        if action in (Action.LEAVE, Action.BACK):
            self.closed.emit()
            return True
        return False


def _adopt_menus(plot: QWidget, before: set[int]) -> None:
    """pyqtgraph makes its context menus without a parent: give them one, so they go with it."""
    for widget in QApplication.topLevelWidgets():
        if id(widget) not in before and isinstance(widget, QMenu) and widget.parent() is None:
            widget.setParent(plot, widget.windowFlags())


def _load(
    store: Store,
    catalog: Mapping[str, Variation],
    stature_cm: float,
    tables: SetTableCache | None,
    into: list[SetTable | BaseException],
) -> None:
    try:
        if tables is None:
            into.append(load_set_table(store, catalog, stature_cm))
        else:
            into.append(tables.table(store, catalog, stature_cm))
    except BaseException as error:  # handed to the GUI thread, which raises it
        into.append(error)
