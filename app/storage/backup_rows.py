"""Checking every field of a backup's sessions and sets, as ``import`` checks a CSV row.

SQLite's own types are loose (text in an INTEGER column is kept as text), so a backup that
fits the schema can still hold rows that crash the app later: reps as text, a date that is
not one, ``form_flags`` that are not JSON. Each check returns the first thing wrong with a
row, or None.
"""

from __future__ import annotations

import json
import math
from datetime import datetime, timedelta

from app.domain.limits import (
    MAX_BLOCKS,
    MAX_BOX_HEIGHT_CM,
    MAX_LOGGED_REPS,
    MAX_NOTE_CHARS,
    MAX_REPS_IN_RESERVE,
    MAX_SETS_PER_BLOCK,
    MAX_TITLE_CHARS,
)
from app.domain.reps import parse_rep_target
from app.domain.set_role import ROLE_NAMES
from app.domain.tempo import TempoError, parse_tempo
from app.domain.variation import is_variation_id
from app.storage.store_schema import read_block_sizes

EARLIEST_YEAR = 1970
MAX_PLAN_TEXT = 200_000


def session_problem(row: tuple[object, ...], now: datetime | None) -> str | None:
    """What is wrong with a session row (``backup.SESSION_COLUMNS`` order), or None."""
    (
        id_,
        uid,
        title,
        source,
        text,
        started,
        ended,
        next_set,
        abandoned,
        rehearsal,
        speed,
        sizes,
    ) = row
    return (
        _whole(id_, "id", 1, 2**62)
        or _text(uid, "uid", 1, 64)
        or _text(title, "title", 1, MAX_TITLE_CHARS)
        or _text(source, "plan_source", 0, 4096)
        or _text(text, "plan_text", 0, MAX_PLAN_TEXT)
        or _moment(started, "started_at", now)
        or (None if ended is None else _moment(ended, "ended_at", now))
        or _whole(next_set, "next_set", 0, 1000)
        or _whole(abandoned, "abandoned", 0, 1)
        or _whole(rehearsal, "rehearsal", 0, 1)
        or _number(speed, "speed", 0.1, 20)
        or _block_sizes(sizes)
    )


def set_problem(row: tuple[object, ...], now: datetime | None) -> str | None:
    """What is wrong with a set row (``backup.SET_COLUMNS`` order), or None."""
    (
        id_,
        session_id,
        block,
        set_number,
        variation,
        box,
        tempo,
        target,
        reps,
        rir,
        flags,
        note,
        tut,
        ended,
        role,
    ) = row
    return (
        _whole(id_, "id", 1, 2**62)
        or _whole(session_id, "session_id", 1, 2**62)
        or _whole(block, "block", 0, MAX_BLOCKS - 1)
        or _whole(set_number, "set_number", 1, MAX_SETS_PER_BLOCK)
        or _variation(variation)
        or (None if box is None else _number(box, "box_height_cm", 0, MAX_BOX_HEIGHT_CM))
        or _tempo(tempo)
        or _target(target)
        or _whole(reps, "reps", 0, MAX_LOGGED_REPS)
        or (None if rir is None else _whole(rir, "reps_in_reserve", 0, MAX_REPS_IN_RESERVE))
        or _flags(flags)
        or _text(note, "note", 0, MAX_NOTE_CHARS)
        or _number(tut, "time_under_tension_s", 0, 100_000)
        or _moment(ended, "ended_at", now)
        or (None if role in ROLE_NAMES else f"role must be one of {', '.join(ROLE_NAMES)}")
    )


def _whole(value: object, name: str, low: int, high: int) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return f"{name} must be a whole number {low}-{high}"
    return None


def _number(value: object, name: str, low: float, high: float) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{name} must be a number"
    if not math.isfinite(value) or not low <= value <= high:
        return f"{name} must be {low:g}-{high:g}"
    return None


def _text(value: object, name: str, low: int, high: int) -> str | None:
    if not isinstance(value, str) or not low <= len(value) <= high:
        return f"{name} must be text of {low}-{high} characters"
    if any("\ud800" <= c <= "\udfff" for c in value):
        return f"{name} holds an unpaired surrogate, which is not text"
    return None


def _moment(value: object, name: str, now: datetime | None) -> str | None:
    if not isinstance(value, str):
        return f"{name} must be an ISO 8601 date and time"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return f"{name} {value[:40]!r} is not an ISO 8601 date and time"
    if moment.tzinfo is None:
        return f"{name} {value[:40]!r} needs its UTC offset"
    if moment.year < EARLIEST_YEAR:
        return f"{name} {value[:40]!r} is before {EARLIEST_YEAR}"
    if now is not None and moment > now + timedelta(days=1):
        return f"{name} {value[:40]!r} is in the future"
    return None


def _block_sizes(value: object) -> str | None:
    if not isinstance(value, str):
        return "block_sizes must be JSON text"
    try:
        sizes = json.loads(value)
    except (ValueError, RecursionError):
        sizes = None
    if sizes != [] and read_block_sizes(value) == ():
        return (
            f"block_sizes must be a JSON list of at most {MAX_BLOCKS} set counts"
            f" of 1-{MAX_SETS_PER_BLOCK}"
        )
    return None


def _variation(value: object) -> str | None:
    if not isinstance(value, str) or not is_variation_id(value) or len(value) > 60:
        return "variation must be a variation id"
    return None


def _tempo(value: object) -> str | None:
    if not isinstance(value, str):
        return "tempo must be text like 3-1-1-0"
    try:
        parse_tempo(value)
    except TempoError as error:
        return str(error)
    return None


def _target(value: object) -> str | None:
    if not isinstance(value, str):
        return "target_reps must be text like 10, 8-12 or max"
    try:
        parse_rep_target(value)
    except ValueError as error:
        return str(error)
    return None


def _flags(value: object) -> str | None:
    if not isinstance(value, str):
        return "form_flags must be JSON text"
    try:
        flags = json.loads(value)
    except (ValueError, RecursionError):
        return "form_flags must be a JSON list of words"
    if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        return "form_flags must be a JSON list of words"
    return None
