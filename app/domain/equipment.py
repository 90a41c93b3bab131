"""The equipment profile: the surfaces a person can put their hands on, and their body.

Heights are kept in centimetres whatever the display units. The profile travels as a plain
dict (in Settings and in backups); ``parse_equipment`` checks such a dict fully and lists
every problem at once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.limits import MAX_BOX_HEIGHT_CM
from app.domain.load_model import (
    DEFAULT_STATURE_CM,
    MAX_STATURE_CM,
    MIN_STATURE_CM,
)
from app.domain.problems import InputError, Problem
from app.domain.units import Units

MAX_SURFACES = 20
MAX_SURFACE_NAME = 40
MIN_BODY_MASS_KG = 25.0
MAX_BODY_MASS_KG = 300.0
_KEYS = frozenset({"surfaces", "units", "stature_cm", "body_mass_kg"})
_SURFACE_KEYS = frozenset({"name", "height_cm"})


@dataclass(frozen=True, slots=True)
class Surface:
    """Something sturdy to put the hands on: a stair, a bench, a plyo box."""

    name: str
    height_cm: float


@dataclass(frozen=True, slots=True)
class EquipmentProfile:
    """What this person has and how tall they are; surfaces sorted from the highest."""

    surfaces: tuple[Surface, ...] = ()
    units: Units = Units.CM
    stature_cm: float = DEFAULT_STATURE_CM
    body_mass_kg: float | None = None

    @property
    def heights_cm(self) -> tuple[float, ...]:
        """Distinct surface heights, highest first."""
        return tuple(sorted({s.height_cm for s in self.surfaces}, reverse=True))

    def surface_at(self, height_cm: float) -> Surface | None:
        """The first surface of exactly this height, to name it in advice."""
        return next((s for s in self.surfaces if s.height_cm == height_cm), None)


def parse_equipment(data: Mapping[str, object]) -> EquipmentProfile:
    """Check a profile dict; InputError lists every problem, nothing is half-read."""
    problems: list[Problem] = []
    for key in sorted(set(data) - _KEYS):
        problems.append(Problem(f"unknown key {key!r}"))
    units_text = data.get("units", Units.CM.value)
    units = Units.CM
    if isinstance(units_text, str) and units_text in {u.value for u in Units}:
        units = Units(str(units_text))
    else:
        problems.append(Problem(f"units must be 'cm' or 'in', not {units_text!r}"))
    stature = _number(data, "stature_cm", MIN_STATURE_CM, MAX_STATURE_CM, problems)
    mass: float | None = None
    if data.get("body_mass_kg") is not None:
        mass = _number(data, "body_mass_kg", MIN_BODY_MASS_KG, MAX_BODY_MASS_KG, problems)
    surfaces = _surfaces(data.get("surfaces", []), problems)
    if problems:
        raise InputError(problems)
    return EquipmentProfile(
        surfaces=surfaces,
        units=units,
        stature_cm=DEFAULT_STATURE_CM if stature is None else stature,
        body_mass_kg=mass,
    )


def equipment_to_dict(profile: EquipmentProfile) -> dict[str, object]:
    """The dict ``parse_equipment`` reads back into the same profile."""
    return {
        "surfaces": [{"name": s.name, "height_cm": s.height_cm} for s in profile.surfaces],
        "units": profile.units.value,
        "stature_cm": profile.stature_cm,
        "body_mass_kg": profile.body_mass_kg,
    }


def _number(
    data: Mapping[str, object], key: str, low: float, high: float, problems: list[Problem]
) -> float | None:
    if key not in data:
        return None
    value = data[key]
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not low <= value <= high
    ):
        problems.append(Problem(f"{key} must be a number from {low:g} to {high:g}, not {value!r}"))
        return None
    return float(value)


def _surfaces(raw: object, problems: list[Problem]) -> tuple[Surface, ...]:
    if not isinstance(raw, list):
        problems.append(Problem("surfaces must be a list of {name, height_cm}"))
        return ()
    if len(raw) > MAX_SURFACES:
        problems.append(Problem(f"at most {MAX_SURFACES} surfaces, not {len(raw)}"))
        return ()
    found: list[Surface] = []
    names: set[str] = set()
    for index, item in enumerate(raw, start=1):
        where = f"surface {index}"
        if not isinstance(item, dict) or set(item) - _SURFACE_KEYS:
            problems.append(Problem(f"{where} must have only a name and a height_cm"))
            continue
        name = item.get("name")
        if not isinstance(name, str) or not 1 <= len(name.strip()) <= MAX_SURFACE_NAME:
            problems.append(Problem(f"{where}: the name must be 1-{MAX_SURFACE_NAME} characters"))
            continue
        if name.strip().casefold() in names:
            problems.append(Problem(f"{where}: the name {name.strip()!r} is used twice"))
            continue
        height = _number(item, "height_cm", 0.0, MAX_BOX_HEIGHT_CM, problems)
        if height is None:
            if "height_cm" not in item:
                problems.append(Problem(f"{where}: height_cm is missing"))
            continue
        names.add(name.strip().casefold())
        found.append(Surface(name.strip(), height))
    return tuple(sorted(found, key=lambda s: (-s.height_cm, s.name)))
