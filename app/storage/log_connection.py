"""The training log's file: opened safely, migrated, written in transactions, read anywhere.

WAL mode, the schema version in ``PRAGMA user_version`` with forward migrations
(``store_schema``), and a shared lock on the folder while it is open, so a restore never
swaps the file under a running session.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from app.storage.log_lock import hold_shared, release
from app.storage.shared_memory import GuardedConnection, shm_path, shm_unwritable
from app.storage.store_schema import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    StoreError,
    describe_open_error,
    fill_after_migration,
    migration_statements,
    present_columns,
    select_list,
)

MEMORY = Path(":memory:")
"""``Store(MEMORY)``: a log in memory only, for a run whose log file cannot be opened."""


class LogConnection:
    """An open training log file: opening, migrating, transactions, readers and closing.

    ``LogConnection(MEMORY)`` keeps the log in memory, for this process only. It is one named
    shared-cache database, so that ``connect_reader`` (the charts, the coach) sees its sets.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._uri: str | None = None
        self._hold: int | None = None
        self._current = True
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
    def read_only(cls, path: Path) -> Self:
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
                # A log from an older version is read as its migrations would leave it.
                store._current = store.schema_version >= SCHEMA_VERSION
                return store
            except sqlite3.Error as error:
                last = error
                with contextlib.suppress(sqlite3.Error, AttributeError):
                    store._db.close()
        assert last is not None
        raise StoreError(describe_open_error(path, last))

    def __enter__(self) -> Self:
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
                for statement in migration_statements(target):
                    self._db.execute(statement)
                fill_after_migration(self._db, target)
                self._db.execute(f"PRAGMA user_version = {target}")

    def _select(self, table: str, prefix: str = "") -> str:
        """``table``'s columns for a SELECT; in a log too old to be migrated (one only read),
        each column it lacks reads as the value its migration would give."""
        columns = TABLE_COLUMNS[table]
        present = columns if self._current else present_columns(self._db, table)
        return select_list(columns, present, prefix)

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

    def integrity_ok(self) -> bool:
        return bool(self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
