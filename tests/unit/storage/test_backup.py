"""Backup and restore: everything round-trips; a bad file changes nothing."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.storage.backup import BackupError, check_backup, export_backup
from app.storage.data_dir import plans_folder, store_path
from app.storage.restore import restore_backup
from app.storage.store import Store
from tests.fixtures.old_logs import TWO_BLOCKS, write_log_at_schema_2
from tests.fixtures.ten_year_history import write_ten_year_history

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ten-years")
    write_ten_year_history(store_path(folder))
    plans_folder(folder).mkdir(parents=True)
    (plans_folder(folder) / "mine.toml").write_text('title = "Mine"\n', encoding="utf-8")
    (folder / "settings.json").write_text(
        json.dumps({"theme": "light", "equipment": {"stature_cm": 181}}), encoding="utf-8"
    )
    return folder


@pytest.fixture
def source(ten_years: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(ten_years, tmp_path / "source"))


def snapshot(folder: Path) -> tuple[object, ...]:
    with Store(store_path(folder)) as store:
        sets = [(s.id, s.reps, s.variation, s.ended_at, s.rehearsal) for s in store.sets()]
    plans = sorted(p.name for p in plans_folder(folder).glob("*.toml"))
    return sets, plans, (folder / "settings.json").read_text(encoding="utf-8")


def test_a_backup_restores_everything_and_keeps_what_it_replaced(
    source: Path, tmp_path: Path
) -> None:
    text = json.dumps(export_backup(source, NOW))
    target = tmp_path / "target"
    with Store(store_path(target)) as store:
        store.begin_session(title="Old", started_at=NOW)
    kept = restore_backup(target, text, NOW)
    assert snapshot(target)[0] == snapshot(source)[0]
    assert snapshot(target)[1] == ["mine.toml"]
    assert json.loads((target / "settings.json").read_text())["equipment"]["stature_cm"] == 181
    with Store(kept / "training-log.sqlite3") as old:
        assert [s.title for s in old.sessions()] == ["Old"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.update(format="zip"), "not a Tempo Trainer backup"),
        (lambda d: d["sets"][5].update(reps=-3), "set 6: reps must be a whole number"),
        # Rows SQLite's loose types take, and that crashed the app after a restore.
        (lambda d: d["sets"][2].update(form_flags="{nope"), "set 3: form_flags must be"),
        (lambda d: d["sets"][2].update(reps="12"), "set 3: reps must be a whole number"),
        (lambda d: d["sets"][2].update(box_height_cm="40"), "set 3: box_height_cm must be"),
        (lambda d: d["sets"][2].update(ended_at="yesterday"), "set 3: ended_at 'yesterday'"),
        (lambda d: d["sets"][2].update(ended_at="0001-01-01T00:00:00+00:00"), "before 1970"),
        (lambda d: d["sessions"][0].update(next_set=-1), "session 1: next_set must be"),
        (lambda d: d["sessions"][0].update(speed="fast"), "session 1: speed must be"),
        (lambda d: d["sessions"][0].update(block_sizes="[0]"), "session 1: block_sizes must be"),
        (lambda d: d["sessions"][0].update(block_sizes=[2]), "session 1: block_sizes must be"),
        (lambda d: d["sessions"][0].update(title="a\ud800b"), "unpaired surrogate"),
        (lambda d: d["plans"].update({"a\u0000b.toml": ""}), "not a plain .toml name"),
        (lambda d: d["plans"].update({"p" * 300 + ".toml": ""}), "not a plain .toml name"),
        (lambda d: d["plans"].update({"ok.toml": "title = '\udc80'"}), "unpaired surrogate"),
        (lambda d: d["sets"][7].pop("tempo"), "set 8: expected exactly"),
        (lambda d: d["sets"][9].update(session_id=999_999), "set 10: its session"),
        (lambda d: d["plans"].update({"../evil.toml": ""}), "not a plain .toml name"),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    source: Path, change: object, problem: str
) -> None:
    data = export_backup(source, NOW)
    assert callable(change)
    change(data)
    before = snapshot(source)
    with pytest.raises(BackupError, match=problem):
        restore_backup(source, json.dumps(data), NOW)
    assert snapshot(source) == before
    assert not (source / "backups").exists()
    assert not (source / ".restore-staging").exists()


def test_garbage_is_not_a_backup() -> None:
    with pytest.raises(BackupError, match="not a JSON file"):
        check_backup("{nope")


def test_a_backup_from_before_set_roles_restores_its_sets_as_work(
    source: Path, tmp_path: Path
) -> None:
    data = export_backup(source, NOW)
    sets = data["sets"]
    assert isinstance(sets, list)
    sets[0]["role"] = "warm-up"
    for row in sets[1:]:
        del row["role"]  # written before the role column existed
    target = tmp_path / "target"
    restore_backup(target, json.dumps(data), NOW)
    with Store(store_path(target)) as store:
        roles = [s.role for s in store.sets()]
    assert roles.count("warm-up") == 1
    assert roles.count("work") == len(roles) - 1


def test_a_backup_from_before_block_sizes_reads_them_from_each_plan_text(
    source: Path, tmp_path: Path
) -> None:
    data = export_backup(source, NOW)
    sessions = data["sessions"]
    assert isinstance(sessions, list)
    sessions[0]["plan_text"] = TWO_BLOCKS
    for row in sessions:
        del row["block_sizes"]  # written before the sessions kept them
    target = tmp_path / "target"
    restore_backup(target, json.dumps(data), NOW)
    with Store(store_path(target)) as store:
        first, *others = store.sessions()
    assert first.block_sizes == (2, 2)
    assert all(s.block_sizes == () for s in others if not s.plan_text)


def test_a_log_too_old_to_migrate_is_backed_up_as_a_migrated_one(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        write_log_at_schema_2(store_path(folder), NOW)
    from_old = export_backup(old, NOW)  # only read: the log stays at schema 2
    with Store(store_path(new)):
        pass  # migrated
    assert from_old["sessions"] == export_backup(new, NOW)["sessions"]
    assert from_old["sets"] == export_backup(new, NOW)["sets"]
    restore_backup(tmp_path / "restored", json.dumps(from_old), NOW)
    with Store(store_path(tmp_path / "restored")) as store:
        assert [s.block_sizes for s in store.sessions()] == [(2, 2)]
