"""One piece of advice: a block of today's session, what it was last time, and why."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.plan import DEFAULT_RESET_S
from app.domain.set_role import SetRole


class Rule(StrEnum):
    """Which rule produced a suggestion (the ``rule`` of ``suggest --json``)."""

    KEEP = "keep"
    HARDER = "harder"
    EASIER = "easier"
    DELOAD = "deload"
    VARY = "vary"
    RETURN = "return"
    RETEST = "retest"
    OFF_THE_KNEES = "off_the_knees"
    LONGER_LOWERING = "longer_lowering"
    LOADED_BLOCK = "loaded_block"
    ADD_LOAD = "add_load"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Today's prescription for one block, the block it comes from, and the reason."""

    from_variation: str
    from_box_height_cm: float | None
    from_reps: str
    from_tempo: str
    variation: str
    box_height_cm: float | None
    sets: int
    reps: str
    tempo: str
    rest_s: float
    rule: Rule
    reason: str
    role: SetRole = SetRole.WORK
    reset_s: float = DEFAULT_RESET_S
    extrapolated: bool = False
    """The load figure in the reason comes from the model beyond what was measured."""

    def to_json(self) -> dict[str, object]:
        """The ``suggest --json`` contract (``role`` added: warm-ups are carried, not judged)."""
        return {
            "from_variation": self.from_variation,
            "from_box_height_cm": self.from_box_height_cm,
            "from_reps": self.from_reps,
            "from_tempo": self.from_tempo,
            "variation": self.variation,
            "box_height_cm": self.box_height_cm,
            "sets": self.sets,
            "reps": self.reps,
            "tempo": self.tempo,
            "rest_s": self.rest_s,
            "rule": self.rule.value,
            "reason": self.reason,
            "role": self.role.value,
        }
