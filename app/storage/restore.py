"""Restoring a backup all or nothing: staged beside the live data, switched in one step.

A restore first checks the whole backup (``check_backup``), then, holding the log's lock
exclusively (so never under a running session), builds everything in ``.restore-staging/``
in the data folder: the new log, the plans folder, the settings, and a copy of what they
replace. Only then does it write ``.restore-switch.json``: from that moment the restore
counts as done. The switch moves each staged part into place; every step can be repeated,
so a restore killed during the switch is finished by the next start (``finish_restore``),
and one killed before it is rolled back (the staging folder is removed). Either way the
data folder is all old or all new.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

from app.storage.atomic_file import sync_folder, write_bytes_atomically
from app.storage.backup import SETTINGS_NAME, Backup, check_backup
from app.storage.data_dir import plans_folder, store_path
from app.storage.log_lock import LogInUseError, hold_exclusive, release
from app.storage.store import SCHEMA_VERSION, StoreError, schema_sql
from app.storage.store_schema import SESSION_COLUMNS, SET_COLUMNS

STAGING = ".restore-staging"
SWITCH = ".restore-switch.json"
_SIDE_FILES = ("-wal", "-shm", "-journal")


class RestoreError(StoreError):
    """A restore that could not start or finish; the data folder is as it was."""


def restore_backup(folder: Path, text: str, now: datetime) -> Path:
    """Check ``text`` fully, keep a copy of what it replaces, then replace it in one step.

    Returns the folder holding the copy. BackupError for a bad file, RestoreError when the
    data folder cannot take it (in use, read-only, a file): nothing is touched either way.
    """
    backup = check_backup(text, now)
    _check_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        hold = hold_exclusive(folder)
    except LogInUseError as error:
        raise RestoreError(f"{folder}: {error}; nothing was changed") from None
    except OSError as error:
        raise RestoreError(_cannot(folder, error)) from None
    try:
        _recover(folder)
        kept_name = _kept_name(folder, now)
        staging = folder / STAGING
        try:
            _stage(folder, staging, backup)
        except (OSError, sqlite3.Error) as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise RestoreError(_cannot(folder, error)) from None
        journal = {"kept": kept_name, "created_at": backup.created_at}
        write_bytes_atomically(folder / SWITCH, json.dumps(journal).encode("utf-8"))
        _switch(folder)
    finally:
        release(hold)
    return folder / "backups" / kept_name


def finish_restore(folder: Path) -> str | None:
    """Finish a restore killed during its switch, or drop one killed before; what was done.

    Cheap when there is nothing to do (two ``exists`` calls). Skipped while someone else
    holds the log (a restore running right now).
    """
    if not (folder / SWITCH).exists() and not (folder / STAGING).exists():
        return None
    try:
        hold = hold_exclusive(folder)
    except (LogInUseError, OSError):
        return None
    try:
        return _recover(folder)
    finally:
        release(hold)


def _recover(folder: Path) -> str | None:
    try:
        if (folder / SWITCH).exists():
            _switch(folder)
            return "An interrupted restore of a backup was completed."
        if (folder / STAGING).exists():
            shutil.rmtree(folder / STAGING)
            return "An interrupted restore of a backup was undone; nothing had changed."
    except OSError as error:
        raise RestoreError(_cannot(folder, error)) from None
    return None


def _check_folder(folder: Path) -> None:
    for place in (folder, *folder.parents):
        if place.exists() and not place.is_dir():
            raise RestoreError(f"{place} is a file, not a folder; nothing was changed")
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise RestoreError(f"{folder}: no permission to write there; nothing was changed")


def _cannot(folder: Path, error: BaseException) -> str:
    if isinstance(error, OSError):
        where = error.filename or folder
        return f"{where}: cannot restore there ({error.strerror or error}); nothing was changed"
    return f"{folder}: cannot restore there ({error}); nothing was changed"


def _kept_name(folder: Path, now: datetime) -> str:
    base = f"before-restore-{now:%Y%m%d-%H%M%S}"
    name = base
    for attempt in range(2, 1000):
        if not (folder / "backups" / name).exists():
            break
        name = f"{base}-{attempt}"
    return name


def _stage(folder: Path, staging: Path, backup: Backup) -> None:
    """Everything the switch needs, beside the live data: nothing live is touched."""
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    _write_log(staging / store_path(folder).name, backup)
    plans = staging / "plans"
    plans.mkdir()
    for name, body in backup.plans.items():
        write_bytes_atomically(plans / name, body.encode("utf-8"))
    if backup.settings is not None:
        text = json.dumps(backup.settings, indent=1) + "\n"
        write_bytes_atomically(staging / SETTINGS_NAME, text.encode("utf-8"))
    kept = staging / "kept"
    kept.mkdir()
    log = store_path(folder)
    for side in ("", "-wal"):
        part = log.with_name(log.name + side)
        if part.is_file():
            shutil.copyfile(part, kept / part.name)
    live_plans = plans_folder(folder)
    if live_plans.is_dir():
        (kept / "plans").mkdir()
        for plan in live_plans.glob("*.toml"):
            # Only the person's own files: never a device, a FIFO or a link's far target.
            if stat.S_ISREG(plan.lstat().st_mode):
                shutil.copyfile(plan, kept / "plans" / plan.name)
    if (folder / SETTINGS_NAME).is_file():
        shutil.copyfile(folder / SETTINGS_NAME, kept / SETTINGS_NAME)
    _sync_tree(staging)


def _write_log(path: Path, backup: Backup) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.executescript(schema_sql())
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("BEGIN")
        db.executemany(
            f"INSERT INTO session ({', '.join(SESSION_COLUMNS)})"
            f" VALUES ({', '.join('?' for _ in SESSION_COLUMNS)})",
            backup.sessions,
        )
        db.executemany(
            f"INSERT INTO set_log ({', '.join(SET_COLUMNS)})"
            f" VALUES ({', '.join('?' for _ in SET_COLUMNS)})",
            backup.sets,
        )
        db.execute("COMMIT")
    finally:
        db.close()


def _switch(folder: Path) -> None:
    """Move every staged part into place; repeatable after a kill at any point."""
    staging = folder / STAGING
    journal = json.loads((folder / SWITCH).read_text(encoding="utf-8"))
    log = store_path(folder)
    new_log = staging / log.name
    if new_log.exists():
        # The old log's WAL must never be applied to the new log: it goes first (its
        # contents are in the kept copy).
        for side in _SIDE_FILES:
            log.with_name(log.name + side).unlink(missing_ok=True)
        os.replace(new_log, log)
    new_plans, live_plans, old_plans = staging / "plans", plans_folder(folder), staging / "old"
    if new_plans.exists():
        if live_plans.exists() or live_plans.is_symlink():
            old_plans.mkdir(exist_ok=True)
            # A link is moved as a link: the folder it points to is never emptied.
            os.rename(live_plans, _free(old_plans / "plans"))
        os.rename(new_plans, live_plans)
    new_settings = staging / SETTINGS_NAME
    if new_settings.exists():
        os.replace(new_settings, folder / SETTINGS_NAME)
    kept = staging / "kept"
    if kept.exists():
        (folder / "backups").mkdir(exist_ok=True)
        os.rename(kept, _free(folder / "backups" / str(journal["kept"])))
    sync_folder(folder)
    (folder / SWITCH).unlink()
    sync_folder(folder)
    shutil.rmtree(staging, ignore_errors=True)


def _free(path: Path) -> Path:
    """``path``, or ``path-N`` when that name is taken."""
    candidate = path
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.name}-{number}")
        number += 1
    return candidate


def _sync_tree(root: Path) -> None:
    for place, _dirs, files in os.walk(root):
        for name in files:
            with open(os.path.join(place, name), "rb") as handle:
                os.fsync(handle.fileno())
        sync_folder(Path(place))
    sync_folder(root.parent)
