"""Small text helpers shared by the session screens."""

from __future__ import annotations

import math


def clock(seconds: float) -> str:
    """``1:05`` for a countdown: whole seconds rounded up, never showing 0 early."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60}:{whole % 60:02d}"
