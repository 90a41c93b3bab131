"""Sets read from a CSV (an export, or the sets rescued while the log refused them) into the log.

Each function runs inside the caller's transaction, on its connection.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from app.storage.records import ImportedSet, stored_time
from app.storage.store_schema import read_block_sizes


def import_sets(db: sqlite3.Connection, rows: Iterable[ImportedSet]) -> int:
    """Add imported sets; rows already in the log are skipped. Returns how many were added.

    A session the log already holds unfinished (sets rescued to a CSV while the log
    refused them) stays open, with its resume point moved past the imported sets, as if
    they had been logged there; once every set of its plan is held, it is finished.
    """
    added = 0
    touched: dict[int, tuple[int, ...]] = {}
    for row in rows:
        ended_at = stored_time(row.ended_at)
        db.execute(
            "INSERT INTO session (uid, title, started_at, ended_at, rehearsal)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET"
            " started_at = MIN(started_at, excluded.started_at),"
            " ended_at = CASE WHEN ended_at IS NULL THEN NULL"
            " ELSE MAX(ended_at, excluded.ended_at) END",
            (row.session_uid, row.session_title, ended_at, ended_at, int(row.rehearsal)),
        )
        session_id, open_sizes = db.execute(
            "SELECT id, CASE WHEN ended_at IS NULL THEN block_sizes END FROM session WHERE uid = ?",
            (row.session_uid,),
        ).fetchone()
        cursor = db.execute(
            "INSERT INTO set_log (session_id, block, set_number, variation,"
            " box_height_cm, tempo, target_reps, reps, reps_in_reserve, note,"
            " ended_at, role, form_flags, time_under_tension_s)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (session_id, block, set_number) DO NOTHING",
            (
                session_id,
                row.block,
                row.set_number,
                row.variation,
                row.box_height_cm,
                row.tempo,
                row.target_reps,
                row.reps,
                row.reps_in_reserve,
                row.note,
                ended_at,
                row.role,
                json.dumps(list(row.form_flags)),
                row.time_under_tension_s,
            ),
        )
        added += cursor.rowcount
        if open_sizes is not None:
            touched[int(session_id)] = read_block_sizes(open_sizes)
    for session_id, sizes in touched.items():
        _move_resume_point(db, session_id, sizes)
    return added


def count_new_sets(db: sqlite3.Connection, rows: Sequence[ImportedSet]) -> int:
    """How many of ``rows`` ``import_sets`` would add (a dry run: nothing is written)."""
    uids = list(dict.fromkeys(row.session_uid for row in rows))
    held: set[tuple[str, int, int]] = set()
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found = db.execute(
            "SELECT se.uid, s.block, s.set_number FROM set_log s"
            f" JOIN session se ON se.id = s.session_id WHERE se.uid IN ({marks})",
            chunk,
        )
        held.update((str(uid), int(block), int(number)) for uid, block, number in found)
    keys = {(row.session_uid, row.block, row.set_number) for row in rows}
    return len(keys - held)


def _move_resume_point(db: sqlite3.Connection, session_id: int, sizes: Sequence[int]) -> None:
    """Past the open session's last held set, in its plan's order; finished once all are held.

    The order comes from the block sizes the session stored when it began; a session
    without them (no plan, or one that could not be read) is left as it was.
    """
    if not sizes:
        return
    held = db.execute(
        "SELECT block, set_number FROM set_log WHERE session_id = ?", (session_id,)
    ).fetchall()
    places = [
        sum(sizes[:block]) + set_number
        for block, set_number in held
        if block < len(sizes) and set_number <= sizes[block]
    ]
    if not places:
        return
    db.execute(
        "UPDATE session SET next_set = MAX(next_set, ?) WHERE id = ?", (max(places), session_id)
    )
    if len(set(places)) >= sum(sizes):
        db.execute(
            "UPDATE session SET ended_at = (SELECT MAX(ended_at) FROM set_log"
            " WHERE session_id = ?) WHERE id = ?",
            (session_id, session_id),
        )
