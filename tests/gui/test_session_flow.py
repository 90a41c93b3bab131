"""A whole session driven by the keyboard on a fake clock, checked screen by screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.player import PlayerEvent
from app.domain.stage import Stage
from app.gui.log_sheet import LogSheet
from app.gui.main_window import MainWindow
from app.gui.player_screen import PlayerScreen
from app.gui.rest_screen import RestScreen
from app.gui.summary_screen import SummaryScreen
from app.storage.store import Store
from tests.fake_clock import FakeClock
from tests.gui.helpers import (
    TINY_PLAN,
    press,
    running,
    screen_name,
    start_plan,
    write_plan,
)


def _is(stage: Stage) -> Callable[[PlayerEvent], bool]:
    return lambda event: event.stage is stage


def _start_tiny_plan(qtbot: QtBot, window: MainWindow) -> None:
    start_plan(qtbot, window)
    assert screen_name(window) == "setup"
    press(qtbot, window, Qt.Key.Key_PageDown, times=6)
    assert screen_name(window) == "player"


def test_whole_session_by_keyboard(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    _start_tiny_plan(qtbot, window)
    run = running(window)
    player = window.stack.currentWidget()
    assert isinstance(player, PlayerScreen)
    assert player.banner.word == "READY"
    assert player.set_label.text() == "Set 1 / 2"
    assert player.box_label.text() == "Box 45 cm"

    phases = [
        Stage.COUNT_IN,
        Stage.ECCENTRIC,
        Stage.BOTTOM,
        Stage.CONCENTRIC,
        Stage.ECCENTRIC,
        Stage.BOTTOM,
        Stage.CONCENTRIC,
    ]
    with qtbot.waitSignals(
        [run.driver.stage_changed] * len(phases) + [run.driver.set_ended],
        order="strict",
        check_params_cbs=[_is(stage) for stage in phases] + [_is(Stage.LOGGING)],
    ):
        press(qtbot, window, Qt.Key.Key_Space)
        assert player.banner.word == "GET SET"
        assert player.ring.text == "3"
        clock.advance(3.5)
        run.driver.on_tick()
        assert player.banner.word == "LOWER"
        assert player.ring.text == "2"
        assert player.rep_label.text() == "Rep 1 / 2"
        assert player.cue_label.text() == "Straight line, head to heels"
        clock.advance(2.0)
        run.driver.on_tick()
        assert player.banner.word == "HOLD"
        clock.advance(1.0)
        run.driver.on_tick()
        assert player.banner.word == "PUSH"
        clock.advance(1.0)
        run.driver.on_tick()
        assert player.rep_label.text() == "Rep 2 / 2"
        assert player.cue_label.text() == "Squeeze your glutes"
        clock.advance(4.0)
        run.driver.on_tick()

    sheet = window.stack.currentWidget()
    assert isinstance(sheet, LogSheet)
    assert sheet.reps_label.text() == "2"
    assert sheet.box.value() == 45
    press(qtbot, window, Qt.Key.Key_Up)
    assert sheet.reps_label.text() == "3"
    press(qtbot, window, Qt.Key.Key_Down, times=2)
    assert sheet.reps_label.text() == "1"
    sheet.flags[0].setChecked(True)
    press(qtbot, window, Qt.Key.Key_Return)
    logged = store.sets()
    assert [(s.set_number, s.reps, s.box_height_cm) for s in logged] == [(1, 1, 45.0)]
    assert logged[0].form_flags == ("Elbows flared",)

    rest = window.stack.currentWidget()
    assert isinstance(rest, RestScreen)
    assert rest.next_label.text() == "Next: set 2 / 2"
    assert rest.next_name.text() == "Hands-elevated push up · 2 reps"
    assert rest.ring.text == "0:20"
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert rest.ring.text == "0:35"
    with qtbot.waitSignal(run.driver.stage_changed, check_params_cb=_is(Stage.COUNT_IN)):
        press(qtbot, window, Qt.Key.Key_PageDown)
    player = window.stack.currentWidget()
    assert isinstance(player, PlayerScreen)
    assert player.set_label.text() == "Set 2 / 2"

    clock.advance(4.0)
    run.driver.on_tick()
    with qtbot.waitSignal(run.driver.set_ended):
        press(qtbot, window, Qt.Key.Key_PageDown)
    sheet = window.stack.currentWidget()
    assert isinstance(sheet, LogSheet)
    assert sheet.reps_label.text() == "0"
    press(qtbot, window, Qt.Key.Key_Up, times=2)
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert [s.reps for s in store.sets()] == [1, 2]
    assert store.unfinished_session() is None

    summary = window.stack.currentWidget()
    assert isinstance(summary, SummaryScreen)
    assert "Hands-elevated push up: 1 + 2 reps · box 45 cm · the first time logged" in summary.lines
    press(qtbot, window, Qt.Key.Key_Return)
    assert screen_name(window) == "home"
    assert window.run is None
    assert "3 reps" in window.home.last_session.text()


def test_rest_runs_out_into_the_next_count_in(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    _start_tiny_plan(qtbot, window)
    run = running(window)
    press(qtbot, window, Qt.Key.Key_Space)
    clock.advance(20)
    qtbot.waitUntil(lambda: screen_name(window) == "log")
    press(qtbot, window, Qt.Key.Key_Return)
    assert screen_name(window) == "rest"
    with qtbot.waitSignal(run.driver.stage_changed, check_params_cb=_is(Stage.COUNT_IN)):
        clock.advance(21)  # the window's own 60 Hz timer notices
    assert screen_name(window) == "player"
