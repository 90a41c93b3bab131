"""Panels pause a set and count back in; a late Save waits; a clicker gets around home."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.stage import Stage
from app.gui.main_window import MainWindow
from app.gui.phase_style import PAUSED_COLOURS, stage_colour
from app.gui.player_screen import PlayerScreen
from app.storage.settings import Theme
from app.storage.store import Store
from tests.fake_clock import FakeClock
from tests.gui.helpers import TINY_PLAN, press, running, screen_name, select_plan, write_plan
from tests.gui.test_coach_on_home import log_session
from tests.gui.touch import tap

SECOND_PLAN = TINY_PLAN.replace("Tiny test plan", "Second test plan")


def _tick(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    running(window).driver.on_tick()


def _into_lowering(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> PlayerScreen:
    select_plan(window, "Tiny test plan")
    tap(qtbot, window, "Start plan")
    tap(qtbot, window, "Skip setup")
    tap(qtbot, window, "Start")
    _tick(window, clock, 3.5)  # count-in over: 0.5 s into the first lowering
    player = window.current
    assert isinstance(player, PlayerScreen)
    assert player.banner.word == "LOWER"
    return player


def test_help_pauses_the_set_and_closing_it_counts_back_in(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    player = _into_lowering(qtbot, window, clock)
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.help.isVisible() and running(window).player.paused
    _tick(window, clock, 30.0)
    assert player.banner.word == "PAUSED"
    assert player.banner.colour.name() == PAUSED_COLOURS[Theme.DARK]
    assert player.banner.colour != stage_colour(Stage.ECCENTRIC)
    tap(qtbot, window, "Close help")
    assert not window.help.isVisible() and not running(window).player.paused
    _tick(window, clock, 0.1)
    assert player.banner.word == "GET SET" and player.ring.text == "3"
    _tick(window, clock, 3.0)
    assert player.banner.word == "LOWER" and player.ring.text == "2"


def test_keep_training_counts_back_in_before_the_rep_carries_on(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    player = _into_lowering(qtbot, window, clock)
    press(qtbot, window, Qt.Key.Key_Escape)
    _tick(window, clock, 10.0)
    press(qtbot, window, Qt.Key.Key_Escape)  # keep training
    _tick(window, clock, 0.1)
    assert player.banner.word == "GET SET"
    _tick(window, clock, 3.0)
    assert player.banner.word == "LOWER"


def test_a_help_opened_while_paused_leaves_it_paused(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    _into_lowering(qtbot, window, clock)
    tap(qtbot, window, "Pause")
    press(qtbot, window, Qt.Key.Key_F1)
    press(qtbot, window, Qt.Key.Key_F1)
    assert running(window).player.paused


def test_a_rest_that_ran_out_on_the_log_sheet_waits_for_start(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    _into_lowering(qtbot, window, clock)
    tap(qtbot, window, "End set")
    assert screen_name(window) == "log"
    _tick(window, clock, 60.0)  # the 20 s rest is long over
    tap(qtbot, window, "Save")
    assert screen_name(window) == "player"
    run = running(window)
    assert run.player.stage is Stage.READY and run.player.set_index == 1
    _tick(window, clock, 10.0)
    assert run.driver.view().stage is Stage.READY  # nothing starts by itself
    tap(qtbot, window, "Start")
    assert run.driver.view().stage is Stage.COUNT_IN
    assert len(store.sets()) == 1


def test_a_clicker_moves_the_home_highlight_and_enter_starts_it(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "a-tiny.toml", TINY_PLAN)
    write_plan(data_dir, "b-second.toml", SECOND_PLAN)
    window = make_window()
    plans = window.home.plans
    first = plans.currentRow()
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert plans.currentRow() == first + 1 and screen_name(window) == "home"
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert plans.currentRow() == first
    select_plan(window, "Second test plan")
    chosen = plans.currentRow()
    press(qtbot, window, Qt.Key.Key_Return)
    assert screen_name(window) == "setup"
    assert running(window).title == "Second test plan"
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_Return)  # leave
    assert screen_name(window) == "home"
    assert plans.currentRow() == chosen  # the plan used last is still highlighted
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert screen_name(window) == "home"  # a stray clicker press starts nothing


def test_a_clicker_reaches_train_this_today_above_the_first_plan(
    qtbot: QtBot, make_window: Callable[..., MainWindow], store: Store
) -> None:
    log_session(store, "2024-05-03", [12, 12, 12])
    window = make_window()
    home = window.home
    assert home.train_advice.isVisibleTo(window)
    first = home.plans.currentRow()
    assert first == 0
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert home.advice_highlighted and not home.plans.selectedItems()
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert not home.advice_highlighted and home.plans.currentRow() == first
    press(qtbot, window, Qt.Key.Key_PageUp)
    press(qtbot, window, Qt.Key.Key_Return)
    assert screen_name(window) in ("setup", "player")
    assert running(window).source.plan_source == "coach"
