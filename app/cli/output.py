"""What the commands print: exit codes, error lines, UTF-8 for programs."""

from __future__ import annotations

import io
import sys

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a closed pipe
EXIT_INTERRUPTED = 130


def safe_output() -> None:
    """Text the terminal's encoding cannot show is replaced, never a traceback.

    Under a Latin-1 locale, a plan titled in Greek would otherwise crash ``timeline`` and
    ``play``. What is meant to be read back (CSV, JSON) is written as UTF-8 whatever the locale.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def write_utf8(text: str) -> None:
    """Output a program reads back (CSV, JSON): UTF-8 bytes, whatever the locale says."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8", "surrogateescape"))
    buffer.flush()


def print_error(message: str) -> None:
    print(f"tempo-trainer: {message}", file=sys.stderr)
