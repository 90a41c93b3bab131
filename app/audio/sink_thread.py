"""A thread with its own Qt event loop, where the output's QAudioSink lives.

A sink does its own work (PulseAudio's stream callbacks handed over, its period timer) in the
event loop of the thread that owns it. Owned by the GUI thread, that work woke the GUI thread
about 160 times a second more during a rest (bench/energy.py: a rest cost 8.5 % of one core
with sound against 2.2 % without). Here it wakes a thread that does nothing else, and the
GUI thread sleeps until the screen has something to show.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QThread, QTimer

T = TypeVar("T")

CALL_TIMEOUT_S = 5.0
"""How long a call may take on the sink's thread (opening a device can be slow)."""


class SinkThread:
    """Runs calls on a thread of its own with a Qt event loop; objects made there live there."""

    def __init__(self, name: str = "audio-sink") -> None:
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._thread.start()
        self.context = QObject()
        """An object living on the thread: the parent for what is made there."""
        self.context.moveToThread(self._thread)

    def call(self, work: Callable[[], T]) -> T:
        """``work()`` run on the thread; its result, or what it raised. Waits for it."""
        if QThread.currentThread() is self._thread:
            return work()
        done = threading.Event()
        outcome: list[T] = []
        failure: list[BaseException] = []

        def run() -> None:
            try:
                outcome.append(work())
            except BaseException as error:  # handed to the caller, raised there
                failure.append(error)
            finally:
                done.set()

        QTimer.singleShot(0, self.context, run)
        if not done.wait(CALL_TIMEOUT_S):
            raise TimeoutError(f"the {self._thread.objectName()} thread did not answer")
        if failure:
            raise failure[0]
        return outcome[0]

    def stop(self) -> None:
        """Delete what lives on the thread and end it; returns once it has ended."""
        if not self._thread.isRunning():
            return
        self.call(self.context.deleteLater)
        self._thread.quit()
        self._thread.wait()
