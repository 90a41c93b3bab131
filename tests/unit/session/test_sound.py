"""The session's sound: the chosen output, the shipped words when wanted, the saved levels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from app.audio.output import CueOutput, SilentOutput
from app.session.sound import open_session_output, set_levels, shipped_voice
from app.storage.settings import Settings

if TYPE_CHECKING:
    from app.audio.voice import Voice


class Opener:
    """Records what it was asked to open; plays nothing."""

    def __init__(self, name: str = "fake") -> None:
        self.name = name
        self.asked: list[tuple[str | None, Voice | None]] = []

    def __call__(
        self, name: str | None, *, clock: Callable[[], float], voice: Voice | None
    ) -> CueOutput:
        self.asked.append((name, voice))
        output = SilentOutput(clock)
        output.name = self.name
        output.speaks = voice is not None  # type: ignore[attr-defined]  # as the real outputs
        return output


class Levels(SilentOutput):
    def __init__(self) -> None:
        super().__init__(lambda: 0.0)
        self.volume = -1.0
        self.muted: bool | None = None

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def set_muted(self, muted: bool) -> None:
        self.muted = muted


def test_the_shipped_voice_has_every_word() -> None:
    voice = shipped_voice()
    assert voice is not None
    assert {"one", "lower", "hold", "push", "reset", "rest"} <= set(voice.words)


def test_the_flag_wins_over_the_saved_choice() -> None:
    opener = Opener()
    settings = replace(Settings(), audio="simpleaudio", voice_counts=False)
    sound = open_session_output(opener, "qt", settings, voice=True)
    ((name, voice),) = opener.asked
    assert name == "qt" and voice is not None
    assert sound.spoken


def test_the_saved_choice_is_used_when_no_flag_is_given() -> None:
    opener = Opener()
    settings = replace(Settings(), audio="simpleaudio", voice_counts=False)
    sound = open_session_output(opener, None, settings)
    assert opener.asked == [("simpleaudio", None)]
    assert not sound.spoken


def test_no_sound_loads_no_words_and_speaks_none() -> None:
    opener = Opener("none")
    sound = open_session_output(opener, "none", replace(Settings(), voice_counts=True))
    assert opener.asked == [("none", None)]
    assert not sound.spoken


def test_the_saved_volume_and_mute_are_set() -> None:
    output = Levels()
    set_levels(output, replace(Settings(), volume=0.3, muted=True))
    assert (output.volume, output.muted) == (0.3, True)
