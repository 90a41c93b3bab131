from __future__ import annotations

from pathlib import Path

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
