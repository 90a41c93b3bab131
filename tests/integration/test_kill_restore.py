"""SIGKILL a real ``tempo-trainer restore`` at seeded random moments: never a mix of old and new.

Each kill point restores a ten-year backup (about 20,000 sets, a few plans, settings) over a
small data folder and kills the process: after a random delay within the restore's measured
length, or (every other point) just after its switch began. Then it starts again
(``tempo-trainer history --csv``, which finishes or undoes a half-done switch) and compares
the log, plans and settings with the old and new states.
``RESTORE_KILL_POINTS`` (default 4) and ``KILL_SEED`` set the run; the soak in the README
is ``RESTORE_KILL_POINTS=40``.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.storage.backup import export_backup
from app.storage.data_dir import plans_folder, store_path
from app.storage.store import Store
from tests.fixtures.ten_year_history import write_ten_year_history

POINTS = int(os.environ.get("RESTORE_KILL_POINTS", "4"))
SEED = int(os.environ.get("KILL_SEED", "20261122"))
APP = (sys.executable, "-m", "app")
NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def state(folder: Path) -> tuple[object, ...]:
    with Store(store_path(folder)) as store:
        sets = len(store.sets())
        titles = sorted({s.title for s in store.sessions()})[:3]
    plans = sorted(p.name for p in plans_folder(folder).glob("*.toml"))
    settings = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
    return sets, titles, plans, settings


@pytest.fixture(scope="module")
def backup_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("new")
    write_ten_year_history(store_path(folder))
    plans_folder(folder).mkdir()
    for name in ("a", "b", "c"):
        (plans_folder(folder) / f"{name}.toml").write_text(f'title = "{name}"\n', "utf-8")
    (folder / "settings.json").write_text(json.dumps({"theme": "light"}), encoding="utf-8")
    path = folder.parent / "ten-years.json"
    path.write_text(json.dumps(export_backup(folder, NOW)), encoding="utf-8")
    return path


def old_folder(template: Path, target: Path) -> Path:
    if not template.exists():
        template.mkdir(parents=True)
        subprocess.run(
            [*APP, "--data-dir", str(template), "history"], check=True, capture_output=True
        )
        plans_folder(template).mkdir()
        (plans_folder(template) / "old.toml").write_text('title = "old"\n', "utf-8")
        (template / "settings.json").write_text(json.dumps({"theme": "dark"}), "utf-8")
    return Path(shutil.copytree(template, target))


@pytest.mark.slow
def test_a_restore_killed_anywhere_leaves_all_old_or_all_new(
    tmp_path: Path, backup_file: Path
) -> None:
    template = tmp_path / "template"
    whole = old_folder(template, tmp_path / "whole")
    started = time.monotonic()
    subprocess.run(
        [*APP, "--data-dir", str(whole), "restore", str(backup_file)],
        check=True,
        capture_output=True,
    )
    length_s = time.monotonic() - started
    new = state(whole)
    old = state(template)
    assert new != old

    rng = random.Random(SEED)
    seen = {"old": 0, "new": 0}
    for point in range(POINTS):
        data = old_folder(template, tmp_path / f"kill-{point}")
        process = subprocess.Popen(
            [*APP, "--data-dir", str(data), "restore", str(backup_file)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if point % 2:
            # Every other kill lands in the switch itself: just after the journal is written.
            journal = data / ".restore-switch.json"
            deadline = time.monotonic() + 30 * length_s
            while not journal.exists() and process.poll() is None:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, 0.01))
        else:
            time.sleep(rng.uniform(0.3, 1.05) * length_s)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = subprocess.run(
            [*APP, "--data-dir", str(data), "history", "--csv"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert after.returncode == 0, after.stderr
        got = state(data)
        assert got in (old, new), f"kill point {point}: a mix of old and new"
        seen["old" if got == old else "new"] += 1
        assert not (data / ".restore-staging").exists()
    print(f"{POINTS} kills in a {length_s:.2f} s restore: {seen}")
