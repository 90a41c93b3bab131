"""history, import, backup and restore, called as the CLI calls them."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.log_access import open_log
from app.cli.log_commands import backup, history, import_sets, restore
from app.cli.output import EXIT_INVALID, EXIT_OK
from tests.fixtures.coach_histories import BOX, B, imported, session


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with open_log(folder) as store:
        store.import_sets(imported(session(2, B(BOX, [12, 11], 45))))
    return folder


def test_history_as_lines_and_as_csv(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert history(data, as_csv=False) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    # the session under its title and local time, then its sets, in the trainer's words
    assert len(lines) == 3 and lines[0].endswith("  Logged session")
    assert lines[1] == "  Hands-elevated push up, box 45 cm, set 1: 12 reps (aimed 8-12) at 3-1-1-0"
    assert history(data, as_csv=True) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == 3  # the header and two sets


def test_history_of_an_empty_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_log(tmp_path / "empty").close()
    assert history(tmp_path / "empty", as_csv=False) == EXIT_OK
    assert capsys.readouterr().out == "No sets logged yet.\n"


def test_a_dry_run_import_changes_nothing_and_a_bad_file_says_why(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "history.csv"
    history(data, as_csv=True)
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    other = tmp_path / "other"
    assert import_sets(other, exported, dry_run=True, as_json=True) == EXIT_OK
    assert '"dry_run": true' in capsys.readouterr().out
    assert not other.exists()  # a dry run into a folder not there makes none
    assert import_sets(other, exported, dry_run=False, as_json=False) == EXIT_OK
    capsys.readouterr()
    assert history(other, as_csv=False) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == 3  # the session and its two sets
    nonsense = tmp_path / "nonsense.csv"
    nonsense.write_text("a,b\n1,2\n", encoding="utf-8")
    assert import_sets(other, nonsense, dry_run=True, as_json=False) == EXIT_INVALID
    assert str(nonsense) in capsys.readouterr().err


def test_backup_then_restore_brings_the_log_back(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "backup.json"
    assert backup(data, target) == EXIT_OK
    assert capsys.readouterr().out == f"Backed up the log, your plans and settings to {target}\n"
    fresh = tmp_path / "fresh"
    assert restore(fresh, target) == EXIT_OK
    assert capsys.readouterr().out.startswith(f"Restored {target}.")
    assert history(fresh, as_csv=False) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == 3  # the session and its two sets


def test_restoring_a_file_that_is_not_a_backup_changes_nothing(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert restore(data, bad) == EXIT_INVALID
    assert str(bad) in capsys.readouterr().err
    assert history(data, as_csv=False) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == 3  # the session and its two sets
