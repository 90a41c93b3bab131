from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.domain.foreign_set import ForeignSet, SetKind
from app.storage.imports import strong
from app.storage.imports.export_format import REST_TIMER
from tests.unit.storage.imports.exports import (
    STRONG_10,
    STRONG_CHINESE,
    STRONG_CLASSIC,
    STRONG_FRENCH,
    STRONG_GERMAN,
    STRONG_V6,
    preview,
)


def local(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> str:
    """The time as this computer's zone shows it (exports without a zone are read so)."""
    naive = datetime(year, month, day, hour, minute, second)
    return naive.astimezone().isoformat(timespec="seconds")


def test_classic_warm_ups_are_warm_ups_and_rest_timers_are_not_sets(tmp_path: Path) -> None:
    result = preview(tmp_path, STRONG_CLASSIC)
    assert result.format_id == "strong-12"
    assert result.skipped == {"not a push up": 1, "rest timer row": 1}
    assert result.unmatched == {"Pike Push Up": 1}
    evening = [s for s in result.sets if s.session_title == "Evening"]
    assert [(s.role, s.reps, s.block, s.set_number) for s in evening] == [
        ("warm-up", 5, 0, 1),
        ("work", 12, 1, 1),
        ("work", 11, 1, 2),
        ("work", 9, 1, 3),
        ("work", 6, 2, 1),
    ]
    assert result.warm_ups == 1
    assert evening[0].ended_at.isoformat() == local(2025, 9, 10, 16, 55, 41)


def test_rpe_failure_and_drop_sets_become_work_sets_with_reps_in_reserve(tmp_path: Path) -> None:
    evening = [s for s in preview(tmp_path, STRONG_CLASSIC).sets if s.session_title == "Evening"]
    assert [s.reps_in_reserve for s in evening] == [None, 2, 0, 0, None]
    assert evening[3].note == "Strong: Push Up (to failure)"
    assert evening[4].note == "Strong: Diamond Push Up (drop set)"
    assert evening[4].variation == "floor-push-up"


def test_a_classic_load_without_a_unit_makes_a_loaded_push_up(tmp_path: Path) -> None:
    (morning,) = [s for s in preview(tmp_path, STRONG_CLASSIC).sets if s.session_title == "Morning"]
    assert morning.variation == "loaded-push-up"
    assert morning.note == "Strong: Push Up (added load 15 (unit not given))"


def test_ten_columns(tmp_path: Path) -> None:
    result = preview(tmp_path, STRONG_10)
    assert result.format_id == "strong-10"
    assert [(s.variation, s.reps) for s in result.sets] == [
        ("floor-push-up", 18),
        ("floor-push-up", 15),
    ]


def test_v6_semicolons_quotes_kilograms_and_note_rows(tmp_path: Path) -> None:
    result = preview(tmp_path, STRONG_V6)
    assert result.format_id == "strong-v6"
    assert result.skipped == {"note row": 1, "rest timer row": 1}
    assert [(s.variation, s.reps, s.reps_in_reserve) for s in result.sets] == [
        ("floor-push-up", 8, None),
        ("loaded-push-up", 6, 3),
        ("hands-elevated-push-up", 12, None),
    ]
    assert result.sets[1].note == "Strong: Push Up (RPE 7; added load 10 kg (22 lb))"
    assert result.sets[2].box_height_cm is None
    assert result.sets[2].note == "Strong: Incline Push Up (box height not recorded)"
    assert result.without_box_height == 1


def test_the_form_is_told_by_its_columns_and_odd_rows_are_named() -> None:
    base = ["Date", "Workout Name", "Exercise Name", "Set Order", "Reps"]
    assert strong.detect(base[1:]) is None
    v6 = strong.detect([*base, "Workout #", "Weight (kg)"])
    with_unit = strong.detect([*base, "Weight", "Weight Unit"])
    assert v6 is not None and v6.id == "strong-v6"
    assert with_unit is not None and with_unit.id == "strong-unit-column"
    row = {"Date": "2024-03-01 18:00:00", "Workout Name": "Evening", "Exercise Name": "Push Up"}
    assert v6.read_set({**row, "Set Order": "Rest Timer", "Reps": ""}, 2) == REST_TIMER
    one = v6.read_set({**row, "Set Order": "W", "Reps": "5", "Weight (kg)": ""}, 3)
    assert isinstance(one, ForeignSet) and (one.kind, one.reps) == (SetKind.WARM_UP, 5)
    with pytest.raises(ValueError, match="Set Order 'X'"):
        v6.read_set({**row, "Set Order": "X", "Reps": "5", "Weight (kg)": ""}, 4)


def test_column_names_in_german_french_or_chinese_are_read_as_strong_names(
    tmp_path: Path,
) -> None:
    german = preview(tmp_path, STRONG_GERMAN)
    assert german.label == "Strong (classic; column names in German)"
    assert german.skipped == {"not a push up": 1}
    assert [(s.session_title, s.reps, s.reps_in_reserve) for s in german.sets] == [
        ("Abends", 14, None),
        ("Abends", 12, 1),
    ]
    assert german.sets[0].ended_at.isoformat() == local(2021, 3, 2, 18, 10)
    french = preview(tmp_path, STRONG_FRENCH)
    assert french.label == "Strong (classic; column names in French)"
    assert [(s.role, s.variation, s.reps) for s in french.sets] == [
        ("warm-up", "floor-push-up", 6),
        ("work", "loaded-push-up", 8),
    ]
    chinese = preview(tmp_path, STRONG_CHINESE)
    assert chinese.label == "Strong (classic; column names in Chinese)"
    assert [s.reps for s in chinese.sets] == [20, 18]


def test_a_bad_cell_is_named_by_the_column_as_the_file_names_it() -> None:
    header = STRONG_GERMAN.splitlines()[0].split(",")
    found = strong.detect(header)
    # a weight column this app does not know in that language: not read rather than unloaded
    assert strong.detect([n if n != "Gewicht" else "Gewicht (kg)" for n in header]) is None
    assert found is not None and found.exercise_column == "Name der Übung"
    row = dict(zip(header, STRONG_GERMAN.splitlines()[1].split(","), strict=True))
    with pytest.raises(ValueError, match="Reihenfolge festlegen 'X' must be"):
        found.read_set({**row, "Reihenfolge festlegen": "X"}, 2)
    with pytest.raises(ValueError, match=r"Wiederh\. 'viele'"):
        found.read_set({**row, "Wiederh.": "viele"}, 2)
