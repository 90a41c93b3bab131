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


@pytest.mark.parametrize("channels", [1, 2])
@pytest.mark.parametrize("sample_format", ["Int16", "Float"])
def test_the_stream_s_bytes_are_the_track_s_samples_silence_included(
    channels: int, sample_format: str
) -> None:
    import numpy as np
    from PySide6.QtMultimedia import QAudioFormat

    from app.audio.mixer import CueMixer
    from app.audio.qt_output import _renderer
    from app.audio.sounds import cue_sounds
    from app.domain.player import ScheduledCue
    from app.domain.timeline import CueKind

    rate = 8000
    mixer = CueMixer(rate, cue_sounds(rate))
    mixer.schedule([ScheduledCue(0.5, CueKind.TICK)])
    audio_format = QAudioFormat()
    audio_format.setSampleRate(rate)
    audio_format.setChannelCount(channels)
    audio_format.setSampleFormat(getattr(QAudioFormat.SampleFormat, sample_format))
    render = _renderer(mixer, audio_format)
    dtype = "<f4" if sample_format == "Float" else "<i2"
    for first in (0, 3900, 4000, 12000):  # silence, into the tick, on it, after it
        got = np.frombuffer(render(first, 800), dtype=dtype).reshape(800, channels)
        samples = mixer.render(first, 800)
        expected = samples if sample_format == "Float" else np.round(samples * 32767.0)
        for channel in range(channels):
            assert np.array_equal(got[:, channel], expected.astype(dtype))
