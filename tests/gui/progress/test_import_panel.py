"""Import from another app, in the history screen: a summary first, then all sets or none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.gui.keys import Action
from app.gui.progress.history_model import BOX_COLUMN, NOT_RECORDED_MARK
from app.gui.progress.history_screen import HistoryScreen
from app.storage.catalog import Catalog
from app.storage.store import Store
from tests.unit.storage.imports.exports import HEVY_KG, STRONG_CLASSIC, STRONG_V6, write

BOX = BOX_COLUMN


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "log.sqlite3") as opened:
        yield opened


@pytest.fixture
def screen(store: Store, catalog: Catalog, qtbot: QtBot) -> HistoryScreen:
    opened = HistoryScreen(store, catalog)
    qtbot.addWidget(opened)
    opened.resize(1280, 800)
    opened.show()
    return opened


def read(screen: HistoryScreen, qtbot: QtBot, path: Path) -> None:
    """Open ``path`` in the panel and wait for the thread that reads it."""
    screen.import_panel.open_file(path)
    qtbot.waitUntil(lambda: not screen.import_panel.reading)


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Stand in for the system's file dialog, which a test cannot click."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def test_the_summary_comes_first_and_enter_imports(
    screen: HistoryScreen,
    store: Store,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_file(monkeypatch, write(tmp_path, STRONG_V6, "v6.csv"))
    assert screen.import_button.accessibleName() == "Import from another app"
    QTest.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    panel = screen.import_panel
    assert panel.summary.text() == "Reading v6.csv…"
    assert not panel.waiting
    qtbot.waitUntil(lambda: not panel.reading)
    assert panel.waiting
    text = panel.summary.text()
    assert "Strong (v6, 2024 and later): 3 push-up set(s)" in text
    assert "Left out: note row (1), rest timer row (1)." in text
    assert 'they are marked "height not recorded"' in text
    assert "Import adds 3 set(s); 0 already in the log." in text
    assert store.sets() == []
    with qtbot.waitSignal(screen.changed):
        assert screen.handle(Action.NEXT)
    assert not panel.isVisible()
    assert len(store.sets()) == 3
    assert screen.status.text() == "3 set(s) imported."
    assert screen.model.rowCount() == 3
    boxes = {str(screen.model.index(r, BOX).data()) for r in range(3)}
    assert boxes == {"", NOT_RECORDED_MARK}
    assert screen.variation.findData("hands-elevated-push-up") >= 0


def test_cancel_writes_nothing_and_a_second_import_offers_nothing(
    screen: HistoryScreen, store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    path = write(tmp_path, HEVY_KG)
    read(screen, qtbot, path)
    assert screen.handle(Action.LEAVE)
    assert not screen.import_panel.isVisible()
    assert store.sets() == []
    read(screen, qtbot, path)
    QTest.mouseClick(screen.import_panel.import_button, Qt.MouseButton.LeftButton)
    assert len(store.sets()) == 4
    read(screen, qtbot, path)
    assert not screen.import_panel.waiting
    assert not screen.import_panel.import_button.isVisible()
    assert "already in the log: nothing to add" in screen.import_panel.summary.text()
    assert screen.handle(Action.NEXT)
    assert len(store.sets()) == 4


def test_a_bad_file_says_where_and_writes_nothing(
    screen: HistoryScreen, store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    path = write(tmp_path, STRONG_CLASSIC.replace(",12.0,", ",twelve,"))
    read(screen, qtbot, path)
    assert screen.import_panel.isVisible()
    assert not screen.import_panel.waiting
    assert screen.import_panel.summary.text().splitlines() == [
        "export.csv cannot be imported; nothing was changed:",
        "export.csv:4: Reps 'twelve' is not a number",
    ]
    assert screen.import_panel.cancel_button.text() == "Close"
    assert screen.handle(Action.LEAVE)
    assert store.sets() == []


def test_the_screen_with_a_summary_renders(
    screen: HistoryScreen, tmp_path: Path, qtbot: QtBot
) -> None:
    read(screen, qtbot, write(tmp_path, STRONG_CLASSIC))
    qtbot.waitExposed(screen)
    image = screen.grab()
    assert not image.isNull()
    shots = Path(__file__).resolve().parents[3] / "build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    assert image.save(str(shots / "history-import-summary.png"))


def test_cancel_while_reading_forgets_the_file(
    screen: HistoryScreen, store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    screen.import_panel.open_file(write(tmp_path, HEVY_KG))
    assert screen.handle(Action.NEXT)  # Enter while reading imports nothing
    assert screen.import_panel.isVisible()
    assert screen.handle(Action.LEAVE)
    assert not screen.import_panel.isVisible()
    qtbot.wait(200)  # the thread's late answer is dropped
    assert not screen.import_panel.isVisible()
    assert store.sets() == []
