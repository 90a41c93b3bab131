"""The output on Windows and macOS (and on Linux without a pulse server): one persistent Qt
``QAudioSink`` stream carrying the cue track.

The sink runs in push mode for the whole session: a ``StreamFeeder`` thread writes the mixer's
samples frame after frame, about ``BUFFER_S`` ahead of what has played, whatever the GUI thread
is busy with. Cue times are therefore frame numbers of one continuous stream: nothing is
started per cue, so nothing can land late or drift. The sink itself lives on a thread of its
own (``SinkThread``), so its work never wakes the GUI thread.

The buffer stays short (``BUFFER_S``) because queued sound cannot be taken back: QAudioSink
has no flush (``reset()`` stops the stream), and a new stream reported no progress for two
seconds before it played (Qt 6.11, a PulseAudio 16 null sink, whatever the latency asked), so
replacing the stream at every pause is no way out either.

``now()`` is that stream's position: the frames the sink has processed (``processedUSecs``),
smoothed between the sink's reads with the monotonic clock and never running backwards. The
player runs on it, so what the screen shows follows what is heard. When the default output
device changes (headphones plugged in, a Bluetooth speaker), the stream is re-opened on the
new device from the position it had reached, keeping the schedule: the clock carries on at
the monotonic clock's rate through the re-opening. A device that goes away without Qt saying
so is noticed by the sink's clock standing still (``STALL_S``). If the device is lost and
none is left, the clock carries on silently and ``notice`` says so once.

Needs a Qt application object (QCoreApplication is enough); device changes are noticed through
its event loop.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QIODevice, QObject
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from app.audio.mixer import CueMixer, pcm_renderer
from app.audio.output import AudioUnavailableError
from app.audio.sink_thread import SinkThread
from app.audio.sounds import Samples, cue_sounds
from app.audio.stream_feeder import FeedStats, StreamFeeder
from app.audio.voice import Voice
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind

log = logging.getLogger(__name__)

BUFFER_S = 0.1
"""Audio kept queued ahead of what has played (the feeder thread keeps it there): what a pause
or a skipped rest cannot take back."""
CAPACITY_S = 0.5
"""Qt's buffer, larger than ``BUFFER_S``: room for the feeder's writes at any moment."""
LEAD_MARGIN_S = 0.05
PULSE_LATENCY_MS = 60
"""Server-side buffer asked of PulseAudio (and PipeWire's pulse layer) through libpulse's
``PULSE_LATENCY_MSEC``, unless the person set it. Qt asks for ~15 ms; on a busy 2-core machine
the real-audio test then heard 1-30 ms gaps (server underruns) in one run out of two, and none
in any run at 60 ms."""
HEARD_FRACTION = 0.7
"""How much of ``PULSE_LATENCY_MSEC`` lies between a frame counted as processed by the sink
and its play time. The asked latency is the most the server holds; with 60 ms asked,
bench/frame_sync.py measured 34 ms to the null sink's monitor and 42 ms to its play time
(the server's own figure, ``pactl list sink-inputs``, says 45-54 ms, which put the screen
10-20 ms behind the sound). ``now()`` subtracts this share, so the screen follows the sound."""
MAX_EXTRAPOLATION_S = 0.05
"""How far ``now()`` may run on between two reports of the sink before it waits for the next."""
STALL_S = 1.5
"""A sink that has played and then reports no progress for this long, while ``now()`` keeps
being asked, has lost its device. PulseAudio ends the stream when its sink goes away, but Qt
(6.11) reports neither a stopped sink nor, when it was the last device, a device change: the
clock would stand still for good. Not shorter: a sound server starved by a busy machine also
stops reporting for a while and then catches up, and taking that for a lost device costs far
more than waiting. The re-opened stream may stay silent for two seconds, and every later cue
comes that much late (once in CI at 0.5 s: 2.8 s late from the second set on)."""
WATCH_GAP_S = 0.1
"""``now()`` asked after a longer pause (a busy thread) starts the stall watch afresh: the
sink's reports may be waiting in the same event loop."""

SoundFactory = Callable[[int], Mapping[CueKind, Samples]]


class QtOutput:
    """Plays a cue schedule through one persistent QAudioSink; see the module docstring."""

    name = "qt"

    def __init__(
        self,
        *,
        sounds: SoundFactory = cue_sounds,
        buffer_s: float = BUFFER_S,
        device: QAudioDevice | None = None,
        clock: Callable[[], float] = time.monotonic,
        voice: Voice | None = None,
        raise_priority: bool = True,
        heal_gaps: bool = True,
    ) -> None:
        self._sounds = sounds
        self._raise_priority = raise_priority
        self._heal_gaps = heal_gaps
        self.stats = FeedStats()
        """The feeder thread's figures over the whole session (every stream re-opened)."""
        self._voice = voice
        self.speaks = voice is not None
        self._buffer_s = buffer_s
        self._clock = clock
        self._lock = threading.Lock()
        self._owner = QObject()
        self._owner.setObjectName("tempo-trainer-qt-output")
        self._cues: tuple[ScheduledCue, ...] = ()
        self._volume = 1.0
        self._muted = False
        self._sink: QAudioSink | None = None
        self._feeder: StreamFeeder | None = None
        self._mixer: CueMixer | None = None
        self._device = QAudioDevice()
        self._start_s = 0.0
        self._anchor_processed = -1
        self._anchor_at = 0.0
        self._flowing = False
        self._last_now = 0.0
        self._last_now_at = self._watched_since = clock()
        self._silent_since: tuple[float, float] | None = None
        self._closed = False
        self.notice: str | None = None
        self._rendered: dict[int, tuple[Mapping[CueKind, Samples], Mapping[str, Samples] | None]]
        self._rendered = {}
        self.lead_s = buffer_s + LEAD_MARGIN_S
        self._latency_s = _ask_pulse_latency()
        self._devices = QMediaDevices(self._owner)
        self._sink_thread = SinkThread()
        chosen = device if device is not None else QMediaDevices.defaultAudioOutput()
        try:
            self._open(chosen)
        except AudioUnavailableError:
            self.close()
            raise
        if device is None:
            self._devices.audioOutputsChanged.connect(self._on_outputs_changed)

    # --- CueOutput ------------------------------------------------------------------------

    @property
    def rate(self) -> int:
        return self._mixer.rate if self._mixer is not None else 0

    @property
    def latency_s(self) -> float:
        """How long after the sink counts a frame as processed it is heard (estimated)."""
        return self._latency_s

    @property
    def device_name(self) -> str:
        return self._device.description()

    @property
    def silenced(self) -> bool:
        """No device took the stream back: the clock carries on, nothing is heard."""
        return self._silent_since is not None

    def now(self) -> float:
        if self._sink is not None and self._sink.state() == QtAudio.State.StoppedState:
            self._on_sink_stopped()
        wall = self._clock()
        if wall - self._last_now_at > WATCH_GAP_S:
            self._watched_since = wall
        if self._silent_since is not None:
            since, position = self._silent_since
            self._last_now = max(self._last_now, position + wall - since)
            self._last_now_at = wall
            return self._last_now
        if self._sink is None:
            return self._last_now
        processed = self._sink.processedUSecs()
        if processed != self._anchor_processed:
            self._flowing = self._flowing or self._anchor_processed >= 0
            self._anchor_processed = processed
            self._anchor_at = wall
        elif self._flowing and wall - max(self._anchor_at, self._watched_since) > STALL_S:
            self._on_sink_stalled()
            return self.now()
        position = (
            self._start_s
            - self._latency_s
            + self._track_s(processed)
            + min(max(0.0, wall - self._anchor_at), MAX_EXTRAPOLATION_S)
        )
        self._last_now = max(self._last_now, position)
        self._last_now_at = wall
        return self._last_now

    def follow(self, cues: Sequence[ScheduledCue]) -> None:
        self._cues = tuple(cues)
        with self._lock:
            if self._mixer is not None and self._feeder is not None:
                self._mixer.reschedule(self._cues, self._feeder.head)

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        with self._lock:
            if self._mixer is not None:
                self._mixer.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        with self._lock:
            if self._mixer is not None:
                self._mixer.set_muted(muted)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stop_sink()
        self._sink_thread.stop()
        self._owner.deleteLater()

    # --- device handling ------------------------------------------------------------------

    def _open(self, device: QAudioDevice, resume: tuple[float, float] | None = None) -> None:
        """Start a sink on ``device``: from clock time 0, or ``resume`` (wall time, clock time)
        carried on at the wall clock's rate to the moment the sink starts."""
        if device.isNull():
            raise AudioUnavailableError("Qt found no audio output device")
        audio_format = _stream_format(device)
        rate = audio_format.sampleRate()
        if rate not in self._rendered:  # once per rate: a re-opening keeps the schedule
            self._rendered[rate] = (
                self._sounds(rate),
                self._voice.at_rate(rate) if self._voice else None,
            )
        mixer = CueMixer(rate, *self._rendered[rate])
        mixer.set_volume(self._volume)
        mixer.set_muted(self._muted)
        mixer.schedule(self._cues)
        with self._lock:
            self._mixer = mixer
        # Taken last, after the slow part (rendering the sounds). The sink's count starts at 0
        # with its first frame, which is heard ``latency_s`` later (as ``now()`` assumes): so
        # that frame is the one due then, and the clock runs on without a step.
        head = 0
        if resume is not None:
            head = round((resume[1] + self._clock() - resume[0] + self._latency_s) * rate)
        capacity_s = max(CAPACITY_S, 2 * self._buffer_s)
        sink, pushed = self._sink_thread.call(lambda: _start_sink(device, audio_format, capacity_s))
        feeder = StreamFeeder(
            sink=sink,
            device=pushed,
            render=_renderer(mixer, audio_format),
            lock=self._lock,
            head=head,
            rate=rate,
            fill_s=self._buffer_s,
            stats=self.stats,
            clock=self._clock,
            raise_priority=self._raise_priority,
            heal=self._heal_gaps,
        )
        self._sink, self._feeder, self._device = sink, feeder, device
        feeder.start()
        self._start_s = head / rate
        self._anchor_processed = -1
        self._flowing = False
        buffered_s = self._buffer_s
        self.lead_s = max(self.lead_s, buffered_s + self._latency_s + LEAD_MARGIN_S)
        log.info(
            "qt audio: streaming to %r at %d Hz, %d channel(s), %s, %.0f ms buffer",
            device.description(),
            rate,
            audio_format.channelCount(),
            audio_format.sampleFormat().name,
            buffered_s * 1000,
        )

    def _track_s(self, processed_us: int) -> float:
        """Seconds of track played when the sink has processed ``processed_us``: the stream's
        own length plus the stretches dropped to heal gaps (see StreamFeeder)."""
        feeder, rate = self._feeder, self.rate
        if feeder is None or not rate or not feeder.skipped:
            return processed_us / 1e6
        return processed_us / 1e6 + feeder.skipped_before(processed_us * rate // 1_000_000) / rate

    def _stop_sink(self) -> None:
        sink, feeder = self._sink, self._feeder
        self._sink = self._feeder = None
        if feeder is not None:
            feeder.stop()  # first: it writes to the sink
        if sink is not None:
            self._sink_thread.call(lambda: _end_sink(sink))

    def _reopen(
        self, device: QAudioDevice, why: str, resume: tuple[float, float] | None = None
    ) -> None:
        """Stream to ``device`` from ``resume`` (wall time, clock time; by default the clock's
        last reading), the clock carrying on at the wall clock's rate through the (slow)
        re-opening; or carry on silently if it cannot be opened."""
        if resume is None:  # not now(): it may be what noticed the stopped sink
            resume = (self._last_now_at, self._last_now)
        self._stop_sink()
        try:
            self._open(device, resume)
        except AudioUnavailableError as error:
            if self._silent_since is None:  # said once, not at every later device change
                self.notice = f"Sound stopped ({why}; {error}). The session carries on silently."
                log.warning("qt audio: %s", self.notice)
            self._silent_since = resume
            return
        self._silent_since = None
        log.info("qt audio: re-opened on %r (%s)", device.description(), why)

    def _on_outputs_changed(self) -> None:
        default = QMediaDevices.defaultAudioOutput()
        if self._closed or (default.id() == self._device.id() and self._sink is not None):
            return
        self._reopen(default, "the default output device changed")

    def _on_sink_stopped(self) -> None:
        # Polled from now() rather than connected to stateChanged: PySide cannot pass the
        # QAudio::State argument of that signal to a Python slot (TypeError at run time).
        sink = self._sink
        error = sink.error().name if sink is not None else "gone"
        self._reopen(QMediaDevices.defaultAudioOutput(), f"the sink stopped ({error})")

    def _on_sink_stalled(self) -> None:
        # Carry on from the sink's last report: what was heard up to then is all there was.
        position = self._start_s - self._latency_s + self._track_s(self._anchor_processed)
        self._reopen(
            QMediaDevices.defaultAudioOutput(),
            "the output device stopped playing",
            (self._anchor_at, position),
        )


def _start_sink(
    device: QAudioDevice, audio_format: QAudioFormat, capacity_s: float
) -> tuple[QAudioSink, QIODevice]:
    """A sink started in push mode on ``device``, owned by the calling thread."""
    sink = QAudioSink(device, audio_format)
    rate = audio_format.sampleRate()
    sink.setBufferSize(round(capacity_s * rate) * audio_format.bytesPerFrame())
    pushed = sink.start()
    if (
        pushed is None
        or sink.error() != QtAudio.Error.NoError
        or sink.state() == QtAudio.State.StoppedState
    ):
        error = sink.error()
        _end_sink(sink)
        raise AudioUnavailableError(f"Qt could not open {device.description()!r}: {error.name}")
    return sink, pushed


def _end_sink(sink: QAudioSink) -> None:
    sink.stop()
    sink.deleteLater()


def _renderer(mixer: CueMixer, audio_format: QAudioFormat) -> Callable[[int, int], bytes]:
    """The bytes of ``n`` frames of the track from frame ``first``, in the stream's format."""
    return pcm_renderer(
        mixer,
        channels=audio_format.channelCount(),
        as_float=audio_format.sampleFormat() == QAudioFormat.SampleFormat.Float,
    )


def _ask_pulse_latency() -> float:
    """Set ``PULSE_LATENCY_MSEC`` (Linux, unless already set); the latency heard with it."""
    if not sys.platform.startswith("linux"):
        return 0.0
    os.environ.setdefault("PULSE_LATENCY_MSEC", str(PULSE_LATENCY_MS))
    try:
        return max(0.0, float(os.environ["PULSE_LATENCY_MSEC"]) / 1000 * HEARD_FRACTION)
    except ValueError:
        return 0.0


def _stream_format(device: QAudioDevice) -> QAudioFormat:
    """The device's own rate (no resampling); mono and 16-bit when it takes them."""
    preferred = device.preferredFormat()
    rate = preferred.sampleRate() or 48000
    for sample_format in (QAudioFormat.SampleFormat.Int16, QAudioFormat.SampleFormat.Float):
        for channels in (1, max(1, preferred.channelCount())):
            audio_format = QAudioFormat()
            audio_format.setSampleRate(rate)
            audio_format.setChannelCount(channels)
            audio_format.setSampleFormat(sample_format)
            if device.isFormatSupported(audio_format):
                return audio_format
    raise AudioUnavailableError(
        f"{device.description()!r} takes neither 16-bit nor float samples at {rate} Hz"
    )
