"""What the person can expect to hear, shown on the player and rest screens and tappable."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QBoxLayout

from app.gui.keys import Action
from app.gui.touch_button import TouchButton

SILENT_OUTPUT = "none"
"""The name of the output that plays nothing (asked for, or no device could be opened)."""


@dataclass(frozen=True, slots=True)
class SoundState:
    """``playing``: a sound device is open; ``voice``: the output says the counts and words."""

    playing: bool
    muted: bool
    voice: bool


def sound_text(state: SoundState) -> tuple[str, str]:
    """(the words on screen, the accessible name saying what a tap does)."""
    if not state.playing:
        return "No sound: follow the screen", "No sound: follow the screen (no device)"
    if state.muted:
        return "Muted (M)", "Unmute: sound is muted (M)"
    if state.voice:
        return "♪ Sound on · voice on", "Mute: sound and voice are on (M)"
    return "♪ Sound on", "Mute: sound is on (M)"


class SoundIndicator(TouchButton):
    """Says sound on, muted, voice on, or no sound; a tap asks for mute like M does."""

    def __init__(self) -> None:
        super().__init__("", "", action=Action.MUTE)
        self.state: SoundState | None = None

    def show_state(self, state: SoundState) -> None:
        if state == self.state:
            return
        self.state = state
        text, name = sound_text(state)
        self.rename(text, name)
        self.setProperty("warning", not state.playing or state.muted)
        self.style().unpolish(self)
        self.style().polish(self)


def place_indicator(
    indicator: SoundIndicator, *, buttons: QBoxLayout, index: int, own_row: QBoxLayout, alone: bool
) -> None:
    """In the row of buttons (at ``index``), or ``alone`` on its own row when they need the
    width (a portrait screen)."""
    target = own_row if alone else buttons
    if target.indexOf(indicator) >= 0:
        return
    (buttons if alone else own_row).removeWidget(indicator)
    if alone:
        own_row.insertWidget(1, indicator)  # between the row's two stretches
    else:
        buttons.insertWidget(index, indicator)
