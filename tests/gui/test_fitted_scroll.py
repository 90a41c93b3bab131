"""A scroll area as tall as its content while there is room, and no smaller than asked."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
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


def test_text_that_scrolls_ends_on_a_whole_line(qtbot: QtBot) -> None:
    made = scroll(qtbot, 40)
    made.show()
    line = made.fontMetrics().lineSpacing()  # the label's font: the same
    made.line_px = line
    for height in (100, 101, 100 + line // 2, 100 + line - 1):
        made.resize(300, height)
        shown = made.viewport().height()
        assert shown % line == 0 and height - line < shown <= height, (height, shown)
    few = scroll(qtbot, 2)  # all in sight: nothing is hidden
    few.show()
    few.line_px = line
    few.resize(300, 100 + line // 2)
    assert few.viewport().height() == 100 + line // 2


def test_new_text_that_fits_shows_whole_again(qtbot: QtBot) -> None:
    made = scroll(qtbot, 40)
    made.show()
    line = made.fontMetrics().lineSpacing()  # the label's font: the same
    made.line_px = line
    made.resize(300, 100 + line // 2)
    label = made.widget()
    assert isinstance(label, QLabel)
    label.setText("one line")
    made.show_whole_lines()
    assert made.viewport().height() == 100 + line // 2


def test_a_column_of_labels_that_scrolls_ends_after_a_whole_one(qtbot: QtBot) -> None:
    column = QWidget()
    rows = QVBoxLayout(column)
    labels = [QLabel(f"row {n}\n" * (1 + n % 3)) for n in range(12)]  # rows of 1-3 lines
    for label in labels:
        rows.addWidget(label)
    made = FittedScroll(column)
    made.whole_rows = True
    qtbot.addWidget(made)
    made.show()
    for height in (120, 157, 201, 260):
        made.resize(300, height)
        shown = made.viewport().height()
        cut = [label for label in labels if label.y() < shown < label.y() + label.height()]
        assert not cut, (height, shown, [label.text() for label in cut])
        assert shown > height - max(label.height() for label in labels) - rows.spacing()
