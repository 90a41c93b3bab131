"""Windows: ``SetThreadExecutionState`` keeps the display on while a session runs."""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002
HOLD_FLAGS = ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED
"""Display and system on until told otherwise (ES_CONTINUOUS keeps the request in force)."""
RELEASE_FLAGS = ES_CONTINUOUS
"""ES_CONTINUOUS alone clears the request: the usual idle timers apply again."""

SetExecutionState = Callable[[int], int]
"""``SetThreadExecutionState(flags)``: the previous state, or 0 when Windows refused."""


def load_set_execution_state() -> SetExecutionState:
    """kernel32's ``SetThreadExecutionState``; OSError (or AttributeError) off Windows."""
    kernel32 = getattr(ctypes, "WinDLL")("kernel32", use_last_error=True)  # noqa: B009 (win32 only)
    function = kernel32.SetThreadExecutionState
    function.argtypes = [ctypes.c_uint32]
    function.restype = ctypes.c_uint32

    def set_state(flags: int) -> int:
        return int(function(flags))

    return set_state


class WindowsScreenAwake:
    """Holds a display-required execution state between ``hold`` and ``release``.

    The state belongs to the calling thread: both are called on the GUI thread, which lives
    as long as the window.
    """

    available = True

    def __init__(self, set_state: SetExecutionState | None = None) -> None:
        self._set_state = set_state or load_set_execution_state()
        self._held = False
        self.reason = ""

    def hold(self, why: str) -> None:
        del why  # Windows takes no reason with this call
        if self._held:
            return
        if self._set_state(HOLD_FLAGS) == 0:
            self.reason = "Windows refused to keep the screen on: it may blank during a session."
            log.warning("keep awake: SetThreadExecutionState refused")
            return
        self._held = True

    def release(self) -> None:
        if self._held:
            self._set_state(RELEASE_FLAGS)
            self._held = False
