"""What counts as evidence, and what the advice says it left out."""

from __future__ import annotations

from app.domain.coach.evidence import gather
from app.domain.set_role import SetRole
from app.storage.catalog import Catalog
from tests.fixtures.coach_histories import BOX, FLOOR, TODAY, B, history, session


def test_a_session_is_split_into_its_blocks_with_their_roles(catalog: Catalog) -> None:
    sets = session(1, B(BOX, [10, 10], 60, "10", role="warm-up"), B(BOX, [9, 8, 8], 45))
    (trained,) = gather(sets, catalog, TODAY).sessions
    assert [(b.key.box_height_cm, b.role, b.reps) for b in trained.blocks] == [
        (60, SetRole.WARM_UP, (10, 10)),
        (45, SetRole.WORK, (9, 8, 8)),
    ]


def test_left_sessions_0_rep_sets_and_future_sets_are_set_aside_and_counted(
    catalog: Catalog,
) -> None:
    sets = history(
        session(9, B(BOX, [10, 9, 0], 45)),
        session(6, B(BOX, [3], 45)),
        session(5, B(BOX, [11], 45), finished=False),
        session(4, B(FLOOR, [0, 0])),
        session(-30, B(FLOOR, [12])),
    )
    evidence = gather(sets, catalog, TODAY)
    assert [str(s.day) for s in evidence.sessions] == ["2026-03-11"]
    assert (evidence.left_sessions, evidence.zero_rep_sets, evidence.future_sets) == (3, 1, 1)
    assert evidence.left_out == (
        "3 sessions left after their first set, 1 set of 0 reps and 1 set dated after today"
        " are not counted"
    )


def test_one_set_sessions_that_reach_the_range_count(catalog: Catalog) -> None:
    sets = session(2, B(FLOOR, [14], None, "max"))
    assert len(gather(sets, catalog, TODAY).sessions) == 1


def test_a_set_dated_tomorrow_still_counts(catalog: Catalog) -> None:
    sets = session(-1, B(BOX, [10, 10], 45))
    evidence = gather(sets, catalog, TODAY)
    assert (len(evidence.sessions), evidence.left_out) == (1, "")
