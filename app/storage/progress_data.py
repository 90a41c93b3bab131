"""What the progress charts and the history table read from the log, with SQL and numpy.

``load_set_table`` reads every non-rehearsal set once, as numpy columns, with the load model
applied to each; the charts' series are sliced from those columns (``progress_series``), so
switching variation or range never goes back to the database. Rehearsal sessions (played
at another speed) are left out of charts and advice. Reads go through a short-lived
connection of their own (``Store.reader``), so the progress screen can read on a thread;
corrections of sets are ``Store`` methods.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import numpy as np
import numpy.typing as npt

from app.domain.limits import MAX_BOX_HEIGHT_CM
from app.domain.load_model import (
    DEFAULT_STATURE_CM,
    LOADED_ID,
    box_share,
    equivalent_box_height_cm,
    estimate_load,
)
from app.domain.variation import Variation
from app.storage.store import Store, StoreError

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

DAY_S = 86_400
# Where a loaded push up sits on the ladder chart: below the floor, because it is harder.
LOADED_LADDER_CM = -10.0


class TimeRange(Enum):
    """The ranges the charts offer, with their length in days (None: everything)."""

    FOUR_WEEKS = ("4 weeks", 28)
    THREE_MONTHS = ("3 months", 91)
    ONE_YEAR = ("1 year", 365)
    ALL = ("All", None)

    @property
    def label(self) -> str:
        return str(self.value[0])

    @property
    def days(self) -> int | None:
        days = self.value[1]
        return None if days is None else int(days)

    def start_s(self, now_s: float) -> float:
        """The earliest moment shown, in epoch seconds."""
        return -np.inf if self.days is None else now_s - self.days * DAY_S


@dataclass(frozen=True, slots=True)
class SetTable:
    """Every non-rehearsal set as columns, oldest first; ``variations`` names the codes."""

    set_id: Ints
    session_id: Ints
    t_s: Floats
    variation: Ints
    variations: tuple[str, ...]
    box_height_cm: Floats
    reps: Ints
    time_under_tension_s: Floats
    flagged: Bools
    share: Floats
    ladder_cm: Floats

    def __len__(self) -> int:
        return len(self.set_id)

    def code(self, variation_id: str) -> int:
        """The code of a variation; -1 when it was never trained."""
        return self.variations.index(variation_id) if variation_id in self.variations else -1

    def trained_variations(self) -> list[str]:
        """Variations with sets, the most recently trained first."""
        if not len(self):
            return []
        last = np.full(len(self.variations), -1, dtype=np.int64)
        np.maximum.at(last, self.variation, np.arange(len(self)))
        return [self.variations[i] for i in np.argsort(-last) if last[i] >= 0]


# --- reading ------------------------------------------------------------------------------------


_COLUMNS_SQL = """
    SELECT group_concat(s.id), group_concat(s.session_id), group_concat(substr(s.ended_at, 1, 19)),
           group_concat({variation_code}),
           group_concat(CAST(round(IFNULL(s.box_height_cm, -1) * 10) AS INTEGER)),
           group_concat(s.reps), group_concat(CAST(round(s.time_under_tension_s * 10) AS INTEGER)),
           group_concat(s.form_flags != '[]')
    FROM set_log s JOIN session se ON se.id = s.session_id
    WHERE se.rehearsal = 0 {where}
