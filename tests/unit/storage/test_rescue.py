"""Rescued CSVs are added back at start: once, into the right log, and resume follows them.

Every CSV here is written by the code the front ends use when the log refuses sets
(``SessionLog`` keeps them, ``save_somewhere`` writes them under ``unsaved_csv_name``), from a
real SQLite log that turned read-only mid-session.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.plan import parse_plan
from app.domain.player import Player, SetResult
from app.domain.timeline import compile_sets
from app.storage.catalog import Catalog
from app.storage.data_dir import store_path
from app.storage.history_csv import parse_csv
from app.storage.log_export import UNSAVED_NAME, save_somewhere, unsaved_csv_name
from app.storage.rescue import IMPORTED_SUFFIX, import_rescued, rescue_folders
from app.storage.session_log import SessionLog
from app.storage.store import Store
from tests.conftest import plan_text
from tests.fixtures.faults import LogTurnsReadOnly

PLAN = plan_text(
    """
    variation = "floor-push-up"
    sets = 2
    reps = 5
    tempo = "1-0-1-0"
    rest_s = 0
    """,
    """
    variation = "wall-push-up"
    sets = 3
    reps = 10
    tempo = "1-0-1-0"
    rest_s = 0
    """,
    title="Two blocks",
)
T0 = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)


class Wall:
    """A wall clock a minute further on at every read."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def log(data_dir: Path) -> Iterator[Store]:
    """The log at the next start, writable again."""
    Store(store_path(data_dir)).close()
    yield (store := Store(store_path(data_dir)))
    store.close()


def refused_session(
    data_dir: Path,
    folder: Path,
    catalog: Catalog,
    *,
    saved: int = 2,
    done: int = 4,
    tag: bool = True,
    start: datetime = T0,
) -> Path:
    """Train ``done`` sets of PLAN while the log takes only ``saved``; rescue the rest to a CSV.

    Returns the CSV, written as the window does when it closes with sets the log refused.
    """
    wall = Wall(start)
    store = LogTurnsReadOnly(store_path(data_dir))
    store.keep = saved
    plan = parse_plan(PLAN, catalog)
    player = Player(compile_sets(plan))
    player.start(0.0)
    session = SessionLog(store, wall)
    session.begin(
        title="Two blocks",
        plan_source="",
        plan_text=PLAN,
        block_sizes=tuple(block.sets for block in plan.blocks),
        rehearsal=False,
        speed=1.0,
    )
    for index in range(done):
        player.advance(100.0 * (index + 1))
        session.record(player.log_set(100.0 * (index + 1), SetResult(5 + index, None)))
    assert len(session.pending) == done - saved
    name = unsaved_csv_name(wall(), data_dir if tag else None)
    path = save_somewhere(session.unsaved_rows(), name, [folder])
    store.close()
    assert path is not None and UNSAVED_NAME.fullmatch(path.name)
    return path


def test_rescued_sets_are_added_once_and_the_file_moved_aside(
    data_dir: Path, home: Path, catalog: Catalog, log: Store
) -> None:
    rescued = refused_session(data_dir, home, catalog)
    assert len(log.sets()) == 2

    first = import_rescued(log, data_dir, [home])

    assert first.added == 2
    assert first.notice == "2 sets saved during a log problem were added to your log."
    assert [(s.block, s.set_number, s.reps) for s in log.sets()] == [
        (0, 1, 5),
        (0, 2, 6),
        (1, 1, 7),
        (1, 2, 8),
    ]
    assert not rescued.exists()
    (moved,) = first.files
    assert moved.name == rescued.name.removesuffix(".csv") + IMPORTED_SUFFIX
    assert [r.set_number for r in parse_csv(moved.read_text(encoding="utf-8"))] == [1, 2]

    second = import_rescued(log, data_dir, [home])
    assert (second.added, second.files, second.notice) == (0, (), None)
    assert len(log.sets()) == 4


