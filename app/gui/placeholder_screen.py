"""A screen that is not built yet, and says so plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from app.gui.keys import Action
from app.gui.screen import Screen


class PlaceholderScreen(Screen):
    """Signals: closed()."""

    closed = Signal()

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.setObjectName("placeholder")
        heading = QLabel(title)
        heading.setProperty("role", "heading")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        back = QPushButton("← Back")
        back.clicked.connect(self.closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addWidget(back)

    def handle(self, action: Action) -> bool:
        if action in (Action.LEAVE, Action.BACK, Action.NEXT):
            self.closed.emit()
            return True
        return False
