"""GUI tests run offscreen, on a fake clock, against a real SQLite log in tmp_path.

The leak guard fails any test that leaves a running QTimer or a top-level widget behind.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

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


@pytest.fixture(autouse=True)
def leak_guard(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a started QTimer running or a top-level widget alive."""
    started: list[QTimer] = []
    original_start = QTimer.start

    def start(timer: QTimer, *args: int) -> None:
        started.append(timer)
        original_start(timer, *args)

    monkeypatch.setattr(QTimer, "start", start)
    before = set(map(id, QApplication.topLevelWidgets()))
    yield
    _flush_deletes()
    running = []
    for timer in started:
        try:
            if timer.isActive():
                running.append(timer)
        except RuntimeError:  # its C++ object is gone: not leaked
            continue
    left = [w for w in QApplication.topLevelWidgets() if id(w) not in before]
    for widget in left:
        widget.close()
        widget.deleteLater()
    for timer in running:
        timer.stop()
    _flush_deletes()
    assert not running, f"QTimers left running: {running}"
    assert not left, f"top-level widgets left alive: {[type(w).__name__ for w in left]}"


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
        # The progress screen's import, started once home painted, ends within this test
        # rather than run on into the next one (the app leaves it to end by itself).
        assert window.home.warm_up.wait(timeout_s=30)
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
