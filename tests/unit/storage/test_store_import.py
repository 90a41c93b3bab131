"""Imported sets into the log: new ones added, held ones skipped, an open session moved on
by the block sizes it kept when it began."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.storage.records import ImportedSet
from app.storage.store import Store
from app.storage.store_import import count_new_sets, import_sets
from tests.conftest import plan_text

PLAN = plan_text('variation = "floor-push-up"\nsets = 2\nreps = 5')


def row(uid: str, number: int, block: int = 0) -> ImportedSet:
    return ImportedSet(
        session_uid=uid,
        session_title="Imported",
        block=block,
        set_number=number,
        variation="floor-push-up",
        box_height_cm=None,
        tempo="3-1-1-0",
        target_reps="5",
        reps=5,
        reps_in_reserve=None,
        note="",
        ended_at=datetime(2026, 3, 1, 18, number, tzinfo=UTC),
    )


def begin(path: Path, block_sizes: tuple[int, ...]) -> str:
    """An open session as the app begins it, keeping its plan's block sizes; its uid."""
    with Store(path) as store:
        record = store.begin_session(
            title="Open",
            started_at=datetime(2026, 3, 1, 18, tzinfo=UTC),
            plan_text=PLAN,
            block_sizes=block_sizes,
        )
        return record.uid


@pytest.fixture
def log(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    path = tmp_path / "log.sqlite"
    Store(path).close()
    db = sqlite3.connect(path, isolation_level=None)
    yield db
    db.close()


def test_new_sets_are_added_and_held_ones_skipped(log: sqlite3.Connection) -> None:
    assert count_new_sets(log, [row("a", 1), row("a", 2)]) == 2
    assert import_sets(log, [row("a", 1), row("a", 2)]) == 2
    assert count_new_sets(log, [row("a", 2), row("a", 3), row("b", 1)]) == 2
    assert import_sets(log, [row("a", 2), row("a", 3), row("b", 1)]) == 2
    assert log.execute("SELECT COUNT(*) FROM session").fetchone()[0] == 2


def test_an_open_session_moves_on_and_finishes_once_every_set_is_held(
    log: sqlite3.Connection, tmp_path: Path
) -> None:
    uid = begin(tmp_path / "log.sqlite", (2,))
    import_sets(log, [row(uid, 1)])
    assert log.execute("SELECT next_set, ended_at FROM session").fetchone() == (1, None)
    import_sets(log, [row(uid, 2)])
    next_set, ended_at = log.execute("SELECT next_set, ended_at FROM session").fetchone()
    assert next_set == 2 and ended_at == "2026-03-01T18:02:00+00:00"


def test_an_open_session_without_block_sizes_stays_as_it_was(
    log: sqlite3.Connection, tmp_path: Path
) -> None:
    uid = begin(tmp_path / "log.sqlite", ())
    assert import_sets(log, [row(uid, 1)]) == 1
    assert log.execute("SELECT next_set, ended_at FROM session").fetchone() == (0, None)
