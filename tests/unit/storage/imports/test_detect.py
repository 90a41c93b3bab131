from __future__ import annotations

import csv
import io

import pytest

from app.storage.imports.detect import detect_format, unknown_header_message
from tests.unit.storage.imports.exports import (
    FITBOD,
    FITNOTES_LBS,
    FITNOTES_UNIT,
    HEVY_KG,
    HEVY_US_LBS,
    STRONG_10,
    STRONG_CLASSIC,
    STRONG_V6,
)


def header(text: str) -> list[str]:
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [h.strip() for h in next(csv.reader(io.StringIO(first), delimiter=delimiter))]


@pytest.mark.parametrize(
    ("text", "format_id", "app"),
    [
        (STRONG_CLASSIC, "strong-12", "Strong"),
        (STRONG_10, "strong-10", "Strong"),
        (STRONG_V6, "strong-v6", "Strong"),
        (
            "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
            "Distance Unit;Seconds;Notes;Workout Notes",
            "strong-unit-column",
            "Strong",
        ),
        (HEVY_KG, "hevy", "Hevy"),
        (HEVY_US_LBS, "hevy", "Hevy"),
        (FITNOTES_LBS, "fitnotes", "FitNotes"),
        (FITNOTES_UNIT, "fitnotes-unit-column", "FitNotes"),
        (FITBOD, "fitbod", "Fitbod"),
    ],
)
def test_each_app_is_told_from_its_header(text: str, format_id: str, app: str) -> None:
    found = detect_format(header(text))
    assert found is not None
    assert (found.id, found.app) == (format_id, app)


@pytest.mark.parametrize(
    ("first_line", "app"),
    [
        ("\n", "JEFIT"),
        ("### SETTING ####", "JEFIT"),
        (
            "Workout DateTime,Program,Day Name,Exercise,Is Warmup Set?,Completed Reps",
            "Liftosaur",
        ),
        ("Date,Active energy burned(kcal),Activity,Distance(km),Duration(Seconds)", "HealthExport"),
    ],
)
def test_apps_that_cannot_be_imported_are_named(first_line: str, app: str) -> None:
    names = header(first_line) if first_line.strip() and "#" not in first_line else []
    assert detect_format(names) is None
    message = unknown_header_message(names, first_line)
    assert app in message
    assert message.endswith(
        "expected this app's CSV (history --csv), Strong, Hevy, FitNotes or Fitbod"
    )


def test_an_unknown_header_lists_what_is_read() -> None:
    assert unknown_header_message(["a", "b"], "a,b\n").startswith(
        "the header is not one this app reads"
    )
