"""What counts as evidence: logged sets grouped into sessions and blocks, the rest left out.

A block is one variation at one box height, rep target and tempo inside a session. Only
work sets are evidence; warm-up and cool-down blocks are carried along unchanged. A session
left after its first set (one set, short of its range, or never finished) or whose sets are
all 0 reps stays in the log but is not evidence, and neither is a 0-rep set or a set dated
after tomorrow. ``Evidence.left_out`` says what was set aside, for the advice to mention.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.limits import MAX_BOX_HEIGHT_CM
from app.domain.reps import RepTarget, parse_rep_target
from app.domain.set_role import SetRole
from app.domain.tempo import Tempo, TempoError, parse_tempo
from app.domain.variation import Variation


@dataclass(frozen=True, slots=True)
class TrainedSet:
    """One logged set as the coach needs it (rehearsals are never given to the coach)."""

    session_id: int
    ended_at: str
    variation_id: str
    box_height_cm: float | None
    tempo: str
    target_reps: str
    reps: int
    form_flags: tuple[str, ...] = ()
    block: int = 0
    role: str = "work"
    reps_in_reserve: int | None = None
    rest_s: float | None = None
    """The rest after the set, from the session's plan (None: the variation's default)."""
    reset_s: float | None = None
    session_finished: bool = True


@dataclass(frozen=True, slots=True)
class BlockKey:
    """What makes two blocks the same: variation, box height, rep target and tempo."""

    variation_id: str
    box_height_cm: float | None
    target: RepTarget
    tempo: Tempo


@dataclass(frozen=True, slots=True)
class BlockRun:
    """One block as it was done in one session."""

    index: int
    key: BlockKey
    role: SetRole
    day: date
    reps: tuple[int, ...]
    """Reps of the sets done (0-rep sets left out), in order."""
    clean: tuple[bool, ...]
    reps_in_reserve: tuple[int | None, ...]
    planned_sets: int
    rest_s: float | None
    reset_s: float | None

    @property
    def is_work(self) -> bool:
        return self.role is SetRole.WORK

    @property
    def total_reps(self) -> int:
        return sum(self.reps)


@dataclass(frozen=True, slots=True)
class TrainedSession:
    """One session that counts, its blocks in their order."""

    session_id: int
    day: date
    blocks: tuple[BlockRun, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sessions that count, oldest first, and what was left out and why."""

    sessions: tuple[TrainedSession, ...]
    left_sessions: int = 0
    zero_rep_sets: int = 0
    future_sets: int = 0

    @property
    def left_out(self) -> str:
        """A clause for the advice, or "" when nothing was left out."""
        parts = []
        if self.left_sessions:
            parts.append(
                _count(
                    self.left_sessions,
                    "session left after its first set",
                    "sessions left after their first set",
                )
            )
        if self.zero_rep_sets:
            parts.append(_count(self.zero_rep_sets, "set of 0 reps", "sets of 0 reps"))
        if self.future_sets:
            parts.append(
                _count(self.future_sets, "set dated after today", "sets dated after today")
            )
        if not parts:
            return ""
        single = (
            len(parts) == 1 and (self.left_sessions + self.zero_rep_sets + self.future_sets) == 1
        )
        joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return f"{joined} {'is' if single else 'are'} not counted"


def _count(number: int, one: str, many: str) -> str:
    return f"1 {one}" if number == 1 else f"{number} {many}"


def gather(
    history: Sequence[TrainedSet], catalog: Mapping[str, Variation], today: date
) -> Evidence:
    """Group the sets by session and block; set aside what is not evidence."""
    latest = today + timedelta(days=1)
    by_session: dict[int, list[TrainedSet]] = {}
    future = 0
    for trained in history:
        if trained.variation_id not in catalog or not _possible_height(trained.box_height_cm):
            continue
        if _day(trained.ended_at) > latest:
            future += 1
            continue
        by_session.setdefault(trained.session_id, []).append(trained)
    sessions: list[TrainedSession] = []
    left = zero = 0
    for session_id, sets in by_session.items():
        if _left_early(sets, catalog):
            left += 1
            continue
        zero += sum(1 for s in sets if s.reps == 0 and s.role == SetRole.WORK)
        blocks = _blocks(sets, catalog)
        if any(b.is_work for b in blocks):
            day = max(_day(s.ended_at) for s in sets)
            sessions.append(TrainedSession(session_id, day, tuple(blocks)))
    sessions.sort(key=lambda s: (s.day, s.session_id))
    return Evidence(tuple(sessions), left, zero, future)


def _left_early(sets: list[TrainedSet], catalog: Mapping[str, Variation]) -> bool:
    if all(s.reps == 0 for s in sets):
        return True
    if len(sets) != 1:
        return False
    (only,) = sets
    return not only.session_finished or only.reps < _target(only, catalog[only.variation_id]).low


def _blocks(sets: list[TrainedSet], catalog: Mapping[str, Variation]) -> list[BlockRun]:
    grouped: dict[tuple[int, BlockKey], list[TrainedSet]] = {}
    for trained in sorted(sets, key=lambda s: (s.block, s.ended_at)):
        variation = catalog[trained.variation_id]
        key = BlockKey(
            trained.variation_id,
            trained.box_height_cm if variation.uses_box else None,
            _target(trained, variation),
            _tempo(trained, variation),
        )
        grouped.setdefault((trained.block, key), []).append(trained)
    runs: list[BlockRun] = []
    for (index, key), members in grouped.items():
        done = [s for s in members if s.reps > 0]
        role = _role(members[0].role)
        if not done and role is SetRole.WORK:
            continue
        runs.append(
            BlockRun(
                index=index,
                key=key,
                role=role,
                day=max(_day(s.ended_at) for s in members),
                reps=tuple(s.reps for s in done),
                clean=tuple(not s.form_flags for s in done),
                reps_in_reserve=tuple(s.reps_in_reserve for s in done),
                planned_sets=len(members),
                rest_s=members[0].rest_s,
                reset_s=members[0].reset_s,
            )
        )
    return runs


def _possible_height(height_cm: float | None) -> bool:
    """A height the load model takes (a damaged or hand-edited log may hold any number)."""
    return height_cm is None or (math.isfinite(height_cm) and 0 <= height_cm <= MAX_BOX_HEIGHT_CM)


def _role(text: str) -> SetRole:
    try:
        return SetRole(text)
    except ValueError:
        return SetRole.WORK


def _target(trained: TrainedSet, variation: Variation) -> RepTarget:
    try:
        return parse_rep_target(trained.target_reps)
    except ValueError:
        return variation.default_reps


def _tempo(trained: TrainedSet, variation: Variation) -> Tempo:
    try:
        return parse_tempo(trained.tempo)
    except TempoError:
        return variation.default_tempo


def _day(stamp: str) -> date:
    return datetime.fromisoformat(stamp).date()
