"""Reading the user's text files without ever raising a traceback at them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.domain.problems import InputError, Problem

MAX_TEXT_BYTES = 1_000_000


def read_text(path: Path, max_bytes: int = MAX_TEXT_BYTES) -> str:
    """UTF-8 text of a small regular file (a BOM is dropped); InputError if it cannot be read.

    Never more than ``max_bytes`` is read (a link to ``/dev/zero`` is refused, not read).
    """
    try:
        # Non-blocking: opening a FIFO named like a plan must not freeze the app.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise InputError(Problem(f"cannot read the file: {error.strerror or error}")) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(Problem("not a regular file"))
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputError(Problem(f"cannot read the file: {error.strerror or error}")) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > max_bytes:
        raise InputError(Problem(f"the file is larger than {max_bytes // 1000} kB"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(Problem("not UTF-8 text", line)) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(Problem("the file holds binary data (a NUL byte)", line))
    return text
