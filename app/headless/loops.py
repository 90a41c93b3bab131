"""The loops that tick a terminal session: a plain sleep loop, or Qt's for the Qt output."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Protocol

TICK_S = 0.01


class Ticking(Protocol):
    def start(self) -> None: ...

    def tick(self) -> bool:
        """One step; True once the session is over and its last sound has played."""
        ...


def run_plain_loop(
    session: Ticking, stopped: threading.Event, sleep: Callable[[float], None]
) -> None:
    session.start()
    while not session.tick():
        if stopped.is_set():
            raise KeyboardInterrupt
        sleep(TICK_S)


def run_qt_loop(session: Ticking, stopped: threading.Event) -> None:
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    loop = QEventLoop()
    timer = QTimer(loop)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(round(TICK_S * 1000))
    failure: list[BaseException] = []

    def on_tick() -> None:
        try:
            if stopped.is_set():
                raise KeyboardInterrupt
            if session.tick():
                loop.quit()
        except BaseException as error:
            failure.append(error)
            loop.quit()

    timer.timeout.connect(on_tick)
    session.start()
    timer.start()
    loop.exec()
    timer.stop()
    if failure:
        raise failure[0]


@contextmanager
def stop_on_sigint() -> Iterator[threading.Event]:
    """Ctrl-C sets the event (Qt's loop would otherwise swallow the KeyboardInterrupt)."""
    stopped = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stopped
        return

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        stopped.set()

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield stopped
    finally:
        signal.signal(signal.SIGINT, previous)


def qt_application() -> object | None:
    """The running QCoreApplication, or a new one for the Qt output; None without Qt."""
    try:
        from PySide6.QtCore import QCoreApplication
    except ImportError:
        return None
    return QCoreApplication.instance() or QCoreApplication(["tempo-trainer"])


def release_qt(qt_app: object | None) -> None:
    """Objects Qt deleted later are deleted now: the session's output goes with its run."""
    if qt_app is not None:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
