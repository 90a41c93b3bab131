"""The one small protocol every sound output follows, and the silent output.

A session is played like this (the GUI and the headless player do the same)::

    output = open_output("pulse")         # or "qt" / "simpleaudio" / "none"; app.audio.select
    player = Player(schedules, lead_s=output.lead_s)
    player.start(output.now())
    output.follow(player.cues)             # and again whenever player.revision changes
    ...  player.advance(output.now()) on every display frame ...
    output.close()

``now()`` is the clock the player runs on. For a streaming output it is the position of the
sound actually played, so picture and sound cannot drift apart.

Optional extensions: an output may carry ``notice: str | None``, a sentence for the person when
sound is not (or no longer) playing as asked, e.g. "No sound device could be opened ...".
Show it once; read it with ``output_notice(output)`` so that outputs without it still fit.
And ``silenced: bool``, true while a streaming output has lost its device mid-session and its
clock carries on without sound (a device that comes back may end it); read it with
``output_silenced(output)``. And ``speaks: bool``, true when the output mixes spoken words over
its cues (it was given them, and they loaded); read it with ``output_speaks(output)``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Protocol

from app.domain.player import ScheduledCue


class AudioUnavailableError(RuntimeError):
    """No sound device could be opened with this output; the message says why."""


class CueOutput(Protocol):
    """Plays a player's cue schedule and provides the clock the player runs on."""

    name: str
    lead_s: float
    """How far ahead of ``now()`` a schedule change must lie to be heard in full."""

    def now(self) -> float:
        """Seconds on this output's monotonic clock."""
        ...

    def follow(self, cues: Sequence[ScheduledCue]) -> None:
        """Play this schedule from now on (cues already past are not replayed)."""
        ...

    def set_volume(self, volume: float) -> None:
        """0.0 (silent) to 1.0 (full)."""
        ...

    def set_muted(self, muted: bool) -> None: ...

    def close(self) -> None:
        """Stop and release the device; safe to call twice."""
        ...


def output_notice(output: CueOutput) -> str | None:
    """The output's message for the person (see the module docstring), if it has one."""
    notice = getattr(output, "notice", None)
    return notice if isinstance(notice, str) and notice else None


def output_silenced(output: CueOutput) -> bool:
    """Whether the output lost its device mid-session and plays nothing (module docstring)."""
    return getattr(output, "silenced", False) is True


def output_speaks(output: CueOutput) -> bool:
    """Whether the output says the counts and phase words (module docstring)."""
    return getattr(output, "speaks", False) is True


class SilentOutput:
    """No sound: the session runs on the monotonic clock with visual cues only."""

    name = "none"
    lead_s = 0.0

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, *, notice: str | None = None
    ) -> None:
        self.notice = notice
        self._clock = clock
        self._origin = clock()
        self.cues: tuple[ScheduledCue, ...] = ()

    def now(self) -> float:
        return self._clock() - self._origin

    def follow(self, cues: Sequence[ScheduledCue]) -> None:
        self.cues = tuple(cues)

    def set_volume(self, volume: float) -> None:
        del volume

    def set_muted(self, muted: bool) -> None:
        del muted

    def close(self) -> None:
        return None
