"""Whose count-in a session plays: the plan's own, else the one set in Settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow
from app.gui.player_screen import PlayerScreen
from app.gui.settings_screen import SettingsScreen
from app.storage.settings import Settings
from tests.fake_clock import FakeClock
from tests.gui.helpers import TINY_PLAN, press, running, screen_name, start_plan, write_plan

OWN_COUNT_IN = TINY_PLAN.replace("count_in_s = 3", "count_in_s = 5")
NO_COUNT_IN = TINY_PLAN.replace("count_in_s = 3\n", "")


def _first_count_in(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> tuple[str, str]:
    """Walk through setup, start the first set; the ring's count then, and 1.5 s later."""
    assert screen_name(window) == "setup"
    press(qtbot, window, Qt.Key.Key_PageDown, times=6)
    player = window.stack.currentWidget()
    assert isinstance(player, PlayerScreen)
    press(qtbot, window, Qt.Key.Key_Space)
    assert player.banner.word == "GET SET"
    at_start = player.ring.text
    clock.advance(1.5)
    running(window).driver.on_tick()
    return at_start, player.ring.text


@pytest.mark.parametrize(
    ("plan", "seconds", "seen"),
    [(OWN_COUNT_IN, 5.0, ("5", "4")), (NO_COUNT_IN, 2.0, ("2", "1"))],
    ids=["plan-sets-5", "plan-sets-none"],
)
def test_a_plan_keeps_its_own_count_in_over_the_setting(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    plan: str,
    seconds: float,
    seen: tuple[str, str],
) -> None:
    assert plan != TINY_PLAN  # the replacement above changed the shared plan
    write_plan(data_dir, "tiny.toml", plan)
    window = make_window(Settings(count_in_s=2.0))
    start_plan(qtbot, window)
    run = running(window)
    assert [schedule.count_in_s for schedule in run.schedules] == [seconds, seconds]
    assert _first_count_in(qtbot, window, clock) == seen


def test_a_quick_session_counts_in_as_set_in_settings(
    qtbot: QtBot, make_window: Callable[..., MainWindow], clock: FakeClock
) -> None:
    window = make_window(Settings(count_in_s=2.0))
    form = window.home.quick
    form.variation.setCurrentIndex(form.variation.findData("hands-elevated-push-up"))
    form.start.click()
    assert "count_in_s" not in running(window).source.plan_text
    assert _first_count_in(qtbot, window, clock) == ("2", "1")


def test_the_setting_says_it_is_for_plans_without_their_own(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window()
    window.home.settings_requested.emit()
    screen = window.stack.currentWidget()
    assert isinstance(screen, SettingsScreen)
    assert "without their own" in screen.count_in.toolTip()
