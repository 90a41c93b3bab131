from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from app.domain.exercise_names import NameMatch
from app.domain.foreign_set import ForeignSet, SetKind
from app.storage.imports.to_log import LogBuilder
from tests.unit.storage.imports.exports import HEVY_KG, STRONG_CLASSIC, preview

PUSH_UP = NameMatch("floor-push-up", "loaded-push-up", "1-0-X-0", None)


def a_set(line: int, exercise: str = "Push Up", workout: str = "w1") -> ForeignSet:
    return ForeignSet(
        line=line,
        workout_key=workout,
        workout_title="",
        started_at=datetime(2026, 1, 2, 10, 0).astimezone(),
        exercise=exercise,
        reps=10,
        weight=None,
        kind=SetKind.WORK,
        rpe=None,
    )


def test_the_same_export_gives_the_same_sessions_blocks_and_sets(tmp_path: Path) -> None:
    first = preview(tmp_path, STRONG_CLASSIC).sets
    again = preview(tmp_path, STRONG_CLASSIC).sets
    assert first == again
    assert first[0].session_uid.startswith("strong-")
    keys = [(s.session_uid, s.block, s.set_number) for s in first]
    assert len(set(keys)) == len(keys)


def test_workouts_are_told_apart_by_date_and_title(tmp_path: Path) -> None:
    sets = preview(tmp_path, HEVY_KG).sets
    assert len({s.session_uid for s in sets}) == 1
    assert preview(tmp_path, STRONG_CLASSIC).sets[0].session_uid != sets[0].session_uid


def test_more_than_20_sets_of_one_name_go_on_in_a_new_block() -> None:
    builder = LogBuilder("Strong", date(2026, 6, 1), frozenset())
    for line in range(2, 27):
        builder.add(a_set(line), PUSH_UP)
    builder.add(a_set(27, "Wide Push Up"), PUSH_UP)
    places = [(s.block, s.set_number) for s in builder.sets]
    assert places[19] == (0, 20)
    assert places[20] == (1, 1)
    assert places[24] == (1, 5)
    assert places[25] == (2, 1)
    assert builder.sets[0].session_title == "Strong workout"


def test_a_workout_too_big_for_the_log_is_refused() -> None:
    builder = LogBuilder("Hevy", date(2026, 6, 1), frozenset())
    for line in range(1000):
        builder.add(a_set(line), PUSH_UP)
    with pytest.raises(ValueError, match="more than 1000 push-up sets in one workout"):
        builder.add(a_set(1001), PUSH_UP)


def test_a_blocks_target_is_the_range_of_reps_its_sets_reached(tmp_path: Path) -> None:
    evening = [s for s in preview(tmp_path, STRONG_CLASSIC).sets if s.session_title == "Evening"]
    assert [(s.block, s.reps, s.target_reps) for s in evening] == [
        (0, 5, "5"),
        (1, 12, "9-12"),
        (1, 11, "9-12"),
        (1, 9, "9-12"),
        (2, 6, "6"),
    ]


def test_targets_stay_within_what_a_plan_allows() -> None:
    builder = LogBuilder("Hevy", date(2026, 6, 1), frozenset())
    for line, reps in enumerate((0, 150)):
        builder.add(replace(a_set(line), reps=reps), PUSH_UP)
    builder.add(replace(a_set(9, "Wide Push Up"), reps=0), PUSH_UP)
    assert [s.target_reps for s in builder.finished_sets()] == ["1-100", "1-100", "max"]
