"""The feeder writes the cue track to the sink exactly once, in order, a set stretch ahead."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from app.audio.mixer import CueMixer
from app.audio.sounds import cue_sounds
from app.audio.stream_feeder import StreamFeeder
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind
from tests.fake_clock import FakeClock

RATE = 8000
FILL_S = 0.1


class Sink:
    """A sink whose played position the test sets."""

    def __init__(self) -> None:
        self.played_frames = 0

    def processedUSecs(self) -> int:  # noqa: N802 (Qt's name)
        return self.played_frames * 1_000_000 // RATE


class Device:
    """A push device that takes at most ``room`` bytes a call (Qt's buffer can be full)."""

    def __init__(self, room: int = 1 << 30) -> None:
        self.room = room
        self.data = bytearray()

    def write(self, data: bytes, /) -> int:
        taken = data[: self.room]
        self.data += taken
        return len(taken)


def _mixer() -> CueMixer:
    mixer = CueMixer(RATE, cue_sounds(RATE))
    mixer.schedule([ScheduledCue(0.05 + 0.25 * i, CueKind.TICK) for i in range(28)])
    return mixer


def _feeder(sink: Sink, device: Device, mixer: CueMixer, head: int = 0) -> StreamFeeder:
    return StreamFeeder(
        sink=sink,
        device=device,
        render=lambda first, n: mixer.render(first, n).astype("<f4").tobytes(),
        lock=threading.Lock(),
        head=head,
        rate=RATE,
        fill_s=FILL_S,
    )


def _written(device: Device) -> np.ndarray:
    return np.frombuffer(bytes(device.data), dtype="<f4")


@pytest.mark.parametrize("room", [1 << 30, 4 * 37])
def test_the_written_stream_is_the_track_itself_whatever_the_buffer_takes(room: int) -> None:
    sink, device, mixer = Sink(), Device(room), _mixer()
    feeder = _feeder(sink, device, mixer, head=RATE // 4)
    for step in range(400):
        sink.played_frames = step * 23
        feeder.top_up()
    written = _written(device)
    assert len(written) > RATE
    assert np.array_equal(written, mixer.render(RATE // 4, len(written)))


def test_the_buffer_is_kept_one_fill_ahead_of_what_has_played() -> None:
    sink, device, mixer = Sink(), Device(), _mixer()
    feeder = _feeder(sink, device, mixer)
    feeder.top_up()
    assert len(_written(device)) == round(FILL_S * RATE)
    feeder.top_up()
    assert len(_written(device)) == round(FILL_S * RATE)  # nothing played: nothing more
    sink.played_frames = 300
    feeder.top_up()
    assert len(_written(device)) == round(FILL_S * RATE) + 300
    assert feeder.head == round(FILL_S * RATE) + 300


def test_the_thread_keeps_writing_while_the_caller_is_busy_and_stops_when_asked() -> None:
    sink, device, mixer = Sink(), Device(), _mixer()
    feeder = _feeder(sink, device, mixer)
    feeder.start()
    try:
        for played in range(0, 2000, 100):
            sink.played_frames = played
            deadline = time.monotonic() + 5
            while len(device.data) // 4 < played + round(FILL_S * RATE):
                assert time.monotonic() < deadline, "the feeder fell behind"
                time.sleep(0.001)
    finally:
        feeder.stop()
    size = len(device.data)
    sink.played_frames = 10_000
    time.sleep(0.05)
    assert len(device.data) == size
    assert np.array_equal(_written(device), mixer.render(0, size // 4))


def _onsets(samples: np.ndarray) -> list[int]:
    """Where each sound starts (after at least 10 ms of silence)."""
    loud = np.flatnonzero(samples != 0)
    return [int(f) for i, f in enumerate(loud) if i == 0 or f - loud[i - 1] > RATE // 100]


def _play(
    stall_at_s: float | None = None,
    stall_s: float = 0.0,
    seconds: float = 6.0,
    *,
    lag_at_s: float | None = None,
    lag_s: float = 0.0,
    ahead_until_s: float = 0.0,
    silent_at_s: float | None = None,
    silent_s: float = 0.0,
) -> tuple[StreamFeeder, Device, CueMixer, list[float]]:
    """Feed for ``seconds`` of fake time; the wall time each written stream frame was heard at.

    The sink plays at its rate. ``stall``: the feeder does not wake up for ``stall_s``, so the
    sink plays what it has and then silence it does not count (a gap of ``stall_s - FILL_S``).
    ``lag``: the sink's report stands still for ``lag_s``, then catches up (no gap: the sink
    plays on). ``ahead_until_s``: until then the report runs 20 ms ahead of what is heard (the
    server's prebuffer at the start). ``silent``: the sink plays ``silent_s`` of silence it
    does not count though its buffer is not empty (the server's own buffer ran dry).
    """
    sink, device, mixer, clock = Sink(), Device(), _mixer(), FakeClock()
    feeder = StreamFeeder(
        sink=sink,
        device=device,
        render=lambda first, n: mixer.render(first, n).astype("<f4").tobytes(),
        lock=threading.Lock(),
        head=0,
        rate=RATE,
        fill_s=FILL_S,
        clock=clock,
    )
    start = clock.t
    step = 0.005
    played = 0  # stream frames really played
    silences: list[tuple[int, float]] = []  # (stream frame, seconds of silence before it)
    for i in range(round(seconds / step)):
        clock.t = start + i * step
        elapsed = i * step
        stalled = stall_at_s is not None and stall_at_s <= elapsed < stall_at_s + stall_s
        if i:
            written = len(device.data) // 4
            silent = silent_at_s is not None and silent_at_s <= elapsed < silent_at_s + silent_s
            if silent:
                silences.append((played, step))
            else:
                played += round(step * RATE)
            if stalled and played > written:
                silences.append((written, (played - written) / RATE))
                played = written
        reported = played
        if lag_at_s is not None and lag_at_s <= elapsed < lag_at_s + lag_s:
            reported = min(reported, round(lag_at_s * RATE))
        if elapsed < ahead_until_s:
            reported += round(0.02 * RATE)
        # Coarse reports, as a real sink gives: whole 10 ms chunks.
        sink.played_frames = reported // (RATE // 100) * (RATE // 100)
        if not stalled:
            feeder.top_up()
    heard = []
    for frame in range(len(device.data) // 4):
        silence_s = sum(length for at, length in silences if at <= frame)
        heard.append(start + frame / RATE + silence_s)
    return feeder, device, mixer, heard


def test_an_idle_stream_heals_nothing_though_the_sink_reports_coarsely() -> None:
    feeder, device, mixer, _ = _play()
    assert feeder.stats.gaps == 0 and feeder.skipped == 0
    assert feeder.stats.max_behind_s < 0.001
    assert np.array_equal(_written(device), mixer.render(0, len(device.data) // 4))


def test_a_sink_slow_to_report_is_not_taken_for_a_gap() -> None:
    feeder, device, mixer, _ = _play(lag_at_s=1.6, lag_s=1.6)
    assert feeder.stats.max_behind_s > 0.1  # seen over a whole window
    assert feeder.stats.gaps == 0 and feeder.skipped == 0  # and left alone
    assert np.array_equal(_written(device), mixer.render(0, len(device.data) // 4))


def test_a_report_running_ahead_at_the_start_does_not_enlarge_a_heal() -> None:
    feeder, device, _, heard = _play(ahead_until_s=0.6, stall_at_s=1.6, stall_s=FILL_S + 0.03)
    gap_s = heard[-1] - (heard[0] + (len(device.data) // 4 - 1) / RATE)
    # The first reports read 20 ms ahead; were they the baseline, 20 ms more would be dropped
    # and every later cue would come early.
    assert feeder.stats.gaps == 1
    assert feeder.stats.gap_s == pytest.approx(gap_s, abs=1 / RATE)


def test_a_gap_is_healed_by_dropping_silence_so_later_cues_sound_on_time() -> None:
    feeder, device, mixer, heard = _play(stall_at_s=1.6, stall_s=FILL_S + 0.03)
    written = _written(device)
    gap_s = heard[-1] - (heard[0] + (len(written) - 1) / RATE)
    assert 0.03 <= gap_s <= 0.04  # the buffer held a little less than FILL_S when it stalled
    assert feeder.stats.gaps == 1
    assert feeder.stats.gap_s == pytest.approx(gap_s, abs=1 / RATE)
    assert feeder.skipped == round(gap_s * RATE)
    cues = [p.frame for p in mixer.placed]
    onsets = _onsets(written)
    assert len(onsets) == len([f for f in cues if f < len(written) + feeder.skipped])  # none lost
    lateness = [
        heard[stream] - (100.0 + track / RATE)
        for stream, track in zip(onsets, cues[: len(onsets)], strict=True)
    ]
    # Cues queued before the gap was seen are late by it; every later one is exactly on time
    # again, as the first one was (the onset finder's own offset cancels out).
    on_time = lateness[0]
    assert max(lateness) - on_time == pytest.approx(gap_s, abs=0.5 / RATE)
    assert lateness[-3:] == pytest.approx([on_time] * 3, abs=0.5 / RATE)
    # The clock a player runs on counts the dropped stretch once it has been played.
    assert feeder.skipped_before(len(written)) == feeder.skipped
    assert feeder.skipped_before(0) == 0


def test_a_step_of_the_clock_without_an_empty_buffer_is_left_alone() -> None:
    # The clock falls 20 ms behind for good, the feeder's buffer never empty: the server's
    # buffer level moved, or it ran dry; the two cannot be told apart, so nothing is dropped.
    feeder, device, mixer, _ = _play(silent_at_s=1.6, silent_s=0.02, seconds=7.0)
    assert feeder.stats.min_ahead_s > 0.05
    assert feeder.stats.max_behind_s > 0.015
    assert feeder.stats.gaps == 0 and feeder.skipped == 0
    assert np.array_equal(_written(device), mixer.render(0, len(device.data) // 4))


def test_a_gap_after_a_settled_step_is_healed_by_its_own_length() -> None:
    feeder, device, _, heard = _play(
        silent_at_s=1.2, silent_s=0.02, stall_at_s=4.2, stall_s=FILL_S + 0.03, seconds=7.0
    )
    written = len(device.data) // 4
    gap_s = heard[-1] - (heard[0] + (written - 1) / RATE) - 0.02
    assert 0.03 <= gap_s <= 0.04
    assert feeder.stats.gaps == 1
    assert feeder.stats.gap_s == pytest.approx(gap_s, abs=1 / RATE)


def test_a_gap_found_during_a_sound_waits_for_silence_to_drop() -> None:
    feeder, device, mixer, _ = _play(stall_at_s=1.6, stall_s=FILL_S + 0.03)
    written = _written(device)
    ((at, frames),) = feeder._skips
    # Exactly the track without one silent stretch at stream frame ``at``.
    track = mixer.render(0, len(written) + frames)
    assert not track[at : at + frames].any()
    assert np.array_equal(written, np.concatenate([track[:at], track[at + frames :]]))
