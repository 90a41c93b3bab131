"""How every command opens the training log: the app's safe path, never a new folder by mistake."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.cli.output import print_error
from app.session.training_log import start_notices
from app.storage.data_dir import store_path
from app.storage.safe_open import open_store
from app.storage.store import Store, StoreError


class NoDataFolderError(Exception):
    """A command that only reads was pointed at a data folder that does not exist."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"no data folder at {folder}")


def open_log(folder: Path, *, rescue: bool = True) -> Store:
    """The log, checked (repaired from a backup, said on stderr) as the app opens it."""
    opened = open_store(folder, datetime.now().astimezone())
    # Like every start (the session core's): sets rescued to a CSV come back first.
    notices = start_notices(opened, folder) if rescue else [opened.notice or ""]
    for notice in filter(None, notices):
        print_error(notice)
    return opened.store


def log_to_read(folder: Path, *, unwritable: str) -> Store:
    """The log of a command that only reads: never a new folder, read-only if it must be.

    NoDataFolderError when ``folder`` is not there: a mistyped ``--data-dir`` must not leave a
    fresh folder and an empty log behind. A folder that cannot be written (a read-only disk,
    a frozen folder) can still be read; ``unwritable`` then says so on stderr.
    """
    if not folder.is_dir():
        raise NoDataFolderError(folder)
    try:
        return open_log(folder)
    except StoreError:
        if not store_path(folder).is_file():
            raise
    store = Store.read_only(store_path(folder))
    print_error(f"{folder} cannot be written, so {unwritable}")
    return store
