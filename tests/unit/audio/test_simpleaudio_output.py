"""The simpleaudio output finds gaps from when its buffers end (simpleaudio faked)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from app.audio import simpleaudio_output
from app.audio.simpleaudio_output import SimpleaudioOutput, _Playing

RATE = 8000


class Play:
    """A play object that still plays until the test says it has ended."""

    def __init__(self) -> None:
        self.playing = True

    def is_playing(self) -> bool:
        return self.playing

    def wait_done(self) -> None:
        self.playing = False

    def stop(self) -> None:
        self.playing = False


@pytest.fixture
def output(monkeypatch: pytest.MonkeyPatch) -> SimpleaudioOutput:
    fake = SimpleNamespace(play_buffer=lambda *_: Play())
    monkeypatch.setattr(simpleaudio_output, "load_simpleaudio", lambda: fake)
    return SimpleaudioOutput(rate=RATE, clock=lambda: 0.0)


def _ends(output: SimpleaudioOutput, due: float, seen: float) -> None:
    """A buffer due to end at ``due`` is seen ended at ``seen``."""
    play = Play()
    with output._cond:
        ended = output.stats.buffers_ended
        output._ending.append(_Playing(0, RATE, (), play, ends_at=due))
        output._check_ends(seen - 0.001)  # still playing: not counted yet
        assert output.stats.buffers_ended == ended
        play.playing = False
        output._check_ends(seen)
        assert output.stats.buffers_ended == ended + 1


def test_buffers_ending_after_the_device_latency_are_no_gap(output: SimpleaudioOutput) -> None:
    try:
        for i in range(5):
            _ends(output, due=10.0 * i, seen=10.0 * i + 0.030 + 0.001 * (i % 2))
        assert output.stats.buffers_ended == 5
        assert output.stats.gaps == 0
        assert output.stats.least_overrun_s == pytest.approx(0.030)
    finally:
        output.close()


def test_a_buffer_ending_late_counts_a_gap_logged_once(
    output: SimpleaudioOutput, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        with caplog.at_level(logging.WARNING):
            _ends(output, due=1.0, seen=1.030)
            _ends(output, due=2.0, seen=2.055)  # 25 ms of silence inside it
            _ends(output, due=3.0, seen=3.030)
            _ends(output, due=4.0, seen=4.040)  # 10 ms
        assert output.stats.gaps == 2
        assert output.stats.gap_s == pytest.approx(0.035)
        assert output.stats.most_overrun_s == pytest.approx(0.055)
        (said,) = [r for r in caplog.records if "late" in r.getMessage()]
        assert "25 ms late" in said.getMessage()
    finally:
        output.close()
