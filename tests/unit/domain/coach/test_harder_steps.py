"""The steps on, asked of HarderSteps directly, each by the variation's own route."""

from __future__ import annotations

from app.domain.coach.advice import Rule, Suggestion
from app.domain.coach.harder_steps import HarderSteps
from app.domain.equipment import EquipmentProfile, Surface
from app.storage.catalog import Catalog
from tests.fixtures.coach_histories import BOX, FLOOR, LOADED, NEGATIVE, WALL, B, session
from tests.unit.domain.coach.runs import runs


def step_on(catalog: Catalog, block: B, profile: EquipmentProfile | None = None) -> Suggestion:
    coach = HarderSteps(catalog, profile or EquipmentProfile())
    (run,) = runs(catalog, session(2, block))
    return coach.harder(coach.keep(run), run, catalog[run.key.variation_id])


def test_a_box_goes_one_step_lower(catalog: Catalog) -> None:
    item = step_on(catalog, B(BOX, [12, 12, 12], 45))
    assert (item.box_height_cm, item.rule) == (35, Rule.HARDER)


def test_from_the_lowest_box_the_next_step_is_the_floor(catalog: Catalog) -> None:
    item = step_on(catalog, B(BOX, [12, 12, 12], 10))
    assert (item.variation, item.box_height_cm) == (FLOOR, None)


def test_no_lower_surface_changes_one_thing_and_says_why(catalog: Catalog) -> None:
    profile = EquipmentProfile(surfaces=(Surface("counter", 90), Surface("stair", 20)))
    item = step_on(catalog, B(BOX, [12, 12, 12], 90), profile)
    assert item.rule is Rule.VARY
    assert "none of your surfaces is one step lower" in item.reason


def test_a_quick_floor_set_slows_its_lowering_first(catalog: Catalog) -> None:
    item = step_on(catalog, B(FLOOR, [12, 12, 12], tempo="1-0-1-0"))
    assert (item.rule, item.tempo) == (Rule.LONGER_LOWERING, "2-0-1-0")


def test_at_the_floor_the_rep_range_is_the_goal(catalog: Catalog) -> None:
    endurance = step_on(catalog, B(FLOOR, [20, 20, 20], target="15-20"))
    assert (endurance.rule, endurance.reps) == (Rule.HARDER, "20-25")
    slower = step_on(catalog, B(FLOOR, [12, 12, 12]))
    assert (slower.rule, slower.tempo) == (Rule.LONGER_LOWERING, "4-1-1-0")
    loaded = step_on(catalog, B(FLOOR, [12, 12, 12], tempo="4-1-1-0"))
    assert (loaded.rule, loaded.variation) == (Rule.LOADED_BLOCK, LOADED)
    build = step_on(catalog, B(FLOOR, [8, 8, 8], target="3-8"))
    assert (build.rule, build.reps) == (Rule.KEEP, "8-10")
    strong = step_on(catalog, B(FLOOR, [8, 8, 10], target="3-8"))
    assert (strong.rule, strong.reps) == (Rule.LOADED_BLOCK, "3-8")


def test_negatives_get_longer_then_move_to_a_box(catalog: Catalog) -> None:
    longer = step_on(catalog, B(NEGATIVE, [8, 8], target="5-8", tempo="3-0-R-0"))
    assert longer.rule is Rule.LONGER_LOWERING
    boxed = step_on(catalog, B(NEGATIVE, [8, 8], target="5-8", tempo="10-0-R-0"))
    assert boxed.variation == BOX


def test_off_the_wall_onto_the_highest_surface(catalog: Catalog) -> None:
    item = step_on(catalog, B(WALL, [15, 15]), EquipmentProfile(surfaces=(Surface("sill", 100),)))
    assert (item.variation, item.box_height_cm) == (BOX, 100)


def test_a_loaded_block_adds_load(catalog: Catalog) -> None:
    item = step_on(catalog, B(LOADED, [8, 8], target="5-8"))
    assert item.rule is Rule.ADD_LOAD
