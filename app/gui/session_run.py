"""One session from its first setup step to its summary: player, sound and log together."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from app.domain.plan import SessionPlan
from app.domain.player import Player, SetResult
from app.domain.setup_flow import first_sets, walkthrough_needed
from app.domain.timeline import Stage, compile_sets
from app.domain.variation import Variation
from app.gui.services import Services
from app.gui.session_driver import SessionDriver
from app.gui.sound_status import SILENT_OUTPUT, SoundState
from app.storage.session_log import SessionLog
from app.storage.store import SessionRecord


@dataclass(frozen=True, slots=True)
class SessionSource:
    """A plan to play, with the text and source the log keeps for resuming it."""

    plan: SessionPlan
    plan_text: str
    plan_source: str


class SessionRun(QObject):
    """Owns the driver of one session and writes every logged set to the store at once.

    A set the store refuses (read-only folder, full disk) stays in ``session_log`` and the
    session goes on; ``session_log.problem`` says why, for the window to show.

    Mute starts as Settings say; ``toggle_mute`` changes it for this session only.

    Signals:
        sound_changed(): mute was toggled; ``sound`` says how things stand.
    """

    sound_changed = Signal()

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
        # A plan's own count_in_s wins; the setting is for plans (and quick sessions) without one.
        self.schedules = compile_sets(source.plan, default_count_in_s=services.settings.count_in_s)
        self.speed = resume.speed if resume is not None else services.speed
        first = resume.next_set if resume is not None else 0
        self.session_log = SessionLog(services.store, services.wall_clock)
        self._begun = resume is not None
        if resume is not None:
            self.session_log.resume(resume)
        self.player = Player(
            self.schedules,
            speed=self.speed,
            lead_s=0.0,
            first_set=min(first, len(self.schedules) - 1),
        )
        output = services.open_output(services.settings)
        output.set_volume(services.settings.volume)
        output.set_muted(services.settings.muted)
        self._muted = services.settings.muted
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
    def session_id(self) -> int | None:
        return self.session_log.session_id

    @property
    def title(self) -> str:
        return self.source.plan.title

    @property
    def rehearsal(self) -> bool:
        return self.speed != 1.0

    @property
    def sound(self) -> SoundState:
        playing = self.driver.output.name != SILENT_OUTPUT
        return SoundState(playing, self._muted, self.services.settings.voice_counts)

    def toggle_mute(self) -> None:
        """Mute or unmute this session; the Settings' choice is left as it is."""
        self._muted = not self._muted
        self.driver.output.set_muted(self._muted)
        self.sound_changed.emit()

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
        if not self._begun:
            self._begun = True
            # The log keeps the plan's text as read at start: the session, and any resume,
            # play from it even if the file is changed or deleted meanwhile.
            self.session_log.begin(
                title=self.title,
                plan_source=self.source.plan_source,
                plan_text=self.source.plan_text,
                rehearsal=self.rehearsal,
                speed=self.speed,
            )
        self.driver.start()

    def log(self, result: SetResult) -> None:
        """Commit the set now; the last one also closes the session in the log."""
        logged = self.driver.log_set(result)
        self.session_log.record(logged)
        if self.player.stage is Stage.FINISHED:
            self.session_log.finish()
            self.finished = True
            self.driver.stop()

    def leave(self) -> None:
        """The person left on purpose: keep the logged sets and stop offering a resume."""
        self.driver.stop()
        if not self.finished:
            self.session_log.abandon()

    def stop(self) -> None:
        self.driver.stop()
