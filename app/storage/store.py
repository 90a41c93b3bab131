"""The training log: sessions and sets in one SQLite file, read and written as records.

Every set is committed the moment it is logged, so a crash later loses nothing. Times are
stored as ISO 8601 text with their UTC offset, as the person's clock showed them, and leave
the store as ``datetime`` (``records``). The tables and migrations are in ``store_schema``,
the file itself (opening, transactions, readers) in ``log_connection``.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from app.storage import store_import
from app.storage.log_connection import MEMORY, LogConnection
from app.storage.records import (
    BadTimeError,
    ImportedSet,
    SessionRecord,
    SetRecord,
    session_record,
    set_record,
    stored_time,
)
from app.storage.store_schema import (
    DAMAGED_ERRORS,
    EDITABLE_SET_FIELDS,
    SCHEMA_VERSION,
    SET_COLUMNS,
    TABLE_COLUMNS,
    SetConflictError,
    StoreError,
    block_sizes_text,
    describe_open_error,
    schema_sql,
)

if TYPE_CHECKING:
    from app.domain.player import LoggedSet  # a type only: the log is read without the player

__all__ = [
    "DAMAGED_ERRORS",
    "EDITABLE_SET_FIELDS",
    "MEMORY",
    "SCHEMA_VERSION",
    "ImportedSet",
    "SessionRecord",
    "SetConflictError",
    "SetRecord",
    "Store",
    "StoreError",
    "describe_open_error",
    "schema_sql",
]

# What ``record_set`` writes: every column but the id.
_RECORDED = SET_COLUMNS[1:]
# What a set record needs of its session.
_SESSION_OF_SET = "se.uid AS session_uid, se.title AS session_title, se.rehearsal"


class Store(LogConnection):
    """An open training log. Use as a context manager, or call ``close``.

    ``Store(MEMORY)`` keeps the log in memory, for this process only.
    """

    # --- sessions ---------------------------------------------------------------------------

    def begin_session(
        self,
        *,
        title: str,
        started_at: datetime,
        plan_source: str = "",
        plan_text: str = "",
        block_sizes: Sequence[int] = (),
        rehearsal: bool = False,
        speed: float = 1.0,
        first_set: int = 0,
    ) -> SessionRecord:
        """Open a session; it stays unfinished (and offered for resume) until ``finish_session``.

        ``block_sizes``: how many sets each block of the plan holds, in order (the sets of
        an import land in that order).
        """
        uid = uuid.uuid4().hex
        session_id = self._write(
            "INSERT INTO session (uid, title, plan_source, plan_text, block_sizes, started_at,"
            " next_set, rehearsal, speed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uid,
                title,
                plan_source,
                plan_text,
                block_sizes_text(block_sizes),
                stored_time(started_at),
                first_set,
                int(rehearsal),
                speed,
            ),
        )
        return self.session(session_id)

    def session(self, session_id: int) -> SessionRecord:
        found = self._sessions("WHERE id = ?", (session_id,))
        if not found:
            raise KeyError(session_id)
        return found[0]

    def sessions(self) -> list[SessionRecord]:
        return self._sessions("ORDER BY julianday(started_at), id")

    def newest_sessions(self, count: int) -> list[SessionRecord]:
        """The ``count`` newest sessions, newest first (home reads these, not the whole log);
        of two begun at the same moment, the one begun later in the log comes first."""
        limit = max(0, count)  # SQLite reads a negative limit as none
        return self._sessions("ORDER BY julianday(started_at) DESC, id DESC LIMIT ?", (limit,))

    def record_set(
        self, session_id: int, logged: LoggedSet, ended_at: datetime, *, uid: str | None = None
    ) -> int:
        """Commit a logged set at once and move the session's resume point past it.

        ``uid``: the session must still be that one (a log swapped under a running session
        re-uses its id for another). The very same set logged again (a retry) is taken as
        saved; a different set at its place, or a session gone, raises SetConflictError: a set is
        never skipped in silence.
        """
        schedule, result = logged.schedule, logged.result
        values = (
            session_id,
            schedule.block,
            schedule.set_number,
            schedule.variation_id,
            result.box_height_cm,
            str(schedule.tempo),
            str(schedule.target),
            result.reps,
            result.reps_in_reserve,
            json.dumps(list(result.form_flags)),
            result.note,
            round(logged.time_under_tension_s, 3),
            stored_time(ended_at),
            str(schedule.role),
        )
        try:
            with self._transaction() as db:
                if uid is not None:
                    row = db.execute("SELECT uid FROM session WHERE id = ?", (session_id,))
                    found = row.fetchone()
                    if found is None or found[0] != uid:
                        raise SetConflictError(
                            f"{self.path}: this session is no longer in the training log"
                            " (was the log restored or replaced?); the set was not saved there"
                        )
                held = db.execute(
                    f"SELECT id, {', '.join(_RECORDED)} FROM set_log"
                    " WHERE session_id = ? AND block = ? AND set_number = ?",
                    values[:3],
                ).fetchone()
                if held is not None:
                    if tuple(held[1:]) != values:
                        raise SetConflictError(
                            f"{self.path}: block {schedule.block + 1} set {schedule.set_number}"
                            " of this session is already in the log with other values;"
                            " the set was not saved there"
                        )
                    set_id = int(held[0])
                else:
                    marks = ", ".join("?" for _ in values)
                    cursor = db.execute(
                        f"INSERT INTO set_log ({', '.join(_RECORDED)}) VALUES ({marks})", values
                    )
                    set_id = int(cursor.lastrowid or 0)
                db.execute(
                    "UPDATE session SET next_set = MAX(next_set, ?) WHERE id = ?",
                    (schedule.index + 1, session_id),
                )
                return set_id
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: could not save the set: {error}") from None

    def finish_session(self, session_id: int, ended_at: datetime) -> None:
        self._write(
            "UPDATE session SET ended_at = ? WHERE id = ?", (stored_time(ended_at), session_id)
        )

    def abandon_session(self, session_id: int) -> None:
        """The person declined to resume: keep its sets, stop offering it."""
        self._write("UPDATE session SET abandoned = 1 WHERE id = ?", (session_id,))

    def open_plan_sources(self) -> list[str]:
        """Where the plans of sessions not finished came from (``plan_source``), each once."""
        rows = self._db.execute(
            "SELECT DISTINCT plan_source FROM session WHERE ended_at IS NULL AND plan_source != ''"
        )
        return [str(row[0]) for row in rows]

    def known_sessions(self, uids: Iterable[str]) -> set[str]:
        """Those of ``uids`` that name a session in the log."""
        wanted = list(dict.fromkeys(uids))
        known: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self._db.execute(f"SELECT uid FROM session WHERE uid IN ({marks})", chunk)
            known.update(str(row[0]) for row in rows)
        return known

    def count_new_sets(self, rows: Sequence[ImportedSet]) -> int:
        """How many of ``rows`` ``import_sets`` would add (a dry run: nothing is written)."""
        return store_import.count_new_sets(self._db, rows)

    def unfinished_session(self) -> SessionRecord | None:
        """The newest session that was neither finished nor abandoned (offered for resume)."""
        found = self._sessions(
            "WHERE ended_at IS NULL AND abandoned = 0"
            # Instants, not text: "+14:00" and "-12:00" times do not sort as strings.
            " ORDER BY julianday(started_at) DESC, id DESC LIMIT 1"
        )
        return found[0] if found else None

    # --- sets -------------------------------------------------------------------------------

    def sets(
        self, *, session_id: int | None = None, variation: str | None = None
    ) -> list[SetRecord]:
        """Logged sets, oldest first, optionally for one session or one variation."""
        where: list[str] = []
        params: list[object] = []
        if session_id is not None:
            where.append("s.session_id = ?")
            params.append(session_id)
        if variation is not None:
            where.append("s.variation = ?")
            params.append(variation)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        return self._sets(
            f"{clause} ORDER BY julianday(s.ended_at), s.session_id, s.block, s.set_number",
            tuple(params),
        )

    def set_by_id(self, set_id: int) -> SetRecord:
        """One logged set; KeyError if there is none with that id."""
        found = self._sets("WHERE s.id = ?", (set_id,))
        if not found:
            raise KeyError(set_id)
        return found[0]

    def last_session_with(self, variation: str, before_session: int | None = None) -> int | None:
        """The newest non-rehearsal session with ``variation``, other than ``before_session``."""
        row = self._db.execute(
            "SELECT s.session_id FROM set_log s JOIN session se ON se.id = s.session_id"
            " WHERE s.variation = ? AND se.rehearsal = 0 AND (? IS NULL OR s.session_id != ?)"
            " ORDER BY julianday(s.ended_at) DESC LIMIT 1",
            (variation, before_session, before_session),
        ).fetchone()
        return None if row is None else int(row[0])

    def times_trained(self, variation: str) -> int:
        """Non-rehearsal sessions that logged ``variation``."""
        row = self._db.execute(
            "SELECT COUNT(DISTINCT s.session_id) FROM set_log s JOIN session se"
            " ON se.id = s.session_id WHERE s.variation = ? AND se.rehearsal = 0",
            (variation,),
        ).fetchone()
        return int(row[0])

    def import_sets(self, rows: Iterable[ImportedSet]) -> int:
        """Add imported sets in one transaction; rows already in the log are skipped.

        A session the log already holds unfinished (sets rescued to a CSV while the log
        refused them) stays open, with its resume point moved past the imported sets, as if
        they had been logged there; once every set of its plan is held, it is finished.
        """
        try:
            with self._transaction() as db:
                return store_import.import_sets(db, rows)
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: could not import: {error}") from None

    # --- corrections (the history) ------------------------------------------------------------

    def update_set(self, set_id: int, field: str, value: object) -> None:
        """Correct one field of a logged set (``EDITABLE_SET_FIELDS``); committed at once."""
        if field not in EDITABLE_SET_FIELDS:
            raise ValueError(f"{field} cannot be edited")
        try:
            with self._transaction() as db:
                db.execute(f"UPDATE set_log SET {field} = ? WHERE id = ?", (value, set_id))
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: could not save the change: {error}") from None

    def delete_set(self, set_id: int) -> dict[str, object]:
        """Remove a set; returns its whole row, for ``restore_set``. KeyError if there is none."""
        try:
            with self._transaction() as db:
                cursor = db.execute("SELECT * FROM set_log WHERE id = ?", (set_id,))
                row = cursor.fetchone()
                if row is None:
                    raise KeyError(set_id)
                db.execute("DELETE FROM set_log WHERE id = ?", (set_id,))
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: could not delete the set: {error}") from None
        return dict(zip((c[0] for c in cursor.description), row, strict=True))

    def restore_set(self, row: Mapping[str, object]) -> None:
        """Put back a row returned by ``delete_set``, with its original id."""
        columns = self._columns("set_log", tuple(row))
        marks = ", ".join("?" for _ in columns)
        try:
            with self._transaction() as db:
                db.execute(
                    f"INSERT INTO set_log ({', '.join(columns)}) VALUES ({marks})",
                    tuple(row.values()),
                )
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: could not restore the set: {error}") from None

    def _sessions(self, clause: str, params: tuple[object, ...] = ()) -> list[SessionRecord]:
        cursor = self._db.cursor()
        cursor.row_factory = sqlite3.Row
        cursor.execute(f"SELECT {self._select('session')} FROM session {clause}", params)
        try:
            return [session_record(row) for row in cursor]
        except BadTimeError as error:
            raise StoreError(f"{self.path}: a session's time is damaged: {error}") from None

    def _sets(self, clause: str, params: tuple[object, ...]) -> list[SetRecord]:
        cursor = self._db.cursor()
        cursor.row_factory = sqlite3.Row
        cursor.execute(
            f"SELECT {self._select('set_log', 's.')}, {_SESSION_OF_SET}"
            f" FROM set_log s JOIN session se ON se.id = s.session_id {clause}",
            params,
        )
        try:
            return [set_record(row) for row in cursor]
        except BadTimeError as error:
            raise StoreError(f"{self.path}: a set's time is damaged: {error}") from None

    def _columns(self, table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
        """``columns`` if they all belong to ``table``; ValueError otherwise (never SQL)."""
        known = TABLE_COLUMNS.get(table)
        if known is None:
            raise ValueError(f"no table {table!r} in the log")
        unknown = [c for c in columns if c not in known]
        if unknown or not columns:
            raise ValueError(f"{table} has no column(s) {', '.join(unknown) or '(none given)'}")
        return columns
