"""The loops that tick a terminal session, and Ctrl-C turned into an event."""

from __future__ import annotations

import os
import signal
import threading

# The Qt loop needs an application; this one needs no display (as in tests/gui).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QApplication

from app.headless.loops import qt_application, run_plain_loop, run_qt_loop, stop_on_sigint


class Session:
    def __init__(self, ticks: int, fail_at: int | None = None) -> None:
        self.started = False
        self.ticks = 0
        self.last = ticks
        self.fail_at = fail_at

    def start(self) -> None:
        self.started = True

    def tick(self) -> bool:
        self.ticks += 1
        if self.ticks == self.fail_at:
            raise RuntimeError("the output broke")
        return self.ticks >= self.last


def test_the_plain_loop_ticks_until_the_session_is_over() -> None:
    session, slept = Session(3), list[float]()
    run_plain_loop(session, threading.Event(), slept.append)
    assert session.started and session.ticks == 3 and slept == [0.01, 0.01]


def test_a_stop_ends_the_plain_loop_as_a_keyboard_interrupt() -> None:
    stopped = threading.Event()
    stopped.set()
    with pytest.raises(KeyboardInterrupt):
        run_plain_loop(Session(5), stopped, lambda _s: None)


def test_the_qt_loop_ticks_and_passes_a_failure_on(qapp: QApplication) -> None:
    assert qt_application() is qapp
    session = Session(3)
    run_qt_loop(session, threading.Event())
    assert session.ticks == 3
    with pytest.raises(RuntimeError, match="the output broke"):
        run_qt_loop(Session(5, fail_at=2), threading.Event())


def test_ctrl_c_sets_the_event_and_the_old_handler_comes_back() -> None:
    before = signal.getsignal(signal.SIGINT)
    with stop_on_sigint() as stopped:
        os.kill(os.getpid(), signal.SIGINT)
        assert stopped.wait(5)
    assert signal.getsignal(signal.SIGINT) is before
