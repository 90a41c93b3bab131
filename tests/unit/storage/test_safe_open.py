from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.domain.plan import Block, SessionPlan
from app.domain.player import Player, SetResult
from app.domain.reps import RepTarget
from app.domain.tempo import parse_tempo
from app.domain.timeline import compile_sets
from app.storage.safe_open import (
    BACKUP_FOLDER,
    KEEP_BACKUPS,
    backups,
    open_store,
    open_store_or_memory,
)
from app.storage.store import Store

DAY = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def log_sets(store: Store, count: int) -> None:
    block = Block("floor-push-up", count, RepTarget(5, 5), parse_tempo("1-0-1-0"), 0, None)
    player = Player(compile_sets(SessionPlan("t", (block,))))
    player.start(0.0)
    session = store.begin_session(title="Floor", started_at=DAY)
    for index in range(count):
        player.advance(100.0 * (index + 1))
        logged = player.log_set(100.0 * (index + 1), SetResult(5, None))
        store.record_set(session.id, logged, DAY + timedelta(minutes=index))


def test_a_daily_backup_is_taken_once_a_day_and_rotated(tmp_path: Path) -> None:
    for day in range(KEEP_BACKUPS + 3):
        opened = open_store(tmp_path, DAY + timedelta(days=day))
        assert opened.notice is None
        opened.store.close()
    opened = open_store(tmp_path, DAY + timedelta(days=KEEP_BACKUPS + 2, hours=5))
    opened.store.close()
    daily = [p.name for p in backups(tmp_path / BACKUP_FOLDER)]
    assert len(daily) == KEEP_BACKUPS


def test_a_truncated_log_is_set_aside_and_the_newest_backup_restored(tmp_path: Path) -> None:
    opened = open_store(tmp_path, DAY)
    log_sets(opened.store, 3)
    opened.store.close()
    opened = open_store(tmp_path, DAY + timedelta(days=1))  # today's backup holds the 3 sets
    log_sets(opened.store, 2)
    opened.store.close()
    log = tmp_path / "training-log.sqlite3"
    for side in ("-wal", "-shm"):
        Path(f"{log}{side}").unlink(missing_ok=True)
    damaged = log.read_bytes()[: 4096 * 2]
    log.write_bytes(damaged)
    opened = open_store(tmp_path, DAY + timedelta(days=2))
    assert opened.notice is not None
    assert "restored from the backup" in opened.notice
    assert len(opened.store.sets()) == 3
    assert opened.store.integrity_ok()
    opened.store.close()
    (kept,) = (tmp_path / "damaged").glob("*.sqlite3")
    assert kept.read_bytes() == damaged


def test_garbage_without_a_backup_starts_a_new_log_and_keeps_the_garbage(tmp_path: Path) -> None:
    log = tmp_path / "training-log.sqlite3"
    log.write_bytes(os.urandom(10_000))
    opened = open_store(tmp_path, DAY)
    assert opened.notice is not None
    assert "no sound backup" in opened.notice
    assert opened.store.sets() == []
    opened.store.close()
    assert len(list((tmp_path / "damaged").glob("*.sqlite3"))) == 1


def test_an_older_schema_is_backed_up_before_migrating(tmp_path: Path) -> None:
    log = tmp_path / "training-log.sqlite3"
    sqlite3.connect(log).close()  # an empty file at schema version 0
    open_store(tmp_path, DAY).store.close()
    assert [p.name for p in (tmp_path / BACKUP_FOLDER).glob("before-migration-*")] == [
        "before-migration-20261122-080000.sqlite3"
    ]


# --- a log that cannot be opened at all --------------------------------------------------------


def test_a_log_that_is_a_folder_gives_a_log_in_memory_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "training-log.sqlite3").mkdir()
    opened = open_store_or_memory(tmp_path, DAY)
    with opened.store as store:
        assert store.in_memory
        assert opened.unavailable == f"{tmp_path / 'training-log.sqlite3'} is a folder, not a file"
        log_sets(store, 2)
        assert len(store.sets()) == 2
    assert (tmp_path / "training-log.sqlite3").is_dir()  # left as it was


def test_a_data_folder_that_is_a_file_gives_a_log_in_memory(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder", encoding="utf-8")
    for folder in (tmp_path / "data", tmp_path / "data" / "deeper"):
        opened = open_store_or_memory(folder, DAY)
        opened.store.close()
        assert opened.store.in_memory
        assert opened.unavailable == f"{tmp_path / 'data'} is a file, not a folder"


def test_a_log_from_a_newer_app_gives_a_log_in_memory_and_is_left_alone(tmp_path: Path) -> None:
    log = tmp_path / "training-log.sqlite3"
    db = sqlite3.connect(log)
    db.execute("PRAGMA user_version = 99")
    db.close()
    opened = open_store_or_memory(tmp_path, DAY)
    opened.store.close()
    assert opened.unavailable is not None and "newer Tempo Trainer" in opened.unavailable
    db = sqlite3.connect(log)
    assert db.execute("PRAGMA user_version").fetchone() == (99,)
    db.close()
    assert not (tmp_path / "damaged").exists()


def test_a_log_that_opens_is_not_in_memory(tmp_path: Path) -> None:
    opened = open_store_or_memory(tmp_path, DAY)
    opened.store.close()
    assert not opened.store.in_memory and opened.unavailable is None
