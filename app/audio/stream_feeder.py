"""Keeps a Qt audio sink's buffer topped up from the cue track, on a thread of its own.

Why a thread: in Qt's pull mode the sink asks for data through the event loop of the thread
that owns it. A GUI thread that is busy for longer than the buffer (a big layout, a slow disk,
a garbage collection) lets the buffer run dry; Qt then plays silence it does not count as
played, and every later cue sounds late by the length of that gap (bench/audio_timing.py
measured steps of 45 and 15 ms in one 10-minute session). In push mode this thread writes the
track itself. It needs the GIL for well under a millisecond every few, which a busy Python
thread hands over at least every ``sys.getswitchinterval()`` (5 ms).

The buffer is kept about ``fill_s`` ahead of what the sink has played, not full: a change to
the schedule (a pause, a skipped rest) can only reach the sound from the track's ``head`` on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger(__name__)

PERIOD_S = 0.005
"""How often the thread tops the buffer up."""


class PushSink(Protocol):
    """What the feeder needs of a started sink (QAudioSink in push mode)."""

    def processedUSecs(self) -> int: ...  # noqa: N802 (Qt's name)


class PushDevice(Protocol):
    """The QIODevice a sink in push mode returns from ``start()``."""

    def write(self, data: bytes, /) -> int: ...


class StreamFeeder:
    """Writes ``render(head, n)`` to ``device`` from a thread, ``fill_s`` ahead of the sink.

    ``render`` returns the bytes of ``n`` frames from track frame ``head``; it is called with
    ``lock`` held, the same lock under which ``head`` moves, so that a caller holding the lock
    sees a head no sound has been written beyond.
    """

    def __init__(
        self,
        *,
        sink: PushSink,
        device: PushDevice,
        render: Callable[[int, int], bytes],
        lock: threading.Lock,
        head: int,
        rate: int,
        fill_s: float,
        period_s: float = PERIOD_S,
    ) -> None:
        self._sink = sink
        self._device = device
        self._render = render
        self._lock = lock
        self._rate = rate
        self._fill_frames = max(1, round(fill_s * rate))
        self._period_s = period_s
        self._first = head
        self.head = head
        """The next track frame to be written (read it with ``lock`` held)."""
        self._pending = b""
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="audio-feeder", daemon=True)

    def start(self) -> None:
        self.top_up()  # the first stretch at once: the sink starts on data, not on silence
        self._thread.start()

    def stop(self) -> None:
        """Stop writing; returns once the thread has (before the sink may be stopped)."""
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)

    def _run(self) -> None:
        try:
            while not self._stopped.wait(self._period_s):
                self.top_up()
        except Exception:  # a dead feeder must say why: the sound would just stop
            log.exception("qt audio: the feeder thread failed")

    def top_up(self) -> None:
        """Write what keeps the buffer ``fill_s`` ahead of the sink (the thread's one step)."""
        if self._pending:
            self._write(self._pending)
            if self._pending:
                return
        played = self._sink.processedUSecs() * self._rate // 1_000_000
        wanted = self._fill_frames - (self.head - self._first - played)
        if wanted <= 0:
            return
        with self._lock:
            data = self._render(self.head, wanted)
            self.head += wanted
        self._write(data)

    def _write(self, data: bytes) -> None:
        """Write ``data``; what the sink's buffer cannot take yet waits for the next round."""
        self._pending = data[max(0, self._device.write(data)) :]
