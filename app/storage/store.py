"""The training log: sessions and sets in one SQLite file.

WAL mode, the schema version in ``PRAGMA user_version`` with forward migrations, and every
set committed the moment it is logged, so a crash later loses nothing. Times are stored as
ISO 8601 text with their UTC offset, as the person's clock showed them.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import tomllib
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.player import LoggedSet
from app.storage.log_lock import hold_shared, release
from app.storage.shared_memory import GuardedConnection, shm_path, shm_unwritable

_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        plan_source TEXT NOT NULL DEFAULT '',
        plan_text TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        ended_at TEXT,
        next_set INTEGER NOT NULL DEFAULT 0,
        abandoned INTEGER NOT NULL DEFAULT 0,
        rehearsal INTEGER NOT NULL DEFAULT 0,
        speed REAL NOT NULL DEFAULT 1.0
    );
    CREATE TABLE set_log (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        block INTEGER NOT NULL CHECK (block >= 0),
        set_number INTEGER NOT NULL CHECK (set_number >= 1),
        variation TEXT NOT NULL,
        box_height_cm REAL,
        tempo TEXT NOT NULL,
        target_reps TEXT NOT NULL,
        reps INTEGER NOT NULL CHECK (reps >= 0),
        reps_in_reserve INTEGER,
        form_flags TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        time_under_tension_s REAL NOT NULL DEFAULT 0,
        ended_at TEXT NOT NULL,
        UNIQUE (session_id, block, set_number)
    );
    CREATE INDEX set_log_variation ON set_log (variation, ended_at);
    CREATE INDEX set_log_ended ON set_log (ended_at);
    """,
    # What each set was for (warm-up, work, cool-down): only work sets move the coach.
    """
    ALTER TABLE set_log ADD COLUMN role TEXT NOT NULL DEFAULT 'work'
        CHECK (role IN ('warm-up', 'work', 'cool-down'));
    """,
)
SCHEMA_VERSION = len(_MIGRATIONS)
MEMORY = Path(":memory:")
"""``Store(MEMORY)``: a log in memory only, for a run whose log file cannot be opened."""
# The fields of a logged set a person may correct afterwards (in the history).
EDITABLE_SET_FIELDS = frozenset({"reps", "box_height_cm", "reps_in_reserve", "note"})
_TABLES = frozenset({"session", "set_log"})


def schema_sql() -> str:
    """The whole current schema as one script, e.g. to check rows in an in-memory database."""
    return ";\n".join(migration.strip().rstrip(";") for migration in _MIGRATIONS) + ";\n"


class StoreError(RuntimeError):
    """A known problem with the store file (unreadable, newer schema, disk full)."""


class SetConflictError(StoreError):
    """The log already holds a different set at this place, or the session is gone from it."""


# SQLite's names for a file that is not a log at all; anything else (read-only, full, I/O)
# is a problem of the disk or folder, and must be called that.
DAMAGED_ERRORS = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


def describe_open_error(path: Path, error: sqlite3.Error) -> str:
    """Why ``path`` could not be opened, in words that do not call a full disk damage."""
    name = getattr(error, "sqlite_errorname", "")
    if name in DAMAGED_ERRORS:
        return f"{path}: the training log is damaged or not a log: {error}"
    if name.startswith("SQLITE_READONLY"):
        return f"{path}: the training log cannot be written (a read-only file or folder)"
    if name.startswith("SQLITE_FULL"):
        return f"{path}: the disk is full, so the training log cannot be opened"
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return f"{path}: no permission to open the training log"
    return f"{path}: the training log cannot be opened: {error}"


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: int
    uid: str
    title: str
    plan_source: str
    plan_text: str
    started_at: str
    ended_at: str | None
    next_set: int
    rehearsal: bool
    speed: float


