"""Panels over a screen: they cover their host, follow its size, and say what was tapped."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.gui.overlay import HelpOverlay, LeaveOverlay


def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def test_a_panel_covers_its_host_and_follows_its_size(qtbot: QtBot) -> None:
    screen = host(qtbot)
    help_panel = HelpOverlay(screen)
    assert not help_panel.isVisible()
    help_panel.popup()
    assert help_panel.isVisible() and help_panel.size() == QSize(1280, 800)
    screen.resize(800, 600)
    assert help_panel.size() == QSize(800, 600)
    help_panel.grab()  # paints its dimmed panel without complaint


def test_the_leave_question_answers_with_the_button_tapped(qtbot: QtBot) -> None:
    screen = host(qtbot)
    leave = LeaveOverlay(screen)
    leave.popup()
    with qtbot.waitSignal(leave.answered) as answer:
        leave.leave.click()
    assert answer.args == [True]
    with qtbot.waitSignal(leave.answered) as answer:
        leave.keep.click()
    assert answer.args == [False]
