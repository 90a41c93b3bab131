"""The progress screen's table, read on a thread of its own and handed over by ``result``."""

from __future__ import annotations

from typing import cast

import pytest

from app.gui.progress.table_loader import TableLoader
from app.storage.catalog import Catalog
from app.storage.progress_data import SetTable, SetTableCache, load_set_table
from app.storage.store import Store
from tests.fixtures.coach_histories import BOX, B, imported, session


def test_the_table_is_read_on_a_thread_and_waited_for(store: Store, catalog: Catalog) -> None:
    store.import_sets(imported(session(2, B(BOX, [10, 9], 45))))
    loader = TableLoader(store, catalog, 175.0, None, None)
    loader.start()
    loader.start()  # once only
    table = loader.result()
    assert list(table.reps) == [10, 9]


def test_a_kept_table_is_used_as_it_is(store: Store, catalog: Catalog) -> None:
    kept = load_set_table(store, catalog)
    assert TableLoader(store, catalog, 175.0, None, kept).result() is kept


class BrokenCache:
    def table(self, *args: object) -> SetTable:
        raise OSError("disk I/O error")


def test_a_failed_read_is_raised_where_the_result_is_asked_for(
    store: Store, catalog: Catalog
) -> None:
    loader = TableLoader(store, catalog, 175.0, cast(SetTableCache, BrokenCache()), None)
    loader.start()
    with pytest.raises(OSError, match="disk I/O error"):
        loader.result()
