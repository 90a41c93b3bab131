"""Refused sets go to one CSV, in one order of folders, even from a deleted working folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.session.unsaved_sets import UnsavedCopy, save_unsaved
from app.storage.history_csv import parse_csv
from app.storage.log_export import log_tag, unsaved_folders
from app.storage.store import SetRecord
from tests.unit.session.helpers import START, WallClock


def _row(set_number: int) -> SetRecord:
    return SetRecord(
        id=0,
        session_id=0,
        session_uid="abc",
        session_title="Three floor sets",
        block=1,
        set_number=set_number,
        variation="floor-push-up",
        box_height_cm=None,
        tempo="2-0-1-0",
        target_reps="2",
        reps=2,
        reps_in_reserve=None,
        form_flags=(),
        note="",
        time_under_tension_s=6.0,
        ended_at=START,
        rehearsal=False,
    )


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def test_the_folders_come_in_one_order(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    data, beside = tmp_path / "data", tmp_path / "plans"
    folders = unsaved_folders(data, beside)
    assert folders[:4] == (data, beside, home, here)
    assert unsaved_folders()[:2] == (home, here)


def test_a_deleted_working_folder_is_skipped(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    os.rmdir(gone)
    folders = unsaved_folders(tmp_path / "data")
    assert folders[:2] == (tmp_path / "data", home)
    assert gone not in folders


def test_the_copy_goes_to_the_first_folder_that_takes_it_and_stays_there(
    tmp_path: Path,
) -> None:
    missing, first, second = tmp_path / "missing", tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    copy = UnsavedCopy((missing, first, second), tmp_path / "data", WallClock())
    path = copy.keep([_row(1)])
    assert path is not None and path.parent == first
    assert log_tag(tmp_path / "data") in path.name
    assert copy.keep([_row(1), _row(2)]) == path  # the same file, brought up to date
    assert [r.set_number for r in parse_csv(path.read_text(encoding="utf-8"))] == [1, 2]
    assert list(second.iterdir()) == []


def test_no_folder_taking_the_copy_leaves_it_unwritten(tmp_path: Path) -> None:
    copy = UnsavedCopy((tmp_path / "missing",), tmp_path / "data", WallClock())
    assert copy.keep([_row(1)]) is None
    assert copy.path is None


def test_save_unsaved_names_the_file_for_the_log(tmp_path: Path, home: Path) -> None:
    path = save_unsaved([_row(3)], START, tmp_path / "data")
    assert path is not None and path.parent == home
    assert path.name == f"tempo-trainer-unsaved-20260301-073000-{log_tag(tmp_path / 'data')}.csv"
