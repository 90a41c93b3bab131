"""``tempo-trainer play --voice``: the spoken counts reach the output and are in its track."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from app.audio.mixer import CueMixer
from app.audio.output import CueOutput, SilentOutput
from app.audio.sounds import cue_sounds
from app.audio.voice import Voice
from app.cli import build_parser
from app.domain.timeline import CueKind
from app.headless import run_headless
from app.storage.data_dir import store_path
from app.storage.settings import Settings, save_settings, settings_path
from app.storage.store import Store
from tests.conftest import plan_text
from tests.fake_clock import FakeClock
from tests.unit.headless_fakes import Keyboard

PLAN = plan_text(
    """
    variation = "floor-push-up"
    sets = 1
    reps = 2
    tempo = "3-1-1-0"
    rest_s = 0
    """,
    title="One slow set",
    head="count_in_s = 3",
)
RATE = 48000


class Speaker(SilentOutput):
    """Stands for a device that plays: keeps the schedule it was given, on the fake clock."""

    name = "speaker"
    volume = 1.0
    muted = False
    speaks = False

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def set_muted(self, muted: bool) -> None:
        self.muted = muted


class Opener:
    """``open_output`` as the session calls it; remembers what it was asked for."""

    def __init__(self) -> None:
        self.asked: list[tuple[str | None, Voice | None]] = []
        self.opened: list[Speaker] = []

    def __call__(
        self, name: str | None, *, clock: Callable[[], float], voice: Voice | None
    ) -> CueOutput:
        self.asked.append((name, voice))
        self.opened.append(Speaker(clock))
        self.opened[-1].speaks = voice is not None  # as the real outputs report it
        return self.opened[-1]


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "slow.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _play(plan_path: Path, data: Path, opener: Opener, voice: bool | None) -> int:
    clock = FakeClock()
    return run_headless(
        plan_path,
        data_dir=data,
        audio="simpleaudio",
        assume_yes=True,
        clock=clock.now,
        sleep=clock.sleep,
        input_fn=Keyboard(clock),
        wall_clock=lambda: datetime(2026, 3, 1, 7, 30, tzinfo=UTC),
        voice=voice,
        open_sound=opener,
    )


@pytest.mark.parametrize(
    ("saved", "flag", "spoken"),
    [
        (False, True, True),  # --voice
        (True, False, False),  # --no-voice beats the setting
        (True, None, True),  # neither: the saved setting, as in the GUI
        (False, None, False),
    ],
)
def test_the_output_is_opened_with_the_words_only_when_they_are_wanted(
    plan_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    saved: bool,
    flag: bool | None,
    spoken: bool,
) -> None:
    data = tmp_path / "data"
    save_settings(settings_path(data), Settings(voice_counts=saved))
    opener = Opener()

    assert _play(plan_path, data, opener, flag) == 0

    ((name, voice),) = opener.asked
    assert name == "simpleaudio"
    assert (voice is not None) == spoken
    if voice is not None:
        assert {"one", "two", "three", "lower", "hold", "push"} <= set(voice.words)
    sound_line = next(line for line in capsys.readouterr().out.splitlines() if "Sound:" in line)
    assert sound_line == ("Sound: speaker with spoken counts" if spoken else "Sound: speaker")
    with Store(store_path(data)) as store:
        assert [s.reps for s in store.sets()] == [2]


def test_the_track_of_a_voiced_session_says_the_counts_on_their_cues(
    plan_path: Path, tmp_path: Path
) -> None:
    """Mixed as every playing output mixes: CueMixer(rate, cue sounds, the voice at the rate)."""
    opener = Opener()
    assert _play(plan_path, tmp_path / "data", opener, True) == 0
    ((_, voice),) = opener.asked
    assert voice is not None
    played = opener.opened[0].cues
    words = voice.at_rate(RATE)
    with_voice = CueMixer(RATE, cue_sounds(RATE), words)
    without = CueMixer(RATE, cue_sounds(RATE))
    with_voice.schedule(played)
    without.schedule(played)
    end = with_voice.last_frame()

    spoken = with_voice.words
    # Count-in, then rep 1: "lower" and the count along its 3 s, the hold, the push.
    assert [word for _, word in spoken[:8]] == [
        "three", "two", "one", "lower", "two", "three", "hold", "push",
    ]  # fmt: skip
    first_count = next(c for c in played if c.kind is CueKind.COUNT)
    assert spoken[0][0] == with_voice.frame_of(first_count.at)
    # What the voice adds to the track is exactly each word, from its cue's frame on.
    added = with_voice.render(0, end) - without.render(0, end)
    for frame, word in spoken:
        samples = words[word]
        assert float(np.max(np.abs(samples))) > 0.05
        np.testing.assert_allclose(added[frame : frame + len(samples)], samples, atol=1e-5)
    said = np.zeros(end, dtype=bool)
    for frame, word in spoken:
        said[frame : frame + len(words[word])] = True
    assert not np.any(added[~said])


@pytest.mark.parametrize(
    ("args", "voice"), [([], None), (["--voice"], True), (["--no-voice"], False)]
)
def test_play_takes_voice_and_no_voice(args: list[str], voice: bool | None) -> None:
    assert build_parser().parse_args(["play", "plan.toml", *args]).voice is voice


def test_play_takes_output_volume_and_mute_from_settings_unless_a_flag_says(
    plan_path: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    save_settings(settings_path(data), Settings(audio="none", volume=0.3, muted=True))
    opener = Opener()
    clock = FakeClock()
    code = run_headless(
        plan_path,
        data_dir=data,
        assume_yes=True,
        clock=clock.now,
        sleep=clock.sleep,
        input_fn=Keyboard(clock),
        wall_clock=lambda: datetime(2026, 3, 1, 7, 30, tzinfo=UTC),
        open_sound=opener,
    )
    assert code == 0
    assert [name for name, _ in opener.asked] == ["none"]
    assert (opener.opened[0].volume, opener.opened[0].muted) == (0.3, True)
    assert _play(plan_path, data, opener, voice=None) == 0
    assert opener.asked[-1][0] == "simpleaudio"
