"""How much of the body's weight the hands carry, per variation and box height.

Measured values (force plates, Ebben et al. 2011, peak force during reps) are used for the
variations that were measured; one study throughout, so that every number on one chart was
taken the same way. Hands-elevated push ups use a model fitted to Ebben's three points:
with the hands pushing roughly at right angles to the trunk, ``share = k * cos(theta)^2``
where ``sin(theta) = (h + c) / L``, ``h`` is the hand height, ``L`` the toe-to-shoulder
length (about 0.80 x stature), ``k = 0.66`` and ``c = 0.255 m``. The model was checked
between 0 and 61 cm only; above that it is an extrapolation and says so.

High up the formula falls towards 0 % (at about 0.8 x stature - 25 cm), which no real lean
does: a person leaning on a wall still carries about a quarter of their weight on the hands.
So the share is never taken below the wall push-up estimate (``WALL_SHARE``), and a share
floored there is flagged as an extrapolation too. No share is ever 0, so callers may divide
by one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Re-exported: the equipment editor and the progress charts read it here.
from app.domain.limits import MAX_BOX_HEIGHT_CM as MAX_BOX_HEIGHT_CM  # noqa: PLC0414
from app.domain.variation import Support, Variation

DEFAULT_STATURE_CM = 175.0
MIN_STATURE_CM = 100.0
MAX_STATURE_CM = 230.0
VALIDATED_UP_TO_CM = 61.0
LENGTH_PER_STATURE = 0.80
MODEL_K = 0.66
MODEL_C_CM = 25.5

LOADED_ID = "loaded-push-up"
FLOOR_SHARE = 0.64
KNEE_SHARE = 0.49
# Not measured: a lean against a wall with the feet about a step back. The model does not
# apply (the hands push sideways, not along the arms at right angles to the trunk), so this
# is a rough physical estimate and always reported as an extrapolation.
WALL_SHARE = 0.25

_EBBEN = "Ebben et al. 2011 (force plate, peak during reps)"
SOURCE_FLOOR = f"measured: floor push up, {_EBBEN}"
SOURCE_KNEE = f"measured: knee push up, {_EBBEN}"
SOURCE_MODEL = "model k*cos^2 fitted to Ebben et al. 2011 (hands on 0, 30.5 and 61 cm)"
SOURCE_MODEL_EXTRAPOLATED = (
    "model k*cos^2 fitted to Ebben et al. 2011, extrapolated above 61 cm (not validated there)"
)
SOURCE_WALL = "estimate: wall push up with the feet a step back (not measured)"
SOURCE_MODEL_FLOORED = (
    "model k*cos^2 extrapolated above 61 cm, held at the wall push-up estimate (25%)"
    " where it would fall below it (not validated there)"
)
SOURCE_LOADED = f"{SOURCE_FLOOR}; body weight only, the added load comes on top"


class LoadError(ValueError):
    """A box height or stature the model cannot take; the message says which and why."""


@dataclass(frozen=True, slots=True)
class LoadEstimate:
    """The estimated share of body mass on the hands (0-1) and where the number comes from."""

    variation_id: str
    box_height_cm: float | None
    stature_cm: float
    share_of_body_mass: float
    source: str
    extrapolated: bool


def box_share(box_height_cm: float, stature_cm: float = DEFAULT_STATURE_CM) -> float:
    """The share of body mass on the hands ``box_height_cm`` high: never below ``WALL_SHARE``."""
    return max(_formula(box_height_cm, stature_cm), WALL_SHARE)


def box_share_extrapolated(box_height_cm: float, stature_cm: float = DEFAULT_STATURE_CM) -> bool:
    """True where ``box_share`` is not validated: above 61 cm, or held at the wall estimate."""
    return box_height_cm > VALIDATED_UP_TO_CM or _formula(box_height_cm, stature_cm) < WALL_SHARE


def _formula(box_height_cm: float, stature_cm: float) -> float:
    check_stature(stature_cm)
    if not 0 <= box_height_cm <= MAX_BOX_HEIGHT_CM:
        raise LoadError(f"box height {box_height_cm:g} cm must be 0-{MAX_BOX_HEIGHT_CM:g} cm")
    length_cm = LENGTH_PER_STATURE * stature_cm
    sine = min(1.0, (box_height_cm + MODEL_C_CM) / length_cm)
    return MODEL_K * (1.0 - sine * sine)


def equivalent_box_height_cm(share: float, stature_cm: float = DEFAULT_STATURE_CM) -> float:
    """The hand height at which the model gives ``share`` (0 when it is floor-level or more)."""
    check_stature(stature_cm)
    cosine_squared = min(1.0, max(0.0, share / MODEL_K))
    sine = math.sqrt(1.0 - cosine_squared)
    return max(0.0, sine * LENGTH_PER_STATURE * stature_cm - MODEL_C_CM)


def check_stature(stature_cm: float) -> None:
    if not math.isfinite(stature_cm) or not MIN_STATURE_CM <= stature_cm <= MAX_STATURE_CM:
        raise LoadError(
            f"stature {stature_cm:g} cm must be {MIN_STATURE_CM:g}-{MAX_STATURE_CM:g} cm"
        )


def estimate_load(
    variation: Variation,
    box_height_cm: float | None = None,
    stature_cm: float = DEFAULT_STATURE_CM,
) -> LoadEstimate:
    """The load on the hands for one variation; a box variation without a height uses its default.

    LoadError when a height is given for a variation without a box, or is out of range.
    """
    check_stature(stature_cm)
    if not variation.uses_box:
        if box_height_cm is not None:
            raise LoadError(f"{variation.id} does not use a box; leave out the box height")
        share, source, extrapolated = _measured(variation.support)
        if variation.id == LOADED_ID:
            source = SOURCE_LOADED
        return LoadEstimate(variation.id, None, stature_cm, share, source, extrapolated)
    height = variation.default_box_height_cm if box_height_cm is None else box_height_cm
    if height is None or not math.isfinite(height):
        raise LoadError(f"{variation.id} needs a box height")
    share = box_share(height, stature_cm)
    extrapolated = box_share_extrapolated(height, stature_cm)
    if _formula(height, stature_cm) < WALL_SHARE:
        source = SOURCE_MODEL_FLOORED
    else:
        source = SOURCE_MODEL_EXTRAPOLATED if extrapolated else SOURCE_MODEL
    return LoadEstimate(variation.id, height, stature_cm, share, source, extrapolated)


def support_share(
    support: Support,
    uses_box: bool,
    box_height_cm: float | None,
    stature_cm: float = DEFAULT_STATURE_CM,
) -> float:
    """The share for a logged set, from its variation's support and its box height."""
    if uses_box and box_height_cm is not None:
        return box_share(min(max(box_height_cm, 0.0), MAX_BOX_HEIGHT_CM), stature_cm)
    return _measured(support)[0]


def _measured(support: Support) -> tuple[float, str, bool]:
    if support is Support.KNEES:
        return KNEE_SHARE, SOURCE_KNEE, False
    if support is Support.WALL:
        return WALL_SHARE, SOURCE_WALL, True
    return FLOOR_SHARE, SOURCE_FLOOR, False
