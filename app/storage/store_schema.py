"""The training log's tables: their columns, the migrations that build them, and its errors.

The schema version lives in ``PRAGMA user_version``; every migration runs once, forward only,
in its own transaction (a migration may fill its new column from the rows already there).
``SESSION_COLUMNS`` and ``SET_COLUMNS`` are the one list of each table's columns: the store,
the backup and the history read them from here.
"""

from __future__ import annotations

import json
import sqlite3
import tomllib
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from app.domain.limits import MAX_BLOCKS, MAX_SETS_PER_BLOCK

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
    # How many sets each block of the session's plan holds, stored when it begins (a JSON
    # list; empty for a session without a plan, like an imported one): an import of rescued
    # sets moves the resume point in the plan's order without reading the plan again.
    """
    ALTER TABLE session ADD COLUMN block_sizes TEXT NOT NULL DEFAULT '[]';
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
    "block_sizes",
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
# What a column added by a later migration holds in a log too old to have it (one only read,
# so never migrated): SQL for the value its migration would give. NULL block sizes are
# read from the session's plan text, as the migration does (``read_block_sizes``).
OLDER_LOG_VALUES: dict[str, str] = {"role": "'work'", "block_sizes": "NULL"}
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


def fill_after_migration(db: sqlite3.Connection, target: int) -> None:
    """Fill what migration ``target`` added from the rows already in the log."""
    fill = _FILLS.get(target)
    if fill is not None:
        fill(db)


def _fill_block_sizes(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT id, plan_text FROM session WHERE plan_text != ''").fetchall()
    db.executemany(
        "UPDATE session SET block_sizes = ? WHERE id = ?",
        [(block_sizes_text(plan_block_sizes(str(text))), id_) for id_, text in rows],
    )


_FILLS: dict[int, Callable[[sqlite3.Connection], None]] = {3: _fill_block_sizes}


def block_sizes_text(sizes: Sequence[int]) -> str:
    """How the log holds a session's block sizes: a JSON list, ``[3, 3, 2]``."""
    return json.dumps([int(size) for size in sizes])


def read_block_sizes(text: object, plan_text: str = "") -> tuple[int, ...]:
    """The block sizes the log holds; empty when they are not a list of set counts.

    None (a log too old to have them) reads them from ``plan_text``, as the migration does.
    """
    if text is None:
        return plan_block_sizes(plan_text)
    try:
        sizes = json.loads(str(text))
    except (ValueError, RecursionError):
        return ()
    return _set_counts(sizes)


def plan_block_sizes(plan_text: str) -> tuple[int, ...]:
    """How many sets each block of a plan's TOML text holds; empty if the text cannot tell.

    Only for sessions logged before the sizes were stored (a migration, an old backup).
    """
    try:
        blocks = tomllib.loads(plan_text).get("block")
    except tomllib.TOMLDecodeError:
        return ()
    if not isinstance(blocks, list):
        return ()
    return _set_counts([block.get("sets") if isinstance(block, dict) else None for block in blocks])


def _set_counts(sizes: object) -> tuple[int, ...]:
    if not isinstance(sizes, list) or len(sizes) > MAX_BLOCKS:
        return ()
    if not all(
        isinstance(size, int) and not isinstance(size, bool) and 1 <= size <= MAX_SETS_PER_BLOCK
        for size in sizes
    ):
        return ()
    return tuple(sizes)


def present_columns(db: sqlite3.Connection, table: str) -> frozenset[str]:
    """The columns ``table`` has in this log (fewer than the list in a log only read)."""
    return frozenset(str(row[1]) for row in db.execute(f"PRAGMA table_info({table})"))


def select_list(columns: Sequence[str], present: Collection[str], prefix: str = "") -> str:
    """``columns`` for a SELECT, each missing one as the value its migration would give."""
    return ", ".join(
        f"{prefix}{column}" if column in present else f"{OLDER_LOG_VALUES[column]} AS {column}"
        for column in columns
    )
