"""A real log in a temporary folder and a session's sets played on a hand-moved clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.player import LoggedSet, Player, SetResult
from app.domain.stage import Stage
from tests.conftest import plan_text

PLAN = plan_text(
    """
    variation = "floor-push-up"
    sets = 3
    reps = 2
    tempo = "2-0-1-0"
    rest_s = 20
    """,
    title="Three floor sets",
)
START = datetime(2026, 3, 1, 7, 30, tzinfo=UTC)


class WallClock:
    """Wall-clock time that moves a minute each time it is read."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self) -> datetime:
        self.reads += 1
        return START + timedelta(minutes=self.reads)


def play_one_set(player: Player, now: float, reps: int = 2) -> LoggedSet:
    """Start (or reach) the current set at ``now``, end it, and log ``reps`` for it."""
    if player.stage is Stage.READY:
        player.start(now)
    else:
        player.advance(now)
    player.end_set(now + 1)
    return player.log_set(now + 2, SetResult(reps=reps, box_height_cm=None))
