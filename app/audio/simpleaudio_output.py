"""The fallback output for systems where Qt's audio cannot open a device: simpleaudio.

simpleaudio 1.0.4 (archived upstream) ships no wheels, so it is an optional extra
(``tempo-trainer[simpleaudio]``, built with a C compiler). It segfaults on Python 3.12 and
later, so the extra installs it only on 3.11 (a ``python_version < "3.12"`` marker) and this
module refuses to import it on anything newer.

Each stretch of cues close together (a count-in and its set, a rest's warning) is rendered
whole by the mixer and played as one buffer, so it is exact inside the stretch. Only its start
depends on how fast ``play_buffer`` gets going (0.3-9 ms measured; a process's first call is
the slowest, hence the silent warm-up buffer at start). The clock is the monotonic clock.

simpleaudio tells no played position, only whether a buffer still plays. So gaps are found at
each buffer's end: one that ends later than the others by more than ``GAP_S`` had a gap (ALSA
played silence while its thread was held up). The next buffer is started on the monotonic
clock all the same, so later stretches are back on schedule; the gap is logged once and
counted in ``stats``. Inside a stretch the cues after a gap stay late by it.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from app.audio.mixer import CueMixer, PlacedCue
from app.audio.output import AudioUnavailableError
from app.audio.select import simpleaudio_missing
from app.audio.sounds import Samples, cue_sounds
from app.audio.voice import Voice
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind

log = logging.getLogger(__name__)

DEFAULT_RATE = 48000
SEGMENT_GAP_S = 4.0
"""Cues closer together than this are played from one buffer."""
PREROLL_S = 0.06
"""A segment's buffer is started this long before its first cue (silence until then)."""
WARM_UP_S = 0.1
LEAD_S = 0.15
GAP_S = 0.005
"""A buffer ending this much later than the earliest-ending one had a gap."""
END_POLL_S = 0.002
"""How often a buffer due to end is asked whether it still plays."""


@dataclass
class PlayStats:
    """How the buffers ended (bench/audio_timing.py prints it)."""

    buffers_ended: int = 0
    least_overrun_s: float = math.inf
    """The least time between a buffer's due end and its end seen: the device's latency."""
    most_overrun_s: float = 0.0
    gaps: int = 0
    gap_s: float = 0.0


@dataclass(frozen=True, slots=True)
class Segment:
    """Frames ``[first, end)`` of the track holding ``cues``, played as one buffer."""

    first: int
    end: int
    cues: tuple[PlacedCue, ...]


def segments(
    placed: Sequence[PlacedCue], lengths: Mapping[CueKind, int], rate: int, gap_s: float
) -> list[Segment]:
    """Group cues whose onsets are at most ``gap_s`` apart; each group is one buffer."""
    groups: list[list[PlacedCue]] = []
    for cue in sorted(placed, key=lambda p: p.frame):
        if groups and cue.frame - groups[-1][-1].frame <= gap_s * rate:
            groups[-1].append(cue)
        else:
            groups.append([cue])
    return [
        Segment(
            first=group[0].frame,
            end=max(p.frame + lengths.get(p.kind, 0) for p in group),
            cues=tuple(group),
        )
        for group in groups
    ]


def load_simpleaudio() -> ModuleType:
    """The simpleaudio module; AudioUnavailableError on Python 3.12+ or when not installed."""
    if missing := simpleaudio_missing():
        raise AudioUnavailableError(missing)
    try:
        import simpleaudio
    except ImportError as error:
        raise AudioUnavailableError(f"simpleaudio is not installed ({error})") from None
    module: ModuleType = simpleaudio
    return module


@dataclass
class _Playing:
    first: int
    end: int
    cues: tuple[PlacedCue, ...]
    play: Any
    ends_at: float
    """Clock time its last frame is due to have been played."""


