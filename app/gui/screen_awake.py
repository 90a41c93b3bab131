"""Keep the screen from blanking during a session: freedesktop ScreenSaver over QtDBus."""

from __future__ import annotations

from typing import Protocol


class ScreenAwake(Protocol):
    available: bool
    reason: str
    """Why it is not available (shown in Settings)."""

    def hold(self, why: str) -> None: ...
    def release(self) -> None: ...


class NoScreenAwake:
    """Nothing to call: the screen may blank (Settings says so)."""

    available = False

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def hold(self, why: str) -> None:
        del why

    def release(self) -> None:
        return None


class DBusScreenAwake:
    """``org.freedesktop.ScreenSaver.Inhibit`` on the session bus."""

    available = True
    reason = ""

    def __init__(self) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        self._interface = QDBusInterface(
            "org.freedesktop.ScreenSaver",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            QDBusConnection.sessionBus(),
        )
        self._cookie: int | None = None

    def hold(self, why: str) -> None:
        if self._cookie is not None:
            return
        reply = self._interface.call("Inhibit", "Tempo Trainer", why)
        values = reply.arguments()
        if values and isinstance(values[0], int):
            self._cookie = values[0]

    def release(self) -> None:
        if self._cookie is not None:
            self._interface.call("UnInhibit", self._cookie)
            self._cookie = None


def open_screen_awake() -> ScreenAwake:
    """The platform's inhibitor, or a stand-in that says why there is none."""
    import sys

    if not sys.platform.startswith("linux"):
        return NoScreenAwake(
            "Keeping the screen awake is only built for Linux so far: "
            "set your screen to stay on while training."
        )
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:
        return NoScreenAwake("Qt's D-Bus module is missing: the screen may blank.")
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return NoScreenAwake("No desktop session bus: the screen may blank during a session.")
    interface = bus.interface()
    if interface is None or not interface.isServiceRegistered("org.freedesktop.ScreenSaver"):
        return NoScreenAwake("This desktop offers no screensaver inhibitor: the screen may blank.")
    return DBusScreenAwake()
