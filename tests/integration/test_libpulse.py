"""libpulse through ctypes, on a private PulseAudio daemon: the clock runs with the sound, and
sound written over the queue replaces what was there (what a pause needs).

Recorded from the daemon's null sink; PulseAudio missing is a failure, not a skip.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from app.audio.libpulse import SINK_LATENCY_S, PulseError, PulseStream
from tests.integration.audio_recording import SINK_RATE, PrivatePulse, Recorder, pulse_or_fail

pytestmark = [pytest.mark.realaudio, pytest.mark.slow]

SPACING = SINK_RATE // 4
BEEP = 1000


@pytest.fixture(scope="module")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivatePulse]:
    with pulse_or_fail(tmp_path_factory.mktemp("pulse")) as daemon:
        yield daemon


@pytest.fixture
def server(pulse: PrivatePulse, monkeypatch: pytest.MonkeyPatch) -> PrivatePulse:
    for name, value in pulse.env.items():
        if name.startswith(("PULSE_", "XDG_RUNTIME")):
            monkeypatch.setenv(name, value)
    return pulse


def _beeps(rate: int, count: int) -> bytes:
    tone = (np.sin(2 * np.pi * 1000 * np.arange(BEEP) / rate) * 16000).astype("<i2")
    one = np.concatenate([tone, np.zeros(SPACING - BEEP, "<i2")])
    return np.tile(one, count).tobytes()


def _onsets(recording: np.ndarray) -> list[int]:
    loud = np.abs(recording) > 0.05
    starts = np.flatnonzero(loud[1:] & ~loud[:-1]) + 1
    found: list[int] = []
    for start in starts:
        if not found or start - found[-1] > SPACING // 2:
            found.append(int(start))
    return found


def test_the_clock_runs_with_the_sound_and_a_write_over_the_queue_replaces_it(
    server: PrivatePulse,
) -> None:
    with Recorder(server) as recorder:
        stream = PulseStream(48000, 2.0)
        try:
            assert stream.rate == SINK_RATE  # the sink's own rate: no resampling
            # A fresh stream's clock runs before anything is written: the first write goes
            # where the sink will take it, its latency after the frame being heard.
            reachable = stream.flush()
            assert 0 < stream.sink_latency_frames <= SINK_LATENCY_S * 1.5 * stream.rate
            start = max(reachable, stream.played_frames() + stream.sink_latency_frames)
            stream.write(start, _beeps(stream.rate, 8))  # two seconds: a beep every 250 ms
            begun, heard = time.monotonic(), stream.played_frames()
            time.sleep(0.6)
            ran_s = (stream.played_frames() - heard) / stream.rate
            assert ran_s == pytest.approx(time.monotonic() - begun, abs=0.05)
            # Silence over the rest of the queue, from just after what the sink has taken.
            cut = stream.played_frames() + stream.rate // 20
            stream.write(cut, bytes(2 * (start + 8 * SPACING - cut)))
            time.sleep(2.0)
        finally:
            stream.close()
        recording = recorder.stop()
    onsets = _onsets(recording)
    beeps_before_cut = (cut - start + SPACING - 1) // SPACING
    assert 2 <= len(onsets) <= beeps_before_cut, onsets
    assert all(b - a == pytest.approx(SPACING, abs=2) for a, b in itertools.pairwise(onsets))


def test_no_server_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'no-such-socket'}")
    monkeypatch.setenv("PULSE_RUNTIME_PATH", str(tmp_path))
    monkeypatch.delenv("PULSE_COOKIE", raising=False)
    assert "PULSE_SERVER" in os.environ
    with pytest.raises(PulseError, match=r"no sound server|refused"):
        PulseStream(48000, 1.0)
