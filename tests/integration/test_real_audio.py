"""Real sound: a session played by ``tempo-trainer play`` into a private PulseAudio null sink.

The sink's monitor is recorded with parec, every note's onset is found per pitch, and the
recording is compared with the mixer's ideal render of the timeline: no cue may be missing,
merged or extra, and after removing the constant latency every onset must be within 1 ms
(qt), or within 1 ms inside each pre-rendered stretch (simpleaudio). PulseAudio missing is a
failure, not a skip: CI installs it (scripts/install-system-deps.sh).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.audio.mixer import PlacedCue
from app.audio.select import simpleaudio_missing
from app.audio.sounds import cue_sounds
from app.storage.data_dir import store_path
from app.storage.store import Store
from tests.integration.audio_recording import (
    SINK_RATE,
    Floats,
    PrivatePulse,
    all_onsets,
    compare,
    ideal_track,
    plan_cues,
    play_recorded,
    pulse_or_fail,
)

pytestmark = [pytest.mark.realaudio, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SPEED = 2.0
MAX_ERROR_S = 0.001
EXPECT_SIMPLEAUDIO_ENV = "TEMPO_TRAINER_EXPECT_SIMPLEAUDIO"
"""Set to 1 by the Makefile on Linux, where it installs the simpleaudio extra."""
PLAN = """\
title = "Real audio check"
count_in_s = 3

[[block]]
variation = "floor-push-up"
sets = 1
reps = 2
tempo = "3-1-1-1"
rest_s = 20

[[block]]
variation = "negative-knee-push-up"
sets = 1
reps = 1
tempo = "4-1-R-0"
reset_s = 2
rest_s = 0
"""


@pytest.fixture(scope="module")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivatePulse]:
    with pulse_or_fail(tmp_path_factory.mktemp("pulse")) as daemon:
        yield daemon


def _play(pulse: PrivatePulse, tmp_path: Path, audio: str) -> tuple[Path, Floats]:
    """Play the plan with ``tempo-trainer play``; the plan path and the recording."""
    plan_path = tmp_path / "plan.toml"
    plan_path.write_text(PLAN, encoding="utf-8")
    done, recording = play_recorded(
        pulse,
        [
            *(sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data"), "play"),
            *(str(plan_path), "--yes", "--audio", audio, "--speed", str(SPEED)),
        ],
        REPO,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"Sound: {audio}" in done.stdout, done.stdout[-2000:]
    with Store(store_path(tmp_path / "data")) as store:
        assert [s.reps for s in store.sets()] == [2, 1]
    return plan_path, recording


def _simpleaudio_or_skip() -> None:
    """Skip where the extra is rightly absent; under ``make`` on Linux a missing one fails."""
    why = simpleaudio_missing()
    if why is None:
        return
    if sys.version_info >= (3, 12):
        pytest.skip(why)
    if os.environ.get(EXPECT_SIMPLEAUDIO_ENV) == "1":
        pytest.fail(f"make installs the simpleaudio extra on Linux, yet {why}")
    pytest.skip(f"the simpleaudio extra is not installed here (make test installs it): {why}")


@pytest.mark.parametrize("audio", ["qt", "pulse", "simpleaudio"])
def test_every_cue_is_heard_once_and_on_time(
    pulse: PrivatePulse, tmp_path: Path, audio: str
) -> None:
    if audio == "simpleaudio":
        _simpleaudio_or_skip()
    plan_path, recording = _play(pulse, tmp_path, audio)
    cues = plan_cues(plan_path, SPEED)
    ideal = all_onsets(ideal_track(cues, SINK_RATE), SINK_RATE)
    groups: list[tuple[float, float]] = []
    if audio == "simpleaudio":
        from app.audio.simpleaudio_output import SEGMENT_GAP_S, segments

        sounds = cue_sounds(SINK_RATE)
        placed = [PlacedCue(round(c.at * SINK_RATE), c.kind) for c in cues]
        lengths = {kind: len(s) for kind, s in sounds.items()}
        groups = [
            (s.first / SINK_RATE - 1e-3, s.end / SINK_RATE)
            for s in segments(placed, lengths, SINK_RATE, SEGMENT_GAP_S)
        ]
    result = compare(ideal, all_onsets(recording, SINK_RATE), groups=groups)

    assert not result.missing, result.describe()
    assert not result.extra, result.describe()
    assert sum(len(v) for v in ideal.values()) == len(result.errors_s)
    assert result.max_abs_error_s < MAX_ERROR_S, result.describe()


@pytest.mark.parametrize(("flag", "said"), [("--voice", " with spoken counts"), ("--no-voice", "")])
def test_spoken_counts_are_said_to_be_on_when_the_output_was_given_the_words(
    pulse: PrivatePulse, tmp_path: Path, flag: str, said: str
) -> None:
    """What ``play`` says comes from the real output's own report (``speaks``), not from the
    flag. (Broken word files cannot be set up here: they ship inside the package; the GUI's
    indicator is tested with an output that was given none, test_sound_status.py.)"""
    plan_path = tmp_path / "plan.toml"
    plan_path.write_text(PLAN, encoding="utf-8")
    done, _ = play_recorded(
        pulse,
        [
            *(sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data"), "play"),
            *(str(plan_path), "--yes", "--audio", "pulse", flag, "--speed", "20"),
        ],
        REPO,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"Sound: pulse{said} at 20x speed" in done.stdout, done.stdout[-2000:]


def test_a_missing_simpleaudio_plays_through_qt_and_says_how_to_add_it(
    pulse: PrivatePulse, tmp_path: Path
) -> None:
    plan_path = tmp_path / "plan.toml"
    plan_path.write_text(
        'title = "Short"\ncount_in_s = 0\n[[block]]\nvariation = "floor-push-up"\n'
        'sets = 1\nreps = 1\ntempo = "1-0-1-0"\nrest_s = 0\n',
        encoding="utf-8",
    )
    args = ["--data-dir", str(tmp_path / "data"), "play", str(plan_path), "--yes"]
    # As in an install without the extra: importing simpleaudio finds nothing.
    script = (
        "import sys\nsys.modules['simpleaudio'] = None\nfrom app.cli import main\n"
        f"sys.exit(main({[*args, '--audio', 'simpleaudio', '--speed', '5']!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=pulse.env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert "Sound: qt at 5x speed (a rehearsal)" in lines, done.stdout
    (notice,) = [line for line in lines if "simpleaudio" in line]
    if sys.version_info >= (3, 12):
        assert notice.startswith("Sound plays through qt: simpleaudio works on Python 3.11 only")
    else:
        assert notice.startswith("Sound plays through qt: simpleaudio is not installed; to add it:")
        assert "pip install 'tempo-trainer[simpleaudio]'" in notice
