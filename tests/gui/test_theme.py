"""The theme's spin boxes: wide up and down buttons, each with an arrow that shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSpinBox

from app.gui.main_window import MainWindow
from app.gui.theme import apply_theme, colours
from app.storage.settings import Theme


@pytest.mark.parametrize("theme", list(Theme))
def test_the_spin_box_arrows_are_drawn_in_wide_buttons(
    make_window: Callable[..., MainWindow], qapp: QApplication, theme: Theme
) -> None:
    apply_theme(qapp, theme)
    window = make_window()
    window.resize(1280, 800)
    QApplication.processEvents()
    sets = window.home.quick.sets
    option = QStyleOptionSpinBox()
    sets.initStyleOption(option)
    picture = sets.grab().toImage()
    text = QColor(colours(theme).text)
    for name, way in (
        ("up", QStyle.SubControl.SC_SpinBoxUp),
        ("down", QStyle.SubControl.SC_SpinBoxDown),
    ):
        button = sets.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, way, sets)
        assert button.width() >= 30, f"the {name} button is {button.width()} px wide"
        arrow = [
            (x, y)
            for x in range(button.left(), button.right())
            for y in range(button.top(), button.bottom())
            if _near(QColor(picture.pixel(x, y)), text)
        ]
        assert len(arrow) >= 20, f"no arrow drawn on the {name} button"


def _near(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 60


@pytest.mark.parametrize("theme", list(Theme))
def test_a_drop_down_list_shows_its_arrow(
    make_window: Callable[..., MainWindow], qapp: QApplication, theme: Theme
) -> None:
    apply_theme(qapp, theme)
    window = make_window()
    window.resize(1280, 800)
    QApplication.processEvents()
    variation = window.home.quick.variation
    picture = variation.grab().toImage()
    text = QColor(colours(theme).text)
    right = range(variation.width() - 40, variation.width() - 4)  # right of the longest name
    arrow = [
        (x, y)
        for x in right
        for y in range(variation.height())
        if _near(QColor(picture.pixel(x, y)), text)
    ]
    assert len(arrow) >= 20, "no arrow drawn on the drop-down"


@pytest.mark.parametrize("theme", list(Theme))
def test_a_spin_box_that_cannot_be_changed_looks_it(
    make_window: Callable[..., MainWindow], qapp: QApplication, theme: Theme
) -> None:
    """Greyed out, its text dimmed and no arrows: nothing that looks like it can be tapped."""
    apply_theme(qapp, theme)
    window = make_window()
    window.resize(1280, 800)
    form = window.home.quick
    form.variation.setCurrentIndex(form.variation.findData("wall-push-up"))
    QApplication.processEvents()
    box, sets = form.box_height, form.sets
    assert not box.isEnabled() and sets.isEnabled()
    option = QStyleOptionSpinBox()
    box.initStyleOption(option)
    picture = box.grab().toImage()
    palette = colours(theme)
    up = box.style().subControlRect(
        QStyle.ComplexControl.CC_SpinBox, option, QStyle.SubControl.SC_SpinBoxUp, box
    )
    drawn = {
        QColor(picture.pixel(x, y)).name()
        for x in range(up.left(), up.right())
        for y in range(up.top() + 4, up.bottom())
    }
    assert drawn == {palette.track}, f"something drawn on a button that does nothing: {drawn}"
    inside = QColor(picture.pixel(6, picture.height() // 2))
    assert inside.name() == palette.track
    assert QColor(sets.grab().toImage().pixel(6, sets.height() // 2)).name() == palette.surface