"""


def load_set_table(
    store: Store,
    catalog: Mapping[str, Variation],
    stature_cm: float = DEFAULT_STATURE_CM,
    *,
    variation_id: str | None = None,
    since_s: float | None = None,
) -> SetTable:
    """Every non-rehearsal set, with the load model applied to each one.

    Times are the person's wall-clock time (as logged, offset dropped) counted as seconds
    since 1970: a session at 18:00 shows at 18:00 wherever the log is opened.
    ``variation_id`` and ``since_s`` keep only that variation's sets, or those from that
    moment on (read through the ``set_log_variation`` index: a few milliseconds).

    Each column comes back from SQLite as one comma-joined text and is parsed by numpy:
    far quicker than building a Python tuple per set.
    """
    where, params = "", []
    with store.reader() as db:
        if variation_id is None:
            names = tuple(str(row[0]) for row in db.execute(_VARIATIONS_SQL))
        else:
            names = (variation_id,)
            where += " AND s.variation = ?"
            params.append(variation_id)
        if since_s is not None and np.isfinite(since_s):
            # ISO text sorts as time: a longer text with the same wall-clock prefix is later.
            where += " AND s.ended_at >= ?"
            params.append(_iso_wall_clock(since_s))
        code = " ".join(f"WHEN ? THEN {index}" for index in range(len(names)))
        sql = _COLUMNS_SQL.format(
            variation_code=f"CASE s.variation {code} END" if names else "0", where=where
        )
        columns = db.execute(sql, (*names, *params)).fetchone()
    if columns[0] is None:
        return _empty_table(names)
    ids, sessions, codes, box_mm, reps, tut_ds, flagged = (
        np.fromstring(text, dtype=np.int64, sep=",")
        for index, text in enumerate(columns)
        if index != 2
    )
    local = np.array(columns[2].split(","), dtype="datetime64[s]").astype(np.int64)
    # Oldest first; equal times (imports) keep the id order.
    order = np.lexsort((ids, local))
    box = np.where(box_mm < 0, np.nan, box_mm / 10.0)[order]
    codes = codes[order]
    share, ladder = _loads(names, codes, box, catalog, stature_cm)
    return SetTable(
        set_id=ids[order],
        session_id=sessions[order],
        t_s=local[order].astype(np.float64),
        variation=codes,
        variations=names,
        box_height_cm=box,
        reps=reps[order],
        time_under_tension_s=tut_ds[order] / 10.0,
        flagged=flagged[order].astype(np.bool_),
        share=share,
        ladder_cm=ladder,
    )


_VARIATIONS_SQL = "SELECT DISTINCT variation FROM set_log"
# The newest real set of one variation, found from the end of the set_log_variation index.
_NEWEST_SQL = """
    SELECT substr(s.ended_at, 1, 19), s.id FROM set_log s JOIN session se ON se.id = s.session_id
    WHERE s.variation = ? AND se.rehearsal = 0 ORDER BY s.ended_at DESC, s.id DESC LIMIT 1
"""


def trained_variations(store: Store) -> list[str]:
    """Variations with non-rehearsal sets, the most recently trained first.

    The same order as ``SetTable.trained_variations``, without reading the whole log.
    """
    with store.reader() as db:
        newest = []
        for (variation_id,) in db.execute(_VARIATIONS_SQL).fetchall():
            row = db.execute(_NEWEST_SQL, (variation_id,)).fetchone()
            if row is not None:
                newest.append((str(row[0]), int(row[1]), str(variation_id)))
    return [variation_id for *_, variation_id in sorted(newest, reverse=True)]


def _iso_wall_clock(t_s: float) -> str:
    return str(np.datetime64(int(np.floor(t_s)), "s"))


class SetTableCache:
    """The last table read, kept until the log changes: reopening the charts skips the SQL.

    SQLite's ``PRAGMA data_version`` on a connection of our own changes whenever any other
    connection commits (a logged set, an edit in the history), so a stale table is never
    served. Thread-safe: a screen's loader thread fills it while the GUI thread may ask.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._path: Path | None = None
        self._key: tuple[object, ...] | None = None
        self._table: SetTable | None = None

    def table(
        self, store: Store, catalog: Mapping[str, Variation], stature_cm: float = DEFAULT_STATURE_CM
    ) -> SetTable:
        with self._lock:
            key = (id(catalog), stature_cm, self._version(store))
            if self._table is None or key != self._key:
                self._table = load_set_table(store, catalog, stature_cm)
                self._key = key
            return self._table

    def cached(
        self, store: Store, catalog: Mapping[str, Variation], stature_cm: float = DEFAULT_STATURE_CM
    ) -> SetTable | None:
        """The kept table if the log has not changed since it was read; None otherwise."""
        with self._lock:
            key = (id(catalog), stature_cm, self._version(store))
            return self._table if self._table is not None and key == self._key else None

    def _version(self, store: Store) -> int:
        try:
            if self._db is None or self._path != store.path:
                self._close()
                # Checked from the screen's loader thread as well as the GUI thread.
                self._db = store.connect_reader(any_thread=True)
                self._path = store.path
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as error:
            raise StoreError(f"{store.path}: cannot open the training log: {error}") from None

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
        self._db, self._path, self._key, self._table = None, None, None, None


