"""PySide6 must not leak or steal references to None/True/False (6.12.0 did, on 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_ten_thousand_qt_calls_leave_the_singletons_alone(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for index in range(10_000):
        label.setText(str(index % 10))
        label.isVisible()
        label.hasFocus()
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0, 0]
