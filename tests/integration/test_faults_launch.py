"""Both front ends open the log through ``open_store``: a damaged log is set aside, restored
from the newest backup, and the person is told; the set in the backup is not lost. A log that
cannot be opened at all still lets the window train, in memory; quitting saves those sets as a
CSV, and the next start that can open the log adds them to it."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.storage.data_dir import store_path
from app.storage.log_export import UNSAVED_NAME, log_tag
from app.storage.safe_open import BACKUP_FOLDER, open_store
from app.storage.store import Store
from tests.integration.run_with_autopilot import command, environment

PLAN = """\
title = "Launch"
count_in_s = 1
[[block]]
variation = "floor-push-up"
sets = 1
reps = 2
tempo = "1-0-1-0"
"""


def damaged_log_with_a_backup(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    args = ["--data-dir", str(data), "play", str(plan), "--yes", "--audio", "none"]
    assert main([*args, "--speed", "20"]) == 0
    shutil.rmtree(data / BACKUP_FOLDER)  # taken before the set: take today's again, with it
    open_store(data, datetime.now().astimezone()).store.close()
    store_path(data).write_bytes(b"this is not a training log" * 100)
    for side in ("-wal", "-shm"):
        Path(f"{store_path(data)}{side}").unlink(missing_ok=True)
    return data


def run_window(tmp_path: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real window, offscreen, driven by the autopilot; its home is the test's own."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return subprocess.run(
        command("--data-dir", str(data), "gui", "--audio", "none", *args),
        capture_output=True,
        text=True,
        env=environment(os.environ, HOME=str(home)),
        cwd=home,
        timeout=60,
        check=False,
    )


def test_the_window_restores_a_damaged_log_and_says_so(tmp_path: Path) -> None:
    data = damaged_log_with_a_backup(tmp_path)
    done = run_window(tmp_path, data)
    assert done.returncode == 0, done.stderr
    assert "The training log was damaged" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(list((data / "damaged").iterdir())) == 1
    with Store(store_path(data)) as store:
        assert [s.reps for s in store.sets()] == [2]


def test_play_restores_a_damaged_log_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = damaged_log_with_a_backup(tmp_path)
    plan = tmp_path / "plan.toml"
    args = ["--data-dir", str(data), "play", str(plan), "--yes", "--audio", "none"]
    capsys.readouterr()
    assert main([*args, "--speed", "20"]) == 0
    assert "The training log was damaged" in capsys.readouterr().err
    assert len(list((data / "damaged").iterdir())) == 1
    with Store(store_path(data)) as store:
        assert [s.reps for s in store.sets()] == [2, 2]


def test_the_window_trains_in_memory_when_the_log_cannot_be_opened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store_path(data).mkdir(parents=True)  # a folder where the log file should be
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN.replace("sets = 1", "sets = 2"), encoding="utf-8")

    trained = run_window(tmp_path, data, "--session", str(plan), "--speed", "20")

    assert trained.returncode == 0, trained.stderr
    assert "Traceback" not in trained.stderr
    assert f"the training log cannot be opened ({store_path(data)} is a folder" in trained.stderr
    assert "autopilot: logged set 2" in trained.stdout
    (saved,) = (tmp_path / "home").glob("tempo-trainer-unsaved-*.csv")
    match = UNSAVED_NAME.fullmatch(saved.name)
    assert match is not None and match["log"] == log_tag(data)
    assert f"2 set(s) could not be saved to the training log; saved in {saved}" in trained.stderr

    store_path(data).rmdir()  # the log can be opened again
    again = run_window(tmp_path, data)

    assert again.returncode == 0, again.stderr
    assert "2 sets saved during a log problem were added to your log." in again.stderr
    assert "autopilot: nothing to resume" in again.stdout
    assert not saved.exists()
    with Store(store_path(data)) as store:
        assert [(s.set_number, s.reps) for s in store.sets()] == [(1, 2), (2, 2)]
