"""The steps back, asked of EasierSteps directly: easier, retest, deload, vary, off the knees."""

from __future__ import annotations

from dataclasses import replace

from app.domain.coach.advice import Rule
from app.domain.coach.easier_steps import EasierSteps, stand_in_run
from app.domain.equipment import EquipmentProfile, Surface
from app.storage.catalog import Catalog
from tests.fixtures.coach_histories import BOX, FLOOR, KNEELING, LOADED, B, session
from tests.unit.domain.coach.runs import runs


def coach(catalog: Catalog, profile: EquipmentProfile | None = None) -> EasierSteps:
    return EasierSteps(catalog, profile or EquipmentProfile())


def test_keep_repeats_the_block_as_it_was(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(2, B(BOX, [10, 9, 9], 45)))
    keep = coach(catalog).keep(run)
    assert (keep.variation, keep.box_height_cm, keep.sets, keep.reps) == (BOX, 45, 3, "8-12")
    assert (keep.rule, keep.from_variation, keep.from_tempo) == (Rule.KEEP, BOX, "3-1-1-0")


def test_easier_raises_the_box_one_step(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(2, B(BOX, [5, 5, 4], 45)))
    steps = coach(catalog)
    easier = steps.easier(steps.keep(run), run, "Too hard", Rule.EASIER, bottom_first=False)
    assert (easier.box_height_cm, easier.rule) == (55, Rule.EASIER)
    assert easier.reason == "Too hard: raise your hands to 55 cm."


def test_from_the_floor_the_step_back_is_a_box(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(2, B(FLOOR, [4, 3])))
    steps = coach(catalog)
    easier = steps.easier(steps.keep(run), run, "Too hard", Rule.EASIER, bottom_first=False)
    assert easier.variation == BOX and easier.box_height_cm is not None


def test_bottom_first_aims_for_the_bottom_of_the_range(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(2, B(BOX, [8, 8], 45)))
    steps = coach(catalog)
    easier = steps.easier(steps.keep(run), run, "Back again", Rule.RETURN, bottom_first=True)
    assert (easier.reps, easier.box_height_cm, easier.rule) == ("8", 45, Rule.RETURN)


def test_no_surface_one_step_up_keeps_the_block_at_the_bottom_of_the_range(
    catalog: Catalog,
) -> None:
    (run,) = runs(catalog, session(2, B(BOX, [5, 5], 45)))
    steps = coach(catalog, EquipmentProfile(surfaces=(Surface("counter", 90),)))
    easier = steps.easier(steps.keep(run), run, "Too hard", Rule.EASIER, bottom_first=False)
    assert (easier.box_height_cm, easier.reps) == (45, "8")


def test_a_loaded_block_steps_back_by_taking_off_load(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(2, B(LOADED, [3, 3], target="5-8")))
    steps = coach(catalog)
    easier = steps.easier(steps.keep(run), run, "Too hard", Rule.EASIER, bottom_first=False)
    assert easier.reason == "Too hard: take off some of the load."


def test_retest_and_deload(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(2, B(FLOOR, [8, 7, 6])))
    steps = coach(catalog)
    retest = steps.retest(steps.keep(run), 70)
    assert (retest.sets, retest.reps, retest.rule) == (1, "max", Rule.RETEST)
    assert retest.reason.startswith("It has been 10 weeks")
    deload = steps.deload(steps.keep(run), run)
    assert (deload.sets, deload.rule) == (2, Rule.DELOAD)


def test_vary_adds_a_set_then_slows_the_lowering(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(2, B(FLOOR, [9, 9, 9])))
    steps = coach(catalog)
    keep = steps.keep(run)
    assert steps.vary(keep, run, "Stuck").sets == 4

    slower = steps.vary(replace(keep, sets=5), run, "Stuck")
    assert (slower.sets, slower.tempo) == (5, "4-1-1-0")


def test_vary_then_rests_longer_within_the_goal_and_says_so(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(2, B(FLOOR, [9, 9, 9], tempo="4-1-1-0")))
    steps = coach(catalog)
    at_limits = replace(steps.keep(run), sets=5, rest_s=90)
    longer = steps.vary(at_limits, run, "Stuck")
    assert (longer.rule, longer.rest_s, longer.sets, longer.tempo) == (
        Rule.VARY,
        120,
        5,
        "4-1-1-0",
    )
    assert longer.reason == "Stuck: rest 120 s between sets instead of 90 s."
    capped = steps.vary(replace(at_limits, rest_s=170), run, "Stuck")
    assert capped.rest_s == 180  # 8-12 reps: hypertrophy rests up to 3 min
    same = steps.vary(replace(at_limits, rest_s=180), run, "Stuck")
    assert (same.rule, same.rest_s) == (Rule.KEEP, 180)
    assert same.reason.endswith("already: aim for one more rep in your first set.")


def test_an_endurance_or_strength_range_has_its_own_longest_rest(catalog: Catalog) -> None:
    steps = coach(catalog)
    for target, longest in (("15-20", 60), ("10-15", 60), ("8-12", 180), ("5-8", 300)):
        (run,) = runs(catalog, session(2, B(FLOOR, [16, 16], target=target, tempo="4-1-1-0")))
        item = steps.vary(replace(steps.keep(run), sets=5, rest_s=longest - 10), run, "Stuck")
        assert item.rest_s == longest


def test_off_the_knees_goes_to_a_box_no_harder_than_the_knees(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(2, B(KNEELING, [10, 10])))
    steps = coach(catalog)
    box = steps.off_the_knees(steps.keep(run))
    assert (box.variation, box.rule) == (BOX, Rule.OFF_THE_KNEES)
    assert box.reason.endswith("no harder than a knee push up.")


def test_a_stand_in_run_carries_the_suggestion(catalog: Catalog) -> None:
    (run,) = runs(catalog, session(2, B(BOX, [10, 9], 45)))
    stand_in = stand_in_run(coach(catalog).keep(run))
    assert (stand_in.key, stand_in.planned_sets, stand_in.reps) == (run.key, 2, ())
