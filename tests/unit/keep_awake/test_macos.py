"""macOS keep-awake: one IOKit assertion per session, with the frameworks faked."""

from __future__ import annotations

import ctypes
from typing import Any

from app.keep_awake.macos import (
    ASSERTION_LEVEL_ON,
    DISPLAY_ON,
    UTF8,
    IOKitAssertions,
    MacScreenAwake,
)


class FakeFunction:
    """A C function of a fake framework: ctypes sets its argtypes/restype, calls run ``body``."""

    def __init__(self, body: Any) -> None:
        self.body = body
        self.argtypes: list[Any] = []
        self.restype: Any = None

    def __call__(self, *args: Any) -> Any:
        return self.body(*args)


class FakeFrameworks:
    """IOKit and CoreFoundation as far as the keep-awake uses them."""

    def __init__(self, result: int = 0) -> None:
        self.strings: dict[int, str] = {}
        self.released_strings: list[int] = []
        self.created: list[tuple[str, int, str]] = []
        self.released: list[int] = []
        self.CFStringCreateWithCString = FakeFunction(self._string)
        self.CFRelease = FakeFunction(self.released_strings.append)
        self.IOPMAssertionCreateWithName = FakeFunction(self._create)
        self.IOPMAssertionRelease = FakeFunction(self._release)
        self.result = result

    def _string(self, allocator: object, text: bytes, encoding: int) -> int:
        assert allocator is None and encoding == UTF8
        ref = 1000 + len(self.strings)
        self.strings[ref] = text.decode()
        return ref

    def _create(self, kind: int, level: int, name: int, out: Any) -> int:
        self.created.append((self.strings[kind], level, self.strings[name]))
        out._obj.value = 41 + len(self.created)
        return self.result

    def _release(self, assertion_id: int) -> int:
        self.released.append(assertion_id)
        return 0


def test_a_session_holds_one_display_assertion_and_releases_it() -> None:
    frameworks = FakeFrameworks()
    awake = MacScreenAwake(IOKitAssertions(frameworks, frameworks))

    awake.hold("A push-up session is running")
    awake.hold("again")

    assert frameworks.created == [
        (DISPLAY_ON, ASSERTION_LEVEL_ON, "Tempo Trainer: A push-up session is running")
    ]
    assert sorted(frameworks.released_strings) == sorted(frameworks.strings)  # no leak
    awake.release()
    awake.release()
    assert frameworks.released == [42]
    assert (awake.available, awake.reason) == (True, "")


def test_the_c_signatures_are_declared_before_any_call() -> None:
    frameworks = FakeFrameworks()
    IOKitAssertions(frameworks, frameworks)
    create = frameworks.IOPMAssertionCreateWithName
    assert create.argtypes[1] is ctypes.c_uint32
    assert create.argtypes[3] == ctypes.POINTER(ctypes.c_uint32)
    assert frameworks.IOPMAssertionRelease.argtypes == [ctypes.c_uint32]
    assert frameworks.CFStringCreateWithCString.restype is ctypes.c_void_p


def test_a_refused_assertion_is_said_and_nothing_is_released() -> None:
    frameworks = FakeFrameworks(result=-536870201)  # kIOReturnNotPermitted
    awake = MacScreenAwake(IOKitAssertions(frameworks, frameworks))

    awake.hold("A push-up session is running")
    awake.release()

    assert frameworks.released == []
    assert awake.reason.startswith("macOS refused to keep the screen on")
