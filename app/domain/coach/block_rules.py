"""The rules for one block, checked in this order (the README states them for people):

1. The kneeling push up is never prescribed: a box about as hard, or easier, takes its place.
2. Over 8 weeks since the block was trained: a short retest (one set, stop when form breaks).
3. 2-8 weeks: come back one step easier, or the same at the bottom of the range.
4. Reps falling over 3 sessions with every work set at 0 reps in reserve: a deload week.
5. Two sessions in a row with a set 2 or more reps below the range: one step easier.
6. A max (test) block stays as it is.
7. Every set at the top of the range, clean: one step harder, by the variation's own route,
   unless the reps came at a faster tempo than before (then: the slower tempo again).
8. The same reps at the same block for 3 weeks or more: change one thing.
9. Otherwise: the same again, and what to aim for.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.coach.advice import Rule, Suggestion
from app.domain.coach.harder_steps import HarderSteps
from app.domain.coach.signs import (
    BlockHistory,
    at_top,
    falling_at_failure,
    keep_reason,
    slower_tempo,
    stalled_weeks,
    struggled,
)
from app.domain.coach.thresholds import KNEELING, RETEST_AFTER_DAYS, RETURN_AFTER_DAYS


class BlockCoach(HarderSteps):
    """Advice for one block at a time, for one person (their surfaces, stature, units)."""

    def advise(self, history: BlockHistory) -> Suggestion:
        run = history.run
        keep = self.keep(run)
        variation = self.catalog[run.key.variation_id]
        if variation.id == KNEELING:
            return self.off_the_knees(keep)
        if variation.uses_box and run.key.box_height_cm is None:
            return self.height_not_recorded(keep, variation, history.days_off)
        if history.days_off > RETEST_AFTER_DAYS:
            return self.retest(keep, history.days_off)
        if history.days_off >= RETURN_AFTER_DAYS:
            weeks = history.days_off // 7
            why = f"It has been {weeks} weeks since you trained this"
            return self.easier(keep, run, why, Rule.RETURN, bottom_first=False)
        if falling_at_failure(history):
            return self.deload(keep, run)
        if history.earlier and struggled(run) and struggled(history.earlier[-1]):
            why = "Two sessions in a row had a set well short of the range"
            return self.easier(keep, run, why, Rule.EASIER, bottom_first=False)
        if run.key.target.is_max:
            return replace(
                keep,
                reason="A test set: repeat it in four to six weeks at the same tempo, "
                "so the counts compare.",
            )
        if at_top(run):
            slower = slower_tempo(history)
            if slower is not None:
                return replace(
                    keep,
                    tempo=str(slower),
                    reason=f"Your {max(run.reps)} reps came at {run.key.tempo}, faster than "
                    f"your sets at {slower}: repeat them at {slower}, since reps compare "
                    "only at the same tempo.",
                )
            return self.harder(keep, run, variation)
        stalled = stalled_weeks(history)
        if stalled:
            numbers = "/".join(str(r) for r in run.reps)
            return self.vary(keep, run, f"The same {numbers} for {stalled} weeks")
        return replace(keep, reason=keep_reason(run))
