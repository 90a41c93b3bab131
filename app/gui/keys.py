"""The hands-free controls: the same keys on every screen, clickers included."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt


class Action(Enum):
    START_PAUSE = "start / pause / resume"
    NEXT = "next / confirm / end set / skip rest"
    BACK = "back / +15 s rest"
    UP = "more reps"
    DOWN = "fewer reps"
    MUTE = "mute"
    FULLSCREEN = "full screen"
    LEAVE = "leave the session"
    HELP = "help"


_KEYS: dict[int, Action] = {
    Qt.Key.Key_Space: Action.START_PAUSE,
    Qt.Key.Key_Right: Action.NEXT,
    Qt.Key.Key_PageDown: Action.NEXT,
    Qt.Key.Key_Return: Action.NEXT,
    Qt.Key.Key_Enter: Action.NEXT,
    Qt.Key.Key_Left: Action.BACK,
    Qt.Key.Key_PageUp: Action.BACK,
    Qt.Key.Key_Up: Action.UP,
    Qt.Key.Key_Down: Action.DOWN,
    Qt.Key.Key_M: Action.MUTE,
    Qt.Key.Key_F11: Action.FULLSCREEN,
    Qt.Key.Key_Escape: Action.LEAVE,
    Qt.Key.Key_Question: Action.HELP,
    Qt.Key.Key_F1: Action.HELP,
}

# Keys a text field needs for typing: they reach the field, not the trainer.
TYPING_KEYS = frozenset(
    {Qt.Key.Key_Space, Qt.Key.Key_M, Qt.Key.Key_Question, Qt.Key.Key_Left, Qt.Key.Key_Right}
)
REPEATABLE = frozenset({Action.UP, Action.DOWN})

HELP_ROWS: tuple[tuple[str, str], ...] = (
    ("Space", "start · pause · resume"),
    ("→  PgDn  Enter", "next · confirm · end set · skip rest"),
    ("←  PgUp", "back a step · +15 s rest"),
    ("↑  ↓", "change reps on the log sheet"),
    ("PgUp  PgDn", "on home: move the highlight (Enter starts it)"),
    ("M", "mute / unmute"),
    ("F11", "full screen"),
    ("Esc", "leave the session (asks first)"),
    ("?  F1", "show / hide this help"),
)


# On home a clicker's two buttons move the highlight; Enter starts what is highlighted.
_HOME_KEYS: dict[int, Action] = {
    Qt.Key.Key_PageUp: Action.UP,
    Qt.Key.Key_PageDown: Action.DOWN,
}


def action_for(key: int, *, on_home: bool = False) -> Action | None:
    if on_home and key in _HOME_KEYS:
        return _HOME_KEYS[key]
    return _KEYS.get(key)
