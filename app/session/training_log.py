"""Opening the training log safely: checked, backed up, and with rescued sets added back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.storage.rescue import import_rescued
from app.storage.safe_open import OpenedStore

LogOpener = Callable[[Path, datetime], OpenedStore]
"""``open_store`` or ``open_store_or_memory``, or a test's failing stand-in."""


def start_notices(opened: OpenedStore, data_dir: Path) -> list[str]:
    """Sentences for the person from opening the log: a repair, and rescued sets added back.

    Sets saved to a CSV during an earlier log problem go back into the log here, before any
    session is begun or resumed (so a resume starts after them).
    """
    notices = [opened.notice] if opened.notice else []
    if opened.unavailable is None:
        rescued = import_rescued(opened.store, data_dir).notice
        if rescued:
            notices.append(rescued)
    return notices


def open_training_log(
    open_log: LogOpener, data_dir: Path, now: datetime
) -> tuple[OpenedStore, list[str]]:
    """The log opened by ``open_log``, and what opening it found (``start_notices``)."""
    opened = open_log(data_dir, now)
    return opened, start_notices(opened, data_dir)
