"""Reading the user's text files without ever raising a traceback at them."""

from __future__ import annotations

from pathlib import Path

from app.domain.problems import InputError, Problem

MAX_TEXT_BYTES = 1_000_000


def read_text(path: Path, max_bytes: int = MAX_TEXT_BYTES) -> str:
    """UTF-8 text of a small file (a BOM is dropped); InputError if it cannot be read."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputError(Problem(f"cannot read the file: {error.strerror or error}")) from None
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
