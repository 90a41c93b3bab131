"""GUI tests run offscreen, on a fake clock, against a real SQLite log in tmp_path.

The leak guard fails any test that leaves a running QTimer, a pending ``QTimer.singleShot``,
a top-level widget or a running thread (Python or QThread) behind.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.audio.output import CueOutput, SilentOutput
from app.gui.main_window import MainWindow
from app.gui.screen_awake import NoScreenAwake
from app.gui.services import Services
from app.storage.catalog import Catalog, load_catalog
from app.storage.data_dir import plans_folder, store_path
from app.storage.plan_files import shipped_plans_folder
from app.storage.settings import Settings
from app.storage.store import Store
from tests.fake_clock import FakeClock


class FakeScreenAwake:
    available = True
    reason = ""

    def __init__(self) -> None:
        self.held = False

    def hold(self, why: str) -> None:
        del why
        self.held = True

    def release(self) -> None:
        self.held = False


# The offscreen platform cannot pass size hints on, and says so at WARNING level whenever a
# layout changes a window's minimum size; it is about the test platform, not the app.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


THREAD_GRACE_S = 2.0
"""How long a thread started by a test may take to finish after it (it was told to stop)."""


def _alive(obj: QObject, alive: Callable[[], bool]) -> bool:
    """``alive()`` of a Qt object, False once its C++ object is gone (then it cannot leak)."""
    try:
        return isValid(obj) and alive()
    except RuntimeError:
        return False


class LeakWatch:
    """What a test starts that must be over by its end: timers, single shots, threads.

    ``watching(monkeypatch)`` records every QTimer started, every ``QTimer.singleShot`` (run
    on a recorded timer of its own, so that a pending one can be seen and stopped) and every
    QThread started; Python threads are told apart by the set alive before. ``leaks()``
    waits a short grace for threads to end, then names what is still running, after stopping
    the timers so that none fires into the next test.
    """

    def __init__(self, grace_s: float = THREAD_GRACE_S) -> None:
        self.grace_s = grace_s
        self.timers: list[QTimer] = []
        self.shots: list[tuple[QTimer, str]] = []
        self.qthreads: list[QThread] = []
        self.threads_before = set(threading.enumerate())
        self.widgets_before = set(map(id, QApplication.topLevelWidgets()))

    def watching(self, monkeypatch: pytest.MonkeyPatch) -> LeakWatch:
        original_start = QTimer.start
        original_thread_start = QThread.start
        timers, shots, qthreads = self.timers, self.shots, self.qthreads

        def start(timer: QTimer, *args: int) -> None:
            timers.append(timer)
            original_start(timer, *args)

        def single_shot(msec: int, *args: Any) -> None:
            # The forms the app uses: (msec, functor) and (msec, context, functor); a timer
            # parented to the context dies with it, as Qt's own single shot does.
            *context, functor = args
            parent = context[0] if context and isinstance(context[0], QObject) else None
            timer = QTimer(parent)
            timer.setSingleShot(True)
            timer.timeout.connect(functor)
            shots.append((timer, getattr(functor, "__qualname__", repr(functor))))
            original_start(timer, msec)

        def thread_start(thread: QThread, *args: Any) -> None:
            qthreads.append(thread)
            original_thread_start(thread, *args)

        monkeypatch.setattr(QTimer, "start", start)
        monkeypatch.setattr(QTimer, "singleShot", staticmethod(single_shot))
        monkeypatch.setattr(QThread, "start", thread_start)
        return self

    def leaks(self) -> list[str]:
        """What the test left behind, described; everything found is stopped or closed."""
        _flush_deletes()
        found: list[str] = []
        running = [t for t in self.timers if _alive(t, t.isActive)]
        pending = [(t, name) for t, name in self.shots if _alive(t, t.isActive)]
        left = [w for w in QApplication.topLevelWidgets() if id(w) not in self.widgets_before]
        for widget in left:
            widget.close()
            widget.deleteLater()
        for timer in running + [t for t, _ in pending]:
            timer.stop()
        for timer, _ in self.shots:  # the fired ones too: they were ours to make
            if _alive(timer, lambda: True) and timer.parent() is None:
                timer.deleteLater()
        _flush_deletes()
        if running:
            found.append(f"QTimers left running: {running}")
        if pending:
            found.append(f"QTimer.singleShot left pending: {[name for _, name in pending]}")
        if left:
            found.append(f"top-level widgets left alive: {[type(w).__name__ for w in left]}")
        found += self._threads_left()
        return found

    def _threads_left(self) -> list[str]:
        deadline = time.monotonic() + self.grace_s
        # A thread Qt started that once ran Python code shows up as a _DummyThread that never
        # ends; the QThreads are watched on their own.
        threads = [
            t
            for t in threading.enumerate()
            if t not in self.threads_before and not isinstance(t, threading._DummyThread)
        ]
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        for qthread in self.qthreads:
            if _alive(qthread, qthread.isRunning):
                qthread.wait(max(0, round((deadline - time.monotonic()) * 1000)))
        found = []
        alive = [t.name for t in threads if t.is_alive()]
        if alive:
            found.append(f"threads left running: {alive}")
        qalive = [type(t).__name__ for t in self.qthreads if _alive(t, t.isRunning)]
        if qalive:
            found.append(f"QThreads left running: {qalive}")
        return found


@pytest.fixture(autouse=True)
def leak_guard(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[LeakWatch]:
    """Fail a test that leaves a QTimer running, a single shot pending, a top-level widget
    alive, or a thread (Python or QThread) running after a short grace."""
    watch = LeakWatch().watching(monkeypatch)
    yield watch
    leaks = watch.leaks()
    assert not leaks, "; ".join(leaks)


@pytest.fixture(autouse=True)
def fresh_look(qapp: QApplication) -> Iterator[None]:
    """The application's style sheet, palette and font are shared by every test: one that
    changes them (a theme chosen in Settings) gives them back, so no later test depends on
    which tests ran before it."""
    style, palette, font = qapp.styleSheet(), qapp.palette(), qapp.font()
    yield
    if qapp.styleSheet() != style:
        qapp.setStyleSheet(style)
    if qapp.palette() != palette:
        qapp.setPalette(palette)
    if qapp.font() != font:
        qapp.setFont(font)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=1000.0)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with Store(store_path(data_dir)) as opened:
        yield opened


@pytest.fixture
def outputs() -> list[SilentOutput]:
    return []


@pytest.fixture
def make_services(
    data_dir: Path,
    store: Store,
    catalog: Catalog,
    clock: FakeClock,
    outputs: list[SilentOutput],
) -> Callable[..., Services]:
    wall = [datetime(2024, 5, 6, 18, 0, tzinfo=UTC)]

    def wall_clock() -> datetime:
        wall[0] += timedelta(seconds=1)
        return wall[0]

    def make(settings: Settings | None = None, speed: float = 1.0) -> Services:
        def open_output(current: Settings) -> CueOutput:
            del current
            output = SilentOutput(clock)
            outputs.append(output)
            return output

        return Services(
            data_dir=data_dir,
            catalog=catalog,
            store=store,
            settings=settings or Settings(),
            open_output=open_output,
            screen_awake=FakeScreenAwake(),
            plan_folders=(shipped_plans_folder(), plans_folder(data_dir)),
            speed=speed,
            wall_clock=wall_clock,
        )

    return make


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[[Services], MainWindow]]:
    """Shows a window over the given services (e.g. a failing store); closed at the end."""
    del qtbot  # taken so that the Qt fixtures are up
    windows: list[MainWindow] = []

    def make(services: Services) -> MainWindow:
        window = MainWindow(services)
        window.resize(1280, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.deleteLater()
    _flush_deletes()


@pytest.fixture
def make_window(
    make_services: Callable[..., Services], open_window: Callable[[Services], MainWindow]
) -> Callable[..., MainWindow]:
    def make(settings: Settings | None = None, speed: float = 1.0) -> MainWindow:
        return open_window(make_services(settings, speed))

    return make


__all__ = ["FakeScreenAwake", "NoScreenAwake"]
