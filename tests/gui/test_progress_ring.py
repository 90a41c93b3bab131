"""The ring repaints only when what it shows changes: the text, the colour or the arc's end."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.gui.progress_ring import ProgressRing


def test_the_arc_end_moves_in_whole_pixels(qtbot: QtBot) -> None:
    ring = ProgressRing()
    qtbot.addWidget(ring)
    ring.resize(300, 300)
    ring.show()
    steps = ring.arc_steps()
    assert steps > 100
    assert (ring.shown_step(-1), ring.shown_step(0), ring.shown_step(2)) == (0, 0, steps)
    blue = QColor("#4cc2ff")
    ring.show_state(0.5, "3", blue)
    assert (ring.progress, ring.text) == (0.5, "3")
    ring.show_state(0.5 + 0.1 / steps, "3", blue)  # the same pixel: kept, not repainted
    ring.show_state(0.75, "2", QColor("#ff0000"))
    assert (ring.progress, ring.text, ring.colour) == (0.75, "2", QColor("#ff0000"))
    ring.grab()
