"""The coach's input read from the log: recent sets, rehearsals left out (no numpy here).

Kept apart from ``progress_data`` so that the home screen can ask the coach at start-up
without importing numpy. Each set carries its block, role, reps in reserve, whether its
session was finished, and its block's rest from the plan the session stored (imported
sessions have none: the coach then uses the variation's default).
"""

from __future__ import annotations

import json
import tomllib
from datetime import date, datetime, timedelta

from app.domain.progression import HISTORY_DAYS, TrainedSet
from app.storage.store import Store


def coach_history(store: Store, today: date, days: int = HISTORY_DAYS) -> list[TrainedSet]:
    """Non-rehearsal sets from the ``days`` before the newest one up to tomorrow, oldest first.

    Sets dated after tomorrow are kept (the coach leaves them out and says so), but they do
    not move the window: a clock once set to 2062 must not hide the real training.
    """
    latest = (today + timedelta(days=2)).isoformat()
    with store.reader() as db:
        newest = db.execute(
            "SELECT MAX(s.ended_at) FROM set_log s JOIN session se ON se.id = s.session_id"
            " WHERE se.rehearsal = 0 AND s.ended_at < ?",
            (latest,),
        ).fetchone()[0]
        if newest is None:
            return []
        since = (datetime.fromisoformat(newest) - timedelta(days=days + 1)).isoformat()
        rows = db.execute(
            "SELECT s.session_id, s.ended_at, s.variation, s.box_height_cm, s.tempo,"
            " s.target_reps, s.reps, s.form_flags, s.block, s.role, s.reps_in_reserve,"
            " se.ended_at IS NOT NULL, se.plan_text FROM set_log s"
            " JOIN session se ON se.id = s.session_id"
            " WHERE se.rehearsal = 0 AND s.ended_at >= ?"
            " ORDER BY s.ended_at, s.session_id, s.block, s.set_number",
            (since[:10],),
        ).fetchall()
    rests: dict[str, list[tuple[float | None, float | None]]] = {}
    out = []
    for r in rows:
        plan = str(r[12] or "")
        if plan not in rests:
            rests[plan] = _block_rests(plan)
        blocks = rests[plan]
        block = int(r[8])
        rest_s, reset_s = blocks[block] if block < len(blocks) else (None, None)
        out.append(
            TrainedSet(
                session_id=int(r[0]),
                ended_at=str(r[1]),
                variation_id=str(r[2]),
                box_height_cm=None if r[3] is None else float(r[3]),
                tempo=str(r[4]),
                target_reps=str(r[5]),
                reps=int(r[6]),
                form_flags=tuple(json.loads(str(r[7]))),
                block=block,
                role=str(r[9]),
                reps_in_reserve=None if r[10] is None else int(r[10]),
                rest_s=rest_s,
                reset_s=reset_s,
                session_finished=bool(r[11]),
            )
        )
    return out


def _block_rests(plan_text: str) -> list[tuple[float | None, float | None]]:
    """Each block's ``rest_s`` and ``reset_s`` from a stored plan (empty if unreadable)."""
    try:
        blocks = tomllib.loads(plan_text).get("block") if plan_text else None
    except tomllib.TOMLDecodeError:
        return []
    if not isinstance(blocks, list):
        return []
    return [(_seconds(b, "rest_s"), _seconds(b, "reset_s")) for b in blocks]


def _seconds(block: object, key: str) -> float | None:
    value = block.get(key) if isinstance(block, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 0 <= value <= 600 else None
