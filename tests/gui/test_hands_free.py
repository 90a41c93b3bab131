"""HandsFree: a held key acts once, a text field keeps the keys it types with, and M mutes
the saved choice on home."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow


def _held(key: Qt.Key) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "", True)


def _keyboard(window: MainWindow) -> QWindow:
    """Where a keyboard's keys arrive: the window's QWindow, which hands them to the focus."""
    handle = window.windowHandle()
    assert handle is not None
    return handle


def test_a_held_key_acts_once(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    handle = _keyboard(window)
    QTest.keyClick(handle, Qt.Key.Key_F1)
    assert window.help.isVisible()
    QApplication.sendEvent(handle, _held(Qt.Key.Key_F1))
    assert window.help.isVisible()
    QTest.keyClick(handle, Qt.Key.Key_F1)
    assert not window.help.isVisible()


def test_a_text_field_keeps_the_keys_it_types_with(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    field = window.home.quick.tempo
    field.setFocus()
    assert QApplication.focusWidget() is field
    typed = field.text()
    handle = _keyboard(window)
    QTest.keyClick(handle, Qt.Key.Key_Space)
    assert field.text() == typed + " "
    QTest.keyClick(handle, Qt.Key.Key_M)
    QTest.keyClick(handle, Qt.Key.Key_Question)
    assert not window.services.settings.muted
    assert not window.help.isVisible()


def test_m_on_home_mutes_the_saved_choice(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    QTest.keyClick(_keyboard(window), Qt.Key.Key_M)
    assert window.services.settings.muted
    assert window.home.muted_note.isVisible()
    QTest.keyClick(_keyboard(window), Qt.Key.Key_M)
    assert not window.services.settings.muted
