"""When the session screen next looks different: the instant a window must wake, and no sooner.

A screen shows the phase (its word, rep and form cue change only when a phase ends), a
countdown of whole seconds and a ring whose arc grows with the phase or the rest. Between
those moments nothing visible moves, so nothing needs drawing. ``next_change`` reads a
``PlayerView`` taken at ``now`` and says when the first of these is due, on the same clock:

- the end of the phase or of the rest (the player's stage changes: wake precisely);
- the countdown's next whole second (``3`` becomes ``2``);
- the ring's next pixel: its arc end moves by one of ``ring_steps`` pixels, at most
  ``max_rate_hz`` times a second.

Nothing moves while paused, before the start, after the end, or on the log sheet once its
rest has run out: then there is no next change (``None``). The values drawn are still read
from the player at the moment of drawing; this only says when to look.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from app.domain.player import PlayerView
from app.domain.stage import REP_STAGES, Stage

EPSILON_S = 1e-6
"""Rounding slack: the countdown shows ``ceil(remaining - EPSILON_S)`` (see PlayerView)."""


class ChangeKind(StrEnum):
    """What changes at the instant, from the most to the least exact."""

    STAGE = "stage"
    SECOND = "second"
    RING = "ring"


@dataclass(frozen=True, slots=True)
class Change:
    """The next visible change, at clock time ``at``."""

    at: float
    kind: ChangeKind


def seconds_to_next_whole(remaining_s: float) -> float:
    """Plan seconds until a countdown of ``remaining_s`` shows one second less.

    The countdown shows ``ceil(remaining_s)`` (less ``EPSILON_S``); it drops when the remainder
    reaches the whole second below that (``2.3`` s left shows 3, and shows 2 in 0.3 s).
    """
    shown = math.ceil(remaining_s - EPSILON_S)
    if shown <= 1:
        return max(0.0, remaining_s)  # the last second ends with the phase or rest
    # Half the slack past the drop, so that a wake at that instant sees it despite rounding.
    return max(0.0, remaining_s - EPSILON_S / 2 - (shown - 1))


def fraction_to_next_step(progress: float, steps: int) -> float:
    """How much further ``progress`` (0-1) must go for the ring's arc end to move a pixel.

    The arc is ``steps`` pixels long when full; it shows ``floor(progress * steps)`` of them.
    """
    if steps <= 0 or progress >= 1.0:
        return math.inf
    shown = math.floor(max(0.0, progress) * steps + EPSILON_S)
    return max(0.0, (shown + 1) / steps - progress)


def next_change(
    view: PlayerView,
    now: float,
    *,
    speed: float,
    ring_steps: int,
    max_rate_hz: float,
) -> Change | None:
    """The first visible change after ``now`` (the moment ``view`` was taken), or None."""
    if view.paused or view.stage in (Stage.READY, Stage.FINISHED):
        return None
    if view.stage is Stage.LOGGING:
        # Only the rest countdown moves; its end changes nothing until the set is logged.
        if view.rest_remaining_s <= EPSILON_S:
            return None
        return Change(now + seconds_to_next_whole(view.rest_remaining_s) / speed, ChangeKind.SECOND)
    if view.stage is Stage.REST:
        remaining, total = view.rest_remaining_s, view.rest_total_s
    elif view.stage is Stage.COUNT_IN or view.stage in REP_STAGES:
        remaining, total = view.phase_remaining_s, view.phase_duration_s
    else:
        return None
    changes = [
        Change(now + remaining / speed, ChangeKind.STAGE),
        Change(now + seconds_to_next_whole(remaining) / speed, ChangeKind.SECOND),
    ]
    if total > 0:
        progress = 1.0 - remaining / total
        step_s = fraction_to_next_step(progress, ring_steps) * total / speed
        if math.isfinite(step_s):
            changes.append(Change(now + max(step_s, 1.0 / max_rate_hz), ChangeKind.RING))
    # At a tie the more exact kind wins: a stage end is also a second and a ring step.
    return min(changes, key=lambda c: (c.at, list(ChangeKind).index(c.kind)))
