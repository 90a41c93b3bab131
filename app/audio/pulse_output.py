"""The deep-buffered output (Linux): one libpulse stream kept a second ahead of the sound.

A busy laptop can hold the feeder thread up for hundreds of milliseconds (bench/audio_timing.py
--load measured wake-ups up to 364 ms late on a loaded 2-core machine). With ``FILL_S`` queued
in the server, such a stall costs nothing: the server plays on from the queue. Qt's sink could
not queue that much, because queued sound could not be taken back. This stream can: a change
(a pause, a skipped rest, the volume) re-renders the queue from ``lead_s`` after the sound
being heard and writes it over the old one, in place (``PulseStream.write`` at a frame), so a
pause silences the next cue within ``lead_s`` (the sink's latency plus ``LEAD_MARGIN_S``).

Cue times are frames of one continuous stream: the track frame at stream frame ``f`` is always
``f + offset``, for the whole session. ``now()`` is the server's clock of the sample being
heard (``pa_stream_get_time``), in track time. Should the feeder still be held up for longer
than the queue, the server plays silence and moves on at the sink's rate (``prebuf`` 0): the
stretch not written in time is skipped (counted in ``stats.gaps``, logged once), and every
later cue stays on its sample.

The server moves the stream to a new default device by itself (headphones plugged in). If the
server goes away, the clock carries on silently and ``notice`` says so once.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Mapping, Sequence

from app.audio.libpulse import PulseError, PulseStream
from app.audio.mixer import CueMixer, pcm_renderer
from app.audio.output import AudioUnavailableError
from app.audio.sounds import Samples, cue_sounds
from app.audio.stream_feeder import FeedStats, feed_every
from app.audio.voice import Voice
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind

log = logging.getLogger(__name__)

FILL_S = 1.0
"""Sound kept queued in the server ahead of what is heard: a feeder held up for up to this
long (less a period) leaves no gap."""
PERIOD_S = 0.25
"""How often the feeder thread tops the queue up (four wake-ups a second)."""
REWRITE_MARGIN_S = 0.005
"""A rewrite starts this long after what the sink has already taken from the queue."""
LEAD_MARGIN_S = 0.05
"""Added to the sink's latency for ``lead_s``: the player puts a change that far ahead of the
clock it read, and the change reaches ``follow`` up to this much later (a frame or two of a
busy GUI thread) and is still heard whole (a cue before the rewrite would be dropped)."""
DEFAULT_RATE = 48000
"""Asked for; the stream takes the sink's own rate (no resampling)."""

SoundFactory = Callable[[int], Mapping[CueKind, Samples]]
StreamFactory = Callable[[int, float], PulseStream]


