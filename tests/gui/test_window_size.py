"""The window opens sized to its screen, remembers its size, and F11 fills the screen."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.gui.launch import open_sized
from app.gui.main_window import MainWindow
from app.gui.services import Services
from app.gui.window_size import placement
from app.storage.settings import Settings
from tests.gui.helpers import press


@pytest.mark.parametrize(
    ("screen", "remembered", "maximised", "size"),
    [
        (QSize(1024, 600), QSize(0, 0), True, QSize(1024, 600)),
        (QSize(1366, 768), QSize(900, 700), True, QSize(1366, 768)),
        (QSize(1920, 1080), QSize(0, 0), False, QSize(1728, 972)),
        (QSize(1920, 1080), QSize(1400, 900), False, QSize(1400, 900)),
        (QSize(1920, 1080), QSize(2560, 1440), False, QSize(1728, 972)),
        (QSize(800, 1280), QSize(0, 0), True, QSize(800, 1280)),
        (QSize(1440, 900), QSize(0, 0), False, QSize(1296, 810)),
    ],
)
def test_where_the_window_opens(
    screen: QSize, remembered: QSize, maximised: bool, size: QSize
) -> None:
    where = placement(screen, remembered)
    assert (where.maximised, where.size) == (maximised, size)


def test_the_window_fills_a_small_screen_when_it_opens(
    make_services: Callable[..., Services], qtbot: QtBot
) -> None:
    window = MainWindow(make_services())
    qtbot.addWidget(window)
    open_sized(window)
    screen = window.screen()
    assert screen is not None
    available = screen.availableGeometry()
    assert available.width() * available.height() <= 1366 * 768  # the offscreen screen
    assert window.isMaximized()
    assert window.size() == available.size()


def test_closing_remembers_the_size_and_the_next_window_opens_at_it(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    window = make_window()
    window.resize(1100, 700)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, font = app.styleSheet(), app.font()
    window.close()
    # Only saved: the application's look is not re-applied on the way out, where it would
    # restyle whatever else the application shows (in a test run, every later test).
    assert (app.styleSheet(), app.font()) == (style, font)
    saved = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert (saved["window_width"], saved["window_height"]) == (1100, 700)
    where = placement(QSize(1920, 1080), QSize(saved["window_width"], saved["window_height"]))
    assert where.size == QSize(1100, 700)


def test_a_full_screen_window_does_not_overwrite_the_remembered_size(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    window = make_window(Settings(window_width=1000, window_height=640))
    press(qtbot, window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    window.close()
    assert not (data_dir / "settings.json").exists()


def test_f11_fills_the_screen_and_gives_the_old_size_back(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    window.setGeometry(10, 20, 700, 500)
    before = window.geometry()
    press(qtbot, window, Qt.Key.Key_F11)
    screen = window.screen()
    assert screen is not None
    assert window.full_screen.active
    qtbot.waitUntil(lambda: window.frameGeometry() == screen.geometry())
    press(qtbot, window, Qt.Key.Key_F11)
    assert not window.full_screen.active and not window.isFullScreen()
    assert window.geometry() == before
