"""What the home screen shows, read from the store and the plan folders."""

from __future__ import annotations

from datetime import date

from app.domain.plan import parse_plan
from app.domain.problems import InputError
from app.domain.progression import Suggestion, suggest
from app.domain.session_summary import format_duration, summarize
from app.gui.services import Services
from app.storage.coach_input import coach_history
from app.storage.plan_files import PlanFile, list_plans
from app.storage.store import SessionRecord

_SESSIONS_TO_SCAN = 20


def plans(services: Services) -> list[PlanFile]:
    return list_plans(services.plan_folders, services.catalog)


def last_session_text(services: Services) -> str:
    """The newest session with logged sets, at a glance."""
    store = services.store
    for record in store.newest_sessions(_SESSIONS_TO_SCAN):
        rows = store.sets(session_id=record.id)
        if not rows:
            continue
        summary = summarize(rows)
        when = f"{record.started_at:%Y-%m-%d %H:%M}"
        mark = " · rehearsal" if record.rehearsal else ""
        # Sets imported from another app carry no time under tension: say nothing of it.
        tension = summary.time_under_tension_s
        held = f" · {format_duration(tension)} under tension" if tension > 0 else ""
        return (
            f"{record.title}\n{when}{mark}\n{summary.sets} sets · {summary.total_reps} reps{held}"
        )
    return "No sessions logged yet."


def resume_text(services: Services, record: SessionRecord) -> str:
    """The offer to resume an unfinished session, saying where it stopped."""
    try:
        total = parse_plan(record.plan_text, services.catalog).total_sets
    except InputError:
        return (
            f"“{record.title}” was not finished, but its plan can no longer be read. "
            "Its logged sets are kept: discard it to go on."
        )
    return (
        f"“{record.title}” was not finished: it stopped before set "
        f"{min(record.next_set + 1, total)} of {total}. Your logged sets are kept."
    )


def coach_advice(services: Services, today: date | None = None) -> list[Suggestion]:
    """Today's session from the coach, block by block (rehearsals are not part of its input)."""
    day = today or services.wall_clock().date()
    history = coach_history(services.store, day)
    return suggest(history, services.catalog, services.settings.equipment, today=day)
