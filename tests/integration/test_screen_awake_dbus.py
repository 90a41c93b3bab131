"""Linux keep-awake for real: a private session bus (dbus-daemon) and a ScreenSaver service.

The app's inhibitor runs in a child process, as in the app: it must reach the service's
Inhibit, and releasing must take its connection off the bus (which is how the services let an
inhibition go). dbus-daemon missing is a failure, not a skip: make installs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SERVICE = Path(__file__).with_name("screen_saver_service.py")
CHILD = """\
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection
from app.gui.screen_awake import open_screen_awake

app = QCoreApplication([])
awake = open_screen_awake("linux")
print(type(awake).__name__, awake.reason or "-", flush=True)
if awake.available:
    awake.hold("A push-up session is running")
    name = awake._line.name
    bus = QDBusConnection.sessionBus().interface()
    print("held", bus.isServiceRegistered(name).value(), flush=True)
    awake.release()
    print("released", bus.isServiceRegistered(name).value(), flush=True)
"""


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    daemon_path = shutil.which("dbus-daemon")
    if daemon_path is None:
        pytest.fail("dbus-daemon is missing (scripts/install-system-deps.sh installs it)")
    address = f"unix:path={tmp_path / 'bus'}"
    with subprocess.Popen(
        [daemon_path, "--session", "--nofork", "--print-address", f"--address={address}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as daemon:
        try:
            assert daemon.stdout is not None
            printed = daemon.stdout.readline().strip()
            assert printed.startswith(address), printed
            yield {**os.environ, "DBUS_SESSION_BUS_ADDRESS": printed}
        finally:
            daemon.terminate()


def _run_child(env: dict[str, str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_desktop_without_a_screensaver_is_named(session_bus: dict[str, str]) -> None:
    (line,) = _run_child(session_bus)
    assert line.startswith("NoScreenAwake This desktop offers no screensaver inhibitor")


def test_the_screensaver_is_inhibited_and_let_go(session_bus: dict[str, str]) -> None:
    with subprocess.Popen(
        [sys.executable, str(SERVICE)],
        env=session_bus,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as service:
        try:
            assert service.stdout is not None
            assert service.stdout.readline().strip() == "ready"
            assert _run_child(session_bus) == ["DBusScreenAwake -", "held True", "released False"]
            said = service.stdout.readline().strip()
            assert said == "inhibit Tempo Trainer A push-up session is running"
        finally:
            service.terminate()
