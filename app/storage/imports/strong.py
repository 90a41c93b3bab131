"""Strong's CSV exports: classic (12 or 10 columns), with a unit column, and v6 (2024+).

Rows sharing ``Date`` and ``Workout Name`` are one workout. ``Set Order`` is a number for a
working set, ``W`` a warm-up, ``D`` a drop set, ``F`` a set to failure; ``Rest Timer`` and
``Note`` rows are not sets. The classic export does not say the weight's unit.

Strong names the columns in the phone's language (German, French and Chinese exports have been
seen); the cells stay as in English: ISO dates, ``.`` decimals, the same ``Set Order`` codes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

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


# The column names of Strong's exports in other languages, in English (a name the same in
# both, such as French "Date" or "Notes", needs no entry).
_LANGUAGES: Mapping[str, Mapping[str, str]] = {
    "German": {
        "Datum": "Date",
        "Workout-Name": "Workout Name",
        "Dauer": "Duration",
        "Name der Übung": "Exercise Name",
        "Reihenfolge festlegen": "Set Order",
        "Gewicht": "Weight",
        "Wiederh.": "Reps",
        "Entfernung": "Distance",
        "Sekunden": "Seconds",
        "Notizen": "Notes",
        "Workout-Notizen": "Workout Notes",
    },
    "French": {
        "Nom de l'entraînement": "Workout Name",
        "Durée": "Duration",
        "Nom de l'exercice": "Exercise Name",
        "Ordre de la série": "Set Order",
        "Poids": "Weight",
        "Réps": "Reps",
        "Secondes": "Seconds",
        "Notes d'entraînement": "Workout Notes",
    },
    "Chinese": {
        "日期": "Date",
        "锻炼名称": "Workout Name",
        "时长": "Duration",
        "运动名称": "Exercise Name",
        "设置顺序": "Set Order",
        "重量": "Weight",
        "次": "Reps",
        "距离": "Distance",
        "秒": "Seconds",
        "备注": "Notes",
        "锻炼备注": "Workout Notes",
    },
}


def detect(header: list[str]) -> ExportFormat | None:
    language, columns = _columns(header)
    if not columns.keys() >= _REQUIRED:
        return None
    weight_column = next((c for c in _WEIGHT_COLUMNS if c in columns), None)
    if language is not None and weight_column is None:
        # a translated weight column not in the table: its loads would be lost, and loaded
        # push ups read as body-weight ones; better not to read the file at all
        return None
    if "Workout #" in columns:
        form, what = "strong-v6", "v6, 2024 and later"
    elif "Weight Unit" in columns:
        form, what = "strong-unit-column", "with a Weight Unit column"
    elif len(header) == 10:
        form, what = "strong-10", "classic, 10 columns"
    else:
        form, what = "strong-12", "classic"
    named = "" if language is None else f"; column names in {language}"
    reader = _reader(weight_column, columns)
    return ExportFormat(form, "Strong", f"Strong ({what}{named})", columns["Exercise Name"], reader)


def _columns(header: list[str]) -> tuple[str | None, dict[str, str]]:
    """The language the header is in (None: English) and each English name's column in it."""
    names = set(header)
    for language, english in _LANGUAGES.items():
        if english.keys() & names:
            return language, {english.get(name, name): name for name in header}
    return None, {name: name for name in header}


def _reader(
    weight_column: str | None, columns: Mapping[str, str]
) -> Callable[[Cells, int], ForeignSet | str]:
    has_unit = "Weight Unit" in columns

    def cell(row: Cells, english: str) -> str:
        return row.get(columns.get(english, english), "")

    def read_set(row: Cells, line: int) -> ForeignSet | str:
        order = cell(row, "Set Order").strip()
        if order.lower() == "rest timer":
            return REST_TIMER
        if order.lower() == "note":
            return NOTE_ROW
        if order.isdigit():
            kind = SetKind.WORK
        elif order.upper() in _KINDS:
            kind = _KINDS[order.upper()]
        else:
            raise ValueError(
                f"{columns['Set Order']} {order!r} must be a number, W, D, F, Rest Timer or Note"
            )
        reps = cells.reps(cell(row, "Reps"), columns["Reps"])
        if reps is None:
            return NO_REPS
        weight = None
        if weight_column is not None:
            unit = _WEIGHT_COLUMNS[weight_column]
            if has_unit:
                unit = cells.unit_named(cell(row, "Weight Unit"), "Weight Unit")
            weight = cells.weight(cell(row, weight_column), unit, columns[weight_column])
        date_text = cell(row, "Date").strip()
        title = cell(row, "Workout Name").strip()
        return ForeignSet(
            line=line,
            workout_key=f"strong\x1f{date_text}\x1f{title}",
            workout_title=title,
            started_at=parse_when(date_text, columns["Date"]),
            exercise=cell(row, "Exercise Name").strip(),
            reps=reps,
            weight=weight,
            kind=kind,
            rpe=parse_rpe(cell(row, "RPE")),
        )

    return read_set
