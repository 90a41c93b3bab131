"""Choosing how to keep the screen awake per platform, and the D-Bus inhibitor's calls."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field

import pytest

from app.gui.screen_awake import NOT_SUPPORTED, DBusScreenAwake, NoScreenAwake, open_screen_awake


@dataclass
class FakeLine:
    """A connection to the ScreenSaver: what was asked over it, and whether it was closed."""

    name: str
    calls: list[tuple[object, ...]] = field(default_factory=list)
    closed: bool = False

    def call(self, method: str, *args: object) -> None:
        assert not self.closed
        self.calls.append((method, *args))

    def close(self) -> None:
        self.closed = True


def test_the_dbus_inhibitor_holds_once_per_session_and_lets_go_by_closing() -> None:
    lines: list[FakeLine] = []

    def open_line(name: str) -> FakeLine:
        lines.append(FakeLine(name))
        return lines[-1]

    awake = DBusScreenAwake(open_line)
    awake.hold("A push-up session is running")
    awake.hold("again")
    assert [line.calls for line in lines] == [
        [("Inhibit", "Tempo Trainer", "A push-up session is running")]
    ]
    assert not lines[0].closed

    awake.release()
    awake.release()
    assert lines[0].closed
    awake.hold("The next session")  # a new connection: the closed one is gone from the bus
    assert len(lines) == 2
    assert lines[1].name != lines[0].name


@pytest.mark.parametrize(
    ("platform", "reason"),
    [
        ("freebsd14", NOT_SUPPORTED),
        ("emscripten", NOT_SUPPORTED),
        # On this Linux machine the Windows and macOS calls do not exist: said, not raised.
        ("win32", "Windows' keep-awake call cannot be loaded"),
        ("darwin", "macOS's keep-awake call cannot be loaded"),
    ],
)
def test_where_nothing_can_keep_the_screen_on_settings_says_why(platform: str, reason: str) -> None:
    awake = open_screen_awake(platform)
    assert isinstance(awake, NoScreenAwake)
    assert not awake.available
    assert awake.reason.startswith(reason)
    awake.hold("A push-up session is running")  # harmless
    awake.release()


def test_without_a_session_bus_linux_says_the_screen_may_blank() -> None:
    # A child process: Qt keeps the first session-bus connection for the whole process.
    script = (
        "from app.gui.screen_awake import open_screen_awake\n"
        "awake = open_screen_awake('linux')\n"
        "print(type(awake).__name__, awake.reason)\n"
    )
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "NoScreenAwake No desktop session bus: the screen may blank during a session."
    )
