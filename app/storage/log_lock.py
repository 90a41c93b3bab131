"""The lock file that says the training log is in use.

Every open log (a session in ``play``, the window, a command reading it) holds a shared
``flock`` on ``training-log.lock`` beside it; a restore needs it exclusively, so it refuses
while anyone has the log open instead of swapping the file under a running session (whose
later sets would then land in, or be skipped by, someone else's log). The kernel drops the
lock when its process dies, so a killed session never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

LOCK_NAME = "training-log.lock"
WAIT_FOR_RESTORE_S = 30.0


class LogInUseError(RuntimeError):
    """Another process (or this one) has the training log open."""


def lock_path(folder: Path) -> Path:
    return folder / LOCK_NAME


def hold_shared(folder: Path) -> int | None:
    """A shared hold on the log of ``folder`` (the descriptor to ``release``).

    None when the lock file cannot be made or locked (a read-only folder): nothing there can
    be restored either, so there is nothing to guard against.
    """
    try:
        fd = os.open(lock_path(folder), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        try:
            fd = os.open(lock_path(folder), os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return None
    # Held exclusively: a restore is switching the files. Wait for it (it is quick), but
    # never for ever: a hung restore must not keep a workout from starting.
    deadline = time.monotonic() + WAIT_FOR_RESTORE_S
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        except OSError:
            break
    os.close(fd)
    return None


def hold_exclusive(folder: Path) -> int:
    """The only hold on the log of ``folder``; LogInUseError while anyone else has it open."""
    fd = os.open(lock_path(folder), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise LogInUseError(
            "the training log is in use (a session is running, or the app is open); close it first"
        ) from None
    except OSError:
        os.close(fd)
        raise
    return fd


def release(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)
