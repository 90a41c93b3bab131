"""What a session plays: a plan with its text and source, new or carried on from the log.

Home reads it to offer a resume without the player, its timeline or the sound.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.plan import SessionPlan, parse_plan
from app.storage.catalog import Catalog
from app.storage.store import SessionRecord, Store


@dataclass(frozen=True, slots=True)
class SessionSource:
    """A plan to play, with the text and source the log keeps for resuming it.

    ``resumed``: the unfinished session this carries on, or None for a new one.
    """

    plan: SessionPlan
    plan_text: str
    plan_source: str
    resumed: SessionRecord | None = None


def unfinished_source(store: Store, catalog: Catalog) -> SessionSource | None:
    """The session the log offers to resume, or None; InputError if its plan no longer parses."""
    record = store.unfinished_session()
    if record is None:
        return None
    plan = parse_plan(record.plan_text, catalog)
    return SessionSource(plan, record.plan_text, record.plan_source, resumed=record)
