"""What a screen draws of the player's current moment: ``Player.view(now)``."""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.domain.stage import Stage
from app.domain.timeline import SetSchedule


@dataclass(frozen=True, slots=True)
class PlayerView:
    """Everything a screen needs to draw the current moment."""

    stage: Stage
    paused: bool
    set_index: int
    total_sets: int
    schedule: SetSchedule
    rep: int | None
    reps_planned: int
    reps_completed: int
    phase_duration_s: float
    phase_remaining_s: float
    rest_total_s: float
    rest_remaining_s: float
    next_schedule: SetSchedule | None

    @property
    def phase_progress(self) -> float:
        """0 at the start of the phase, 1 at its end."""
        if self.phase_duration_s <= 0:
            return 1.0
        return min(1.0, max(0.0, 1.0 - self.phase_remaining_s / self.phase_duration_s))

    @property
    def countdown(self) -> int:
        """The whole seconds to show: 3, 2, 1 for a 3 s phase (never 0 while it runs)."""
        remaining = (
            self.rest_remaining_s
            if self.stage in (Stage.REST, Stage.LOGGING)
            else self.phase_remaining_s
        )
        return max(0, math.ceil(remaining - 1e-6))
