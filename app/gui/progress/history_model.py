"""The history table's model: every logged set, sorted and filtered with numpy, edits undoable."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.limits import (
    MAX_BOX_HEIGHT_CM,
    MAX_LOGGED_REPS,
    MAX_NOTE_CHARS,
    MAX_REPS_IN_RESERVE,
)
from app.domain.units import HEIGHT_NOT_RECORDED
from app.storage.progress_data import history_rows
from app.storage.store import Store

Index = QModelIndex | QPersistentModelIndex
# The fields of a history row (app.storage.progress_data.history_rows).
_ID, _DATE, _SESSION, _VARIATION, _BOX, _REHEARSAL = 0, 2, 3, 4, 5, 12
# (heading, row field, editable column in the store or ""): when, what and how many first,
# so that the reps are in sight on a 1024 px screen; the session's name and the note last.
COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("Date", _DATE, ""),
    ("Variation", _VARIATION, ""),
    ("Box (cm)", _BOX, "box_height_cm"),
    ("Set", 6, ""),
    ("Reps", 9, "reps"),
    ("Target", 8, ""),
    ("Tempo", 7, ""),
    ("RIR", 10, "reps_in_reserve"),
    ("Session", _SESSION, ""),
    ("Note", 11, "note"),
)


def column_of(heading: str) -> int:
    """The column with this heading."""
    return next(index for index, column in enumerate(COLUMNS) if column[0] == heading)


VARIATION_COLUMN = column_of("Variation")
BOX_COLUMN = column_of("Box (cm)")
REPS_COLUMN = column_of("Reps")
SESSION_COLUMN = column_of("Session")
CUT_COLUMNS = frozenset({SESSION_COLUMN, column_of("Note"), VARIATION_COLUMN})
NOT_RECORDED_MARK = "—"
"""A box set's height that was never recorded (imported from another app), in its cell."""
NUMBER_COLUMNS = frozenset(column_of(h) for h in ("Box (cm)", "Set", "Reps", "RIR"))


