"""QtOutput without a device to play on: refused at once, with nothing left behind.

Playing through a real sink is measured in tests/integration (test_real_audio, device change).
"""

from __future__ import annotations

import os
import threading

# QMediaDevices needs an application; this one needs no display (as in tests/gui).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtMultimedia import QAudioDevice
from PySide6.QtWidgets import QApplication

from app.audio.output import AudioUnavailableError
from app.audio.qt_output import QtOutput


def test_no_device_is_refused_and_no_feeder_thread_is_left(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    del qapp  # taken so that Qt's application is up
    # QtOutput sets PULSE_LATENCY_MSEC for the process; the test gives it back afterwards.
    monkeypatch.setenv("PULSE_LATENCY_MSEC", "60")
    before = set(threading.enumerate())
    with pytest.raises(AudioUnavailableError, match="Qt found no audio output device"):
        QtOutput(device=QAudioDevice(), raise_priority=False)
    assert [t.name for t in set(threading.enumerate()) - before if t.is_alive()] == []
