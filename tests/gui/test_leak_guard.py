"""The leak guard itself: each kind of leftover it looks for makes it fail, and a test that
cleans up passes it."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.gui.conftest import LeakWatch


def leaks_of(body: Callable[[], None]) -> list[str]:
    """What the guard's check finds after ``body`` runs under a watch of its own."""
    with pytest.MonkeyPatch.context() as patch:
        watch = LeakWatch(grace_s=0.05).watching(patch)
        body()
        return watch.leaks()


def test_a_running_timer_is_a_leak() -> None:
    timer = QTimer()
    found = leaks_of(lambda: timer.start(60_000))
    assert any("QTimers left running" in leak for leak in found), found
    assert not timer.isActive()  # stopped, so it cannot fire into the next test


def test_a_pending_single_shot_is_a_leak() -> None:
    fired: list[bool] = []

    def never() -> None:
        fired.append(True)

    found = leaks_of(lambda: QTimer.singleShot(60_000, never))
    assert any("singleShot left pending" in leak and "never" in leak for leak in found), found


def test_a_single_shot_whose_context_is_gone_is_no_leak(qtbot: QtBot) -> None:
    def body() -> None:
        context = QWidget()
        QTimer.singleShot(60_000, context, lambda: None)
        context.deleteLater()

    assert leaks_of(body) == []


def test_a_single_shot_still_fires(qtbot: QtBot) -> None:
    fired: list[bool] = []

    def body() -> None:
        QTimer.singleShot(0, lambda: fired.append(True))
        qtbot.waitUntil(lambda: fired == [True])

    assert leaks_of(body) == []


def test_a_top_level_widget_is_a_leak() -> None:
    widgets: list[QWidget] = []

    def body() -> None:
        widgets.append(QWidget())
        widgets[0].show()

    found = leaks_of(body)
    assert any("top-level widgets left alive: ['QWidget']" in leak for leak in found), found
    assert not isValid(widgets[0])  # closed and deleted, so the next test starts clean


def test_a_running_thread_is_a_leak() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, name="leaky-reader")
    try:
        found = leaks_of(thread.start)
    finally:
        stop.set()
        thread.join()
    assert any("threads left running: ['leaky-reader']" in leak for leak in found), found


def test_a_thread_that_ends_within_the_grace_is_no_leak() -> None:
    thread = threading.Thread(target=lambda: None, name="quick")
    assert leaks_of(thread.start) == []


class Sleeper(QThread):
    def __init__(self) -> None:
        super().__init__()
        self.stop = threading.Event()

    def run(self) -> None:
        self.stop.wait()


def test_a_running_qthread_is_a_leak() -> None:
    sleeper = Sleeper()

    def body() -> None:
        sleeper.start()  # looked up now, under the watch (``sleeper.start`` would be too early)

    try:
        found = leaks_of(body)
    finally:
        sleeper.stop.set()
        sleeper.wait()
    assert any("QThreads left running: ['Sleeper']" in leak for leak in found), found
