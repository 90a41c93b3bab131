"""Questions read on a helper thread, so that sound never waits for the keyboard."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable


class EndOfInput:
    """Stdin is closed: accept the offered numbers from here on."""


END_OF_INPUT = EndOfInput()


class Asker:
    """Asks one question at a time on a daemon thread; ``poll`` picks up the answer."""

    def __init__(self, input_fn: Callable[[str], str]) -> None:
        self._input = input_fn
        self._answers: queue.SimpleQueue[str | EndOfInput] = queue.SimpleQueue()
        self.pending = False

    def ask(self, prompt: str) -> None:
        """Read one line; while a read is still waiting, only show ``prompt``: it answers this."""
        if self.pending:
            print(prompt, end="", flush=True)
            return
        self.pending = True
        threading.Thread(target=self._read, args=(prompt,), name="ask", daemon=True).start()

    def _read(self, prompt: str) -> None:
        try:
            self._answers.put(self._input(prompt))
        except (EOFError, OSError):
            self._answers.put(END_OF_INPUT)

    def poll(self) -> str | EndOfInput | None:
        try:
            answer = self._answers.get_nowait()
        except queue.Empty:
            return None
        self.pending = False
        return answer
