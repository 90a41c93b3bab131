"""Real sound: a pause silences every cue due ``lead_s`` or more after it, and a resume keeps
the clock: the cues after it land on their samples as exactly as the ones before the pause.

The qt output keeps ``BUFFER_S`` of sound queued, which a pause cannot take back; the player
puts what an action causes ``lead_s`` ahead for that reason. Recorded from a private
PulseAudio null sink.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind
from tests.integration.audio_recording import (
    SINK_RATE,
    PrivatePulse,
    all_onsets,
    compare,
    ideal_track,
    play_recorded,
    pulse_or_fail,
)

pytestmark = [pytest.mark.realaudio, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SPACING_S = 0.25
PAUSE_BEFORE_TICK_S = 0.02
"""The pause comes this long (plus ``lead_s``) before a tick is due: that tick must not sound."""
ON_TIME_S = 0.001
PLAY = """
import json, sys
from PySide6.QtCore import QCoreApplication, QTimer
OPEN_OUTPUT
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind

app = QCoreApplication([])
out = Output(raise_priority=False)
start = out.now() + 0.6
cues = [ScheduledCue(start + i * SPACING, CueKind.TICK) for i in range(12)]
out.follow(cues)
pause_at = cues[6].at - out.lead_s - PAUSE_BEFORE
figures = {}

def when(at, then):
    def check():
        if out.now() >= at:
            then()
        else:
            QTimer.singleShot(1, check)
    check()

def pause():
    global cues
    now = out.now()
    figures["paused_at"] = now
    cues = [c for c in cues if c.at <= now]
    out.follow(cues)
    when(now + 1.0, resume)

def resume():
    global cues
    begin = out.now() + out.lead_s
    cues = cues + [ScheduledCue(begin + i * SPACING, CueKind.COUNT) for i in range(6)]
    out.follow(cues)
    when(cues[-1].at + 0.5, finish)

def finish():
    figures["cues"] = [(c.at, c.kind.value) for c in cues]
    out.close()
    print(json.dumps(figures), flush=True)
    app.quit()

when(pause_at, pause)
app.exec()
"""


@pytest.fixture(scope="module")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivatePulse]:
    with pulse_or_fail(tmp_path_factory.mktemp("pulse")) as daemon:
        yield daemon


OUTPUTS = {
    "qt": "from app.audio.qt_output import QtOutput as Output",
    "pulse": "from app.audio.pulse_output import PulseOutput as Output",
}


@pytest.mark.parametrize("audio", sorted(OUTPUTS))
def test_a_pause_silences_what_comes_after_it_and_a_resume_keeps_the_clock(
    pulse: PrivatePulse, audio: str
) -> None:
    code = (
        PLAY.replace("OPEN_OUTPUT", OUTPUTS[audio])
        .replace("SPACING", repr(SPACING_S))
        .replace("PAUSE_BEFORE", repr(PAUSE_BEFORE_TICK_S))
    )
    done, recording = play_recorded(pulse, [sys.executable, "-c", code], REPO)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.splitlines()[-1])
    cues = [ScheduledCue(at, CueKind(kind)) for at, kind in figures["cues"]]
    before = [c for c in cues if c.kind is CueKind.TICK]
    assert len(before) == 6, "the pause kept the ticks due before it"

    ideal = all_onsets(ideal_track(cues, SINK_RATE), SINK_RATE)
    result = compare(ideal, all_onsets(recording, SINK_RATE))
    why = result.describe()
    # A tick after the pause, heard, would be an extra onset.
    assert not result.missing, why
    assert not result.extra, why
    first = result.errors_s[0][1]
    off = [(round(at, 3), round((error - first) * 1000, 3)) for at, error in result.errors_s]
    assert all(abs(ms) <= ON_TIME_S * 1000 for _, ms in off), f"ms off the first cue: {off}"
