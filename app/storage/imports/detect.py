"""Which app wrote an export, told from its header row alone."""

from __future__ import annotations

from app.storage.imports import fitbod, fitnotes, hevy, strong
from app.storage.imports.export_format import ExportFormat

_DETECTORS = (strong.detect, hevy.detect, fitbod.detect, fitnotes.detect)
# Exports recognised but not read (yet): said plainly instead of "unknown header".
_NOT_READ = (
    ({"Workout DateTime", "Completed Reps"}, "a Liftosaur export"),
    ({"Activity", "Duration(Seconds)"}, "a HealthExport (Apple Health) workouts export"),
    ({"ename", "logs"}, "a JEFIT export"),
)
SUPPORTED = "this app's CSV (history --csv), Strong, Hevy, FitNotes or Fitbod"


def detect_format(header: list[str]) -> ExportFormat | None:
    """The format whose columns this header has, or None."""
    for detect in _DETECTORS:
        found = detect(header)
        if found is not None:
            return found
    return None


def unknown_header_message(header: list[str], first_line: str) -> str:
    """Why a header is not read, naming the app when it is one we know of."""
    names = set(header)
    if first_line == "":
        return f"the file is empty; expected {SUPPORTED}"
    if first_line.strip() == "" or first_line.lstrip().startswith("###"):
        return f"this looks like a JEFIT export, which cannot be imported; expected {SUPPORTED}"
    for columns, what in _NOT_READ:
        if columns <= names:
            return f"this looks like {what}, which cannot be imported; expected {SUPPORTED}"
    return f"the header is not one this app reads; expected {SUPPORTED}"
