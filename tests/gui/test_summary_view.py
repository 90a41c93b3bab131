"""The summary's next steps: the coach's advice for what was just trained, none after a
rehearsal."""

from __future__ import annotations

from collections.abc import Callable

from app.gui.services import Services
from app.gui.summary_view import next_steps
from app.storage.store import Store
from tests.gui.test_coach_on_home import BOX, log_session


def test_next_steps_are_the_coachs_advice_for_the_variations_trained(
    make_services: Callable[..., Services], store: Store
) -> None:
    log_session(store, "2024-05-03", [12, 12, 12])
    services = make_services()
    steps = next_steps(services, [BOX], rehearsal=False)
    assert steps and all("Hands-elevated push up" in step for step in steps)
    assert next_steps(services, [BOX], rehearsal=True) == []
    assert next_steps(services, ["floor-push-up"], rehearsal=False) == []
