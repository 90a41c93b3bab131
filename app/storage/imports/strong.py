"""Strong's CSV exports: classic (12 or 10 columns), with a unit column, and v6 (2024+).

Rows sharing ``Date`` and ``Workout Name`` are one workout. ``Set Order`` is a number for a
working set, ``W`` a warm-up, ``D`` a drop set, ``F`` a set to failure; ``Rest Timer`` and
``Note`` rows are not sets. The classic export does not say the weight's unit.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.foreign_set import ForeignSet, SetKind, WeightUnit, parse_rpe
from app.storage.imports import cells
from app.storage.imports.cells import Cells
from app.storage.imports.dates import parse_when
from app.storage.imports.export_format import NO_REPS, NOTE_ROW, REST_TIMER, ExportFormat

_REQUIRED = {"Date", "Workout Name", "Exercise Name", "Set Order", "Reps"}
_KINDS = {"W": SetKind.WARM_UP, "D": SetKind.DROP, "F": SetKind.FAILURE}
_WEIGHT_COLUMNS = {
    "Weight (kg)": WeightUnit.KG,
    "kg": WeightUnit.KG,
    "Weight (lbs)": WeightUnit.LB,
    "lbs": WeightUnit.LB,
    "Weight": WeightUnit.UNKNOWN,
}


def detect(header: list[str]) -> ExportFormat | None:
    names = set(header)
    if not names >= _REQUIRED:
        return None
    weight_column = next((c for c in _WEIGHT_COLUMNS if c in names), None)
    if "Workout #" in names:
        form, label = "strong-v6", "Strong (v6, 2024 and later)"
    elif "Weight Unit" in names:
        form, label = "strong-unit-column", "Strong (with a Weight Unit column)"
    elif len(header) == 10:
        form, label = "strong-10", "Strong (classic, 10 columns)"
    else:
        form, label = "strong-12", "Strong (classic)"
    return ExportFormat(form, "Strong", label, "Exercise Name", _reader(weight_column, names))


def _reader(weight_column: str | None, names: set[str]) -> Callable[[Cells, int], ForeignSet | str]:
    has_unit = "Weight Unit" in names

    def read_set(row: Cells, line: int) -> ForeignSet | str:
        order = row["Set Order"].strip()
        if order.lower() == "rest timer":
            return REST_TIMER
        if order.lower() == "note":
            return NOTE_ROW
        if order.isdigit():
            kind = SetKind.WORK
        elif order.upper() in _KINDS:
            kind = _KINDS[order.upper()]
        else:
            raise ValueError(f"Set Order {order!r} must be a number, W, D, F, Rest Timer or Note")
        reps = cells.reps(row["Reps"], "Reps")
        if reps is None:
            return NO_REPS
        weight = None
        if weight_column is not None:
            unit = _WEIGHT_COLUMNS[weight_column]
            if has_unit:
                unit = cells.unit_named(row["Weight Unit"], "Weight Unit")
            weight = cells.weight(row[weight_column], unit, weight_column)
        date_text = row["Date"].strip()
        title = row["Workout Name"].strip()
        return ForeignSet(
            line=line,
            workout_key=f"strong\x1f{date_text}\x1f{title}",
            workout_title=title,
            started_at=parse_when(date_text, "Date"),
            exercise=row["Exercise Name"].strip(),
            reps=reps,
            weight=weight,
            kind=kind,
            rpe=parse_rpe(row.get("RPE", "")),
        )

    return read_set