@dataclass(frozen=True, slots=True)
class SetRecord:
    """One logged set, as history shows it."""

    id: int
    session_id: int
    session_uid: str
    session_title: str
    block: int
    set_number: int
    variation: str
    box_height_cm: float | None
    tempo: str
    target_reps: str
    reps: int
    reps_in_reserve: int | None
    form_flags: tuple[str, ...]
    note: str
    time_under_tension_s: float
    ended_at: str
    rehearsal: bool
    role: str = "work"


@dataclass(frozen=True, slots=True)
class ImportedSet:
    """A set read from a CSV file, ready to be stored."""

    session_uid: str
    session_title: str
    block: int
    set_number: int
    variation: str
    box_height_cm: float | None
    tempo: str
    target_reps: str
    reps: int
    reps_in_reserve: int | None
    note: str
    ended_at: str
    rehearsal: bool = False
    role: str = "work"
    form_flags: tuple[str, ...] = ()
    time_under_tension_s: float = 0.0


_SET_COLUMNS = """
    s.id, s.session_id, se.uid, se.title, s.block, s.set_number, s.variation, s.box_height_cm,
    s.tempo, s.target_reps, s.reps, s.reps_in_reserve, s.form_flags, s.note,
    s.time_under_tension_s, s.ended_at, se.rehearsal, s.role
"""
_RECORDED = (
    "session_id, block, set_number, variation, box_height_cm, tempo, target_reps, reps,"
    " reps_in_reserve, form_flags, note, time_under_tension_s, ended_at, role"
)
_SESSION_COLUMNS = (
    "id, uid, title, plan_source, plan_text, started_at, ended_at, next_set, rehearsal, speed"
)


