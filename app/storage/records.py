"""What the training log hands out: sessions and sets as records, their times as datetimes.

Rows become records here, by column name, and times become ``datetime`` with their UTC
offset: nobody past the store slices ISO text or indexes a row by number.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from app.storage.store_schema import read_block_sizes


class BadTimeError(ValueError):
    """A time in the log that is not ISO 8601 with its UTC offset."""


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One session of the log, as resume and the home screen see it."""

    id: int
    uid: str
    title: str
    plan_source: str
    plan_text: str
    started_at: datetime
    ended_at: datetime | None
    next_set: int
    rehearsal: bool
    speed: float
    block_sizes: tuple[int, ...] = ()
    """How many sets each block of its plan holds; empty for a session without a plan."""


@dataclass(frozen=True, slots=True)
class SetRecord:
    """One logged set, as history shows it."""

    id: int
    session_id: int
    session_uid: str
    session_title: str
    block: int
    set_number: int
    variation: str
    box_height_cm: float | None
    tempo: str
    target_reps: str
    reps: int
    reps_in_reserve: int | None
    form_flags: tuple[str, ...]
    note: str
    time_under_tension_s: float
    ended_at: datetime
    rehearsal: bool
    role: str = "work"


@dataclass(frozen=True, slots=True)
class ImportedSet:
    """A set read from a CSV file, ready to be stored."""

    session_uid: str
    session_title: str
    block: int
    set_number: int
    variation: str
    box_height_cm: float | None
    tempo: str
    target_reps: str
    reps: int
    reps_in_reserve: int | None
    note: str
    ended_at: datetime
    rehearsal: bool = False
    role: str = "work"
    form_flags: tuple[str, ...] = ()
    time_under_tension_s: float = 0.0


def stored_time(moment: datetime) -> str:
    """How the log writes a time: ISO 8601 to the second, with the offset the clock showed."""
    if moment.tzinfo is None:
        raise ValueError("store times must carry their UTC offset")
    return moment.isoformat(timespec="seconds")


def read_time(text: object) -> datetime:
    """A time as the log holds it; BadTimeError if it is not one with its UTC offset."""
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        raise BadTimeError(f"{text!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise BadTimeError(f"{text!r} has no UTC offset")
    return moment


def session_record(row: sqlite3.Row) -> SessionRecord:
    """A ``session`` row (selected by column name) as a record."""
    ended = row["ended_at"]
    return SessionRecord(
        id=int(row["id"]),
        uid=str(row["uid"]),
        title=str(row["title"]),
        plan_source=str(row["plan_source"]),
        plan_text=str(row["plan_text"]),
        started_at=read_time(row["started_at"]),
        ended_at=None if ended is None else read_time(ended),
        next_set=int(row["next_set"]),
        rehearsal=bool(row["rehearsal"]),
        speed=float(row["speed"]),
        block_sizes=read_block_sizes(row["block_sizes"], str(row["plan_text"])),
    )


def set_record(row: sqlite3.Row) -> SetRecord:
    """A ``set_log`` row joined to its session (``session_uid``, ``session_title``,
    ``rehearsal``) as a record."""
    box, rir = row["box_height_cm"], row["reps_in_reserve"]
    return SetRecord(
        id=int(row["id"]),
        session_id=int(row["session_id"]),
        session_uid=str(row["session_uid"]),
        session_title=str(row["session_title"]),
        block=int(row["block"]),
        set_number=int(row["set_number"]),
        variation=str(row["variation"]),
        box_height_cm=None if box is None else float(box),
        tempo=str(row["tempo"]),
        target_reps=str(row["target_reps"]),
        reps=int(row["reps"]),
        reps_in_reserve=None if rir is None else int(rir),
        form_flags=tuple(str(flag) for flag in json.loads(str(row["form_flags"]))),
        note=str(row["note"]),
        time_under_tension_s=float(row["time_under_tension_s"]),
        ended_at=read_time(row["ended_at"]),
        rehearsal=bool(row["rehearsal"]),
        role=str(row["role"]),
    )
