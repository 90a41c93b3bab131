"""The timeline compiler: a session plan becomes the exact schedule of phases and cues.

Every set is compiled relative to its own start (the player shifts sets when a person pauses,
ends a set early or skips rest); ``compile_timeline`` chains them with their rests into the
schedule the session follows when nobody touches anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from app.domain.plan import DEFAULT_COUNT_IN_S, Block, SessionPlan
from app.domain.reps import RepTarget
from app.domain.set_role import SetRole
from app.domain.stage import Stage
from app.domain.tempo import Concentric, Tempo

REST_WARNING_BEFORE_S = 10.0
REST_WARNING_MIN_REST_S = 20.0


class CueKind(StrEnum):
    """The sounds of a session, in the order a rep plays them."""

    COUNT = "count"
    ECCENTRIC = "eccentric"
    TICK = "tick"
    BOTTOM = "bottom"
    CONCENTRIC = "concentric"
    RESET = "reset"
    TOP = "top"
    SET_END = "set_end"
    SESSION_END = "session_end"
    REST_WARNING = "rest_warning"


@dataclass(frozen=True, slots=True)
class Cue:
    """A sound at ``t_s`` seconds (from the start of its set, or of the session)."""

    t_s: float
    kind: CueKind


@dataclass(frozen=True, slots=True)
class Phase:
    """A stretch of a set with one stage; ``rep`` is 1-based (None for the count-in)."""

    stage: Stage
    start_s: float
    end_s: float
    rep: int | None

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


@dataclass(frozen=True, slots=True)
class SetSchedule:
    """One set compiled relative to its own start; its rest follows ``end_s``."""

    index: int
    block: int
    set_number: int
    sets_in_block: int
    variation_id: str
    box_height_cm: float | None
    tempo: Tempo
    target: RepTarget
    reps: int
    reset_s: float
    count_in_s: float
    reps_start_s: float
    rep_duration_s: float
    end_s: float
    rest_s: float
    is_last: bool
    phases: tuple[Phase, ...]
    cues: tuple[Cue, ...]
    role: SetRole = SetRole.WORK

    def reps_completed_at(self, t_s: float) -> int:
        """Whole reps finished by ``t_s`` seconds into the set."""
        if self.rep_duration_s <= 0 or t_s < self.reps_start_s:
            return 0
        done = math.floor((t_s - self.reps_start_s) / self.rep_duration_s + 1e-9)
        return max(0, min(self.reps, done))

    def phase_at(self, t_s: float) -> Phase:
        """The phase running ``t_s`` seconds into the set (the last one once it is over)."""
        low, high = 0, len(self.phases) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.phases[middle].start_s <= t_s:
                low = middle
            else:
                high = middle - 1
        return self.phases[low]

    def phase_index_at(self, t_s: float) -> int:
        return self.phases.index(self.phase_at(t_s))

    def time_under_tension_s(self, reps: int) -> float:
        """Seconds of work in ``reps`` reps: every phase but an assisted reset and the top pause."""
        tempo = self.tempo
        loaded = tempo.eccentric_s + tempo.bottom_s
        if tempo.concentric is not Concentric.RESET:
            loaded += tempo.concentric_duration_s(self.reset_s)
        return loaded * reps


@dataclass(frozen=True, slots=True)
class TimedSet:
    """A set placed on the session's clock when nobody pauses or skips."""

    schedule: SetSchedule
    start_s: float

    @property
    def reps_start_s(self) -> float:
        return self.start_s + self.schedule.reps_start_s

    @property
    def end_s(self) -> float:
        return self.start_s + self.schedule.end_s

    @property
    def rest_end_s(self) -> float:
        return self.end_s + (0.0 if self.schedule.is_last else self.schedule.rest_s)


@dataclass(frozen=True, slots=True)
class Timeline:
    """The whole session's schedule."""

    title: str
    sets: tuple[TimedSet, ...]
    cues: tuple[Cue, ...]
    duration_s: float

    @property
    def schedules(self) -> tuple[SetSchedule, ...]:
        return tuple(timed.schedule for timed in self.sets)


