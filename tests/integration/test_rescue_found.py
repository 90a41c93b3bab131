"""Rescue CSVs are found by the next start (issue 15, item 13), with the real ``play``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.storage.data_dir import store_path
from app.storage.store import Store

PLAN = """\
title = "Two sets"
count_in_s = 0
[[block]]
variation = "floor-push-up"
sets = 2
reps = 1
tempo = "1-0-1-0"
rest_s = 0
"""
FAST = ("--yes", "--audio", "none", "--speed", "20")


@pytest.mark.slow
def test_sets_of_a_session_the_locked_log_never_began_come_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, elsewhere = tmp_path / "data", tmp_path / "plans"
    elsewhere.mkdir()
    plan = elsewhere / "two.toml"
    plan.write_text(PLAN, encoding="utf-8")
    data.mkdir()
    assert main(["--data-dir", str(data), "history"]) == 0
    holder = sqlite3.connect(store_path(data), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the log's write lock
    try:
        code = main(["--data-dir", str(data), "play", str(plan), *FAST])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1
    (saved,) = data.glob("tempo-trainer-unsaved-*.csv")  # in the data folder itself
    capsys.readouterr()
    assert main(["--data-dir", str(data), "history"]) == 0
    assert "2 sets saved during a log problem were added" in capsys.readouterr().err
    with Store(store_path(data)) as store:
        back = store.sets()
    assert [s.set_number for s in back] == [1, 2]
    assert all(s.time_under_tension_s > 0 for s in back)  # not lost on the way
    assert not saved.exists()


def test_a_plan_given_by_a_relative_path_is_remembered_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    (tmp_path / "two.toml").write_text(PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", str(data), "play", "two.toml", *FAST]) == 0
    with Store(store_path(data)) as store:
        (session,) = store.sessions()
    assert session.plan_source == str(tmp_path / "two.toml")
