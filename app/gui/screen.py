"""The base of every screen: key actions in, text sized from the screen's own size."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.gui.keys import Action
from app.gui.touch_button import TouchButton

MIN_TEXT_PX = 14


class ScaledLabel(QLabel):
    """A label whose font is ``fraction`` of its screen's shorter side (at least ``min_px``)."""

    def __init__(
        self, text: str = "", fraction: float = 0.04, *, bold: bool = False, min_px: int = 18
    ) -> None:
        super().__init__(text)
        # Titles and notes are the person's (or a stranger's) text: never HTML to render.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.fraction = fraction
        self.bold = bold
        self.min_px = min_px
        self.colour = ""
        """A colour of its own ("#rrggbb"), or "" for the theme's text colour."""
        self.px = 0
        """The font's pixel size once the screen has sized it (0 before)."""

    def rescale(self, unit: int) -> None:
        font = QFont(self.font())
        self.px = max(self.min_px, MIN_TEXT_PX, round(unit * self.fraction))
        font.setPixelSize(self.px)
        font.setBold(self.bold)
        self.setFont(font)
        # A style sheet font-size would override setFont; the pixel size wins here.
        self._restyle()

    def set_colour(self, colour: str) -> None:
        if colour != self.colour:
            self.colour = colour
            self._restyle()

    def _restyle(self) -> None:
        weight = "bold" if self.bold else "normal"
        colour = f" color: {self.colour};" if self.colour else ""
        size = f"font-size: {self.px}px; " if self.px else ""
        # Transparent: the label sits on whatever it is on (a card, a dimmed panel).
        self.setStyleSheet(f"background: transparent; {size}font-weight: {weight};{colour}")


class Screen(QWidget):
    """One full-window screen; the main window passes it the hands-free actions.

    Signals:
        action_requested(Action): an on-screen control was tapped; the window treats it
            exactly as the key for that action, so touch, keys and clicker stay equal.
    """

    action_requested = Signal(Action)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A screen takes the window's size: its layout's minimum must not widen the window
        # (home keeps living in the stack under every other screen).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def touch(
        self, text: str, name: str, action: Action, *, primary: bool = False, scale: float = 1.0
    ) -> TouchButton:
        """A touch control that asks for ``action``, as its key would."""
        button = TouchButton(text, name, primary=primary, action=action, scale=scale)
        button.clicked.connect(lambda: self.action_requested.emit(action))
        return button

    def handle(self, action: Action) -> bool:
        """Act on ``action``; False lets the focused widget have the key instead."""
        del action
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.rescale()

    def rescale(self) -> None:
        unit = min(self.width(), round(self.height() * 1.25))
        for label in self.findChildren(ScaledLabel):
            label.rescale(unit)
        for button in self.findChildren(TouchButton):
            button.rescale(unit)
