"""One rule at a time, from the person's side: a history in, the advice for a block out."""

from __future__ import annotations

import pytest

from app.domain.coach.block_rules import BlockCoach
from app.domain.equipment import EquipmentProfile, Surface
from app.domain.progression import Rule, Suggestion, suggest
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
    history,
    session,
)
from tests.unit.domain.coach.runs import block_history


def one(catalog: Catalog, *sessions: list, profile: EquipmentProfile | None = None) -> Suggestion:  # type: ignore[type-arg]
    (item,) = suggest(history(*sessions), catalog, profile, today=TODAY)
    return item


def test_double_progression_lowers_the_box_one_step(catalog: Catalog) -> None:
    item = one(catalog, session(2, B(BOX, [12, 12, 12], 45)))
    assert (item.rule, item.box_height_cm, item.sets, item.reps) == (Rule.HARDER, 35, 3, "8-12")


def test_a_form_flag_holds_the_step_back(catalog: Catalog) -> None:
    item = one(catalog, session(2, B(BOX, [12, 12, 12], 45, flags={2: "Hips sagging"})))
    assert (item.rule, item.box_height_cm) == (Rule.KEEP, 45)
    assert "1 of 3 had a form flag" in item.reason


def test_two_sessions_well_short_raise_the_hands(catalog: Catalog) -> None:
    item = one(catalog, session(5, B(BOX, [8, 6, 5], 35)), session(2, B(BOX, [7, 5, 5], 35)))
    assert (item.rule, item.box_height_cm) == (Rule.EASIER, 45)


def test_one_bad_session_is_not_enough_to_step_back(catalog: Catalog) -> None:
    item = one(catalog, session(5, B(BOX, [10, 9, 9], 35)), session(2, B(BOX, [7, 5, 5], 35)))
    assert (item.rule, item.box_height_cm) == (Rule.KEEP, 35)


def test_stepping_back_never_jumps_to_a_far_surface(catalog: Catalog) -> None:
    profile = EquipmentProfile(surfaces=(Surface("counter", 90), Surface("stair", 35)))
    item = one(
        catalog,
        session(5, B(BOX, [8, 6, 5], 35)),
        session(2, B(BOX, [7, 5, 5], 35)),
        profile=profile,
    )
    assert (item.rule, item.box_height_cm, item.reps) == (Rule.EASIER, 35, "8")


@pytest.mark.parametrize("stature", [120.0, 175.0, 230.0])
def test_the_kneeling_push_up_is_replaced_by_a_box_no_harder(
    catalog: Catalog, stature: float
) -> None:
    item = one(
        catalog, session(2, B(KNEELING, [10, 10])), profile=EquipmentProfile(stature_cm=stature)
    )
    assert (item.rule, item.variation) == (Rule.OFF_THE_KNEES, BOX)


def test_kneeling_without_a_high_enough_surface_goes_to_the_wall(catalog: Catalog) -> None:
    profile = EquipmentProfile(surfaces=(Surface("step", 15),))
    item = one(catalog, session(2, B(KNEELING, [10, 10])), profile=profile)
    assert (item.rule, item.variation) == (Rule.OFF_THE_KNEES, WALL)


def test_negatives_lengthen_their_lowering_before_the_box(catalog: Catalog) -> None:
    item = one(catalog, session(2, B(NEGATIVE, [8, 8, 8], None, "5-8", "4-1-R-0")))
    assert (item.rule, item.variation, item.tempo) == (
        Rule.LONGER_LOWERING,
        NEGATIVE,
        "5-1-R-0",
    )


def test_the_loaded_block_adds_load_at_the_top_of_its_range(catalog: Catalog) -> None:
    item = one(catalog, session(2, B(LOADED, [8, 8, 8, 8], None, "3-8", "2-1-X-0")))
    assert (item.rule, item.variation) == (Rule.ADD_LOAD, LOADED)


def test_a_strength_block_at_the_floor_loads_after_a_clean_set_of_10(catalog: Catalog) -> None:
    item = one(catalog, session(2, B(FLOOR, [10, 8, 8], None, "5-8")))
    assert (item.rule, item.variation, item.reps) == (Rule.LOADED_BLOCK, LOADED, "3-8")
    short = one(catalog, session(2, B(FLOOR, [8, 8, 8], None, "5-8")))
    assert (short.variation, short.reps) == (FLOOR, "8-10")


