"""The -shm guard, in a child process: if it failed, SIGBUS would kill the test run itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.storage.shared_memory import shm_unwritable
from tests.fixtures.faults import can_freeze

CHILD = """
import subprocess, sys
from datetime import UTC, datetime
from pathlib import Path
from app.storage.store import Store, StoreError
log = Path(sys.argv[1])
store = Store(log)
store.begin_session(title="a", started_at=datetime(2026, 11, 2, tzinfo=UTC))
subprocess.run(["chattr", "+i", str(log) + "-shm"], check=True)
try:
    store.begin_session(title="b", started_at=datetime(2026, 11, 2, tzinfo=UTC))
except StoreError as error:
    print("refused:", error)
print("sessions:", len(store.sessions()))
store.close()
print("closed")
"""


def test_a_missing_shm_file_is_not_an_unwritable_one(tmp_path: Path) -> None:
    assert not shm_unwritable(tmp_path / "log.sqlite3")


def test_a_frozen_shm_refuses_writes_and_the_process_lives(tmp_path: Path) -> None:
    if not can_freeze(tmp_path):
        pytest.skip("chattr +i is not available here")
    log = tmp_path / "log.sqlite3"
    try:
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(log)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        subprocess.run(["chattr", "-i", f"{log}-shm"], check=False)
    assert child.returncode == 0, (child.returncode, child.stderr)  # not -7 (SIGBUS)
    lines = child.stdout.splitlines()
    assert lines[0].startswith("refused:") and "-shm cannot be written" in lines[0]
    assert lines[1:] == ["sessions: 1", "closed"]
