"""The set log sheet: prefilled, ↑/↓ change the reps, one key saves it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.limits import MAX_BOX_HEIGHT_CM, MAX_LOGGED_REPS
from app.domain.player import PlayerView, SetResult
from app.domain.units import Units, from_display, to_display
from app.domain.variation import Variation
from app.gui.keys import Action
from app.gui.reps_keypad import RepsKeypad
from app.gui.screen import ScaledLabel, Screen
from app.gui.session_driver import SessionDriver
from app.gui.session_summary_text import clock
from app.gui.touch_button import TouchButton

MAX_RIR = 5
FLAG_COLUMNS = 3
SHORT_PX = 700
TALL_GROWTH = 1.6
"""How much larger the number and its − and + may be on a screen taller than wide."""


class LogSheet(Screen):
    """What the set was really like. Rest is already running while it is open.

    Signals:
        accepted(SetResult): the person confirmed the sheet.
    """

    accepted = Signal(SetResult)

    def __init__(
        self, driver: SessionDriver, view: PlayerView, variation: Variation, units: Units
    ) -> None:
        super().__init__()
        self.setObjectName("log")
        self.driver = driver
        self.units = units
        schedule = view.schedule
        # A max set nobody ended ran to its cap, which says nothing of the reps done: the
        # count starts at 0, so that Save without setting it never logs the cap as a best.
        capped = schedule.target.is_max and driver.player.ran_out
        self.reps = 0 if capped else view.reps_completed
        planned = "max" if schedule.target.is_max else str(schedule.target)
        done = f"Set {view.set_index + 1} / {view.total_sets} done"
        limit = f"it stopped at its {schedule.reps}-rep limit: set the reps you did"
        heading = f"{done} · {limit}" if capped else None
        self.heading = ScaledLabel(heading or f"{done} · planned {planned} reps", 0.045)
        self.heading.setProperty("role", "danger" if capped else "muted")
        self.heading.setWordWrap(True)
        self.reps_label = ScaledLabel("", 0.15, bold=True)
        self.reps_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fewer = self.touch("−", "Fewer reps (↓)", Action.DOWN, scale=1.4)
        self.more = self.touch("+", "More reps (↑)", Action.UP, scale=1.4)
        self._reps_row = reps_row = QHBoxLayout()
        reps_row.addStretch(1)
        reps_row.addWidget(self.fewer)
        reps_row.addWidget(self.reps_label, 2)
        reps_row.addWidget(self.more)
        reps_row.addStretch(1)
        self.reps_hint = reps_hint = ScaledLabel("reps done  ·  − / + or ↓ / ↑", 0.035)
        reps_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rest_label = ScaledLabel("", 0.04)
        self.rest_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.box = QDoubleSpinBox()
        self.box.setDecimals(1)
        self.box.setRange(0, to_display(MAX_BOX_HEIGHT_CM, units))
        self.box.setSuffix(f" {units.value}")
        self.box.setAccessibleName("Box height used")
        self.box.setEnabled(schedule.box_height_cm is not None)
        self.box.setValue(to_display(schedule.box_height_cm or 0.0, units))
        self.rir = QButtonGroup(self)
        self.rir.setExclusive(False)
        # The question beside its answers; above them on a narrow screen (see rescale).
        self._rir_label = QLabel("Reps in reserve")
        self._rir_answers = QHBoxLayout()
        rir_row = self._rir_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        rir_row.addWidget(self._rir_label)
        rir_row.addLayout(self._rir_answers, 1)
        for value in range(MAX_RIR + 1):
            words = f"{value}+" if value == MAX_RIR else str(value)
            button = TouchButton(words, f"Reps in reserve: {words}")
            button.setCheckable(True)
            self.rir.addButton(button, value)
            self._rir_answers.addWidget(button)
        self.rir.idClicked.connect(self.on_rir_clicked)
        # Toggle buttons, not small check boxes: each is a whole fingertip target.
        self.flags: list[TouchButton] = []
        self._flag_grid = flags = QGridLayout()
        flags.setSpacing(8)
        for mistake in variation.mistakes:
            flag = TouchButton(mistake, f"Form slipped: {mistake}")
            flag.setCheckable(True)
            self.flags.append(flag)
        self._flag_columns = 0
        self._place_flags(FLAG_COLUMNS)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Note (optional)")
        self.note.setAccessibleName("Note (optional)")
        self.fields: list[QWidget] = [self.box, self.note]
        """Typed into, not tapped: as tall as a touch control all the same."""
        self.save = self.touch("Save  (Enter)", "Save this set", Action.NEXT, primary=True)
        leave = self.touch("Leave", "Leave session (this set is saved)", Action.LEAVE)
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addWidget(leave)
        bottom.addStretch(1)
        bottom.addWidget(self.save, 2)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.rest_label)
        # The box height and the note share a row: a 600-pixel screen has no height to spare.
        box_row = QHBoxLayout()
        box_row.setSpacing(12)
        if schedule.box_height_cm is not None:
            box_row.addWidget(QLabel("Box height used"))
            box_row.addWidget(self.box)
        else:
            self.box.hide()
        box_row.addWidget(self.note, 1)
        self._rows = layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 16, 36, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        # The number and its hint stay together, in the middle of the height the controls
        # leave: on a tall screen the hint would otherwise sit far below the number.
        layout.addStretch(1)
        layout.addLayout(reps_row)
        layout.addWidget(reps_hint)
        layout.addStretch(1)
        layout.addLayout(rir_row)
        flags_heading = QLabel("Form slipped?")
        flags_heading.setProperty("role", "muted")
        layout.addWidget(flags_heading)
        layout.addLayout(flags)
        layout.addLayout(box_row)
        layout.addLayout(bottom)
        # Spare height goes around the number, not into gaps between the rows of controls.
        for label in (self.heading, self.rest_label, reps_hint, flags_heading):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.reps_label.setAccessibleName("Reps done: tap to type them")
        self.reps_label.installEventFilter(self)
        self.keypad = RepsKeypad(self)
        self.keypad.entered.connect(self.on_reps_typed)
        self._show_reps()
        driver.ticked.connect(self.on_ticked)
        self.on_ticked()

    def rescale(self) -> None:
        super().rescale()
        # A short screen (1024x600) has no room for the hint under the number: the − and +
        # say it, the help says the keys.
        short = self.height() < SHORT_PX
        self.reps_hint.setVisible(not short)
        self._rows.setSpacing(4 if short else 8)
        # A portrait tablet has height to spare: the number and its − and + grow into it
        # (up to 1.6 times), bigger targets for a tap and a number read from further away.
        grow = min(TALL_GROWTH, max(1.0, self.height() / max(1, self.width())))
        # ... as far as the widest count (four digits) still fits between them.
        across = self._inner_width - 4 * self._reps_row.spacing()
        widest = (
            self.reps_label.fontMetrics().horizontalAdvance(str(MAX_LOGGED_REPS))
            + self.fewer.minimumWidth()
            + self.more.minimumWidth()
        )
        grow = min(grow, 0.95 * across / max(1, widest))
        if grow > 1.0:
            unit = round(min(self.width(), round(self.height() * 1.25)) * grow)
            for widget in (self.reps_label, self.fewer, self.more):
                widget.rescale(unit)
        self._fit_rows()
        touch_px = self.save.minimumHeight()  # what the touch buttons took for this screen
        for field in self.fields:
            if field.minimumHeight() != touch_px:
                field.setFixedHeight(touch_px)

    @property
    def _inner_width(self) -> int:
        """The sheet's width inside its margins: what its rows have."""
        margins = self._rows.contentsMargins()
        return self.width() - margins.left() - margins.right()

    def _fit_rows(self) -> None:
        """On a narrow screen (a 7-inch tablet upright) the words would be cut: the flags go
        two to a row, and the reps-in-reserve question above its answers."""
        across = self._inner_width
        widths = [flag.sizeHint().width() for flag in self.flags]
        columns = [max(widths[column::FLAG_COLUMNS], default=0) for column in range(FLAG_COLUMNS)]
        fits = sum(columns) + self._flag_grid.spacing() * (FLAG_COLUMNS - 1) <= across
        self._place_flags(FLAG_COLUMNS if fits else FLAG_COLUMNS - 1)
        answers = [button.sizeHint().width() for button in self.rir.buttons()]
        gaps = self._rir_row.spacing() * len(answers)
        side_by_side = self._rir_label.sizeHint().width() + sum(answers) + gaps <= across
        self._rir_row.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )

    def _place_flags(self, columns: int) -> None:
        if columns == self._flag_columns:
            return
        self._flag_columns = columns
        for flag in self.flags:
            self._flag_grid.removeWidget(flag)
        for index, flag in enumerate(self.flags):
            self._flag_grid.addWidget(flag, index // columns, index % columns)

    def _show_reps(self) -> None:
        self.reps_label.setText(str(self.reps))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """A tap on the number opens the keypad."""
        if watched is self.reps_label and event.type() == QEvent.Type.MouseButtonRelease:
            self.keypad.open_pad()
            return True
        return False

    def on_reps_typed(self, reps: int) -> None:
        self.reps = reps
        self._show_reps()

    def on_ticked(self) -> None:
        view = self.driver.view()
        self.rest_label.setText(f"Rest {clock(view.rest_remaining_s)}" if view.rest_total_s else "")

    def on_rir_clicked(self, value: int) -> None:
        for button in self.rir.buttons():
            if self.rir.id(button) != value:
                button.setChecked(False)

    def result(self) -> SetResult:
        checked = self.rir.checkedId()
        return SetResult(
            reps=self.reps,
            box_height_cm=from_display(self.box.value(), self.units)
            if self.box.isEnabled()
            else None,
            reps_in_reserve=None if checked < 0 else checked,
            form_flags=tuple(box.text() for box in self.flags if box.isChecked()),
            note=self.note.text().strip(),
        )

    def handle(self, action: Action) -> bool:
        if self.keypad.isVisible():
            if action is Action.NEXT:
                self.keypad.on_ok()
                return True
            if action is Action.BACK:
                self.keypad.close_pad()
                return True
        if action is Action.UP:
            self.reps += 1
        elif action is Action.DOWN:
            self.reps = max(0, self.reps - 1)
        elif action is Action.NEXT:
            self.on_accept()
            return True
        elif action is Action.BACK:
            self.driver.add_rest()
        else:
            return False
        self._show_reps()
        return True

    def on_accept(self) -> None:
        self.accepted.emit(self.result())
