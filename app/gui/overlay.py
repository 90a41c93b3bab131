"""Panels drawn over the current screen: the help card and the leave question."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.gui.keys import HELP_ROWS
from app.gui.screen import ScaledLabel
from app.gui.touch_button import TouchButton


class Overlay(QWidget):
    """Covers its parent (and follows its size) with a dimmed panel."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Hidden, it waits: ``popup`` sizes it (restyling its text costs ~5 ms at start).
        if watched is self._host and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._host.rect())
            self._rescale()
        return False

    def popup(self) -> None:
        self.setGeometry(self._host.rect())
        self._rescale()
        self.raise_()
        self.show()

    def _rescale(self) -> None:
        unit = min(self._host.width(), round(self._host.height() * 1.25))
        for label in self.findChildren(ScaledLabel):
            label.rescale(unit)
        for button in self.findChildren(TouchButton):
            button.rescale(unit)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        del event
        painter = QPainter(self)
        background = QColor(self.palette().window().color())
        background.setAlpha(238)
        painter.fillRect(self.rect(), background)
        painter.end()

    def _label(self, text: str, px_at_1280: float, *, bold: bool = False) -> QLabel:
        """Text ``px_at_1280`` pixels tall on a 1280x800 screen, scaled like the screens'."""
        label = ScaledLabel(text, px_at_1280 / 1000, bold=bold)
        label.setWordWrap(True)
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
        grid.addWidget(self._label("Controls", 52, bold=True), 0, 0, 1, 2)
        for row, (keys, meaning) in enumerate(HELP_ROWS, start=1):
            grid.addWidget(self._label(keys, 34, bold=True), row, 0)
            grid.addWidget(self._label(meaning, 32), row, 1)
        last = len(HELP_ROWS) + 1
        grid.addWidget(self._label("? or F1 closes it too", 28), last, 0)
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
