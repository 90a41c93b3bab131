from __future__ import annotations

import pytest

from app.domain.foreign_set import Weight, WeightUnit
from app.storage.imports import cells


def test_numbers_with_stray_spaces_and_floats_for_reps() -> None:
    assert cells.reps(" 14") == 14
    assert cells.reps("10.0") == 10
    assert cells.reps("") is None
    assert cells.weight(" 7.5", WeightUnit.KG, "Weight") == Weight(7.5, WeightUnit.KG)
    assert cells.weight("", WeightUnit.KG, "weight_kg") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9.5", "whole number"),
        ("-1", "whole number"),
        ("x", "not a number"),
        ("nan", "not a number"),
    ],
)
def test_bad_reps_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        cells.reps(text, "Reps")


def test_units_by_name() -> None:
    assert cells.unit_named("kgs", "Weight Unit") is WeightUnit.KG
    assert cells.unit_named("LBS", "Weight Unit") is WeightUnit.LB
    assert cells.unit_named("", "Weight Unit") is WeightUnit.UNKNOWN
    with pytest.raises(ValueError, match="must be kg or lbs"):
        cells.unit_named("stone", "Weight Unit")
    with pytest.raises(ValueError, match="must be 0-2000"):
        cells.weight("-5", WeightUnit.KG, "Weight")
