"""The history screen on a copy of the ten-year log: sort, filter, edit, delete, undo, export."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication
from pytestqt.qtbot import QtBot

from app.gui.progress.history_model import BOX_COLUMN, REPS_COLUMN, VARIATION_COLUMN, column_of
from app.gui.progress.history_screen import CELL_PADDING_PX, HistoryScreen
from app.gui.theme import apply_theme
from app.storage.catalog import Catalog
from app.storage.settings import Theme
from app.storage.store import Store
from tests.fixtures.ten_year_history import HistoryFacts
from tests.gui.progress.ten_years import copy_of, ten_years_file

__all__ = ["ten_years_file"]
REPS, BOX, VARIATION = REPS_COLUMN, BOX_COLUMN, VARIATION_COLUMN


@pytest.fixture
def screen(
    ten_years_file: tuple[Path, HistoryFacts], tmp_path: Path, catalog: Catalog
) -> Iterator[HistoryScreen]:
    with Store(copy_of(ten_years_file[0], tmp_path)) as store:
        opened = HistoryScreen(store, catalog)
        opened.resize(1280, 800)
        opened.show()
        yield opened
        opened.close()
        opened.deleteLater()


def cell(screen: HistoryScreen, row: int, column: int) -> str:
    return str(screen.model.index(row, column).data())


def test_every_set_is_listed_newest_first(
    screen: HistoryScreen, ten_years_file: tuple[Path, HistoryFacts]
) -> None:
    facts = ten_years_file[1]
    assert screen.model.rowCount() == facts.sets
    assert cell(screen, 0, 0) >= cell(screen, 1, 0) >= cell(screen, 500, 0)
    assert cell(screen, 0, 0).startswith(facts.last.strftime("%Y-%m-%d"))
    assert f"{facts.sets} sets shown" in screen.count.text()


def test_filtering_by_variation_and_sorting_by_reps(screen: HistoryScreen) -> None:
    screen.variation.setCurrentIndex(screen.variation.findData("floor-push-up"))
    with sqlite3.connect(screen.store.path) as db:
        floor_sets = db.execute(
            "SELECT COUNT(*), MAX(reps) FROM set_log WHERE variation = 'floor-push-up'"
        ).fetchone()
    db.close()
    assert screen.model.rowCount() == floor_sets[0]
    assert {cell(screen, row, VARIATION) for row in range(0, floor_sets[0], 97)} == {
        "Floor push up"
    }
    screen.table.sortByColumn(REPS, Qt.SortOrder.DescendingOrder)
    assert int(cell(screen, 0, REPS)) == floor_sets[1]


def test_a_corrected_rep_count_is_saved_and_undone(screen: HistoryScreen, qtbot: QtBot) -> None:
    set_id = screen.model.set_id(0)
    with qtbot.waitSignal(screen.changed):
        assert screen.model.setData(screen.model.index(0, REPS), "17")
    assert next(s for s in screen.store.sets() if s.id == set_id).reps == 17
    assert cell(screen, 0, REPS) == "17"
    assert not screen.model.setData(screen.model.index(0, REPS), "lots")
    screen.model.undo.undo()
    assert next(s for s in screen.store.sets() if s.id == set_id).reps != 17


def test_a_deleted_set_comes_back_with_undo(screen: HistoryScreen) -> None:
    before = screen.model.rowCount()
    set_id = screen.model.set_id(3)
    screen.table.selectRow(3)
    screen.on_delete_clicked()
    assert screen.model.rowCount() == before - 1
    assert set_id not in screen.model.visible_ids()
    assert "Undo" in screen.status.text()
    screen.model.undo.undo()
    assert screen.model.rowCount() == before
    assert screen.model.set_id(3) == set_id


def test_only_the_visible_rows_are_exported(screen: HistoryScreen, tmp_path: Path) -> None:
    screen.variation.setCurrentIndex(screen.variation.findData("wall-push-up"))
    path = tmp_path / "wall.csv"
    written = screen.export_csv(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert written == screen.model.rowCount() == len(lines) - 1
    assert all(",wall-push-up," in line for line in lines[1:])


def test_a_cell_typed_into_is_saved_undone_and_redone_with_the_keyboard(
    screen: HistoryScreen, qtbot: QtBot
) -> None:
    screen.variation.setCurrentIndex(screen.variation.findData("floor-push-up"))
    screen.table.sortByColumn(REPS, Qt.SortOrder.AscendingOrder)
    index = screen.model.index(0, REPS)
    set_id = screen.model.set_id(0)
    before = next(s for s in screen.store.sets() if s.id == set_id).reps
    with qtbot.waitActive(screen):
        screen.activateWindow()
    screen.table.setCurrentIndex(index)
    screen.table.edit(index)
    editor = screen.table.focusWidget()
    assert editor is not screen.table
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "99")
    # What the delegate does on Return (sent as a key, the offscreen platform moves the focus
    # out of the closing editor, which then commits a second time).
    with qtbot.waitSignal(screen.changed):
        screen.table.commitData(editor)
    screen.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
    assert screen.store.set_by_id(set_id).reps == 99
    # Still filtered to floor push ups; the corrected set sorts to the bottom now.
    assert {cell(screen, row, VARIATION) for row in range(screen.model.rowCount())} == {
        "Floor push up"
    }
    assert screen.model.set_id(screen.model.rowCount() - 1) == set_id
    with qtbot.waitSignal(screen.changed):
        QTest.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.store.set_by_id(set_id).reps == before
    with qtbot.waitSignal(screen.changed):
        screen.model.undo.redo()
    assert screen.store.set_by_id(set_id).reps == 99


def test_delete_undo_and_redo_reach_the_log(screen: HistoryScreen) -> None:
    set_id = screen.model.set_id(0)
    screen.table.selectRow(0)
    screen.on_delete_clicked()
    with pytest.raises(KeyError):
        screen.store.set_by_id(set_id)
    screen.model.undo.undo()
    assert screen.store.set_by_id(set_id).id == set_id
    screen.model.undo.redo()
    assert set_id not in screen.model.visible_ids()
    with pytest.raises(KeyError):
        screen.store.set_by_id(set_id)


def test_the_export_follows_the_filter_and_the_sort(screen: HistoryScreen, tmp_path: Path) -> None:
    screen.variation.setCurrentIndex(screen.variation.findData("loaded-push-up"))
    screen.table.sortByColumn(REPS, Qt.SortOrder.DescendingOrder)
    path = tmp_path / "loaded.csv"
    assert screen.export_csv(path) == screen.model.rowCount()
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    assert {row["variation"] for row in rows} == {"loaded-push-up"}
    reps = [int(row["reps"]) for row in rows]
    assert reps == sorted(reps, reverse=True)
    assert [int(cell(screen, row, REPS)) for row in range(len(reps))] == reps


def test_numbers_sit_under_their_headings_not_against_the_variation(screen: HistoryScreen) -> None:
    alignment = Qt.ItemDataRole.TextAlignmentRole
    for column in (BOX, REPS):
        assert screen.model.index(0, column).data(alignment) == Qt.AlignmentFlag.AlignCenter
    assert screen.model.index(0, VARIATION).data(alignment) is None  # names read from the left


@pytest.mark.parametrize("width", [800, 1024, 1280])
def test_the_reps_are_in_sight_without_scrolling_sideways(
    ten_years_file: tuple[Path, HistoryFacts],
    tmp_path: Path,
    catalog: Catalog,
    qapp: QApplication,
    qtbot: QtBot,
    width: int,
) -> None:
    """When, what, which box, which set and how many: in sight on a portrait tablet too, with
    the theme's big text; the columns are measured once, not row by row over ten years."""
    apply_theme(qapp, Theme.DARK)
    with Store(copy_of(ten_years_file[0], tmp_path)) as store:
        screen = HistoryScreen(store, catalog)
        qtbot.addWidget(screen)
        screen.resize(width, 700)
        screen.show()
        qtbot.waitExposed(screen)
        table = screen.table
        right = table.columnViewportPosition(REPS) + table.columnWidth(REPS)
        assert right <= table.viewport().width(), f"the reps end at {right} px"
        for column in (0, VARIATION, BOX, REPS, column_of("Target"), column_of("Tempo")):
            texts = {cell(screen, row, column) for row in range(0, screen.model.rowCount(), 97)}
            widest = max(table.fontMetrics().horizontalAdvance(text) for text in texts)
            # the text and the cell's padding (CELL_PADDING_PX is both sides)
            room = table.columnWidth(column) - CELL_PADDING_PX // 2
            assert widest <= room, (column, sorted(texts)[:5])
