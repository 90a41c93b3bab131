"""Both front ends open the log through ``open_store``: a damaged log is set aside, restored
from the newest backup, and the person is told; the set in the backup is not lost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.storage.data_dir import store_path
from app.storage.safe_open import BACKUP_FOLDER, open_store
from app.storage.store import Store

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


def test_the_window_restores_a_damaged_log_and_says_so(tmp_path: Path) -> None:
    data = damaged_log_with_a_backup(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TEMPO_TRAINER_AUTOPILOT": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "gui", "--audio", "none"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
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
