from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.storage.atomic_file import write_atomically, write_bytes_atomically, write_text_atomically
from tests.fixtures.faults import can_freeze, frozen


def test_a_new_file_holds_exactly_the_text_given(tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    write_text_atomically(path, "date,note\r\n2026,caf\u00e9\n")
    assert path.read_bytes() == "date,note\r\n2026,caf\u00e9\n".encode()
    assert os.listdir(tmp_path) == ["history.csv"]


def test_an_old_file_is_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("old and rather longer", encoding="utf-8")
    write_bytes_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["settings.json"]


def test_a_new_file_gets_the_umask_permissions_not_private_ones(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomically(tmp_path / "backup.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "backup.json").stat().st_mode) == 0o644


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"volume": 0.5}', encoding="utf-8")

    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, refuse)
    with pytest.raises(OSError, match="No space"):
        write_text_atomically(path, '{"volume": 0.9}')
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == '{"volume": 0.5}'
    assert os.listdir(tmp_path) == ["settings.json"]


def test_a_folder_that_cannot_be_written_raises_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "history.csv"
    path.write_text("old", encoding="utf-8")
    # chmod binds an ordinary user; root (as in CI) only an immutable folder (chattr +i).
    if os.geteuid() == 0 and not can_freeze(tmp_path):
        pytest.skip("root writes anywhere, and chattr +i is not available here")
    locked = frozen(folder) if os.geteuid() == 0 else _read_only(folder)
    with locked, pytest.raises(PermissionError):
        write_text_atomically(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(folder) == ["history.csv"]


@contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    folder.chmod(0o500)
    try:
        yield
    finally:
        folder.chmod(0o700)


def test_a_writer_that_fails_halfway_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "training-log.sqlite3"
    path.write_bytes(b"the old log")

    def half_a_copy(partial: Path) -> None:
        partial.write_bytes(b"the new")
        raise OSError(5, "Input/output error")

    with pytest.raises(OSError, match="Input/output"):
        write_atomically(path, half_a_copy)
    assert path.read_bytes() == b"the old log"
    assert os.listdir(tmp_path) == ["training-log.sqlite3"]