class PulseOutput:
    """Plays a cue schedule through one deep libpulse stream; see the module docstring."""

    name = "pulse"

    def __init__(
        self,
        *,
        sounds: SoundFactory = cue_sounds,
        voice: Voice | None = None,
        fill_s: float = FILL_S,
        period_s: float = PERIOD_S,
        clock: Callable[[], float] = time.monotonic,
        raise_priority: bool = True,
        open_stream: StreamFactory = PulseStream,
    ) -> None:
        try:
            # The server's queue has room beyond the fill: a top-up never waits for space.
            self._stream = open_stream(DEFAULT_RATE, 2 * fill_s)
        except PulseError as error:
            raise AudioUnavailableError(str(error)) from None
        self.rate = rate = self._stream.rate
        self._mixer = CueMixer(rate, sounds(rate), voice.at_rate(rate) if voice else None)
        self.speaks = voice is not None
        self._render = pcm_renderer(self._mixer)
        self._lock = threading.Lock()
        """Held while the queue is written: by the feeder's top-ups and by every rewrite."""
        self._clock = clock
        self._raise_priority = raise_priority
        self._period_s = period_s
        self._fill = round(fill_s * rate)
        self.stats = FeedStats()
        self.notice: str | None = None
        written = self._stream.flush()
        played = self._stream.played_frames()
        self._offset = -played
        """Track frame minus stream frame: the clock starts at 0 now."""
        latency = max(written - played, self._stream.sink_latency_frames, 0)
        self._taken = latency + round(REWRITE_MARGIN_S * rate)
        """Frames after the one being heard that the sink may already have taken."""
        self.lead_s = (latency + round(LEAD_MARGIN_S * rate)) / rate
        self._written = played + self._taken
        """The stream frame the next top-up writes (the queue ends there)."""
        self._last_now = 0.0
        self._heard = (clock(), played)
        """(monotonic time, stream frame) of the last reading of a live stream's clock."""
        self._silent_since: tuple[float, float] | None = None
        self._closed = False
        with self._lock:
            self._fill_up(played)
        self._alarm = socket.socketpair()
        self._thread = threading.Thread(target=self._run, name="audio-feeder", daemon=True)
        self._thread.start()
        log.info(
            "pulse audio: streaming at %d Hz, %.0f ms queued, %.0f ms lead",
            rate,
            fill_s * 1000,
            self.lead_s * 1000,
        )

    # --- CueOutput ------------------------------------------------------------------------

    @property
    def silenced(self) -> bool:
        """The server ended the stream: the clock carries on, nothing is heard."""
        return self._silent_since is not None

    def now(self) -> float:
        if self._silent_since is not None:
            since, position = self._silent_since
            self._last_now = max(self._last_now, position + self._clock() - since)
            return self._last_now
        try:
            played = self._played()
        except PulseError:
            return self._last_now
        self._last_now = max(self._last_now, (played + self._offset) / self.rate)
        return self._last_now

    def follow(self, cues: Sequence[ScheduledCue]) -> None:
        schedule = tuple(cues)
        self._rewrite(lambda frame: self._mixer.reschedule(schedule, frame))

    def set_volume(self, volume: float) -> None:
        self._rewrite(lambda _frame: self._mixer.set_volume(volume))

    def set_muted(self, muted: bool) -> None:
        self._rewrite(lambda _frame: self._mixer.set_muted(muted))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        alarm, bell = self._alarm
        bell.send(b"!")
        self._thread.join(timeout=2)
        alarm.close()
        bell.close()
        with self._lock:
            self._stream.close()

    # --- the queue ------------------------------------------------------------------------

    def _rewrite(self, change: Callable[[int], None]) -> None:
        """Apply ``change`` to the mixer from the first track frame not yet taken by the sink
        (its argument), and write the queue from there again, over the old one."""
        with self._lock:
            if self._silent_since is not None or self._closed:
                change(round(self._last_now * self.rate))
                return
            start = min(self._written, self._played() + self._taken)
            change(start + self._offset)
            if self._written > start:
                self._write(start, self._written - start)

    def top_up(self) -> None:
        """Queue the track up to ``FILL_S`` ahead of the sound being heard (the feeder's step);
        skip what the server already played as silence (a gap)."""
        with self._lock:
            if self._silent_since is not None or self._closed:
                return
            if not self._stream.alive:
                self._go_silent()
                return
            played = self._played()
            self.stats.server_underruns = self._stream.underflows
            ahead = self._written - played
            self.stats.min_ahead_s = min(self.stats.min_ahead_s, ahead / self.rate)
            if ahead < 0:
                self._skip(played + self._taken - self._written)
            self._fill_up(played)

    def _fill_up(self, played: int) -> None:
        wanted = self._fill - (self._written - played)
        if wanted > 0:
            self._write(self._written, wanted)
            self._written += wanted

    def _write(self, frame: int, frames: int) -> None:
        self._stream.write(frame, self._render(frame + self._offset, frames))

    def _skip(self, frames: int) -> None:
        """The queue ran dry and the server played silence: those frames of the track are
        skipped, so that what follows is written where it will be heard on time."""
        self._written += frames
        stats = self.stats
        stats.gaps += 1
        stats.gap_s += frames / self.rate
        stats.max_behind_s = max(stats.max_behind_s, frames / self.rate)
        if stats.gaps == 1:
            log.warning(
                "pulse audio: the feeder was held up longer than the queue; %.0f ms of the"
                " track were skipped to keep later cues on time (further gaps are only counted)",
                frames / self.rate * 1000,
            )

    def _played(self) -> int:
        played = self._stream.played_frames()
        self._heard = (self._clock(), played)
        return played

    def _go_silent(self) -> None:
        """The stream is gone: the clock carries on from its last reading at the monotonic
        clock's rate (a dead stream's own clock reads 0)."""
        at, played = self._heard
        now = self._clock()
        position = (played + self._offset) / self.rate + now - at
        self._silent_since = (now, max(self._last_now, position))
        self.notice = (
            "Sound stopped (the sound server ended the stream). The session carries on silently."
        )
        log.warning("pulse audio: %s", self.notice)

    def _run(self) -> None:
        feed_every(
            self._period_s,
            self._alarm[0],
            self.top_up,
            stats=self.stats,
            clock=self._clock,
            raise_priority=self._raise_priority,
            output="pulse",
        )
