"""What a block's sets show the coach, one sign at a time."""

from __future__ import annotations

from dataclasses import replace

from app.domain.coach.signs import (
    at_top,
    box_height,
    falling_at_failure,
    keep_reason,
    keep_reset,
    slower_tempo,
    stalled_weeks,
    struggled,
)
from app.domain.plan import DEFAULT_RESET_S
from app.storage.catalog import Catalog
from tests.fixtures.coach_histories import BOX, FLOOR, B, session
from tests.unit.domain.coach.runs import block_history, runs


def test_at_the_top_means_every_planned_set_clean_at_the_top_of_the_range(
    catalog: Catalog,
) -> None:
    (top,) = runs(catalog, session(1, B(FLOOR, [12, 12, 12])))
    (flagged,) = runs(catalog, session(1, B(FLOOR, [12, 12, 12], flags={1: "Hips sagging"})))
    (short,) = runs(catalog, session(1, B(FLOOR, [12, 12, 11])))
    assert at_top(top) and not at_top(flagged) and not at_top(short)


def test_struggling_is_a_set_two_below_the_range_never_a_max_set(catalog: Catalog) -> None:
    (low,) = runs(catalog, session(1, B(FLOOR, [9, 8, 6])))
    (fine,) = runs(catalog, session(1, B(FLOOR, [9, 8, 7])))
    (tested,) = runs(catalog, session(1, B(FLOOR, [3], target="max")))
    assert struggled(low) and not struggled(fine) and not struggled(tested)


def test_falling_at_failure_needs_three_falling_sessions_all_at_zero_in_reserve(
    catalog: Catalog,
) -> None:
    def days(*totals: tuple[int, int | None]) -> list[list]:  # type: ignore[type-arg]
        return [session(9 - 3 * i, B(FLOOR, [r, r], rir=rir)) for i, (r, rir) in enumerate(totals)]

    assert falling_at_failure(block_history(catalog, *days((10, 0), (9, 0), (8, 0))))
    assert not falling_at_failure(block_history(catalog, *days((10, 0), (9, 1), (8, 0))))
    assert not falling_at_failure(block_history(catalog, *days((10, 0), (10, 0), (8, 0))))
    assert not falling_at_failure(block_history(catalog, *days((9, 0), (8, 0))))


def test_stalled_weeks_counts_the_weeks_of_the_same_reps(catalog: Catalog) -> None:
    same = [session(days, B(FLOOR, [10, 9, 9])) for days in (30, 23, 16, 9)]
    assert stalled_weeks(block_history(catalog, *same)) == 3
    changed = [*same[:-1], session(9, B(FLOOR, [10, 10, 9]))]
    assert stalled_weeks(block_history(catalog, *changed)) == 0
    # the same reps after the coach lengthened the rest: a new trial, not a longer stall
    rested = [replace(s, rest_s=120.0) for s in session(9, B(FLOOR, [10, 9, 9]))]
    assert stalled_weeks(block_history(catalog, *same[:-1], rested)) == 0


def test_a_slower_recent_tempo_is_offered_when_today_was_faster(catalog: Catalog) -> None:
    slow = session(6, B(FLOOR, [10, 10], tempo="5-1-1-0"))
    fast = session(2, B(FLOOR, [12, 12], tempo="2-0-1-0"))
    history = block_history(catalog, slow, fast, other_tempos=1)
    assert str(slower_tempo(history)) == "5-1-1-0"
    earlier_fast = session(6, B(FLOOR, [12, 12], tempo="2-0-1-0"))
    today_slow = session(2, B(FLOOR, [10, 10], tempo="5-1-1-0"))
    assert slower_tempo(block_history(catalog, earlier_fast, today_slow, other_tempos=1)) is None


def test_keep_reason_says_what_to_aim_for(catalog: Catalog) -> None:
    (flagged,) = runs(catalog, session(1, B(FLOOR, [12, 9], flags={0: "Elbows flared"})))
    (some,) = runs(catalog, session(1, B(FLOOR, [12, 9, 9])))
    (none,) = runs(catalog, session(1, B(FLOOR, [9, 9, 9])))
    assert keep_reason(flagged).startswith("Stay here until every set is clean (1 of 2")
    assert keep_reason(some).startswith("1 of 3 sets reached 12")
    assert keep_reason(none).endswith("move on when every set reaches 12.")


def test_the_box_height_and_reset_fall_back_to_the_defaults(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(1, B(BOX, [10], 45)))
    assert box_height(run, catalog[BOX]) == 45
    assert keep_reset(run) == DEFAULT_RESET_S
