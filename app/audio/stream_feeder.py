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

Under heavy load the thread can still wake up late (bench/audio_timing.py --load measured
wake-ups 90-360 ms late on the busy 2-core machine, real-time priority or not: the thread also
needs the GIL), the buffer runs dry and the sink plays silence it does not count. So the
thread asks for real-time scheduling (else a lower nice value; else it runs as it is), and it
heals gaps: when the sink's played clock falls behind the monotonic clock for good, the same
stretch of silence is dropped from the track, so that later cues are back on schedule.

A gap is healed only on evidence, because the played clock also moves against the monotonic
clock without any gap: under load it lags and catches up a second later, and on a quiet
machine it steps by a millisecond or two and stays (the server's buffer level moving; the
recording shows the sound on time). Healing either drops sound that played fine and puts
every later cue early (a starved feeder's run: three such steps in 30 s, 3.6 ms early by the
end). The evidence: a wake-up found the buffer empty (the only way the sink can run out), and
the clock then stayed behind over two whole windows. A gap the server makes with Qt's buffer
full is left alone (it looks like such a step). The first second is not judged at all: the
sink's first reports count frames still in the server's prebuffer, which reads as ahead.
"""

from __future__ import annotations

import bisect
import logging
import math
import os
import select
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

log = logging.getLogger(__name__)

PERIOD_S = 0.03
"""How often the thread tops the buffer up. With the output's 100 ms queued, a wake-up 70 ms
late still finds sound queued; under bench/audio_timing.py's mixed load the latest came 34 ms
late (real-time priority). Each wake-up costs CPU: every 5 ms cost about 4 points of one core,
every 20 ms about 1, every 30 ms about 0.6 (2026-12-07, with silence written without numpy)."""


GAP_S = 0.001
"""A played clock this far behind the monotonic clock is a gap to heal."""
GAP_WINDOW_S = 0.5
"""The played clock's offset is judged by its least value over windows this long."""
WARM_UP_S = 1.0
"""The stream's first stretch, not judged: the sink's count runs ahead while the server fills
its prebuffer."""
DRY_S = 0.001
"""A buffer this low at a wake-up may have run dry: the evidence a gap needs."""
DRY_EVIDENCE_S = 4 * GAP_WINDOW_S
"""How long an empty buffer counts as evidence for a gap judged after it."""
SETTLED_WINDOWS = 4
"""Windows in a row behind, without an empty buffer, that make the clock's offset a new level
(a lagging report catches up sooner: a starved feeder's trace showed lags up to a second)."""
WAKE_BOUNDS_MS = (1, 2, 5, 10, 20, 50, 100, 200, 500)
"""Upper bounds of the wake-up delay histogram (one more bucket holds the rest)."""
REALTIME_PRIORITY = 10
"""SCHED_RR priority asked for the feeder thread (Linux; needs CAP_SYS_NICE or root)."""
NICE = -10
"""The nice value tried when real-time scheduling is refused."""


@dataclass
class FeedStats:
    """What the feeder saw (bench/audio_timing.py prints it)."""

    wake_ups: int = 0
    wake_delay_ms: list[int] = field(default_factory=lambda: [0] * (len(WAKE_BOUNDS_MS) + 1))
    """How many wake-ups came how late after their period, per ``WAKE_BOUNDS_MS`` bucket."""
    max_wake_delay_s: float = 0.0
    min_ahead_s: float = math.inf
    """The least audio written and not yet processed by the sink, at any wake-up."""
    max_behind_s: float = 0.0
    """How far the sink's played clock fell behind the monotonic clock at most."""
    priority: str = "normal"
    gaps: int = 0
    """Gaps healed: stretches of the track dropped to put later cues back on time."""
    gap_s: float = 0.0
    server_underruns: int = 0
    """Times the sound server said the stream ran dry (the pulse output; its start counts)."""

    def woke(self, delay_s: float) -> None:
        self.wake_ups += 1
        self.max_wake_delay_s = max(self.max_wake_delay_s, delay_s)
        self.wake_delay_ms[bisect.bisect_left(WAKE_BOUNDS_MS, delay_s * 1000)] += 1


