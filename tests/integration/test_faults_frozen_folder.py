"""A data folder that really becomes read-only (``chattr +i``, which binds root too).

Mid-session: the running ``tempo-trainer play`` process says so in one line, finishes the
session, and leaves the sets the log refused in a CSV that ``import`` reads back. At start:
one line, and the log is left where it is (a read-only log is not a damaged one).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.storage.data_dir import store_path
from app.storage.history_csv import parse_csv
from app.storage.store import Store
from tests.fixtures.faults import can_freeze, freeze, frozen, thaw

PLAN = """\
title = "Frozen folder"
count_in_s = 2
[[block]]
variation = "floor-push-up"
sets = 3
reps = 2
tempo = "2-0-1-0"
rest_s = 20
"""


APP = (sys.executable, "-u", "-m", "app")
FAST_AND_SILENT = ("--speed", "20", "--yes", "--audio", "none")


@pytest.fixture
def freezable(tmp_path: Path) -> None:
    if not can_freeze(tmp_path):
        pytest.skip("chattr +i is not available here")


def play(data: Path, plan: Path, cwd: Path, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*APP, "--data-dir", str(data), "play", str(plan), *FAST_AND_SILENT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=cwd,
        env={**os.environ, "HOME": str(home)},
    )


@pytest.mark.usefixtures("freezable")
def test_a_folder_frozen_mid_session_loses_no_set(tmp_path: Path) -> None:
    data, plans, work = tmp_path / "data", tmp_path / "plans", tmp_path / "work"
    home = tmp_path / "home"
    for folder in (plans, work, home):
        folder.mkdir()
    plan = plans / "frozen.toml"
    plan.write_text(PLAN, encoding="utf-8")
    data.mkdir()
    main(["--data-dir", str(data), "history"])  # the log exists, with today's backup taken
    process = play(data, plan, work, home)
    assert process.stdout is not None
    out = []
    try:
        for line in process.stdout:
            out.append(line)
            if line.startswith("  Logged "):
                # The CSV must find another home than the data folder, the plan's and home
                # (tried in that order): the current folder.
                for folder in (data, plans, home):
                    freeze(folder)
                break
        rest, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        for folder in (data, plans, home):
            if folder.exists():
                thaw(folder)
    out.append(rest)
    text = "".join(out)

    assert process.returncode == 1, err
    assert "Session done: 3 set(s) done; only 1 in the training log." in text
    assert text.count("  Kept 2 reps (not in the training log yet).") == 2
    assert "Traceback" not in err
    (problem,) = [line for line in err.splitlines() if "could not be saved" in line]
    assert problem.startswith("tempo-trainer: set 2 could not be saved to the training log (")
    (saved,) = work.glob("tempo-trainer-unsaved-*.csv")
    assert str(saved) in problem
    assert [r.set_number for r in parse_csv(saved.read_text(encoding="utf-8"))] == [2, 3]

    with Store(store_path(data)) as store:
        assert store.integrity_ok()
        assert [s.set_number for s in store.sets()] == [1]
        unfinished = store.unfinished_session()
        assert unfinished is not None and unfinished.next_set == 1
    assert main(["--data-dir", str(data), "import", str(saved)]) == 0
    with Store(store_path(data)) as store:
        assert [s.set_number for s in store.sets()] == [1, 2, 3]
        assert store.unfinished_session() is None


@pytest.mark.usefixtures("freezable")
def test_a_frozen_folder_at_start_is_one_line_and_the_log_stays_put(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    plan = tmp_path / "frozen.toml"
    plan.write_text(PLAN, encoding="utf-8")
    data.mkdir()
    main(["--data-dir", str(data), "history"])
    before = sorted(p.name for p in data.iterdir())
    capsys.readouterr()

    with frozen(data):
        code = main(["--data-dir", str(data), "play", str(plan), "--yes", "--audio", "none"])

    assert code == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("tempo-trainer: ") and "cannot be read" in line
    assert sorted(p.name for p in data.iterdir()) == before  # nothing moved to damaged/
