"""One session from its first setup step to its summary: player, sound and log together."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.audio.output import output_silenced, output_speaks
from app.domain.player import SetResult
from app.domain.setup_flow import first_sets, walkthrough_needed
from app.domain.stage import Stage
from app.domain.variation import Variation
from app.gui.services import Services
from app.gui.session_driver import SessionDriver
from app.gui.sound_status import SILENT_OUTPUT, SoundState
from app.session.session_source import SessionSource
from app.session.sound import set_levels
from app.session.training_session import TrainingSession

__all__ = ["SessionRun", "SessionSource"]


class SessionRun(QObject):
    """The window's adapter over one ``TrainingSession``: its driver, and mute for this session.

    Every logged set is written to the store at once. A set the store refuses (read-only
    folder, full disk) stays in ``session_log`` and the session goes on;
    ``session_log.problem`` says why, for the window to show.

    Mute starts as Settings say; ``toggle_mute`` changes it for this session only.

    Signals:
        sound_changed(): mute was toggled, or the output lost its device mid-session (or got
            one back); ``sound`` says how things stand.
    """

    sound_changed = Signal()

    def __init__(
        self, source: SessionSource, services: Services, *, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.source = source
        output = services.open_output(services.settings)
        set_levels(output, services.settings)
        self._muted = services.settings.muted
        resumed = source.resumed
        self.session = TrainingSession(
            source,
            store=services.store,
            settings=services.settings,
            output=output,
            speed=resumed.speed if resumed is not None else services.speed,
            wall_clock=services.wall_clock,
        )
        self.schedules = self.session.schedules
        self.speed = self.session.speed
        self.session_log = self.session.log
        self.player = self.session.player
        self.driver = SessionDriver(self.player, output, self)
        self._sound = self.sound
        # A device lost mid-session (unplugged, every one gone) must not leave "Sound on" up
        # while nothing is heard: checked at every wake of the driver, which costs a lookup.
        self.driver.ticked.connect(self._check_sound)
        self._setups = {
            index: variation_id
            for index, variation_id in first_sets(self.schedules, self.session.first_set).items()
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
        return self.session.title

    @property
    def rehearsal(self) -> bool:
        return self.session.rehearsal

    @property
    def sound(self) -> SoundState:
        output = self.driver.output
        playing = output.name != SILENT_OUTPUT and not output_silenced(output)
        return SoundState(playing, self._muted, output_speaks(output))

    def toggle_mute(self) -> None:
        """Mute or unmute this session; the Settings' choice is left as it is."""
        self._muted = not self._muted
        self.driver.output.set_muted(self._muted)
        self._check_sound()

    def _check_sound(self) -> None:
        sound = self.sound
        if sound != self._sound:
            self._sound = sound
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
        self.session.begin()
        self.driver.start()

    def log(self, result: SetResult) -> None:
        """Commit the set now; the last one also closes the session in the log."""
        self.session.record(self.driver.log_set(result))
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
