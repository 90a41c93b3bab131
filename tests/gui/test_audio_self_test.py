"""The audio self-test in Settings plays every cue once, in order, saying which is playing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.audio.cue_names import CUE_NAMES
from app.audio.output import CueOutput, SilentOutput
from app.audio.select import simpleaudio_missing
from app.domain.timeline import CueKind
from app.gui.audio_self_test import SPACING_S
from app.gui.settings_screen import SettingsScreen
from app.storage.settings import Settings
from tests.fake_clock import FakeClock


class RecordingOutput(SilentOutput):
    """Stands for a device: remembers its volume, mute and whether it was closed."""

    name = "recording"
    device_name = "Test speakers"

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock)
        self.volume: float | None = None
        self.muted: bool | None = None
        self.closed = False

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def opened() -> list[RecordingOutput]:
    return []


@pytest.fixture
def screen(
    qtbot: QtBot, clock: FakeClock, opened: list[RecordingOutput]
) -> Iterator[SettingsScreen]:
    def open_output(settings: Settings) -> CueOutput:
        del settings
        output = RecordingOutput(clock)
        opened.append(output)
        return output

    widget = SettingsScreen(Settings(volume=0.35, muted=True), "", open_output)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.close()


def test_every_cue_plays_once_with_its_name_at_the_chosen_volume(
    qtbot: QtBot, screen: SettingsScreen, clock: FakeClock, opened: list[RecordingOutput]
) -> None:
    assert screen.self_test is not None
    shown: list[str] = []
    screen.self_test.cue_played.connect(lambda _kind: shown.append(screen.sound_playing.text()))
    screen.sound_test.click()
    assert len(opened) == 1
    output = opened[0]
    assert [cue.kind for cue in output.cues] == list(CueKind)
    gaps = [b.at - a.at for a, b in zip(output.cues, output.cues[1:], strict=False)]
    assert gaps == pytest.approx([SPACING_S] * (len(CueKind) - 1))
    assert output.volume == 0.35
    assert output.muted is False  # the test is asked for: it plays even when muted
    with qtbot.waitSignal(screen.self_test.finished, timeout=5000):
        for _ in range(int((len(CueKind) * SPACING_S + 2) / 0.25)):
            clock.advance(0.25)
            screen.self_test.on_tick()
    assert shown == [f"♪ {CUE_NAMES[kind]}" for kind in CueKind]
    assert output.closed
    assert not screen.self_test.running
    assert screen.sound_test.text() == "Play every sound"
    assert screen.sound_playing.text() == (
        f"Played all {len(CueKind)} sounds on Test speakers (recording)."
    )


@pytest.mark.parametrize(
    ("notice", "said"),
    [
        (None, "No sound played: the sound output is set to none"),
        ("No sound device could be opened (qt: none found).", "(qt: none found)"),
    ],
)
def test_with_no_device_it_says_nothing_played_and_why(
    qtbot: QtBot, clock: FakeClock, notice: str | None, said: str
) -> None:
    silent = SilentOutput(clock, notice=notice)
    widget = SettingsScreen(Settings(), "", lambda _settings: silent)
    qtbot.addWidget(widget)
    assert widget.self_test is not None
    played: list[CueKind] = []
    widget.self_test.cue_played.connect(played.append)
    with qtbot.waitSignal(widget.self_test.finished):
        widget.sound_test.click()
    assert said in widget.sound_playing.text()
    assert widget.sound_playing.text().startswith("No sound played")
    assert played == []
    assert not widget.self_test.running
    assert widget.sound_test.text() == "Play every sound"


def test_the_timer_drives_it_and_stop_releases_the_output(
    qtbot: QtBot, screen: SettingsScreen, clock: FakeClock, opened: list[RecordingOutput]
) -> None:
    assert screen.self_test is not None
    played: list[CueKind] = []
    screen.self_test.cue_played.connect(played.append)
    screen.sound_test.click()
    clock.advance(opened[0].cues[0].at - opened[0].now())
    qtbot.waitUntil(lambda: played == [CueKind.COUNT])
    assert screen.sound_playing.text() == f"♪ {CUE_NAMES[CueKind.COUNT]}"
    with qtbot.waitSignal(screen.self_test.finished):
        screen.sound_test.click()  # the button now says Stop
    assert opened[0].closed
    assert not screen.self_test.running


def test_leaving_settings_stops_the_test(
    screen: SettingsScreen, opened: list[RecordingOutput]
) -> None:
    assert screen.self_test is not None
    screen.sound_test.click()
    screen.hide()
    assert opened[0].closed
    assert not screen.self_test.running


def test_without_an_output_factory_the_button_is_disabled(qtbot: QtBot) -> None:
    widget = SettingsScreen(Settings(), "")
    qtbot.addWidget(widget)
    assert not widget.sound_test.isEnabled()
    assert widget.self_test is None


def test_voice_counts_is_off_by_default_and_the_box_changes_it(qtbot: QtBot) -> None:
    widget = SettingsScreen(Settings(), "")
    qtbot.addWidget(widget)
    assert not widget.voice.isChecked()
    with qtbot.waitSignal(widget.changed) as changed:
        widget.voice.setChecked(True)
    assert changed.args is not None and changed.args[0].voice_counts is True


def test_an_output_standing_in_for_a_missing_simpleaudio_says_how_to_add_it(
    qtbot: QtBot, clock: FakeClock
) -> None:
    """As app.audio.select opens it when simpleaudio is chosen in Settings but not installed."""
    missing = simpleaudio_missing(lambda name: None, (3, 11))
    assert missing is not None
    stand_in = RecordingOutput(clock)
    stand_in.notice = f"Sound plays through recording: {missing}."

    widget = SettingsScreen(Settings(audio="simpleaudio"), "", lambda settings: stand_in)
    qtbot.addWidget(widget)
    widget.show()
    widget.sound_test.click()
    assert widget.sound_playing.text().startswith("Playing on Test speakers (recording)…")
    assert widget.self_test is not None
    with qtbot.waitSignal(widget.self_test.finished, timeout=5000):
        for _ in range(int((len(CueKind) * SPACING_S + 2) / 0.25)):
            clock.advance(0.25)
            widget.self_test.on_tick()

    report = widget.sound_playing.text()
    assert report.startswith(f"Played all {len(CueKind)} sounds on Test speakers (recording).")
    assert "pip install 'tempo-trainer[simpleaudio]'" in report
    assert "\n" not in report
    widget.close()
