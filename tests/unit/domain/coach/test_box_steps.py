"""One step down or up the box, within the caps of DOMAIN.md section 4."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.coach.box_steps import MAX_GAIN, MIN_STEP_CM, easier, harder, max_step_cm


@pytest.mark.parametrize(
    ("from_cm", "to_cm"), [(90, 85), (61, 56), (55, 50), (50, 40), (45, 35), (20, 10), (10, 0)]
)
def test_standard_steps_are_5_cm_above_50_and_10_below(from_cm: float, to_cm: float) -> None:
    assert harder(from_cm, 175).height_cm == to_cm


def test_a_saved_surface_too_far_down_blocks_the_step_and_names_the_height_between() -> None:
    step = harder(90, 175, (90, 20))
    assert (step.height_cm, step.too_far_cm, step.intermediate_cm) == (None, 20, 85)


def test_a_surface_1_cm_lower_is_not_a_step() -> None:
    assert harder(61, 175, (61, 60)).height_cm is None
    assert harder(30.5, 175, (30.5, 30)).height_cm is None


def test_the_floor_ends_the_ladder_from_10_cm_or_lower() -> None:
    assert harder(10, 175, (10, 45)).height_cm == 0
    assert harder(5, 190).height_cm == 0


def test_where_the_model_is_held_at_the_wall_estimate_the_step_is_flagged() -> None:
    step = harder(100, 155)
    assert (step.height_cm, step.extrapolated) == (95, True)
    assert step.gain == pytest.approx(0)


def test_easier_is_one_step_up_and_stops_at_120_cm() -> None:
    assert easier(45, 175).height_cm == 55
    assert easier(60, 175).height_cm == 65
    assert easier(120, 175).height_cm is None
    assert easier(45, 175, (90, 50)).height_cm == 50


@given(st.floats(1, 120), st.floats(100, 230), st.lists(st.integers(0, 120), max_size=6))
def test_a_harder_step_never_goes_past_the_caps(
    from_cm: float, stature: float, surfaces: list[int]
) -> None:
    step = harder(from_cm, stature, tuple(float(s) for s in surfaces))
    if step.height_cm is None:
        return
    drop = from_cm - step.height_cm
    assert drop <= max_step_cm(from_cm) + 1e-6
    assert drop >= MIN_STEP_CM - 1e-6 or step.height_cm == 0
    assert step.gain <= MAX_GAIN + 1e-9
