"""A whole session by touch alone: every control found by its accessible name and tapped."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.keys import Action
from app.gui.log_sheet import LogSheet
from app.gui.main_window import MainWindow
from app.gui.player_screen import PlayerScreen
from app.gui.touch_button import MIN_TOUCH_PX
from app.storage.data_dir import store_path
from tests.fake_clock import FakeClock
from tests.gui.helpers import TINY_PLAN, running, screen_name, select_plan, write_plan
from tests.gui.touch import tap, visible_controls


def _tick(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    running(window).driver.on_tick()


def _tap_sized(qtbot: QtBot, window: MainWindow, name: str) -> None:
    widget = tap(qtbot, window, name)
    assert widget.height() >= MIN_TOUCH_PX and widget.width() >= MIN_TOUCH_PX, name


def test_a_two_set_session_by_taps_alone_reaches_the_log_file(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    select_plan(window, "Tiny test plan")
    tap(qtbot, window, "Start plan")
    assert screen_name(window) == "setup"
    _tap_sized(qtbot, window, "Next")
    _tap_sized(qtbot, window, "Back")
    _tap_sized(qtbot, window, "Skip setup")
    assert screen_name(window) == "player"

    _tap_sized(qtbot, window, "Start")
    _tick(window, clock, 4.5)  # count-in over, first rep lowering
    _tap_sized(qtbot, window, "Pause")
    assert running(window).player.paused
    _tap_sized(qtbot, window, "Resume")
    assert not running(window).player.paused
    _tick(window, clock, 20.0)  # both reps over: the set ends by itself
    assert screen_name(window) == "log"
    _tap_sized(qtbot, window, "Fewer reps")
    _tap_sized(qtbot, window, "Fewer reps")
    _tap_sized(qtbot, window, "More reps")
    _tap_sized(qtbot, window, "Save")
    assert screen_name(window) == "rest"
    _tap_sized(qtbot, window, "Add 15 s")
    assert running(window).driver.view().rest_remaining_s > 20.0
    _tap_sized(qtbot, window, "Skip rest")
    assert screen_name(window) == "player"

    _tick(window, clock, 3.5 + 4.0)  # count-in and one whole rep
    _tap_sized(qtbot, window, "End set")
    assert screen_name(window) == "log"
    _tap_sized(qtbot, window, "Save")
    assert screen_name(window) == "summary"
    _tap_sized(qtbot, window, "Done")
    assert screen_name(window) == "home"

    with sqlite3.connect(store_path(data_dir)) as db:
        rows = db.execute(
            "SELECT set_number, reps, box_height_cm FROM set_log ORDER BY id"
        ).fetchall()
        ended = db.execute("SELECT ended_at IS NOT NULL FROM session").fetchall()
    db.close()
    assert rows == [(1, 1, 45.0), (2, 1, 45.0)]
    assert ended == [(1,)]


def test_leave_session_by_taps_and_keep_training(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    select_plan(window, "Tiny test plan")
    tap(qtbot, window, "Start plan")
    tap(qtbot, window, "Skip setup")
    tap(qtbot, window, "Start")
    _tick(window, clock, 5.0)
    _tap_sized(qtbot, window, "Leave session")
    assert window.leave.isVisible() and running(window).player.paused
    _tap_sized(qtbot, window, "Keep training")
    assert not window.leave.isVisible()
    tap(qtbot, window, "Leave session")
    _tap_sized(qtbot, window, "Leave session now")
    assert screen_name(window) == "home" and window.run is None


def test_set_controls_dim_while_a_set_runs_and_come_back_on_a_tap(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "long.toml", TINY_PLAN.replace("reps = 2", "reps = 10"))
    window = make_window()
    select_plan(window, "Tiny test plan")
    tap(qtbot, window, "Start plan")
    tap(qtbot, window, "Skip setup")
    player = window.current
    assert isinstance(player, PlayerScreen)
    assert not player.controls.faded  # before the set: Start must be obvious
    tap(qtbot, window, "Start")
    _tick(window, clock, 1.0)
    assert not player.controls.faded
    _tick(window, clock, 5.0)
    assert player.controls.faded
    qtbot.mouseClick(player.ring, Qt.MouseButton.LeftButton)
    assert not player.controls.faded
    assert not running(window).player.paused  # a tap on the screen only wakes the controls
    _tick(window, clock, 5.0)
    assert player.controls.faded
    tap(qtbot, window, "Pause")
    assert not player.controls.faded


def test_every_control_on_every_session_screen_has_an_accessible_name(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    seen: dict[str, int] = {}

    def check(screen: str) -> None:
        controls = visible_controls(window)
        assert controls, screen
        unnamed = [type(w).__name__ for name, w in controls if not name.strip()]
        assert not unnamed, f"{screen}: controls without a name: {unnamed}"
        seen[screen] = len(controls)

    check("home")
    select_plan(window, "Tiny test plan")
    tap(qtbot, window, "Start plan")
    check("setup")
    tap(qtbot, window, "Skip setup")
    check("player")
    tap(qtbot, window, "Start")
    _tick(window, clock, 4.5)
    tap(qtbot, window, "End set")
    check("log")
    tap(qtbot, window, "Save")
    check("rest")
    tap(qtbot, window, "Leave session")
    check("leave question")
    tap(qtbot, window, "Keep training")
    window.on_action(Action.HELP)
    check("help")
    tap(qtbot, window, "Close help")
    tap(qtbot, window, "Skip rest")
    _tick(window, clock, 4.5)
    tap(qtbot, window, "End set")
    tap(qtbot, window, "Save")
    check("summary")
    tap(qtbot, window, "Done")
    for side in ("Settings", "History", "Progress"):
        tap(qtbot, window, side)
        check(side)
        tap(qtbot, window, "Back")
    assert len(seen) == 11


def test_a_tap_on_the_reps_opens_a_keypad_for_a_big_correction(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    select_plan(window, "Tiny test plan")
    tap(qtbot, window, "Start plan")
    tap(qtbot, window, "Skip setup")
    tap(qtbot, window, "Start")
    _tick(window, clock, 4.5)
    tap(qtbot, window, "End set")
    sheet = window.current
    assert isinstance(sheet, LogSheet)
    qtbot.mouseClick(sheet.reps_label, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    assert sheet.keypad.isVisible()
    for name in ("Digit 1", "Digit 2", "Delete the last digit", "Digit 4"):
        _tap_sized(qtbot, window, name)
    assert sheet.keypad.display.text() == "14"
    _tap_sized(qtbot, window, "Set the reps")
    assert not sheet.keypad.isVisible()
    assert sheet.reps_label.text() == "14"
    qtbot.mouseClick(sheet.reps_label, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    tap(qtbot, window, "Digit 9")
    tap(qtbot, window, "Cancel")
    assert sheet.reps_label.text() == "14"
    tap(qtbot, window, "Save")
    with sqlite3.connect(store_path(data_dir)) as db:
        reps = db.execute("SELECT reps FROM set_log").fetchall()
    db.close()
    assert reps == [(14,)]
