"""The sound indicator on the player and rest screens, and mute for one session."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.audio.output import CueOutput, SilentOutput
from app.gui.main_window import MainWindow
from app.gui.player_screen import PlayerScreen
from app.gui.rest_screen import RestScreen
from app.gui.services import Services
from app.gui.sound_status import SoundState, sound_text
from app.storage.settings import Settings
from tests.fake_clock import FakeClock
from tests.gui.helpers import TINY_PLAN, press, running, select_plan, write_plan
from tests.gui.touch import tap


class SpeakerOutput(SilentOutput):
    """Stands for an opened device: remembers whether it was muted."""

    name = "qt"

    def __init__(self, clock: FakeClock, *, speaks: bool = False) -> None:
        super().__init__(clock)
        self.muted = False
        self.silenced = False
        self.speaks = speaks

    def set_muted(self, muted: bool) -> None:
        self.muted = muted


@pytest.mark.parametrize(
    ("state", "words"),
    [
        (SoundState(playing=True, muted=False, voice=False), "♪ Sound on"),
        (SoundState(playing=True, muted=False, voice=True), "♪ Sound on · voice on"),
        (SoundState(playing=True, muted=True, voice=True), "Muted (M)"),
        (SoundState(playing=False, muted=False, voice=True), "No sound: follow the screen"),
        (SoundState(playing=False, muted=True, voice=False), "No sound: follow the screen"),
    ],
)
def test_the_words_say_what_will_be_heard(state: SoundState, words: str) -> None:
    text, name = sound_text(state)
    assert text == words
    assert name


def _start_set(qtbot: QtBot, window: MainWindow) -> PlayerScreen:
    select_plan(window, "Tiny test plan")
    tap(qtbot, window, "Start plan")
    tap(qtbot, window, "Skip setup")
    screen = window.current
    assert isinstance(screen, PlayerScreen)
    return screen


def test_no_device_says_follow_the_screen_on_player_and_rest(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, clock: FakeClock
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    player = _start_set(qtbot, window)
    assert player.sound.text() == "No sound: follow the screen"
    assert player.sound.isVisible()
    tap(qtbot, window, "Start")
    clock.advance(4.0)
    running(window).driver.on_tick()
    tap(qtbot, window, "End set")
    tap(qtbot, window, "Save")
    rest = window.current
    assert isinstance(rest, RestScreen)
    assert rest.sound.text() == "No sound: follow the screen" and rest.sound.isVisible()


def test_a_device_lost_mid_set_says_follow_the_screen_until_one_takes_over(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    clock: FakeClock,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    speaker = SpeakerOutput(clock)
    services = make_services()
    services.open_output = lambda settings: speaker
    window = open_window(services)
    player = _start_set(qtbot, window)
    tap(qtbot, window, "Start")
    assert player.sound.text() == "♪ Sound on"
    speaker.silenced = True  # as the outputs do when the last device goes
    clock.advance(0.5)
    running(window).driver.on_tick()
    assert player.sound.text() == "No sound: follow the screen"
    assert player.sound.accessibleName() == "No sound: follow the screen (no device)"
    speaker.silenced = False  # a device came back and took the stream
    clock.advance(0.5)
    running(window).driver.on_tick()
    assert player.sound.text() == "♪ Sound on"


@pytest.mark.parametrize(
    ("loaded", "words"), [(True, "♪ Sound on · voice on"), (False, "♪ Sound on")]
)
def test_voice_on_is_said_only_when_the_output_speaks(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    clock: FakeClock,
    loaded: bool,
    words: str,
) -> None:
    """Spoken counts asked for, but their files broken: the output got no words to say."""
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    services = make_services(Settings(voice_counts=True))
    services.open_output = lambda settings: SpeakerOutput(clock, speaks=loaded)
    window = open_window(services)
    player = _start_set(qtbot, window)
    assert player.sound.text() == words


def test_m_and_a_tap_mute_this_session_only(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    open_window: Callable[[Services], MainWindow],
    data_dir: Path,
    clock: FakeClock,
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    opened: list[SpeakerOutput] = []

    def open_output(settings: Settings) -> CueOutput:
        del settings
        opened.append(SpeakerOutput(clock))
        return opened[-1]

    services = make_services()
    services.open_output = open_output
    window = open_window(services)
    player = _start_set(qtbot, window)
    assert player.sound.text() == "♪ Sound on"
    press(qtbot, window, Qt.Key.Key_M)
    assert player.sound.text() == "Muted (M)" and opened[-1].muted
    tap(qtbot, window, "Unmute")
    assert player.sound.text() == "♪ Sound on" and not opened[-1].muted
    tap(qtbot, window, "Mute")
    assert opened[-1].muted
    assert not window.services.settings.muted
    assert not (data_dir / "settings.json").exists()  # nothing saved for later sessions
    tap(qtbot, window, "Leave session")
    tap(qtbot, window, "Leave session now")
    player = _start_set(qtbot, window)
    assert player.sound.text() == "♪ Sound on" and not opened[-1].muted


def test_m_on_home_mutes_every_session_and_home_says_so_until_tapped_back_on(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    window = make_window()
    window.home.plans.setFocus()  # not typing into the quick session
    assert not window.home.muted_note.isVisibleTo(window)
    press(qtbot, window, Qt.Key.Key_M)
    assert window.home.muted_note.isVisibleTo(window)
    assert "Sound off" in window.home.muted_note.text()
    saved = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["muted"] is True
    window.close()

    again = make_window(Settings(muted=True))  # the saved choice: the next start says so
    assert again.home.muted_note.isVisibleTo(again)
    tap(qtbot, again, "Turn the sound on")
    assert not again.home.muted_note.isVisibleTo(again)
    saved = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["muted"] is False
