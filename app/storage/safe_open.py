"""Opening the training log without ever losing it.

At start the log is checked. A damaged or truncated file is moved aside (never deleted) and
the newest automatic backup that is sound takes its place; the person is told what happened.
Backups are taken with SQLite's online backup API at most once a day and before every schema
migration, and the newest few are kept.

A log that cannot be opened at all (a folder where the file should be, no permission, damaged
with nowhere to move it) need not stop a workout: ``open_store_or_memory`` then gives a log in
memory and says why in plain words, for the front end to tell the person.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.storage.atomic_file import write_atomically
from app.storage.data_dir import STORE_NAME
from app.storage.restore import finish_restore
from app.storage.store import MEMORY, SCHEMA_VERSION, Store, StoreError

BACKUP_FOLDER = "backups"
DAMAGED_FOLDER = "damaged"
KEEP_BACKUPS = 7
_SIDE_FILES = ("-wal", "-shm")
_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


@dataclass(frozen=True)
class OpenedStore:
    """The open log, and a sentence for the person when something had to be repaired."""

    store: Store
    notice: str | None = None
    unavailable: str | None = None
    """Why the log file could not be opened, when ``store`` is a log in memory instead."""


def open_store_or_memory(folder: Path, now: datetime) -> OpenedStore:
    """``open_store``, or, when the log cannot be opened at all, a log in memory and why.

    StoreError only if not even a log in memory can be opened.
    """
    try:
        return open_store(folder, now)
    except (StoreError, OSError, sqlite3.Error) as error:
        why = unavailable_reason(folder, error)
    return OpenedStore(Store(MEMORY), unavailable=why)


def unavailable_reason(folder: Path, error: Exception) -> str:
    """Why the log in ``folder`` cannot be opened, in plain words (with the path)."""
    path = folder / STORE_NAME
    try:
        for place in (folder, *folder.parents):
            if place.exists() and not place.is_dir():
                return f"{place} is a file, not a folder"
        if path.is_dir():
            return f"{path} is a folder, not a file"
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            return f"no permission to read and write {path}"
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            return f"no permission to write in {folder}"
    except OSError as denied:
        return f"{denied.filename or folder}: {denied.strerror or denied}"
    if isinstance(error, OSError):
        return f"{error.filename or path}: {error.strerror or error}"
    return str(error)


def open_store(folder: Path, now: datetime) -> OpenedStore:
    """Open (creating, checking, restoring and backing up as needed) the log in ``folder``."""
    path = folder / STORE_NAME
    notice = finish_restore(folder)
    if path.exists():
        problem = _damage(path) or _emptied(folder, path)
        if problem is not None:
            repaired = _restore(folder, path, problem, now)
            notice = f"{notice}\n{repaired}" if notice else repaired
        elif _schema_version(path) < SCHEMA_VERSION:
            target = folder / BACKUP_FOLDER / f"before-migration-{_stamp(now)}.sqlite3"
            try:
                take_backup(path, target)
            except (OSError, sqlite3.Error) as error:
                raise StoreError(
                    f"{path}: the training log needs an upgrade, and no backup of it could be"
                    f" taken first ({error}); nothing was changed"
                ) from None
    store = Store(path)
    daily = folder / BACKUP_FOLDER / f"daily-{now.date().isoformat()}.sqlite3"
    if not daily.exists():
        try:
            take_backup(path, daily)
            _rotate(folder / BACKUP_FOLDER)
        except (OSError, sqlite3.Error):
            pass  # a backup that cannot be written must not stop a training session
    return OpenedStore(store, notice)


def take_backup(source: Path, target: Path) -> None:
    """Copy a live log with SQLite's online backup API (consistent even mid-write); the
    copy replaces ``target`` whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)

    def copy(partial: Path) -> None:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()

    write_atomically(target, copy)


def backups(folder: Path) -> list[Path]:
    """Backups in ``folder``, newest first."""
    found = [p for p in folder.glob("*.sqlite3") if p.is_file()] if folder.is_dir() else []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def _rotate(folder: Path) -> None:
    """Keep the newest daily backups, and never drop a fuller one for emptier ones.

    The fullest of those beyond the newest few stays while it holds more sets than every
    one kept: a log emptied by accident must not rotate its last good copy away.
    """
    daily = [p for p in backups(folder) if p.name.startswith("daily-")]
    kept, beyond = daily[:KEEP_BACKUPS], daily[KEEP_BACKUPS:]
    if not beyond:
        return
    fullest = max(beyond, key=set_count)
    spared = set_count(fullest) > max((set_count(p) for p in kept), default=0)
    for old in beyond:
        if not (spared and old == fullest):
            old.unlink()


def set_count(log: Path) -> int:
    """How many sets the log file holds; 0 when it holds none or cannot be read."""
    try:
        db = sqlite3.connect(f"{log.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    try:
        return int(db.execute("SELECT COUNT(*) FROM set_log").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        db.close()


def _emptied(folder: Path, path: Path) -> str | None:
    """Why a log with no tables at all is not a new log: its backups hold sets.

    A log truncated to 0 bytes, or to its header, looks like a new database to SQLite; taken
    as one, it would be given a fresh schema and backed up, and a week of daily backups would
    rotate the last good copy away.
    """
    try:
        size = path.stat().st_size
        if size > 0:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                if db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
                    return None
            finally:
                db.close()
    except (OSError, sqlite3.Error):
        return None
    held = max((set_count(p) for p in backups(folder / BACKUP_FOLDER)), default=0)
    if held == 0:
        return None
    return f"it was empty ({size} bytes) while its backups hold up to {held} sets"


def _damage(path: Path) -> str | None:
    """Why the file is not a sound log, or None when it is.

    Only a file SQLite calls corrupt or not a database is damaged. A log that cannot be
    opened (a read-only folder, a lock, a failing disk) is left exactly where it is: moving
    it aside and restoring a backup would throw away every set since that backup.
    """
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", _DAMAGED[0]) in _DAMAGED:
            return str(error)
        raise StoreError(f"{path}: the training log cannot be read: {error}") from None
    return None if result == "ok" else str(result)


def _sound(candidate: Path) -> bool:
    try:
        return _damage(candidate) is None
    except StoreError:
        return False


def _schema_version(path: Path) -> int:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def _restore(folder: Path, path: Path, problem: str, now: datetime) -> str:
    aside = folder / DAMAGED_FOLDER / f"{path.stem}-{_stamp(now)}{path.suffix}"
    try:
        aside.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, aside)
        for side in _SIDE_FILES:
            extra = path.with_name(path.name + side)
            if extra.exists():
                shutil.move(extra, aside.with_name(aside.name + side))
    except OSError as error:
        raise StoreError(
            f"{path}: the training log is damaged and cannot be moved aside: {error}"
        ) from None
    sound = [c for c in backups(folder / BACKUP_FOLDER) if _sound(c)]
    # The newest backup that holds sets; an empty one only when no backup holds any.
    for candidate in sorted(sound, key=lambda c: set_count(c) == 0)[:1]:
        take_backup(candidate, path)
        taken = datetime.fromtimestamp(candidate.stat().st_mtime).strftime("%d %b %Y")
        return (
            f"The training log was damaged ({problem}). It was restored from the backup of "
            f"{taken}; the damaged file is kept at {aside}."
        )
    return (
        f"The training log was damaged ({problem}) and there was no sound backup, so a new log "
        f"was started; the damaged file is kept at {aside}."
    )
