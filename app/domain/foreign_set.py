"""A set as another workout app logged it, before it is mapped to this trainer's log."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

KG_PER_LB = 0.45359237
# Apps log a body-weight push up as 0, or as a placeholder 1.0 lb; more than that is a load.
BODY_WEIGHT_PLACEHOLDER_KG = 1.0 * KG_PER_LB


class SetKind(StrEnum):
    """How the other app marked the set."""

    WORK = "work"
    WARM_UP = "warm-up"
    DROP = "drop"
    FAILURE = "failure"


class WeightUnit(StrEnum):
    KG = "kg"
    LB = "lb"
    UNKNOWN = ""


@dataclass(frozen=True, slots=True)
class Weight:
    """An added load as written: Strong's classic export does not say its unit."""

    value: float
    unit: WeightUnit

    @property
    def is_real_load(self) -> bool:
        """More than the 1.0 lb some people log for body weight (a value of unknown unit
        counts the same, so a logged ``1`` never turns a push up into a loaded one)."""
        if self.unit is WeightUnit.KG:
            return self.value > BODY_WEIGHT_PLACEHOLDER_KG + 1e-9
        return self.value > 1.0

    def __str__(self) -> str:
        if self.unit is WeightUnit.KG:
            return f"{self.value:.3g} kg ({self.value / KG_PER_LB:.3g} lb)"
        if self.unit is WeightUnit.LB:
            return f"{self.value:.3g} lb ({self.value * KG_PER_LB:.3g} kg)"
        return f"{self.value:g} (unit not given)"


@dataclass(frozen=True, slots=True)
class ForeignSet:
    """One set row of another app's export (``line``: where it starts in the file)."""

    line: int
    workout_key: str
    workout_title: str
    started_at: datetime
    exercise: str
    reps: int
    weight: Weight | None
    kind: SetKind
    rpe: float | None


def reps_in_reserve(kind: SetKind, rpe: float | None) -> int | None:
    """Reps in reserve from a failure mark or an RPE (RPE 10 = 0 left, 9 = 1, ... 5 = 5).

    A half RPE rounds to the fewer reps in reserve; below RPE 5 the scale says too little
    to keep (people misjudge far from failure), so it is left empty.
    """
    if kind is SetKind.FAILURE:
        return 0
    if rpe is None or rpe < 5:
        return None
    return math.floor(10 - rpe)


def parse_rpe(text: str) -> float | None:
    """An RPE cell: empty, or 1-10 (halves allowed); ValueError otherwise."""
    stripped = text.strip()
    if not stripped:
        return None
    try:
        value = float(stripped)
    except ValueError:
        raise ValueError(f"RPE {text!r} is not a number") from None
    if not math.isfinite(value) or not 0 <= value <= 10:
        raise ValueError(f"RPE {text!r} must be 1-10")
    return None if value == 0 else value
