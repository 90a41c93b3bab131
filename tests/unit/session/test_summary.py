"""The summary: the session's totals, and each variation by name against its last session."""

from __future__ import annotations

from pathlib import Path

from app.audio.output import SilentOutput
from app.domain.plan import parse_plan
from app.session.session_source import SessionSource
from app.session.summary import summary_data
from app.session.training_session import TrainingSession
from app.storage.catalog import Catalog
from app.storage.settings import Settings
from app.storage.store import Store
from tests.unit.session.helpers import PLAN, WallClock, play_one_set


def _train(store: Store, catalog: Catalog, reps: int) -> TrainingSession:
    session = TrainingSession(
        SessionSource(parse_plan(PLAN, catalog), PLAN, "three.toml"),
        store=store,
        settings=Settings(),
        output=SilentOutput(lambda: 0.0),
        speed=1.0,
        wall_clock=WallClock(),
    )
    session.begin()
    for start in (0.0, 40.0, 80.0):
        session.record(play_one_set(session.player, start, reps=reps))
    session.log.finish()
    return session


def test_a_first_session_has_totals_and_nothing_to_compare(
    tmp_path: Path, catalog: Catalog
) -> None:
    with Store(tmp_path / "log.sqlite") as store:
        session = _train(store, catalog, reps=2)
        data = summary_data(session.log.rows(), store, catalog, session.log.session_id)
        assert data.trained == ["floor-push-up"]
        assert data.comparisons == [(catalog["floor-push-up"].name, None)]
        assert data.summary.by_variation[0].reps == 6


def test_a_second_session_is_compared_with_the_first(tmp_path: Path, catalog: Catalog) -> None:
    with Store(tmp_path / "log.sqlite") as store:
        _train(store, catalog, reps=2)
        second = _train(store, catalog, reps=3)
        data = summary_data(second.log.rows(), store, catalog, second.log.session_id)
        ((name, comparison),) = data.comparisons
        assert name == catalog["floor-push-up"].name
        assert comparison is not None
        assert (comparison.reps_now, comparison.reps_before, comparison.reps_change) == (9, 6, 3)
