"""What a block's sets show the coach: at the top of the range, struggling, stalled, slowing."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from app.domain.coach.evidence import BlockRun
from app.domain.coach.thresholds import (
    FALLING_SESSIONS,
    REPS_SHORT_TO_STRUGGLE,
    RETEST_AFTER_DAYS,
    STALL_DAYS,
    STALL_SESSIONS,
)
from app.domain.plan import DEFAULT_RESET_S
from app.domain.tempo import Tempo
from app.domain.variation import Variation


@dataclass(frozen=True, slots=True)
class BlockHistory:
    """One block of the latest session and the evidence behind it."""

    run: BlockRun
    earlier: tuple[BlockRun, ...]
    """The same block (variation, height, target, tempo) in earlier sessions, oldest first."""
    other_tempos: tuple[BlockRun, ...]
    """The same variation, height and target at other tempos, oldest first."""
    days_off: int


def keep_reset(run: BlockRun) -> float:
    return DEFAULT_RESET_S if run.reset_s is None else run.reset_s


def box_height(run: BlockRun, variation: Variation) -> float:
    if run.key.box_height_cm is not None:
        return run.key.box_height_cm
    return variation.default_box_height_cm or 0.0


def at_top(run: BlockRun) -> bool:
    top = run.key.target.high
    return (
        bool(run.reps)
        and len(run.reps) >= run.planned_sets
        and all(run.clean)
        and all(r >= top for r in run.reps)
    )


def struggled(run: BlockRun) -> bool:
    if run.key.target.is_max:
        return False
    low = run.key.target.low
    return len(run.reps) < run.planned_sets or any(
        r <= low - REPS_SHORT_TO_STRUGGLE for r in run.reps
    )


def falling_at_failure(history: BlockHistory) -> bool:
    runs = [*history.earlier, history.run][-FALLING_SESSIONS:]
    if len(runs) < FALLING_SESSIONS:
        return False
    if not all(r.reps_in_reserve and all(x == 0 for x in r.reps_in_reserve) for r in runs):
        return False
    totals = [r.total_reps for r in runs]
    return all(later < earlier for earlier, later in itertools.pairwise(totals))


def stalled_weeks(history: BlockHistory) -> int:
    """Weeks the block has shown the same reps at the same rest (0 when it has not stalled):
    a longer rest is a change to try for as long as a new set or a slower lowering."""
    run = history.run
    same = [run]
    for earlier in reversed(history.earlier):
        if earlier.reps != run.reps or earlier.rest_s != run.rest_s:
            break
        same.append(earlier)
    days = (run.day - same[-1].day).days
    if len(same) < STALL_SESSIONS or days < STALL_DAYS:
        return 0
    return days // 7


def slower_tempo(history: BlockHistory) -> Tempo | None:
    """A slower tempo this block was done at lately, when today's reps came faster."""
    now = history.run.key.tempo
    recent = [
        r
        for r in history.other_tempos
        if (history.run.day - r.day).days <= RETEST_AFTER_DAYS
        and r.key.tempo.eccentric_s > now.eccentric_s
    ]
    return recent[-1].key.tempo if recent else None


def keep_reason(run: BlockRun) -> str:
    top = run.key.target.high
    flagged = sum(1 for ok in run.clean if not ok)
    if flagged:
        return f"Stay here until every set is clean ({flagged} of {len(run.reps)} had a form flag)."
    at_top = sum(r >= top for r in run.reps)
    if at_top:
        return f"{at_top} of {run.planned_sets} sets reached {top}: stay here until all of them do."
    return f"Stay here and add a rep where you can; move on when every set reaches {top}."
