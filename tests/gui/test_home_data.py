"""What home shows, read from the log: the last session, the resume offer, the coach's advice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from app.gui.home_data import coach_advice, last_session_text, plans, resume_text
from app.gui.services import Services
from app.storage.store import Store
from tests.conftest import plan_text
from tests.fixtures.coach_histories import BOX, B, imported, session


def test_an_empty_log(make_services: Callable[..., Services]) -> None:
    services = make_services()
    assert last_session_text(services) == "No sessions logged yet."
    assert coach_advice(services) == []
    assert plans(services)  # the shipped plans


def test_the_last_session_and_the_advice_after_it(
    make_services: Callable[..., Services], store: Store
) -> None:
    store.import_sets(imported(session(2, B(BOX, [12, 12, 12], 45))))
    services = make_services()
    title, _when, counts = last_session_text(services).splitlines()
    assert title == "Logged session" and counts == "3 sets · 36 reps"
    (advice,) = coach_advice(services, today=date(2026, 3, 20))
    assert advice.box_height_cm == 35


def test_the_last_session_is_the_newest_with_sets_whatever_order_it_was_logged_in(
    make_services: Callable[..., Services], store: Store
) -> None:
    store.import_sets(imported(session(2, B(BOX, [12, 12, 12], 45))))
    store.import_sets(imported(session(9, B(BOX, [8, 8], 50))))  # an older session, added later
    services = make_services()
    newer = datetime(2026, 3, 19, 18, 0, tzinfo=UTC)  # a day after the newest logged sets
    store.begin_session(title="Started, nothing logged", started_at=newer)
    title, _when, counts = last_session_text(services).splitlines()
    assert (title, counts) == ("Logged session", "3 sets · 36 reps")


def test_the_resume_offer_says_where_it_stopped(
    make_services: Callable[..., Services], store: Store
) -> None:
    services = make_services()
    text = plan_text('variation = "floor-push-up"\nsets = 3\nreps = 5', title="Floor")
    record = store.begin_session(
        title="Floor", started_at=services.wall_clock(), plan_text=text, plan_source="p.toml"
    )
    assert "stopped before set 1 of 3" in resume_text(services, record)
    broken = store.begin_session(title="Old", started_at=services.wall_clock(), plan_text="x = [")
    assert "its plan can no longer be read" in resume_text(services, broken)
