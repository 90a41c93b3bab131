"""The log's schema: each migration runs once and fills what it adds from the rows there."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.storage.store import SCHEMA_VERSION, Store
from app.storage.store_schema import plan_block_sizes, read_block_sizes
from tests.fixtures.old_logs import TWO_BLOCKS, write_log_at_schema_2

T0 = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("plan_text", "sizes"),
    [
        (TWO_BLOCKS, (2, 2)),
        ("", ()),  # an imported session has no plan
        ("not a plan [", ()),
        ('title = "x"\n[[block]]\nsets = 0\n', ()),
        ('title = "x"\n[[block]]\nsets = 2\n[[block]]\nreps = 5\n', ()),  # one block unknown
        ('title = "x"\nblock = 3\n', ()),
    ],
)
def test_an_old_session_gets_the_block_sizes_its_plan_text_tells(
    tmp_path: Path, plan_text: str, sizes: tuple[int, ...]
) -> None:
    path = tmp_path / "old.sqlite3"
    write_log_at_schema_2(path, T0)
    db = sqlite3.connect(path)
    db.execute("UPDATE session SET plan_text = ?", (plan_text,))
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        (session,) = store.sessions()
        assert session.block_sizes == sizes
        assert plan_block_sizes(plan_text) == sizes


def test_a_migrated_log_is_not_migrated_again(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    write_log_at_schema_2(path, T0)
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE session SET block_sizes = '[5]'")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.sessions()[0].block_sizes == (5,)


@pytest.mark.parametrize("held", ["[0]", "[21]", "[true]", '"2,2"', "{", "[2.5]"])
def test_sizes_the_log_cannot_hold_read_as_none(held: str) -> None:
    assert read_block_sizes(held) == ()
