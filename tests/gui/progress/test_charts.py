"""What a person reads off the charts from across the room: labelled zeros, few steps."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.gui.progress.charts import LadderChart, WeeklyChart, new_bests
from app.gui.progress.progress_screen import CHARTS, ProgressScreen, wall_clock_s
from app.gui.theme import apply_theme
from app.storage.catalog import Catalog
from app.storage.progress_data import DAY_S, TimeRange
from app.storage.progress_series import monday_of
from app.storage.settings import Theme
from app.storage.store import Store
from tests.fixtures.ten_year_history import END, HistoryFacts
from tests.gui.progress.ten_years import ten_years_file

__all__ = ["ten_years_file"]

VALUE_CHARTS = [name for name in CHARTS if name != "Box ladder"]


@pytest.fixture
def screen(
    qtbot: QtBot, ten_years_file: tuple[Path, HistoryFacts], catalog: Catalog
) -> Iterator[ProgressScreen]:
    with Store(ten_years_file[0]) as store:
        opened = ProgressScreen(store, catalog, now=lambda: END)
        opened.resize(1280, 800)
        opened.show()
        qtbot.waitExposed(opened)
        yield opened
        opened.close()
        opened.deleteLater()


def show_chart(screen: ProgressScreen, name: str, time_range: TimeRange) -> None:
    screen.set_range(time_range)
    screen.tabs.setCurrentIndex(CHARTS.index(name))
    QApplication.processEvents()  # lays the plot out at its size


@pytest.mark.parametrize("time_range", [TimeRange.THREE_MONTHS, TimeRange.ALL])
@pytest.mark.parametrize("name", VALUE_CHARTS)
def test_the_value_axis_starts_at_a_labelled_zero(
    screen: ProgressScreen, name: str, time_range: TimeRange
) -> None:
    show_chart(screen, name, time_range)
    chart = screen.chart()
    assert not isinstance(chart, LadderChart)
    assert chart.plot.view.viewRange()[1][0] == 0
    labels = chart.plot.left.tick_labels()
    assert "0" in labels, labels
    assert len(labels) >= 4, labels


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)])
def test_every_year_or_every_other_year_is_dated(
    screen: ProgressScreen, size: tuple[int, int]
) -> None:
    screen.resize(*size)
    show_chart(screen, "Weekly volume", TimeRange.ALL)
    years = [label for label in screen.chart().plot.bottom.tick_labels() if label.isdigit()]
    assert len(years) >= 5, years
    assert np.all(np.diff([int(year) for year in years]) <= 2), years


def test_the_screen_fits_a_portrait_screen_800_pixels_wide(screen: ProgressScreen) -> None:
    screen.resize(800, 1280)
    QApplication.processEvents()
    assert screen.minimumSizeHint().width() <= 800
    assert screen.width() == 800


def test_each_chart_keeps_its_own_caption(screen: ProgressScreen) -> None:
    show_chart(screen, "Time under tension", TimeRange.ONE_YEAR)
    tension = screen.caption.text()
    screen.tabs.setCurrentIndex(CHARTS.index("Weekly volume"))
    assert screen.caption.text() != tension
    screen.tabs.setCurrentIndex(CHARTS.index("Time under tension"))  # filled already
    assert screen.caption.text() == tension


def test_weekly_bars_start_on_a_monday_with_the_whole_first_week(
    screen: ProgressScreen,
) -> None:
    show_chart(screen, "Weekly volume", TimeRange.THREE_MONTHS)
    chart = screen.chart()
    assert isinstance(chart, WeeklyChart)
    first_start_s = float(chart.bars.opts["x"][0]) - 3.5 * DAY_S
    assert chart_moment(first_start_s).weekday() == 0
    assert chart_moment(first_start_s).time() == time(0, 0)
    assert chart.plot.view.viewRange()[0][0] < first_start_s <= wall_clock_s(END) - 91 * DAY_S


def test_new_bests_are_the_sets_that_beat_every_earlier_one() -> None:
    t_s = np.arange(8, dtype=np.float64)
    reps = np.array([5, 3, 6, 6, 8, 2, 8, 9])
    times, bests = new_bests(t_s, reps)
    assert list(times) == [0, 2, 4, 7]
    assert list(bests) == [5, 6, 8, 9]
    empty_times, empty_bests = new_bests(np.zeros(0), np.zeros(0, dtype=np.int64))
    assert len(empty_times) == len(empty_bests) == 0


def test_monday_of_is_the_start_of_the_week_on_the_charts_clock() -> None:
    monday = wall_clock_s(datetime(2026, 11, 16))
    for moment in (datetime(2026, 11, 16), datetime(2026, 11, 20, 18), datetime(2026, 11, 22, 23)):
        assert monday_of(wall_clock_s(moment)) == monday
    assert monday_of(wall_clock_s(datetime(2026, 11, 23))) == monday + 7 * DAY_S


def chart_moment(t_s: float) -> datetime:
    return datetime(1970, 1, 1) + timedelta(seconds=t_s)


@pytest.mark.parametrize("size", [(1024, 600), (1280, 800), (800, 1280)])
def test_the_ladders_variation_names_never_lie_over_each_other(
    qtbot: QtBot,
    ten_years_file: tuple[Path, HistoryFacts],
    catalog: Catalog,
    qapp: QApplication,
    size: tuple[int, int],
) -> None:
    apply_theme(qapp, Theme.DARK)  # the look people get: bigger text than Qt's own
    with Store(ten_years_file[0]) as store:
        screen = ProgressScreen(store, catalog, now=lambda: END)
        qtbot.addWidget(screen)
        screen.resize(*size)
        screen.show()
        qtbot.waitExposed(screen)
        _check_ladder_names(screen, size)


def _check_ladder_names(screen: ProgressScreen, size: tuple[int, int]) -> None:
    show_chart(screen, "Box ladder", TimeRange.ALL)
    chart = screen.chart()
    assert isinstance(chart, LadderChart)
    names = [(m.label.toPlainText(), m.label.sceneBoundingRect()) for m in chart.markers]
    assert len(names) >= 5
    for i, (name, rect) in enumerate(names):
        for other, other_rect in names[i + 1 :]:
            assert not rect.intersects(other_rect), f"{name!r} lies over {other!r} at {size}"


@pytest.mark.parametrize("size", [(1024, 600), (1280, 800), (800, 1280)])
def test_months_are_dated_from_january_so_none_runs_into_a_year(
    screen: ProgressScreen, size: tuple[int, int]
) -> None:
    screen.resize(*size)
    show_chart(screen, "Weekly volume", TimeRange.ONE_YEAR)
    labels = screen.chart().plot.bottom.tick_labels()
    names = [datetime(2001, m, 1).strftime("%b") for m in range(1, 13)]
    months = [names.index(label) + 1 for label in labels if label in names]
    assert months, labels
    # Every month, or quarters (Apr, Jul, Oct) or half years (Jul) counted from January, whose
    # place the year's label takes: never Dec (or Mar) right before the year.
    quarters = set(months) <= {4, 7, 10}
    monthly = all((b - a) % 12 in (1, 2) for a, b in itertools.pairwise(months))
    assert quarters or monthly, labels
