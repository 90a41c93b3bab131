"""A number pad over the log sheet: tap the reps and type them, for a big correction."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from app.gui.screen import ScaledLabel
from app.gui.touch_button import TouchButton

MAX_DIGITS = 3


class RepsKeypad(QWidget):
    """Covers its parent; digits, delete, cancel and OK.

    Signals:
        entered(int): OK with a number typed.
        closed(): OK or Cancel; the pad has hidden itself.
    """

    entered = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.typed = ""
        self.display = ScaledLabel("", 0.12, bold=True)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(12)
        keys = [*"123456789"]
        for index, digit in enumerate(keys):
            grid.addWidget(self._digit(digit), index // 3, index % 3)
        delete = TouchButton("⌫", "Delete the last digit")
        delete.clicked.connect(self.on_delete)
        grid.addWidget(delete, 3, 0)
        grid.addWidget(self._digit("0"), 3, 1)
        self.ok = TouchButton("OK", "Set the reps to the number typed", primary=True)
        self.ok.clicked.connect(self.on_ok)
        grid.addWidget(self.ok, 3, 2)
        cancel = TouchButton("Cancel", "Cancel typing the reps")
        cancel.clicked.connect(self.close_pad)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addWidget(self.display)
        layout.addLayout(grid, 1)
        layout.addLayout(row)
        self.hide()

    def _digit(self, digit: str) -> TouchButton:
        button = TouchButton(digit, f"Digit {digit}")
        button.clicked.connect(lambda: self.on_digit(digit))
        return button

    def open_pad(self) -> None:
        self.typed = ""
        self._show_typed()
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        unit = min(parent.width(), round(parent.height() * 1.25))
        self.display.rescale(unit)
        for button in self.findChildren(TouchButton):
            button.rescale(unit)
        self.raise_()
        self.show()

    def on_digit(self, digit: str) -> None:
        if len(self.typed) < MAX_DIGITS:
            self.typed = (self.typed + digit).lstrip("0") or "0"
            self._show_typed()

    def on_delete(self) -> None:
        self.typed = self.typed[:-1]
        self._show_typed()

    def on_ok(self) -> None:
        if self.typed:
            self.entered.emit(int(self.typed))
        self.close_pad()

    def close_pad(self) -> None:
        self.hide()
        self.closed.emit()

    def _show_typed(self) -> None:
        self.display.setText(self.typed or "–")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        del event
        painter = QPainter(self)
        background = QColor(self.palette().window().color())
        background.setAlpha(245)
        painter.fillRect(self.rect(), background)
        painter.end()
