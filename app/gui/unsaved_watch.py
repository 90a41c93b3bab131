"""Sets the log file does not hold: the banner over every screen, and saving them as CSV."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.gui.services import Services
from app.gui.unsaved_banner import UnsavedBanner
from app.storage.records import SetRecord
from app.storage.session_log import SessionLog


class UnsavedWatch(QObject):
    """Keeps ``banner`` true to the sets the log file does not hold, and saves them as CSV.

    It watches each session's log from its start; a log that ends with sets still waiting
    stays watched. When the log could not be opened at all, the store is a log in memory and
    every set of the run is such a set. "Save log as CSV..." asks ``ask_csv_path`` (a file
    dialog; tests replace it) where; closing the window saves what was never saved.
    """

    def __init__(self, services: Services, banner: UnsavedBanner, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.banner = banner
        self.ask_csv_path: Callable[[Path], Path | None] = self._ask_csv_path
        self._dialog_parent = parent
        self._ended: list[SessionLog] = []
        self._current: SessionLog | None = None
        self._saved_copy: tuple[int, Path] | None = None
        banner.save_requested.connect(self.on_save_requested)

    def on_session_begun(self, log: SessionLog) -> None:
        self._current = log

    def on_session_ended(self, log: SessionLog) -> None:
        if log.pending:
            self._ended.append(log)
        self._current = None

    def _logs_with_unsaved(self) -> list[SessionLog]:
        logs = [*self._ended]
        if self._current is not None and self._current not in logs:
            logs.append(self._current)
        return [log for log in logs if log.pending or log.problem]

    def unsaved_rows(self) -> list[SetRecord]:
        """Every set not in the log file: all of a log in memory, and those waiting for it."""
        store = self.services.store
        kept = store.sets() if store.in_memory else []
        return kept + [row for log in self._logs_with_unsaved() for row in log.unsaved_rows()]

    def show_state(self) -> None:
        """The banner over every screen while sets wait for the log; hidden when none do."""
        logs = self._logs_with_unsaved()
        in_memory = self.services.store.in_memory
        count = len(self.unsaved_rows())
        if not logs and not (in_memory and count):
            self._saved_copy = None
            self.banner.hide()
        elif self._saved_copy is None or self._saved_copy[0] != count:
            if in_memory:
                self.banner.show_kept_in_memory(count)
            else:
                problem = next((log.problem for log in logs if log.problem), None)
                self.banner.show_unsaved(count, problem)

    def on_save_requested(self) -> None:
        from app.storage.log_export import save_sets_csv, unsaved_csv_name  # only with sets to save

        rows = self.unsaved_rows()
        name = unsaved_csv_name(self.services.wall_clock(), self.services.data_dir)
        path = self.ask_csv_path(Path.home() / name)
        if path is None:
            return
        try:
            save_sets_csv(rows, path)
        except OSError as error:
            self.banner.show_failed(path, error)
            return
        self._saved_copy = (len(rows), path)
        self.banner.show_saved(len(rows), path)

    def _ask_csv_path(self, suggested: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # one of Qt's largest classes: not at start

        chosen, _ = QFileDialog.getSaveFileName(
            self._dialog_parent, "Save log as CSV", str(suggested), "CSV files (*.csv)"
        )
        return Path(chosen) if chosen else None

    def save_on_close(self) -> None:
        """Closing with sets the log never took: they go to a CSV, and the path is printed."""
        rows = self.unsaved_rows()
        if not rows or (self._saved_copy is not None and self._saved_copy[0] == len(rows)):
            return
        from app.session.unsaved_sets import save_unsaved  # only with sets to save

        # Named for this data folder: the next start that can write its log adds them back.
        path = save_unsaved(rows, self.services.wall_clock(), self.services.data_dir)
        where = f"saved in {path}" if path is not None else "lost: no folder could take them"
        print(
            f"tempo-trainer: {len(rows)} set(s) could not be saved to the training log; {where}",
            file=sys.stderr,
        )
