"""A panel over a running session pauses it, and carries on only if it was running."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from app.domain.stage import Stage
from app.gui.question_pause import RESUME_COUNT_IN_S, QuestionPause

if TYPE_CHECKING:
    from app.gui.session_run import SessionRun


class Player:
    def __init__(self, stage: Stage, paused: bool = False) -> None:
        self.stage, self.paused = stage, paused


class Driver:
    def __init__(self, player: Player) -> None:
        self.player = player
        self.calls: list[tuple[str, float | None]] = []

    def pause(self) -> None:
        self.player.paused = True
        self.calls.append(("pause", None))

    def resume(self, count_in_s: float) -> None:
        self.player.paused = False
        self.calls.append(("resume", count_in_s))


class Run:
    def __init__(self, stage: Stage, paused: bool = False) -> None:
        self.player = Player(stage, paused)
        self.driver = Driver(self.player)


def run(stage: Stage, paused: bool = False) -> tuple[SessionRun, Driver]:
    made = Run(stage, paused)
    return cast("SessionRun", made), made.driver


def test_a_running_set_pauses_and_carries_on_with_a_count_in() -> None:
    pause, (session, driver) = QuestionPause(), run(Stage.ECCENTRIC)
    pause.hold(session)
    pause.hold(session)  # a second panel over the first changes nothing
    pause.release(session)
    assert driver.calls == [("pause", None), ("resume", RESUME_COUNT_IN_S)]


def test_a_session_paused_before_stays_paused() -> None:
    pause, (session, driver) = QuestionPause(), run(Stage.REST, paused=True)
    pause.hold(session)
    pause.release(session)
    assert driver.calls == [("pause", None)] and session.player.paused


def test_leaving_does_not_carry_on_and_nothing_runs_before_the_start() -> None:
    pause, (session, driver) = QuestionPause(), run(Stage.BOTTOM)
    pause.hold(session)
    pause.release(session, carry_on=False)
    assert driver.calls == [("pause", None)]
    ready, (waiting, idle) = QuestionPause(), run(Stage.READY)
    ready.hold(waiting)
    ready.release(waiting)
    assert idle.calls == []
    QuestionPause().hold(None)
    QuestionPause().release(None)
