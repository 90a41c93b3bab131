"""Home from the floor: with the real theme, all of today's advice and a few whole plan rows are
in sight without scrolling, at 1024x600, 1280x800 and 800x1280."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from app.gui.elided_line import ElidedLine
from app.gui.main_window import MainWindow
from app.gui.theme import apply_theme
from app.gui.whole_row_list import WholeRowList
from app.storage.settings import Theme
from app.storage.store import Store
from tests.fixtures.coach_histories import cases, imported
from tests.gui.layout_check import layout_problems
from tests.gui.test_coach_on_home import GUI_TODAY

# (width, height, whole plan rows in sight, reasons whole rather than cut to one line)
SIZES = [(1280, 800, 3, True), (1024, 600, 2, False), (800, 1280, 3, True)]


@pytest.mark.parametrize(
    ("width", "height", "rows", "whole_reasons"), SIZES, ids=[f"{w}x{h}" for w, h, *_ in SIZES]
)
@pytest.mark.parametrize("theme", list(Theme))
def test_the_ladder_advice_and_whole_plan_rows_show_without_scrolling(
    make_window: Callable[..., MainWindow],
    store: Store,
    qapp: QApplication,
    theme: Theme,
    width: int,
    height: int,
    rows: int,
    whole_reasons: bool,
) -> None:
    apply_theme(qapp, theme)  # the look people get: bigger text than Qt's own
    sets, _ = cases(GUI_TODAY)["ladder at the top"]
    store.import_sets(imported(sets))
    window = make_window()
    window.resize(width, height)
    for _ in range(3):
        QApplication.processEvents()
    home = window.home
    scroll = home.advice_scroll
    assert scroll.verticalScrollBar().maximum() == 0, "the advice scrolls"
    view = QRect(
        scroll.viewport().mapTo(window, scroll.viewport().rect().topLeft()),
        scroll.viewport().size(),
    )
    headlines = [label for label in home.advice_labels if label.property("role") == "advice"]
    reasons = [label for label in home.advice_labels if isinstance(label, ElidedLine)]
    assert len(headlines) == len(reasons) == 3  # one per block of the ladder
    for label in home.advice_labels:
        where = QRect(label.mapTo(window, label.rect().topLeft()), label.size())
        assert view.contains(where), f"{label.text()!r} is not all in sight"
        assert label.heightForWidth(label.width()) <= label.height() + 2 or isinstance(
            label, ElidedLine
        ), f"{label.text()!r} is cut"
    assert all(not reason.elided for reason in reasons) == whole_reasons
    for reason in reasons:  # a reason cut to one line keeps that line whole, descenders too
        assert reason.contentsRect().height() >= reason.fontMetrics().height(), reason.text()
    plans = home.plans
    shown = whole_rows(plans)
    assert len(shown) >= rows, f"{len(shown)} whole plan rows in sight"
    assert plans.visible_rows() >= rows
    assert not layout_problems(window, "home")
    # the quick session scrolls down on a short screen, but is never cut at the right
    assert home.quick.width() <= home.forms_scroll.viewport().width()


def whole_rows(plans: WholeRowList) -> list[int]:
    """The rows whose whole height is in sight."""
    bottom = plans.viewport().height()
    return [
        r
        for r in range(plans.count())
        if plans.visualItemRect(plans.item(r)).top() >= 0
        and plans.visualItemRect(plans.item(r)).bottom() < bottom
    ]


def test_a_session_to_resume_and_a_problem_come_first_and_the_plans_stay_whole(
    make_window: Callable[..., MainWindow], store: Store, qapp: QApplication
) -> None:
    apply_theme(qapp, Theme.DARK)
    sets, _ = cases(GUI_TODAY)["ladder at the top"]
    store.import_sets(imported(sets))
    window = make_window()
    home = window.home
    home.offer_resume("Box ladder, then the floor: 2 of 3 sets done, left 2024-05-06 18:01")
    home.show_notice("settings.json could not be read: using the defaults")
    window.resize(1024, 600)
    for _ in range(3):
        QApplication.processEvents()
    assert not layout_problems(window, "home with a session to resume")
    assert len(whole_rows(home.plans)) >= 2
    plans_bottom = home.plans.mapTo(window, home.plans.rect().bottomLeft()).y()
    if home.preview_scroll.height() > 0:  # the preview gave way, or sits under the plans
        assert (
            home.preview_scroll.mapTo(window, home.preview_scroll.rect().topLeft()).y()
            > plans_bottom
        )
    assert home.advice_scroll.height() >= 40  # the advice still shows, scrolling
