"""The progress screen's reading of the whole log, on a thread of its own."""

from __future__ import annotations

import threading
from collections.abc import Mapping

from app.domain.variation import Variation
from app.storage.progress_data import SetTable, SetTableCache, load_set_table
from app.storage.store import Store


class TableLoader:
    """Reads the whole log's table on a thread once ``start`` is called; ``result`` waits.

    SQLite lets go of the GIL while it reads, so the screen stays responsive meanwhile. A
    table kept by the cache is used as it is, with no thread.
    """

    def __init__(
        self,
        store: Store,
        catalog: Mapping[str, Variation],
        stature_cm: float,
        tables: SetTableCache | None,
        kept: SetTable | None,
    ) -> None:
        self._table = kept
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._source = (store, catalog, stature_cm, tables)

    def start(self) -> None:
        if self._table is None and self._error is None and self._thread is None:
            self._thread = threading.Thread(target=self._load, name="progress-load", daemon=True)
            self._thread.start()

    def _load(self) -> None:
        store, catalog, stature_cm, tables = self._source
        try:
            if tables is None:
                self._table = load_set_table(store, catalog, stature_cm)
            else:
                self._table = tables.table(store, catalog, stature_cm)
        except BaseException as error:  # handed to the GUI thread, which raises it
            self._error = error

    def result(self) -> SetTable:
        self.start()
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._table is not None
        return self._table
