"""One step down or up the box: how far the hands may move at once.

A harder step lowers the hands by 5 to 10 cm (at most 5 cm while they are above 50 cm) and
adds 3 to 15 % load. Where the load model is held at the wall estimate (high surfaces, short
people) every height carries the same estimated load, so there the 3 % floor cannot apply:
the step is still 5 cm, and flagged as an estimate; and low down, where even a full 10 cm
step adds less than 3 % for a tall person, the full step is taken. With saved surfaces only
those heights (and the floor) are offered; when the next one is further than a step, the
step is blocked and ``intermediate_cm`` names the height that would have been one step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.limits import MAX_BOX_HEIGHT_CM
from app.domain.load_model import (
    FLOOR_SHARE,
    box_share,
    box_share_extrapolated,
)

MAX_STEP_CM = 10.0
MAX_STEP_HIGH_CM = 5.0
HIGH_ABOVE_CM = 50.0
MIN_STEP_CM = 5.0
MIN_GAIN = 0.03
MAX_GAIN = 0.15
_EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class BoxStep:
    """Where the hands go next; ``height_cm`` 0 means the floor, None that no step fits."""

    height_cm: float | None
    gain: float = 0.0
    """Load after / load before - 1 (negative for an easier step)."""
    extrapolated: bool = False
    intermediate_cm: float | None = None
    too_far_cm: float | None = None
    """The next surface down, when it is further than one step."""


def max_step_cm(from_cm: float) -> float:
    """The largest drop allowed from ``from_cm``: 5 cm above 50 cm, 10 cm below."""
    return MAX_STEP_HIGH_CM if from_cm > HIGH_ABOVE_CM + _EPSILON else MAX_STEP_CM


def share_at(height_cm: float, stature_cm: float) -> float:
    """The load on the hands at ``height_cm`` (0: the floor push up's measured value)."""
    return FLOOR_SHARE if height_cm <= 0 else box_share(height_cm, stature_cm)


def extrapolated_at(height_cm: float, stature_cm: float) -> bool:
    return height_cm > 0 and box_share_extrapolated(height_cm, stature_cm)


def gain(from_cm: float, to_cm: float, stature_cm: float) -> float:
    """The change in load from one height to another (shares are never 0)."""
    return share_at(to_cm, stature_cm) / share_at(from_cm, stature_cm) - 1


def step_fits(from_cm: float, to_cm: float, stature_cm: float) -> bool:
    """A harder step within the caps: 5-10 cm (5 above 50 cm) and 3-15 % more load."""
    drop = from_cm - to_cm
    if drop > max_step_cm(from_cm) + _EPSILON or drop <= 0:
        return False
    if drop < MIN_STEP_CM - _EPSILON and to_cm > 0:
        return False
    more = gain(from_cm, to_cm, stature_cm)
    if more > MAX_GAIN + _EPSILON:
        return False
    if to_cm <= 0:
        return True  # the floor ends the ladder, however little it adds from a low box
    flat = box_share(from_cm, stature_cm) == box_share(to_cm, stature_cm)
    full_step = drop >= max_step_cm(from_cm) - _EPSILON
    return more >= MIN_GAIN - _EPSILON or flat or full_step


def harder(from_cm: float, stature_cm: float, surfaces: Sequence[float] = ()) -> BoxStep:
    """One step lower, within the caps; with saved surfaces, only to one of them or the floor."""
    standard = _standard_harder(from_cm, stature_cm)
    if not surfaces:
        return standard
    lower = sorted((h for h in surfaces if h < from_cm), reverse=True)
    candidates = [*lower, 0.0] if 0.0 not in lower else lower
    for height in candidates:
        if step_fits(from_cm, height, stature_cm):
            return _step(from_cm, height, stature_cm)
    return BoxStep(
        None,
        intermediate_cm=standard.height_cm,
        too_far_cm=lower[0] if lower else None,
    )


def easier(from_cm: float, stature_cm: float, surfaces: Sequence[float] = ()) -> BoxStep:
    """One step higher (0 cm: from the floor); None when nothing higher is at hand."""
    if surfaces:
        higher = sorted(h for h in surfaces if h >= from_cm + MIN_STEP_CM - _EPSILON)
        if not higher:
            return BoxStep(None)
        return _step(from_cm, higher[0], stature_cm)
    up = MAX_STEP_HIGH_CM if from_cm >= HIGH_ABOVE_CM - _EPSILON else MAX_STEP_CM
    target = min(from_cm + up, MAX_BOX_HEIGHT_CM)
    if target - from_cm < MIN_STEP_CM - _EPSILON:
        return BoxStep(None)
    return _step(from_cm, target, stature_cm)


def _standard_harder(from_cm: float, stature_cm: float) -> BoxStep:
    cap = max_step_cm(from_cm)
    if from_cm <= cap + _EPSILON and step_fits(from_cm, 0.0, stature_cm):
        return _step(from_cm, 0.0, stature_cm)
    drop = cap
    while drop >= MIN_STEP_CM - _EPSILON:
        target = round(from_cm - drop, 1)
        if target > 0 and step_fits(from_cm, target, stature_cm):
            return _step(from_cm, target, stature_cm)
        drop -= 1.0
    return BoxStep(None)


def _step(from_cm: float, to_cm: float, stature_cm: float) -> BoxStep:
    return BoxStep(
        to_cm,
        gain(from_cm, to_cm, stature_cm),
        extrapolated_at(from_cm, stature_cm) or extrapolated_at(to_cm, stature_cm),
    )
