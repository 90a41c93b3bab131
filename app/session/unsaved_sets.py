"""Sets the log refused, kept in a CSV that the next start imports (``app/storage/rescue.py``).

The folders are tried in one order, the same for the terminal and the window
(``log_export.unsaved_folders``): the data folder when the log never began the session, beside
the plan, home, here, the temp folder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from app.storage.log_export import save_somewhere, unsaved_csv_name, unsaved_folders
from app.storage.store import SetRecord


def save_unsaved(
    rows: Sequence[SetRecord], now: datetime, data_dir: Path, *first: Path
) -> Path | None:
    """Save ``rows`` once, named for ``data_dir``'s log; the path, or None if no folder took it."""
    return save_somewhere(rows, unsaved_csv_name(now, data_dir), unsaved_folders(*first))


class UnsavedCopy:
    """One CSV kept up to date with a session's refused sets, in the first folder that takes it.

    The name says which log the sets belong to (``data_dir``), so the next start of that log
    adds them back; once written, the copy stays in its folder under its name.
    """

    def __init__(
        self, folders: tuple[Path, ...], data_dir: Path, wall_clock: Callable[[], datetime]
    ) -> None:
        self.folders = folders
        self.data_dir = data_dir
        self.wall_clock = wall_clock
        self.path: Path | None = None

    def keep(self, rows: Sequence[SetRecord]) -> Path | None:
        """Write ``rows`` (again); the copy's path, or None while no folder takes it."""
        if self.path is None:
            name, folders = unsaved_csv_name(self.wall_clock(), self.data_dir), self.folders
        else:
            name, folders = self.path.name, (self.path.parent,)
        path = save_somewhere(rows, name, folders)
        if path is not None:
            self.path = path
        return path
