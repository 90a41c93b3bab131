"""macOS: an IOKit power assertion keeps the display on while a session runs."""

from __future__ import annotations

import ctypes
import logging
from typing import Any, Protocol

log = logging.getLogger(__name__)

IOKIT = "/System/Library/Frameworks/IOKit.framework/IOKit"
CORE_FOUNDATION = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
DISPLAY_ON = "PreventUserIdleDisplaySleep"
"""kIOPMAssertionTypePreventUserIdleDisplaySleep: the display stays on (and so the system)."""
ASSERTION_LEVEL_ON = 255
"""kIOPMAssertionLevelOn."""
UTF8 = 0x08000100
"""kCFStringEncodingUTF8."""
IO_RETURN_SUCCESS = 0


class PowerAssertions(Protocol):
    """What the keep-awake needs from IOKit: create an assertion, release it."""

    def create(self, kind: str, name: str) -> int | None:
        """The assertion's id, or None when macOS refused it."""

    def release(self, assertion_id: int) -> None: ...


class IOKitAssertions:
    """``IOPMAssertionCreateWithName`` and ``IOPMAssertionRelease`` through ctypes.

    ``iokit`` and ``core_foundation`` are the loaded frameworks (``load`` opens the real ones;
    tests pass stand-ins with the same functions).
    """

    def __init__(self, iokit: Any, core_foundation: Any) -> None:
        cf = core_foundation
        cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
        cf.CFStringCreateWithCString.restype = ctypes.c_void_p
        cf.CFRelease.argtypes = [ctypes.c_void_p]
        cf.CFRelease.restype = None
        create = iokit.IOPMAssertionCreateWithName
        create.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint32,
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_uint32),
        ]
        create.restype = ctypes.c_int32
        iokit.IOPMAssertionRelease.argtypes = [ctypes.c_uint32]
        iokit.IOPMAssertionRelease.restype = ctypes.c_int32
        self._iokit = iokit
        self._cf = cf

    @classmethod
    def load(cls) -> IOKitAssertions:
        """The system's frameworks; OSError where they do not exist (not macOS)."""
        return cls(ctypes.cdll.LoadLibrary(IOKIT), ctypes.cdll.LoadLibrary(CORE_FOUNDATION))

    def create(self, kind: str, name: str) -> int | None:
        kind_ref = self._cf.CFStringCreateWithCString(None, kind.encode(), UTF8)
        name_ref = self._cf.CFStringCreateWithCString(None, name.encode(), UTF8)
        assertion_id = ctypes.c_uint32(0)
        try:
            result = self._iokit.IOPMAssertionCreateWithName(
                kind_ref, ASSERTION_LEVEL_ON, name_ref, ctypes.byref(assertion_id)
            )
        finally:
            self._cf.CFRelease(kind_ref)
            self._cf.CFRelease(name_ref)
        return int(assertion_id.value) if result == IO_RETURN_SUCCESS else None

    def release(self, assertion_id: int) -> None:
        self._iokit.IOPMAssertionRelease(assertion_id)


class MacScreenAwake:
    """Holds one display assertion between ``hold`` and ``release``."""

    available = True

    def __init__(self, assertions: PowerAssertions | None = None) -> None:
        self._assertions = assertions or IOKitAssertions.load()
        self._held: int | None = None
        self.reason = ""

    def hold(self, why: str) -> None:
        if self._held is not None:
            return
        self._held = self._assertions.create(DISPLAY_ON, f"Tempo Trainer: {why}")
        if self._held is None:
            self.reason = "macOS refused to keep the screen on: it may sleep during a session."
            log.warning("keep awake: IOPMAssertionCreateWithName refused")

    def release(self) -> None:
        if self._held is not None:
            self._assertions.release(self._held)
            self._held = None
