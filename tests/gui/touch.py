"""Finding and tapping on-screen controls the way assistive tools do: by accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow

CONTROL_ROLES = frozenset(
    {
        QAccessible.Role.Button,
        QAccessible.Role.CheckBox,
        QAccessible.Role.RadioButton,
        QAccessible.Role.ComboBox,
        QAccessible.Role.SpinBox,
        QAccessible.Role.EditableText,
        QAccessible.Role.List,
        QAccessible.Role.Table,
        QAccessible.Role.Slider,
    }
)


def _walk(interface: QAccessibleInterface) -> list[QAccessibleInterface]:
    found = [interface]
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None and child.isValid():
            found += _walk(child)
    return found


def visible_controls(window: MainWindow) -> list[tuple[str, QWidget]]:
    """(accessible name, widget) of every visible control in the window's accessibility tree."""
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    controls = []
    for interface in _walk(root):
        widget = interface.object()
        if interface.role() not in CONTROL_ROLES or not isinstance(widget, QWidget):
            continue
        if interface.state().invisible or not widget.isVisible():
            continue
        controls.append((interface.text(QAccessible.Text.Name), widget))
    return controls


def control(window: MainWindow, name_start: str) -> QWidget:
    """The one visible control whose accessible name starts with ``name_start``."""
    matches = [w for name, w in visible_controls(window) if name.startswith(name_start)]
    names = [name for name, _ in visible_controls(window)]
    assert len(matches) == 1, f"{name_start!r}: {len(matches)} controls among {names}"
    return matches[0]


def tap(qtbot: QtBot, window: MainWindow, name_start: str) -> QWidget:
    """A finger on the middle of the control (a mouse click: no key is pressed)."""
    widget = control(window, name_start)
    # pytest-qt leaves mouseClick untyped; it is QTest.mouseClick.
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())  # type: ignore[no-untyped-call]
    return widget
