"""FitNotes (Android) spreadsheet exports, with the unit in the header or in a column.

FitNotes has no workouts or set numbers: the rows of one date are one day's training, in
the order they were done. Many people log a body-weight push up as ``1.0 lbs``.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.foreign_set import ForeignSet, SetKind, WeightUnit
from app.storage.imports import cells
from app.storage.imports.cells import Cells
from app.storage.imports.dates import parse_when
from app.storage.imports.export_format import NO_REPS, ExportFormat

_REQUIRED = {"Date", "Exercise", "Category", "Reps"}
_HEADER_UNITS = {"Weight (lbs)": WeightUnit.LB, "Weight (kgs)": WeightUnit.KG}


def detect(header: list[str]) -> ExportFormat | None:
    names = set(header)
    if not names >= _REQUIRED:
        return None
    if "Weight" in names and "Weight Unit" in names:
        return ExportFormat(
            "fitnotes-unit-column",
            "FitNotes",
            "FitNotes (Weight Unit column)",
            "Exercise",
            _reader("Weight", None),
        )
    for column, unit in _HEADER_UNITS.items():
        if column in names:
            return ExportFormat(
                "fitnotes", "FitNotes", "FitNotes", "Exercise", _reader(column, unit)
            )
    return None


def _reader(column: str, unit: WeightUnit | None) -> Callable[[Cells, int], ForeignSet | str]:
    def read_set(row: Cells, line: int) -> ForeignSet | str:
        reps = cells.reps(row["Reps"], "Reps")
        if reps is None:
            return NO_REPS
        row_unit = unit if unit is not None else cells.unit_named(row["Weight Unit"], "Weight Unit")
        day = row["Date"].strip()
        return ForeignSet(
            line=line,
            workout_key=f"fitnotes\x1f{day}",
            workout_title="FitNotes",
            started_at=parse_when(day, "Date"),
            exercise=row["Exercise"].strip(),
            reps=reps,
            weight=cells.weight(row[column], row_unit, column),
            kind=SetKind.WORK,
            rpe=None,
        )

    return read_set
