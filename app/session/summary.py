"""The summary of a session just trained: its totals, and each variation against last time."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.session_summary import Comparison, SessionSummary, compare, summarize
from app.storage.catalog import Catalog
from app.storage.store import SetRecord, Store


@dataclass(frozen=True, slots=True)
class SummaryData:
    """What the summary shows: the totals and, per variation (by name), the change since last."""

    summary: SessionSummary
    comparisons: list[tuple[str, Comparison | None]]

    @property
    def trained(self) -> list[str]:
        """The variation ids trained, in the summary's order."""
        return [totals.variation for totals in self.summary.by_variation]


def summary_data(
    rows: list[SetRecord], store: Store, catalog: Catalog, session_id: int | None
) -> SummaryData:
    """``rows`` (every set of the session) summed up and compared with each variation's last."""
    summary = summarize(rows)
    comparisons: list[tuple[str, Comparison | None]] = []
    for totals in summary.by_variation:
        previous = store.last_session_with(totals.variation, before_session=session_id)
        before = [] if previous is None else store.sets(session_id=previous)
        name = catalog[totals.variation].name if totals.variation in catalog else totals.variation
        comparisons.append((name, compare(totals, before)))
    return SummaryData(summary, comparisons)
