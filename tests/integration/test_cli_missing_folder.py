"""A mistyped ``--data-dir``: commands that only read say so and leave nothing behind.

Each test runs the real command (``python -m app``) in a fresh process, as a person would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

APP = (sys.executable, "-m", "app")
CSV_HEADER = (
    "date,session_id,session_title,block,set,variation,box_height_cm,tempo,"
    "target_reps,reps,reps_in_reserve,note"
)
ONE_SET = "2026-11-20T18:05:00+01:00,s1,Ladder,0,1,floor-push-up,,3-1-1-0,8,9,2,\n"


def tempo_trainer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*APP, *args], capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
    )


def everything_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


@pytest.mark.parametrize(
    "command",
    [
        ("history",),
        ("history", "--csv"),
        ("suggest",),
        ("suggest", "--json", "--today", "2026-11-22"),
        ("backup", "{outside}/backup.json"),
    ],
    ids=" ".join,
)
def test_a_read_only_command_on_a_missing_folder_exits_2_and_creates_nothing(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    missing = tmp_path / "no" / "such" / "place"
    args = [word.format(outside=outside) for word in command]

    done = tempo_trainer("--data-dir", str(missing), *args)

    assert done.returncode == 2
    assert done.stderr == f"tempo-trainer: no data folder at {missing}\n"
    assert done.stdout == ""
    assert everything_under(tmp_path) == [outside]  # no folder, log, lock, backup or file


def test_a_data_folder_that_is_a_file_is_not_a_data_folder(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine\n", encoding="utf-8")

    done = tempo_trainer("--data-dir", str(a_file), "history")

    assert (done.returncode, done.stderr) == (2, f"tempo-trainer: no data folder at {a_file}\n")
    assert everything_under(tmp_path) == [a_file]
    assert a_file.read_text(encoding="utf-8") == "mine\n"


def test_importing_into_a_new_folder_starts_the_log_as_the_app_would(tmp_path: Path) -> None:
    sets = tmp_path / "sets.csv"
    sets.write_text(f"{CSV_HEADER}\n{ONE_SET}", encoding="utf-8")
    fresh = tmp_path / "fresh"

    done = tempo_trainer("--data-dir", str(fresh), "import", str(sets))

    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[-1] == "1 set(s) added, 0 already in the log."
    assert (fresh / "training-log.sqlite3").is_file()
    # Opened through the safe path: the day's backup is taken as at every start.
    assert [p.name.startswith("daily-") for p in (fresh / "backups").iterdir()] == [True]
    shown = tempo_trainer("--data-dir", str(fresh), "history")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert "  Floor push up, set 1: 9 reps (aimed 8) at 3-1-1-0\n" in shown.stdout


def test_a_dry_run_import_into_a_missing_folder_creates_nothing(tmp_path: Path) -> None:
    sets = tmp_path / "sets.csv"
    sets.write_text(f"{CSV_HEADER}\n{ONE_SET}", encoding="utf-8")
    missing = tmp_path / "missing"

    done = tempo_trainer("--data-dir", str(missing), "import", str(sets), "--dry-run")

    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[-1] == (
        "Dry run, nothing written: 1 set(s) would be added, 0 already in the log."
    )
    assert everything_under(tmp_path) == [sets]
