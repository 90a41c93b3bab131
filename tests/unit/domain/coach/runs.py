"""Block runs as the coach sees them, built from logged sessions (tests/fixtures)."""

from __future__ import annotations

from app.domain.coach.evidence import BlockRun, gather
from app.domain.coach.signs import BlockHistory
from app.domain.progression import TrainedSet
from app.storage.catalog import Catalog
from tests.fixtures.coach_histories import TODAY, history


def runs(catalog: Catalog, *sessions: list[TrainedSet]) -> list[BlockRun]:
    """The first block of each session, oldest first."""
    evidence = gather(history(*sessions), catalog, TODAY)
    return [trained.blocks[0] for trained in evidence.sessions]


def block_history(
    catalog: Catalog, *sessions: list[TrainedSet], other_tempos: int = 0, days_off: int = 2
) -> BlockHistory:
    """The last session's first block, with the ones before it as its history.

    The last ``other_tempos`` of the earlier ones count as the same block at other tempos.
    """
    *earlier, run = runs(catalog, *sessions)
    cut = len(earlier) - other_tempos
    return BlockHistory(run, tuple(earlier[:cut]), tuple(earlier[cut:]), days_off)
