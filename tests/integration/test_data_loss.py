"""The five paths that lost logged sets (issue 15, items 1-5), each with the real command.

An emptied log with backups is restored, not taken as new; a restore refuses while ``play``
runs; a backup never lands inside the data folder or on a device; an unwritable ``-shm``
mid-session sends the sets to a rescue CSV instead of killing ``play`` with SIGBUS.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.storage.data_dir import store_path
from app.storage.history_csv import parse_csv
from app.storage.safe_open import BACKUP_FOLDER, KEEP_BACKUPS, backups, open_store, set_count
from app.storage.store import ImportedSet, Store
from tests.fixtures.faults import can_freeze

APP = (sys.executable, "-u", "-m", "app")
FAST_AND_SILENT = ("--speed", "20", "--yes", "--audio", "none")
PLAN = """\
title = "Four sets"
count_in_s = 1
[[block]]
variation = "floor-push-up"
sets = 4
reps = 2
tempo = "2-0-1-0"
rest_s = 20
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def logged(folder: Path, count: int, day: datetime) -> None:
    rows = [
        ImportedSet(
            session_uid=f"s{number}",
            session_title="Floor",
            block=0,
            set_number=1,
            variation="floor-push-up",
            box_height_cm=None,
            tempo="3-1-1-0",
            target_reps="8-12",
            reps=10,
            reps_in_reserve=None,
            note="",
            ended_at=day + timedelta(minutes=number),
        )
        for number in range(count)
    ]
    with Store(store_path(folder)) as store:
        store.import_sets(rows)


# --- 1. an emptied log -------------------------------------------------------------------


@pytest.mark.parametrize("how", ["zero bytes", "header only"])
def test_an_emptied_log_with_backups_is_restored_not_taken_as_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    data = tmp_path / "data"
    logged(data, 30, datetime(2026, 11, 1, 8, tzinfo=UTC))
    assert run(capsys, "--data-dir", str(data), "history")[0] == 0  # today's backup
    log = store_path(data)
    for side in ("-wal", "-shm"):
        log.with_name(log.name + side).unlink(missing_ok=True)
    log.write_bytes(b"")
    if how == "header only":  # a sound database file with no table in it: one page
        db = sqlite3.connect(log)
        db.executescript("CREATE TABLE x (a); DROP TABLE x; VACUUM;")
        db.close()
    size = log.stat().st_size

    code, out, err = run(capsys, "--data-dir", str(data), "history")

    assert code == 0
    assert out.count("Floor push up") == 30
    assert err.count("restored from the backup") == 1
    assert "empty" in err
    (aside,) = (data / "damaged").iterdir()
    assert aside.stat().st_size == size
    code, out, err = run(capsys, "--data-dir", str(data), "history")
    assert (out.count("Floor push up"), err) == (30, "")  # said once


def test_a_new_empty_log_without_backups_is_just_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    store_path(data).write_bytes(b"")
    assert run(capsys, "--data-dir", str(data), "history") == (0, "No sets logged yet.\n", "")
    assert not (data / "damaged").exists()


def test_a_week_of_empty_backups_never_rotates_the_last_full_one_away(tmp_path: Path) -> None:
    data = tmp_path / "data"
    day = datetime(2026, 11, 1, 8, tzinfo=UTC)
    logged(data, 25, day - timedelta(days=1))
    open_store(data, day).store.close()
    # The log is emptied the way a person (or a bug) might: every row gone, schema kept.
    emptied = sqlite3.connect(store_path(data))
    with emptied:
        emptied.execute("DELETE FROM set_log")
        emptied.execute("DELETE FROM session")
    emptied.close()
    for later in range(1, KEEP_BACKUPS + 4):
        open_store(data, day + timedelta(days=later)).store.close()
    counts = [set_count(p) for p in backups(data / BACKUP_FOLDER)]
    assert len(counts) == KEEP_BACKUPS + 1
    assert max(counts) == 25


# --- 2. restore while play runs ------------------------------------------------------------


