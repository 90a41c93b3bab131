"""Every screen at 1024x600, 1280x800, 800x1280 and 1920x1080: nothing cut off, nothing on
top of something else, and the distance-mode numbers big enough to read from the floor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.gui.keys import Action
from app.gui.log_sheet import LogSheet
from app.gui.main_window import MainWindow
from app.gui.player_screen import PlayerScreen
from app.gui.progress.history_screen import HistoryScreen
from app.gui.rest_screen import RestScreen
from app.gui.setup_screen import SetupScreen
from app.gui.theme import apply_theme
from app.storage.settings import Theme
from app.storage.store import ImportedSet, Store
from tests.fake_clock import FakeClock
from tests.gui.helpers import running, screen_name, select_plan, write_plan
from tests.gui.layout_check import layout_problems
from tests.gui.test_coach_on_home import log_session

SIZES = [(1024, 600), (1280, 800), (800, 1280), (1920, 1080)]

LADDER = """\
title = "Ladder for sizes"
description = "A box set at 45 cm, one at 30 cm, then a floor set."
count_in_s = 3

[[block]]
variation = "hands-elevated-push-up"
sets = 1
reps = "8-12"
tempo = "3-1-1-0"
rest_s = 90
box_height_cm = 45

[[block]]
variation = "hands-elevated-push-up"
sets = 1
reps = "5-8"
tempo = "3-1-1-0"
rest_s = 120
box_height_cm = 30

[[block]]
variation = "floor-push-up"
sets = 1
reps = "max"
tempo = "2-0-1-0"
rest_s = 60
"""


def _unit(width: int, height: int) -> int:
    return min(width, round(height * 1.25))


def distance_px(width: int, height: int) -> float:
    """80 px at 1280x800, scaled with the screen as the screens scale their text."""
    return 0.08 * _unit(width, height)


def _settle(window: MainWindow) -> None:
    for _ in range(3):
        QApplication.processEvents()


def _check(window: MainWindow, name: str, problems: list[str]) -> None:
    _settle(window)
    problems += layout_problems(window, name)


def _banner_word_px(screen: PlayerScreen) -> int:
    """The phase word's pixel size as the banner paints it (shrunk when it is too wide)."""
    height, width = screen.banner.height(), screen.banner.width()
    px = max(16, round(height * 0.8))
    font = QFont(screen.banner.font())
    font.setBold(True)
    font.setPixelSize(px)
    total = height * 0.8 + height * 0.25 + QFontMetrics(font).horizontalAdvance(screen.banner.word)
    if total > width * 0.96:
        px = max(12, round(px * width * 0.96 / total))
    return px


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits_and_reads_from_the_floor(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
    qapp: QApplication,
    width: int,
    height: int,
) -> None:
    apply_theme(qapp, Theme.DARK)  # the text sizes people get (both themes share them)
    write_plan(data_dir, "ladder.toml", LADDER)
    log_session(store, "2024-05-01", [10, 9, 8])
    log_session(store, "2024-05-03", [12, 12, 12])
    store.import_sets(
        ImportedSet(
            "floor",
            "Floor day",
            0,
            n,
            "floor-push-up",
            None,
            "3-1-1-0",
            "8-12",
            r,
            1,
            "",
            datetime.fromisoformat(f"2024-05-05T18:0{n}:00+00:00"),
        )
        for n, r in enumerate((8, 7, 6), start=1)
    )
    window = make_window()
    window.resize(width, height)
    _settle(window)
    assert window.size().width() == width and window.size().height() == height
    figure = distance_px(width, height)
    problems: list[str] = []
    assert len(window.home.advice_labels) >= 2 and window.home.train_advice.isVisible()
    _check(window, "home with the coach's advice", problems)

    select_plan(window, "Ladder for sizes")
    window.on_action(Action.NEXT)
    setup = window.current
    assert isinstance(setup, SetupScreen)
    _check(window, "setup", problems)
    assert setup.text.px >= 0.04 * _unit(width, height)
    while screen_name(window) == "setup":
        window.on_action(Action.NEXT)
    _check(window, "player ready", problems)
    window.on_action(Action.START_PAUSE)
    clock.advance(3.5)
    running(window).driver.on_tick()
    player = window.current
    assert isinstance(player, PlayerScreen)
    _check(window, "player set", problems)
    sizes = {
        "phase word": _banner_word_px(player),
        "countdown": round(min(player.ring.width(), player.ring.height()) * 0.55),
        "rep": player.rep_label.px,
        "set": player.set_label.px,
        "box": player.box_label.px,
    }
    window.on_action(Action.START_PAUSE)
    _check(window, "player paused", problems)
    window.on_action(Action.START_PAUSE)
    window.on_action(Action.NEXT)  # end the set
    _check(window, "log sheet", problems)
    sheet = window.current
    assert isinstance(sheet, LogSheet)
    sheet.keypad.open_pad()
    _check(window, "reps keypad", problems)
    sheet.keypad.close_pad()
    window.on_action(Action.NEXT)  # save
    rest = window.current
    assert isinstance(rest, RestScreen) and rest.new_box_cm == 30
    _check(window, "rest with a box change", problems)
    sizes |= {
        "rest word": rest.word.px,
        "rest countdown": rest.time.px,
        "next set": rest.next_label.px,
        "new box": rest.move_prompt.px,
    }
    window.on_action(Action.HELP)
    _check(window, "help", problems)
    window.on_action(Action.HELP)
    window.on_action(Action.LEAVE)
    _check(window, "leave question", problems)
    window.on_action(Action.LEAVE)  # keep training
    for _ in range(40):
        if screen_name(window) == "summary":
            break
        window.on_action(
            Action.START_PAUSE if running(window).player.stage.value == "ready" else Action.NEXT
        )
        clock.advance(4.0)
        if window.run is not None:
            window.run.driver.on_tick()
    _check(window, "summary", problems)
    window.on_action(Action.NEXT)
    _check(window, "home after a session", problems)
    for side in (
        window.on_settings_requested,
        window.on_history_requested,
        window.on_progress_requested,
    ):
        side()
        _check(window, window.current.objectName(), problems)
        window.show_home()
    window.on_history_requested()
    _settle(window)
    history = window.current
    assert isinstance(history, HistoryScreen)
    for column in (0, 2):  # the date and the variation, whole
        wanted = history.table.sizeHintForColumn(column)
        assert history.table.columnWidth(column) >= wanted

    assert not problems, "\n".join(problems)
    small = {what: px for what, px in sizes.items() if px < figure}
    assert not small, f"under {figure:.0f} px: {small}"
