"""Saving sets the training log could not take, as a CSV that ``tempo-trainer import`` reads.

The file is written whole or not at all (``atomic_file``), so a kill while
saving leaves the previous copy intact. Its name says the app wrote it and, when the data folder
is given, for which log: the next start that can write that log adds it back
(``app/storage/rescue.py``), and never into another data folder's log.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from app.storage.atomic_file import write_text_atomically
from app.storage.history_csv import to_csv
from app.storage.store import SetRecord

UNSAVED_PREFIX = "tempo-trainer-unsaved-"
UNSAVED_NAME = re.compile(r"tempo-trainer-unsaved-\d{8}-\d{6}(?:-(?P<log>[0-9a-f]{8}))?\.csv")
"""The names ``unsaved_csv_name`` gives, with the log's tag when there is one."""


def unsaved_csv_name(now: datetime, data_dir: Path | None = None) -> str:
    """``tempo-trainer-unsaved-YYYYmmdd-HHMMSS[-TAG].csv``; TAG names ``data_dir``'s log."""
    tag = "" if data_dir is None else f"-{log_tag(data_dir)}"
    return f"{UNSAVED_PREFIX}{now.strftime('%Y%m%d-%H%M%S')}{tag}.csv"


def log_tag(data_dir: Path) -> str:
    """Eight hex digits that tell one data folder's files from another's."""
    where = str(data_dir.expanduser().absolute())
    return hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:8]


def unsaved_folders(*first: Path) -> tuple[Path, ...]:
    """Where refused sets go, first that takes them: ``first``, then home, here, the temp folder.

    The terminal and the window both save in this order, and ``rescue`` looks here for them.
    """
    folders = list(first)
    for where in (Path.home, Path.cwd, lambda: Path(tempfile.gettempdir())):
        try:
            folders.append(where())
        except (OSError, RuntimeError, KeyError):  # no home, or a working folder deleted
            continue
    return tuple(dict.fromkeys(folders))


def save_sets_csv(rows: Iterable[SetRecord], path: Path) -> None:
    """Write ``rows`` to ``path`` in history's CSV columns; OSError when it cannot be written."""
    write_text_atomically(path, to_csv(rows))


def save_somewhere(rows: Sequence[SetRecord], name: str, folders: Iterable[Path]) -> Path | None:
    """Save ``rows`` as ``name`` in the first of ``folders`` that takes it; None if none does."""
    for folder in folders:
        try:
            save_sets_csv(rows, folder / name)
        except OSError:
            continue
        return folder / name
    return None
