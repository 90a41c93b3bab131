"""Shared steps for driving the window by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.domain.stage import Stage
from app.gui.main_window import MainWindow
from app.gui.session_run import SessionRun
from app.storage.data_dir import plans_folder
from tests.fake_clock import FakeClock

TINY_PLAN = """\
title = "Tiny test plan"
count_in_s = 3

[[block]]
variation = "hands-elevated-push-up"
sets = 2
reps = 2
tempo = "2-1-1-0"
rest_s = 20
box_height_cm = 45
"""


def write_plan(data_dir: Path, name: str, text: str) -> Path:
    folder = plans_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, times: int = 1) -> None:
    del qtbot  # taken so that a test cannot press keys without the Qt fixtures
    handle = window.windowHandle()
    assert handle is not None, "keys reach a window once it is shown"
    for _ in range(times):
        # Through the window's QWindow, as a keyboard's keys come: to the widget with the focus.
        QTest.keyClick(handle, key)


def select_plan(window: MainWindow, title: str) -> None:
    plans = window.home.plans
    for row in range(plans.count()):
        if plans.item(row).text().startswith(title):
            plans.setCurrentRow(row)
            return
    raise AssertionError(f"plan {title!r} is not listed")


def start_plan(qtbot: QtBot, window: MainWindow, title: str = "Tiny test plan") -> None:
    """Pick a plan on home and start it (Enter)."""
    select_plan(window, title)
    press(qtbot, window, Qt.Key.Key_Return)


def running(window: MainWindow) -> SessionRun:
    assert window.run is not None
    return window.run


def screen_name(window: MainWindow) -> str:
    return window.current.objectName()


def play_to_summary(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    """What a person in a hurry does: Enter through setup, end each set early, log it."""
    for _ in range(60):
        name = screen_name(window)
        if name == "summary":
            return
        run = window.run
        assert run is not None
        if name == "log":
            press(qtbot, window, Qt.Key.Key_Return)
        elif name == "player" and run.player.stage is Stage.READY:
            press(qtbot, window, Qt.Key.Key_Space)
        else:
            press(qtbot, window, Qt.Key.Key_PageDown)
        clock.advance(0.5)
        if window.run is not None:
            window.run.driver.on_tick()
    raise AssertionError(f"the session did not end; stuck on {screen_name(window)}")
