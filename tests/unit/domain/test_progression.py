"""The coach on the histories it was seen to get wrong (issue 10), and its safety properties.

Each test gives a history as a person logged it and checks the advice they would read.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.coach import box_steps
from app.domain.equipment import EquipmentProfile, Surface
from app.domain.load_model import KNEE_SHARE, box_share
from app.domain.plan import parse_plan, plan_text
from app.domain.progression import Rule, Suggestion, plan_from_suggestions, suggest
from app.domain.set_role import SetRole
from app.storage.catalog import Catalog
from tests.fixtures.coach_histories import (
    BOX,
    ECCENTRIC,
    FLOOR,
    KNEELING,
    LOADED,
    NEGATIVE,
    TODAY,
    WALL,
    B,
    cases,
    history,
    session,
)

CASES = cases()


def advice(catalog: Catalog, name: str) -> list[Suggestion]:
    sets, profile = CASES[name]
    return suggest(sets, catalog, profile, today=TODAY)


def work(items: list[Suggestion]) -> list[Suggestion]:
    return [s for s in items if s.role is SetRole.WORK]


# --- 1. blocks, not variations ----------------------------------------------------------------


def test_the_ladder_at_the_top_shifts_down_as_a_whole(catalog: Catalog) -> None:
    warm, main, taste = advice(catalog, "ladder at the top")
    assert [(s.box_height_cm, s.sets, s.reps) for s in (warm, main, taste)] == [
        (55, 2, "10"),
        (35, 3, "8-12"),
        (20, 2, "5-8"),
    ]
    assert warm.role is SetRole.WARM_UP
    assert "shift the whole ladder one step down" in main.reason


def test_a_typical_ladder_session_stays_where_it_is(catalog: Catalog) -> None:
    sets = session(
        2,
        B(BOX, [10, 10], 60, "10", role="warm-up"),
        B(BOX, [10, 9, 8], 45),
        B(BOX, [8, 8], 30, "5-8"),
    )
    items = suggest(sets, catalog, today=TODAY)
    assert [(s.box_height_cm, s.rule) for s in items] == [
        (60, Rule.KEEP),
        (45, Rule.KEEP),
        (30, Rule.KEEP),
    ]
    assert "when every set at 45 cm reaches 12" in items[2].reason


def test_the_endurance_day_in_range_keeps_both_boxes(catalog: Catalog) -> None:
    items = advice(catalog, "endurance day in range")
    assert [(s.box_height_cm, s.reps, s.rule) for s in items] == [
        (45, "12-15", Rule.KEEP),
        (60, "15-20", Rule.KEEP),
    ]


def test_the_test_day_warm_up_is_not_read_as_a_failure(catalog: Catalog) -> None:
    sets = session(
        2,
        B(BOX, [6, 6], 60, "6", "2-0-1-0", role="warm-up"),
        B(FLOOR, [15], None, "max", "2-0-1-0"),
        B(BOX, [25], 45, "max", "2-0-1-0"),
    )
    items = suggest(sets, catalog, today=TODAY)
    assert [(s.variation, s.box_height_cm, s.reps, s.rule) for s in items] == [
        (BOX, 60, "6", Rule.KEEP),
        (FLOOR, None, "max", Rule.KEEP),
        (BOX, 45, "max", Rule.KEEP),
    ]


def test_the_strength_day_warm_up_does_not_send_a_loaded_trainee_back(catalog: Catalog) -> None:
    warm, loaded = advice(catalog, "strength day")
    assert (warm.variation, warm.role) == (FLOOR, SetRole.WARM_UP)
    assert (loaded.variation, loaded.rule, loaded.reps) == (LOADED, Rule.KEEP, "3-8")
    assert "10" not in loaded.reason


def test_the_starter_plans_wall_sets_are_carried_not_coached(catalog: Catalog) -> None:
    items = advice(catalog, "starter plan")
    assert [(s.variation, s.role, s.sets) for s in items] == [
        (WALL, SetRole.WARM_UP, 2),
        (NEGATIVE, SetRole.WORK, 3),
        (WALL, SetRole.COOL_DOWN, 1),
    ]


# --- 2. steps capped with saved surfaces --------------------------------------------------------


def test_counter_to_stair_is_too_far_so_the_block_grows_and_the_missing_height_is_named(
    catalog: Catalog,
) -> None:
    (item,) = advice(catalog, "counter to stair")
    assert (item.box_height_cm, item.sets, item.rule) == (90, 4, Rule.VARY)
    assert "about 85 cm would be the next step" in item.reason
    assert "bottom stair (20 cm) is more than one step down" in item.reason


@pytest.mark.parametrize(("high", "low"), [(60, 30), (72, 54), (45, 20)])
def test_no_jump_to_a_far_surface(catalog: Catalog, high: float, low: float) -> None:
    profile = EquipmentProfile(surfaces=(Surface("top", high), Surface("low", low)))
    sets = session(2, B(BOX, [12, 12, 12], high))
    (item,) = suggest(sets, catalog, profile, today=TODAY)
    assert item.box_height_cm == high
    assert item.rule is Rule.VARY


def test_finished_negatives_never_go_to_a_box_harder_than_a_knee_push_up(
    catalog: Catalog,
) -> None:
    sets = session(2, B(NEGATIVE, [8, 8, 8], None, "5-8", "5-1-R-0"))
    profile = EquipmentProfile(
        surfaces=(Surface("kitchen counter", 90), Surface("bottom stair", 20))
    )
    (item,) = suggest(sets, catalog, profile, today=TODAY)
    assert item.variation == BOX
    assert item.box_height_cm == 90
    assert box_share(90) <= KNEE_SHARE


# --- 3. the crash -------------------------------------------------------------------------------


@pytest.mark.parametrize(("stature", "height"), [(155, 99), (155, 100), (175, 115), (175, 120)])
def test_a_high_surface_at_the_top_of_the_range_gives_advice(
    catalog: Catalog, stature: float, height: float
) -> None:
    sets = session(2, B(BOX, [12, 12, 12], height))
    (item,) = suggest(sets, catalog, EquipmentProfile(stature_cm=stature), today=TODAY)
    assert item.rule is Rule.HARDER
    assert item.box_height_cm == height - 5
    assert "extrapolated" in item.reason


def test_a_short_person_on_a_100_cm_windowsill_gets_advice(catalog: Catalog) -> None:
    (item,) = advice(catalog, "high surface, short person")
    assert (item.box_height_cm, item.rule) == (100, Rule.VARY)
    assert "about 95 cm" in item.reason


# --- 4. time off --------------------------------------------------------------------------------


def test_three_months_off_asks_for_a_retest_not_a_lower_box(catalog: Catalog) -> None:
    (item,) = advice(catalog, "three months off")
    assert (item.rule, item.box_height_cm, item.sets, item.reps) == (Rule.RETEST, 20, 1, "max")
    assert "12 weeks" in item.reason


def test_a_log_of_2009_only_is_a_retest(catalog: Catalog) -> None:
    days = (TODAY - TODAY.replace(year=2009)).days
    sets = session(days, B(FLOOR, [12, 12, 12], None, "3-8"))
    (item,) = suggest(sets, catalog, today=TODAY)
    assert item.rule is Rule.RETEST
    assert item.variation == FLOOR


def test_a_set_dated_2062_is_left_out_and_said(catalog: Catalog) -> None:
    (item,) = advice(catalog, "a set dated 2062")
    assert (item.variation, item.box_height_cm) == (BOX, 40)
    assert "3 sets dated after today are not counted" in item.reason


@pytest.mark.parametrize(("days", "height"), [(14, 50), (35, 50), (56, 50)])
def test_two_to_eight_weeks_off_comes_back_one_step_easier(
    catalog: Catalog, days: int, height: float
) -> None:
    sets = session(days, B(BOX, [12, 12, 12], 40))
    (item,) = suggest(sets, catalog, today=TODAY)
    assert (item.rule, item.box_height_cm) == (Rule.RETURN, height)
    assert f"{days // 7} weeks" in item.reason


def test_a_return_with_no_easier_step_goes_to_the_bottom_of_the_range(catalog: Catalog) -> None:
    sets = session(21, B(LOADED, [8, 8, 8], None, "3-8", "2-1-X-0"))
    (item,) = suggest(sets, catalog, today=TODAY)
    assert item.rule is Rule.RETURN
    assert "take off some of the load" in item.reason


# --- 5. steps between variations ----------------------------------------------------------------


def test_eccentrics_done_lead_to_a_few_floor_reps_beside_the_box_work(catalog: Catalog) -> None:
    floor_test, box = advice(catalog, "eccentrics done")
    assert (floor_test.from_variation, floor_test.variation) == (ECCENTRIC, FLOOR)
    assert (floor_test.sets, floor_test.reps) == (2, "3-5")
    assert (box.variation, box.box_height_cm) == (BOX, 30)


def test_the_wall_push_up_moves_to_the_highest_surface(catalog: Catalog) -> None:
    sets = session(2, B(WALL, [15, 15], None, "10-15", "2-0-2-0"))
    (plain,) = suggest(sets, catalog, today=TODAY)
    assert (plain.variation, plain.box_height_cm) == (BOX, 90)
    profile = EquipmentProfile(surfaces=(Surface("table", 75), Surface("bench", 45)))
    (own,) = suggest(sets, catalog, profile, today=TODAY)
    assert own.box_height_cm == 75


def test_finished_negatives_go_to_about_60_cm(catalog: Catalog) -> None:
    sets = session(2, B(NEGATIVE, [8, 8, 8], None, "5-8", "5-1-R-0"))
    (item,) = suggest(sets, catalog, today=TODAY)
    assert (item.variation, item.box_height_cm) == (BOX, 60)


# --- 6. goals -----------------------------------------------------------------------------------


def test_an_endurance_trainee_at_the_floor_is_not_sent_to_loading(catalog: Catalog) -> None:
    (item,) = advice(catalog, "endurance at the floor")
    assert (item.variation, item.reps, item.rule) == (FLOOR, "20-25", Rule.KEEP)


def test_an_endurance_block_at_its_top_progresses_within_endurance(catalog: Catalog) -> None:
    sets = session(2, B(FLOOR, [25, 25, 25], None, "20-25", "2-0-1-0"))
    (item,) = suggest(sets, catalog, today=TODAY)
    assert (item.variation, item.rule, item.tempo) == (FLOOR, Rule.LONGER_LOWERING, "3-0-1-0")


def test_a_hypertrophy_day_waits_for_every_floor_set_at_12(catalog: Catalog) -> None:
    sets = session(2, B(FLOOR, [12, 10, 9]), B(BOX, [15, 14], 45, "12-15"))
    floor, _ = suggest(sets, catalog, today=TODAY)
    assert (floor.variation, floor.rule) == (FLOOR, Rule.KEEP)


def test_hypertrophy_at_the_floor_slows_then_loads_at_the_same_range(catalog: Catalog) -> None:
    (slower,) = suggest(session(2, B(FLOOR, [12, 12, 12])), catalog, today=TODAY)
    assert (slower.rule, slower.tempo) == (Rule.LONGER_LOWERING, "4-1-1-0")
    (loaded,) = suggest(session(2, B(FLOOR, [12, 12, 12], tempo="4-1-1-0")), catalog, today=TODAY)
    assert (loaded.variation, loaded.rule, loaded.reps) == (LOADED, Rule.LOADED_BLOCK, "8-12")


# --- 7. effort and stalls -----------------------------------------------------------------------


def test_reps_falling_at_failure_call_for_a_deload(catalog: Catalog) -> None:
    (item,) = advice(catalog, "reps falling at failure")
    assert (item.rule, item.sets, item.box_height_cm) == (Rule.DELOAD, 2, 40)


def test_four_weeks_at_10_9_8_changes_one_thing(catalog: Catalog) -> None:
    sets = history(*(session(days, B(BOX, [10, 9, 8], 40, rir=2)) for days in (29, 22, 15, 8, 1)))
    (item,) = suggest(sets, catalog, today=TODAY)
    assert (item.rule, item.sets) == (Rule.VARY, 4)
    assert "The same 10/9/8 for 4 weeks" in item.reason


# --- 8. tempo -----------------------------------------------------------------------------------


def test_faster_reps_do_not_earn_a_lower_box(catalog: Catalog) -> None:
    (item,) = advice(catalog, "a faster tempo")
    assert (item.box_height_cm, item.tempo, item.rule) == (40, "3-1-1-0", Rule.KEEP)


# --- 9. abandoned sessions ----------------------------------------------------------------------


def test_abandoned_sessions_do_not_move_the_advice_and_are_mentioned(catalog: Catalog) -> None:
    (item,) = advice(catalog, "abandoned sessions")
    assert (item.box_height_cm, item.rule) == (25, Rule.KEEP)
    assert "2 sessions left after their first set are not counted" in item.reason


def test_a_0_rep_set_is_not_a_failure(catalog: Catalog) -> None:
    sets = history(
        session(5, B(BOX, [12, 12, 12], 40)),
        session(2, B(BOX, [12, 12, 0], 40)),
    )
    (item,) = suggest(sets, catalog, today=TODAY)
    assert item.rule is not Rule.EASIER
    assert "1 set of 0 reps is not counted" in item.reason


# --- 11. pointless steps ------------------------------------------------------------------------


def test_61_to_60_cm_is_not_a_step(catalog: Catalog) -> None:
    (item,) = advice(catalog, "pointless step")
    assert item.box_height_cm == 61
    assert "the chair (60 cm) is too small a step" in item.reason


# --- 12. the load in words ----------------------------------------------------------------------


def test_an_extrapolated_load_says_so(catalog: Catalog) -> None:
    (item,) = suggest(session(2, B(BOX, [12, 12, 12], 75)), catalog, today=TODAY)
    assert item.box_height_cm == 70
    assert "more weight on your hands (an extrapolated estimate)" in item.reason


def test_a_validated_load_does_not(catalog: Catalog) -> None:
    (item,) = suggest(session(2, B(BOX, [12, 12, 12], 40)), catalog, today=TODAY)
    assert item.box_height_cm == 30
    assert "about 8% more weight on your hands." in item.reason


# --- "Train this today" -------------------------------------------------------------------------


def test_train_this_today_keeps_the_blocks_their_rests_and_order(catalog: Catalog) -> None:
    items = advice(catalog, "ladder at the top")
    plan = plan_from_suggestions(items, catalog)
    assert [(b.box_height_cm, b.role) for b in plan.blocks] == [
        (55, SetRole.WARM_UP),
        (35, SetRole.WORK),
        (20, SetRole.WORK),
    ]
    assert parse_plan(plan_text(plan), catalog) == plan


# --- the properties ---------------------------------------------------------------------------

VARIATIONS = (BOX, FLOOR, LOADED, WALL, NEGATIVE, ECCENTRIC, KNEELING)
TARGETS = ("8-12", "5-8", "3-5", "10", "12-15", "20-25", "max", "3-8")
TEMPOS = ("3-1-1-0", "1-0-X-0", "2-0-1-0", "4-1-R-0", "5-1-R-0", "2-1-X-0")
ROLES = ("work", "work", "warm-up", "cool-down")

blocks = st.builds(
    B,
    variation=st.sampled_from(VARIATIONS),
    reps=st.lists(st.integers(0, 30), min_size=1, max_size=5),
    box=st.one_of(
        st.none(),
        st.floats(0, 120).map(lambda h: round(h, 1)),
        st.sampled_from([-5.0, 130.0, float("nan")]),
    ),
    target=st.sampled_from(TARGETS),
    tempo=st.sampled_from(TEMPOS),
    role=st.sampled_from(ROLES),
    rir=st.one_of(st.none(), st.integers(0, 5)),
    flags=st.dictionaries(st.integers(0, 4), st.just("Hips sagging"), max_size=2),
)
sessions = st.lists(
    st.tuples(st.integers(-40, 4000), st.lists(blocks, min_size=1, max_size=4), st.booleans()),
    min_size=0,
    max_size=8,
)
profiles = st.builds(
    EquipmentProfile,
    surfaces=st.lists(st.integers(0, 120), max_size=5, unique=True).map(
        lambda hs: tuple(Surface(f"s{h}", float(h)) for h in hs)
    ),
    stature_cm=st.floats(100, 230),
)


def _fix_box(block: B) -> B:
    """Only box variations carry a height (an imported one may lack it)."""
    if block.variation == BOX:
        return block
    return B(**{**block.__dict__, "box": None})


@settings(max_examples=300, deadline=None)
@given(sessions, profiles)
def test_for_any_history_the_coach_stays_within_its_rules(
    catalog: Catalog, made: list[tuple[int, list[B], bool]], profile: EquipmentProfile
) -> None:
    sets = history(
        *(
            session(days, *(_fix_box(b) for b in bs), finished=done, sid=index)
            for index, (days, bs, done) in enumerate(made)
        )
    )
    items = suggest(sets, catalog, profile, today=TODAY)  # never raises
    for item in items:
        assert item.variation != KNEELING
        if item.rule is Rule.HARDER and item.variation == item.from_variation == BOX:
            assert item.from_box_height_cm is not None and item.box_height_cm is not None
            drop = item.from_box_height_cm - item.box_height_cm
            assert (
                box_steps.MIN_STEP_CM - 1e-6
                <= drop
                <= box_steps.max_step_cm(item.from_box_height_cm) + 1e-6
            )
            more = box_steps.gain(item.from_box_height_cm, item.box_height_cm, profile.stature_cm)
            assert more <= box_steps.MAX_GAIN + 1e-9
        if item.from_variation == BOX and item.variation == FLOOR:
            assert item.from_box_height_cm is not None
            assert item.from_box_height_cm <= box_steps.MAX_STEP_CM
        if item.from_variation in (NEGATIVE, KNEELING) and item.variation == BOX:
            assert item.box_height_cm is not None
            assert box_share(item.box_height_cm, profile.stature_cm) <= KNEE_SHARE + 1e-9
        if item.rule in (Rule.EASIER, Rule.RETURN, Rule.DELOAD) and item.variation == BOX:
            assert item.box_height_cm is not None
            assert item.from_box_height_cm is None or item.box_height_cm >= (
                item.from_box_height_cm
            )
    # "Train this today" can always be played
    if items:
        plan = plan_from_suggestions(items, catalog)
        assert parse_plan(plan_text(plan), catalog) == plan


def test_every_seen_history_gets_advice_without_error(catalog: Catalog) -> None:
    for name, (sets, profile) in CASES.items():
        items = suggest(sets, catalog, profile, today=TODAY)
        assert items, name
        assert all(s.reason.endswith(".") for s in items), name


def test_no_history_no_advice(catalog: Catalog) -> None:
    assert suggest([], catalog, today=TODAY) == []
    future = session(-10, B(BOX, [12], 40))
    assert suggest(future, catalog, today=TODAY) == []


def test_a_box_height_not_recorded_is_never_stepped_from(catalog: Catalog) -> None:
    (item,) = suggest(session(2, B(BOX, [12, 12, 12], None)), catalog, today=TODAY)
    assert (item.rule, item.box_height_cm) == (Rule.KEEP, 45)
    assert "log its height" in item.reason


def test_an_impossible_box_height_in_a_damaged_log_is_left_out(catalog: Catalog) -> None:
    sets = history(session(5, B(BOX, [10, 10, 10], 40)), session(2, B(BOX, [12, 12, 12], 500)))
    (item,) = suggest(sets, catalog, today=TODAY)
    assert (item.box_height_cm, item.rule) == (40, Rule.KEEP)