def test_restore_refuses_while_play_runs_and_every_set_is_logged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, other = tmp_path / "data", tmp_path / "other"
    logged(other, 3, datetime(2026, 10, 1, 8, tzinfo=UTC))
    backup = tmp_path / "other.json"
    assert run(capsys, "--data-dir", str(other), "backup", str(backup))[0] == 0
    plan = tmp_path / "four.toml"
    plan.write_text(PLAN, encoding="utf-8")
    process = subprocess.Popen(
        [*APP, "--data-dir", str(data), "play", str(plan), *FAST_AND_SILENT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if line.startswith("  Logged "):
                break
        code, out, err = run(capsys, "--data-dir", str(data), "restore", str(backup))
        _, play_err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert (code, out) == (1, "")
    assert "in use" in err and "nothing was changed" in err
    assert process.returncode == 0, play_err
    with Store(store_path(data)) as store:
        assert [s.set_number for s in store.sets()] == [1, 2, 3, 4]
    assert run(capsys, "--data-dir", str(data), "restore", str(backup))[0] == 0  # once done


def test_a_set_whose_place_holds_another_is_refused_loudly(tmp_path: Path) -> None:
    from app.domain.plan import Block, SessionPlan
    from app.domain.player import LoggedSet, Player, SetResult
    from app.domain.reps import RepTarget
    from app.domain.tempo import parse_tempo
    from app.domain.timeline import compile_sets
    from app.storage.store import SetConflictError

    def first_set(reps: int) -> LoggedSet:
        block = Block("floor-push-up", 2, RepTarget(5, 5), parse_tempo("1-0-1-0"), 0, None)
        player = Player(compile_sets(SessionPlan("t", (block,))))
        player.start(0.0)
        player.advance(100.0)
        return player.log_set(100.0, SetResult(reps, None))

    first, changed = first_set(5), first_set(4)
    moment = datetime(2026, 11, 2, 8, tzinfo=UTC)
    with Store(tmp_path / "log.sqlite3") as store:
        session = store.begin_session(title="t", started_at=moment)
        store.record_set(session.id, first, moment, uid=session.uid)
        store.record_set(session.id, first, moment, uid=session.uid)  # a retry: the same set
        with pytest.raises(SetConflictError, match="other values"):
            store.record_set(session.id, changed, moment + timedelta(minutes=1), uid=session.uid)
        with pytest.raises(SetConflictError, match="no longer in the training log"):
            store.record_set(session.id, first, moment, uid="someone else's")
        assert len(store.sets()) == 1


# --- 4. backup targets ---------------------------------------------------------------------


def test_backup_onto_the_data_folder_or_a_device_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    logged(data, 2, datetime(2026, 11, 1, 8, tzinfo=UTC))
    log = store_path(data)
    before = log.read_bytes()
    for target in (log, data / "settings.json", data / "plans" / "x.json", data):
        code, out, err = run(capsys, "--data-dir", str(data), "backup", str(target))
        assert (code, out) == (2, ""), target
        assert "inside the data folder" in err and "nothing was written" in err
    assert log.read_bytes() == before
    for device in ("/dev/full", "/dev/null"):
        code, out, err = run(capsys, "--data-dir", str(data), "backup", device)
        assert (code, out) == (2, "")
        assert "not a regular file" in err
        assert stat.S_ISCHR(os.stat(device).st_mode)
    code, out, err = run(capsys, "--data-dir", str(data), "backup", str(tmp_path / "b.json"))
    assert code == 0 and json.loads((tmp_path / "b.json").read_text())["sets"]


# --- 5. an unwritable -shm mid-session -------------------------------------------------------


def test_an_unwritable_shm_mid_session_sends_the_sets_to_a_rescue_csv(tmp_path: Path) -> None:
    if not can_freeze(tmp_path):
        pytest.skip("chattr +i is not available here")
    data, work = tmp_path / "data", tmp_path / "work"
    work.mkdir()
    plan = tmp_path / "four.toml"
    plan.write_text(PLAN, encoding="utf-8")
    shm = store_path(data).with_name(store_path(data).name + "-shm")
    process = subprocess.Popen(
        [*APP, "--data-dir", str(data), "play", str(plan), *FAST_AND_SILENT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=work,
    )
    assert process.stdout is not None
    out: list[str] = []
    try:
        for line in process.stdout:
            out.append(line)
            if line.startswith("  Logged "):
                subprocess.run(["chattr", "+i", str(shm)], check=True)
                break
        rest, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        subprocess.run(["chattr", "-i", str(shm)], check=False)
    text = "".join(out) + rest
    assert process.returncode == 1, err  # not 135 (SIGBUS)
    assert "Session done: 4 set(s) done; only 1 in the training log." in text
    assert text.count("  Kept 2 reps (not in the training log yet).") == 3
    assert "-shm cannot be written" in err
    (saved,) = tmp_path.glob("tempo-trainer-unsaved-*.csv")
    assert [r.set_number for r in parse_csv(saved.read_text(encoding="utf-8"))] == [2, 3, 4]
    # The next start, the file thawed, adds them back: nothing lost.
    assert main(["--data-dir", str(data), "history"]) == 0
    with Store(store_path(data)) as store:
        assert [s.set_number for s in store.sets()] == [1, 2, 3, 4]
