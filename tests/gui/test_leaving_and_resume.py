"""Esc asks before leaving; a session killed mid-way is offered for resume on next launch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow
from app.gui.player_screen import PlayerScreen
from app.storage.store import Store
from tests.fake_clock import FakeClock
from tests.gui.helpers import (
    TINY_PLAN,
    press,
    running,
    screen_name,
    start_plan,
    write_plan,
)


def _into_first_set(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    start_plan(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Right, times=6)
    press(qtbot, window, Qt.Key.Key_Space)
    clock.advance(4.0)
    running(window).driver.on_tick()


def test_esc_asks_and_keep_training_resumes(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    _into_first_set(qtbot, window, clock)
    run = running(window)
    with qtbot.waitSignal(window.leave_asked):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert window.leave.isVisible()
    assert run.player.paused
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.leave.isVisible()
    assert not run.player.paused
    assert screen_name(window) == "player"


def test_esc_then_enter_leaves_and_keeps_the_session_out_of_resume(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    _into_first_set(qtbot, window, clock)
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_Return)
    assert screen_name(window) == "home"
    assert window.run is None
    assert store.unfinished_session() is None
    assert not window.home.resume_card.isVisible()


def test_a_killed_session_is_offered_for_resume(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    first = make_window()
    _into_first_set(qtbot, first, clock)
    press(qtbot, first, Qt.Key.Key_PageDown)  # end the set early
    press(qtbot, first, Qt.Key.Key_Up)
    press(qtbot, first, Qt.Key.Key_Return)  # logged: 1 rep
    session_id = running(first).session_id
    first.close()  # as good as a kill: nothing is finished or abandoned

    second = make_window()
    assert second.home.resume_card.isVisible()
    assert "stopped before set 2 of 2" in second.home.resume_text.text()
    press(qtbot, second, Qt.Key.Key_Return)
    run = running(second)
    assert run.session_id == session_id
    assert screen_name(second) == "setup"
    press(qtbot, second, Qt.Key.Key_PageDown, times=6)
    player = second.stack.currentWidget()
    assert isinstance(player, PlayerScreen)
    assert player.set_label.text() == "Set 2 / 2"
    press(qtbot, second, Qt.Key.Key_Space)
    press(qtbot, second, Qt.Key.Key_PageDown)
    press(qtbot, second, Qt.Key.Key_Return)
    assert [(s.session_id, s.set_number) for s in store.sets()] == [
        (session_id, 1),
        (session_id, 2),
    ]
    assert store.unfinished_session() is None
    assert screen_name(second) == "summary"


def test_declining_the_resume_stops_offering_it(
    qtbot: QtBot, make_window: Callable[..., MainWindow], store: Store
) -> None:
    record = store.begin_session(
        title="Old", started_at=__import__("datetime").datetime.now().astimezone()
    )
    window = make_window()
    assert window.home.resume_card.isVisible()
    window.home.resume_declined.emit()
    assert not window.home.resume_card.isVisible()
    assert store.unfinished_session() is None
    assert store.session(record.id).ended_at is None


def test_leaving_from_the_log_sheet_keeps_the_set_it_shows(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    _into_first_set(qtbot, window, clock)
    press(qtbot, window, Qt.Key.Key_PageDown)  # end the set early: the log sheet shows
    assert screen_name(window) == "log"
    press(qtbot, window, Qt.Key.Key_Up, times=2)  # 2 reps, as the person says
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_Return)  # leave
    assert screen_name(window) == "home"
    assert [(row.set_number, row.reps) for row in store.sets()] == [(1, 2)]
    assert store.unfinished_session() is None
