"""The progress screen on a generated ten-year log: what each chart holds."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.gui.keys import Action
from app.gui.progress.charts import LadderChart, LoadChart, RepsChart, WeeklyChart
from app.gui.progress.progress_screen import ProgressScreen, wall_clock_s
from app.storage.catalog import Catalog
from app.storage.progress_data import TimeRange
from app.storage.store import Store
from tests.fixtures.ten_year_history import END, HistoryFacts
from tests.gui.progress.ten_years import ten_years_file

__all__ = ["ten_years_file"]


@pytest.fixture
def ten_years(ten_years_file: tuple[Path, HistoryFacts]) -> Iterator[Store]:
    with Store(ten_years_file[0]) as store:
        yield store


@pytest.fixture
def screen(qtbot: QtBot, ten_years: Store, catalog: Catalog) -> Iterator[ProgressScreen]:
    opened = ProgressScreen(ten_years, catalog, now=lambda: END)
    opened.resize(1280, 800)
    opened.show()
    yield opened
    opened.close()
    opened.deleteLater()


def count_sets(store: Store, variation: str, since: datetime | None = None) -> int:
    since_text = "" if since is None else since.replace(tzinfo=None).isoformat()
    with sqlite3.connect(store.path) as db:
        row = db.execute(
            "SELECT COUNT(*) FROM set_log s JOIN session se ON se.id = s.session_id"
            " WHERE se.rehearsal = 0 AND s.variation = ? AND substr(s.ended_at, 1, 19) >= ?",
            (variation, since_text),
        ).fetchone()
    db.close()
    return int(row[0])


def reps_chart(screen: ProgressScreen) -> RepsChart:
    chart = screen.chart(0)
    assert isinstance(chart, RepsChart)
    return chart


def test_it_opens_on_the_latest_variation_over_three_months(
    screen: ProgressScreen, ten_years: Store
) -> None:
    assert screen.variation.currentData() == "hands-elevated-push-up"
    assert screen.chart_name == "Reps"
    x, _ = reps_chart(screen).points.getData()
    assert len(x) == count_sets(ten_years, "hands-elevated-push-up", END - timedelta(days=91))
    assert x.min() >= wall_clock_s(END - timedelta(days=91))


def test_all_time_shows_every_real_set_and_a_step_at_each_new_best(
    screen: ProgressScreen, ten_years: Store, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(screen.range_changed) as changed:
        screen.range_buttons.button(3).click()
    assert changed.args == ["All"]
    chart = reps_chart(screen)
    x, y = chart.points.getData()
    assert len(x) == count_sets(ten_years, "hands-elevated-push-up")
    # One point per set that beat every earlier one: a dozen, not one per session.
    beaten = [i for i in range(len(y)) if i == 0 or y[i] > y[:i].max()]
    assert 5 < len(beaten) < 30
    best_x, best_y = chart.best.getData()  # a step line: n bests, n + 1 edges
    assert list(best_y) == [y[i] for i in beaten]
    assert list(best_x) == [*(x[i] for i in beaten), x[-1]]
    marker_x, marker_y = chart.new_bests.getData()
    assert list(marker_x) == [x[i] for i in beaten]
    assert list(marker_y) == list(best_y)
    assert best_y.max() == y.max()


def test_switching_variation_redraws_the_reps(
    screen: ProgressScreen, ten_years: Store, qtbot: QtBot
) -> None:
    screen.set_range(TimeRange.ONE_YEAR)
    with qtbot.waitSignal(screen.variation_changed) as changed:
        screen.variation.setCurrentIndex(screen.variation.findData("loaded-push-up"))
    assert changed.args == ["loaded-push-up"]
    _, y = reps_chart(screen).points.getData()
    assert len(y) == count_sets(ten_years, "loaded-push-up", END - timedelta(days=365))
    assert y.max() <= 9  # the strength block stays in 3-8 (give or take a rep)


def test_the_ladder_walks_down_to_the_floor_and_marks_each_new_variation(
    screen: ProgressScreen,
) -> None:
    screen.set_range(TimeRange.ALL)
    screen.tabs.setCurrentIndex(1)
    chart = screen.chart(1)
    assert isinstance(chart, LadderChart)
    _, heights = chart.line.getData()
    assert heights.max() > 80  # wall push ups, high on the ladder
    box_heights = set(np.round(heights[(heights > 1) & (heights < 61)]))
    assert {60.0, 55.0, 50.0, 40.0, 30.0, 20.0, 10.0} <= box_heights
    assert heights[-1] < 0  # loaded push ups sit below the floor
    labels = [marker.label.textItem.toPlainText() for marker in chart.markers]
    assert labels == [
        "Wall push up",
        "Negative knee push up",
        "Hands-elevated push up",
        "Eccentric push up",
        "Floor push up",
        "Loaded push up",
    ]


def test_the_load_curve_climbs_across_variations(screen: ProgressScreen) -> None:
    screen.set_range(TimeRange.ALL)
    screen.tabs.setCurrentIndex(2)
    chart = screen.chart(2)
    assert isinstance(chart, LoadChart)
    _, percent = chart.line.getData()
    legend = [text for _, _, text in chart.legend.entries]
    shown = ["Wall push up", "Negative knee push up", "Hands-elevated push up", "Loaded push up"]
    assert all(name in legend for name in shown)
    assert [legend.index(name) for name in shown] == sorted(legend.index(n) for n in shown)
    assert percent[0] == pytest.approx(25)
    assert percent[-1] == pytest.approx(64)
    assert np.all((percent >= 25) & (percent <= 64.01))


def test_weekly_bars_cover_the_range(screen: ProgressScreen) -> None:
    screen.set_range(TimeRange.ONE_YEAR)
    for index in (3, 4):
        screen.tabs.setCurrentIndex(index)
        chart = screen.chart(index)
        assert isinstance(chart, WeeklyChart)
        heights = chart.bars.opts["height"]
        assert 52 <= len(heights) <= 54
        assert np.all(heights > 0)  # this person trained every week of the last year


def test_hovering_a_point_names_the_exact_set(screen: ProgressScreen, ten_years: Store) -> None:
    x, y = reps_chart(screen).points.getData()
    text = screen.hover_at(float(x[-1]), float(y[-1]))
    moment = datetime(1970, 1, 1) + timedelta(seconds=float(x[-1]))
    assert text.startswith(f"{moment:%a %d %b %Y, %H:%M}")
    assert f"{int(y[-1])} reps" in text
    assert "hands at" in text
    logged = ten_years.set_by_id(int(screen.shown_sets.set_id[-1]))
    assert text.endswith(f" · tempo {logged.tempo}")
    assert screen.hover.text() == text
    assert screen.hover_at(float(x[-1]), float(y[-1]) + 50) == ""  # far from every set


def test_the_visible_chart_exports_to_png(
    screen: ProgressScreen, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "chart.png"
    with qtbot.waitSignal(screen.exported):
        assert screen.export_png(path)
    assert path.read_bytes().startswith(b"\x89PNG")


def test_an_empty_log_says_so(qtbot: QtBot, tmp_path: Path, catalog: Catalog) -> None:
    with Store(tmp_path / "empty.sqlite3") as store:
        screen = ProgressScreen(store, catalog, now=lambda: END)
        assert screen.empty.text().startswith("Nothing logged in the last 3 months")
        screen.set_range(TimeRange.ALL)
        assert "after your first session" in screen.empty.text()
        with qtbot.waitSignal(screen.closed):
            assert screen.handle(Action.LEAVE)
        screen.deleteLater()
