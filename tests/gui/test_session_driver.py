"""The window wakes only when what it shows changes: counted on a fake clock, as a battery would."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.stage import Stage
from app.gui.main_window import MainWindow
from app.gui.rest_screen import RestScreen
from app.gui.session_run import SessionRun
from tests.fake_clock import FakeClock
from tests.gui.helpers import press, running, screen_name, start_plan, write_plan

PLAN = """\
title = "Long rest plan"
count_in_s = 3

[[block]]
variation = "floor-push-up"
sets = 2
reps = 2
tempo = "3-1-1-0"
rest_s = 120
"""


class PaintCounter(QObject):
    """Counts paint events per widget class, anywhere in the application."""

    def __init__(self) -> None:
        super().__init__()
        self.paints: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.paints[type(watched).__name__] += 1
        return False


@pytest.fixture
def paint_counter(qapp: QApplication) -> Iterator[PaintCounter]:
    counter = PaintCounter()
    qapp.installEventFilter(counter)
    yield counter
    qapp.removeEventFilter(counter)


def active_timers(window: MainWindow) -> list[QTimer]:
    return [timer for timer in window.findChildren(QTimer) if timer.isActive()]


def settle() -> None:
    """Let Qt deliver the repaints that updates asked for."""
    for _ in range(3):
        QCoreApplication.processEvents()


def wake_when_due(run: SessionRun, clock: FakeClock) -> None:
    """Move the clock as the driver's timer would (whole milliseconds), and fire it."""
    due = run.driver.due
    assert due is not None, "no timer armed while something moves"
    clock.advance(max(1, math.ceil((due.at - run.driver.now()) * 1000)) / 1000)
    run.driver.on_tick()
    settle()


def start(qtbot: QtBot, window: MainWindow, data_dir: Path) -> SessionRun:
    del data_dir
    start_plan(qtbot, window, "Long rest plan")
    while screen_name(window) == "setup":
        press(qtbot, window, Qt.Key.Key_PageDown)
    press(qtbot, window, Qt.Key.Key_Space)
    return running(window)


def test_a_rest_repaints_its_ring_a_pixel_at_a_time_and_nothing_else(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    paint_counter: PaintCounter,
) -> None:
    write_plan(data_dir, "long-rest.toml", PLAN)
    window = make_window()
    run = start(qtbot, window, data_dir)
    clock.advance(13.2)  # count-in 3 s + 2 reps of 5 s: the log sheet
    run.driver.on_tick()
    press(qtbot, window, Qt.Key.Key_Return)
    rest = window.current
    assert isinstance(rest, RestScreen)
    settle()
    paint_counter.paints.clear()
    began, wakes = clock(), 0
    during = Counter[str]()
    while run.player.stage is Stage.REST:
        during = Counter(paint_counter.paints)  # before the wake that ends the rest
        wake_when_due(run, clock)
        wakes += 1
    rest_s = clock() - began
    assert rest_s == pytest.approx(120 - 0.2, abs=0.05)
    steps = rest.ring.arc_steps()
    assert steps > 600  # a real ring, about a pixel per arc step
    # One wake per pixel the arc's end moves and per second shown: not 60 a second.
    assert wakes <= steps + rest_s + 3
    assert wakes / rest_s < 60 / 3  # the old frame timer woke 60 times a second
    # Each wake moved the ring; no other widget of the rest screen was repainted.
    assert during["ProgressRing"] >= 0.9 * (wakes - 1)
    others = {name: n for name, n in during.items() if name != "ProgressRing"}
    assert others == {}  # not the screen, its labels and buttons, nor the window under them


def test_paused_log_sheet_and_home_run_no_timer_and_repaint_nothing(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    paint_counter: PaintCounter,
) -> None:
    write_plan(data_dir, "long-rest.toml", PLAN)
    window = make_window()
    settle()
    paint_counter.paints.clear()
    qtbot.wait(300)
    assert active_timers(window) == [] and sum(paint_counter.paints.values()) == 0  # home

    run = start(qtbot, window, data_dir)
    clock.advance(5.5)  # mid-lowering
    run.driver.on_tick()
    assert run.driver.due is not None
    press(qtbot, window, Qt.Key.Key_Space)
    assert run.player.paused
    qtbot.wait(100)  # the screen says PAUSED
    paint_counter.paints.clear()
    clock.advance(60)
    qtbot.wait(300)
    assert run.driver.due is None and active_timers(window) == []
    assert sum(paint_counter.paints.values()) == 0

    press(qtbot, window, Qt.Key.Key_Space)  # resume; the set runs out into the log sheet
    clock.advance(10)
    run.driver.on_tick()
    assert screen_name(window) == "log"
    settle()
    paint_counter.paints.clear()
    seconds_left = math.ceil(run.driver.view().rest_remaining_s)
    assert seconds_left > 100
    wakes = 0
    while run.driver.due is not None:  # once a second while its rest counts down
        wake_when_due(run, clock)
        wakes += 1
    assert seconds_left <= wakes <= seconds_left + 1
    assert paint_counter.paints["ScaledLabel"] <= wakes + 1
    qtbot.wait(100)  # the last second's repaint
    paint_counter.paints.clear()
    qtbot.wait(300)
    assert active_timers(window) == [] and sum(paint_counter.paints.values()) == 0
