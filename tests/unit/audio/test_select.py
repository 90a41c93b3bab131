"""Choosing the output: a clear fallback, and simpleaudio never loaded on Python 3.12+."""

from __future__ import annotations

import logging
import subprocess
import sys
from importlib.machinery import ModuleSpec

import pytest

from app.audio import select
from app.audio.output import AudioUnavailableError, SilentOutput, output_notice
from app.audio.select import open_output, simpleaudio_missing


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


def _spec_of_nothing(name: str) -> ModuleSpec | None:
    del name
    return None


def _spec_of_anything(name: str) -> ModuleSpec | None:
    return ModuleSpec(name, None)


def _never_looked_up(name: str) -> ModuleSpec | None:
    raise AssertionError(f"{name} must not be looked for on Python 3.12+")


def test_a_missing_simpleaudio_says_how_to_add_it() -> None:
    why = simpleaudio_missing(_spec_of_nothing, (3, 11))
    assert why is not None
    assert "simpleaudio is not installed" in why
    assert "pip install 'tempo-trainer[simpleaudio]'" in why
    assert simpleaudio_missing(_spec_of_anything, (3, 11)) is None


def test_on_python_3_12_simpleaudio_is_not_even_looked_for() -> None:
    why = simpleaudio_missing(_never_looked_up, (3, 12))
    assert why is not None
    assert "Python 3.11 only" in why


def test_asking_for_a_missing_simpleaudio_gives_one_plain_line() -> None:
    # The extra not installed: the import finds nothing, as in an install without it.
    script = (
        "import sys\n"
        "sys.modules['simpleaudio'] = None\n"
        "from app.audio.select import open_output\n"
        "from app.audio.output import output_notice\n"
        "out = open_output('simpleaudio')\n"
        "print(output_notice(out) or '')\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PULSE_SERVER": "unix:/nonexistent", "HOME": "/nonexistent"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    (notice,) = done.stdout.splitlines()
    if sys.version_info >= (3, 12):
        assert "simpleaudio works on Python 3.11 only" in notice
    else:
        assert "simpleaudio is not installed; to add it: " in notice
        assert "pip install 'tempo-trainer[simpleaudio]'" in notice


class _Named(SilentOutput):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


def _pulse_refused(name: str, voice: object) -> SilentOutput:
    del voice
    if name == "pulse":
        raise AudioUnavailableError("no sound server: Connection refused")
    return _Named(name)


def test_the_default_falling_back_to_qt_is_logged_not_said(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="app.audio.select")
    monkeypatch.setattr(select, "_open", _pulse_refused)
    monkeypatch.setattr(select, "DEFAULT_OUTPUT", "pulse")
    output = open_output(None)
    assert output.name == "qt"
    assert output_notice(output) is None
    assert caplog.messages == [
        "sound output: qt, because the default pulse failed"
        " (pulse: no sound server: Connection refused)"
    ]


def test_pulse_asked_for_and_refused_is_said_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(select, "_open", _pulse_refused)
    output = open_output("pulse")
    assert output.name == "qt"
    assert output_notice(output) == (
        "Sound plays through qt: pulse could not be opened (no sound server: Connection refused)."
    )
