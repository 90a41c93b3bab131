from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.foreign_set import ForeignSet, SetKind
from app.storage.imports import fitbod
from app.storage.imports.export_format import NO_REPS
from tests.unit.storage.imports.exports import FITBOD, preview


def test_leading_spaces_utc_offsets_and_warm_ups(tmp_path: Path) -> None:
    result = preview(tmp_path, FITBOD)
    assert result.format_id == "fitbod"
    assert [(s.variation, s.reps, s.role, s.ended_at.isoformat()) for s in result.sets] == [
        ("kneeling-push-up", 14, "work", "2021-12-25T20:37:21+00:00"),
        ("kneeling-push-up", 14, "work", "2021-12-25T20:37:21+00:00"),
        ("hands-elevated-push-up", 10, "warm-up", "2021-12-25T20:37:21+00:00"),
        ("floor-push-up", 20, "work", "2021-12-26T06:00:00-05:00"),
    ]
    assert [s.set_number for s in result.sets[:2]] == [1, 2]
    assert result.unmatched == {"Decline Push Up": 1}
    assert result.skipped == {"not a push up": 1}


def test_the_header_is_recognised_and_one_row_read_on_its_own() -> None:
    assert fitbod.detect(["Date", "Exercise", "Reps"]) is None
    found = fitbod.detect(["Date", "Exercise", "Reps", "Weight(kg)", "isWarmup", "Note"])
    assert found is not None and found.id == "fitbod"
    row = {"Date": "2022-01-05 22:06:49 +0000", "Exercise": " Push Up", "Reps": " 12"}
    one = found.read_set({**row, "Weight(kg)": " 0", "isWarmup": "true"}, 7)
    assert isinstance(one, ForeignSet)
    assert (one.line, one.exercise, one.reps, one.kind) == (7, "Push Up", 12, SetKind.WARM_UP)
    assert found.read_set({**row, "Reps": "", "Weight(kg)": "", "isWarmup": ""}, 8) == NO_REPS
    with pytest.raises(ValueError, match="isWarmup"):
        found.read_set({**row, "Weight(kg)": "", "isWarmup": "maybe"}, 9)
