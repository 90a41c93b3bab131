"""The Quick session form's answers become plan text that reads back as the same plan."""

from __future__ import annotations

import dataclasses

import pytest

from app.domain.plan import parse_plan
from app.domain.problems import InputError
from app.domain.quick_session import QuickSession, quick_plan, quick_plan_text
from app.storage.catalog import Catalog


def test_a_number_of_reps_is_written_as_a_number_and_a_range_as_text(catalog: Catalog) -> None:
    floor = catalog["floor-push-up"]
    assert "reps = 10\n" in quick_plan_text(
        QuickSession("floor-push-up", None, 2, " 10 ", "3-1-1-0", 60), floor
    )
    assert 'reps = "8-12"\n' in quick_plan_text(
        QuickSession("floor-push-up", None, 2, "8-12", "3-1-1-0", 60), floor
    )


def test_a_box_variation_without_a_height_takes_its_default(catalog: Catalog) -> None:
    box = catalog["hands-elevated-push-up"]
    plan, _ = quick_plan(QuickSession(box.id, None, 3, "5", "3-1-1-0", 90), catalog)
    assert plan.blocks[0].box_height_cm == box.default_box_height_cm


def test_any_name_and_typed_text_stay_inside_their_strings(catalog: Catalog) -> None:
    odd = dataclasses.replace(catalog["floor-push-up"], name='Odd "name" \\ with\x07 bell')
    quick = QuickSession("floor-push-up", None, 2, 'max"\nsets = 99', '3-1-1-0"\x00', 60)
    with pytest.raises(InputError) as raised:
        parse_plan(quick_plan_text(quick, odd), catalog)
    # The typed text is judged as reps and tempo, never read as more TOML.
    messages = " ".join(p.message for p in raised.value.problems)
    assert "reps" in messages and "tempo" in messages and "not valid TOML" not in messages


def test_the_title_names_the_variation(catalog: Catalog) -> None:
    odd = dataclasses.replace(catalog["floor-push-up"], name='Odd "name" \\ with\x07 bell')
    quick = QuickSession("floor-push-up", None, 2, "10", "3-1-1-0", 60)
    plan = parse_plan(quick_plan_text(quick, odd), catalog)
    assert plan.title == 'Quick session: Odd "name" \\ with\x07 bell'
