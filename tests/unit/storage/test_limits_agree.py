"""A value one part of the app accepts is never refused by another: plan, CSV, backup."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.equipment import parse_equipment
from app.domain.limits import (
    CM_PER_INCH,
    MAX_BOX_HEIGHT_CM,
    MAX_LOGGED_REPS,
    MAX_NOTE_CHARS,
    MAX_REPS_IN_RESERVE,
)
from app.domain.plan import parse_plan
from app.domain.problems import InputError
from app.storage.backup_rows import set_problem
from app.storage.catalog import Catalog
from app.storage.history_csv import COLUMNS, parse_csv
from tests.conftest import plan_text

NOW = datetime(2026, 11, 22, tzinfo=UTC)
BACKUP_SET = (
    1, 1, 0, 1, "hands-elevated-push-up", 45.0, "3-1-1-0", "8-12", 10, None, "[]", "", 30.0,
    "2026-11-20T18:05:00+01:00", "work",
)  # fmt: skip
CSV_ROW = {
    "date": "2026-11-20T18:05:00+01:00",
    "session_id": "abc",
    "session_title": "Ladder",
    "block": "0",
    "set": "1",
    "variation": "hands-elevated-push-up",
    "box_height_cm": "45",
    "tempo": "3-1-1-0",
    "target_reps": "8-12",
    "reps": "10",
    "reps_in_reserve": "2",
    "note": "",
}


def _csv_takes(**cells: str) -> bool:
    row = {**CSV_ROW, **cells}
    text = ",".join(COLUMNS) + "\n" + ",".join(row[c] for c in COLUMNS) + "\n"
    try:
        parse_csv(text, NOW.date())
    except InputError:
        return False
    return True


def _backup_takes(index: int, value: object) -> bool:
    return set_problem((*BACKUP_SET[:index], value, *BACKUP_SET[index + 1 :]), NOW) is None


def _plan_takes(catalog: Catalog, box: str) -> bool:
    block = f'variation = "hands-elevated-push-up"\nsets = 1\nreps = 5\n{box}'
    try:
        parse_plan(plan_text(block), catalog)
    except InputError:
        return False
    return True


def _equipment_takes(height_cm: float) -> bool:
    try:
        parse_equipment({"surfaces": [{"name": "bench", "height_cm": height_cm}]})
    except InputError:
        return False
    return True


@pytest.mark.parametrize(("height_cm", "taken"), [(MAX_BOX_HEIGHT_CM, True), (120.5, False)])
def test_the_highest_box_is_the_same_everywhere(
    catalog: Catalog, height_cm: float, taken: bool
) -> None:
    assert _plan_takes(catalog, f"box_height_cm = {height_cm}") is taken
    assert _csv_takes(box_height_cm=f"{height_cm}") is taken
    assert _backup_takes(5, height_cm) is taken
    assert _equipment_takes(height_cm) is taken


def test_the_highest_box_in_inches_is_the_highest_in_cm(catalog: Catalog) -> None:
    inches = MAX_BOX_HEIGHT_CM / CM_PER_INCH
    assert _plan_takes(catalog, f"box_height_in = {inches}")
    assert not _plan_takes(catalog, f"box_height_in = {inches + 0.1}")


@pytest.mark.parametrize(
    ("column", "index", "highest"),
    [
        ("reps", 8, MAX_LOGGED_REPS),
        ("reps_in_reserve", 9, MAX_REPS_IN_RESERVE),
    ],
)
def test_a_logged_count_the_csv_takes_the_backup_takes(
    column: str, index: int, highest: int
) -> None:
    assert _csv_takes(**{column: str(highest)}) and _backup_takes(index, highest)
    assert not _csv_takes(**{column: str(highest + 1)})
    assert not _backup_takes(index, highest + 1)


def test_the_longest_note_is_the_same_in_the_csv_and_the_backup() -> None:
    assert _csv_takes(note="n" * MAX_NOTE_CHARS) and _backup_takes(11, "n" * MAX_NOTE_CHARS)
    assert not _csv_takes(note="n" * (MAX_NOTE_CHARS + 1))
    assert not _backup_takes(11, "n" * (MAX_NOTE_CHARS + 1))
