"""Box heights in the person's units: centimetres or inches."""

from __future__ import annotations

from enum import StrEnum

from app.domain.limits import CM_PER_INCH

# A box variation's set whose height was never recorded (imported from another app).
HEIGHT_NOT_RECORDED = "height not recorded"


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


def box_text(height_cm: float | None, units: Units, *, uses_box: bool) -> str:
    """``format_height``, or "height not recorded" for a box set without a height."""
    if height_cm is None and uses_box:
        return HEIGHT_NOT_RECORDED
    return format_height(height_cm, units)


def to_display(height_cm: float, units: Units) -> float:
    return height_cm / CM_PER_INCH if units is Units.INCHES else height_cm


def from_display(value: float, units: Units) -> float:
    """A height typed in the person's units, back in centimetres (to 0.1 cm)."""
    return round(value * CM_PER_INCH, 1) if units is Units.INCHES else value
