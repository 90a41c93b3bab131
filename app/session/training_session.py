"""One session in the log: begun or resumed, the player on the output's clock, each set logged.

Both front ends build a ``TrainingSession`` and drive its player; they add only their input
(keys, the terminal) and their display. A set the log refuses stays in ``log`` (``SessionLog``)
and the session goes on; ``log.problem`` says why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.audio.output import CueOutput
from app.domain.player import LoggedSet, Player
from app.domain.timeline import compile_sets
from app.session.session_source import SessionSource
from app.storage.session_log import SessionLog
from app.storage.settings import Settings
from app.storage.store import Store


class TrainingSession:
    """The player, built from the plan on the output's lead, and the session's log."""

    def __init__(
        self,
        source: SessionSource,
        *,
        store: Store,
        settings: Settings,
        output: CueOutput,
        speed: float,
        wall_clock: Callable[[], datetime],
    ) -> None:
        self.source = source
        self.speed = speed
        # A plan's own count_in_s wins; the setting is for plans (and quick sessions) without one.
        self.schedules = compile_sets(source.plan, default_count_in_s=settings.count_in_s)
        self.log = SessionLog(store, wall_clock)
        resumed = source.resumed
        self._begun = resumed is not None
        if resumed is not None:
            self.log.resume(resumed)
        self.first_set = resumed.next_set if resumed is not None else 0
        self.player = Player(
            self.schedules,
            speed=speed,
            lead_s=output.lead_s,
            first_set=min(self.first_set, len(self.schedules) - 1),
        )

    @property
    def title(self) -> str:
        return self.source.plan.title

    @property
    def rehearsal(self) -> bool:
        return self.speed != 1.0

    @property
    def all_logged(self) -> bool:
        """A resumed session whose every set is already in the log: nothing left to play."""
        return self.first_set >= len(self.schedules)

    def begin(self) -> None:
        """Open the session in the log, once (a resumed one is open already)."""
        if self._begun:
            return
        self._begun = True
        # The log keeps the plan's text as read at start: the session, and any resume, play
        # from it even if the file is changed or deleted meanwhile.
        self.log.begin(
            title=self.title,
            plan_source=self.source.plan_source,
            plan_text=self.source.plan_text,
            block_sizes=tuple(block.sets for block in self.source.plan.blocks),
            rehearsal=self.rehearsal,
            speed=self.speed,
        )

    def record(self, logged: LoggedSet, ended_at: datetime | None = None) -> bool:
        """Commit the set now; True once it and every set before it is in the log."""
        return self.log.record(logged, ended_at)
