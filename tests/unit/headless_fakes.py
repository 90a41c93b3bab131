"""Fakes for driving ``run_headless``: a person at the keyboard whose Enter lands at an exact
moment of the shared fake clock (tests/fake_clock.py)."""

from __future__ import annotations

from tests.fake_clock import FakeClock


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
