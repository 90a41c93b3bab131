"""The log sheet by touch from the floor: every control a fingertip target with a name, at
1024x600, 1280x800, 800x1280 and 1920x1080, with the real theme, nothing cut off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.gui.keys import Action
from app.gui.log_sheet import LogSheet
from app.gui.main_window import MainWindow
from app.gui.theme import apply_theme
from app.gui.touch_button import MIN_TOUCH_PX
from app.storage.settings import Theme
from tests.fake_clock import FakeClock
from tests.gui.helpers import running, screen_name, select_plan, write_plan
from tests.gui.layout_check import layout_problems
from tests.gui.test_screen_sizes import LADDER, SIZES
from tests.gui.touch import tap, visible_controls


def touch_px(width: int, height: int) -> int:
    """64 px on the smallest screens, 75 px at 1280x800, growing with the screen."""
    return max(MIN_TOUCH_PX, round(0.075 * min(width, round(height * 1.25))))


def _log_sheet(
    make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock, size: tuple[int, int]
) -> tuple[MainWindow, LogSheet]:
    """The sheet after the ladder plan's first set, in a window of ``size``."""
    write_plan(data_dir, "ladder.toml", LADDER)
    window = make_window()
    window.resize(*size)
    _start_first_set(window, "Ladder for sizes")
    clock.advance(20)
    running(window).driver.on_tick()
    window.on_action(Action.NEXT)  # end the set
    sheet = window.current
    assert isinstance(sheet, LogSheet)
    for _ in range(3):
        QApplication.processEvents()
    return window, sheet


def _start_first_set(window: MainWindow, plan_title: str) -> None:
    """Start the plan by keys, past its setup walkthrough: its first set counts in."""
    select_plan(window, plan_title)
    window.on_action(Action.NEXT)
    while screen_name(window) == "setup":
        window.on_action(Action.NEXT)
    window.on_action(Action.START_PAUSE)


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_control_on_the_log_sheet_is_a_named_fingertip_target(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    qapp: QApplication,
    width: int,
    height: int,
) -> None:
    apply_theme(qapp, Theme.DARK)  # the look people get: bigger text than Qt's own
    window, sheet = _log_sheet(make_window, data_dir, clock, (width, height))

    controls = visible_controls(window)
    names = [name for name, _ in controls]
    for wanted in ("Reps in reserve: 0", "Reps in reserve: 5+", "Form slipped: Hips sagging"):
        assert wanted in names
    assert "Box height used" in names and "Note (optional)" in names
    least = touch_px(width, height)
    small = {name or type(w).__name__: w.height() for name, w in controls if w.height() < least}
    assert not small, f"under {least} px tall: {small}"
    assert all(names), f"a control without a name among {names}"
    assert not layout_problems(window, "log sheet")
    # The hint is read with the number: right under it, whatever the height left over.
    number_bottom = sheet.reps_label.geometry().bottom()
    assert 0 <= sheet.reps_hint.geometry().top() - number_bottom < 0.05 * height or height < 700
    # A portrait tablet's spare height makes − and + bigger targets than the other buttons.
    if height > width:
        assert sheet.fewer.height() > 1.5 * sheet.save.height()

    tap(qtbot, window, "Reps in reserve: 2")
    tap(qtbot, window, "Form slipped: Hips sagging")
    tap(qtbot, window, "Reps in reserve: 1")  # changed her mind: one answer only
    result = sheet.result()
    assert result.reps_in_reserve == 1
    assert result.form_flags == ("Hips sagging",)


PORTRAITS = [(800, 1280), (720, 1280), (600, 1024), (1080, 1920), (1200, 1920)]


@pytest.mark.parametrize(("width", "height"), PORTRAITS, ids=[f"{w}x{h}" for w, h in PORTRAITS])
def test_on_a_portrait_tablet_the_biggest_count_and_every_answer_fit(
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    qapp: QApplication,
    width: int,
    height: int,
) -> None:
    apply_theme(qapp, Theme.DARK)
    window, sheet = _log_sheet(make_window, data_dir, clock, (width, height))
    sheet.keypad.open_pad()
    for _ in range(3):
        sheet.keypad.on_digit("9")
    sheet.keypad.on_ok()
    window.on_action(Action.UP)  # the most a set may hold
    for _ in range(3):
        QApplication.processEvents()
    assert sheet.reps_label.text() == "1000"
    # Nothing cut, narrow tablets included: the flags go two to a row there, and the
    # reps-in-reserve question above its answers.
    assert not layout_problems(window, "log sheet")
    assert sheet.fewer.height() > sheet.save.height()  # still grown into the spare height


MAX_SET = """\
title = "One max set"
count_in_s = 3

[[block]]
variation = "floor-push-up"
sets = 1
reps = "max"
tempo = "1-0-1-0"
rest_s = 0
"""


@pytest.mark.parametrize("ended_by_hand", [True, False])
def test_a_max_set_that_ran_to_its_cap_asks_for_the_reps_done(
    make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock, ended_by_hand: bool
) -> None:
    """Ended by the person, the sheet offers the reps counted; left to run to its cap (30),
    it says the count shown is only the cap, so nobody logs 30 reps by tapping Save."""
    write_plan(data_dir, "max.toml", MAX_SET)
    window = make_window()
    _start_first_set(window, "One max set")
    clock.advance(3 + 2 * 12 + 0.5 if ended_by_hand else 3 + 2 * 30 + 1)
    running(window).driver.on_tick()
    if ended_by_hand:
        window.on_action(Action.NEXT)  # end the set
    sheet = window.current
    assert isinstance(sheet, LogSheet)
    if ended_by_hand:
        assert sheet.reps == 12
        assert sheet.heading.text() == "Set 1 / 1 done · planned max reps"
    else:
        assert sheet.reps == 0  # not the cap of 30
        assert sheet.heading.text() == (
            "Set 1 / 1 done · it stopped at its 30-rep limit: set the reps you did"
        )
        assert sheet.heading.property("role") == "danger"
    window.on_action(Action.NEXT)  # Save, as a late press of the clicker would
    ((reps,),) = [(s.reps,) for s in window.services.store.sets()]
    assert reps == (12 if ended_by_hand else 0)
