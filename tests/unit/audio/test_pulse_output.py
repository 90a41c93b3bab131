"""PulseOutput over a stand-in for the server: what lands in the queue, at which frame, when.

The stand-in keeps every frame written at its stream frame, as the server's queue does, and
moves its read position only when the test says so. Real sound through libpulse is checked in
tests/integration (test_libpulse, test_real_audio, test_paused_audio, test_starved_audio).
"""

from __future__ import annotations

import numpy as np
import pytest

from app.audio.libpulse import PulseError
from app.audio.output import AudioUnavailableError
from app.audio.pulse_output import PulseOutput
from app.audio.sounds import cue_sounds
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind
from tests.fake_clock import FakeClock

RATE = 8000
LATENCY = 80  # frames between the frame read from the queue and the one heard (10 ms)
QUIET_PERIOD_S = 3600.0  # the feeder thread never tops up by itself: the test calls top_up


class FakeStream:
    """The server's queue: frames by stream frame, a read position the test moves."""

    def __init__(self, rate: int, queue_s: float) -> None:
        del queue_s
        self.rate = rate
        self.heard = 500  # the stream began before the output took it over
        self.frames = np.zeros(0, dtype="<i2")
        self.alive = True
        self.sink_latency_frames = LATENCY
        self.underflows = 0

    def write(self, frame: int, data: bytes) -> None:
        samples = np.frombuffer(data, dtype="<i2")
        read = self.heard + LATENCY
        if frame < read:  # the server drops what lands before its read position
            samples, frame = samples[read - frame :], read
        end = frame + len(samples)
        if end > len(self.frames):
            self.frames = np.concatenate([self.frames, np.zeros(end - len(self.frames), "<i2")])
        self.frames[frame:end] = samples

    def played_frames(self) -> int:
        return self.heard

    def flush(self) -> int:
        return self.heard + LATENCY

    def close(self) -> None:
        self.alive = False

    def sound_at(self, frame: int, n: int = 40) -> bool:
        return bool(np.any(self.frames[frame : frame + n]))


@pytest.fixture
def stream() -> FakeStream:
    return FakeStream(RATE, 2.0)


def _output(stream: FakeStream, clock: FakeClock | None = None) -> PulseOutput:
    return PulseOutput(
        open_stream=lambda rate, queue_s: stream,  # type: ignore[arg-type,return-value]
        period_s=QUIET_PERIOD_S,
        raise_priority=False,
        clock=clock or FakeClock(),
    )


def _frame(output: PulseOutput, at: float) -> int:
    """The stream frame a cue due at clock time ``at`` starts on."""
    return round(at * RATE) - output._offset


def test_the_clock_is_the_frame_being_heard_and_the_queue_a_second_ahead(
    stream: FakeStream,
) -> None:
    output = _output(stream)
    try:
        assert output.now() == 0.0
        assert output.lead_s == pytest.approx((LATENCY + 0.05 * RATE) / RATE)
        assert len(stream.frames) >= stream.heard + RATE  # a second queued
        stream.heard += RATE // 2
        assert output.now() == pytest.approx(0.5)
    finally:
        output.close()


def test_a_new_schedule_is_written_over_the_queue_and_heard_on_its_frame(
    stream: FakeStream,
) -> None:
    output = _output(stream)
    try:
        tick = output.now() + output.lead_s
        output.follow([ScheduledCue(tick, CueKind.TICK), ScheduledCue(0.6, CueKind.TICK)])
        first = _frame(output, tick)
        assert not stream.sound_at(first - 40)
        assert stream.sound_at(first)
        assert stream.sound_at(_frame(output, 0.6))
        expected = np.round(cue_sounds(RATE)[CueKind.TICK][:40] * 32767.0).astype("<i2")
        assert list(stream.frames[first : first + 40]) == list(expected)
    finally:
        output.close()


def test_a_pause_takes_back_what_is_queued_after_lead_s(stream: FakeStream) -> None:
    output = _output(stream)
    try:
        cues = [ScheduledCue(0.2 + i * 0.1, CueKind.TICK) for i in range(6)]
        output.follow(cues)
        assert all(stream.sound_at(_frame(output, c.at)) for c in cues)
        stream.heard += round(0.3 * RATE)  # two ticks heard; a pause now
        now = output.now()
        output.follow([c for c in cues if c.at <= now])
        later = [c for c in cues if c.at >= now + output.lead_s]
        assert later, "the test pauses with ticks still to come"
        assert not any(stream.sound_at(_frame(output, c.at)) for c in later)
        assert stream.sound_at(_frame(output, cues[0].at))  # what was heard stays written
    finally:
        output.close()


def test_a_feeder_held_up_past_the_queue_skips_the_gap_and_keeps_later_cues_on_time(
    stream: FakeStream,
) -> None:
    output = _output(stream)
    try:
        late = 2.2
        output.follow([ScheduledCue(late, CueKind.TICK)])
        stream.heard += round(1.5 * RATE)  # the queue ran dry half a second ago
        output.top_up()
        assert output.stats.gaps == 1
        assert output.stats.gap_s == pytest.approx(0.5 + (LATENCY + 0.005 * RATE) / RATE, abs=1e-3)
        assert stream.sound_at(_frame(output, late))
        assert output.now() == pytest.approx(1.5)
    finally:
        output.close()


def test_a_stream_the_server_ended_leaves_a_silent_clock_and_a_notice(stream: FakeStream) -> None:
    clock = FakeClock()
    output = _output(stream, clock)
    try:
        stream.heard += RATE
        clock.advance(1.0)
        assert output.now() == pytest.approx(1.0)  # read every frame while the sound plays
        clock.advance(0.1)  # then the server ends the stream; the feeder finds it gone
        stream.alive = False
        stream.heard = 0  # a dead stream's clock reads 0
        output.top_up()
        assert output.notice is not None and "carries on silently" in output.notice
        clock.advance(2.0)
        assert output.now() == pytest.approx(3.1)
        output.follow([ScheduledCue(3.5, CueKind.TICK)])  # accepted, not played
    finally:
        output.close()
    output.close()  # twice is fine


def test_volume_and_mute_reach_what_is_already_queued(stream: FakeStream) -> None:
    output = _output(stream)
    try:
        output.follow([ScheduledCue(0.5, CueKind.TICK)])
        loud = int(np.abs(stream.frames[_frame(output, 0.5) :]).max())
        output.set_volume(0.25)
        quiet = int(np.abs(stream.frames[_frame(output, 0.5) :]).max())
        assert quiet == pytest.approx(loud / 4, rel=0.01)
        output.set_muted(True)
        assert not stream.sound_at(_frame(output, 0.5), RATE // 10)
    finally:
        output.close()


def test_no_sound_server_is_an_unavailable_output() -> None:
    def refuse(rate: int, queue_s: float) -> FakeStream:
        raise PulseError("no sound server: Connection refused")

    with pytest.raises(AudioUnavailableError, match=r"^no sound server"):
        PulseOutput(open_stream=refuse, raise_priority=False)  # type: ignore[arg-type]
