"""Panels drawn over the current screen: the help card and the leave question."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.gui.keys import HELP_ROWS


class Overlay(QWidget):
    """Covers its parent (and follows its size) with a dimmed panel."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False

    def popup(self) -> None:
        self.setGeometry(self._host.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        del event
        painter = QPainter(self)
        background = QColor(self.palette().window().color())
        background.setAlpha(238)
        painter.fillRect(self.rect(), background)
        painter.end()

    def _label(self, text: str, scale: float, *, bold: bool = False) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(
            f"background: transparent; font-size: {scale:.0f}px;"
            + (" font-weight: bold;" if bold else "")
        )
        return label


class HelpOverlay(Overlay):
    """Every key, in type big enough to read from the floor."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(48, 32, 48, 32)
        grid.addWidget(self._label("Controls", 56, bold=True), 0, 0, 1, 2)
        for row, (keys, meaning) in enumerate(HELP_ROWS, start=1):
            grid.addWidget(self._label(keys, 40, bold=True), row, 0)
            grid.addWidget(self._label(meaning, 36), row, 1)
        grid.addWidget(self._label("Press ? or F1 again to close", 28), len(HELP_ROWS) + 1, 0, 1, 2)


class LeaveOverlay(Overlay):
    """Asks before leaving a session."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 64, 64, 64)
        layout.addStretch(1)
        layout.addWidget(self._label("Leave this session?", 72, bold=True))
        layout.addWidget(self._label("The sets you logged are kept.", 40))
        layout.addWidget(self._label("Enter / →  leave        Esc / ←  keep training", 40))
        layout.addStretch(1)