def _empty_table(names: tuple[str, ...]) -> SetTable:
    no_ints = np.zeros(0, dtype=np.int64)
    no_floats = np.zeros(0, dtype=np.float64)
    return SetTable(
        set_id=no_ints,
        session_id=no_ints,
        t_s=no_floats,
        variation=no_ints,
        variations=names,
        box_height_cm=no_floats,
        reps=no_ints,
        time_under_tension_s=no_floats,
        flagged=np.zeros(0, dtype=np.bool_),
        share=no_floats,
        ladder_cm=no_floats,
    )


def _loads(
    variations: tuple[str, ...],
    codes: Ints,
    box: Floats,
    catalog: Mapping[str, Variation],
    stature_cm: float,
) -> tuple[Floats, Floats]:
    """Share of body mass per set, and where the set sits on the box ladder.

    The shares are the load model's own (``estimate_load``, ``box_share``), asked once per
    variation and once per distinct box height (a log holds a handful), then spread over
    the sets.
    """
    fixed_share = np.full(len(variations) + 1, np.nan)
    fixed_ladder = np.full(len(variations) + 1, np.nan)
    uses_box = np.zeros(len(variations) + 1, dtype=np.bool_)
    for code, variation_id in enumerate(variations):
        variation = catalog.get(variation_id)
        if variation is None:
            continue
        uses_box[code] = variation.uses_box
        if variation.uses_box:
            continue  # a box set's load comes from its height, below
        fixed_share[code] = estimate_load(variation, None, stature_cm).share_of_body_mass
        fixed_ladder[code] = (
            LOADED_LADDER_CM
            if variation_id == LOADED_ID
            else equivalent_box_height_cm(fixed_share[code], stature_cm)
        )
    on_box = uses_box[codes] & ~np.isnan(box)
    height = np.clip(np.nan_to_num(box), 0.0, MAX_BOX_HEIGHT_CM)
    heights, which = np.unique(height[on_box], return_inverse=True)
    by_height = np.array([box_share(float(h), stature_cm) for h in heights], dtype=np.float64)
    share = fixed_share[codes]
    share[on_box] = by_height[which.reshape(-1)]
    ladder = np.where(on_box, height, fixed_ladder[codes])
    # A box set whose height was not recorded (imported) has no known load: NaN keeps it
    # off the load, ladder and volume charts instead of counting it as a floor push up.
    unknown = uses_box[codes] & np.isnan(box)
    return np.where(unknown, np.nan, share), np.where(unknown, np.nan, ladder)


# --- the history table ------------------------------------------------------------------------

HISTORY_COLUMNS = (
    "id",
    "session_id",
    "ended_at",
    "session_title",
    "variation",
    "box_height_cm",
    "set_number",
    "tempo",
    "target_reps",
    "reps",
    "reps_in_reserve",
    "note",
    "rehearsal",
)


def history_rows(store: Store) -> list[tuple[object, ...]]:
    """Every set (rehearsals too, marked), oldest first, in ``HISTORY_COLUMNS`` order."""
    with store.reader() as db:
        return db.execute(
            "SELECT s.id, s.session_id, s.ended_at, se.title, s.variation, s.box_height_cm,"
            " s.set_number, s.tempo, s.target_reps, s.reps, s.reps_in_reserve, s.note,"
            " se.rehearsal FROM set_log s JOIN session se ON se.id = s.session_id"
            " ORDER BY s.ended_at, s.session_id, s.block, s.set_number"
        ).fetchall()
