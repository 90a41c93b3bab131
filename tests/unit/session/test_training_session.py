"""One session in a real log: begun once, resumed at the right set, each set logged at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.audio.output import SilentOutput
from app.domain.plan import parse_plan
from app.domain.problems import InputError
from app.session.session_source import SessionSource, unfinished_source
from app.session.training_session import TrainingSession
from app.storage.catalog import Catalog
from app.storage.settings import Settings
from app.storage.store import Store
from tests.unit.session.helpers import PLAN, WallClock, play_one_set


def _session(store: Store, source: SessionSource, speed: float = 1.0) -> TrainingSession:
    return TrainingSession(
        source,
        store=store,
        settings=Settings(),
        output=SilentOutput(lambda: 0.0),
        speed=speed,
        wall_clock=WallClock(),
    )


def _source(catalog: Catalog) -> SessionSource:
    return SessionSource(parse_plan(PLAN, catalog), PLAN, "/plans/three.toml")


def test_a_new_session_is_begun_once_with_the_plan_text(tmp_path: Path, catalog: Catalog) -> None:
    with Store(tmp_path / "log.sqlite") as store:
        session = _session(store, _source(catalog), speed=2.0)
        session.begin()
        session.begin()
        record = store.unfinished_session()
        assert record is not None
        assert (record.title, record.plan_text, record.block_sizes, record.rehearsal) == (
            "Three floor sets",
            PLAN,
            (3,),
            True,
        )
        assert session.log.session_id == record.id
        assert len(store.sessions()) == 1


def test_a_logged_set_is_in_the_log_at_once(tmp_path: Path, catalog: Catalog) -> None:
    with Store(tmp_path / "log.sqlite") as store:
        session = _session(store, _source(catalog))
        session.begin()
        assert session.record(play_one_set(session.player, 0.0))
        assert [row.set_number for row in store.sets()] == [1]


def test_a_resumed_session_begins_at_the_set_after_the_logged_ones(
    tmp_path: Path, catalog: Catalog
) -> None:
    with Store(tmp_path / "log.sqlite") as store:
        first = _session(store, _source(catalog))
        first.begin()
        first.record(play_one_set(first.player, 0.0))
        first.record(play_one_set(first.player, 40.0))
        source = unfinished_source(store, catalog)
        assert source is not None and source.resumed is not None
        again = _session(store, source)
        again.begin()  # a resumed session is already open: no second one
        assert again.player.current.index == 2
        assert not again.all_logged
        assert again.log.session_id == first.log.session_id
        assert len(store.sessions()) == 1


def test_a_session_with_every_set_logged_has_nothing_left(tmp_path: Path, catalog: Catalog) -> None:
    with Store(tmp_path / "log.sqlite") as store:
        first = _session(store, _source(catalog))
        first.begin()
        for start in (0.0, 40.0, 80.0):
            first.record(play_one_set(first.player, start))
        source = unfinished_source(store, catalog)
        assert source is not None
        assert _session(store, source).all_logged


def test_nothing_to_resume_is_none_and_a_broken_plan_says_so(
    tmp_path: Path, catalog: Catalog
) -> None:
    with Store(tmp_path / "log.sqlite") as store:
        assert unfinished_source(store, catalog) is None
        store.begin_session(
            title="Broken",
            started_at=WallClock()(),
            plan_source="x.toml",
            plan_text="title = 3",
            rehearsal=False,
            speed=1.0,
        )
        with pytest.raises(InputError):
            unfinished_source(store, catalog)
