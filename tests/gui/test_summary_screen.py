"""Session done: the totals, one line per variation with how it compares, then next time."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.domain.session_summary import Comparison, SessionSummary, VariationTotals
from app.domain.units import Units
from app.gui.summary_screen import SummaryScreen


def totals(variation: str, reps: tuple[int, ...], box: float | None) -> VariationTotals:
    return VariationTotals(
        variation, len(reps), sum(reps), reps, (box,) * len(reps), box, frozenset({"3-1-1-0"})
    )


def test_each_variation_on_one_line_with_how_it_compares_then_the_next_steps(
    qtbot: QtBot,
) -> None:
    box = totals("hands-elevated-push-up", (10, 9), 40)
    floor = totals("floor-push-up", (5,), None)
    summary = SessionSummary(3, 24, 95.0, (box, floor))
    lower = Comparison("hands-elevated-push-up", 19, 17, True, 40, 45)
    screen = SummaryScreen(
        "Ladder",
        summary,
        [("Hands-elevated push up", lower), ("Floor push up", None)],
        Units.CM,
        rehearsal=False,
        next_steps=["Step up · hands at 30 cm"],
    )
    qtbot.addWidget(screen)
    assert screen.lines == [
        "Hands-elevated push up: 10 + 9 reps · box 40 cm · +2 reps vs last time (17),"
        " box was 45 cm",
        "Floor push up: 5 reps · the first time logged",
        "Next time: Step up · hands at 30 cm",
    ]
