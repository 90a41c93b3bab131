"""The one fake monotonic clock of the tests: time moves only when a test or the code says so."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

REAL_TIMEOUT_S = 10.0
"""Real seconds the clock may wait for another thread before the test fails (it never should)."""


class FakeClock:
    """Monotonic seconds that move only when the test advances them or the code sleeps.

    Pass the clock itself (it is callable) or its ``now`` wherever the code takes a clock, and
    its ``sleep`` wherever the code waits. ``t`` is the time now; a test may set it directly.

    - ``advance(seconds)``: the test moves time on (the window's timers do not fire by
      themselves, the test wakes them).
    - ``sleep(seconds)``: the code under test waits; time moves on at once, then every hook in
      ``on_sleep`` runs with the new time (a fault injected at a given moment).
    - ``hold(at, until)`` makes time stand still at ``at`` until ``until()`` is true, so that an
      answer read on a helper thread is taken in at exactly that moment, however the threads
      happen to be scheduled; ``wait_until(at)`` blocks that helper thread until time reaches
      ``at``.
    """

    def __init__(self, start: float = 100.0) -> None:
        self.t = start
        self.on_sleep: list[Callable[[float], None]] = []
        self._changed = threading.Condition()
        self._holds: list[tuple[float, Callable[[], bool]]] = []
        self._held_since: float | None = None

    def __call__(self) -> float:
        return self.now()

    def now(self) -> float:
        with self._changed:
            return self.t

    def advance(self, seconds: float) -> None:
        with self._changed:
            self.t += seconds
            self._changed.notify_all()

    def hold(self, at: float, until: Callable[[], bool]) -> None:
        with self._changed:
            self._holds.append((at, until))
            self._holds.sort(key=lambda hold: hold[0])

    def sleep(self, seconds: float) -> None:
        if self._held(seconds):
            return
        self.advance(seconds)
        moved_to = self.now()
        for hook in self.on_sleep:
            hook(moved_to)

    def wait_until(self, at: float) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: self.t >= at, REAL_TIMEOUT_S):
                raise AssertionError(f"the clock never reached {at}")

    def _held(self, seconds: float) -> bool:
        """Whether a hold stops this sleep short (time then stands at the hold's moment)."""
        with self._changed:
            if not self._holds or self.t + seconds < self._holds[0][0]:
                return False
            at, until = self._holds[0]
            if until():
                self._holds.pop(0)
                self._held_since = None
                return False
            self.t = max(self.t, at)
            self._changed.notify_all()
            self._held_since = self._held_since or time.monotonic()
            if time.monotonic() - self._held_since > REAL_TIMEOUT_S:
                raise AssertionError(f"time stood still at {at} and nothing happened")
            self._changed.wait(0.001)  # let the reading thread answer
            return True
