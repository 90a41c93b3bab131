"""A scroll area as tall as what it holds while there is room, scrolling when there is not."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

MIN_HEIGHT_PX = 90
"""Never squeezed below about two lines of text."""


class FittedScroll(QScrollArea):
    """Holds ``content``: asks for its full height, gives way down to ``MIN_HEIGHT_PX``."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self._content = content
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # It sits on a card: the card's colour shows through.
        self.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )

    def _content_height(self) -> int:
        content = self._content
        width = max(1, self.viewport().width())
        if content.hasHeightForWidth():
            return content.heightForWidth(width)
        return content.sizeHint().height()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self._content_height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(0, min(MIN_HEIGHT_PX, self._content_height() + 2))