def test_the_session_resumes_after_its_rescued_sets(
    data_dir: Path, home: Path, catalog: Catalog, log: Store
) -> None:
    refused_session(data_dir, home, catalog)
    before = log.unfinished_session()
    assert before is not None and before.next_set == 2  # the log alone: set 3 again

    import_rescued(log, data_dir, [home])

    after = log.unfinished_session()
    assert after is not None and after.id == before.id
    assert after.next_set == 4  # sets 3 and 4 are held: carry on with the fifth
    player = Player(compile_sets(parse_plan(after.plan_text, catalog)), first_set=after.next_set)
    assert (player.current.block, player.current.set_number) == (1, 3)


def test_a_session_whose_every_set_was_rescued_is_finished(
    data_dir: Path, home: Path, catalog: Catalog, log: Store
) -> None:
    refused_session(data_dir, home, catalog, saved=1, done=5)
    assert import_rescued(log, data_dir, [home]).added == 4
    assert log.unfinished_session() is None
    (session,) = log.sessions()
    assert session.ended_at == log.sets()[-1].ended_at


def test_a_file_without_the_log_s_name_is_taken_only_for_sessions_the_log_knows(
    data_dir: Path, tmp_path: Path, home: Path, catalog: Catalog, log: Store
) -> None:
    ours = refused_session(data_dir, home, catalog, tag=False)  # as ``play`` names it
    later = T0 + timedelta(hours=1)
    theirs = refused_session(tmp_path / "other-data", home, catalog, tag=False, start=later)
    for_other_log = refused_session(tmp_path / "third-data", home, catalog, start=later)

    rescued = import_rescued(log, data_dir, [home])

    assert rescued.added == 2
    assert not ours.exists()
    assert theirs.exists() and for_other_log.exists()  # another data folder's sets
    assert {s.session_uid for s in log.sets()} == {log.sessions()[0].uid}


def test_sets_of_a_session_the_log_never_held_come_back_when_named_for_it(
    data_dir: Path, home: Path, catalog: Catalog, log: Store
) -> None:
    refused_session(data_dir, home, catalog, saved=0, done=2)  # the session began in the log
    log.close()
    store_path(data_dir).unlink()  # ... then the log was lost and started again
    with Store(store_path(data_dir)) as fresh:
        rescued = import_rescued(fresh, data_dir, [home])
        assert rescued.added == 2
        (session,) = fresh.sessions()
        assert session.title == "Two blocks" and session.ended_at is not None


def test_a_broken_file_named_for_the_log_is_left_and_named(
    data_dir: Path, home: Path, catalog: Catalog, log: Store
) -> None:
    rescued = refused_session(data_dir, home, catalog)
    rescued.write_text(rescued.read_text(encoding="utf-8") + "garbage,row\n", encoding="utf-8")

    result = import_rescued(log, data_dir, [home])

    assert result.added == 0 and rescued.exists()
    assert result.notice is not None
    assert f"{rescued}:4:" in result.notice and "tempo-trainer import" in result.notice


def test_a_log_that_refuses_the_import_keeps_every_file(
    data_dir: Path, home: Path, catalog: Catalog, log: Store
) -> None:
    rescued = refused_session(data_dir, home, catalog)
    log.close()
    with LogTurnsReadOnly(store_path(data_dir)) as read_only:
        read_only._db.execute("PRAGMA query_only = ON")
        result = import_rescued(read_only, data_dir, [home])
    assert result.added == 0 and rescued.exists()
    assert result.notice is not None and "added at the next start" in result.notice


def test_rescue_folders_are_beside_open_sessions_plans_and_the_window_s_places(
    data_dir: Path, tmp_path: Path, log: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plans" / "mine.toml"
    log.begin_session(title="Open", started_at=T0, plan_source=str(plan))
    done = log.begin_session(title="Done", started_at=T0, plan_source="/elsewhere/done.toml")
    log.finish_session(done.id, T0)
    folders = rescue_folders(log)
    assert folders[:3] == (plan.parent, tmp_path / "home", tmp_path)
    assert Path("/elsewhere") not in folders


def test_a_log_in_memory_imports_nothing(data_dir: Path, home: Path, catalog: Catalog) -> None:
    rescued = refused_session(data_dir, home, catalog)
    with Store(Path(":memory:")) as memory:
        assert import_rescued(memory, data_dir, [home]).added == 0
    assert rescued.exists()
