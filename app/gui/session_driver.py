"""The thin adapter between Qt's event loop and the pure player.

One QTimer, parented to the driver, fires about 60 times a second and calls
``player.advance(output.now())``. The timer only says *when to look*: every value shown is
read from the player at the output's clock, so a late or missed tick shifts nothing.

A frame drawn at a tick stays on screen until the next one, so it shows the moment half a
frame ahead (``DISPLAY_LEAD_S``): a phase then appears within half a frame either side of its
cue, instead of up to a whole frame after it (bench/frame_sync.py measures this).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.audio.output import CueOutput
from app.domain.player import EventKind, LoggedSet, Player, PlayerEvent, PlayerView, SetResult

FRAME_MS = 16
DISPLAY_LEAD_S = FRAME_MS / 2 / 1000


class SessionDriver(QObject):
    """Runs ``player`` on ``output``'s clock.

    Signals:
        stage_changed(PlayerEvent): a phase or moment began (count-in, lowering, ...).
        set_ended(PlayerEvent): a set ran out or was ended early; the log sheet is due.
        session_finished(PlayerEvent): the last set ended.
        ticked(): a frame passed; screens re-read ``view()``.
    """

    stage_changed = Signal(object)
    set_ended = Signal(object)
    session_finished = Signal(object)
    ticked = Signal()

    def __init__(self, player: Player, output: CueOutput, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self.output = output
        self._revision = -1
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.on_tick)

    def now(self) -> float:
        """The moment the frame being drawn stands for, on the output's clock."""
        return self.output.now() + DISPLAY_LEAD_S

    def view(self) -> PlayerView:
        return self.player.view(self.now())

    def start(self) -> None:
        self._emit(self.player.start(self.now()))
        self._timer.start()

    def stop(self) -> None:
        """Stop the frames and release the sound device."""
        self._timer.stop()
        self.output.close()

    def on_tick(self) -> None:
        self._emit(self.player.advance(self.now()))
        self.ticked.emit()

    # --- what the keys ask for ---------------------------------------------------------------

    def toggle_pause(self) -> None:
        self._emit(self.player.toggle_pause(self.now()))

    def pause(self) -> None:
        self.player.pause(self.now())
        self._follow()

    def resume(self, count_in_s: float = 0.0) -> None:
        """Carry on; ``count_in_s`` counts the person back in first (after a question)."""
        self._emit(self.player.resume(self.now(), count_in_s))

    def end_set(self) -> None:
        self._emit(self.player.end_set(self.now()))

    def log_set(self, result: SetResult) -> LoggedSet:
        """Log the set; a rest that ran out meanwhile leaves the next set waiting for Start."""
        logged = self.player.log_set(self.now(), result, wait=True)
        self._emit(self.player.advance(self.now()))
        return logged

    def skip_rest(self) -> None:
        self._emit(self.player.skip_rest(self.now()))

    def add_rest(self) -> None:
        self.player.add_rest(self.now())
        self._follow()

    def _emit(self, events: list[PlayerEvent]) -> None:
        self._follow()
        for event in events:
            if event.kind is EventKind.STAGE_CHANGED:
                self.stage_changed.emit(event)
            elif event.kind is EventKind.SET_ENDED:
                self.set_ended.emit(event)
            else:
                self.session_finished.emit(event)

    def _follow(self) -> None:
        if self.player.revision != self._revision:
            self._revision = self.player.revision
            self.output.follow(self.player.cues)
