from __future__ import annotations

from pathlib import Path

import pytest

from app.storage import log_lock
from app.storage.log_lock import LogInUseError, hold_exclusive, hold_shared, release


def test_many_may_share_the_log_but_a_restore_needs_it_alone(tmp_path: Path) -> None:
    first, second = hold_shared(tmp_path), hold_shared(tmp_path)
    assert first is not None and second is not None
    with pytest.raises(LogInUseError, match="close it first"):
        hold_exclusive(tmp_path)
    release(first)
    with pytest.raises(LogInUseError):
        hold_exclusive(tmp_path)
    release(second)
    alone = hold_exclusive(tmp_path)
    release(alone)


def test_an_opener_waits_for_a_restore_but_not_for_ever(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(log_lock, "WAIT_FOR_RESTORE_S", 0.1)
    alone = hold_exclusive(tmp_path)
    try:
        assert hold_shared(tmp_path) is None
    finally:
        release(alone)
    shared = hold_shared(tmp_path)
    assert shared is not None
    release(shared)
