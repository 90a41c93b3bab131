"""Real sound: the pulse output follows the output device mid-session, by the server's doing.

A private PulseAudio with two null sinks, ``tt`` (the default) and ``tt2``, both recorded. The
pulse output plays a beep every 0.5 s; between two beeps the test makes ``tt2`` the default,
or unloads every sink. PulseAudio moves a stream that was not routed by hand to the new
default itself, queue and clock included, so nothing is re-opened: every beep is heard once,
on the device in use at its time, in the rhythm of those before. With no device left the
server ends the stream: the clock carries on at the monotonic clock's rate and the output
says so once. (The qt output's own handling of the same changes: test_device_change.py.)
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.audio.pulse_output import PulseOutput
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind
from tests.integration.audio_recording import (
    SINK_NAME,
    SINK_RATE,
    PrivatePulse,
    Recorder,
    band_onsets,
    pulse_or_fail,
)

pytestmark = [pytest.mark.realaudio, pytest.mark.slow]

OTHER_SINK = "tt2"
CUES = 12
INTERVAL_S = 0.5
PITCH_HZ = 880.0
"""The count beep's pitch."""
EVENT_AFTER = 5
"""The device changes a quarter interval after this beep (the beep lasts 90 ms)."""
MAX_SHIFT_S = 0.025
"""How far a beep on the new device may sit from the rhythm (as test_device_change.py)."""


@pytest.fixture
def pulse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivatePulse]:
    with pulse_or_fail(tmp_path / "pulse", extra_sinks=(OTHER_SINK,)) as daemon:
        for name, value in daemon.env.items():
            if name.startswith(("PULSE_", "XDG_RUNTIME")):
                monkeypatch.setenv(name, value)
        # The server's default is the only one: a stream sent to a named sink is not moved.
        monkeypatch.delenv("PULSE_SINK")
        yield daemon


def _unload_sinks(pulse: PrivatePulse) -> None:
    for line in pulse.pactl("list", "short", "modules").splitlines():
        index, module, *_ = line.split("\t")
        if module == "module-null-sink":
            pulse.pactl("unload-module", index)


def _play(
    pulse: PrivatePulse, event: str
) -> tuple[dict[str, list[float]], list[float], PulseOutput, float]:
    """Beeps on the monotonic clock per sink, when each was due, the output, the event time."""
    recorders = {SINK_NAME: Recorder(pulse), OTHER_SINK: Recorder(pulse, sink=OTHER_SINK)}
    for recorder in recorders.values():
        recorder.start(settle_s=0.2)
    output = PulseOutput(raise_priority=False)
    try:
        start = output.now() + 0.5
        due = [time.monotonic() + 0.5 + i * INTERVAL_S for i in range(CUES)]
        output.follow([ScheduledCue(start + i * INTERVAL_S, CueKind.COUNT) for i in range(CUES)])
        event_at = due[EVENT_AFTER] + INTERVAL_S / 4
        time.sleep(max(0.0, event_at - time.monotonic()))
        if event == "new default":
            pulse.pactl("set-default-sink", OTHER_SINK)
        else:
            _unload_sinks(pulse)
        time.sleep(max(0.0, due[-1] + 0.6 - time.monotonic()))
    finally:
        output.close()
    heard = {
        name: [
            recorder.first_sample_time(until=event_at) + onset
            for onset in band_onsets(recorder.stop(), SINK_RATE, PITCH_HZ)
        ]
        for name, recorder in recorders.items()
    }
    return heard, due, output, event_at


def test_a_new_default_device_takes_the_stream_and_its_rhythm(pulse: PrivatePulse) -> None:
    heard, due, output, event_at = _play(pulse, "new default")
    before, after = heard[SINK_NAME], heard[OTHER_SINK]
    assert len(before) == EVENT_AFTER + 1, heard
    assert len(after) == CUES - EVENT_AFTER - 1, heard
    assert all(at < event_at for at in before) and all(at > event_at for at in after)
    latency = before[0] - due[0]
    shifts = [at - latency - due[EVENT_AFTER + 1 + i] for i, at in enumerate(after)]
    assert max(abs(s) for s in shifts) < MAX_SHIFT_S, shifts
    assert output.notice is None and not output.silenced
    assert output.stats.gaps == 0


def test_with_no_device_left_the_clock_carries_on_and_says_so_once(pulse: PrivatePulse) -> None:
    heard, due, output, _ = _play(pulse, "no device")
    assert len(heard[SINK_NAME]) == EVENT_AFTER + 1, heard
    assert output.notice is not None and "carries on silently" in output.notice
    assert output.silenced  # the screens say "No sound" (app/gui/session_run.py)
    # The clock went on through the loss at the monotonic clock's rate (0 was 0.5 s before
    # the first beep was due, to within the time between two of its readings).
    assert output.now() == pytest.approx(time.monotonic() - (due[0] - 0.5), abs=0.05)
