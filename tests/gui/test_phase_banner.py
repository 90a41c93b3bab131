"""The phase banner keeps the word, shape and colour it was last given, however narrow."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.domain.phase_words import Shape
from app.gui.phase_banner import PhaseBanner


def test_it_shows_the_phase_it_is_given_at_any_width(qtbot: QtBot) -> None:
    banner = PhaseBanner()
    qtbot.addWidget(banner)
    banner.show_phase("DOWN", Shape.DOWN, QColor("#4cc2ff"))
    assert (banner.word, banner.shape) == ("DOWN", Shape.DOWN)
    for width in (1200, 120):  # narrow: the word and shape shrink to fit
        banner.resize(width, 100)
        banner.grab()
    banner.show_phase("", Shape.NONE, QColor("#ffffff"))
    banner.grab()
    assert banner.shape is Shape.NONE
