"""The sound output for a session: the chosen output, the shipped voice, volume and mute."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from app.audio.output import CueOutput, output_speaks
from app.storage.resources import ResourceError, shipped_folder
from app.storage.settings import Settings

if TYPE_CHECKING:
    from app.audio.voice import Voice  # numpy: loaded only when the words are wanted

NO_SOUND = "none"
"""The output that plays nothing: asking for it also leaves the words unloaded."""


class OutputOpener(Protocol):
    """How the sound output is opened: ``app.audio.select.open_output``, or a test's fake."""

    def __call__(
        self, name: str | None, *, clock: Callable[[], float], voice: Voice | None
    ) -> CueOutput: ...


@dataclass(frozen=True, slots=True)
class Sound:
    """The opened output, and whether the spoken counts were loaded for it."""

    output: CueOutput
    spoken: bool


def shipped_voice() -> Voice | None:
    """The spoken counts shipped in resources/voice/; None (said on stderr) if unusable."""
    from app.audio.voice import VoiceError, load_voice  # numpy: not needed until now

    try:
        return load_voice(shipped_folder("resources") / "voice")
    except (ResourceError, VoiceError) as error:
        print(f"tempo-trainer: spoken counts are off: {error}", file=sys.stderr)
        return None


def open_session_output(
    open_output: OutputOpener,
    audio: str | None,
    settings: Settings,
    *,
    voice: bool | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Sound:
    """Open ``audio`` (else the saved choice) with the words when wanted (None: as saved)."""
    name = audio or settings.audio or None
    wanted = settings.voice_counts if voice is None else voice
    words = shipped_voice() if wanted and name != NO_SOUND else None
    output = open_output(name, clock=clock, voice=words)
    return Sound(output, output_speaks(output))


def set_levels(output: CueOutput, settings: Settings) -> None:
    """The saved volume and mute, as every session starts with them."""
    output.set_volume(settings.volume)
    output.set_muted(settings.muted)
