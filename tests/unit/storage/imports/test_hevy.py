from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.domain.foreign_set import ForeignSet, SetKind
from app.storage.imports import hevy
from tests.unit.storage.imports.exports import HEVY_KG, HEVY_TURKISH, HEVY_US_LBS, preview


def local(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> str:
    """The time as this computer's zone shows it (exports without a zone are read so)."""
    naive = datetime(year, month, day, hour, minute, second)
    return naive.astimezone().isoformat(timespec="seconds")


def test_set_types_mixed_line_endings_and_no_final_newline(tmp_path: Path) -> None:
    result = preview(tmp_path, HEVY_KG)
    assert result.format_id == "hevy"
    push_b = [s for s in result.sets if s.session_title == "Push B"]
    assert [(s.variation, s.role, s.reps, s.reps_in_reserve) for s in push_b] == [
        ("floor-push-up", "warm-up", 8, None),
        ("floor-push-up", "work", 15, 2),
        ("floor-push-up", "work", 12, 0),
        ("kneeling-push-up", "work", 10, None),
    ]
    assert push_b[0].ended_at.isoformat() == local(2026, 1, 28, 17, 26)
    assert result.skipped == {"not a push up": 1}
    assert result.unmatched == {"Plank Pushup": 1}


def test_months_in_the_phone_s_language(tmp_path: Path) -> None:
    result = preview(tmp_path, HEVY_TURKISH)
    assert [(s.session_title, s.ended_at.isoformat(), s.reps) for s in result.sets] == [
        ("Akşam 💪", local(2023, 9, 18, 7, 57), 16),
        ("Akşam 💪", local(2023, 9, 18, 7, 57), 14),
        ("Sabah", local(2024, 2, 2, 6, 30), 10),
    ]


def test_us_twelve_hour_dates_and_pounds(tmp_path: Path) -> None:
    result = preview(tmp_path, HEVY_US_LBS)
    assert [(s.ended_at.isoformat(), s.variation) for s in result.sets] == [
        (local(2025, 9, 23, 7, 26), "floor-push-up"),
        (local(2025, 9, 23, 7, 26), "loaded-push-up"),
        (local(2025, 9, 24, 12, 5), "hands-elevated-push-up"),
        (local(2025, 9, 25, 0, 30), "floor-push-up"),
    ]
    assert result.sets[0].reps_in_reserve == 4
    assert result.sets[1].note == "Hevy: Push Up (added load 25 lb (11.3 kg))"


def test_the_weight_column_follows_the_units_and_set_types_are_checked() -> None:
    base = ["title", "start_time", "exercise_title", "set_type", "reps"]
    assert hevy.detect(base[:-1]) is None
    kg, lbs = hevy.detect([*base, "weight_kg"]), hevy.detect([*base, "weight_lbs"])
    assert kg is not None and lbs is not None and kg.id == lbs.id == "hevy"
    row = {
        "title": "Push B",
        "start_time": "28 Jan 2026, 17:26",
        "exercise_title": "Push Up",
        "reps": "12",
        "weight_lbs": "",
    }
    one = lbs.read_set({**row, "set_type": "dropset"}, 2)
    assert isinstance(one, ForeignSet) and (one.kind, one.weight) == (SetKind.DROP, None)
    with pytest.raises(ValueError, match="set_type 'superset'"):
        lbs.read_set({**row, "set_type": "superset"}, 3)
