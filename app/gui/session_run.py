"""One session from its first setup step to its summary: player, sound and log together."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject

from app.domain.plan import SessionPlan
from app.domain.player import Player, SetResult
from app.domain.setup_flow import first_sets, walkthrough_needed
from app.domain.timeline import Stage, compile_sets
from app.domain.variation import Variation
from app.gui.services import Services
from app.gui.session_driver import SessionDriver
from app.storage.store import SessionRecord


@dataclass(frozen=True, slots=True)
class SessionSource:
    """A plan to play, with the text and source the log keeps for resuming it."""

    plan: SessionPlan
    plan_text: str
    plan_source: str


class SessionRun(QObject):
    """Owns the driver of one session and writes every logged set to the store at once."""

    def __init__(
        self,
        source: SessionSource,
        services: Services,
        *,
        resume: SessionRecord | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.source = source
        plan = replace(source.plan, count_in_s=services.settings.count_in_s)
        self.schedules = compile_sets(plan)
        self.speed = resume.speed if resume is not None else services.speed
        first = resume.next_set if resume is not None else 0
        self.session_id: int | None = resume.id if resume is not None else None
        self.player = Player(
            self.schedules,
            speed=self.speed,
            lead_s=0.0,
            first_set=min(first, len(self.schedules) - 1),
        )
        output = services.open_output(services.settings)
        output.set_volume(services.settings.volume)
        output.set_muted(services.settings.muted)
        self.player.lead_s = output.lead_s
        self.driver = SessionDriver(self.player, output, self)
        self._setups = {
            index: variation_id
            for index, variation_id in first_sets(self.schedules, first).items()
            if walkthrough_needed(
                services.store.times_trained(variation_id),
                skip_practised=services.settings.skip_practised_setup,
            )
        }
        self.finished = False

    @property
    def title(self) -> str:
        return self.source.plan.title

    @property
    def rehearsal(self) -> bool:
        return self.speed != 1.0

    def variation(self, variation_id: str) -> Variation:
        return self.services.catalog[variation_id]

    def setup_due(self) -> Variation | None:
        """The variation to walk through before the set about to begin, if any."""
        view = self.driver.view()
        index = view.set_index
        if view.stage is Stage.REST and view.next_schedule is not None:
            index = view.next_schedule.index
        variation_id = self._setups.get(index)
        return None if variation_id is None else self.variation(variation_id)

    def setup_done(self) -> None:
        view = self.driver.view()
        index = view.set_index
        if view.stage is Stage.REST and view.next_schedule is not None:
            index = view.next_schedule.index
        self._setups.pop(index, None)

    def start(self) -> None:
        """Open the session in the log (unless resuming) and begin the count-in."""
        if self.session_id is None:
            record = self.services.store.begin_session(
                title=self.title,
                started_at=self.services.wall_clock(),
                plan_source=self.source.plan_source,
                plan_text=self.source.plan_text,
                rehearsal=self.rehearsal,
                speed=self.speed,
            )
            self.session_id = record.id
        self.driver.start()

    def log(self, result: SetResult) -> None:
        """Commit the set now; the last one also closes the session in the log."""
        assert self.session_id is not None
        logged = self.driver.log_set(result)
        now = self.services.wall_clock()
        self.services.store.record_set(self.session_id, logged, now)
        if self.player.stage is Stage.FINISHED:
            self.services.store.finish_session(self.session_id, now)
            self.finished = True
            self.driver.stop()

    def leave(self) -> None:
        """The person left on purpose: keep the logged sets and stop offering a resume."""
        self.driver.stop()
        if self.session_id is not None and not self.finished:
            self.services.store.abandon_session(self.session_id)

    def stop(self) -> None:
        self.driver.stop()
