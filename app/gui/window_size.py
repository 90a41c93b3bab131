"""How big the window opens, remembering it, and full screen with or without a window manager."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QMainWindow

from app.storage.settings import Settings

SMALL_SCREEN = QSize(1366, 768)
"""Screens with no more pixels than this (netbooks, laptops, tablets either way up) get a
maximised window."""
SCREEN_SHARE = 0.9
"""A first window on a larger screen takes this much of it."""
FILL_AFTER_MS = 250
"""Time for a window manager to make the window full screen before it does so itself."""


@dataclass(frozen=True, slots=True)
class Placement:
    """``maximised``, or a window of ``size`` centred on the screen."""

    maximised: bool
    size: QSize


def placement(available: QSize, remembered: QSize) -> Placement:
    """Where the window opens on a screen whose free area is ``available``."""
    if available.width() * available.height() <= SMALL_SCREEN.width() * SMALL_SCREEN.height():
        return Placement(True, available)
    fits = 0 < remembered.width() <= available.width()
    if fits and 0 < remembered.height() <= available.height():
        return Placement(False, remembered)
    share = available * SCREEN_SHARE
    return Placement(False, QSize(round(share.width()), round(share.height())))


def remembered_size(settings: Settings) -> QSize:
    return QSize(round(settings.window_width), round(settings.window_height))


def with_size(settings: Settings, window: QMainWindow) -> Settings:
    """Settings that remember the window's size, unless it is maximised or full screen."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return settings
    size = window.size()
    return replace(settings, window_width=float(size.width()), window_height=float(size.height()))


class FullScreen:
    """F11: full screen, and back to the size it had.

    A window manager does this on its own when asked; without one (a kiosk, a bare X
    server) nothing would happen, so if the window has not filled its screen a moment
    later, it takes the screen's whole area itself.
    """

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self._before: QRect | None = None

    @property
    def active(self) -> bool:
        return self._before is not None

    def toggle(self) -> None:
        window = self._window
        if self._before is not None:
            before, self._before = self._before, None
            window.showNormal()
            window.setGeometry(before)
            return
        self._before = window.geometry()
        window.showFullScreen()
        QTimer.singleShot(FILL_AFTER_MS, window, self._fill_screen)

    def _fill_screen(self) -> None:
        window = self._window
        screen = window.screen()
        if self._before is None or screen is None:
            return
        if window.frameGeometry() != screen.geometry():
            window.setGeometry(screen.geometry())
