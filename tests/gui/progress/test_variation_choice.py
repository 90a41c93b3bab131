"""The variation list: its longest name whole where there is room, giving way where not."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.gui.progress.variation_choice import SHORT_NAME_CHARS, variation_choice
from app.gui.theme import apply_theme
from app.storage.settings import Theme

LONGEST = "Negative knee push up"


def row(qtbot: QtBot, width: int) -> tuple[QWidget, QComboBox, QPushButton]:
    holder = QWidget()
    qtbot.addWidget(holder)
    line = QHBoxLayout(holder)
    choice = variation_choice("Variation shown")
    for name in ("All variations", LONGEST, "Floor push up"):
        choice.addItem(name)
    button = QPushButton("Import from another app…")
    line.addWidget(choice)
    line.addWidget(button)
    holder.resize(width, 60)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, choice, button  # the holder kept: it owns the other two


def test_the_longest_name_shows_whole_where_there_is_room(qtbot: QtBot, qapp: QApplication) -> None:
    apply_theme(qapp, Theme.DARK)
    _holder, choice, button = row(qtbot, 1280)
    assert choice.width() >= choice.fontMetrics().horizontalAdvance(LONGEST)
    assert button.width() >= button.sizeHint().width()


def test_on_a_narrow_row_it_gives_way_and_the_button_keeps_its_words(
    qtbot: QtBot, qapp: QApplication
) -> None:
    apply_theme(qapp, Theme.DARK)
    _holder, choice, button = row(qtbot, 560)
    assert button.width() >= button.sizeHint().width()
    assert choice.width() >= choice.fontMetrics().averageCharWidth() * SHORT_NAME_CHARS
    assert choice.width() < choice.fontMetrics().horizontalAdvance(LONGEST)
