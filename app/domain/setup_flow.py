"""When the setup walkthrough is shown: before the first set of each variation."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.timeline import SetSchedule

PRACTISED_SESSIONS = 3


def first_sets(schedules: Sequence[SetSchedule], start: int = 0) -> dict[int, str]:
    """Set index -> variation id, for each set that is a variation's first from ``start`` on."""
    seen: set[str] = set()
    firsts: dict[int, str] = {}
    for schedule in schedules[start:]:
        if schedule.variation_id not in seen:
            seen.add(schedule.variation_id)
            firsts[schedule.index] = schedule.variation_id
    return firsts


def is_practised(times_trained: int) -> bool:
    """Several real sessions with a variation: its walkthrough may be skipped."""
    return times_trained >= PRACTISED_SESSIONS


def walkthrough_needed(times_trained: int, *, skip_practised: bool) -> bool:
    return not (skip_practised and is_practised(times_trained))
