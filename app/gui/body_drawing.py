"""The side view of the body line at the prescribed box height, drawn from the geometry."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.body_line import BOX_DEPTH_CM, BodyLine, Point
from app.domain.units import Units, format_height

_MARGIN_CM = 18.0


class BodyDrawing(QWidget):
    """Draws a ``BodyLine``: floor, box or wall, the straight body, and the box height."""

    def __init__(self, line: BodyLine, units: Units) -> None:
        super().__init__()
        self.line = line
        self.units = units
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 140)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        del event
        line = self.line
        left = -BOX_DEPTH_CM * 3.2 - _MARGIN_CM
        right = line.foot.x + _MARGIN_CM
        top = max(line.head.y + line.head_radius, line.shoulder.y) + _MARGIN_CM
        font = QFont(self.font())
        font.setPixelSize(max(16, round(self.height() * 0.08)))
        font.setBold(True)
        label = format_height(line.box_height_cm, self.units) if line.box_height_cm else ""
        # The height label sits left of the box: keep room for all of it ("45 cm", not "5 cm").
        room = QFontMetrics(font).horizontalAdvance(label) + 12 if label else 0
        box_from_left = (-BOX_DEPTH_CM / 2 - left) / (right - left)
        width = self.width()
        scale = min(width / (right - left), self.height() / (top + _MARGIN_CM))
        offset_x = (width - (right - left) * scale) / 2
        if label and offset_x + box_from_left * (right - left) * scale < room:
            scale = min(scale, (width - room) / ((1 - box_from_left) * (right - left)))
            offset_x = room - box_from_left * (right - left) * scale

        def at(p: Point) -> QPointF:
            return QPointF(offset_x + (p.x - left) * scale, self.height() - (p.y + 8) * scale)

        text = self.palette().windowText().color()
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        floor_y = at(Point(0, 0)).y()
        painter.setPen(QPen(text, max(2.0, scale * 1.2)))
        painter.drawLine(QPointF(0, floor_y), QPointF(self.width(), floor_y))
        painter.setBrush(QColor("#8a6a46"))
        if line.box_height_cm is None:
            wall_x = at(Point(0, 0)).x()
            painter.drawRect(QRectF(wall_x - 10 * scale, 0, 10 * scale, floor_y))
        elif line.box_height_cm > 0:
            corner = at(Point(-BOX_DEPTH_CM / 2, line.box_height_cm))
            painter.drawRect(QRectF(corner, at(Point(BOX_DEPTH_CM / 2, 0))))
        body = QPen(accent, max(4.0, scale * 7), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        body.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(body)
        painter.drawLine(at(line.hand), at(line.shoulder))
        painter.drawLine(at(line.shoulder), at(line.pivot))
        if line.foot != line.pivot:
            painter.drawLine(at(line.pivot), at(line.foot))
        painter.setBrush(accent)
        radius = line.head_radius * scale
        painter.drawEllipse(at(line.head), radius, radius)
        guide = QPen(text, max(1.5, scale * 0.8), Qt.PenStyle.DashLine)
        painter.setPen(guide)
        painter.drawLine(at(line.shoulder), at(line.pivot))
        if line.box_height_cm:
            painter.setFont(font)
            painter.setPen(text)
            box_left = at(Point(-BOX_DEPTH_CM / 2, line.box_height_cm))
            painter.drawText(
                QRectF(0, box_left.y(), box_left.x() - 8, floor_y - box_left.y()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        painter.end()
