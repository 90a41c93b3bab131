from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.plan import Block, SessionPlan
from app.domain.player import Player, SetResult
from app.domain.reps import RepTarget
from app.domain.set_role import SetRole
from app.domain.tempo import parse_tempo
from app.domain.timeline import compile_sets
from app.storage.store import MEMORY, SCHEMA_VERSION, ImportedSet, Store, StoreError, schema_sql
from tests.fixtures.old_logs import write_log_at_schema_2

T0 = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)


def logged_sets(sets: int = 2) -> list:  # type: ignore[type-arg]
    block = Block("hands-elevated-push-up", sets, RepTarget(8, 12), parse_tempo("3-1-1-0"), 0, 45)
    player = Player(compile_sets(SessionPlan("t", (block,))))
    player.start(0.0)
    out = []
    for index in range(sets):
        player.advance(1000.0 * (index + 1))
        out.append(
            player.log_set(1000.0 * (index + 1), SetResult(11, 40.0, 1, ("Hips sagging",), "ok"))
        )
    return out


def test_a_logged_set_is_on_disk_at_once_and_the_session_resumes_after_it(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    store = Store(path)
    session = store.begin_session(title="Ladder", started_at=T0, plan_text="title='x'")
    first, _ = logged_sets()
    store.record_set(session.id, first, T0 + timedelta(minutes=1))
    # another connection (as after a crash) sees it without any close or flush
    other = sqlite3.connect(path)
    assert other.execute("SELECT reps, box_height_cm, form_flags FROM set_log").fetchall() == [
        (11, 40.0, '["Hips sagging"]')
    ]
    other.close()
    unfinished = store.unfinished_session()
    assert unfinished is not None
    assert unfinished.next_set == 1
    assert unfinished.plan_text == "title='x'"
    store.close()


def test_recording_the_same_set_twice_keeps_one(tmp_path: Path) -> None:
    with Store(tmp_path / "log.sqlite3") as store:
        session = store.begin_session(title="Ladder", started_at=T0)
        first, _ = logged_sets()
        store.record_set(session.id, first, T0)
        store.record_set(session.id, first, T0)
        assert len(store.sets()) == 1


def test_finished_and_abandoned_sessions_are_not_offered_for_resume(tmp_path: Path) -> None:
    with Store(tmp_path / "log.sqlite3") as store:
        a = store.begin_session(title="A", started_at=T0)
        b = store.begin_session(title="B", started_at=T0 + timedelta(hours=1))
        store.finish_session(b.id, T0 + timedelta(hours=2))
        assert store.unfinished_session() == store.session(a.id)
        store.abandon_session(a.id)
        assert store.unfinished_session() is None


def test_the_newest_sessions_come_by_start_time_newest_first(tmp_path: Path) -> None:
    with Store(tmp_path / "log.sqlite3") as store:
        later = store.begin_session(title="Later", started_at=T0 + timedelta(days=2))
        earlier = store.begin_session(title="Earlier", started_at=T0)
        latest = store.begin_session(title="Latest", started_at=T0 + timedelta(days=3))
        assert store.newest_sessions(2) == [store.session(latest.id), store.session(later.id)]
        assert [s.id for s in store.newest_sessions(10)] == [latest.id, later.id, earlier.id]
        twin = store.begin_session(title="Same moment", started_at=T0 + timedelta(days=3))
        assert [s.id for s in store.newest_sessions(2)] == [twin.id, latest.id]
        assert store.newest_sessions(0) == store.newest_sessions(-1) == []


def test_sets_read_back_with_everything_the_log_sheet_held(tmp_path: Path) -> None:
    with Store(tmp_path / "log.sqlite3") as store:
        session = store.begin_session(title="Ladder", started_at=T0, rehearsal=True, speed=4.0)
        for number, logged in enumerate(logged_sets(), start=1):
            store.record_set(session.id, logged, T0 + timedelta(minutes=number))
        rows = store.sets(variation="hands-elevated-push-up")
        assert [
            (r.set_number, r.reps, r.target_reps, r.tempo, r.reps_in_reserve) for r in rows
        ] == [
            (1, 11, "8-12", "3-1-1-0", 1),
            (2, 11, "8-12", "3-1-1-0", 1),
        ]
        assert rows[0].ended_at.isoformat() == "2026-11-22T18:01:00+00:00"
        assert rows[0].rehearsal
        assert rows[0].time_under_tension_s == 55
        assert store.last_session_with("hands-elevated-push-up") is None  # rehearsals do not count


def test_schema_is_versioned_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    Store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer Tempo Trainer"):
        Store(path)


def test_a_file_that_is_not_a_log_is_a_known_error(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="damaged or not a log"):
        Store(path)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_times_without_offset_are_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "log.sqlite3") as store, pytest.raises(ValueError, match="offset"):
        store.begin_session(title="x", started_at=datetime(2026, 1, 1))


