"""The log's file: opened, migrated, refused when newer, read from other connections."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.storage.log_connection import MEMORY, LogConnection
from app.storage.store_schema import SCHEMA_VERSION, StoreError


def test_a_new_log_is_migrated_to_the_current_schema_in_wal_mode(tmp_path: Path) -> None:
    with LogConnection(tmp_path / "data" / "log.sqlite") as log:
        assert log.schema_version == SCHEMA_VERSION
        assert not log.in_memory and log.integrity_ok()
        with log.reader() as reader:
            assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_log_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite"
    LogConnection(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="written by a newer Tempo Trainer"):
        LogConnection(path)


def test_a_file_that_is_not_a_log_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError):
        LogConnection(path)


def test_a_log_in_memory_is_seen_by_its_readers(tmp_path: Path) -> None:
    with LogConnection(MEMORY) as log:
        assert log.in_memory
        log._write(
            "INSERT INTO session (uid, title, started_at) VALUES (?, ?, ?)",
            ("u", "In memory", "2026-03-01T18:00:00+00:00"),
        )
        with log.reader() as reader:
            assert reader.execute("SELECT title FROM session").fetchall() == [("In memory",)]


def test_readers_cannot_write(tmp_path: Path) -> None:
    with LogConnection(tmp_path / "log.sqlite") as log:
        reader = log.connect_reader()
        with pytest.raises(sqlite3.OperationalError):
            reader.execute("DELETE FROM session")
        reader.close()


def test_read_only_opens_a_log_it_may_not_write(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite"
    LogConnection(path).close()
    with LogConnection.read_only(path) as log:
        assert log.schema_version == SCHEMA_VERSION
    with pytest.raises(StoreError):
        LogConnection.read_only(tmp_path / "missing.sqlite")
