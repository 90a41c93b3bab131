"""A button big enough to hit from the floor with a finger, named for screen readers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPushButton, QSizePolicy

from app.gui.keys import Action

MIN_TOUCH_PX = 64
"""About 12 mm on a 1280x800 laptop screen: the smallest target a fingertip hits reliably."""
TOUCH_FRACTION = 0.075
"""Its height as a share of the screen unit (see ``Screen.rescale``): 75 px at 1280x800."""


class TouchButton(QPushButton):
    """A large button that never takes the keyboard focus (the keys act on the screen).

    ``name`` is the accessible name: it starts with the words of the action ("Skip rest"),
    so a screen reader, or a tap driven through the accessibility tree, finds it. ``action``
    is the key action it stands for, if any.
    """

    def __init__(
        self,
        text: str,
        name: str,
        *,
        primary: bool = False,
        action: Action | None = None,
        scale: float = 1.0,
    ) -> None:
        """``scale``: larger than a plain touch control (the log sheet's − and +)."""
        super().__init__(text)
        self.action = action
        self.scale = scale
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(MIN_TOUCH_PX, MIN_TOUCH_PX)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        if primary:
            self.setProperty("primary", True)
        self._px = MIN_TOUCH_PX

    def rename(self, text: str, name: str) -> None:
        """New words for a button whose action changes (Start, then Pause, then Resume)."""
        if text != self.text():
            self.setText(text)
        if name != self.accessibleName():
            self.setAccessibleName(name)
            self.setToolTip(name)

    def rescale(self, unit: int) -> None:
        height = round(max(MIN_TOUCH_PX, unit * TOUCH_FRACTION) * self.scale)
        if height == self._px and self.minimumHeight() == height:
            return
        self._px = height
        self.setFixedHeight(height)
        self.setMinimumWidth(height)
        font = QFont(self.font())
        font.setPixelSize(max(18, round(height * (0.38 if self.scale == 1.0 else 0.6))))
        self.setFont(font)
        self.setStyleSheet(f"font-size: {font.pixelSize()}px;")

    def set_faded(self, faded: bool) -> None:
        """Unobtrusive while a set runs (the theme draws it dim); still works when tapped."""
        if bool(self.property("faded")) != faded:
            self.setProperty("faded", faded)
            self.style().unpolish(self)
            self.style().polish(self)
