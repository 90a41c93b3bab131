"""How commands open the log: the safe path, and never a new folder for one that only reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.log_access import NoDataFolderError, log_to_read, open_log
from app.storage.data_dir import store_path


def test_a_command_that_only_reads_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    with pytest.raises(NoDataFolderError, match=f"no data folder at {missing}"):
        log_to_read(missing, unwritable="")
    assert not missing.exists()


def test_open_log_makes_the_log_and_reading_it_again_works(tmp_path: Path) -> None:
    open_log(tmp_path / "data").close()
    assert store_path(tmp_path / "data").is_file()
    with log_to_read(tmp_path / "data", unwritable="read-only") as store:
        assert store.sets() == []


def test_a_damaged_log_is_restored_and_the_command_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    open_log(data).close()
    open_log(data).close()  # a backup of the good log is now kept
    store_path(data).write_bytes(b"not a training log" * 200)
    for side in ("-wal", "-shm"):
        Path(f"{store_path(data)}{side}").unlink(missing_ok=True)
    open_log(data).close()
    err = capsys.readouterr().err
    assert err.startswith("tempo-trainer: ") and "damaged" in err
