"""Timing a fresh Python process until it prints its first line (the benches' start-ups)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path


def first_line(
    code: str, folder: Path, env: Mapping[str, str], *, timeout_s: float = 60
) -> tuple[float, str]:
    """Run ``python -c code folder``; the seconds until it printed a line, and that line."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=dict(env),
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    child.wait(timeout=timeout_s)
    return elapsed, line
