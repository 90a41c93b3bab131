"""Fitbod's ``WorkoutExport.csv``: one row per set, numbers with leading spaces, UTC dates.

Rows with the same ``Date`` (``2022-01-05 22:06:49 +0000``) are one workout; ``isWarmup``
marks warm-ups. Weights are kilograms.
"""

from __future__ import annotations

from app.domain.foreign_set import ForeignSet, SetKind, WeightUnit
from app.storage.imports import cells
from app.storage.imports.cells import Cells
from app.storage.imports.dates import parse_when
from app.storage.imports.export_format import NO_REPS, ExportFormat

_REQUIRED = {"Date", "Exercise", "Reps", "Weight(kg)", "isWarmup"}


def detect(header: list[str]) -> ExportFormat | None:
    if not set(header) >= _REQUIRED:
        return None
    return ExportFormat("fitbod", "Fitbod", "Fitbod", "Exercise", _read_set)


def _read_set(row: Cells, line: int) -> ForeignSet | str:
    warm_up = row["isWarmup"].strip().lower()
    if warm_up not in ("true", "false", "1", "0", ""):
        raise ValueError(f"isWarmup {warm_up!r} must be true or false")
    reps = cells.reps(row["Reps"], "Reps")
    if reps is None:
        return NO_REPS
    when = row["Date"].strip()
    return ForeignSet(
        line=line,
        workout_key=f"fitbod\x1f{when}",
        workout_title="Fitbod workout",
        started_at=parse_when(when, "Date"),
        exercise=row["Exercise"].strip(),
        reps=reps,
        weight=cells.weight(row["Weight(kg)"], WeightUnit.KG, "Weight(kg)"),
        kind=SetKind.WARM_UP if warm_up in ("true", "1") else SetKind.WORK,
        rpe=None,
    )
