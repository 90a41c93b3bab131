"""Fakes for driving ``run_headless``: a clock that moves only when the session sleeps, and a
person at the keyboard whose Enter lands at an exact moment of that clock."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

REAL_TIMEOUT_S = 10.0
"""Real seconds a fake may wait for the session before the test fails (it never should)."""


class FakeClock:
    """Monotonic seconds that move only when the session sleeps.

    ``hold(at, until)`` makes time stand still at ``at`` until ``until()`` is true, so that an
    answer read on the session's helper thread is taken in at exactly that moment, however the
    threads happen to be scheduled.
    """

    def __init__(self, start: float = 100.0) -> None:
        self.t = start
        self._changed = threading.Condition()
        self._holds: list[tuple[float, Callable[[], bool]]] = []
        self._held_since: float | None = None

    def now(self) -> float:
        with self._changed:
            return self.t

    def hold(self, at: float, until: Callable[[], bool]) -> None:
        with self._changed:
            self._holds.append((at, until))
            self._holds.sort(key=lambda hold: hold[0])

    def sleep(self, seconds: float) -> None:
        with self._changed:
            if self._holds and self.t + seconds >= self._holds[0][0]:
                at, until = self._holds[0]
                if not until():
                    self.t = max(self.t, at)
                    self._changed.notify_all()
                    self._held_since = self._held_since or time.monotonic()
                    if time.monotonic() - self._held_since > REAL_TIMEOUT_S:
                        raise AssertionError(f"time stood still at {at} and nothing happened")
                    self._changed.wait(0.001)  # let the reading thread answer
                    return
                self._holds.pop(0)
                self._held_since = None
            self.t += seconds
            self._changed.notify_all()

    def wait_until(self, at: float) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: self.t >= at, REAL_TIMEOUT_S):
                raise AssertionError(f"the session never reached {at}")


class Keyboard:
    """Answers the session's prompts: Enter at given moments to end a max set, else ``typed``.

    The end of a max set is read with an empty prompt; each of those waits for the next of
    ``presses_at`` on ``clock`` and then presses Enter. Other prompts get the next of ``typed``.
    When either list runs out, input is closed (EOFError), as when stdin is /dev/null.
    """

    def __init__(self, clock: FakeClock, *typed: str, presses_at: tuple[float, ...] = ()) -> None:
        self.clock = clock
        self.typed = list(typed)
        self.presses_at = list(presses_at)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if prompt == "":
            if not self.presses_at:
                raise EOFError
            self.clock.wait_until(self.presses_at.pop(0))
            return ""
        if not self.typed:
            raise EOFError
        return self.typed.pop(0)
