"""The window at start-up faults: a log that cannot be opened at all, and sets rescued to a CSV
during an earlier log problem. Offscreen, on a fake clock, against real SQLite files.

Both go through the launcher's own steps (``open_store_or_memory``, ``start_notices``,
``show_start``); only ``app.exec`` is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.gui import launch
from app.gui.main_window import MainWindow
from app.gui.services import Services
from app.gui.unsaved_banner import SAVE_LABEL
from app.session.training_log import start_notices
from app.storage.catalog import Catalog
from app.storage.data_dir import store_path
from app.storage.history_csv import parse_csv
from app.storage.log_export import UNSAVED_NAME, log_tag
from app.storage.progress_data import SetTableCache
from app.storage.safe_open import OpenedStore, open_store_or_memory
from app.storage.store import Store
from tests.fake_clock import FakeClock
from tests.fixtures.faults import LogTurnsReadOnly
from tests.gui.helpers import (
    TINY_PLAN,
    play_to_summary,
    press,
    running,
    screen_name,
    start_plan,
    write_plan,
)

THREE_SETS = TINY_PLAN.replace("sets = 2", "sets = 3")
NOW = datetime(2024, 5, 6, 18, 0).astimezone()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Home and the working folder of the test's own: where sets are saved, and looked for."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A data folder whose log is a folder: SQLite cannot open it."""
    folder = tmp_path / "broken-data"
    store_path(folder).mkdir(parents=True)
    return folder


def start(
    open_window: Callable[[Services], MainWindow],
    services: Services,
    data: Path,
) -> tuple[MainWindow, OpenedStore]:
    """What ``run_gui`` does before ``app.exec``, over ``services`` (fakes for sound and clock)."""
    opened = open_store_or_memory(data, NOW)
    notices = start_notices(opened, data)
    window = open_window(replace(services, store=opened.store, data_dir=data))
    launch.show_start(window, opened, notices)
    return window, opened


# --- a log that cannot be opened -------------------------------------------------------------


def test_a_log_that_cannot_be_opened_still_trains_and_saves_the_sets_as_csv(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    broken: Path,
    clock: FakeClock,
    tmp_path: Path,
    home: Path,
    catalog: Catalog,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window, opened = start(open_window, make_services(), broken)
    with opened.store as memory:
        assert memory.in_memory
        notice = window.home.notice
        assert notice.isVisible()
        words = notice.text()
        assert f"could not be opened ({store_path(broken)} is a folder, not a file)" in words
        assert "kept in memory only" in words and SAVE_LABEL in words
        assert "Traceback" not in words
        assert not window.banner.isVisible()  # nothing to save yet

        start_plan(qtbot, window)
        play_to_summary(qtbot, window, clock)
        assert [s.set_number for s in memory.sets()] == [1, 2]
        assert window.banner.isVisible()
        assert "2 sets are kept in memory only" in window.banner.text.text()

        target = tmp_path / "elsewhere" / "my-sets.csv"
        target.parent.mkdir()
        window.unsaved.ask_csv_path = lambda suggested: target
        QTest.mouseClick(window.banner.save_button, Qt.MouseButton.LeftButton)
        assert f"Saved 2 sets to {target}" in window.banner.text.text()
        rows = parse_csv(target.read_text(encoding="utf-8"))
        assert [(r.set_number, r.session_title) for r in rows] == [
            (1, "Tiny test plan"),
            (2, "Tiny test plan"),
        ]

        press(qtbot, window, Qt.Key.Key_Return)  # summary -> home: the notice stays
        assert screen_name(window) == "home"
        assert window.home.notice.text() == words
        assert "Tiny test plan" in window.home.last_session.text()  # this run's sets show
        tables = SetTableCache()  # the charts read this run's sets on a connection of their own
        assert len(tables.table(memory, catalog)) == 2
        tables.close()
        window.home.history_requested.emit()
        assert screen_name(window) == "history"
        window.show_home()
        window.close()
    assert not list(home.iterdir())  # saved already: quitting writes no second copy
    with Store(tmp_path / "later.sqlite3") as later:
        assert later.import_sets(rows) == 2


def test_quitting_saves_the_sets_in_memory_and_the_next_start_adds_them(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    broken: Path,
    clock: FakeClock,
    home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window, opened = start(open_window, make_services(), broken)
    with opened.store:
        start_plan(qtbot, window)
        play_to_summary(qtbot, window, clock)
        window.close()
    (saved,) = home.iterdir()
    match = UNSAVED_NAME.fullmatch(saved.name)
    assert match is not None and match["log"] == log_tag(broken)
    assert f"saved in {saved}" in capsys.readouterr().err

    store_path(broken).rmdir()  # the log can be opened again
    again, reopened = start(open_window, make_services(), broken)
    with reopened.store as log:
        assert not log.in_memory
        assert "2 sets saved during a log problem were added to your log." in (
            again.home.notice.text()
        )
        assert [s.set_number for s in log.sets()] == [1, 2]
        assert log.unfinished_session() is None
        assert "Tiny test plan" in again.home.last_session.text()
        again.close()
    assert [p.name for p in home.iterdir()] == [saved.name.replace(".csv", ".imported.csv")]


# --- sets rescued to a CSV, then the session resumed ---------------------------------------------


def test_a_resumed_session_starts_after_its_rescued_sets(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    clock: FakeClock,
    store: Store,
    home: Path,
) -> None:
    write_plan(data_dir, "tiny.toml", THREE_SETS)
    failing = LogTurnsReadOnly(store_path(data_dir))
    with failing:  # set 1 is logged, set 2 refused; closed on set 3's log sheet
        first = open_window(replace(make_services(), store=failing))
        start_plan(qtbot, first)
        for _ in range(60):
            if screen_name(first) == "log" and running(first).player.current.index == 2:
                break
            key = Qt.Key.Key_Return if screen_name(first) == "log" else Qt.Key.Key_PageDown
            press(qtbot, first, key)
            clock.advance(0.5)
            running(first).driver.on_tick()
        assert first.banner.isVisible()
        first.close()
    (rescued,) = home.iterdir()
    assert [s.set_number for s in store.sets()] == [1]

    opened = OpenedStore(store)  # the next start: the log is writable again
    notices = start_notices(opened, data_dir)
    assert notices == ["1 set saved during a log problem was added to your log."]
    second = open_window(make_services())
    launch.show_start(second, opened, notices)
    assert notices[0] in second.home.notice.text()
    assert "stopped before set 3 of 3" in second.home.resume_text.text()

    press(qtbot, second, Qt.Key.Key_Return)
    assert running(second).player.current.index == 2
    play_to_summary(qtbot, second, clock)
    (session,) = store.sessions()
    assert [(s.session_id, s.set_number) for s in store.sets()] == [
        (session.id, 1),
        (session.id, 2),
        (session.id, 3),
    ]
    assert session.ended_at is not None
    assert not rescued.exists()
    assert start_notices(opened, data_dir) == []  # a second start adds nothing
