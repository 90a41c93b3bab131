"""The session player: a state machine driven by the time it is given, never by ticks.

Every call takes ``now``, seconds on a monotonic clock chosen by the caller (the audio
stream's played-frames clock, ``time.monotonic()``, or a fake clock in tests). The player
keeps the schedule of cues on that clock; pausing, ending a set early, adding rest and
skipping rest rewrite the part of it that has not happened yet. ``speed`` rehearses the
session faster (2.0 = twice as fast): plan seconds become ``1/speed`` clock seconds.

User actions take effect ``lead_s`` clock seconds after ``now`` so that the sound of a cue
they cause is never cut by audio that was already buffered.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from app.domain.player_view import PlayerView
from app.domain.stage import REP_STAGES, Stage
from app.domain.timeline import CueKind, SetSchedule, rest_cues

__all__ = [
    "ADD_REST_S",
    "EventKind",
    "LoggedSet",
    "Player",
    "PlayerError",
    "PlayerEvent",
    "PlayerView",  # what ``Player.view`` gives; it lives in player_view
    "ScheduledCue",
    "SetResult",
]

ADD_REST_S = 15.0


class PlayerError(RuntimeError):
    """An action that does not fit the player's current stage (a bug in the caller)."""


class EventKind(StrEnum):
    STAGE_CHANGED = "stage_changed"
    SET_ENDED = "set_ended"
    SESSION_FINISHED = "session_finished"


@dataclass(frozen=True, slots=True)
class PlayerEvent:
    """Something that happened at clock time ``at``."""

    kind: EventKind
    at: float
    stage: Stage
    set_index: int
    rep: int | None = None


@dataclass(frozen=True, slots=True)
class ScheduledCue:
    """A cue placed on the caller's clock."""

    at: float
    kind: CueKind


@dataclass(frozen=True, slots=True)
class SetResult:
    """What the person logged for a set."""

    reps: int
    box_height_cm: float | None
    reps_in_reserve: int | None = None
    form_flags: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """A logged set together with what was planned for it."""

    schedule: SetSchedule
    result: SetResult
    ended_early: bool
    time_under_tension_s: float


@dataclass
class _Rest:
    """The rest after a set: it runs while the person logs the set."""

    ends_at: float
    total_s: float
    next_scheduled: bool = False


