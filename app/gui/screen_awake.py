"""Keep the screen from blanking during a session: the interface and the platform's choice.

Linux: the freedesktop ScreenSaver inhibitor over QtDBus (here). Windows and macOS: their
system calls through ctypes (``app.keep_awake``). Anywhere else, or when the call is missing,
a stand-in whose ``reason`` Settings shows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Protocol


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


class ScreenSaverLine(Protocol):
    """A connection of its own to the session bus's ScreenSaver: ``call`` it, then ``close``."""

    name: str
    """The connection's unique name on the bus."""

    def call(self, method: str, *args: object) -> Any: ...
    def close(self) -> None: ...


class QtScreenSaverLine:
    """A private QtDBus connection to ``org.freedesktop.ScreenSaver``."""

    def __init__(self, connection_name: str) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        self._connection_name = connection_name
        connection = QDBusConnection.connectToBus(
            QDBusConnection.BusType.SessionBus, connection_name
        )
        self.name = connection.baseService()
        self._interface: Any = QDBusInterface(
            "org.freedesktop.ScreenSaver",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            connection,
        )

    def call(self, method: str, *args: object) -> Any:
        return self._interface.call(method, *args)

    def close(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        self._interface = None
        QDBusConnection.disconnectFromBus(self._connection_name)


class DBusScreenAwake:
    """``org.freedesktop.ScreenSaver.Inhibit``, asked over a session-bus connection of its own.

    The hold ends when that connection closes: the services drop the inhibitions of a caller
    that leaves the bus. ``UnInhibit`` is not used because it takes a uint32 cookie, and
    PySide6 sends a Python int as an int32, which no service accepts.
    """

    available = True
    reason = ""

    def __init__(self, open_line: Callable[[str], ScreenSaverLine] = QtScreenSaverLine) -> None:
        self._open_line = open_line
        self._line: ScreenSaverLine | None = None
        self._holds = 0

    def hold(self, why: str) -> None:
        if self._line is not None:
            return
        self._holds += 1
        self._line = self._open_line(f"tempo-trainer-screen-awake-{self._holds}")
        self._line.call("Inhibit", "Tempo Trainer", why)

    def release(self) -> None:
        if self._line is not None:
            self._line.close()
            self._line = None


NOT_SUPPORTED = (
    "Keeping the screen awake is not supported on this system: "
    "set your screen to stay on while training."
)


def open_screen_awake(platform: str = sys.platform) -> ScreenAwake:
    """The platform's way to keep the screen on, or a stand-in that says why there is none."""
    if platform == "win32":
        from app.keep_awake.windows import WindowsScreenAwake

        try:
            return WindowsScreenAwake()
        except (OSError, AttributeError) as error:
            return NoScreenAwake(f"Windows' keep-awake call cannot be loaded ({error}).")
    if platform == "darwin":
        from app.keep_awake.macos import MacScreenAwake

        try:
            return MacScreenAwake()
        except (OSError, AttributeError) as error:
            return NoScreenAwake(f"macOS's keep-awake call cannot be loaded ({error}).")
    if platform.startswith("linux"):
        return _open_dbus()
    return NoScreenAwake(NOT_SUPPORTED)


def _open_dbus() -> ScreenAwake:
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:
        return NoScreenAwake("Qt's D-Bus module is missing: the screen may blank.")
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return NoScreenAwake("No desktop session bus: the screen may blank during a session.")
    interface = bus.interface()
    # A QDBusReply, always true itself: its value says.
    if (
        interface is None
        or not interface.isServiceRegistered("org.freedesktop.ScreenSaver").value()
    ):
        return NoScreenAwake("This desktop offers no screensaver inhibitor: the screen may blank.")
    return DBusScreenAwake()
