"""The player's touch controls: start, pause or resume; end set; leave. Dim while a set runs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.domain.stage import Stage
from app.gui.keys import Action
from app.gui.touch_button import TouchButton

FADE_AFTER_S = 4.0
"""A running set's controls dim this long after the last tap, so the numbers stand out."""


class SetControls(QWidget):
    """One row of big buttons under the player, each standing for a key action.

    Signals:
        action_requested(Action): a button was tapped.
    """

    action_requested = Signal(Action)

    def __init__(self) -> None:
        super().__init__()
        self.primary = TouchButton("Start", "Start the set", primary=True)
        self.end_set = TouchButton("End set", "End set now and log it")
        self.leave = TouchButton("Leave", "Leave session (asks first)")
        self._row = row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        row.addWidget(self.leave)
        row.addStretch(1)
        row.addWidget(self.end_set)
        row.addWidget(self.primary)
        for button, action in (
            (self.primary, Action.START_PAUSE),
            (self.end_set, Action.NEXT),
            (self.leave, Action.LEAVE),
        ):
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
        self._woken_at: float | None = None
        self.faded = False

    @property
    def row(self) -> QHBoxLayout:
        """Leave first, then room for a widget beside it (index 1), then the set's buttons."""
        return self._row

    def wake(self, now: float) -> None:
        """A tap: show the controls fully again for a while."""
        self._woken_at = now
        self._fade(False)

    def show_state(self, stage: Stage, paused: bool, now: float) -> None:
        if stage is Stage.READY:
            self.primary.rename("Start", "Start the set")
        elif paused:
            self.primary.rename("Resume", "Resume the set")
        else:
            self.primary.rename("Pause", "Pause the set")
        self.end_set.setVisible(stage is not Stage.READY)
        running = stage is not Stage.READY and not paused
        if not running:
            self._woken_at = None
        elif self._woken_at is None:
            self._woken_at = now
        quiet = running and self._woken_at is not None and now - self._woken_at > FADE_AFTER_S
        self._fade(quiet)

    def _fade(self, faded: bool) -> None:
        if faded != self.faded:
            self.faded = faded
            for button in (self.primary, self.end_set, self.leave):
                button.set_faded(faded)
