"""What the summary shows: the session's sets, last time's, and the coach's next steps."""

from __future__ import annotations

from app.domain.set_role import SetRole
from app.gui import home_data
from app.gui.advice_text import advice_line
from app.gui.services import Services
from app.gui.session_run import SessionRun
from app.gui.summary_screen import SummaryScreen
from app.session.summary import summary_data
from app.storage.store import StoreError


def summary_screen(run: SessionRun, services: Services) -> SummaryScreen:
    """The summary of ``run``, as the log now holds it."""
    data = summary_data(run.session_log.rows(), services.store, services.catalog, run.session_id)
    return SummaryScreen(
        run.title,
        data.summary,
        data.comparisons,
        services.settings.units,
        rehearsal=run.rehearsal,
        next_steps=next_steps(services, data.trained, rehearsal=run.rehearsal),
    )


def next_steps(services: Services, trained: list[str], *, rehearsal: bool) -> list[str]:
    """The coach's advice for the variations just trained (none after a rehearsal)."""
    if rehearsal:
        return []
    try:
        advice = home_data.coach_advice(services)
    except (StoreError, ValueError):
        return []
    units, catalog = services.settings.units, services.catalog
    return [
        advice_line(s, catalog, units)
        for s in advice
        if s.from_variation in trained and s.role is SetRole.WORK
    ]
