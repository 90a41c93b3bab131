"""Box heights in the person's units: centimetres or inches."""

from __future__ import annotations

from enum import StrEnum

CM_PER_INCH = 2.54


class Units(StrEnum):
    CM = "cm"
    INCHES = "in"


def format_height(height_cm: float | None, units: Units) -> str:
    """``45 cm`` or ``17.7 in``; an empty string when there is no box."""
    if height_cm is None:
        return ""
    if units is Units.INCHES:
        return f"{height_cm / CM_PER_INCH:.1f} in"
    return f"{height_cm:g} cm"


def to_display(height_cm: float, units: Units) -> float:
    return height_cm / CM_PER_INCH if units is Units.INCHES else height_cm


def from_display(value: float, units: Units) -> float:
    """A height typed in the person's units, back in centimetres (to 0.1 cm)."""
    return round(value * CM_PER_INCH, 1) if units is Units.INCHES else value
