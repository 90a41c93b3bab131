"""The window under faults: a log that stops taking sets, wall-clock jumps, a plan file changed
or deleted mid-session, and no network. Offscreen, on a fake clock, against a real SQLite log.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow
from app.gui.services import Services
from app.gui.unsaved_banner import SAVE_LABEL
from app.storage.data_dir import store_path
from app.storage.history_csv import parse_csv
from app.storage.store import Store
from tests.fake_clock import FakeClock
from tests.fixtures.faults import LogTurnsReadOnly, forbid_network
from tests.gui.helpers import (
    TINY_PLAN,
    play_to_summary,
    press,
    screen_name,
    start_plan,
    write_plan,
)

OTHER_PLAN = TINY_PLAN.replace("Tiny test plan", "Changed plan").replace("sets = 2", "sets = 4")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Sets saved on closing go to a home of the test's own, never the real one."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


# --- a log that cannot take the sets ---------------------------------------------------------


def test_a_log_turning_read_only_shows_a_banner_and_saves_the_sets_as_csv(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    failing = LogTurnsReadOnly(store_path(data_dir))
    with failing:
        window = open_window(replace(make_services(), store=failing))
        assert not window.banner.isVisible()
        start_plan(qtbot, window)
        play_to_summary(qtbot, window, clock)

        # set 1 went in; set 2 could not: a readable banner, the session ran on to its summary
        assert [s.set_number for s in failing.sets()] == [1]
        assert window.banner.isVisible()
        words = window.banner.text.text()
        assert "training log cannot be written" in words and "readonly database" in words
        assert "1 set is kept here" in words
        assert "Traceback" not in words
        assert window.banner.save_button.text() == SAVE_LABEL

        target = tmp_path / "elsewhere" / "my-sets.csv"
        target.parent.mkdir()
        asked: list[Path] = []

        def choose(suggested: Path) -> Path:
            asked.append(suggested)
            return target

        window.unsaved.ask_csv_path = choose
        QTest.mouseClick(window.banner.save_button, Qt.MouseButton.LeftButton)

        assert asked and asked[0].suffix == ".csv"
        assert f"Saved 1 set to {target}" in window.banner.text.text()
        rows = parse_csv(target.read_text(encoding="utf-8"))
        assert [(r.set_number, r.variation) for r in rows] == [(2, "hands-elevated-push-up")]
        assert rows[0].session_uid == failing.sessions()[0].uid  # an import joins the session

        # back home, the banner stays while the set is still only in memory
        press(qtbot, window, Qt.Key.Key_Return)
        assert screen_name(window) == "home"
        assert window.banner.isVisible()


def test_the_summary_counts_the_sets_the_log_could_not_take(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    clock: FakeClock,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    failing = LogTurnsReadOnly(store_path(data_dir))
    with failing:
        failing.keep = 0
        window = open_window(replace(make_services(), store=failing))
        start_plan(qtbot, window)
        play_to_summary(qtbot, window, clock)
        assert failing.sets() == []
        assert "2 sets are kept here" in window.banner.text.text()
        run = window.run
        assert run is not None
        assert [r.set_number for r in run.session_log.rows()] == [1, 2]


def test_closing_with_unsaved_sets_writes_them_to_a_csv_and_says_where(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    failing = LogTurnsReadOnly(store_path(data_dir))
    with failing:
        window = open_window(replace(make_services(), store=failing))
        start_plan(qtbot, window)
        play_to_summary(qtbot, window, clock)
        window.close()
    (saved,) = tmp_path.glob("tempo-trainer-unsaved-*.csv")
    assert [r.set_number for r in parse_csv(saved.read_text(encoding="utf-8"))] == [2]
    assert f"saved in {saved}" in capsys.readouterr().err


def test_a_log_writable_again_takes_the_waiting_set_and_the_banner_goes(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    clock: FakeClock,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN.replace("sets = 2", "sets = 3"))
    failing = LogTurnsReadOnly(store_path(data_dir))
    with failing:
        window = open_window(replace(make_services(), store=failing))
        start_plan(qtbot, window)
        for _ in range(60):  # to the log sheet of set 3, with set 2 waiting
            run = window.run
            assert run is not None
            if screen_name(window) == "log" and run.player.current.index == 2:
                break
            key = Qt.Key.Key_Return if screen_name(window) == "log" else Qt.Key.Key_PageDown
            press(qtbot, window, key)
            clock.advance(0.5)
            run.driver.on_tick()
        assert window.banner.isVisible()
        failing.writable_again()
        press(qtbot, window, Qt.Key.Key_Return)
        assert screen_name(window) == "summary"
        assert [s.set_number for s in failing.sets()] == [1, 2, 3]
        assert failing.unfinished_session() is None
        assert not window.banner.isVisible()


# --- clock jumps -------------------------------------------------------------------------------


def test_wall_clock_jumps_leave_timers_alone_and_logged_times_in_order(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    wall = [datetime(2024, 5, 6, 18, 0, tzinfo=UTC)]
    real_time = time.time
    jump = [0.0]
    monkeypatch.setattr(time, "time", lambda: real_time() + jump[0])

    def wall_clock() -> datetime:
        wall[0] += timedelta(seconds=1)
        return wall[0] + timedelta(seconds=jump[0])

    window = open_window(replace(make_services(), wall_clock=wall_clock))
    start_plan(qtbot, window)
    press(qtbot, window, Qt.Key.Key_PageDown, times=6)
    press(qtbot, window, Qt.Key.Key_Space)  # count-in, 3 s
    run = window.run
    assert run is not None
    clock.advance(1.0)
    run.driver.on_tick()
    before = run.driver.view()
    jump[0] = -3 * 3600.0  # the system clock is set back three hours
    run.driver.on_tick()
    after = run.driver.view()
    assert after.stage is before.stage and after.phase_remaining_s == before.phase_remaining_s
    jump[0] = 0.0
    press(qtbot, window, Qt.Key.Key_PageDown)
    press(qtbot, window, Qt.Key.Key_Return)  # set 1 logged at the true time
    jump[0] = -3 * 3600.0
    play_to_summary(qtbot, window, clock)  # set 2 logged while the clock reads 3 hours back

    times = [s.ended_at for s in store.sets()]
    assert len(times) == 2 and times == sorted(times)
    (session,) = store.sessions()
    assert session.ended_at is not None
    assert session.ended_at >= times[-1]


# --- the plan file changes while it is played --------------------------------------------------


@pytest.mark.parametrize("change", ["rewritten", "deleted"])
def test_the_window_plays_and_resumes_the_plan_as_read_at_start(
    change: str,
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
) -> None:
    path = write_plan(data_dir, "tiny.toml", TINY_PLAN)
    first = make_window()
    start_plan(qtbot, first)
    if change == "deleted":
        path.unlink()
    else:
        path.write_text(OTHER_PLAN, encoding="utf-8")
    press(qtbot, first, Qt.Key.Key_PageDown, times=6)
    press(qtbot, first, Qt.Key.Key_Space)
    press(qtbot, first, Qt.Key.Key_PageDown)
    press(qtbot, first, Qt.Key.Key_Return)  # set 1 of the plan as it was read
    first.close()  # killed, as far as the log knows

    second = make_window()
    assert "stopped before set 2 of 2" in second.home.resume_text.text()
    press(qtbot, second, Qt.Key.Key_Return)
    play_to_summary(qtbot, second, clock)
    assert [(s.set_number, s.session_title) for s in store.sets()] == [
        (1, "Tiny test plan"),
        (2, "Tiny test plan"),
    ]
    (session,) = store.sessions()
    assert session.plan_text == TINY_PLAN and session.ended_at is not None


# --- no network --------------------------------------------------------------------------------


def test_a_whole_session_in_the_window_creates_no_socket(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempts = forbid_network(monkeypatch)
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    start_plan(qtbot, window)
    play_to_summary(qtbot, window, clock)
    press(qtbot, window, Qt.Key.Key_Return)
    window.home.history_requested.emit()
    assert screen_name(window) != "home"
    window.show_home()
    window.home.progress_requested.emit()
    assert screen_name(window) != "home"
    window.show_home()
    assert attempts == []
    assert len(store.sets()) == 2
