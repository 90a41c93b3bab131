"""One session's writes to the training log, kept in memory whenever the log cannot take them.

Every set is committed the moment it is accepted. When that fails (a read-only data folder, a
full disk, a log file taken away) the session goes on: the set waits here, ``problem`` says
why, and every later write first retries the waiting sets in order, so a log that becomes
writable again receives each of them exactly once (``record_set`` takes the very same set
again as saved, and refuses loudly a different one at its place or a session no longer
there). ``unsaved_rows`` gives the waiting sets in history's CSV shape, to be saved elsewhere
and imported later under the same session id.

Logged times never go backwards within a session: they come from the wall clock, which the
person or the network may set back mid-session, so a set is never logged earlier than the
start of its session or the set before it.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.storage.store import SessionRecord, SetRecord, Store, StoreError

if TYPE_CHECKING:
    from app.domain.player import LoggedSet

# The store turns known SQLite failures into StoreError, but a failed COMMIT can surface as a
# raw sqlite3 error, and a vanished folder as an OSError: each means "not saved", never a crash.
_WRITE_ERRORS = (StoreError, sqlite3.Error, OSError)


@dataclass(frozen=True, slots=True)
class PendingSet:
    """A set the log could not take yet."""

    logged: LoggedSet
    ended_at: datetime


class SessionLog:
    """Begins, records, finishes or abandons one session in ``store``, losing nothing."""

    def __init__(self, store: Store, wall_clock: Callable[[], datetime]) -> None:
        self.store = store
        self.wall_clock = wall_clock
        self.session_id: int | None = None
        self.uid = ""
        self.title = ""
        self.rehearsal = False
        self.pending: list[PendingSet] = []
        self.problem: str | None = None
        """Why the newest write failed, while sets are waiting; None when all is saved."""
        self._latest: datetime | None = None

    # --- opening ---------------------------------------------------------------------------

    def begin(
        self,
        *,
        title: str,
        plan_source: str,
        plan_text: str,
        rehearsal: bool,
        speed: float,
        block_sizes: Sequence[int] = (),
    ) -> None:
        """Open a new session; if the log refuses, the session runs on in memory only."""
        self.title, self.rehearsal = title, rehearsal
        started_at = self._in_order(self.wall_clock())
        try:
            record = self.store.begin_session(
                title=title,
                started_at=started_at,
                plan_source=plan_source,
                plan_text=plan_text,
                block_sizes=block_sizes,
                rehearsal=rehearsal,
                speed=speed,
            )
        except _WRITE_ERRORS as error:
            # Without a session row in the log, later sets cannot join it there: they all go
            # to the CSV, under an id of their own that an import turns into a session.
            self.uid = uuid.uuid4().hex
            self.problem = str(error)
            return
        self.session_id, self.uid = record.id, record.uid

    def resume(self, record: SessionRecord) -> None:
        """Carry on ``record``; new sets are logged no earlier than its newest one."""
        self.session_id, self.uid = record.id, record.uid
        self.title, self.rehearsal = record.title, record.rehearsal
        times = [
            record.started_at,
            *(row.ended_at for row in self.store.sets(session_id=record.id)),
        ]
        self._latest = max(times)

    # --- writing ---------------------------------------------------------------------------

    @property
    def saved(self) -> bool:
        """Every set so far is in the log."""
        return not self.pending and self.session_id is not None

    def record(self, logged: LoggedSet, ended_at: datetime | None = None) -> bool:
        """Log a set (at ``ended_at``, else now); True once it and every set before it is saved."""
        when = self._in_order(ended_at if ended_at is not None else self.wall_clock())
        self.pending.append(PendingSet(logged, when))
        return self._flush()

    def finish(self) -> bool:
        """Close the session in the log; False (and it stays open for resume) while sets wait."""
        if not self._flush():
            return False
        assert self.session_id is not None
        return self._try(
            self.store.finish_session, self.session_id, self._in_order(self.wall_clock())
        )

    def abandon(self) -> bool:
        """Stop offering the session for resume; its logged sets stay."""
        if self.session_id is None:
            return True
        return self._try(self.store.abandon_session, self.session_id)

    def _flush(self) -> bool:
        if self.session_id is None:
            return False
        session_id = self.session_id
        while self.pending:
            first = self.pending[0]
            if not self._try(self._record, session_id, first):
                return False
            self.pending.pop(0)
        self.problem = None  # every waiting set is in: nothing is wrong any more
        return True

    def _record(self, session_id: int, pending: PendingSet) -> None:
        self.store.record_set(session_id, pending.logged, pending.ended_at, uid=self.uid)

    def _try(self, write: Callable[..., object], *args: object) -> bool:
        try:
            write(*args)
        except _WRITE_ERRORS as error:
            self.problem = str(error)
            return False
        if not self.pending:
            self.problem = None
        return True

    def _in_order(self, moment: datetime) -> datetime:
        """``moment``, or the newest time already logged if the wall clock went back."""
        if self._latest is not None and moment < self._latest:
            return self._latest
        self._latest = moment
        return moment

    # --- reading ---------------------------------------------------------------------------

    def unsaved_rows(self) -> list[SetRecord]:
        """The waiting sets as history rows (for a CSV that ``import`` reads back)."""
        return [self._row(p) for p in self.pending]

    def rows(self) -> list[SetRecord]:
        """Every set of the session: those in the log, then those waiting."""
        saved: list[SetRecord] = []
        if self.session_id is not None:
            try:
                saved = self.store.sets(session_id=self.session_id)
            except _WRITE_ERRORS:
                saved = []
        return saved + self.unsaved_rows()

    def _row(self, pending: PendingSet) -> SetRecord:
        schedule, result = pending.logged.schedule, pending.logged.result
        return SetRecord(
            id=0,
            session_id=self.session_id or 0,
            session_uid=self.uid,
            session_title=self.title,
            block=schedule.block,
            set_number=schedule.set_number,
            variation=schedule.variation_id,
            box_height_cm=result.box_height_cm,
            tempo=str(schedule.tempo),
            target_reps=str(schedule.target),
            reps=result.reps,
            reps_in_reserve=result.reps_in_reserve,
            form_flags=tuple(result.form_flags),
            note=result.note,
            time_under_tension_s=round(pending.logged.time_under_tension_s, 3),
            ended_at=pending.ended_at.replace(microsecond=0),
            rehearsal=self.rehearsal,
        )
