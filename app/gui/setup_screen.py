"""The setup walkthrough: one step of a variation per screen, with the body line drawn."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout

from app.domain.body_line import body_line
from app.domain.setup_flow import is_practised
from app.domain.units import Units, format_height
from app.domain.variation import Variation
from app.gui.body_drawing import BodyDrawing
from app.gui.keys import Action
from app.gui.screen import ScaledLabel, Screen
from app.gui.touch_button import TouchButton


class SetupScreen(Screen):
    """Walks through ``variation.steps``; → next, ← back.

    Signals:
        completed(): past the last step, or skipped.
    """

    completed = Signal()

    def __init__(
        self,
        variation: Variation,
        box_height_cm: float | None,
        units: Units,
        times_trained: int,
    ) -> None:
        super().__init__()
        self.setObjectName("setup")
        self.variation = variation
        self.step = 0
        self.heading = ScaledLabel(f"Setup · {variation.name}", 0.035)
        self.heading.setProperty("role", "muted")
        self.counter = ScaledLabel("", 0.035)
        self.counter.setProperty("role", "muted")
        self.title = ScaledLabel("", 0.07, bold=True)
        self.title.setWordWrap(True)
        self.text = ScaledLabel("", 0.045)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        needs = list(variation.equipment)
        if variation.uses_box and box_height_cm is not None:
            needs = [f"box at {format_height(box_height_cm, units)}"]
        self.equipment = ScaledLabel(("You need: " + ", ".join(needs)) if needs else "", 0.04)
        self.equipment.setWordWrap(True)
        practised = (
            f"You have trained this {times_trained} times: → on the last step, or Skip."
            if is_practised(times_trained)
            else ""
        )
        self.caveat = ScaledLabel(variation.caveat, 0.028)
        self.caveat.setObjectName("caveat")
        self.caveat.setProperty("role", "muted")
        self.caveat.setWordWrap(True)
        self.caveat.setVisible(bool(variation.caveat))
        self.practised = ScaledLabel(practised, 0.03)
        self.practised.setProperty("role", "muted")
        self.practised.setVisible(bool(practised))
        self.drawing = BodyDrawing(body_line(variation.support, box_height_cm), units)
        self.back = self.touch("← Back", "Back a step", Action.BACK)
        leave = self.touch("Leave  (Esc)", "Leave session (asks first)", Action.LEAVE)
        self.skip = TouchButton("Skip setup", "Skip setup")
        self.skip.clicked.connect(self.completed)
        self.next = self.touch("Next →", "Next step", Action.NEXT, primary=True)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(leave)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.skip)
        buttons.addWidget(self.next)
        words = QVBoxLayout()
        top = QHBoxLayout()
        top.setSpacing(32)
        top.addWidget(self.heading, 1)
        top.addWidget(self.counter)
        words.addLayout(top)
        words.addWidget(self.title)
        words.addWidget(self.text, 1)
        words.addWidget(self.equipment)
        words.addWidget(self.caveat)
        words.addWidget(self.practised)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addLayout(words, 3)
        self._body.addWidget(self.drawing, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.addLayout(self._body, 1)
        layout.addLayout(buttons)
        self._show_step()

    def _show_step(self) -> None:
        steps = self.variation.steps
        step = steps[self.step]
        self.counter.setText(f"Step {self.step + 1} / {len(steps)}")
        self.title.setText(step.title)
        self.text.setText(step.text)
        last = self.step == len(steps) - 1
        if last:
            self.next.rename("Ready →", "Next: ready for the set")
        else:
            self.next.rename("Next →", "Next step")

    def handle(self, action: Action) -> bool:
        if action in (Action.NEXT, Action.START_PAUSE):
            self.on_next()
        elif action is Action.BACK:
            self.on_back()
        else:
            return False
        return True

    def on_next(self) -> None:
        if self.step + 1 >= len(self.variation.steps):
            self.completed.emit()
            return
        self.step += 1
        self._show_step()

    def on_back(self) -> None:
        if self.step > 0:
            self.step -= 1
            self._show_step()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        portrait = self.height() > self.width()
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._body.setStretch(0, 2)
        self._body.setStretch(1, 3 if portrait else 1)
        super().resizeEvent(event)
