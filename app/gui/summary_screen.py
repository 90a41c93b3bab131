"""The summary: sets, reps, time under tension, and how it compares with last time."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from app.domain.session_summary import Comparison, SessionSummary, format_duration
from app.domain.units import Units, format_height
from app.gui.fitted_scroll import FittedScroll
from app.gui.keys import Action
from app.gui.screen import ScaledLabel, Screen


class SummaryScreen(Screen):
    """Shown after the last set is logged.

    Signals:
        closed(): back to the home screen.
    """

    closed = Signal()

    def __init__(
        self,
        title: str,
        summary: SessionSummary,
        comparisons: Sequence[tuple[str, Comparison | None]],
        units: Units,
        *,
        rehearsal: bool,
        next_steps: Sequence[str] = (),
    ) -> None:
        """``next_steps``: the coach's advice for the variations trained, one line each."""
        super().__init__()
        self.setObjectName("summary")
        heading = ScaledLabel("Session done", 0.08, bold=True)
        subtitle = ScaledLabel(title + ("  ·  rehearsal, not counted" if rehearsal else ""), 0.04)
        subtitle.setProperty("role", "muted")
        subtitle.setWordWrap(True)
        grid = QGridLayout()
        for column, (value, label) in enumerate(
            (
                (str(summary.sets), "sets"),
                (str(summary.total_reps), "reps"),
                (format_duration(summary.time_under_tension_s), "under tension"),
            )
        ):
            number = ScaledLabel(value, 0.1, bold=True)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = ScaledLabel(label, 0.04)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setProperty("role", "muted")
            grid.addWidget(number, 0, column)
            grid.addWidget(caption, 1, column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addLayout(grid)
        # One line per variation, its sets and how they compare, so that the coach's next
        # steps come soon after them, in sight without scrolling on most screens.
        self.lines: list[str] = [
            f"{name}: {totals.sets_text(units)} · {_compare_text(comparison, units)}"
            for (name, comparison), totals in zip(comparisons, summary.by_variation, strict=True)
        ]
        if rehearsal:
            self.lines.append("A rehearsal does not count towards the coach's advice.")
        self.lines += [f"Next time: {step}" for step in next_steps]
        # However long the session, the lines scroll and the Done button stays in reach.
        lines = QWidget()
        details = QVBoxLayout(lines)
        details.setContentsMargins(0, 0, 12, 0)
        for line in self.lines:
            line_label = ScaledLabel(line, 0.038)
            line_label.setWordWrap(True)
            details.addWidget(line_label)
        self.details = FittedScroll(lines)
        self.details.setAccessibleName("Session details")
        self.details.whole_rows = True  # a line cut through its letters: hidden until scrolled
        layout.addWidget(self.details)
        layout.addStretch(1)  # Done stays at the bottom however few the lines
        done = self.touch("Done · back home  (Enter)", "Done: back home", Action.NEXT, primary=True)
        layout.addWidget(done)

    def handle(self, action: Action) -> bool:
        if action is Action.NEXT:
            self.closed.emit()
            return True
        return False


def _compare_text(comparison: Comparison | None, units: Units) -> str:
    if comparison is None:
        return "the first time logged"
    change = comparison.reps_change
    trend = f"{change:+d} reps" if change else "same reps"
    text = f"{trend} vs last time ({comparison.reps_before})"
    if comparison.box_now_cm != comparison.box_before_cm and comparison.box_before_cm is not None:
        text += f", box was {format_height(comparison.box_before_cm, units)}"
    if not comparison.same_tempo:
        text += " (different tempo: not comparable)"
    return text
