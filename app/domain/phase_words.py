"""How each stage is named: on screen (with a shape, so colour is never the only signal), in
the terminal and by the spoken counts. The one list of stage words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.stage import Stage


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
    line: str = ""
    """What the terminal prints for the stage, when it is not ``word``."""

    @property
    def printed(self) -> str:
        """The word as the terminal prints it."""
        return self.line or self.word

    @property
    def spoken(self) -> str:
        """The word as the spoken counts say it (``app/audio/voice.py``)."""
        return self.word.lower()


_WORDS: dict[Stage, PhaseWords] = {
    Stage.READY: PhaseWords("READY", "Space or → to start", Shape.NONE),
    Stage.COUNT_IN: PhaseWords("GET SET", "Get into position", Shape.CIRCLE, line="Get ready"),
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
