"""The training log's tables: their columns, the migrations that build them, and its errors.

The schema version lives in ``PRAGMA user_version``; every migration runs once, forward only,
in its own transaction. ``SESSION_COLUMNS`` and ``SET_COLUMNS`` are the one list of each
table's columns: the store, the backup and the history read them from here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
SESSION_COLUMNS: tuple[str, ...] = (
    "id",
    "uid",
    "title",
    "plan_source",
    "plan_text",
    "started_at",
    "ended_at",
    "next_set",
    "abandoned",
    "rehearsal",
    "speed",
)
SET_COLUMNS: tuple[str, ...] = (
    "id",
    "session_id",
    "block",
    "set_number",
    "variation",
    "box_height_cm",
    "tempo",
    "target_reps",
    "reps",
    "reps_in_reserve",
    "form_flags",
    "note",
    "time_under_tension_s",
    "ended_at",
    "role",
)
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {"session": SESSION_COLUMNS, "set_log": SET_COLUMNS}
# The fields of a logged set a person may correct afterwards (in the history).
EDITABLE_SET_FIELDS = frozenset({"reps", "box_height_cm", "reps_in_reserve", "note"})
# SQLite's names for a file that is not a log at all; anything else (read-only, full, I/O)
# is a problem of the disk or folder, and must be called that.
DAMAGED_ERRORS = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


class StoreError(RuntimeError):
    """A known problem with the store file (unreadable, newer schema, disk full)."""


class SetConflictError(StoreError):
    """The log already holds a different set at this place, or the session is gone from it."""


def schema_sql() -> str:
    """The whole current schema as one script, e.g. to check rows in an in-memory database."""
    return ";\n".join(migration.strip().rstrip(";") for migration in _MIGRATIONS) + ";\n"


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


def migration_statements(target: int) -> list[str]:
    """The statements that take a log from schema ``target - 1`` to ``target``."""
    return [s for s in _MIGRATIONS[target - 1].split(";") if s.strip()]