def test_quick_floor_reps_first_slow_the_lowering(catalog: Catalog) -> None:
    item = one(catalog, session(2, B(FLOOR, [12, 12, 12], None, "8-12", "1-0-X-0")))
    assert (item.rule, item.tempo) == (Rule.LONGER_LOWERING, "2-0-X-0")


def test_a_box_just_above_the_floor_moves_to_the_floor(catalog: Catalog) -> None:
    item = one(catalog, session(2, B(BOX, [12, 12, 12], 10)))
    assert (item.rule, item.variation, item.box_height_cm) == (Rule.HARDER, FLOOR, None)


def test_a_floor_trainee_back_after_three_weeks_uses_a_low_box(catalog: Catalog) -> None:
    item = one(catalog, session(21, B(FLOOR, [10, 10, 9])))
    assert (item.rule, item.variation, item.box_height_cm) == (Rule.RETURN, BOX, 10)


def test_eccentrics_back_after_a_break_shorten_their_lowering(catalog: Catalog) -> None:
    item = one(catalog, session(20, B(ECCENTRIC, [4, 4], None, "3-5", "5-1-R-0")))
    assert (item.rule, item.tempo) == (Rule.RETURN, "4-1-R-0")


def test_a_stall_at_five_sets_slows_the_lowering(catalog: Catalog) -> None:
    sessions = [session(d, B(BOX, [10, 9, 8, 8, 8], 40)) for d in (22, 15, 8, 1)]
    item = one(catalog, *sessions)
    assert (item.rule, item.sets, item.tempo) == (Rule.VARY, 5, "4-1-1-0")


def test_two_weeks_of_the_same_numbers_is_not_yet_a_stall(catalog: Catalog) -> None:
    sessions = [session(d, B(BOX, [10, 9, 8], 40)) for d in (15, 8, 1)]
    assert one(catalog, *sessions).rule is Rule.KEEP


def test_a_single_deload_set_steps_the_box_up(catalog: Catalog) -> None:
    sessions = [session(d, B(BOX, [12 - k], 40, "8-12", rir=0)) for k, d in enumerate((9, 5, 1))]
    item = one(catalog, *sessions)
    assert (item.rule, item.box_height_cm, item.sets) == (Rule.DELOAD, 50, 1)


@pytest.mark.parametrize("days_ago", [2, 30])
def test_a_box_height_never_recorded_is_not_stepped_from(catalog: Catalog, days_ago: int) -> None:
    """Sets imported from another app: hands-elevated, but nobody wrote down how high."""
    item = one(
        catalog,
        session(days_ago + 7, B(BOX, [8, 6, 5], None, target="5-8", tempo="1-0-X-0")),
        session(days_ago, B(BOX, [12, 12, 12], None, target="12", tempo="1-0-X-0")),
    )
    assert (item.rule, item.from_box_height_cm, item.box_height_cm) == (Rule.KEEP, None, 45)
    assert (item.reps, item.tempo) == ("8-12", "3-1-1-0")
    assert item.reason.startswith("These sets do not say how high your hands were: start at 45 cm")


def test_a_box_height_never_recorded_months_ago_asks_for_a_test_set(catalog: Catalog) -> None:
    item = one(catalog, session(120, B(BOX, [12, 12, 12], None, target="12", tempo="1-0-X-0")))
    assert (item.rule, item.box_height_cm, item.sets, item.reps) == (Rule.RETEST, 45, 1, "max")
    assert item.reason == (
        "It has been 17 weeks, and these sets do not say how high your hands were: do one"
        " test set at 45 cm or your usual box, stopping when your form breaks, and log its"
        " height so the coach can step it."
    )


def test_the_block_coach_takes_one_history_at_a_time(catalog: Catalog) -> None:
    """BlockCoach.advise on its own: the order of the rules, the first that applies wins."""
    coach = BlockCoach(catalog, EquipmentProfile())
    top = block_history(catalog, session(2, B(BOX, [12, 12, 12], 45)))
    assert coach.advise(top).rule is Rule.HARDER
    long_off = block_history(catalog, session(2, B(BOX, [12, 12, 12], 45)), days_off=70)
    assert coach.advise(long_off).rule is Rule.RETEST
    back = block_history(catalog, session(2, B(BOX, [12, 12, 12], 45)), days_off=20)
    assert coach.advise(back).rule is Rule.RETURN
    kneeling = block_history(catalog, session(2, B(KNEELING, [10, 10])))
    assert coach.advise(kneeling).rule is Rule.OFF_THE_KNEES
    tested = block_history(catalog, session(2, B(FLOOR, [7], target="max")))
    assert coach.advise(tested).reason.startswith("A test set")
