"""The table of charts drives the screen: its tabs, captions, axes and data come from it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.gui.progress import progress_screen
from app.gui.progress.chart_specs import CHART_SPECS, ChartData, ChartSpec, bars, weekly
from app.gui.progress.charts import WeeklyChart
from app.gui.progress.progress_screen import ProgressScreen
from app.storage.catalog import Catalog
from app.storage.progress_data import TimeRange
from app.storage.store import Store
from tests.fixtures.ten_year_history import END, HistoryFacts
from tests.gui.progress.ten_years import ten_years_file

__all__ = ["ten_years_file"]


@pytest.fixture
def store(ten_years_file: tuple[Path, HistoryFacts]) -> Iterator[Store]:
    with Store(ten_years_file[0]) as opened:
        yield opened


def open_screen(qtbot: QtBot, store: Store, catalog: Catalog) -> ProgressScreen:
    screen = ProgressScreen(store, catalog, now=lambda: END)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    return screen


def test_every_entry_is_a_tab_with_its_caption_and_axis(
    qtbot: QtBot, store: Store, catalog: Catalog
) -> None:
    screen = open_screen(qtbot, store, catalog)
    variation = screen.variation.currentText()
    assert [screen.tabs.tabText(i) for i in range(screen.tabs.count())] == [
        spec.name for spec in CHART_SPECS
    ]
    for index, spec in reversed(list(enumerate(CHART_SPECS))):  # the first one is shown
        with qtbot.waitSignal(screen.chart_changed) as changed:
            screen.tabs.setCurrentIndex(index)
        assert changed.args == [spec.name]
        assert screen.chart_name == spec.name
        assert screen.caption.text() == spec.caption.format(variation=variation)
        assert screen.chart().plot.left.labelText == spec.y_label
        assert screen.stack.currentWidget() is screen.chart().page


def test_an_entry_added_to_the_table_is_a_new_chart(
    qtbot: QtBot, store: Store, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled: list[ChartData] = []

    def sets_per_week(chart: WeeklyChart, data: ChartData) -> int:
        filled.append(data)
        return weekly(lambda series: np.ones(len(series.week_start_s)))(chart, data)

    extra = ChartSpec("Weeks trained", "Weeks", "One bar per week trained.", bars("#123456"),
                      sets_per_week)  # fmt: skip
    monkeypatch.setattr(progress_screen, "CHART_SPECS", (*CHART_SPECS, extra))
    screen = open_screen(qtbot, store, catalog)
    screen.set_range(TimeRange.ONE_YEAR)
    assert screen.tabs.tabText(len(CHART_SPECS)) == "Weeks trained"
    with qtbot.waitSignal(screen.chart_changed) as changed:
        screen.tabs.setCurrentIndex(len(CHART_SPECS))
    assert changed.args == ["Weeks trained"]
    assert screen.caption.text() == "One bar per week trained."
    chart = screen.chart()
    assert isinstance(chart, WeeklyChart)
    assert chart.plot.left.labelText == "Weeks"
    assert 52 <= len(chart.bars.opts["height"]) <= 54
    assert len(filled) == 1
    assert filled[0].variation_id == screen.variation_id
    assert filled[0].x_range[1] == screen.now_s