class Player:
    """Plays the sets of a session in order; see the module docstring for the clock."""

    def __init__(
        self,
        schedules: tuple[SetSchedule, ...],
        *,
        speed: float = 1.0,
        lead_s: float = 0.0,
        first_set: int = 0,
    ) -> None:
        if not schedules:
            raise PlayerError("a session needs at least one set")
        if not math.isfinite(speed) or not 0.05 <= speed <= 100:
            raise PlayerError(f"speed {speed} is out of range")
        if not 0 <= first_set < len(schedules):
            raise PlayerError(f"there is no set {first_set + 1} to start from")
        self.schedules = schedules
        self.speed = speed
        self.lead_s = lead_s
        self.revision = 0
        self._stage = Stage.READY
        self._index = first_set
        self._set_start = 0.0
        self._phase_index = -1
        self._paused_at: float | None = None
        self._recount: tuple[float, float] | None = None
        """(start, end) on the clock of a count-in before a set carries on after a pause."""
        self._rest: _Rest | None = None
        self._ended_early = False
        self._completed = 0
        self._cues: list[ScheduledCue] = []
        self._held_back: list[ScheduledCue] = []
        self._logged: list[LoggedSet] = []

    # --- what the caller reads -------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        return self._stage

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def set_index(self) -> int:
        return self._index

    @property
    def current(self) -> SetSchedule:
        return self.schedules[self._index]

    @property
    def logged(self) -> tuple[LoggedSet, ...]:
        return tuple(self._logged)

    @property
    def cues(self) -> tuple[ScheduledCue, ...]:
        """The cue schedule on the caller's clock, past and future, sorted by time."""
        return tuple(self._cues)

    @property
    def set_started_at(self) -> float:
        """Clock time of the current set's start (moved by pauses)."""
        return self._set_start

    def to_clock(self, plan_s: float) -> float:
        """Plan seconds as clock seconds at this player's speed."""
        return plan_s / self.speed

    def view(self, now: float) -> PlayerView:
        """The current moment, frozen while paused."""
        at = self._paused_at if self._paused_at is not None else now
        schedule = self.current
        following = (
            self.schedules[self._index + 1] if self._index + 1 < len(self.schedules) else None
        )
        rep: int | None = None
        duration = remaining = rest_total = rest_remaining = 0.0
        completed = self._completed
        stage = self._stage
        if self._stage in (Stage.COUNT_IN, *REP_STAGES):
            t = self._set_time(at)
            phase = schedule.phase_at(max(0.0, t))
            rep = phase.rep
            duration = phase.duration_s
            remaining = min(duration, max(0.0, phase.end_s - t))
            completed = schedule.reps_completed_at(t)
            if self._recount is not None and self._recount[0] - 1e-9 <= at < self._recount[1]:
                stage = Stage.COUNT_IN
                duration = (self._recount[1] - self._recount[0]) * self.speed
                remaining = (self._recount[1] - at) * self.speed
        elif self._rest is not None:
            rest_total = self._rest.total_s
            rest_remaining = min(rest_total, max(0.0, (self._rest.ends_at - at) * self.speed))
        return PlayerView(
            stage=stage,
            paused=self.paused,
            set_index=self._index,
            total_sets=len(self.schedules),
            schedule=schedule,
            rep=rep,
            reps_planned=schedule.target.planned_reps,
            reps_completed=completed,
            phase_duration_s=duration,
            phase_remaining_s=remaining,
            rest_total_s=rest_total,
            rest_remaining_s=rest_remaining,
            next_schedule=following,
        )

    # --- actions ---------------------------------------------------------------------------

    def start(self, now: float) -> list[PlayerEvent]:
        """Begin the first set's count-in ``lead_s`` from now."""
        if self._stage is not Stage.READY:
            raise PlayerError(f"cannot start while {self._stage}")
        self._begin_set(now + self.lead_s)
        return self.advance(now)

    def advance(self, now: float) -> list[PlayerEvent]:
        """Move to wherever ``now`` falls; return the events passed on the way, in order."""
        events: list[PlayerEvent] = []
        if self._paused_at is not None:
            return events
        while True:
            before = (self._stage, self._index, self._phase_index)
            if self._stage in (Stage.COUNT_IN, *REP_STAGES):
                self._advance_in_set(now, events)
            elif self._stage is Stage.REST and self._rest is not None and now >= self._rest.ends_at:
                self._index += 1
                self._rest = None
                self._enter_set(self._set_start)
            if (self._stage, self._index, self._phase_index) == before:
                return events

    def toggle_pause(self, now: float) -> list[PlayerEvent]:
        """Space: pause when running, resume when paused."""
        if self.paused:
            return self.resume(now)
        self.pause(now)
        return []

    def pause(self, now: float) -> None:
        """Freeze the clock; the cues that have not played yet are held back."""
        if self.paused or self._stage in (Stage.READY, Stage.FINISHED):
            return
        self.advance(now)
        self._paused_at = now
        self._recount = None
        self._held_back = [c for c in self._cues if c.at > now]
        self._replace_cues([c for c in self._cues if c.at <= now])

    def resume(self, now: float, count_in_s: float = 0.0) -> list[PlayerEvent]:
        """Carry on where the pause froze everything, ``lead_s`` from now.

        ``count_in_s``: inside a set, count this long first (one count cue a second; the view
        says COUNT_IN meanwhile), so that a person who stood up can get back into position.
        """
        if self._paused_at is None:
            return []
        in_set = self._stage in (Stage.COUNT_IN, *REP_STAGES)
        recount = self.to_clock(count_in_s) if in_set and count_in_s > 0 else 0.0
        begin = now + self.lead_s
        shift = begin + recount - self._paused_at
        self._paused_at = None
        counts: list[ScheduledCue] = []
        if recount:
            self._recount = (begin, begin + recount)
            counts = [
                ScheduledCue(begin + self.to_clock(n), CueKind.COUNT)
                for n in range(math.ceil(count_in_s - 1e-9))
            ]
        if in_set or (self._rest and self._rest.next_scheduled):
            self._set_start += shift
        if self._rest is not None:
            self._rest.ends_at += shift
        self._replace_cues(
            self._cues + counts + [ScheduledCue(c.at + shift, c.kind) for c in self._held_back]
        )
        self._held_back = []
        return self.advance(now)

    @property
    def ran_out(self) -> bool:
        """The set being logged ran to the end of its timeline, not ended by the person: for
        a max set, its cap, which says nothing of the reps really done."""
        return self._stage is Stage.LOGGING and not self._ended_early

    def end_set(self, now: float) -> list[PlayerEvent]:
        """End the running set early (failure, or a max set): straight to logging."""
        if self.paused:
            self.resume(now)
        events = self.advance(now)
        if self._stage not in (Stage.COUNT_IN, *REP_STAGES):
            if self._stage is Stage.LOGGING:
                return events
            raise PlayerError(f"no set is running while {self._stage}")
        at = now + self.lead_s
        completed = self.current.reps_completed_at(self._set_time(now))
        end_kind = CueKind.SESSION_END if self.current.is_last else CueKind.SET_END
        self._replace_cues([c for c in self._cues if c.at <= now] + [ScheduledCue(at, end_kind)])
        self._finish_set(at, events, early=True, completed=completed)
        return events

    def log_set(self, now: float, result: SetResult, *, wait: bool = False) -> LoggedSet:
        """Record the set just finished; rest runs on, or the next set begins if rest is over.

        ``wait``: when the rest is already over, the next set waits in READY for ``start``
        instead of counting in at once (the person may still be on the log sheet's far side).
        """
        if self._stage is not Stage.LOGGING:
            raise PlayerError(f"no set is waiting to be logged while {self._stage}")
        if self.paused:
            self.resume(now)
        schedule = self.current
        logged = LoggedSet(
            schedule=schedule,
            result=result,
            ended_early=self._ended_early,
            time_under_tension_s=schedule.time_under_tension_s(result.reps),
        )
        self._logged.append(logged)
        rest = self._rest
        if schedule.is_last or self._index + 1 >= len(self.schedules):
            self._stage = Stage.FINISHED
            self._rest = None
        elif rest is None or now + self.lead_s >= rest.ends_at:
            self._rest = None
            self._index += 1
            if wait:
                self._stage = Stage.READY
            else:
                self._begin_set(now + self.lead_s)
        else:
            self._stage = Stage.REST
            self._schedule_next_set(rest.ends_at)
        return logged

    def skip_rest(self, now: float) -> list[PlayerEvent]:
        """Start the next set's count-in ``lead_s`` from now."""
        if self._stage is not Stage.REST or self._rest is None:
            raise PlayerError(f"there is no rest to skip while {self._stage}")
        self._paused_at = None
        self._held_back = []
        start = now + self.lead_s
        self._replace_cues([c for c in self._cues if c.at <= now])
        self._rest.ends_at = start
        self._schedule_next_set(start)
        return self.advance(now)

    def add_rest(self, now: float, seconds: float = ADD_REST_S) -> None:
        """Lengthen the running rest by ``seconds`` (plan seconds)."""
        if self._rest is None or self._stage not in (Stage.REST, Stage.LOGGING):
            raise PlayerError(f"there is no rest to lengthen while {self._stage}")
        shift = self.to_clock(seconds)
        if self._rest.ends_at < now and self._paused_at is None:
            self._rest.ends_at = now
        self._rest.total_s += seconds
        self._rest.ends_at += shift
        if self._rest.next_scheduled:
            self._set_start += shift
        if self._paused_at is not None:
            self._held_back = [ScheduledCue(c.at + shift, c.kind) for c in self._held_back]
            return
        past = [c for c in self._cues if c.at <= now]
        future = [ScheduledCue(c.at + shift, c.kind) for c in self._cues if c.at > now]
        self._replace_cues(past + future)

    # --- internals -------------------------------------------------------------------------

    def _set_time(self, now: float) -> float:
        """Seconds into the current set, in plan time."""
        return (now - self._set_start) * self.speed

    def _begin_set(self, start: float) -> None:
        self._enter_set(start)
        self._replace_cues(self._cues + self._set_cues(self.current, start))

    def _enter_set(self, start: float) -> None:
        self._set_start = start
        self._stage = Stage.COUNT_IN
        self._phase_index = -1
        self._ended_early = False
        self._completed = 0

    def _set_cues(self, schedule: SetSchedule, start: float) -> list[ScheduledCue]:
        return [ScheduledCue(start + self.to_clock(c.t_s), c.kind) for c in schedule.cues]

    def _schedule_next_set(self, start: float) -> None:
        """Place the next set's cues as soon as its start is known, so no count is late."""
        assert self._rest is not None
        self._rest.next_scheduled = True
        self._set_start = start
        following = self.schedules[self._index + 1]
        self._replace_cues(self._cues + self._set_cues(following, start))

    def _advance_in_set(self, now: float, events: list[PlayerEvent]) -> None:
        schedule = self.current
        t = self._set_time(now)
        last = len(schedule.phases) - 1
        target = last if t >= schedule.end_s else schedule.phase_index_at(max(0.0, t))
        for index in range(self._phase_index + 1, target + 1):
            phase = schedule.phases[index]
            self._phase_index = index
            self._stage = phase.stage
            at = self._set_start + self.to_clock(phase.start_s)
            events.append(
                PlayerEvent(EventKind.STAGE_CHANGED, at, phase.stage, self._index, phase.rep)
            )
        if t >= schedule.end_s:
            end = self._set_start + self.to_clock(schedule.end_s)
            self._finish_set(end, events, early=False, completed=schedule.reps)

    def _finish_set(
        self, at: float, events: list[PlayerEvent], *, early: bool, completed: int
    ) -> None:
        schedule = self.current
        self._ended_early = early
        self._completed = completed
        self._stage = Stage.LOGGING
        self._phase_index = len(schedule.phases)
        events.append(PlayerEvent(EventKind.SET_ENDED, at, Stage.LOGGING, self._index))
        if schedule.is_last:
            self._rest = None
            events.append(PlayerEvent(EventKind.SESSION_FINISHED, at, Stage.LOGGING, self._index))
            return
        self._rest = _Rest(ends_at=at + self.to_clock(schedule.rest_s), total_s=schedule.rest_s)
        self._replace_cues(
            self._cues
            + [ScheduledCue(at + self.to_clock(c.t_s), c.kind) for c in rest_cues(schedule.rest_s)]
        )

    def _replace_cues(self, cues: list[ScheduledCue]) -> None:
        cues.sort(key=lambda c: c.at)
        if cues != self._cues:
            self._cues = cues
            self.revision += 1