def logged_store(path: Path) -> Store:
    store = Store(path)
    session = store.begin_session(title="Ladder", started_at=T0)
    for number, logged in enumerate(logged_sets(), start=1):
        store.record_set(session.id, logged, T0 + timedelta(minutes=number))
    return store


def test_a_corrected_set_is_on_disk_at_once(tmp_path: Path) -> None:
    with logged_store(tmp_path / "log.sqlite3") as store:
        first = store.sets()[0]
        store.update_set(first.id, "reps", 7)
        store.update_set(first.id, "box_height_cm", None)
        other = sqlite3.connect(store.path)
        assert other.execute(
            "SELECT reps, box_height_cm FROM set_log WHERE id = ?", (first.id,)
        ).fetchone() == (7, None)
        other.close()
        assert store.set_by_id(first.id).reps == 7
        with pytest.raises(ValueError, match="cannot be edited"):
            store.update_set(first.id, "variation; DROP TABLE set_log", 1)
        with pytest.raises(StoreError, match="could not save"):
            store.update_set(first.id, "reps", -1)  # the schema's CHECK


def test_a_deleted_set_is_restored_whole_with_its_id(tmp_path: Path) -> None:
    with logged_store(tmp_path / "log.sqlite3") as store:
        before = store.sets()
        removed = store.delete_set(before[0].id)
        assert [s.id for s in store.sets()] == [before[1].id]
        with pytest.raises(KeyError):
            store.delete_set(before[0].id)
        with pytest.raises(KeyError):
            store.set_by_id(before[0].id)
        store.restore_set(removed)
        assert store.sets() == before
        with pytest.raises(StoreError, match="could not restore"):
            store.restore_set(removed)  # already there
        with pytest.raises(ValueError, match="no column"):
            store.restore_set({**removed, "evil": 1})


def test_a_reader_sees_commits_and_cannot_write(tmp_path: Path) -> None:
    with logged_store(tmp_path / "log.sqlite3") as store:
        reader = store.connect_reader()
        version = reader.execute("PRAGMA data_version").fetchone()[0]
        store.update_set(store.sets()[0].id, "note", "felt easy")
        assert reader.execute("PRAGMA data_version").fetchone()[0] != version
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.execute("DELETE FROM set_log")
        reader.close()
        with store.reader() as db:
            assert db.execute("SELECT note FROM set_log ORDER BY id").fetchone() == ("felt easy",)


def test_the_schema_script_builds_the_same_tables(tmp_path: Path) -> None:
    memory = sqlite3.connect(":memory:")
    memory.executescript(schema_sql())
    Store(tmp_path / "log.sqlite3").close()
    disk = sqlite3.connect(tmp_path / "log.sqlite3")
    query = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    assert memory.execute(query).fetchall() == disk.execute(query).fetchall()
    memory.close()
    disk.close()


# --- a log in memory (the log file cannot be opened) -------------------------------------------


def test_a_log_in_memory_is_one_database_that_readers_see(tmp_path: Path) -> None:
    with Store(MEMORY) as store, Store(MEMORY) as other:
        assert store.in_memory and not any(tmp_path.iterdir())
        session = store.begin_session(title="In memory", started_at=T0)
        first, _ = logged_sets()
        store.record_set(session.id, first, T0)
        reader = store.connect_reader(any_thread=True)
        version = reader.execute("PRAGMA data_version").fetchone()[0]
        assert reader.execute("SELECT COUNT(*) FROM set_log").fetchone() == (1,)
        cursor = reader.execute("SELECT id FROM set_log")  # a read still open ...
        store.finish_session(session.id, T0)  # ... never refuses the writer
        cursor.close()
        assert reader.execute("PRAGMA data_version").fetchone()[0] != version
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.execute("DELETE FROM set_log")
        reader.close()
        assert other.sets() == []  # each log in memory is its own
    with Store(tmp_path / "log.sqlite3") as disk:
        assert not disk.in_memory


# --- imports into a session the log holds ------------------------------------------------------

TWO_BLOCKS = """\
title = "Two blocks"
[[block]]
variation = "hands-elevated-push-up"
sets = 2
reps = "8-12"
box_height_cm = 45
[[block]]
variation = "floor-push-up"
sets = 2
reps = 5
"""


def imported(block: int, set_number: int, uid: str, minute: int) -> ImportedSet:
    return ImportedSet(
        session_uid=uid,
        session_title="Two blocks",
        block=block,
        set_number=set_number,
        variation="floor-push-up",
        box_height_cm=None,
        tempo="3-1-1-0",
        target_reps="5",
        reps=5,
        reps_in_reserve=None,
        note="",
        ended_at=T0 + timedelta(minutes=minute),
    )


