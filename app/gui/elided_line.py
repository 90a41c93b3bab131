"""A label that wraps its text where there is room, or shows one line ending in "…"."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel


class ElidedLine(QLabel):
    """Word-wrapped text, or, once ``set_elided(True)``, its first line cut with "…".

    ``text()`` is always the whole text (a screen reader reads it whole, so does the tooltip
    set when it is cut).
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self._elided = False

    @property
    def elided(self) -> bool:
        return self._elided

    def set_elided(self, elided: bool) -> None:
        if elided == self._elided:
            return
        self._elided = elided
        self.setWordWrap(not elided)
        self.setToolTip(self.text() if elided else "")
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        if not self._elided:
            return super().sizeHint()
        # one line inside the margins: a line as tall as the label would lose its descenders
        margins = self.contentsMargins()
        return QSize(
            self.fontMetrics().averageCharWidth() * 8 + margins.left() + margins.right(),
            self.fontMetrics().height() + margins.top() + margins.bottom(),
        )

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.sizeHint() if self._elided else super().minimumSizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._elided:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        line = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment()), line)
