"""The session screens' countdown clock."""

from __future__ import annotations

import pytest

from app.gui.session_summary_text import clock


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0:00"), (-3, "0:00"), (0.2, "0:01"), (1.0, "0:01"), (59.5, "1:00"), (65, "1:05")],
)
def test_whole_seconds_rounded_up(seconds: float, shown: str) -> None:
    assert clock(seconds) == shown
