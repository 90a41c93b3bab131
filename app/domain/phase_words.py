"""How each stage is named and shaped on screen, so colour is never the only signal."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.timeline import Stage


class Shape(StrEnum):
    """A glyph that tells the phases apart without colour."""

    CIRCLE = "circle"
    DOWN = "down"
    SQUARE = "square"
    UP = "up"
    RESET = "reset"
    BAR = "bar"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class PhaseWords:
    word: str
    hint: str
    shape: Shape


_WORDS: dict[Stage, PhaseWords] = {
    Stage.READY: PhaseWords("READY", "Space or → to start", Shape.NONE),
    Stage.COUNT_IN: PhaseWords("GET SET", "Get into position", Shape.CIRCLE),
    Stage.ECCENTRIC: PhaseWords("LOWER", "Slowly down", Shape.DOWN),
    Stage.BOTTOM: PhaseWords("HOLD", "Pause at the bottom", Shape.SQUARE),
    Stage.CONCENTRIC: PhaseWords("PUSH", "Press back up", Shape.UP),
    Stage.RESET: PhaseWords("RESET", "Back up with help", Shape.RESET),
    Stage.TOP: PhaseWords("TOP", "Arms straight, breathe", Shape.BAR),
    Stage.LOGGING: PhaseWords("LOG", "How did it go?", Shape.NONE),
    Stage.REST: PhaseWords("REST", "Breathe and shake out", Shape.NONE),
    Stage.FINISHED: PhaseWords("DONE", "Well trained", Shape.NONE),
}


def phase_words(stage: Stage) -> PhaseWords:
    return _WORDS[stage]
