"""The coach's input read from the log: recent sets, rehearsals left out (no numpy here).

Kept apart from ``progress_data`` so that the home screen can ask the coach at start-up
without importing numpy.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from app.domain.progression import RECENT_DAYS, TrainedSet
from app.storage.store import Store


def coach_history(store: Store, days: int = 4 * RECENT_DAYS) -> list[TrainedSet]:
    """Non-rehearsal sets from the ``days`` before the newest one, oldest first."""
    with store.reader() as db:
        newest = db.execute(
            "SELECT MAX(s.ended_at) FROM set_log s JOIN session se ON se.id = s.session_id"
            " WHERE se.rehearsal = 0"
        ).fetchone()[0]
        if newest is None:
            return []
        since = (datetime.fromisoformat(newest) - timedelta(days=days + 1)).isoformat()
        rows = db.execute(
            "SELECT s.session_id, s.ended_at, s.variation, s.box_height_cm, s.tempo,"
            " s.target_reps, s.reps, s.form_flags FROM set_log s"
            " JOIN session se ON se.id = s.session_id"
            " WHERE se.rehearsal = 0 AND s.ended_at >= ?"
            " ORDER BY s.ended_at, s.session_id, s.block, s.set_number",
            (since[:10],),
        ).fetchall()
    return [
        TrainedSet(
            session_id=int(r[0]),
            ended_at=str(r[1]),
            variation_id=str(r[2]),
            box_height_cm=None if r[3] is None else float(r[3]),
            tempo=str(r[4]),
            target_reps=str(r[5]),
            reps=int(r[6]),
            form_flags=tuple(json.loads(str(r[7]))),
        )
        for r in rows
    ]
