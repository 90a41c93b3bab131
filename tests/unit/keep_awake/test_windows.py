"""Windows keep-awake: the execution state asked for and given back, with the call faked."""

from __future__ import annotations

from app.keep_awake.windows import (
    ES_CONTINUOUS,
    ES_DISPLAY_REQUIRED,
    WindowsScreenAwake,
)


class FakeKernel:
    """``SetThreadExecutionState``: records each call; answers 0 (refused) when told to."""

    def __init__(self, refuse: bool = False) -> None:
        self.calls: list[int] = []
        self.refuse = refuse

    def __call__(self, flags: int) -> int:
        self.calls.append(flags)
        return 0 if self.refuse else ES_CONTINUOUS


def test_a_session_keeps_the_display_on_until_it_ends() -> None:
    kernel = FakeKernel()
    awake = WindowsScreenAwake(kernel)

    awake.hold("A push-up session is running")
    awake.hold("again")  # a second hold asks nothing more

    (held,) = kernel.calls
    assert held & ES_CONTINUOUS and held & ES_DISPLAY_REQUIRED
    awake.release()
    awake.release()
    assert kernel.calls == [held, ES_CONTINUOUS]  # continuous alone: the idle timer is back
    assert (awake.available, awake.reason) == (True, "")


def test_a_refusal_is_said_and_nothing_is_given_back() -> None:
    kernel = FakeKernel(refuse=True)
    awake = WindowsScreenAwake(kernel)

    awake.hold("A push-up session is running")
    awake.release()

    assert len(kernel.calls) == 1
    assert awake.reason.startswith("Windows refused to keep the screen on")
