"""Reading one cell of another app's export: numbers with stray spaces, whole reps."""

from __future__ import annotations

import math
from collections.abc import Mapping

from app.domain.foreign_set import Weight, WeightUnit
from app.domain.limits import MAX_LOGGED_REPS

Cells = Mapping[str, str]


def number(text: str, name: str) -> float | None:
    """A decimal number (``" 14"`` and ``10.0`` included); None when empty."""
    stripped = text.strip()
    if not stripped:
        return None
    try:
        value = float(stripped)
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{name} {text!r} is not a number")
    return value


def reps(text: str, name: str = "reps") -> int | None:
    """Whole reps 0-1000, written as ``12`` or ``12.0``; None when empty."""
    value = number(text, name)
    if value is None:
        return None
    if value != int(value) or not 0 <= value <= MAX_LOGGED_REPS:
        raise ValueError(f"{name} {text!r} must be a whole number 0-{MAX_LOGGED_REPS}")
    return int(value)


def weight(text: str, unit: WeightUnit, name: str) -> Weight | None:
    """An added load, 0 or more; None when the cell is empty."""
    value = number(text, name)
    if value is None:
        return None
    if value < 0 or value > 2000:
        raise ValueError(f"{name} {text!r} must be 0-2000")
    return Weight(value, unit)


def unit_named(text: str, name: str) -> WeightUnit:
    """``kg``/``kgs`` or ``lb``/``lbs`` (any case); empty means not given."""
    word = text.strip().lower()
    if word in ("kg", "kgs"):
        return WeightUnit.KG
    if word in ("lb", "lbs"):
        return WeightUnit.LB
    if not word:
        return WeightUnit.UNKNOWN
    raise ValueError(f"{name} {text!r} must be kg or lbs")
