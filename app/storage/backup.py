"""A backup of everything as one JSON file, and a restore that checks it all before writing.

The backup holds the training log (every session and set, rehearsals included), the
person's own plan files and their settings (with the equipment profile). A restore reads
and checks the whole file first; only then does it copy the current log, plans and settings
into ``backups/before-restore-<time>/`` and replace them. Nothing is touched when any check
fails.
"""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.storage.atomic_file import write_text_atomically
from app.storage.backup_lines import ProblemLines, Where
from app.storage.backup_rows import session_problem, set_problem
from app.storage.data_dir import plans_folder, store_path
from app.storage.store import DAMAGED_ERRORS, StoreError, describe_open_error, schema_sql
from app.storage.store_schema import (
    SESSION_COLUMNS,
    SET_COLUMNS,
    block_sizes_text,
    plan_block_sizes,
    present_columns,
    select_list,
)

FORMAT = "tempo-trainer-backup"
VERSION = 1
SETTINGS_NAME = "settings.json"
MAX_PLAN_BYTES = 200_000
MAX_PLAN_NAME_BYTES = 200
# Ten years of daily training is about 10 MB.
MAX_BACKUP_BYTES = 500_000_000
# Fields a backup from an older version may lack, with the value they stand for.
_SET_DEFAULTS: dict[str, object] = {"role": "work"}


def _session_defaults(given: Mapping[str, object]) -> dict[str, object]:
    """An older backup's session has no block sizes: they are read from its plan text."""
    text = given.get("plan_text")
    return {
        "block_sizes": block_sizes_text(plan_block_sizes(text if isinstance(text, str) else ""))
    }


class BackupError(ValueError):
    """A backup file that cannot be restored; ``problems`` lists every reason.

    ``lines`` gives, for each problem, the 1-based line of the file it is about (1 when it
    is about the file as a whole).
    """

    def __init__(self, problems: list[str], lines: list[int] | None = None) -> None:
        self.problems = problems
        self.lines = lines if lines is not None else [1] * len(problems)
        super().__init__("\n".join(problems))

    def format(self, source: str) -> list[str]:
        """Every problem as ``SOURCE:LINE: message``."""
        return [
            f"{source}:{line}: {message}"
            for line, message in zip(self.lines, self.problems, strict=True)
        ]


@dataclass(frozen=True, slots=True)
class Backup:
    """A checked backup, ready to restore."""

    created_at: str
    sessions: list[tuple[object, ...]]
    sets: list[tuple[object, ...]]
    plans: dict[str, str]
    settings: dict[str, Any] | None


def export_backup(folder: Path, now: datetime) -> dict[str, object]:
    """Everything in the data folder as a JSON-ready dict.

    The log is only read (a read-only folder can be backed up); the plans are the regular
    ``*.toml`` files of ``plans/`` itself: a link (broken, or to ``/etc/passwd``), a FIFO
    or a device is left out, and none is read past ``MAX_PLAN_BYTES``.
    StoreError when the log cannot be read.
    """
    sessions, sets = _read_log(store_path(folder))
    plans: dict[str, str] = {}
    for path in sorted(_own_plan_files(plans_folder(folder))):
        body = _read_small(path, MAX_PLAN_BYTES)
        if body is not None:
            plans[path.name] = body
    settings: object = None
    raw = _read_small(folder / SETTINGS_NAME, MAX_PLAN_BYTES)
    if raw is not None:
        try:
            settings = json.loads(raw)
        except (ValueError, RecursionError):
            settings = None
    return {
        "format": FORMAT,
        "version": VERSION,
        "created_at": now.isoformat(timespec="seconds"),
        "sessions": [dict(zip(SESSION_COLUMNS, row, strict=True)) for row in sessions],
        "sets": [dict(zip(SET_COLUMNS, row, strict=True)) for row in sets],
        "plans": plans,
        "settings": settings if isinstance(settings, dict) else None,
    }


class BackupTargetError(ValueError):
    """A place a backup must not be written to."""


def check_backup_target(folder: Path, target: Path) -> None:
    """Refuse a target inside the data folder, or one that is not a regular file or new name."""
    where = target.resolve()
    inside = folder.resolve()
    if where == inside or inside in where.parents:
        raise BackupTargetError(
            f"{target}: inside the data folder {folder}; choose a place outside it"
        )
    if target.exists() or target.is_symlink():
        try:
            mode = target.stat().st_mode
        except OSError as error:
            raise BackupTargetError(f"{target}: {error.strerror or error}") from None
        if not stat.S_ISREG(mode):
            raise BackupTargetError(f"{target}: not a regular file; choose a file name")


