"""The history screen: every set in a sortable table, filtered by variation, editable with undo."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from app.domain.variation import Variation
from app.gui.keys import Action
from app.gui.progress.history_model import SESSION_COLUMN, HistoryModel, column_of
from app.gui.progress.import_panel import ImportPanel
from app.gui.progress.variation_choice import variation_choice
from app.gui.screen import Screen
from app.storage.atomic_file import write_text_atomically
from app.storage.history_csv import to_csv
from app.storage.store import Store, StoreError

CELL_PADDING_PX = 16
"""Room around a cell's text (the theme's padding and the grid)."""


class HistoryScreen(Screen):
    """Signals: closed(); changed() after an edit, delete, undo or redo; exported(str)."""

    closed = Signal()
    changed = Signal()
    exported = Signal(str)

    def __init__(self, store: Store, catalog: Mapping[str, Variation]) -> None:
        super().__init__()
        self.setObjectName("history")
        self.store = store
        self.model = HistoryModel(
            store,
            {v.id: v.name for v in catalog.values()},
            self,
            uses_box=frozenset(v.id for v in catalog.values() if v.uses_box),
        )
        self.model.undo.indexChanged.connect(self.on_undo_index_changed)
        heading = QLabel("History")
        heading.setProperty("role", "heading")
        self.variation = variation_choice("Variation shown")
        self.variation.addItem("All variations", None)
        logged = self.model.logged_variations()
        for variation in catalog.values():
            if variation.id in logged:
                self.variation.addItem(variation.name, variation.id)
        self.variation.currentIndexChanged.connect(self.on_variation_changed)
        self.table = QTableView()
        self.table.setAccessibleName("Logged sets")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self._size_columns(catalog)
        self.count = QLabel()
        self.count.setProperty("role", "muted")
        self.count.setWordWrap(True)  # a long count must not widen the window past 1280
        self.status = QLabel(" ")
        self.status.setProperty("role", "danger")
        delete = QPushButton("Delete set")
        delete.clicked.connect(self.on_delete_clicked)
        undo = QPushButton("Undo")
        undo.clicked.connect(self.model.undo.undo)
        self.model.undo.canUndoChanged.connect(undo.setEnabled)
        undo.setEnabled(False)
        export = QPushButton("Export CSV…")
        export.clicked.connect(self.on_export_clicked)
        self.import_button = QPushButton("Import from another app…")
        self.import_button.setAccessibleName("Import from another app")
        self.import_button.setToolTip(
            "Push-up sets from a Strong, Hevy, FitNotes or Fitbod export, or this app's CSV"
            " (Ctrl+I); you see what it adds before anything is written"
        )
        self.import_button.clicked.connect(self.on_import_clicked)
        self.import_panel = ImportPanel(store, catalog)
        self.import_panel.imported.connect(self.on_imported)
        back = QPushButton("← Back")
        back.setAccessibleName("Back home")
        back.clicked.connect(self.closed)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.model.undo.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.model.undo.redo)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.on_delete_clicked)
        QShortcut(QKeySequence("Ctrl+I"), self, self.on_import_clicked)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.variation)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for button in (delete, undo, export, back):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.import_panel)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.model.modelReset.connect(self.show_count)
        self.show_count()

    def show_count(self) -> None:
        rows = self.model.rowCount()
        self.count.setText(
            f"{rows} set{'s' if rows != 1 else ''} shown. "
            "Double-click reps, box, RIR or note to correct them."
            if rows
            else "No sets logged yet."
        )

    def _size_columns(self, catalog: Mapping[str, Variation]) -> None:
        """Each column as wide as the longest thing it usually shows ("2026-05-06 18:00",
        "Negative knee push up", "10-10-X-10"), measured once rather than row by row (a
        ten-year log has 20,000 rows); longer text (a name imported from another app, a note)
        is cut short, whole in its tooltip. The session's name takes what is left."""
        self.table.ensurePolished()  # the theme's font, to measure with
        longest = {
            "Date": ["2026-12-31 23:59"],
            "Variation": [variation.name for variation in catalog.values()],
            "Box (cm)": ["120"],
            "Set": ["10"],
            "Reps": ["1000"],
            "Target": ["max", "12-15"],
            "Tempo": ["10-10-X-10"],
            "RIR": ["10"],
            "Note": ["a short note"],
        }
        header = self.table.horizontalHeader()
        cells, headings = self.table.fontMetrics(), header.fontMetrics()
        for heading, texts in longest.items():
            # (a heading sorted by shares its room with the arrow: "Box (c…", for a while)
            needed = max(
                headings.horizontalAdvance(heading),
                *(cells.horizontalAdvance(text) for text in texts),
            )
            self.table.setColumnWidth(column_of(heading), needed + CELL_PADDING_PX)
        header.setSectionResizeMode(SESSION_COLUMN, QHeaderView.ResizeMode.Stretch)

    def on_undo_index_changed(self, _index: int) -> None:
        self.changed.emit()

    def on_variation_changed(self, _index: int) -> None:
        data = self.variation.currentData()
        self.model.filter_variation(None if data is None else str(data))

    def on_delete_clicked(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self.status.setText("Pick a set first, then delete it.")
            return
        try:
            self.model.delete_row(selected[0].row())
        except StoreError as error:
            self.status.setText(f"Could not delete: {error}")
            return
        self.status.setText("Set deleted. Undo brings it back.")

    def on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export history", "history.csv", "CSV file (*.csv)"
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> int:
        """Write the rows shown (same filter and order) as CSV; returns how many."""
        wanted = self.model.visible_ids()
        by_id = {record.id: record for record in self.store.sets()}
        records = [by_id[set_id] for set_id in wanted if set_id in by_id]
        try:
            write_text_atomically(path, to_csv(records))
        except OSError as error:
            self.status.setText(f"Could not write {path.name}: {error.strerror}")
            return 0
        self.exported.emit(str(path))
        return len(records)

    def on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import from another app", "", "CSV export (*.csv *.txt);;Any file (*)"
        )
        if path:
            self.import_panel.open_file(Path(path))

    def on_imported(self, added: int) -> None:
        self.status.setText(f"{added} set(s) imported." if added else "Nothing new to import.")
        self.model.reload()
        logged = self.model.logged_variations()
        shown = {self.variation.itemData(i) for i in range(self.variation.count())}
        for variation_id in sorted(logged - shown):
            self.variation.addItem(self.model.names.get(variation_id, variation_id), variation_id)
        self.changed.emit()

    def handle(self, action: Action) -> bool:
        if self.import_panel.isVisible() and action is Action.NEXT:
            self.import_panel.confirm()
            return True
        if self.import_panel.isVisible() and action in (Action.LEAVE, Action.BACK):
            self.import_panel.cancel()
            return True
        if action in (Action.LEAVE, Action.BACK):
            self.closed.emit()
            return True
        return False
