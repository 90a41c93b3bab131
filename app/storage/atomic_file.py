"""Writing a file whole or not at all: the one way the app writes its files.

The new contents go to a temporary file in the same folder (so the final rename never
crosses file systems), are flushed and synced to the disk, then replace the file in one
step; the folder is synced too, so the new name survives a power cut. When anything fails
the temporary file is removed and the old file is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path

PARTIAL_SUFFIX = ".partial"
"""How a temporary file being written ends (it starts with a dot: hidden, never a plan)."""


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` whole or not at all; OSError when it cannot be written."""
    write_atomically(path, lambda partial: partial.write_bytes(data))


def write_atomically(path: Path, fill: Callable[[Path], object]) -> None:
    """Replace ``path`` with the file ``fill`` writes at the temporary path it is given.

    For a writer that needs a path of its own (SQLite's backup). Whatever ``fill`` raises
    reaches the caller, the old file untouched. A new file gets the permissions the
    person's umask gives any new file.
    """
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}{PARTIAL_SUFFIX}")
    # Taken with O_EXCL, so no other writer (or a link planted there) is ever written through.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666))
    try:
        fill(partial)
        fd = os.open(partial, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    sync_folder(path.parent)


def write_text_atomically(path: Path, text: str) -> None:
    """``write_bytes_atomically`` for UTF-8 text, written as given (no newline translation)."""
    write_bytes_atomically(path, text.encode("utf-8"))


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a folder that cannot be synced is no error."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
