"""A scroll area as tall as its content while there is room, and no smaller than asked."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.gui.fitted_scroll import MIN_HEIGHT_PX, FittedScroll


def scroll(
    qtbot: QtBot, lines: int, max_hint_px: int = 10_000, min_hint_px: int | None = MIN_HEIGHT_PX
) -> FittedScroll:
    label = QLabel("\n".join(f"line {n}" for n in range(lines)))
    made = FittedScroll(label, max_hint_px, min_hint_px)
    qtbot.addWidget(made)
    made.resize(300, 200)
    return made


def test_it_asks_for_its_contents_height_up_to_its_cap(qtbot: QtBot) -> None:
    short, long = scroll(qtbot, 2), scroll(qtbot, 200, max_hint_px=400)
    assert short.sizeHint().height() < 100
    assert long.sizeHint().height() == 400


def test_it_gives_way_down_to_its_minimum(qtbot: QtBot) -> None:
    assert scroll(qtbot, 200).minimumSizeHint().height() == MIN_HEIGHT_PX
    whole = scroll(qtbot, 5, min_hint_px=None)
    assert whole.minimumSizeHint().height() == whole.sizeHint().height()
