"""A running session stands still while a panel (help, the leave question) covers it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.stage import Stage

if TYPE_CHECKING:
    from app.gui.session_run import SessionRun

RESUME_COUNT_IN_S = 3.0
"""Counted before a set carries on after a panel: time to get back into position."""


class QuestionPause:
    """Pauses on ``hold`` and, if the session was running before, resumes on ``release``."""

    def __init__(self) -> None:
        self._was_paused: bool | None = None

    def hold(self, run: SessionRun | None) -> None:
        if run is None or self._was_paused is not None:
            return
        self._was_paused = run.player.paused
        if run.player.stage not in (Stage.READY, Stage.FINISHED):
            run.driver.pause()

    def release(self, run: SessionRun | None, *, carry_on: bool = True) -> None:
        """Resume (counting the person back in, inside a set) unless it was paused before."""
        was_paused, self._was_paused = self._was_paused, None
        if run is None or was_paused is None or was_paused or not carry_on:
            return
        if run.player.paused:
            run.driver.resume(count_in_s=RESUME_COUNT_IN_S)
