"""A plan that changes variation walks the person through the new one's setup mid-session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.log_sheet import LogSheet
from app.gui.main_window import MainWindow
from app.gui.player_screen import PlayerScreen
from app.gui.setup_screen import SetupScreen
from app.storage.catalog import Catalog
from app.storage.store import Store
from tests.fake_clock import FakeClock
from tests.gui.helpers import press, running, screen_name, select_plan, write_plan

TWO_VARIATIONS = """\
title = "Two variations"
count_in_s = 1

[[block]]
variation = "floor-push-up"
sets = 1
reps = 1
tempo = "1-0-1-0"
rest_s = 30

[[block]]
variation = "negative-knee-push-up"
sets = 1
reps = 1
tempo = "2-0-R-0"
reset_s = 1
"""


def test_the_second_variation_gets_its_own_walkthrough(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
    catalog: Catalog,
) -> None:
    write_plan(data_dir, "two.toml", TWO_VARIATIONS)
    window = make_window()
    select_plan(window, "Two variations")
    press(qtbot, window, Qt.Key.Key_Return)
    setup = window.stack.currentWidget()
    assert isinstance(setup, SetupScreen)
    assert setup.title.text() == catalog["floor-push-up"].steps[0].title
    press(qtbot, window, Qt.Key.Key_PageDown, times=len(catalog["floor-push-up"].steps))
    assert screen_name(window) == "player"
    run = running(window)
    press(qtbot, window, Qt.Key.Key_Space)
    clock.advance(10.0)
    run.driver.on_tick()
    assert isinstance(window.stack.currentWidget(), LogSheet)
    press(qtbot, window, Qt.Key.Key_Return)
    assert [s.variation for s in store.sets()] == ["floor-push-up"]

    setup = window.stack.currentWidget()
    assert isinstance(setup, SetupScreen), screen_name(window)
    knee = catalog["negative-knee-push-up"]
    assert setup.title.text() == knee.steps[0].title
    clock.advance(120.0)  # reading the steps takes longer than the rest: the rest waits
    run.driver.on_tick()
    assert isinstance(window.stack.currentWidget(), SetupScreen)
    press(qtbot, window, Qt.Key.Key_PageDown, times=len(knee.steps))
    assert screen_name(window) in ("rest", "player")
    if screen_name(window) == "rest":
        press(qtbot, window, Qt.Key.Key_PageDown)
    player = window.stack.currentWidget()
    assert isinstance(player, PlayerScreen)
    assert "Negative knee push up" in player.variation_label.text()
