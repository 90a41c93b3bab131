from __future__ import annotations

import pytest

from app.domain.foreign_set import SetKind, Weight, WeightUnit, parse_rpe, reps_in_reserve


@pytest.mark.parametrize(
    ("rpe", "rir"),
    [(10, 0), (9, 1), (8, 2), (7, 3), (6, 4), (5, 5), (9.5, 0), (7.5, 2), (4, None), (None, None)],
)
def test_rpe_becomes_reps_in_reserve(rpe: float | None, rir: int | None) -> None:
    assert reps_in_reserve(SetKind.WORK, rpe) == rir


def test_a_set_to_failure_has_no_reps_in_reserve_whatever_its_rpe() -> None:
    assert reps_in_reserve(SetKind.FAILURE, None) == 0
    assert reps_in_reserve(SetKind.FAILURE, 7) == 0
    assert reps_in_reserve(SetKind.DROP, 8) == 2


@pytest.mark.parametrize(
    ("weight", "loaded"),
    [
        (Weight(0, WeightUnit.KG), False),
        (Weight(1.0, WeightUnit.LB), False),
        (Weight(0.45, WeightUnit.KG), False),
        (Weight(0.5, WeightUnit.KG), True),
        (Weight(1.5, WeightUnit.LB), True),
        (Weight(1.0, WeightUnit.UNKNOWN), False),
        (Weight(15.0, WeightUnit.UNKNOWN), True),
    ],
)
def test_one_pound_or_less_is_body_weight(weight: Weight, loaded: bool) -> None:
    assert weight.is_real_load is loaded


def test_a_load_is_shown_in_both_units_unless_the_file_does_not_say() -> None:
    assert str(Weight(10, WeightUnit.KG)) == "10 kg (22 lb)"
    assert str(Weight(21, WeightUnit.LB)) == "21 lb (9.53 kg)"
    assert str(Weight(15, WeightUnit.UNKNOWN)) == "15 (unit not given)"


def test_rpe_cells() -> None:
    assert parse_rpe(" 8.5 ") == 8.5
    assert parse_rpe("") is None
    assert parse_rpe("0") is None
    with pytest.raises(ValueError, match="must be 1-10"):
        parse_rpe("11")
    with pytest.raises(ValueError, match="not a number"):
        parse_rpe("hard")