def write_backup(folder: Path, target: Path, now: datetime) -> None:
    """Write the backup to ``target`` whole or not at all.

    BackupTargetError for a refused target, StoreError for an unreadable log, OSError when
    the file cannot be written.
    """
    check_backup_target(folder, target)
    text = json.dumps(export_backup(folder, now), indent=1, ensure_ascii=False)
    write_text_atomically(target, text + "\n")


def _read_log(log: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every session and set, read without writing anything (a read-only folder is fine)."""
    if not log.exists():
        return [], []
    uri = log.resolve().as_uri()
    last: sqlite3.Error | None = None
    # ``immutable`` reads a log whose folder cannot hold SQLite's side files.
    for options in ("mode=ro", "mode=ro&immutable=1"):
        try:
            db = sqlite3.connect(f"{uri}?{options}", uri=True)
        except sqlite3.Error as error:
            last = error
            continue
        try:
            return _log_rows(db)
        except sqlite3.Error as error:
            last = error
            if getattr(error, "sqlite_errorname", "") in DAMAGED_ERRORS:
                break
        finally:
            db.close()
    assert last is not None
    raise StoreError(describe_open_error(log, last))


def _log_rows(db: sqlite3.Connection) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every session and set in the columns of this version, from a log of any version."""
    sessions = db.execute(
        f"SELECT {select_list(SESSION_COLUMNS, present_columns(db, 'session'))}"
        " FROM session ORDER BY id"
    ).fetchall()
    sets = db.execute(
        f"SELECT {select_list(SET_COLUMNS, present_columns(db, 'set_log'))}"
        " FROM set_log ORDER BY id"
    ).fetchall()
    sizes, text = SESSION_COLUMNS.index("block_sizes"), SESSION_COLUMNS.index("plan_text")
    # A log too old to have them (only read, never migrated): as its migration would fill them.
    sessions = [
        row
        if row[sizes] is not None
        else (*row[:sizes], block_sizes_text(plan_block_sizes(str(row[text]))), *row[sizes + 1 :])
        for row in sessions
    ]
    return sessions, sets


def _own_plan_files(folder: Path) -> list[Path]:
    try:
        return [path for path in folder.glob("*.toml") if stat.S_ISREG(path.lstat().st_mode)]
    except OSError:
        return []


def _read_small(path: Path, limit: int) -> str | None:
    """A regular file's text, if it is one, readable, UTF-8 and at most ``limit`` bytes."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError:
        return None
    if len(raw) > limit:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def check_backup(text: str, now: datetime | None = None) -> Backup:
    """Read and check a whole backup; BackupError lists every problem found, with its line.

    Every field of every row is checked as ``import`` checks a CSV row (``backup_rows``);
    with ``now``, dates after tomorrow are refused too.
    """
    data = _backup_object(text)
    problems: list[tuple[str, Where]] = []
    sessions = _rows(data.get("sessions"), SESSION_COLUMNS, "session", problems, _session_defaults)
    sets = _rows(data.get("sets"), SET_COLUMNS, "set", problems, lambda _: _SET_DEFAULTS)
    problems.extend(_row_problems(sessions, sets, now))
    plans = _plans(data.get("plans", {}), problems)
    settings = data.get("settings")
    if settings is not None and not isinstance(settings, dict):
        problems.append(("settings must be an object", ("settings", None)))
    if not problems:
        problems.extend(_load_in_memory(sessions, sets))
    if problems:
        lines = ProblemLines(text)
        raise BackupError([p[0] for p in problems], [lines.of(p[1]) for p in problems])
    return Backup(str(data.get("created_at", "")), sessions, sets, plans, settings)


def _backup_object(text: str) -> dict[str, Any]:
    """The backup's top-level object, of this format and version; BackupError otherwise."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BackupError([f"not a JSON file: {error.msg}"], [error.lineno]) from None
    except RecursionError:
        raise BackupError(["not a backup: nested too deeply"], [1]) from None
    except ValueError as error:
        raise BackupError([f"not a JSON file: {error}"]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(["not a Tempo Trainer backup"])
    if data.get("version") != VERSION:
        raise BackupError([f"backup version {data.get('version')!r} is not supported"])
    return data


def _row_problems(
    sessions: list[tuple[object, ...]], sets: list[tuple[object, ...]], now: datetime | None
) -> list[tuple[str, Where]]:
    """Every field of every row (``backup_rows``), and every set's session in the backup."""
    problems: list[tuple[str, Where]] = []
    for key, what, rows, check in (
        ("sessions", "session", sessions, session_problem),
        ("sets", "set", sets, set_problem),
    ):
        for index, row in enumerate(rows, start=1):
            if (problem := check(row, now)) is not None:
                problems.append((f"{what} {index}: {problem}", (key, index)))
    # Ids of the wrong type (a list, an object) are named above; they must not crash this.
    session_ids = {row[0] for row in sessions if isinstance(row[0], int)}
    for index, row in enumerate(sets, start=1):
        if isinstance(row[1], int) and row[1] not in session_ids:
            problems.append(
                (f"set {index}: its session {row[1]!r} is not in the backup", ("sets", index))
            )
    return problems


def _plans(plans: object, problems: list[tuple[str, Where]]) -> dict[str, str]:
    """The backup's plan files (none when they are not names to text); problems added."""
    if not isinstance(plans, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in plans.items()
    ):
        problems.append(("plans must map file names to text", ("plans", None)))
        return {}
    for name, body in plans.items():
        if not _plain_plan_name(name):
            problems.append((f"plan file name {name!r} is not a plain .toml name", ("plans", name)))
        elif any("\ud800" <= c <= "\udfff" for c in body):
            problems.append((f"plan {name!r} holds an unpaired surrogate", ("plans", name)))
        if len(body.encode("utf-8", "surrogatepass")) > MAX_PLAN_BYTES:
            problems.append((f"plan {name!r} is too large", ("plans", name)))
    return dict(plans)


def _plain_plan_name(name: str) -> bool:
    """A name every file system takes: no folders, no NUL or control characters, short."""
    return (
        Path(name).name == name
        and name.endswith(".toml")
        and not name.startswith(".")
        and name.isprintable()
        and "\\" not in name
        and len(name.encode("utf-8", "surrogatepass")) <= MAX_PLAN_NAME_BYTES
        and not any("\ud800" <= c <= "\udfff" for c in name)
    )


def _rows(
    raw: object,
    columns: tuple[str, ...],
    what: str,
    problems: list[tuple[str, Where]],
    defaults: Callable[[Mapping[str, object]], Mapping[str, object]],
) -> list[tuple[object, ...]]:
    key = f"{what}s"
    if not isinstance(raw, list):
        problems.append((f"{key} must be a list", (key, None)))
        return []
    rows = []
    for index, given in enumerate(raw, start=1):
        item = {**defaults(given), **given} if isinstance(given, Mapping) else given
        if not isinstance(item, Mapping) or set(item) != set(columns):
            problems.append(
                (f"{what} {index}: expected exactly the fields {', '.join(columns)}", (key, index))
            )
            continue
        rows.append(tuple(item[c] for c in columns))
    return rows


def _insert(db: sqlite3.Connection, sessions: list[Any], sets: list[Any]) -> None:
    db.executemany(
        f"INSERT INTO session ({', '.join(SESSION_COLUMNS)})"
        f" VALUES ({', '.join('?' for _ in SESSION_COLUMNS)})",
        sessions,
    )
    db.executemany(
        f"INSERT INTO set_log ({', '.join(SET_COLUMNS)})"
        f" VALUES ({', '.join('?' for _ in SET_COLUMNS)})",
        sets,
    )


def _load_in_memory(sessions: list[Any], sets: list[Any]) -> list[tuple[str, Where]]:
    """Let the real schema (types, CHECKs, uniqueness) judge the rows, in memory.

    On a refusal the rows are tried one by one, to name the first one that does not fit.
    """
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(schema_sql())
        db.execute("PRAGMA foreign_keys = ON")
        try:
            _insert(db, sessions, sets)
            return []
        except _ROW_ERRORS as error:
            message = f"the log in the backup does not fit the schema: {error}"
        db.execute("DELETE FROM set_log")
        db.execute("DELETE FROM session")
        for key, what, rows in (("sessions", "session", sessions), ("sets", "set", sets)):
            for index, row in enumerate(rows, start=1):
                try:
                    _insert(db, [row] if key == "sessions" else [], [row] if key == "sets" else [])
                except _ROW_ERRORS as error:
                    return [(f"{what} {index} does not fit the schema: {error}", (key, index))]
        return [(message, ("sets", None))]
    except sqlite3.Error as error:
        return [(f"the log in the backup does not fit the schema: {error}", ("sets", None))]
    finally:
        db.close()


_ROW_ERRORS = (sqlite3.Error, ValueError, TypeError, OverflowError)