class Store:
    """An open training log. Use as a context manager, or call ``close``.

    ``Store(MEMORY)`` keeps the log in memory, for this process only. It is one named
    shared-cache database, so that ``connect_reader`` (the charts, the coach) sees its sets.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._uri: str | None = None
        self._hold: int | None = None
        if path == MEMORY:
            self._uri = f"file:tempo-trainer-{uuid.uuid4().hex}?mode=memory&cache=shared"
        elif shm_unwritable(path):
            # SQLite would map it and die with SIGBUS at the first write: never let it.
            raise StoreError(f"{shm_path(path)} cannot be written, so the log cannot be used")
        try:
            if self._uri is None:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._hold = hold_shared(path.parent)
                self._db = self._connect_file(check_same_thread=True)
            else:
                self._db = sqlite3.connect(self._uri, uri=True, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            release(self._hold)
            raise StoreError(f"{path}: cannot open the training log: {error}") from None
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            self.close()
            raise StoreError(describe_open_error(path, error)) from None
        except StoreError:
            self.close()
            raise

    def _connect_file(self, *, check_same_thread: bool) -> sqlite3.Connection:
        db = sqlite3.connect(
            self.path,
            isolation_level=None,
            timeout=5.0,
            check_same_thread=check_same_thread,
            factory=GuardedConnection,
        )
        assert isinstance(db, GuardedConnection)
        db.guard(self.path)
        return db

    @classmethod
    def read_only(cls, path: Path) -> Store:
        """The log only read, nothing written (not even SQLite's side files): for a folder
        that cannot be written, whose log can still be shown. StoreError if unreadable."""
        store = cls.__new__(cls)
        store.path, store._uri, store._hold = path, None, None
        last: sqlite3.Error | None = None
        # ``immutable`` reads a log whose folder cannot hold SQLite's side files.
        for options in ("mode=ro", "mode=ro&immutable=1"):
            try:
                store._db = sqlite3.connect(
                    f"{path.resolve().as_uri()}?{options}", uri=True, isolation_level=None
                )
                store._db.execute("SELECT COUNT(*) FROM session").fetchone()
                return store
            except sqlite3.Error as error:
                last = error
                with contextlib.suppress(sqlite3.Error, AttributeError):
                    store._db.close()
        assert last is not None
        raise StoreError(describe_open_error(path, last))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._db.close()
        finally:
            release(self._hold)
            self._hold = None

    @property
    def in_memory(self) -> bool:
        """The log lives in memory only: its sets are lost when the app quits."""
        return self._uri is not None

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer Tempo Trainer (schema {version}); update the app"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self._transaction():
                for statement in _MIGRATIONS[target - 1].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {target}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError(
                f"{self.path}: the training log is busy or read-only: {error}"
            ) from None
        try:
            yield self._db
        except BaseException:
            self._rollback()
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise StoreError(f"{self.path}: could not save: {error}") from None

    def _rollback(self) -> None:
        """Undo the open transaction; SQLite may already have ended it after an I/O error,
        and a second error here must not hide the first (the one the person needs to see)."""
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("ROLLBACK")

    def _write(self, sql: str, params: tuple[object, ...]) -> int:
        try:
            with self._transaction() as db:
                cursor = db.execute(sql, params)
                return int(cursor.lastrowid or 0)
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: could not save: {error}") from None

    # --- sessions ---------------------------------------------------------------------------

    def begin_session(
        self,
        *,
        title: str,
        started_at: datetime,
        plan_source: str = "",
        plan_text: str = "",
        rehearsal: bool = False,
        speed: float = 1.0,
        first_set: int = 0,
    ) -> SessionRecord:
        """Open a session; it stays unfinished (and offered for resume) until ``finish_session``."""
        uid = uuid.uuid4().hex
        session_id = self._write(
            "INSERT INTO session (uid, title, plan_source, plan_text, started_at, next_set,"
            " rehearsal, speed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uid,
                title,
                plan_source,
                plan_text,
                _iso(started_at),
                first_set,
                int(rehearsal),
                speed,
            ),
        )
        return self.session(session_id)

    def session(self, session_id: int) -> SessionRecord:
        row = self._db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM session WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise KeyError(session_id)
        return _session(row)

    def sessions(self) -> list[SessionRecord]:
        rows = self._db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM session ORDER BY julianday(started_at), id"
        )
        return [_session(row) for row in rows]

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
            _iso(ended_at),
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
                    f"SELECT id, {_RECORDED} FROM set_log"
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
                        f"INSERT INTO set_log ({_RECORDED}) VALUES ({marks})", values
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
        self._write("UPDATE session SET ended_at = ? WHERE id = ?", (_iso(ended_at), session_id))

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
        uids = list(dict.fromkeys(row.session_uid for row in rows))
        held: set[tuple[str, int, int]] = set()
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            found = self._db.execute(
                "SELECT se.uid, s.block, s.set_number FROM set_log s"
                f" JOIN session se ON se.id = s.session_id WHERE se.uid IN ({marks})",
                chunk,
            )
            held.update((str(uid), int(block), int(number)) for uid, block, number in found)
        keys = {(row.session_uid, row.block, row.set_number) for row in rows}
        return len(keys - held)

    def unfinished_session(self) -> SessionRecord | None:
        """The newest session that was neither finished nor abandoned (offered for resume)."""
        row = self._db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM session WHERE ended_at IS NULL AND abandoned = 0"
            # Instants, not text: "+14:00" and "-12:00" times do not sort as strings.
            " ORDER BY julianday(started_at) DESC, id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else _session(row)

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
        rows = self._db.execute(
            f"SELECT {_SET_COLUMNS} FROM set_log s JOIN session se ON se.id = s.session_id"
            f" {clause} ORDER BY julianday(s.ended_at), s.session_id, s.block,"
            " s.set_number",
            params,
        )
        return [_set(row) for row in rows]

    def set_by_id(self, set_id: int) -> SetRecord:
        """One logged set; KeyError if there is none with that id."""
        row = self._db.execute(
            f"SELECT {_SET_COLUMNS} FROM set_log s JOIN session se ON se.id = s.session_id"
            " WHERE s.id = ?",
            (set_id,),
        ).fetchone()
        if row is None:
            raise KeyError(set_id)
        return _set(row)

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
        added = 0
        touched: dict[int, str] = {}
        try:
            with self._transaction() as db:
                for row in rows:
                    db.execute(
                        "INSERT INTO session (uid, title, started_at, ended_at, rehearsal)"
                        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET"
                        " started_at = MIN(started_at, excluded.started_at),"
                        " ended_at = CASE WHEN ended_at IS NULL THEN NULL"
                        " ELSE MAX(ended_at, excluded.ended_at) END",
                        (
                            row.session_uid,
                            row.session_title,
                            row.ended_at,
                            row.ended_at,
                            int(row.rehearsal),
                        ),
                    )
                    session_id, open_plan = db.execute(
                        "SELECT id, CASE WHEN ended_at IS NULL THEN plan_text END FROM session"
                        " WHERE uid = ?",
                        (row.session_uid,),
                    ).fetchone()
                    cursor = db.execute(
                        "INSERT INTO set_log (session_id, block, set_number, variation,"
                        " box_height_cm, tempo, target_reps, reps, reps_in_reserve, note,"
                        " ended_at, role, form_flags, time_under_tension_s)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                        " ON CONFLICT (session_id, block, set_number) DO NOTHING",
                        (
                            session_id,
                            row.block,
                            row.set_number,
                            row.variation,
                            row.box_height_cm,
                            row.tempo,
                            row.target_reps,
                            row.reps,
                            row.reps_in_reserve,
                            row.note,
                            row.ended_at,
                            row.role,
                            json.dumps(list(row.form_flags)),
                            row.time_under_tension_s,
                        ),
                    )
                    added += cursor.rowcount
                    if open_plan is not None:
                        touched[int(session_id)] = str(open_plan)
                for session_id, text in touched.items():
                    _move_resume_point(db, session_id, text)
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: could not import: {error}") from None
        return added

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

    # --- whole-log reads and writes (charts, backup) ------------------------------------------

    def connect_reader(self, *, any_thread: bool = False) -> sqlite3.Connection:
        """A read-only connection of its own to this log; the caller closes it.

        For reading on another thread, or keeping an eye on ``PRAGMA data_version`` (which
        moves when this store, or anyone else, commits). WAL lets it read while we write.
        """
        try:
            if self._uri is None:
                db = self._connect_file(check_same_thread=not any_thread)
            else:
                db = sqlite3.connect(
                    self._uri, uri=True, isolation_level=None, check_same_thread=not any_thread
                )
                # Shared-cache readers take table locks that would refuse the writer outright
                # (no busy timeout there); reading without them, a writer is never refused.
                db.execute("PRAGMA read_uncommitted = ON")
            db.execute("PRAGMA query_only = ON")
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot open the training log: {error}") from None
        return db

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """``connect_reader`` for one ``with`` block (on any thread)."""
        db = self.connect_reader(any_thread=True)
        try:
            yield db
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot read the training log: {error}") from None
        finally:
            db.close()

    def export_rows(self, table: str, columns: tuple[str, ...]) -> list[tuple[object, ...]]:
        """Every row of ``session`` or ``set_log`` as ``columns``, in id order."""
        self._columns(table, columns)
        return self._db.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id").fetchall()

    def copy_to(self, target: Path) -> None:
        """A consistent copy of the whole log in a new file (SQLite's online backup)."""
        try:
            copy = sqlite3.connect(target)
        except sqlite3.Error as error:
            raise StoreError(f"{target}: cannot write a copy of the log: {error}") from None
        try:
            self._db.backup(copy)
        except sqlite3.Error as error:
            raise StoreError(f"{target}: cannot write a copy of the log: {error}") from None
        finally:
            copy.close()

    def replace_log(
        self,
        session_columns: tuple[str, ...],
        sessions: Iterable[Sequence[object]],
        set_columns: tuple[str, ...],
        sets: Iterable[Sequence[object]],
    ) -> None:
        """Swap every session and set for these, in one transaction: all of them or none."""
        self._columns("session", session_columns)
        self._columns("set_log", set_columns)
        try:
            with self._transaction() as db:
                db.execute("DELETE FROM set_log")
                db.execute("DELETE FROM session")
                db.executemany(
                    f"INSERT INTO session ({', '.join(session_columns)})"
                    f" VALUES ({', '.join('?' for _ in session_columns)})",
                    sessions,
                )
                db.executemany(
                    f"INSERT INTO set_log ({', '.join(set_columns)})"
                    f" VALUES ({', '.join('?' for _ in set_columns)})",
                    sets,
                )
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: could not restore: {error}") from None

    def _columns(self, table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
        """``columns`` if they all belong to ``table``; ValueError otherwise (never SQL)."""
        if table not in _TABLES:
            raise ValueError(f"no table {table!r} in the log")
        known = {str(row[1]) for row in self._db.execute(f"PRAGMA table_info({table})")}
        unknown = [c for c in columns if c not in known]
        if unknown or not columns:
            raise ValueError(f"{table} has no column(s) {', '.join(unknown) or '(none given)'}")
        return columns

    def integrity_ok(self) -> bool:
        return bool(self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def _move_resume_point(db: sqlite3.Connection, session_id: int, plan_text: str) -> None:
    """Past the open session's last held set, in its plan's order; finished once all are held.

    The order comes from the plan's text as the session stored it (blocks of ``sets``); a
    text that cannot be read leaves the session as it was.
    """
    sizes = _block_sizes(plan_text)
    if not sizes:
        return
    held = db.execute(
        "SELECT block, set_number FROM set_log WHERE session_id = ?", (session_id,)
    ).fetchall()
    places = [
        sum(sizes[:block]) + set_number
        for block, set_number in held
        if block < len(sizes) and set_number <= sizes[block]
    ]
    if not places:
        return
    db.execute(
        "UPDATE session SET next_set = MAX(next_set, ?) WHERE id = ?", (max(places), session_id)
    )
    if len(set(places)) >= sum(sizes):
        db.execute(
            "UPDATE session SET ended_at = (SELECT MAX(ended_at) FROM set_log"
            " WHERE session_id = ?) WHERE id = ?",
            (session_id, session_id),
        )


def _block_sizes(plan_text: str) -> list[int]:
    """How many sets each block of a stored plan holds; empty if the text cannot tell."""
    try:
        blocks = tomllib.loads(plan_text).get("block")
    except tomllib.TOMLDecodeError:
        return []
    if not isinstance(blocks, list):
        return []
    sizes: list[int] = []
    for block in blocks:
        size = block.get("sets") if isinstance(block, dict) else None
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            return []
        sizes.append(size)
    return sizes


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("store times must carry their UTC offset")
    return moment.isoformat(timespec="seconds")


def _session(row: tuple[object, ...]) -> SessionRecord:
    (id_, uid, title, source, text, started, ended, next_set, rehearsal, speed) = row
    return SessionRecord(
        id=int(str(id_)),
        uid=str(uid),
        title=str(title),
        plan_source=str(source),
        plan_text=str(text),
        started_at=str(started),
        ended_at=None if ended is None else str(ended),
        next_set=int(str(next_set)),
        rehearsal=bool(rehearsal),
        speed=float(str(speed)),
    )


def _set(row: tuple[object, ...]) -> SetRecord:
    (
        id_,
        session_id,
        uid,
        title,
        block,
        set_number,
        variation,
        box,
        tempo,
        target,
        reps,
        rir,
        flags,
        note,
        tut,
        ended,
        rehearsal,
        role,
    ) = row
    return SetRecord(
        id=int(str(id_)),
        session_id=int(str(session_id)),
        session_uid=str(uid),
        session_title=str(title),
        block=int(str(block)),
        set_number=int(str(set_number)),
        variation=str(variation),
        box_height_cm=None if box is None else float(str(box)),
        tempo=str(tempo),
        target_reps=str(target),
        reps=int(str(reps)),
        reps_in_reserve=None if rir is None else int(str(rir)),
        form_flags=tuple(json.loads(str(flags))),
        note=str(note),
        time_under_tension_s=float(str(tut)),
        ended_at=str(ended),
        rehearsal=bool(rehearsal),
        role=str(role),
    )