def test_an_import_into_an_unfinished_session_moves_its_resume_point(tmp_path: Path) -> None:
    with Store(tmp_path / "log.sqlite3") as store:
        session = store.begin_session(
            title="Two blocks", started_at=T0, plan_text=TWO_BLOCKS, block_sizes=(2, 2)
        )
        first, _ = logged_sets()
        store.record_set(session.id, first, T0 + timedelta(minutes=1))
        assert store.import_sets([imported(0, 2, session.uid, 2), imported(1, 1, session.uid, 3)])
        resumed = store.unfinished_session()
        assert resumed is not None and resumed.id == session.id
        assert resumed.next_set == 3  # the second set of the second block
        assert store.import_sets([imported(1, 2, session.uid, 4)]) == 1
        assert store.unfinished_session() is None
        assert store.session(session.id).ended_at == T0 + timedelta(minutes=4)


def test_an_import_never_moves_a_resume_point_back_or_reopens_a_session(tmp_path: Path) -> None:
    with Store(tmp_path / "log.sqlite3") as store:
        session = store.begin_session(
            title="Two blocks",
            started_at=T0,
            plan_text=TWO_BLOCKS,
            block_sizes=(2, 2),
            first_set=3,
        )
        store.import_sets([imported(0, 1, session.uid, 1)])
        assert store.session(session.id).next_set == 3
        done = store.begin_session(title="Done", started_at=T0, plan_text="not a plan [")
        store.finish_session(done.id, T0 + timedelta(minutes=9))
        store.import_sets([imported(0, 1, done.uid, 5), imported(0, 1, "new", 6)])
        assert store.session(done.id).ended_at == T0 + timedelta(minutes=9)
        (new,) = [s for s in store.sessions() if s.uid == "new"]
        assert new.ended_at == T0 + timedelta(minutes=6)
        broken = store.begin_session(title="Broken", started_at=T0, plan_text="not a plan [")
        store.import_sets([imported(0, 1, broken.uid, 7)])
        assert store.session(broken.id).next_set == 0  # no order was stored for it
        assert store.session(broken.id).ended_at is None


def test_a_log_from_before_roles_keeps_its_sets_as_work(tmp_path: Path) -> None:
    from app.storage import store_schema

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(store_schema._MIGRATIONS[0])
    old.execute("INSERT INTO session (uid, title, started_at) VALUES ('u', 'Old', '2026-01-01')")
    old.execute(
        "INSERT INTO set_log (session_id, block, set_number, variation, tempo, target_reps,"
        " reps, ended_at) VALUES (1, 0, 1, 'floor-push-up', '3-1-1-0', '8-12', 9,"
        " '2026-01-01T10:00:00+00:00')"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [(s.reps, s.role) for s in store.sets()] == [(9, "work")]


def test_an_old_log_learns_its_block_sizes_and_an_import_still_finds_its_place(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    write_log_at_schema_2(path, T0)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        (session,) = store.sessions()
        assert session.block_sizes == (2, 2)
        store.import_sets([imported(0, 2, "u", 2), imported(1, 1, "u", 3)])
        resumed = store.unfinished_session()
        assert resumed is not None and resumed.next_set == 3
        store.import_sets([imported(1, 2, "u", 4)])
        assert store.unfinished_session() is None


def test_an_old_log_only_read_gives_the_answers_a_migrated_one_gives(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    write_log_at_schema_2(path, T0)
    with Store.read_only(path) as old:
        assert old.schema_version == 2
        read = (old.sessions(), old.sets(), old.unfinished_session())
    with Store(path) as store:
        assert read == (store.sessions(), store.sets(), store.unfinished_session())
        assert read[0][0].block_sizes == (2, 2)


def test_a_warm_up_block_logs_its_sets_as_warm_up(tmp_path: Path) -> None:
    warm = Block(
        "hands-elevated-push-up",
        1,
        RepTarget(10, 10),
        parse_tempo("3-1-1-0"),
        0,
        60,
        role=SetRole.WARM_UP,
    )
    player = Player(compile_sets(SessionPlan("t", (warm,))))
    player.start(0.0)
    player.advance(1000.0)
    logged = player.log_set(1000.0, SetResult(10, 40.0, 3, (), ""))
    with Store(tmp_path / "log.sqlite3") as store:
        session = store.begin_session(title="Ladder", started_at=T0)
        store.record_set(session.id, logged, T0 + timedelta(minutes=1))
        assert [s.role for s in store.sets()] == ["warm-up"]


def test_a_dry_run_counts_the_sets_an_import_would_add_and_writes_nothing(
    tmp_path: Path,
) -> None:
    rows = [imported(0, 1, "a", 1), imported(0, 2, "a", 2), imported(0, 1, "b", 3)]
    with Store(tmp_path / "log.sqlite3") as store:
        assert store.count_new_sets(rows) == 3
        assert store.sets() == []
        store.import_sets(rows[:2])
        assert store.count_new_sets(rows) == 1
        assert store.import_sets(rows) == 1
        assert store.count_new_sets(rows) == 0
