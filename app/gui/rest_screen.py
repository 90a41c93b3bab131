"""Rest between sets: a ring counting down, the next set, +15 s and skip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout

from app.domain.timeline import Stage
from app.domain.units import Units, format_height
from app.gui.keys import Action
from app.gui.phase_style import paused_colour, stage_colour
from app.gui.progress_ring import ProgressRing
from app.gui.screen import ScaledLabel, Screen
from app.gui.session_run import SessionRun
from app.gui.session_summary_text import clock
from app.gui.sound_status import SoundIndicator


class RestScreen(Screen):
    """Counts the rest down; the next set's count-in starts by itself when it runs out."""

    def __init__(self, run: SessionRun, units: Units) -> None:
        super().__init__()
        self.setObjectName("rest")
        self.run = run
        self.units = units
        self.word = ScaledLabel("REST", 0.11, bold=True)
        self.word.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.word.set_colour(stage_colour(Stage.REST).name())
        self.sound = SoundIndicator()
        self.sound.clicked.connect(lambda: self.action_requested.emit(Action.MUTE))
        run.sound_changed.connect(self.on_sound_changed)
        self.on_sound_changed()
        self.ring = ProgressRing()
        self.next_heading = ScaledLabel("Next", 0.04)
        self.next_heading.setProperty("role", "muted")
        self.next_label = ScaledLabel("", 0.055, bold=True)
        self.next_label.setWordWrap(True)
        self.next_detail = ScaledLabel("", 0.045)
        self.next_detail.setWordWrap(True)
        self.add = self.touch("+15 s  (←)", "Add 15 s to the rest", Action.BACK)
        self.pause = self.touch("Pause  (Space)", "Pause the rest", Action.START_PAUSE)
        self.skip = self.touch("Skip rest  (→)", "Skip rest", Action.NEXT, primary=True)
        self.leave = self.touch("Leave  (Esc)", "Leave session (asks first)", Action.LEAVE)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.leave)
        buttons.addStretch(1)
        buttons.addWidget(self.pause)
        buttons.addWidget(self.add)
        buttons.addWidget(self.skip)
        preview = QVBoxLayout()
        preview.addStretch(1)
        preview.addWidget(self.next_heading)
        preview.addWidget(self.next_label)
        preview.addWidget(self.next_detail)
        preview.addStretch(1)
        self._middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._middle.addWidget(self.ring, 1)
        self._middle.addLayout(preview, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 24)
        head = QHBoxLayout()
        head.addStretch(1)
        head.addWidget(self.word, 3)
        head.addWidget(self.sound, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        layout.addLayout(head)
        layout.addLayout(self._middle, 1)
        layout.addLayout(buttons)
        run.driver.ticked.connect(self.on_ticked)
        self.on_ticked()

    def on_sound_changed(self) -> None:
        self.sound.show_state(self.run.sound)

    def on_ticked(self) -> None:
        view = self.run.driver.view()
        progress = 1.0 - view.rest_remaining_s / view.rest_total_s if view.rest_total_s else 1.0
        self.ring.show_state(progress, clock(view.rest_remaining_s), stage_colour(Stage.REST))
        self.word.setText("PAUSED" if view.paused else "REST")
        colour = paused_colour() if view.paused else stage_colour(Stage.REST)
        self.word.set_colour(colour.name())
        if view.paused:
            self.pause.rename("Resume  (Space)", "Resume the rest")
        else:
            self.pause.rename("Pause  (Space)", "Pause the rest")
        following = view.next_schedule
        if following is None:
            self.next_label.setText("")
            self.next_detail.setText("")
            return
        variation = self.run.variation(following.variation_id)
        box = format_height(following.box_height_cm, self.units)
        self.next_label.setText(f"Set {following.index + 1} / {view.total_sets}: {variation.name}")
        detail = f"{following.target} reps at {following.tempo}"
        self.next_detail.setText(detail + (f"\nbox {box}" if box else ""))

    def handle(self, action: Action) -> bool:
        if action is Action.BACK:
            self.on_add_rest()
        elif action is Action.NEXT:
            self.on_skip()
        elif action is Action.START_PAUSE:
            self.run.driver.toggle_pause()
        else:
            return False
        self.on_ticked()
        return True

    def on_add_rest(self) -> None:
        self.run.driver.add_rest()

    def on_skip(self) -> None:
        self.run.driver.skip_rest()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        portrait = self.height() > self.width()
        self._middle.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)
