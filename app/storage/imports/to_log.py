"""Other apps' sets turned into this log's sessions, blocks and sets.

The same export always gives the same session ids, blocks and set numbers, so importing it
twice (or a later export holding the same workouts) adds nothing the second time.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from app.domain.exercise_names import NameMatch
from app.domain.foreign_set import ForeignSet, SetKind, reps_in_reserve
from app.domain.limits import MAX_TARGET_REPS, MAX_TITLE_CHARS
from app.domain.set_role import SetRole
from app.storage.imports.dates import check_bounds
from app.storage.store import ImportedSet

MAX_SETS_PER_BLOCK = 20
MAX_BLOCKS = 50
_NOTE_NAME_CHARS = 200


@dataclass
class _Workout:
    uid: str
    blocks: dict[tuple[str, str, SetRole], tuple[int, int]] = field(default_factory=dict)
    next_block: int = 0


@dataclass
class LogBuilder:
    """Collects mapped sets; ``add`` raises ValueError for a set that cannot be logged."""

    app: str
    today: date
    uses_box: frozenset[str]
    sets: list[ImportedSet] = field(default_factory=list)
    by_variation: Counter[str] = field(default_factory=Counter)
    warm_ups: int = 0
    without_box_height: int = 0
    _workouts: dict[str, _Workout] = field(default_factory=dict)

    def add(self, found: ForeignSet, match: NameMatch) -> None:
        assert match.variation is not None
        loaded = found.weight is not None and found.weight.is_real_load
        variation = match.loaded_variation if loaded and match.loaded_variation else match.variation
        check_bounds(found.started_at, self.today, "the date")
        role = SetRole.WARM_UP if found.kind is SetKind.WARM_UP else SetRole.WORK
        block, set_number = self._place(found, variation, role)
        box_unknown = variation in self.uses_box
        self.sets.append(
            ImportedSet(
                session_uid=self._workout(found).uid,
                session_title=_title(found.workout_title, self.app),
                block=block,
                set_number=set_number,
                variation=variation,
                box_height_cm=None,
                tempo=match.tempo,
                target_reps="max",  # until ``finished_sets`` knows the block's reps
                reps=found.reps,
                reps_in_reserve=reps_in_reserve(found.kind, found.rpe),
                note=self._note(found, loaded=loaded, box_unknown=box_unknown),
                ended_at=found.started_at.replace(microsecond=0),
                role=role.value,
            )
        )
        self.by_variation[variation] += 1
        self.warm_ups += found.kind is SetKind.WARM_UP
        self.without_box_height += box_unknown

    def finished_sets(self) -> list[ImportedSet]:
        """The sets, each block's target being the range of reps its sets reached.

        Other apps record no target; the range done keeps the block's goal (strength,
        hypertrophy, endurance) for the coach without claiming a plan that never was.
        """
        reached: dict[tuple[str, int], tuple[int, int]] = {}
        for s in self.sets:
            low, high = reached.get((s.session_uid, s.block), (s.reps, s.reps))
            reached[(s.session_uid, s.block)] = (min(low, s.reps), max(high, s.reps))
        targets = {key: _target(low, high) for key, (low, high) in reached.items()}
        return [replace(s, target_reps=targets[(s.session_uid, s.block)]) for s in self.sets]

    def _workout(self, found: ForeignSet) -> _Workout:
        workout = self._workouts.get(found.workout_key)
        if workout is None:
            digest = hashlib.sha256(found.workout_key.encode()).hexdigest()[:24]
            workout = _Workout(f"{self.app.lower()}-{digest}")
            self._workouts[found.workout_key] = workout
        return workout

    def _place(self, found: ForeignSet, variation: str, role: SetRole) -> tuple[int, int]:
        """The block and set number: a block per variation, name and role in the workout
        (warm-ups apart from the work sets, as in a plan), numbered as they first appear."""
        workout = self._workout(found)
        key = (variation, found.exercise, role)
        block, count = workout.blocks.get(key, (-1, MAX_SETS_PER_BLOCK))
        if count >= MAX_SETS_PER_BLOCK:
            if workout.next_block >= MAX_BLOCKS:
                raise ValueError(
                    f"more than {MAX_BLOCKS * MAX_SETS_PER_BLOCK} push-up sets in one workout"
                )
            block, count = workout.next_block, 0
            workout.next_block += 1
        workout.blocks[key] = (block, count + 1)
        return block, count + 1

    def _note(self, found: ForeignSet, *, loaded: bool, box_unknown: bool) -> str:
        details: list[str] = []
        if found.kind is not SetKind.WORK:
            details.append(
                {"warm-up": "warm-up", "drop": "drop set", "failure": "to failure"}[
                    found.kind.value
                ]
            )
        if found.rpe is not None:
            details.append(f"RPE {found.rpe:g}")
        if loaded and found.weight is not None:
            details.append(f"added load {found.weight}")
        if box_unknown:
            details.append("box height not recorded")
        name = found.exercise[:_NOTE_NAME_CHARS]
        extra = f" ({'; '.join(details)})" if details else ""
        return f"{self.app}: {name}{extra}"


def _target(low: int, high: int) -> str:
    """``12`` or ``10-12``, within what a plan allows; ``max`` when no set had a rep."""
    low, high = max(1, low), min(MAX_TARGET_REPS, high)
    if high < low:
        return "max"
    return str(low) if low == high else f"{low}-{high}"


def _title(title: str, app: str) -> str:
    cleaned = " ".join(title.split())[:MAX_TITLE_CHARS]
    return cleaned or f"{app} workout"
