"""The current phase as a shape and a word in its colour, as large as its space allows."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.phase_words import Shape
from app.gui.phase_style import draw_shape


class PhaseBanner(QWidget):
    """Shape on the left, word beside it; both in the phase colour."""

    def __init__(self) -> None:
        super().__init__()
        self.word = ""
        self.shape = Shape.NONE
        self.colour = QColor("#ffffff")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(80)

    def show_phase(self, word: str, shape: Shape, colour: QColor) -> None:
        if (word, shape, colour) != (self.word, self.shape, self.colour):
            self.word, self.shape, self.colour = word, shape, colour
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        del event
        height = self.height()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(16, round(height * 0.8)))
        painter.setFont(font)
        glyph = height * 0.8 if self.shape is not Shape.NONE else 0.0
        gap = height * 0.25 if glyph else 0.0
        text_width = painter.fontMetrics().horizontalAdvance(self.word)
        total = glyph + gap + text_width
        if total > self.width() * 0.96:
            shrink = self.width() * 0.96 / total
            glyph, gap = glyph * shrink, gap * shrink
            font.setPixelSize(max(12, round(font.pixelSize() * shrink)))
            painter.setFont(font)
            text_width = painter.fontMetrics().horizontalAdvance(self.word)
            total = glyph + gap + text_width
        left = (self.width() - total) / 2
        if glyph:
            rect = QRectF(left, (height - glyph) / 2, glyph, glyph)
            draw_shape(painter, self.shape, rect, self.colour)
        painter.setPen(self.colour)
        painter.drawText(
            QRectF(left + glyph + gap, 0, text_width + 4, height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.word,
        )
        painter.end()
