"""The progress screen: a tab for each chart of the table in ``chart_specs``.

The log is read once when the screen opens (``load_set_table``); switching variation, range
or chart only slices numpy arrays and refills the visible plot. Charts are built the first
time they are shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.load_model import DEFAULT_STATURE_CM
from app.domain.units import HEIGHT_NOT_RECORDED, Units, format_height
from app.domain.variation import Variation
from app.gui.keys import Action
from app.gui.progress.chart_specs import CHART_SPECS, CHARTS, ChartData
from app.gui.progress.chart_view import Chart, Palette
from app.gui.progress.charts import RepsChart
from app.gui.progress.table_loader import TableLoader
from app.gui.progress.variation_choice import variation_choice
from app.gui.screen import Screen
from app.storage.progress_data import (
    DAY_S,
    SetTable,
    SetTableCache,
    TimeRange,
    load_set_table,
    trained_variations,
)
from app.storage.progress_series import RepSeries, nearest_set
from app.storage.store import Store, StoreError

__all__ = ["CHARTS", "ProgressScreen", "wall_clock_s"]

HOVER_RADIUS_PX = 24.0


def wall_clock_s(moment: datetime) -> float:
    """A moment as the person's clock shows it, in seconds since 1970 (the charts' x axis)."""
    return (moment.replace(tzinfo=None) - datetime(1970, 1, 1)).total_seconds()


class ProgressScreen(Screen):
    """Signals: closed(); exported(str) with the PNG path; variation_changed(str);
    range_changed(str) with the range label; chart_changed(str) with the chart name.

    Opening paints the first chart from a narrow read (one variation, the last three
    months); then a thread reads the whole log. The first switch of variation, range or chart
    waits for that thread if it is still reading.
    """

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
        self.store = store
        self.catalog = catalog
        self.units = units
        self.now_s = wall_clock_s(now())
        self.time_range = TimeRange.THREE_MONTHS
        kept = None if tables is None else tables.cached(store, catalog, stature_cm)
        self._loader = TableLoader(store, catalog, stature_cm, tables, kept)
        self._charts: dict[int, Chart] = {}
        self._reps_index = next(i for i, spec in enumerate(CHART_SPECS) if spec.per_variation)
        """The chart the variation picker speaks of, and whose sets the hover describes."""
        self._fresh: dict[int, tuple[str, str]] = {}
        """Charts filled for the current variation and range: their caption and empty note."""
        self._described: tuple[int, str] = (-1, "")
        self._painted = False
        window = self.palette().color(QPalette.ColorRole.Window).name()
        text = self.palette().color(QPalette.ColorRole.WindowText).name()
        self.ensurePolished()  # the theme's style sheet sets the font size
        self.chart_palette = Palette(background=window, text=text, text_pt=self.font().pointSizeF())

        heading = QLabel("Progress")
        heading.setProperty("role", "heading")
        # (it gives way on a short row; the range buttons do not: see below)
        self.variation = variation_choice("Variation for the reps chart")
        self.tabs = QTabBar()
        for spec in CHART_SPECS:
            self.tabs.addTab(spec.name)
        self.stack = QStackedWidget()
        for _ in CHART_SPECS:
            self.stack.addWidget(QWidget())
        variations = trained_variations(store) if kept is None else kept.trained_variations()
        for variation_id in variations:
            name = catalog[variation_id].name if variation_id in catalog else variation_id
            self.variation.addItem(name, variation_id)
        self.variation.currentIndexChanged.connect(self.on_variation_changed)
        self.range_buttons = QButtonGroup(self)
        ranges = QHBoxLayout()
        for index, time_range in enumerate(TimeRange):
            button = QPushButton(time_range.label)
            button.setCheckable(True)
            button.setChecked(time_range is self.time_range)
            # Squeezed below its size hint, a styled button cuts its words.
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.range_buttons.addButton(button, index)
            ranges.addWidget(button)
        self.range_buttons.idClicked.connect(self.on_range_clicked)
        export = QPushButton("Save chart as PNG…")
        export.clicked.connect(self.on_export_clicked)
        back = QPushButton("← Back")
        back.setAccessibleName("Back home")
        back.clicked.connect(self.closed)

        # Side by side in landscape; in portrait the ranges go under the variation (one row
        # of both is wider than an 800-pixel screen).
        self._controls = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._controls.addWidget(self.variation, 0, Qt.AlignmentFlag.AlignRight)
        self._controls.addLayout(ranges)
        top = QHBoxLayout()
        top.addWidget(heading, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        top.addLayout(self._controls)
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
        first = kept
        if first is None and CHART_SPECS[self.tabs.currentIndex()].per_variation:
            # Enough for a chart of one variation; one of them all waits for the whole log.
            first = load_set_table(
                store,
                catalog,
                stature_cm,
                variation_id=self.variation_id or "",
                since_s=self.time_range.start_s(self.now_s),
            )
        self._fill(self.tabs.currentIndex(), first)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        portrait = self.height() > self.width()
        self._controls.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        # Read the whole log once the first chart is on screen, rather than competing with it:
        # the timer fires after this paint, children included, is done.
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._loader.start)

    # --- what is shown ------------------------------------------------------------------------

    @property
    def table(self) -> SetTable:
        """The whole log's table (waits for the loader thread the first time)."""
        return self._loader.result()

    @property
    def shown_sets(self) -> RepSeries:
        """The sets on the reps chart, in the order of its points."""
        return self._reps_chart().series

    @property
    def variation_id(self) -> str | None:
        data = self.variation.currentData()
        return None if data is None else str(data)

    @property
    def chart_name(self) -> str:
        return CHART_SPECS[self.tabs.currentIndex()].name

    def x_range(self) -> tuple[float, float]:
        start = self.time_range.start_s(self.now_s)
        if not np.isfinite(start):
            start = float(self.table.t_s[0]) if len(self.table) else self.now_s - 28 * DAY_S
        return start, self.now_s

    def chart(self, index: int | None = None) -> Chart:
        """The chart at ``index`` (default: the visible one), built on first use."""
        index = self.tabs.currentIndex() if index is None else index
        if index not in self._charts:
            built = CHART_SPECS[index].build(self.chart_palette)
            if isinstance(built, RepsChart):
                built.plot.widget.scene().sigMouseMoved.connect(self.on_mouse_moved)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, built.page)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self._charts[index] = built
        return self._charts[index]

    def _reps_chart(self) -> RepsChart:
        chart = self.chart(self._reps_index)
        assert isinstance(chart, RepsChart)
        return chart

    def refresh(self) -> None:
        """Refill the visible chart; the others refill when they are shown."""
        self._fresh.clear()
        self._fill(self.tabs.currentIndex())

    def _fill(self, index: int, table: SetTable | None = None) -> None:
        """Fill chart ``index`` from ``table`` (default: the whole log)."""
        spec = CHART_SPECS[index]
        chart = self.chart(index)
        self.stack.setCurrentIndex(index)
        table = self.table if table is None else table
        names = tuple(self.catalog[v].name if v in self.catalog else v for v in table.variations)
        data = ChartData(
            table=table,
            since_s=self.time_range.start_s(self.now_s),
            x_range=self.x_range(),
            variation_id=self.variation_id or "",
            variation_names=names,
        )
        shown = spec.fill(chart, data)
        if spec.per_variation:
            self._described = (-1, "")
        caption = spec.caption.format(variation=self.variation.currentText() or "this variation")
        empty = (
            ""
            if shown
            else f"Nothing logged in the last {self.time_range.label.lower()}."
            if self.time_range is not TimeRange.ALL
            else "Nothing logged yet: your sets show up here after your first session."
        )
        self._fresh[index] = (caption, empty)
        self._show_caption(index)

    def _show_caption(self, index: int) -> None:
        """Show the caption and the empty-range note of chart ``index`` (already filled)."""
        caption, empty = self._fresh[index]
        self.caption.setText(caption)
        self.empty.setText(empty)
        self.empty.setVisible(bool(empty))  # an empty label still takes a line of height

    # --- slots --------------------------------------------------------------------------------

    def on_variation_changed(self, _index: int) -> None:
        for index, spec in enumerate(CHART_SPECS):
            if spec.per_variation:
                self._fresh.pop(index, None)
        current = self.tabs.currentIndex()
        if CHART_SPECS[current].per_variation:
            self._fill(current)
        else:
            self.tabs.setCurrentIndex(self._reps_index)
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
        if index in self._fresh:
            self._show_caption(index)
        else:
            self._fill(index)
        self.stack.setCurrentIndex(index)
        self.chart_changed.emit(CHART_SPECS[index].name)

    def on_mouse_moved(self, position: QPointF) -> None:
        box = self._reps_chart().plot.view
        if not box.sceneBoundingRect().contains(position):
            return
        point = box.mapSceneToView(position)
        self.hover_at(point.x(), point.y())

    def hover_at(self, t_s: float, reps: float) -> str:
        """Describe the set nearest to a point of the reps chart (empty if none is close)."""
        chart = self._reps_chart()
        series = chart.series
        (x0, x1), (y0, y1) = chart.plot.view.viewRange()
        width_px = max(1.0, chart.plot.view.width())
        height_px = max(1.0, chart.plot.view.height())
        s_per_px, reps_per_px = (x1 - x0) / width_px, (y1 - y0) / height_px
        index = nearest_set(series, t_s, reps, s_per_px / reps_per_px)
        text = ""
        if index is not None:
            dx = (series.set_t_s[index] - t_s) / s_per_px
            dy = (series.set_reps[index] - reps) / reps_per_px
            if dx * dx + dy * dy <= HOVER_RADIUS_PX**2:
                text = self.describe_set(index)
                chart.mark(series.set_t_s[index], series.set_reps[index])
        self.hover.setText(text or " ")
        return text

    def describe_set(self, index: int) -> str:
        """When, what, how high, how many reps and at which tempo (read from the log)."""
        series = self.shown_sets
        set_id = int(series.set_id[index])
        if self._described[0] == set_id:
            return self._described[1]
        moment = datetime(1970, 1, 1) + timedelta(seconds=float(series.set_t_s[index]))
        box = float(series.set_box_height_cm[index])
        if not math.isnan(box):
            where = f" · hands at {format_height(box, self.units)}"
        else:
            shown = self.catalog.get(self.variation_id or "")
            where = f" · {HEIGHT_NOT_RECORDED}" if shown is not None and shown.uses_box else ""
        try:
            tempo = f" · tempo {self.store.set_by_id(set_id).tempo}"
        except (KeyError, StoreError):
            tempo = ""
        text = (
            f"{moment:%a %d %b %Y, %H:%M} · {self.variation.currentText()}{where}"
            f" · {int(series.set_reps[index])} reps{tempo}"
        )
        self._described = (set_id, text)
        return text

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
