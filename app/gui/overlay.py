"""Panels drawn over the current screen: the help card and the leave question."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.gui.keys import HELP_ROWS
from app.gui.touch_button import TouchButton


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
        unit = min(self._host.width(), round(self._host.height() * 1.25))
        for button in self.findChildren(TouchButton):
            button.rescale(unit)
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
    """Every key, in type big enough to read from the floor.

    Signals:
        closed(): its Close button was tapped.
    """

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        close = TouchButton("Close help", "Close help", primary=True)
        close.clicked.connect(self.closed)
        grid = QGridLayout(self)
        grid.setContentsMargins(48, 32, 48, 32)
        grid.addWidget(self._label("Controls", 56, bold=True), 0, 0, 1, 2)
        for row, (keys, meaning) in enumerate(HELP_ROWS, start=1):
            grid.addWidget(self._label(keys, 40, bold=True), row, 0)
            grid.addWidget(self._label(meaning, 36), row, 1)
        last = len(HELP_ROWS) + 1
        grid.addWidget(self._label("Press ? or F1 again to close", 28), last, 0)
        grid.addWidget(close, last, 1)


class LeaveOverlay(Overlay):
    """Asks before leaving a session.

    Signals:
        answered(bool): True for leave, False for keep training (a tap on its buttons).
    """

    answered = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.keep = TouchButton("Keep training  (Esc · ←)", "Keep training", primary=True)
        self.keep.clicked.connect(lambda: self.answered.emit(False))
        self.leave = TouchButton("Leave  (Enter · →)", "Leave session now")
        self.leave.clicked.connect(lambda: self.answered.emit(True))
        buttons = QHBoxLayout()
        buttons.setSpacing(32)
        buttons.addWidget(self.leave)
        buttons.addWidget(self.keep)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 64, 64, 64)
        layout.addStretch(1)
        layout.addWidget(self._label("Leave this session?", 72, bold=True))
        layout.addWidget(self._label("The sets you logged are kept.", 40))
        layout.addSpacing(24)
        layout.addLayout(buttons)
        layout.addStretch(1)
