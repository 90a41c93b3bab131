"""Rep targets: a fixed number (10), a range ("8-12") or "max" (to failure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.limits import MAX_TARGET_REPS

MAX_SET_SCHEDULED_REPS = 30
_RANGE = re.compile(r"^\s*(\d{1,3})\s*-\s*(\d{1,3})\s*$")
_SINGLE = re.compile(r"^\s*(\d{1,3})\s*$")


@dataclass(frozen=True, slots=True)
class RepTarget:
    """How many reps a set asks for."""

    low: int
    high: int
    is_max: bool = False

    @property
    def scheduled_reps(self) -> int:
        """Reps the timeline schedules: the upper bound, or 30 for a max set."""
        return MAX_SET_SCHEDULED_REPS if self.is_max else self.high

    @property
    def planned_reps(self) -> int:
        """The number the log sheet starts from."""
        return self.high if not self.is_max else 0

    def __str__(self) -> str:
        if self.is_max:
            return "max"
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


def parse_rep_target(value: object) -> RepTarget:
    """Read ``10``, ``"10"``, ``"8-12"`` or ``"max"``; raise ValueError saying what is wrong."""
    if isinstance(value, bool):
        raise ValueError('reps must be a number like 10, a range like "8-12" or "max"')
    if isinstance(value, int):
        low = high = value
    elif isinstance(value, str):
        if value.strip().lower() == "max":
            return RepTarget(1, MAX_SET_SCHEDULED_REPS, is_max=True)
        single = _SINGLE.match(value)
        pair = _RANGE.match(value)
        if single:
            low = high = int(single.group(1))
        elif pair:
            low, high = int(pair.group(1)), int(pair.group(2))
        else:
            raise ValueError(
                f'reps {value!r} must be a number like 10, a range like "8-12" or "max"'
            )
    else:
        raise ValueError('reps must be a number like 10, a range like "8-12" or "max"')
    if not 1 <= low <= MAX_TARGET_REPS or not 1 <= high <= MAX_TARGET_REPS:
        raise ValueError(f"reps {value!r} must be between 1 and {MAX_TARGET_REPS}")
    if low > high:
        raise ValueError(f"reps {value!r}: the range must go from low to high")
    return RepTarget(low, high)
