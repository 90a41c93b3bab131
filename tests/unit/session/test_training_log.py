"""Opening the log safely: a repair is said, and sets rescued to a CSV come back first."""

from __future__ import annotations

from pathlib import Path

from app.audio.output import SilentOutput
from app.domain.plan import parse_plan
from app.session.session_source import SessionSource
from app.session.training_log import open_training_log
from app.session.training_session import TrainingSession
from app.session.unsaved_sets import UnsavedCopy
from app.storage.catalog import Catalog
from app.storage.data_dir import store_path
from app.storage.safe_open import open_store
from app.storage.settings import Settings
from tests.fixtures.faults import LogTurnsReadOnly
from tests.unit.session.helpers import PLAN, START, WallClock, play_one_set


def test_a_fresh_log_opens_with_nothing_to_say(tmp_path: Path) -> None:
    opened, notices = open_training_log(open_store, tmp_path / "data", START)
    with opened.store:
        assert notices == []
        assert opened.store.sessions() == []


def test_a_refused_set_goes_to_the_rescue_csv_and_comes_back_on_the_next_open(
    tmp_path: Path, catalog: Catalog
) -> None:
    data = tmp_path / "data"
    open_store(data, START).store.close()
    with LogTurnsReadOnly(store_path(data)) as store:
        session = TrainingSession(
            SessionSource(parse_plan(PLAN, catalog), PLAN, "three.toml"),
            store=store,
            settings=Settings(),
            output=SilentOutput(lambda: 0.0),
            speed=1.0,
            wall_clock=WallClock(),
        )
        session.begin()
        assert session.record(play_one_set(session.player, 0.0))
        assert not session.record(play_one_set(session.player, 40.0))
        assert session.log.problem is not None
        copy = UnsavedCopy((data,), data, WallClock())
        assert copy.keep(session.log.unsaved_rows()) is not None

    opened, notices = open_training_log(open_store, data, START)
    with opened.store as reopened:
        assert len(notices) == 1 and "1 set" in notices[0]
        assert [row.set_number for row in reopened.sets()] == [1, 2]
        record = reopened.unfinished_session()
        assert record is not None and record.next_set == 2
    # read once: a second start adds nothing
    opened, notices = open_training_log(open_store, data, START)
    opened.store.close()
    assert notices == []