def raise_thread_priority() -> str:
    """Ask the calling thread to be scheduled first; what was granted, in words."""
    tid = threading.get_native_id()
    try:
        os.sched_setscheduler(tid, os.SCHED_RR, os.sched_param(REALTIME_PRIORITY))
        return f"real-time (SCHED_RR {REALTIME_PRIORITY})"
    except (AttributeError, OSError):
        pass
    try:
        os.setpriority(os.PRIO_PROCESS, tid, NICE)
        return f"nice {NICE}"
    except (AttributeError, OSError):
        return "normal (not allowed to raise it)"


def feed_every(
    period_s: float,
    alarm: socket.socket,
    step: Callable[[], None],
    *,
    stats: FeedStats,
    clock: Callable[[], float],
    raise_priority: bool,
    output: str,
) -> None:
    """A feeder thread's life: ``step`` every ``period_s`` until ``alarm`` rings (one
    system call a wake-up), each wake-up's delay counted in ``stats``."""
    if raise_priority:
        stats.priority = raise_thread_priority()
    try:
        due = clock() + period_s
        while not select.select([alarm], [], [], period_s)[0]:
            woke = clock()
            stats.woke(max(0.0, woke - due))
            due = woke + period_s
            step()
    except Exception:  # a dead feeder must say why: the sound would just stop
        log.exception("%s audio: the feeder thread failed", output)


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
        stats: FeedStats | None = None,
        clock: Callable[[], float] = time.monotonic,
        raise_priority: bool = True,
        heal: bool = True,
    ) -> None:
        self._sink = sink
        self._device = device
        self._render = render
        self._lock = lock
        self._rate = rate
        self._fill_frames = max(1, round(fill_s * rate))
        self._period_s = period_s
        self._first = head
        self._clock = clock
        self._raise_priority = raise_priority
        self.stats = stats if stats is not None else FeedStats()
        self._offset_s = math.inf
        """The least (monotonic time - played time) seen: the stream's start, gaps excluded."""
        self._window_min = math.inf
        self._window_start: float | None = None
        self._started_at: float | None = None
        self._dry_at = -math.inf
        """When the buffer was last found empty (after the warm-up)."""
        self._heal = heal
        self._behind: tuple[float, ...] = ()
        """How far behind the windows in a row so far were (two make a gap, with evidence)."""
        self._owed = 0
        """Frames of a gap found and not dropped yet (the head was in a sound)."""
        self.skipped = 0
        """Track frames dropped to heal gaps (never written)."""
        self._skips: tuple[tuple[int, int], ...] = ()
        """(stream frame, track frames dropped there) of every gap healed."""
        self.head = head
        """The next track frame to be written (read it with ``lock`` held)."""
        self._pending = b""
        self._alarm: tuple[socket.socket, socket.socket] | None = None
        """(alarm, bell), made by ``start()``: the thread sleeps on the alarm and ``stop()``
        rings the bell. One system call a wake-up (waiting on a threading.Event costs several
        lock operations: a third of the thread's CPU), and a stop that does not wait a period."""
        self._thread = threading.Thread(target=self._run, name="audio-feeder", daemon=True)

    def start(self) -> None:
        self.top_up()  # the first stretch at once: the sink starts on data, not on silence
        self._alarm = socket.socketpair()
        self._thread.start()

    def stop(self) -> None:
        """Stop writing; returns once the thread has (before the sink may be stopped)."""
        alarm, self._alarm = self._alarm, None
        if alarm is None:
            return
        alarm[1].send(b"!")
        self._thread.join(timeout=2)
        for end in alarm:
            end.close()

    def _run(self) -> None:
        if self._alarm is not None:
            feed_every(
                self._period_s,
                self._alarm[0],
                self.top_up,
                stats=self.stats,
                clock=self._clock,
                raise_priority=self._raise_priority,
                output="qt",
            )

    def top_up(self) -> None:
        """Write what keeps the buffer ``fill_s`` ahead of the sink (the thread's one step)."""
        played = self._sink.processedUSecs() * self._rate // 1_000_000
        self._watch(played)
        if self._pending:
            self._write(self._pending)
            if self._pending:
                return
        wanted = self._fill_frames - (self.head - self._first - self.skipped - played)
        if wanted <= 0:
            return
        with self._lock:
            data = self._render(self.head, wanted)
            self.head += wanted
        self._write(data)

    def skipped_before(self, played: int) -> int:
        """Track frames dropped (gaps healed) before stream frame ``played`` was played."""
        return sum(frames for at, frames in self._skips if at <= played)

    def _watch(self, played: int) -> None:
        """Note how far ahead the buffer is; heal a gap once the sink's clock shows one.

        The played clock, read against the monotonic clock, keeps a constant offset while the
        sound flows; a gap (silence the sink played but did not count) adds its length to the
        offset for good. The offset's least value over each ``GAP_WINDOW_S`` is compared with
        the least before, which ignores how coarsely the sink reports its position.
        """
        stats = self.stats
        written = self.head - self._first - self.skipped
        if played <= 0:
            return
        ahead_s = (written - played) / self._rate
        stats.min_ahead_s = min(stats.min_ahead_s, ahead_s)
        now = self._clock()
        if self._started_at is None:
            self._started_at = now
        if now - self._started_at < WARM_UP_S:
            return
        if ahead_s <= DRY_S:
            self._dry_at = now
        offset = now - played / self._rate
        self._window_min = min(self._window_min, offset)
        if self._window_start is None:
            self._window_start = now
        if now - self._window_start >= GAP_WINDOW_S:
            self._judge(self._window_min, dry=now - self._dry_at <= DRY_EVIDENCE_S)
            self._window_min, self._window_start = math.inf, now
        if self._owed:
            self._drop(self._owed, written)

    def _judge(self, window_min: float, *, dry: bool) -> None:
        """Compare the offset's least value over a window with the least before; ``dry``:
        whether the buffer was found empty lately."""
        if self._offset_s == math.inf:
            self._offset_s = window_min
            return
        if self._owed:
            return  # being dropped
        behind = window_min - self._offset_s
        self.stats.max_behind_s = max(self.stats.max_behind_s, behind)
        if behind <= GAP_S:
            self._offset_s = min(self._offset_s, window_min)
            self._behind = ()
            return
        self._behind = (*self._behind, behind)
        if self._heal and dry and len(self._behind) >= 2:
            # Behind over two whole windows after the buffer ran dry: a gap, not a sink slow to
            # report (under load its reports can lag for a while, and then catch up). The later
            # window tells its length: the first may have caught the silence still growing.
            self._owed = round(behind * self._rate)
            self._behind = ()
        elif len(self._behind) >= SETTLED_WINDOWS:
            # Behind for good with no evidence of a gap: the clock's new level, not to be
            # counted into a later gap's length.
            self._offset_s += min(self._behind)
            self._behind = ()

    def _drop(self, frames: int, written: int) -> None:
        """Drop ``frames`` of the track at the head if they are silent (else at a later call):
        a sound is never cut, and no cue is lost."""
        with self._lock:
            if self._render(self.head, frames).strip(b"\0"):
                return
            self._skips = (*self._skips, (written, frames))
            self.head += frames
            self.skipped += frames
        self._owed = 0
        self._offset_s += frames / self._rate
        stats = self.stats
        stats.gaps += 1
        stats.gap_s += frames / self._rate
        if stats.gaps == 1:
            log.warning(
                "qt audio: the stream had a gap of %.1f ms (the feeder or the sound server"
                " was held up); later cues are moved back on time (further gaps are only"
                " counted, in the output's statistics)",
                frames / self._rate * 1000,
            )

    def _write(self, data: bytes) -> None:
        """Write ``data``; what the sink's buffer cannot take yet waits for the next round."""
        self._pending = data[max(0, self._device.write(data)) :]
