"""Every coaching rule, each on a hand-made history, checked against the exact advice."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.domain.equipment import EquipmentProfile, Surface
from app.domain.progression import (
    Rule,
    Suggestion,
    TrainedSet,
    plan_from_suggestions,
    suggest,
)
from app.storage.catalog import Catalog

T0 = datetime.fromisoformat("2026-03-02T18:00:00+01:00")
BOX = "hands-elevated-push-up"
HOME = EquipmentProfile(
    surfaces=(
        Surface("kitchen counter", 90),
        Surface("bench", 45),
        Surface("chair", 43),
        Surface("second stair", 30),
        Surface("first stair", 15),
    )
)


def session(
    day: int,
    variation: str,
    reps: list[int],
    *,
    box: float | None = None,
    tempo: str = "3-1-1-0",
    target: str = "8-12",
    flags: dict[int, str] | None = None,
) -> list[TrainedSet]:
    start = T0 + timedelta(days=day)
    return [
        TrainedSet(
            session_id=day,
            ended_at=(start + timedelta(minutes=3 * index)).isoformat(),
            variation_id=variation,
            box_height_cm=box,
            tempo=tempo,
            target_reps=target,
            reps=count,
            form_flags=((flags or {})[index],) if index in (flags or {}) else (),
        )
        for index, count in enumerate(reps)
    ]


def only(
    catalog: Catalog, *sessions: list[TrainedSet], profile: EquipmentProfile | None = None
) -> Suggestion:
    advice = suggest([s for one in sessions for s in one], catalog, profile)
    assert len(advice) == 1
    return advice[0]


def test_every_set_at_the_top_lowers_the_box_one_standard_step(catalog: Catalog) -> None:
    advice = only(catalog, session(0, BOX, [12, 12, 12], box=45))
    assert advice == Suggestion(
        from_variation=BOX,
        variation=BOX,
        box_height_cm=40,
        sets=3,
        reps="8-12",
        tempo="3-1-1-0",
        reason="Every set reached 12 clean reps: lower your hands to 40 cm, "
        "about 5% more weight on them.",
        rule=Rule.HARDER,
    )


def test_standard_steps_are_5_cm_above_50_cm(catalog: Catalog) -> None:
    assert only(catalog, session(0, BOX, [12, 12], box=60)).box_height_cm == 55


def test_with_equipment_the_next_surface_must_add_at_least_5_percent(catalog: Catalog) -> None:
    # The chair (43 cm) adds under 2%, so the coach skips it for the second stair.
    advice = only(catalog, session(0, BOX, [12, 12, 12], box=45), profile=HOME)
    assert advice.box_height_cm == 30
    assert advice.rule is Rule.HARDER
    assert "second stair (30 cm)" in advice.reason


def test_one_set_short_of_the_top_keeps_everything(catalog: Catalog) -> None:
    advice = only(catalog, session(0, BOX, [12, 12, 11], box=45))
    assert (advice.variation, advice.box_height_cm, advice.rule) == (BOX, 45, Rule.KEEP)
    assert advice.reason == "2 of 3 sets reached 12: stay here until all of them do."


def test_a_form_flag_holds_back_the_progression(catalog: Catalog) -> None:
    advice = only(catalog, session(0, BOX, [12, 12, 12], box=45, flags={1: "Hips sagging"}))
    assert advice.rule is Rule.KEEP
    assert advice.box_height_cm == 45
    assert "hips sagging" in advice.reason


@pytest.mark.parametrize("box", [10.0, 0.0])
def test_the_last_step_is_the_floor_push_up(catalog: Catalog, box: float) -> None:
    advice = only(catalog, session(0, BOX, [12, 12, 12], box=box))
    assert (advice.variation, advice.box_height_cm) == ("floor-push-up", None)
    assert (advice.reps, advice.tempo, advice.sets) == ("8-12", "3-1-1-0", 3)


def test_with_no_lower_surface_the_next_step_is_the_floor(catalog: Catalog) -> None:
    advice = only(catalog, session(0, BOX, [12, 12], box=15), profile=HOME)
    assert advice.variation == "floor-push-up"
    assert "no lower step" in advice.reason


def test_ten_clean_floor_reps_start_the_loaded_strength_block(catalog: Catalog) -> None:
    advice = only(catalog, session(0, "floor-push-up", [10, 8, 7]))
    assert advice == Suggestion(
        from_variation="floor-push-up",
        variation="loaded-push-up",
        box_height_cm=None,
        sets=3,
        reps="3-8",
        tempo="2-1-X-0",
        reason="You did 10 clean floor push ups in one set: time to add load and train "
        "strength in sets of 3 to 8.",
        rule=Rule.LOADED_BLOCK,
    )


def test_ten_floor_reps_with_a_form_flag_do_not_count(catalog: Catalog) -> None:
    advice = only(catalog, session(0, "floor-push-up", [10, 8], flags={0: "Hips sagging"}))
    assert (advice.variation, advice.rule) == ("floor-push-up", Rule.KEEP)


def test_two_sessions_in_a_row_far_below_the_range_raise_the_box(catalog: Catalog) -> None:
    advice = only(
        catalog,
        session(0, BOX, [9, 7, 6], box=40),
        session(2, BOX, [8, 6, 5], box=40),
    )
    assert (advice.box_height_cm, advice.rule) == (50, Rule.EASIER)
    assert advice.reason.startswith("Two sessions in a row")


def test_one_bad_session_is_not_enough_to_step_back(catalog: Catalog) -> None:
    advice = only(
        catalog,
        session(0, BOX, [9, 7, 6], box=40),
        session(2, BOX, [9, 8, 7], box=40),
    )
    assert (advice.box_height_cm, advice.rule) == (40, Rule.KEEP)


def test_stepping_back_with_equipment_needs_5_percent_less(catalog: Catalog) -> None:
    struggled = [session(day, BOX, [6, 5], box=43) for day in (0, 2)]
    # The bench (45 cm) takes off under 2%; the counter is the next real step up.
    assert only(catalog, *struggled, profile=HOME).box_height_cm == 90


def test_negative_knee_push_ups_lengthen_the_lowering_first(catalog: Catalog) -> None:
    advice = only(
        catalog, session(0, "negative-knee-push-up", [8, 8, 8], tempo="3-1-R-0", target="5-8")
    )
    assert (advice.variation, advice.tempo, advice.rule) == (
        "negative-knee-push-up",
        "4-1-R-0",
        Rule.LONGER_LOWERING,
    )
    assert advice.reason == "Every set reached 8 clean reps: take 4 s to lower instead of 3 s."


def test_after_a_5_s_lowering_the_box_matches_a_knee_push_up(catalog: Catalog) -> None:
    history = session(0, "negative-knee-push-up", [8, 8], tempo="5-1-R-0", target="5-8")
    standard = only(catalog, history)
    assert (standard.variation, standard.box_height_cm) == (BOX, 50)
    assert (standard.reps, standard.tempo) == ("8-12", "3-1-1-0")
    assert only(catalog, history, profile=HOME).box_height_cm == 45


def test_the_kneeling_push_up_is_replaced_by_a_box_of_the_same_load(catalog: Catalog) -> None:
    advice = only(catalog, session(0, "kneeling-push-up", [10, 9, 9]))
    assert (advice.variation, advice.box_height_cm, advice.rule) == (
        BOX,
        50,
        Rule.OFF_THE_KNEES,
    )


def test_struggling_on_the_knees_steps_back_to_negatives(catalog: Catalog) -> None:
    advice = only(
        catalog,
        session(0, "kneeling-push-up", [5, 4]),
        session(1, "kneeling-push-up", [5, 4]),
    )
    assert (advice.variation, advice.rule) == ("negative-knee-push-up", Rule.EASIER)


def test_the_kneeling_push_up_is_never_suggested(catalog: Catalog) -> None:
    for variation in catalog:
        for reps in ([1, 1], [30, 30]):
            box = 45.0 if catalog[variation].uses_box else None
            history = session(0, variation, reps, box=box) + session(1, variation, reps, box=box)
            for advice in suggest(history, catalog):
                assert advice.variation != "kneeling-push-up"
            for advice in suggest(history, catalog, HOME):
                assert advice.variation != "kneeling-push-up"


def test_the_loaded_block_at_the_top_adds_load(catalog: Catalog) -> None:
    advice = only(catalog, session(0, "loaded-push-up", [8, 8, 8], tempo="2-1-X-0", target="3-8"))
    assert (advice.variation, advice.reps, advice.rule) == ("loaded-push-up", "3-8", Rule.ADD_LOAD)


def test_the_wall_push_up_moves_to_the_smallest_harder_step(catalog: Catalog) -> None:
    advice = only(catalog, session(0, "wall-push-up", [15, 15], tempo="2-0-2-0", target="10-15"))
    assert (advice.variation, advice.box_height_cm) == (BOX, 60)


def test_only_variations_trained_recently_get_advice(catalog: Catalog) -> None:
    history = session(0, "wall-push-up", [15, 15]) + session(40, BOX, [10, 9], box=45)
    assert [a.from_variation for a in suggest(history, catalog)] == [BOX]
    history += session(50, "floor-push-up", [5, 4])
    assert [a.from_variation for a in suggest(history, catalog)] == ["floor-push-up", BOX]


def test_no_history_no_advice(catalog: Catalog) -> None:
    assert suggest([], catalog) == []


def test_one_click_turns_the_advice_into_a_session(catalog: Catalog) -> None:
    history = session(0, BOX, [12, 12, 12], box=45) + session(1, "floor-push-up", [6, 5])
    plan = plan_from_suggestions(suggest(history, catalog), catalog)
    assert [(b.variation_id, b.sets, b.box_height_cm) for b in plan.blocks] == [
        ("floor-push-up", 2, None),
        (BOX, 3, 40),
    ]
    assert str(plan.blocks[1].reps) == "8-12"
