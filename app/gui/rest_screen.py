"""Rest between sets: a countdown, the next set, +15 s and skip; a box change fills the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout

from app.domain.body_line import body_line
from app.domain.stage import Stage
from app.domain.tempo_words import tempo_words
from app.domain.timeline import SetSchedule
from app.domain.units import Units, format_height
from app.gui.body_drawing import BodyDrawing
from app.gui.keys import Action
from app.gui.phase_style import paused_colour, stage_colour
from app.gui.progress_ring import ProgressRing
from app.gui.screen import ScaledLabel, Screen
from app.gui.session_run import SessionRun
from app.gui.session_summary_text import clock
from app.gui.sound_status import SoundIndicator, place_indicator

DISTANCE_FRACTION = 0.08
"""Of the screen unit: 80 px at 1280x800, for what is read from the floor."""


def box_change(done: SetSchedule, following: SetSchedule | None) -> float | None:
    """The next set's box height when the hands must move to it, else None."""
    if following is None or following.box_height_cm is None:
        return None
    if done.box_height_cm == following.box_height_cm:
        return None
    return following.box_height_cm


class RestScreen(Screen):
    """Counts the rest down; the next set's count-in starts by itself when it runs out.

    When the next set puts the hands at another height, the screen says so in large type
    with the drawing ("Move your hands to 30 cm"), and the countdown moves next to REST.
    """

    def __init__(self, run: SessionRun, units: Units) -> None:
        super().__init__()
        self.setObjectName("rest")
        self.run = run
        self.units = units
        view = run.driver.view()
        self.new_box_cm = box_change(view.schedule, view.next_schedule)
        self.word = ScaledLabel("REST", 0.1, bold=True)
        self.theme = run.services.settings.theme
        self.word.set_colour(stage_colour(Stage.REST, self.theme).name())
        self.time = ScaledLabel("", 0.1, bold=True)
        self.sound = SoundIndicator()
        self.sound.clicked.connect(lambda: self.action_requested.emit(Action.MUTE))
        run.sound_changed.connect(self.on_sound_changed)
        self.on_sound_changed()
        self.ring = ProgressRing()
        self.ring.track = self.palette().color(QPalette.ColorRole.Mid)
        self.move_prompt = ScaledLabel("", DISTANCE_FRACTION, bold=True)
        self.move_prompt.setWordWrap(True)
        self.move_prompt.set_colour(stage_colour(Stage.REST, self.theme).name())
        self.next_label = ScaledLabel("", DISTANCE_FRACTION, bold=True)
        self.next_name = ScaledLabel("", 0.045)
        self.next_name.setWordWrap(True)
        self.box_label = ScaledLabel("", DISTANCE_FRACTION, bold=True)
        self.next_detail = ScaledLabel("", 0.035)
        self.next_detail.setProperty("role", "muted")
        self.next_detail.setWordWrap(True)
        self.hint = ScaledLabel("Space pause · ← +15 s · → skip rest · Esc leave", 0.03)
        self.hint.setProperty("role", "muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add = self.touch("+15 s", "Add 15 s to the rest", Action.BACK)
        self.pause = self.touch("Pause", "Pause the rest", Action.START_PAUSE)
        self.skip = self.touch("Skip rest", "Skip rest", Action.NEXT, primary=True)
        self.leave = self.touch("Leave", "Leave session (asks first)", Action.LEAVE)
        self._buttons = buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.leave)
        buttons.addWidget(self.sound)
        buttons.addStretch(1)
        self._sound_row = QHBoxLayout()
        self._sound_row.addStretch(1)
        self._sound_row.addStretch(1)
        buttons.addWidget(self.pause)
        buttons.addWidget(self.add)
        buttons.addWidget(self.skip)
        head = QHBoxLayout()
        head.setSpacing(32)
        head.addWidget(self.word)
        head.addWidget(self.time)
        head.addStretch(1)
        preview = QVBoxLayout()
        preview.addStretch(1)
        preview.addWidget(self.next_label)
        preview.addWidget(self.next_name)
        preview.addWidget(self.box_label)
        preview.addWidget(self.next_detail)
        preview.addStretch(1)
        self._middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.addLayout(head)
        if self.new_box_cm is not None:
            schedule = view.next_schedule
            assert schedule is not None
            support = run.variation(schedule.variation_id).support
            self.drawing: BodyDrawing | None = BodyDrawing(
                body_line(support, self.new_box_cm), units
            )
            self.move_prompt.setText(f"Move your hands to {format_height(self.new_box_cm, units)}")
            self.ring.hide()
            layout.addWidget(self.move_prompt)
            self._middle.addWidget(self.ring, 1)
            self._middle.addWidget(self.drawing, 3)
        else:
            self.drawing = None
            self.move_prompt.hide()
            self.time.hide()
            self._middle.addWidget(self.ring, 1)
        self._middle.addLayout(preview, 2)
        layout.addLayout(self._middle, 1)
        layout.addWidget(self.hint)
        layout.addLayout(self._sound_row)
        layout.addLayout(buttons)
        run.driver.ticked.connect(self.on_ticked)
        run.driver.follow_ring(self.ring)
        self.on_ticked()

    def on_sound_changed(self) -> None:
        self.sound.show_state(self.run.sound)

    def on_ticked(self) -> None:
        view = self.run.driver.view()
        progress = 1.0 - view.rest_remaining_s / view.rest_total_s if view.rest_total_s else 1.0
        remaining = clock(view.rest_remaining_s)
        self.ring.show_state(progress, remaining, stage_colour(Stage.REST, self.theme))
        if self.time.text() != remaining:
            self.time.setText(remaining)
        self.word.setText("PAUSED" if view.paused else "REST")
        colour = paused_colour(self.theme) if view.paused else stage_colour(Stage.REST, self.theme)
        self.word.set_colour(colour.name())
        if view.paused:
            self.pause.rename("Resume", "Resume the rest")
        else:
            self.pause.rename("Pause", "Pause the rest")
        following = view.next_schedule
        if following is None:
            for label in (self.next_label, self.next_name, self.box_label, self.next_detail):
                label.setText("")
            return
        variation = self.run.variation(following.variation_id)
        box = format_height(following.box_height_cm, self.units)
        self.next_label.setText(f"Next: set {following.index + 1} / {view.total_sets}")
        self.next_name.setText(f"{variation.name} · {following.target} reps")
        self.box_label.setText(f"Box {box}" if box and self.new_box_cm is None else "")
        self.box_label.setVisible(bool(self.box_label.text()))
        self.next_detail.setText(f"Tempo {tempo_words(following.tempo)}")

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
        place_indicator(
            self.sound, buttons=self._buttons, index=1, own_row=self._sound_row, alone=portrait
        )
        self._middle.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)
