"""A ring that fills as a phase or rest runs, with the big countdown in its middle."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

THICKNESS = 0.07
"""The ring's width, as a share of its side."""
SHORT_MOVE = 0.05
"""A move of the arc's end shorter than this (18°) repaints only the stretch it covers."""
EPSILON = 1e-6
"""Rounding slack when placing the arc's end (as in app.domain.next_change)."""


class ProgressRing(QWidget):
    """Draws ``progress`` (0-1) as an arc and ``text`` as large as the ring allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = 0.0
        self.text = ""
        self.colour = QColor("#4cc2ff")
        self.track = QColor("#2c323a")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        # It paints its own background: a moving arc repaints the ring alone, not the screen
        # and window beneath it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def arc_steps(self) -> int:
        """The length of the full arc in whole pixels: how many positions its end can take."""
        return max(1, math.floor(math.pi * self._arc_rect().width()))

    def shown_step(self, progress: float) -> int:
        """Which of the ``arc_steps()`` positions the arc's end takes at ``progress``."""
        steps = self.arc_steps()
        return math.floor(max(0.0, min(1.0, progress)) * steps + EPSILON)

    def show_state(self, progress: float, text: str, colour: QColor) -> None:
        """Repaint only if the countdown, the colour or the arc's end pixel changes.

        When only the arc's end moves a little, only the stretch it moved over is repainted.
        """
        shown = self.shown_step(self.progress)
        if (text, colour) != (self.text, self.colour):
            self.progress, self.text, self.colour = progress, text, colour
            self.update()
        elif self.shown_step(progress) != shown:
            stretch = self._stretch(self.progress, progress)
            self.progress = progress
            if stretch is None:
                self.update()
            else:
                self.update(stretch)
        else:
            self.progress = progress

    def _stretch(self, start: float, end: float) -> QRect | None:
        """The pixels the arc covers between two progresses, if it moved a short way."""
        if abs(end - start) > SHORT_MOVE:
            return None
        rect = self._arc_rect()
        centre, radius = rect.center(), rect.width() / 2
        pad = min(self.width(), self.height()) * THICKNESS + 2  # pen, round cap, antialiasing
        points = []
        for progress in (start, end):
            angle = math.pi / 2 - 2 * math.pi * max(0.0, min(1.0, progress))
            points.append(
                (centre.x() + radius * math.cos(angle), centre.y() - radius * math.sin(angle))
            )
        (x1, y1), (x2, y2) = points
        return QRectF(
            min(x1, x2) - pad, min(y1, y2) - pad, abs(x2 - x1) + 2 * pad, abs(y2 - y1) + 2 * pad
        ).toAlignedRect()

    def _arc_rect(self) -> QRectF:
        side = min(self.width(), self.height())
        thickness = side * THICKNESS
        return QRectF(
            (self.width() - side) / 2 + thickness / 2,
            (self.height() - side) / 2 + thickness / 2,
            side - thickness,
            side - thickness,
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        side = min(self.width(), self.height())
        thickness = side * THICKNESS
        rect = self._arc_rect()
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.track, thickness))
        painter.drawEllipse(rect)
        pen = QPen(self.colour, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        span = round(-360 * 16 * max(0.0, min(1.0, self.progress)))
        if span:
            painter.drawArc(rect, 90 * 16, span)
        inside = rect.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2)
        if not event.rect().intersects(inside.toAlignedRect()):
            painter.end()  # a stretch of the arc alone: the countdown is not in it
            return
        font = QFont(self.font())
        digits = max(1, len(self.text))
        font.setPixelSize(max(12, round(side * (0.55 if digits <= 2 else 1.1 / digits))))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
        painter.end()
