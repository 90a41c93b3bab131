"""SinkThread: calls run on a thread of its own with a Qt event loop; errors come back."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication

from app.audio.sink_thread import SinkThread


def test_a_call_runs_on_the_thread_and_what_it_makes_lives_there(qapp: QApplication) -> None:
    del qapp
    sink_thread = SinkThread()
    try:
        here = QThread.currentThread()
        ran_on = sink_thread.call(QThread.currentThread)
        assert ran_on is not here
        made = sink_thread.call(lambda: QObject(sink_thread.context))
        assert made.thread() is ran_on
    finally:
        sink_thread.stop()
    assert not ran_on.isRunning()


def test_an_error_raised_on_the_thread_reaches_the_caller(qapp: QApplication) -> None:
    del qapp
    sink_thread = SinkThread()

    def fail() -> None:
        raise ValueError("no such device")

    try:
        with pytest.raises(ValueError, match="no such device"):
            sink_thread.call(fail)
        assert sink_thread.call(lambda: 7) == 7  # the thread carries on
    finally:
        sink_thread.stop()