def compile_set(
    block: Block,
    *,
    index: int,
    block_index: int,
    set_number: int,
    count_in_s: float,
    is_last: bool,
) -> SetSchedule:
    """Compile one set: count-in, every rep's phases and cues, then its end cue."""
    tempo = block.tempo
    reps = block.reps.scheduled_reps
    rep_s = block.rep_duration_s
    up_s = tempo.concentric_duration_s(block.reset_s)
    up_stage, up_cue = (
        (Stage.RESET, CueKind.RESET)
        if tempo.concentric is Concentric.RESET
        else (Stage.CONCENTRIC, CueKind.CONCENTRIC)
    )
    count_cues = math.ceil(count_in_s - 1e-9)
    cues = [Cue(float(n), CueKind.COUNT) for n in range(count_cues)]
    phases = [Phase(Stage.COUNT_IN, 0.0, count_in_s, None)] if count_in_s > 0 else []
    reps_start = count_in_s
    for rep in range(1, reps + 1):
        start = reps_start + (rep - 1) * rep_s
        bottom_at = start + tempo.eccentric_s
        up_at = bottom_at + tempo.bottom_s
        top_at = up_at + up_s
        end = start + rep_s
        cues.append(Cue(start, CueKind.ECCENTRIC))
        cues.extend(
            Cue(start + second, CueKind.TICK)
            for second in range(1, math.ceil(tempo.eccentric_s - 1e-9))
        )
        if tempo.eccentric_s > 0:
            phases.append(Phase(Stage.ECCENTRIC, start, bottom_at, rep))
        if tempo.bottom_s > 0:
            cues.append(Cue(bottom_at, CueKind.BOTTOM))
            phases.append(Phase(Stage.BOTTOM, bottom_at, up_at, rep))
        cues.append(Cue(up_at, up_cue))
        if up_s > 0:
            phases.append(Phase(up_stage, up_at, top_at, rep))
        if tempo.top_s > 0:
            cues.append(Cue(top_at, CueKind.TOP))
            phases.append(Phase(Stage.TOP, top_at, end, rep))
    end_s = reps_start + reps * rep_s
    cues.append(Cue(end_s, CueKind.SESSION_END if is_last else CueKind.SET_END))
    return SetSchedule(
        index=index,
        block=block_index,
        set_number=set_number,
        sets_in_block=block.sets,
        variation_id=block.variation_id,
        box_height_cm=block.box_height_cm,
        tempo=tempo,
        target=block.reps,
        reps=reps,
        reset_s=block.reset_s,
        count_in_s=count_in_s,
        reps_start_s=reps_start,
        rep_duration_s=rep_s,
        end_s=end_s,
        rest_s=0.0 if is_last else block.rest_s,
        is_last=is_last,
        phases=tuple(phases),
        cues=tuple(cues),
        role=block.role,
    )


def rest_cues(rest_s: float) -> tuple[Cue, ...]:
    """Cues of a rest, relative to its start: a warning 10 s before the end of a long rest."""
    if rest_s >= REST_WARNING_MIN_REST_S:
        return (Cue(rest_s - REST_WARNING_BEFORE_S, CueKind.REST_WARNING),)
    return ()


def compile_sets(
    plan: SessionPlan, *, default_count_in_s: float = DEFAULT_COUNT_IN_S
) -> tuple[SetSchedule, ...]:
    """Every set of the plan, each relative to its own start.

    The plan's own count-in wins; ``default_count_in_s`` (the person's setting) is for plans
    that do not set one.
    """
    total = plan.total_sets
    count_in_s = default_count_in_s if plan.count_in_s is None else plan.count_in_s
    schedules: list[SetSchedule] = []
    for block_index, block in enumerate(plan.blocks):
        for set_number in range(1, block.sets + 1):
            index = len(schedules)
            schedules.append(
                compile_set(
                    block,
                    index=index,
                    block_index=block_index,
                    set_number=set_number,
                    count_in_s=count_in_s,
                    is_last=index == total - 1,
                )
            )
    return tuple(schedules)


def compile_timeline(
    plan: SessionPlan, *, default_count_in_s: float = DEFAULT_COUNT_IN_S
) -> Timeline:
    """The whole session on one clock: sets chained with their rests.

    The count-in is chosen as in ``compile_sets``.
    """
    timed: list[TimedSet] = []
    cues: list[Cue] = []
    start = 0.0
    for schedule in compile_sets(plan, default_count_in_s=default_count_in_s):
        placed = TimedSet(schedule, start)
        timed.append(placed)
        cues.extend(Cue(start + cue.t_s, cue.kind) for cue in schedule.cues)
        if not schedule.is_last:
            cues.extend(Cue(placed.end_s + cue.t_s, cue.kind) for cue in rest_cues(schedule.rest_s))
        start = placed.rest_end_s
    cues.sort(key=lambda cue: cue.t_s)
    duration = timed[-1].rest_end_s if timed else 0.0
    return Timeline(title=plan.title, sets=tuple(timed), cues=tuple(cues), duration_s=duration)
