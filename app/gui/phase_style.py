"""Colour and glyph of each stage: colour-blind users read the word and the shape."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from app.domain.phase_words import Shape
from app.domain.stage import Stage
from app.storage.settings import Theme

_DARK: dict[Stage, str] = {
    Stage.READY: "#9aa4ae",
    Stage.COUNT_IN: "#c792ea",
    Stage.ECCENTRIC: "#3fa7ff",
    Stage.BOTTOM: "#ffb000",
    Stage.CONCENTRIC: "#2ed47a",
    Stage.RESET: "#17c3b2",
    Stage.TOP: "#e0e0e0",
    Stage.LOGGING: "#9aa4ae",
    Stage.REST: "#4cc2ff",
    Stage.FINISHED: "#2ed47a",
}
# The same hues, dark enough to read on the light background (WCAG AA, see the theme test).
_LIGHT: dict[Stage, str] = {
    Stage.READY: "#5c6670",
    Stage.COUNT_IN: "#7a3db0",
    Stage.ECCENTRIC: "#0b5fbf",
    Stage.BOTTOM: "#9a5700",
    Stage.CONCENTRIC: "#17753f",
    Stage.RESET: "#0a7469",
    Stage.TOP: "#3d434a",
    Stage.LOGGING: "#5c6670",
    Stage.REST: "#005fb8",
    Stage.FINISHED: "#17753f",
}
PHASE_COLOURS: dict[Theme, dict[Stage, str]] = {Theme.DARK: _DARK, Theme.LIGHT: _LIGHT}
PAUSED_COLOURS: dict[Theme, str] = {Theme.DARK: "#9aa4ae", Theme.LIGHT: "#5c6670"}
"""Neutral: a paused set must not look like the phase it stopped in."""


def paused_colour(theme: Theme = Theme.DARK) -> QColor:
    return QColor(PAUSED_COLOURS[theme])


def stage_colour(stage: Stage, theme: Theme = Theme.DARK) -> QColor:
    return QColor(PHASE_COLOURS[theme][stage])


def draw_shape(painter: QPainter, shape: Shape, rect: QRectF, colour: QColor) -> None:
    """Paint ``shape`` filling ``rect``."""
    painter.save()
    painter.setPen(QPen(colour.darker(140), max(2.0, rect.width() * 0.04)))
    painter.setBrush(QBrush(colour))
    c = rect.center()
    w, h = rect.width(), rect.height()
    if shape is Shape.CIRCLE:
        painter.drawEllipse(rect)
    elif shape is Shape.DOWN:
        painter.drawPolygon(
            QPolygonF([rect.topLeft(), rect.topRight(), QPointF(c.x(), rect.bottom())])
        )
    elif shape is Shape.UP:
        painter.drawPolygon(
            QPolygonF([rect.bottomLeft(), rect.bottomRight(), QPointF(c.x(), rect.top())])
        )
    elif shape is Shape.SQUARE:
        painter.drawRect(rect.adjusted(w * 0.1, h * 0.1, -w * 0.1, -h * 0.1))
    elif shape is Shape.BAR:
        painter.drawRoundedRect(
            QRectF(rect.left(), c.y() - h * 0.15, w, h * 0.3), h * 0.08, h * 0.08
        )
    elif shape is Shape.RESET:
        pen = QPen(colour, w * 0.14, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inner = rect.adjusted(w * 0.12, h * 0.12, -w * 0.12, -h * 0.12)
        painter.drawArc(inner, 100 * 16, 300 * 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        tip = QPointF(inner.center().x() + inner.width() * 0.1, inner.top())
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(tip.x() - w * 0.22, tip.y() - h * 0.17),
                    QPointF(tip.x() - w * 0.22, tip.y() + h * 0.17),
                    QPointF(tip.x() + w * 0.05, tip.y()),
                ]
            )
        )
    painter.restore()
