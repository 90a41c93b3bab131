"""SessionLog: a refused set waits in memory, waiting sets go in in order, finish and abandon."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.domain.plan import parse_plan
from app.domain.player import LoggedSet, Player
from app.domain.timeline import compile_sets
from app.storage.catalog import Catalog
from app.storage.session_log import SessionLog
from app.storage.store import Store
from tests.fixtures.faults import LogTurnsReadOnly
from tests.unit.session.helpers import PLAN, START, WallClock, play_one_set

PLAN_TITLE = "Three floor sets"


def _three_sets(catalog: Catalog) -> list[LoggedSet]:
    player = Player(compile_sets(parse_plan(PLAN, catalog)))
    return [play_one_set(player, start, reps=n + 1) for n, start in enumerate((0.0, 40.0, 80.0))]


def _begin(log: SessionLog) -> None:
    log.begin(title="Three floor sets", plan_source="p", plan_text=PLAN, rehearsal=False, speed=1)


def test_a_refused_set_waits_in_memory_and_goes_in_first_once_the_log_takes_it(
    tmp_path: Path, catalog: Catalog
) -> None:
    sets = _three_sets(catalog)
    Store(tmp_path / "log.sqlite").close()
    store = LogTurnsReadOnly(tmp_path / "log.sqlite")
    with store:
        log = SessionLog(store, WallClock())
        _begin(log)
        assert log.record(sets[0])
        assert not log.record(sets[1])
        assert log.problem is not None and "readonly" in log.problem
        assert [row.reps for row in log.unsaved_rows()] == [2]
        assert [row.reps for row in log.rows()] == [1, 2]
        assert not log.finish()  # sets wait: the session stays open for a resume
        assert store.unfinished_session() is not None
        store.writable_again()
        assert log.record(sets[2])
        assert log.saved and log.problem is None
        assert [row.reps for row in store.sets()] == [1, 2, 3]
        assert log.finish()
        assert store.unfinished_session() is None


def test_a_session_the_log_refuses_keeps_its_sets_under_an_id_of_its_own(
    tmp_path: Path, catalog: Catalog
) -> None:
    with Store(tmp_path / "log.sqlite") as store:
        store._db.execute("PRAGMA query_only = ON")
        log = SessionLog(store, WallClock())
        _begin(log)
        assert log.session_id is None and log.uid
        assert not log.record(_three_sets(catalog)[0])
        (row,) = log.unsaved_rows()
        assert (row.session_uid, row.session_title, row.set_number) == (log.uid, PLAN_TITLE, 1)


def test_abandon_stops_the_offer_to_resume_and_keeps_the_sets(
    tmp_path: Path, catalog: Catalog
) -> None:
    with Store(tmp_path / "log.sqlite") as store:
        log = SessionLog(store, WallClock())
        _begin(log)
        log.record(_three_sets(catalog)[0])
        assert log.abandon()
        assert store.unfinished_session() is None
        assert len(store.sets()) == 1


def test_a_wall_clock_set_back_never_logs_a_set_before_the_one_before(
    tmp_path: Path, catalog: Catalog
) -> None:
    sets = _three_sets(catalog)
    with Store(tmp_path / "log.sqlite") as store:
        log = SessionLog(store, WallClock())
        _begin(log)
        log.record(sets[0], START + timedelta(hours=1))
        log.record(sets[1], START)  # the clock went back an hour
        first, second = store.sets()
        assert second.ended_at >= first.ended_at


def test_a_resumed_session_logs_no_earlier_than_its_newest_set(
    tmp_path: Path, catalog: Catalog
) -> None:
    sets = _three_sets(catalog)
    with Store(tmp_path / "log.sqlite") as store:
        log = SessionLog(store, WallClock())
        _begin(log)
        log.record(sets[0], START + timedelta(hours=1))
        record = store.unfinished_session()
        assert record is not None
        again = SessionLog(store, WallClock())
        again.resume(record)
        again.record(sets[1], START)
        assert [row.ended_at for row in store.sets()][1] >= store.sets()[0].ended_at
