"""history, import, backup and restore, called as the CLI calls them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli.log_access import open_log
from app.cli.log_commands import backup, history, history_lines, import_sets, restore
from app.cli.output import EXIT_INVALID, EXIT_OK
from app.storage.catalog import load_catalog
from app.storage.store import SetRecord
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


def test_a_session_resumed_after_another_is_shown_once_with_all_its_sets() -> None:
    start = datetime(2026, 3, 2, 18, tzinfo=UTC)

    def one(session: int, minute: int, reps: int, target: str = "8-12") -> SetRecord:
        return SetRecord(
            id=minute,
            session_id=session,
            session_uid=str(session),
            session_title=f"S{session}",
            block=0,
            set_number=minute,
            variation="floor-push-up",
            box_height_cm=None,
            tempo="3-1-1-0",
            target_reps=target,
            reps=reps,
            reps_in_reserve=None,
            form_flags=(),
            note="",
            time_under_tension_s=0.0,
            ended_at=start + timedelta(minutes=minute),
            rehearsal=False,
        )

    lines = history_lines([one(1, 1, 1), one(2, 2, 9, "max"), one(1, 3, 10)], load_catalog())
    headings = [line for line in lines if not line.startswith("  ")]
    assert [heading.split("  ")[-1] for heading in headings] == ["S1", "S2"]  # S1 once
    assert lines[1:3] == [
        "  Floor push up, set 1: 1 rep (aimed 8-12) at 3-1-1-0",
        "  Floor push up, set 3: 10 reps (aimed 8-12) at 3-1-1-0",
    ]
    assert (
        lines[3].endswith("  S2")
        and lines[4] == "  Floor push up, set 2: 9 reps (max set) at 3-1-1-0"
    )
