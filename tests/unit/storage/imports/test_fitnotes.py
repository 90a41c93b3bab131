from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.domain.foreign_set import ForeignSet
from app.storage.imports import fitnotes
from app.storage.imports.export_format import NO_REPS
from tests.unit.storage.imports.exports import FITNOTES_LBS, FITNOTES_UNIT, preview


def test_unit_in_the_header_and_one_session_per_day(tmp_path: Path) -> None:
    result = preview(tmp_path, FITNOTES_LBS)
    assert result.format_id == "fitnotes"
    assert [(s.variation, s.reps, s.block, s.set_number) for s in result.sets] == [
        ("floor-push-up", 22, 0, 1),
        ("loaded-push-up", 10, 1, 1),
        ("hands-elevated-push-up", 15, 2, 1),
    ]
    assert len({s.session_uid for s in result.sets}) == 1
    assert result.sets[0].ended_at == datetime(2017, 6, 23).astimezone()
    assert result.unmatched == {"Burpees - Pushup": 1}
    assert result.skipped == {"not a push up": 1}


def test_one_pound_in_the_unit_column_is_body_weight(tmp_path: Path) -> None:
    result = preview(tmp_path, FITNOTES_UNIT)
    assert result.format_id == "fitnotes-unit-column"
    assert [(s.variation, s.reps) for s in result.sets] == [
        ("floor-push-up", 20),
        ("floor-push-up", 18),
        ("loaded-push-up", 8),
    ]
    assert result.sets[2].note == "FitNotes: Tricep Push Up (added load 5 kg (11 lb))"
    assert result.unmatched == {"Decline Push-up": 1}


def test_the_header_names_the_unit_or_a_column_holds_it() -> None:
    base = ["Date", "Exercise", "Category", "Reps"]
    assert fitnotes.detect(base) is None
    assert fitnotes.detect(["Date", "Exercise", "Reps", "Weight (lbs)"]) is None
    by_header = fitnotes.detect([*base, "Weight (kgs)"])
    by_column = fitnotes.detect([*base, "Weight", "Weight Unit"])
    assert by_header is not None and by_header.id == "fitnotes"
    assert by_column is not None and by_column.id == "fitnotes-unit-column"
    row = {"Date": "2017-06-23", "Exercise": "Push Up ", "Category": "Chest", "Reps": "20"}
    one = by_column.read_set({**row, "Weight": "10", "Weight Unit": "kgs"}, 3)
    assert isinstance(one, ForeignSet) and (one.exercise, one.reps) == ("Push Up", 20)
    assert by_header.read_set({**row, "Reps": "", "Weight (kgs)": ""}, 4) == NO_REPS
