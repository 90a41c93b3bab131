"""Sets imported from another app in the history and progress screens: no box height known."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.progress.history_model import (
    BOX_COLUMN,
    NOT_RECORDED_MARK,
    REPS_COLUMN,
    VARIATION_COLUMN,
)
from app.gui.progress.history_screen import HistoryScreen
from app.gui.progress.progress_screen import ProgressScreen
from app.storage.catalog import Catalog
from app.storage.imports.names_file import load_exercise_names
from app.storage.imports.read_export import read_export
from app.storage.store import Store
from tests.unit.storage.imports.exports import STRONG_V6, USES_BOX, write

BOX, VARIATION = BOX_COLUMN, VARIATION_COLUMN


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    path = write(tmp_path, STRONG_V6)
    preview = read_export(path, load_exercise_names(), USES_BOX, date(2026, 6, 30))
    with Store(tmp_path / "log.sqlite3") as opened:
        opened.import_sets(preview.sets)
        yield opened


def test_the_history_says_height_not_recorded_only_for_box_sets(
    store: Store, catalog: Catalog, qtbot: QtBot
) -> None:
    screen = HistoryScreen(store, catalog)
    qtbot.addWidget(screen)
    rows = {
        str(screen.model.index(row, VARIATION_COLUMN).data()): str(
            screen.model.index(row, BOX).data()
        )
        for row in range(screen.model.rowCount())
    }
    assert rows["Hands-elevated push up"] == NOT_RECORDED_MARK  # a dash, the column narrow
    (box_row,) = [
        row
        for row in range(screen.model.rowCount())
        if screen.model.index(row, BOX).data() == NOT_RECORDED_MARK
    ]
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert screen.model.index(box_row, BOX).data(tooltip) == "height not recorded"
    assert screen.model.index(box_row, REPS_COLUMN).data(tooltip) is None  # nothing cut there
    assert rows["Floor push up"] == ""
    assert rows["Loaded push up"] == ""


def test_the_progress_screen_opens_and_describes_an_imported_box_set(
    store: Store, catalog: Catalog, qtbot: QtBot
) -> None:
    screen = ProgressScreen(store, catalog, now=lambda: datetime(2024, 4, 20, 12).astimezone())
    qtbot.addWidget(screen)
    screen.show()
    index = screen.variation.findData("hands-elevated-push-up")
    assert index >= 0
    screen.variation.setCurrentIndex(index)
    qtbot.waitUntil(lambda: len(screen.shown_sets.set_reps) == 1)
    assert "height not recorded" in screen.describe_set(0)
    assert "12 reps" in screen.describe_set(0)
