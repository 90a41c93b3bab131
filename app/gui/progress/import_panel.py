"""Importing another app's export from the history: what it would add is shown first.

Nothing is written until the person presses Import (or Enter); Cancel (or Esc) leaves the
log as it was. A file that cannot be read says why, line by line, and offers nothing. The
file is read and checked on a thread of its own (a long export takes seconds), so the
window stays responsive meanwhile.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.domain.problems import InputError, Problem
from app.domain.variation import Variation
from app.storage.imports.names_file import load_exercise_names
from app.storage.imports.read_export import ImportPreview, read_export
from app.storage.imports.report import report_lines
from app.storage.store import Store, StoreError

SHOWN_PROBLEMS = 5


class ImportPanel(QFrame):
    """The summary of one export and its Import / Cancel buttons; hidden when idle.

    Signals:
        imported(int): the sets were written; how many were new.
        closed(): the panel was dismissed (after an import, a cancel or a refusal).
    """

    imported = Signal(int)
    closed = Signal()
    _read = Signal(int, object, object)  # request number, path, ImportPreview or InputError

    def __init__(
        self,
        store: Store,
        catalog: Mapping[str, Variation],
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.setObjectName("import-panel")
        self.setProperty("role", "card")
        self.store = store
        self.names = {v.id: v.name for v in catalog.values()}
        self.uses_box = frozenset(v.id for v in catalog.values() if v.uses_box)
        self.today = today
        self.preview: ImportPreview | None = None
        self._request = 0
        self.reading = False
        self._read.connect(self._on_read)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_button = QPushButton("Import")
        self.import_button.setAccessibleName("Import these sets")
        self.import_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the import")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.hide()

    @property
    def waiting(self) -> bool:
        """A summary is shown and waits for Import or Cancel."""
        return self.isVisible() and self.preview is not None

    def open_file(self, path: Path) -> None:
        """Read and check the whole file on a thread, then show what importing it would do."""
        self.preview = None
        self._request += 1
        self.reading = True
        self._show([f"Reading {path.name}…"], ok=False)
        self.cancel_button.setText("Cancel")
        request, names = self._request, load_exercise_names()
        today, uses_box = self.today(), self.uses_box

        def read() -> None:
            try:
                found: object = read_export(path, names, uses_box, today)
            except InputError as error:
                found = error
            except Exception as error:  # a bug: said in the panel, never a stuck "Reading"
                found = InputError(Problem(f"could not be read ({type(error).__name__}: {error})"))
            with contextlib.suppress(RuntimeError):  # the panel was closed meanwhile
                self._read.emit(request, path, found)

        threading.Thread(target=read, name="import-read", daemon=True).start()

    def _on_read(self, request: int, path: Path, found: object) -> None:
        if request != self._request:
            return  # cancelled, or another file chosen since
        self.reading = False
        if isinstance(found, InputError):
            lines = found.lines(path.name)
            more = len(lines) - SHOWN_PROBLEMS
            shown = lines[:SHOWN_PROBLEMS] + ([f"... and {more} more"] if more > 0 else [])
            self._show([f"{path.name} cannot be imported; nothing was changed:", *shown], ok=False)
            return
        assert isinstance(found, ImportPreview)
        try:
            new = self.store.count_new_sets(found.sets) if found.sets else 0
        except StoreError as error:
            self._show([f"The log cannot be read: {error}"], ok=False)
            return
        lines = report_lines(found, new, self.names, dry_run=True)[:-1]
        if found.sets and new:
            self.preview = found
            lines.append(f"Import adds {new} set(s); {len(found.sets) - new} already in the log.")
        elif found.sets:
            lines.append("Every one of these sets is already in the log: nothing to add.")
        else:
            lines.append("No push-up sets in this file: nothing to import.")
        self._show([f"{path.name}", *lines], ok=self.preview is not None)

    def confirm(self) -> None:
        """Write every set of the file in one transaction, or none."""
        if self.reading:
            return
        if self.preview is None:
            self.cancel()
            return
        try:
            added = self.store.import_sets(self.preview.sets)
        except StoreError as error:
            self._show([f"Nothing was imported: {error}"], ok=False)
            self.preview = None
            return
        self.preview = None
        self.hide()
        self.imported.emit(added)
        self.closed.emit()

    def cancel(self) -> None:
        self._request += 1  # a file still being read is forgotten
        self.reading = False
        self.preview = None
        self.hide()
        self.closed.emit()

    def _show(self, lines: list[str], *, ok: bool) -> None:
        self.summary.setText("\n".join(lines))
        self.import_button.setVisible(ok)
        self.cancel_button.setText("Cancel" if ok else "Close")
        self.show()
        (self.import_button if ok else self.cancel_button).setFocus()
