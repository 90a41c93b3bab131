"""The player: phase word, colour and shape, a huge countdown in a ring, reps and sets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout

from app.domain.form_cue import form_cue
from app.domain.phase_words import Shape, phase_words
from app.domain.player import PlayerView
from app.domain.reps import RepTarget
from app.domain.stage import Stage
from app.domain.units import Units, format_height
from app.gui.keys import Action
from app.gui.phase_banner import PhaseBanner
from app.gui.phase_style import paused_colour, stage_colour
from app.gui.progress_ring import ProgressRing
from app.gui.screen import ScaledLabel, Screen
from app.gui.session_run import SessionRun
from app.gui.set_controls import SetControls
from app.gui.sound_status import SoundIndicator, place_indicator

DISTANCE_FRACTION = 0.08
"""Of the screen unit (see ``Screen.rescale``): 80 px at 1280x800."""


class PlayerScreen(Screen):
    """Shows the running set, re-read from the player on every frame."""

    def __init__(self, run: SessionRun, units: Units) -> None:
        super().__init__()
        self.setObjectName("player")
        self.run = run
        self.units = units
        # Distance mode: what a person on the floor 3 m away must read is at least 8 % of the
        # screen unit (80 px at 1280x800): phase word, countdown, rep, set and box height.
        self.set_label = ScaledLabel("", DISTANCE_FRACTION, bold=True)
        self.box_label = ScaledLabel("", DISTANCE_FRACTION, bold=True)
        self.box_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.variation_label = ScaledLabel("", 0.04)
        self.variation_label.setProperty("role", "muted")
        self.variation_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.variation_label.setWordWrap(True)
        self.rehearsal = ScaledLabel(
            f"REHEARSAL ×{run.speed:g}" if run.rehearsal else "", 0.03, bold=True
        )
        self.rehearsal.setProperty("role", "danger")
        self.rehearsal.setVisible(run.rehearsal)
        self.banner = PhaseBanner()
        self.ring = ProgressRing()
        self.ring.track = self.palette().color(QPalette.ColorRole.Mid)
        self.rep_label = ScaledLabel("", 0.1, bold=True)
        self.rep_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue_label = ScaledLabel("", 0.05)
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue_label.setWordWrap(True)
        self.hint = ScaledLabel("", 0.03)
        self.hint.setProperty("role", "muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sound = SoundIndicator()
        self.sound.clicked.connect(lambda: self.action_requested.emit(Action.MUTE))
        run.sound_changed.connect(self.on_sound_changed)
        self.on_sound_changed()
        self.controls = SetControls()
        self.controls.action_requested.connect(self.action_requested)
        self._sound_row = QHBoxLayout()
        self._sound_row.addStretch(1)
        self._sound_row.addStretch(1)
        self._place_sound(portrait=False)
        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top.addWidget(self.set_label)
        self._top.addWidget(self.rehearsal)
        self._top.addStretch(1)
        self._top.addWidget(self.box_label)
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.variation_label)
        side.addWidget(self.rep_label)
        side.addWidget(self.cue_label)
        side.addStretch(1)
        self._middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._middle.addWidget(self.ring, 3)
        self._middle.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.addLayout(self._top)
        layout.addWidget(self.banner, 2)
        layout.addLayout(self._middle, 7)
        layout.addWidget(self.hint)
        layout.addLayout(self._sound_row)
        layout.addWidget(self.controls)
        self._shown: tuple[object, ...] = ()
        self._shown_schedule: object = None
        run.driver.ticked.connect(self.on_ticked)
        run.driver.follow_ring(self.ring)
        self.on_ticked()

    def _place_sound(self, portrait: bool) -> None:
        place_indicator(
            self.sound, buttons=self.controls.row, index=1, own_row=self._sound_row, alone=portrait
        )

    def on_sound_changed(self) -> None:
        self.sound.show_state(self.run.sound)

    def on_ticked(self) -> None:
        self.show_view(self.run.driver.view())

    def show_view(self, view: PlayerView) -> None:
        schedule = view.schedule
        theme = self.run.services.settings.theme
        colour = stage_colour(view.stage, theme)
        if view.stage is Stage.READY:
            self.ring.show_state(0.0, "▶", colour)
        else:
            self.ring.show_state(view.phase_progress, str(view.countdown), colour)
        self.controls.show_state(view.stage, view.paused, self.run.driver.now())
        # The rest changes a few times a rep, not every frame: re-set only when it may differ.
        shown = (view.set_index, view.stage, view.paused, view.rep, view.reps_planned, theme)
        if shown == self._shown and schedule is self._shown_schedule:
            return
        self._shown, self._shown_schedule = shown, schedule
        variation = self.run.variation(schedule.variation_id)
        words = phase_words(view.stage)
        self.set_label.setText(f"Set {view.set_index + 1} / {view.total_sets}")
        box = format_height(schedule.box_height_cm, self.units)
        rep_text, aim = rep_words(schedule.target, view.rep, view.reps_planned)
        self.variation_label.setText(f"{variation.name}\n{aim}" if aim else variation.name)
        self.box_label.setText(f"Box {box}" if box else "")
        if view.paused:
            self.banner.show_phase("PAUSED", Shape.BAR, paused_colour(theme))
        else:
            self.banner.show_phase(words.word, words.shape, colour)
        self.rep_label.setText(rep_text)
        self.cue_label.setText(form_cue(variation.form_cues, view.set_index, view.rep))
        if view.stage is Stage.READY:
            hint = "Space or → to start"
        elif view.paused:
            hint = "Space to resume · Esc to leave"
        else:
            hint = "Space pause · → end set · Esc leave · ? help"
        self.hint.setText(hint)

    def handle(self, action: Action) -> bool:
        driver = self.run.driver
        stage = driver.player.stage
        if stage is Stage.READY and action in (Action.START_PAUSE, Action.NEXT):
            self.run.start()
        elif action is Action.START_PAUSE:
            driver.toggle_pause()
        elif action is Action.NEXT:
            driver.end_set()
        else:
            return False
        self.on_ticked()
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        """A tap on the ring before a set starts it; any other tap brings the controls back."""
        if self.run.player.stage is Stage.READY and self.ring.geometry().contains(
            event.position().toPoint()
        ):
            self.action_requested.emit(Action.START_PAUSE)
        else:
            self.controls.wake(self.run.driver.now())
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        portrait = self.height() > self.width()
        self._top.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._place_sound(portrait)
        self.banner.setMinimumHeight(round(min(self.width(), self.height() * 1.25) * 0.12))
        self._middle.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)


def rep_words(target: RepTarget, rep: int | None, planned: int) -> tuple[str, str]:
    """(the big count, what to aim for beside the variation's name): ``Rep 4 / 10`` for a
    fixed count; ``Rep 4`` and ``8-12 reps`` for a range, whose top is no order to reach;
    ``Rep 4`` and ``as many as you can`` for a max set."""
    done = rep if rep is not None else 0
    if target.is_max:
        return f"Rep {done}", "as many as you can"
    if target.low != target.high:
        return f"Rep {done}", f"{target} reps"
    return f"Rep {done} / {planned}", ""
