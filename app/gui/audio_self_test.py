"""The audio self-test: every cue played once, a second apart, through a real output."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.audio.output import CueOutput, output_notice
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind
from app.gui.sound_status import SILENT_OUTPUT
from app.storage.settings import Settings

SPACING_S = 1.0
"""Between two cues: the longest sound (session done) lasts 0.7 s."""
TAIL_S = 1.0
POLL_MS = 20


class AudioSelfTest(QObject):
    """Plays every CueKind once on an output opened for the test, and says which is playing.

    Signals:
        cue_played(CueKind): the cue's sound has just begun (on the output's clock).
        finished(): the last sound is over and the output is closed (also after ``stop``).

    ``report`` then says what really happened: on which device the sounds played, or why
    nothing could (no device, sound output set to none, the device lost on the way).
    """

    cue_played = Signal(CueKind)
    finished = Signal()

    def __init__(
        self, open_output: Callable[[Settings], CueOutput], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._open_output = open_output
        self._output: CueOutput | None = None
        self._pending: list[ScheduledCue] = []
        self._end_s = 0.0
        self._where = ""
        self._opening_notice: str | None = None
        self.report = ""
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.on_tick)

    @property
    def running(self) -> bool:
        return self._output is not None

    def start(self, settings: Settings) -> tuple[ScheduledCue, ...]:
        """Open an output at the settings' volume (muted or not) and schedule every cue."""
        self.stop()
        output = self._open_output(settings)
        output.set_volume(settings.volume)
        output.set_muted(False)  # asked for on purpose: a test that stays silent tests nothing
        if output.name == SILENT_OUTPUT:
            why = output_notice(output) or "the sound output is set to none"
            self.report = f"No sound played: {why}"
            output.close()
            self.finished.emit()
            return ()
        device = getattr(output, "device_name", None)
        self._where = f"{device} ({output.name})" if isinstance(device, str) else output.name
        # An output standing in for the one chosen says so (and why) from the start.
        self._opening_notice = output_notice(output)
        self.report = f"Playing on {self._where}…{self._also_said()}"
        first = output.now() + output.lead_s + 0.2
        cues = tuple(ScheduledCue(first + i * SPACING_S, kind) for i, kind in enumerate(CueKind))
        output.follow(cues)
        self._output = output
        self._pending = list(cues)
        self._end_s = cues[-1].at + TAIL_S
        self._timer.start()
        return cues

    def on_tick(self) -> None:
        if self._output is None:
            return
        now = self._output.now()
        while self._pending and self._pending[0].at <= now:
            self.cue_played.emit(self._pending.pop(0).kind)
        if now >= self._end_s:
            lost = output_notice(self._output)
            if lost == self._opening_notice:
                lost = None
            self.report = (
                f"Played all {len(CueKind)} sounds on {self._where}.{self._also_said()}"
                if lost is None
                else f"The sounds did not all play: {lost}"
            )
            self.stop()

    def _also_said(self) -> str:
        return f" {self._opening_notice}" if self._opening_notice else ""

    def stop(self) -> None:
        """Stop playing and release the device; ``finished`` follows if it was running."""
        self._timer.stop()
        output, self._output = self._output, None
        if output is not None and self._pending:
            self.report = f"Stopped after {len(CueKind) - len(self._pending)} sounds."
        self._pending = []
        if output is not None:
            output.close()
            self.finished.emit()