class HistoryModel(QAbstractTableModel):
    """Rows are sets; ``filter_variation`` and ``sort`` only reorder an index array."""

    def __init__(
        self,
        store: Store,
        names: dict[str, str],
        parent: QObject | None = None,
        *,
        uses_box: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.names = names
        self.uses_box = uses_box
        self.undo = QUndoStack(self)
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.DescendingOrder)
        self._variation: str | None = None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = history_rows(self.store)
        self._where = {int(str(row[_ID])): position for position, row in enumerate(self.rows)}
        self._variations = np.array([row[_VARIATION] for row in self.rows], dtype=object)
        self._apply()
        self.endResetModel()

    def _relayout(self) -> None:
        """Sort and filter again, keeping selections and open editors on their sets."""
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        ids = [self.set_id(index.row()) if index.isValid() else None for index in kept]
        self._apply()
        row_of = {int(position): row for row, position in enumerate(self.order)}
        moved = [
            QModelIndex()
            if set_id is None or self._where[set_id] not in row_of
            else self.index(row_of[self._where[set_id]], index.column())
            for index, set_id in zip(kept, ids, strict=True)
        ]
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    def _apply(self) -> None:
        visible = np.arange(len(self.rows))
        if self._variation is not None:
            visible = np.flatnonzero(self._variations == self._variation)
        column, order = self._sort
        field = COLUMNS[column][1]
        rows = self.rows
        ranked = np.array(
            sorted(visible, key=lambda i: _sort_key(rows[int(i)][field])), dtype=np.int64
        )
        self.order = ranked[::-1] if order is Qt.SortOrder.DescendingOrder else ranked

    # --- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation is Qt.Orientation.Horizontal:
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[int(self.order[index.row()])]
        value = row[COLUMNS[index.column()][1]]
        unrecorded = (
            index.column() == BOX_COLUMN and value is None and row[_VARIATION] in self.uses_box
        )
        if role == Qt.ItemDataRole.DisplayRole:
            # a dash keeps the column narrow; the tooltip and a screen reader say what it means
            rehearsal = bool(row[_REHEARSAL])
            return NOT_RECORDED_MARK if unrecorded else self._text(index.column(), value, rehearsal)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if unrecorded:
                return HEIGHT_NOT_RECORDED
            if index.column() in CUT_COLUMNS:  # a name or a note a narrow column cuts short
                return self._text(index.column(), value, bool(row[_REHEARSAL]))
            return None
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMBER_COLUMNS:
            # Centred under their headings: a box height left-aligned in its wide column reads
            # as the end of the variation's name ("Hands-elevated push up 30").
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _text(self, column: int, value: object, rehearsal: bool) -> str:
        if value is None:
            return ""
        field = COLUMNS[column][1]
        if field == _DATE:
            return str(value)[:16].replace("T", " ")
        if field == _SESSION and rehearsal:
            return f"{value} (rehearsal)"
        if field == _VARIATION:
            return self.names.get(str(value), str(value))
        if field == _BOX:
            return f"{float(str(value)):g}"
        return str(value)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and COLUMNS[index.column()][2]:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = COLUMNS[index.column()][2]
        parsed = _parse(column, value)
        if column == "" or parsed is _INVALID:
            return False
        set_id = self.set_id(index.row())
        old = self.rows[int(self.order[index.row()])][COLUMNS[index.column()][1]]
        self.undo.push(_Edit(self, set_id, index.column(), old, parsed))
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._relayout()

    # --- what the screen asks ------------------------------------------------------------------

    def filter_variation(self, variation_id: str | None) -> None:
        self.beginResetModel()
        self._variation = variation_id
        self._apply()
        self.endResetModel()

    def logged_variations(self) -> set[str]:
        """The ids of the variations with a set in the log."""
        return {str(row[_VARIATION]) for row in self.rows}

    def set_id(self, row: int) -> int:
        return int(str(self.rows[int(self.order[row])][_ID]))

    def visible_ids(self) -> list[int]:
        return [int(str(self.rows[int(i)][_ID])) for i in self.order]

    def delete_row(self, row: int) -> None:
        self.undo.push(_Delete(self, self.set_id(row)))

    def _store_edit(self, set_id: int, column: int, value: object) -> None:
        self.store.update_set(set_id, COLUMNS[column][2], value)
        self.reload()


_INVALID = object()


def _parse(column: str, value: Any) -> object:
    text = str(value).strip()
    if column == "note":
        return str(value)[:MAX_NOTE_CHARS]
    if column in ("reps_in_reserve", "box_height_cm") and text == "":
        return None
    try:
        number = float(text)
    except ValueError:
        return _INVALID
    if column == "reps":
        return int(number) if number.is_integer() and 0 <= number <= MAX_LOGGED_REPS else _INVALID
    if column == "reps_in_reserve":
        return (
            int(number) if number.is_integer() and 0 <= number <= MAX_REPS_IN_RESERVE else _INVALID
        )
    return number if 0 <= number <= MAX_BOX_HEIGHT_CM else _INVALID


def _sort_key(value: object) -> tuple[int, object]:
    # None sorts first; numbers and text never meet in one column.
    return (0, "") if value is None else (1, value)


class _Edit(QUndoCommand):
    def __init__(
        self, model: HistoryModel, set_id: int, column: int, old: object, new: object
    ) -> None:
        super().__init__(f"change {COLUMNS[column][0].lower()}")
        self.model, self.set_id, self.column, self.old, self.new = model, set_id, column, old, new

    def redo(self) -> None:
        self.model._store_edit(self.set_id, self.column, self.new)

    def undo(self) -> None:
        self.model._store_edit(self.set_id, self.column, self.old)


class _Delete(QUndoCommand):
    def __init__(self, model: HistoryModel, set_id: int) -> None:
        super().__init__("delete a set")
        self.model, self.set_id = model, set_id
        self.removed: dict[str, object] = {}

    def redo(self) -> None:
        self.removed = self.model.store.delete_set(self.set_id)
        self.model.reload()

    def undo(self) -> None:
        self.model.store.restore_set(self.removed)
        self.model.reload()
