"""Choosing the output: a clear fallback, and simpleaudio never loaded on Python 3.12+."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from app.audio.output import SilentOutput, output_notice
from app.audio.select import open_output


def test_none_is_silent_without_a_notice(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="app.audio.select")
    output = open_output("none")
    assert isinstance(output, SilentOutput)
    assert output_notice(output) is None
    assert caplog.messages == ["sound output: none (asked for)"]


def test_an_unknown_output_is_a_caller_bug() -> None:
    with pytest.raises(ValueError, match="unknown sound output"):
        open_output("speaker")


def test_without_any_device_the_session_runs_silently_and_says_so_once() -> None:
    # A child process without a Qt application, a PulseAudio server or (on 3.12+) simpleaudio.
    script = (
        "import sys\n"
        "from app.audio.select import open_output\n"
        "from app.audio.output import output_notice\n"
        "out = open_output('simpleaudio' if sys.version_info >= (3, 12) else 'qt')\n"
        "print(out.name)\n"
        "print(output_notice(out) or '')\n"
        "print('simpleaudio' in sys.modules)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PULSE_SERVER": "unix:/nonexistent", "HOME": "/nonexistent"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    name, notice, loaded = done.stdout.splitlines()
    if name == "none":
        assert notice.startswith("No sound device could be opened")
    if sys.version_info >= (3, 12):
        assert loaded == "False", "simpleaudio crashes on 3.12+ and must never be imported"
