"""Hevy's CSV export: one row per set, ``set_type`` normal, warmup, dropset or failure.

The weight column is ``weight_kg`` or ``weight_lbs`` by the person's units and is empty for
a body-weight set; dates follow the phone's locale (``28 Jan 2026, 17:26`` or
``Sep 23, 2025, 7:26 AM``), without a time zone.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.foreign_set import ForeignSet, SetKind, WeightUnit, parse_rpe
from app.storage.imports import cells
from app.storage.imports.cells import Cells
from app.storage.imports.dates import parse_when
from app.storage.imports.export_format import NO_REPS, ExportFormat

_REQUIRED = {"title", "start_time", "exercise_title", "set_type", "reps"}
_KINDS = {
    "normal": SetKind.WORK,
    "warmup": SetKind.WARM_UP,
    "dropset": SetKind.DROP,
    "failure": SetKind.FAILURE,
}


def detect(header: list[str]) -> ExportFormat | None:
    names = set(header)
    if not names >= _REQUIRED:
        return None
    if "weight_kg" in names:
        column, unit = "weight_kg", WeightUnit.KG
    elif "weight_lbs" in names:
        column, unit = "weight_lbs", WeightUnit.LB
    else:
        return None
    return ExportFormat("hevy", "Hevy", "Hevy", "exercise_title", _reader(column, unit))


def _reader(column: str, unit: WeightUnit) -> Callable[[Cells, int], ForeignSet | str]:
    def read_set(row: Cells, line: int) -> ForeignSet | str:
        set_type = row["set_type"].strip().lower()
        kind = _KINDS.get(set_type)
        if kind is None:
            raise ValueError(f"set_type {set_type!r} must be normal, warmup, dropset or failure")
        reps = cells.reps(row["reps"])
        if reps is None:
            return NO_REPS
        start = row["start_time"].strip()
        title = row["title"].strip()
        return ForeignSet(
            line=line,
            workout_key=f"hevy\x1f{start}\x1f{title}",
            workout_title=title,
            started_at=parse_when(start, "start_time"),
            exercise=row["exercise_title"].strip(),
            reps=reps,
            weight=cells.weight(row[column], unit, column),
            kind=kind,
            rpe=parse_rpe(row.get("rpe", "")),
        )

    return read_set
