"""A side view of the body line at the top of a push up, computed from the geometry.

The same model as the load estimate: the body is a straight line from the pivot (toes,
knees) to the shoulders, the hands sit right under the shoulders on the box, and the
shoulders are ``SHOULDER_ABOVE_HANDS_M`` above the hands. Lengths are in centimetres,
x grows away from the box, y up from the floor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.domain.variation import Support

DEFAULT_STATURE_CM = 175.0
TOE_TO_SHOULDER = 0.80
KNEE_TO_SHOULDER = 0.52
SHOULDER_ABOVE_HANDS_CM = 25.5
HEAD_RADIUS_CM = 11.0
BOX_DEPTH_CM = 40.0
WALL_FEET_DISTANCE = 0.55


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class BodyLine:
    """The drawn points; ``box_height_cm`` is 0 for the floor and None against a wall."""

    support: Support
    box_height_cm: float | None
    hand: Point
    shoulder: Point
    hip: Point
    pivot: Point
    foot: Point
    head: Point
    head_radius: float
    angle_deg: float
    """The body line's angle above the floor."""


def body_line(
    support: Support, box_height_cm: float | None, stature_cm: float = DEFAULT_STATURE_CM
) -> BodyLine:
    """The body at the top position for ``support`` with the hands at ``box_height_cm``."""
    if support is Support.WALL:
        return _wall(stature_cm)
    height = max(0.0, box_height_cm or 0.0)
    length = stature_cm * (TOE_TO_SHOULDER if support is Support.TOES else KNEE_TO_SHOULDER)
    shoulder_y = height + SHOULDER_ABOVE_HANDS_CM
    rise = min(shoulder_y, length * 0.98)
    angle = math.asin(rise / length)
    shoulder = Point(0.0, shoulder_y)
    pivot = Point(length * math.cos(angle), 0.0)
    hip = _along(shoulder, pivot, 0.62 if support is Support.TOES else 0.85)
    foot = pivot
    if support is Support.KNEES:
        foot = Point(pivot.x + 0.28 * stature_cm, 0.0)
    head = _along(shoulder, pivot, -(HEAD_RADIUS_CM + 6.0) / length)
    return BodyLine(
        support=support,
        box_height_cm=height,
        hand=Point(0.0, height),
        shoulder=shoulder,
        hip=hip,
        pivot=pivot,
        foot=foot,
        head=head,
        head_radius=HEAD_RADIUS_CM,
        angle_deg=math.degrees(angle),
    )


def _wall(stature_cm: float) -> BodyLine:
    """Standing, leaning on a wall at x = 0 with the hands at shoulder height."""
    length = stature_cm * TOE_TO_SHOULDER
    feet_x = stature_cm * WALL_FEET_DISTANCE
    arm = SHOULDER_ABOVE_HANDS_CM + 30.0
    shoulder_x = min(arm, feet_x * 0.9)
    shoulder_y = math.sqrt(max(1.0, length**2 - (feet_x - shoulder_x) ** 2))
    shoulder = Point(shoulder_x, shoulder_y)
    pivot = Point(feet_x, 0.0)
    return BodyLine(
        support=Support.WALL,
        box_height_cm=None,
        hand=Point(0.0, shoulder_y),
        shoulder=shoulder,
        hip=_along(shoulder, pivot, 0.62),
        pivot=pivot,
        foot=pivot,
        head=_along(shoulder, pivot, -(HEAD_RADIUS_CM + 6.0) / length),
        head_radius=HEAD_RADIUS_CM,
        angle_deg=math.degrees(math.atan2(shoulder_y, feet_x - shoulder_x)),
    )


def _along(start: Point, end: Point, fraction: float) -> Point:
    return Point(start.x + (end.x - start.x) * fraction, start.y + (end.y - start.y) * fraction)
