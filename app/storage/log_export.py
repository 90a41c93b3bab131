"""Saving sets the training log could not take, as a CSV that ``tempo-trainer import`` reads.

The file is written whole or not at all (a temporary file renamed into place), so a kill while
saving leaves the previous copy intact.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from app.storage.history_csv import to_csv
from app.storage.store import SetRecord


def unsaved_csv_name(now: datetime) -> str:
    return f"tempo-trainer-unsaved-{now.strftime('%Y%m%d-%H%M%S')}.csv"


def save_sets_csv(rows: Iterable[SetRecord], path: Path) -> None:
    """Write ``rows`` to ``path`` in history's CSV columns; OSError when it cannot be written."""
    text = to_csv(rows)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def save_somewhere(rows: Sequence[SetRecord], name: str, folders: Iterable[Path]) -> Path | None:
    """Save ``rows`` as ``name`` in the first of ``folders`` that takes it; None if none does."""
    for folder in folders:
        try:
            save_sets_csv(rows, folder / name)
        except OSError:
            continue
        return folder / name
    return None
