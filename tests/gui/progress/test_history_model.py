"""The history table's model on a real log: shown, sorted, filtered, edited and undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.progress.history_model import BOX_COLUMN, COLUMNS, HistoryModel
from app.storage.store import Store
from tests.fixtures.coach_histories import BOX, FLOOR, B, imported, session

REPS = next(i for i, column in enumerate(COLUMNS) if column[0] == "Reps")
VARIATION = next(i for i, column in enumerate(COLUMNS) if column[0] == "Variation")


def model(qtbot: QtBot, store: Store) -> HistoryModel:
    del qtbot  # taken so that the Qt fixtures are up
    store.import_sets(imported(session(3, B(BOX, [10, 9], None))))
    store.import_sets(imported(session(1, B(FLOOR, [5]))))
    return HistoryModel(store, {BOX: "Box", FLOOR: "Floor"}, uses_box=frozenset({BOX}))


def shown(made: HistoryModel, column: int) -> list[str]:
    return [made.index(row, column).data() for row in range(made.rowCount())]


def test_every_set_newest_first_with_names_and_an_unrecorded_height(
    qtbot: QtBot, store: Store
) -> None:
    made = model(qtbot, store)
    assert made.columnCount() == len(COLUMNS) and made.rowCount() == 3
    assert made.headerData(REPS, Qt.Orientation.Horizontal) == "Reps"
    assert shown(made, VARIATION) == ["Floor", "Box", "Box"]
    assert shown(made, BOX_COLUMN)[0] == "" and shown(made, BOX_COLUMN)[1] != ""
    assert made.flags(made.index(0, REPS)) & Qt.ItemFlag.ItemIsEditable
    assert not made.flags(made.index(0, VARIATION)) & Qt.ItemFlag.ItemIsEditable


def test_sorting_and_filtering_only_reorder(qtbot: QtBot, store: Store) -> None:
    made = model(qtbot, store)
    made.sort(REPS, Qt.SortOrder.AscendingOrder)
    assert shown(made, REPS) == ["5", "9", "10"]
    made.filter_variation(BOX)
    assert shown(made, REPS) == ["9", "10"] and len(made.visible_ids()) == 2
    made.filter_variation(None)
    assert made.rowCount() == 3


def test_an_edit_reaches_the_log_and_undoes(qtbot: QtBot, store: Store) -> None:
    made = model(qtbot, store)
    made.sort(REPS, Qt.SortOrder.AscendingOrder)
    set_id = made.set_id(0)
    assert not made.setData(made.index(0, REPS), "lots")
    assert made.setData(made.index(0, REPS), "7")
    assert store.set_by_id(set_id).reps == 7
    made.undo.undo()
    assert store.set_by_id(set_id).reps == 5


def test_a_deleted_set_comes_back_on_undo(qtbot: QtBot, store: Store) -> None:
    made = model(qtbot, store)
    made.delete_row(0)
    assert made.rowCount() == 2 and len(store.sets()) == 2
    made.undo.undo()
    assert made.rowCount() == 3 and len(store.sets()) == 3
