"""Guarding the log's shared-memory file (``-shm``) against a SIGBUS.

In WAL mode SQLite maps ``training-log.sqlite3-shm`` into memory and writes to it on every
read and write. Once that file cannot be written (``chattr +i`` mid-session, a folder frozen
under a running app), the next touch of the mapping kills the process with SIGBUS: no error,
no rescue CSV, the set being saved lost. So every statement first checks that the file can
still be written (one ``access`` call). When it cannot, the process's mappings of it are made
private copies (what SQLite reads stays the same; what it writes no longer reaches the file)
and every later write raises ``SharedMemoryFrozen`` (reads go on): the store refuses writes,
and the front ends keep the sets in memory and in a rescue CSV like any other write failure.
"""

from __future__ import annotations

import ctypes
import mmap
import os
import sqlite3
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_MAP_FIXED = 0x10
_detach_lock = threading.Lock()


class SharedMemoryFrozen(sqlite3.OperationalError):
    """The log's ``-shm`` file cannot be written: nothing more may be written to the log."""


def shm_path(log: Path) -> Path:
    return log.with_name(log.name + "-shm")


def shm_unwritable(log: Path) -> bool:
    """The ``-shm`` file exists and cannot be written (a missing one is created by SQLite)."""
    shm = shm_path(log)
    return not os.access(shm, os.W_OK) and os.path.lexists(shm)


class GuardedConnection(sqlite3.Connection):
    """A connection that checks the ``-shm`` file before every statement (see the module)."""

    guarded_log: Path | None = None
    frozen = False

    def guard(self, log: Path) -> None:
        self.guarded_log = log

    def _check(self, sql: str = "") -> None:
        """Refuse once the file cannot be written; a plain read still works on the copy."""
        log = self.guarded_log
        if log is None:
            return
        if self.frozen or shm_unwritable(log):
            if not self.frozen:
                detach_shared_memory(shm_path(log))
                self.frozen = True
            if sql.lstrip()[:6].upper() == "SELECT" and not self.in_transaction:
                return
            raise SharedMemoryFrozen(f"{shm_path(log)} cannot be written")

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        self._check(sql)
        return super().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        self._check()
        return super().executemany(sql, parameters)

    def executescript(self, sql_script: str, /) -> sqlite3.Cursor:
        self._check()
        return super().executescript(sql_script)

    def close(self) -> None:
        # Closing reads the wal-index (a checkpoint): a frozen file must be made private first.
        log = self.guarded_log
        if log is not None and not self.frozen and shm_unwritable(log):
            detach_shared_memory(shm_path(log))
            self.frozen = True
        super().close()


def detach_shared_memory(shm: Path) -> int:
    """Remap every mapping of ``shm`` in this process as a private copy; how many were.

    Linux only (it reads ``/proc/self/maps``); elsewhere nothing is remapped.
    """
    if not sys.platform.startswith("linux"):
        return 0
    real = os.path.realpath(shm)
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [
        ctypes.c_void_p,
        ctypes.c_size_t,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_long,
    ]
    remapped = 0
    with _detach_lock:
        try:
            fd = os.open(real, os.O_RDONLY)
        except OSError:
            return 0
        try:
            with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
                regions = [line.split(None, 5) for line in maps]
            for parts in regions:
                if len(parts) != 6 or parts[5].strip() != real:
                    continue
                start, end = (int(x, 16) for x in parts[0].split("-"))
                flags = mmap.MAP_PRIVATE | _MAP_FIXED
                protection = mmap.PROT_READ | mmap.PROT_WRITE
                address = libc.mmap(start, end - start, protection, flags, fd, int(parts[2], 16))
                remapped += address == start
        finally:
            os.close(fd)
    return remapped
