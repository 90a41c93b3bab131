"""What every reader of another app's export provides."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.foreign_set import ForeignSet
from app.storage.imports.cells import Cells

# Rows that are in the export but are not sets; the reason is counted in the report.
REST_TIMER = "rest timer row"
NOTE_ROW = "note row"
NO_REPS = "no reps logged"


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One app's export: how to find the exercise name and read a set row.

    ``read_set`` gets a row's cells by header name and its first line; it returns the set,
    or a reason the row is not a set, and raises ValueError for a row it cannot read.
    """

    id: str
    app: str
    label: str
    exercise_column: str
    read_set: Callable[[Cells, int], ForeignSet | str]
