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
    mixer.schedule([ScheduledCue(0.05 + 0.25 * i, CueKind.TICK) for i in range(12)])
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