class SimpleaudioOutput:
    """Plays each segment of the schedule as one simpleaudio buffer; see the module docstring."""

    name = "simpleaudio"
    lead_s = LEAD_S

    def __init__(
        self,
        *,
        rate: int = DEFAULT_RATE,
        sounds: Callable[[int], Mapping[CueKind, Samples]] = cue_sounds,
        clock: Callable[[], float] = time.monotonic,
        segment_gap_s: float = SEGMENT_GAP_S,
        voice: Voice | None = None,
    ) -> None:
        self._sa = load_simpleaudio()
        self.rate = rate
        self.notice: str | None = None
        self.silenced = False
        """simpleaudio refused a buffer: the clock carries on, nothing more is heard."""
        self._mixer = CueMixer(rate, sounds(rate), voice.at_rate(rate) if voice else None)
        self.speaks = voice is not None
        self._lengths = {kind: self._mixer.length_at(kind) for kind in CueKind}
        self._gap_s = segment_gap_s
        self._clock = clock
        self._cond = threading.Condition()
        self._playing: _Playing | None = None
        self._closed = False
        self.stats = PlayStats()
        self._ending: list[_Playing] = []
        self.started: list[tuple[float, int]] = []
        """(clock time of each ``play_buffer`` call, the track frame its buffer starts at)."""
        try:
            self._sa.play_buffer(bytes(2 * round(WARM_UP_S * rate)), 1, 2, rate).wait_done()
        except Exception as error:
            raise AudioUnavailableError(f"simpleaudio could not play: {error}") from None
        self._origin = clock()
        self._worker = threading.Thread(target=self._run, name="simpleaudio-cues", daemon=True)
        self._worker.start()

    def now(self) -> float:
        return self._clock() - self._origin

    def follow(self, cues: Sequence[ScheduledCue]) -> None:
        with self._cond:
            frame = self._mixer.frame_of(self.now())
            self._mixer.reschedule(cues, frame)
            playing = self._playing
            if playing is not None:
                wanted = tuple(
                    p for p in self._mixer.placed if playing.first <= p.frame < playing.end
                )
                if wanted != playing.cues:
                    # The stretch being played changed ahead of now: stop it and play anew.
                    playing.play.stop()
                    self._playing = None
            self._cond.notify_all()

    def set_volume(self, volume: float) -> None:
        with self._cond:
            self._mixer.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        with self._cond:
            self._mixer.set_muted(muted)

    def close(self) -> None:
        with self._cond:
            if self._closed:
                return
            self._closed = True
            if self._playing is not None:
                self._playing.play.stop()
                self._playing = None
            self._cond.notify_all()
        self._worker.join(timeout=2.0)

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                now = self.now()
                frame = self._mixer.frame_of(now)
                playing = self._playing
                if playing is not None and (frame >= playing.end or not playing.play.is_playing()):
                    self._ending.append(playing)
                    self._playing = playing = None
                self._check_ends(now)
                start_from = max(frame, playing.end if playing is not None else frame)
                found = self._next_segment(start_from)
                most = END_POLL_S if self._ending else 0.5
                if playing is not None:  # wake at its end, to time it
                    most = min(most, max(END_POLL_S, playing.ends_at - now))
                if found is None:
                    self._cond.wait(timeout=most)
                    continue
                segment, next_cue = found
                wait_s = next_cue / self.rate - PREROLL_S - now
                if wait_s > 0.002:
                    self._cond.wait(timeout=min(wait_s, most))
                    continue
                self._start(segment, start_from)

    def _check_ends(self, now: float) -> None:
        """Note the buffers that have ended since; a late end is a gap (see module docstring)."""
        for ending in [e for e in self._ending if not e.play.is_playing()]:
            self._ending.remove(ending)
            overrun = now - ending.ends_at
            stats = self.stats
            stats.buffers_ended += 1
            stats.least_overrun_s = min(stats.least_overrun_s, overrun)
            stats.most_overrun_s = max(stats.most_overrun_s, overrun)
            late = overrun - stats.least_overrun_s
            if late > GAP_S:
                stats.gaps += 1
                stats.gap_s += late
                if stats.gaps == 1:
                    log.warning(
                        "simpleaudio: a stretch of cues ended %.0f ms late (a gap: the sound"
                        " was held up); the next stretch starts on time (further gaps are only"
                        " counted, in the output's statistics)",
                        late * 1000,
                    )

    def _next_segment(self, start_from: int) -> tuple[Segment, int] | None:
        """The segment holding the first cue at or after ``start_from``, and that cue's frame."""
        for segment in segments(self._mixer.placed, self._lengths, self.rate, self._gap_s):
            later = [p.frame for p in segment.cues if p.frame >= start_from]
            if later:
                return segment, min(later)
        return None

    def _start(self, segment: Segment, first: int) -> None:
        # Render from the moment of the call: the buffer's first frame is "now".
        first = max(first, self._mixer.frame_of(self.now()))
        block = self._mixer.render(first, segment.end - first)
        data = np.round(block * 32767.0).astype("<i2").tobytes()
        try:
            play = self._sa.play_buffer(data, 1, 2, self.rate)
        except Exception as error:
            self.notice = f"Sound stopped (simpleaudio: {error}). The session carries on silently."
            log.warning("simpleaudio: %s", self.notice)
            self.silenced = True
            self._closed = True
            return
        started = self.now()
        self.started.append((started, first))
        cues = tuple(p for p in self._mixer.placed if first <= p.frame < segment.end)
        ends_at = started + (segment.end - first) / self.rate
        self._playing = _Playing(first, segment.end, cues, play, ends_at)
