"""A list that never shows half a row: the space under its last whole row is left empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget


class WholeRowList(QListWidget):
    """Word-wrapped rows, scrolled a row at a time, cut only between rows."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self._fitting = False
        self.min_rows = 1
        """Never shorter than this many whole rows (rows are taller when narrow and wrapped)."""

    def visible_rows(self) -> int:
        """How many rows fit whole in the viewport (at least one)."""
        row = self._row_height()
        return max(1, self.viewport().height() // row) if row else 0

    def height_for_rows(self, rows: int) -> int:
        """The height that shows ``rows`` whole rows (fewer if it holds fewer)."""
        chrome = self.height() - self.contentsRect().height()
        return min(rows, self.count()) * self._row_height() + chrome

    def _row_height(self) -> int:
        if self.count() == 0:
            return 0
        # As laid out at the present width (wrapped rows are taller), else as hinted.
        self.executeDelayedItemsLayout()
        laid_out = max(self.visualItemRect(self.item(r)).height() for r in range(self.count()))
        hinted = max(self.sizeHintForRow(r) for r in range(self.count()))
        return max(laid_out, hinted) + self.spacing() * 2

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        # Also called for the viewport's own resizes, which fit_rows causes: fit once only.
        super().resizeEvent(event)
        if not self._fitting:
            self.fit_rows()
            if event.size().width() != event.oldSize().width():
                self.keep_min_rows()

    def keep_min_rows(self) -> None:
        least = self.height_for_rows(self.min_rows)
        if least != self.minimumHeight():
            self.setMinimumHeight(least)

    def fit_rows(self) -> None:
        """Shrink the viewport from below to a whole number of the tallest rows."""
        self._fitting = True
        try:
            row = self._row_height()
            inner = self.contentsRect().height()
            spare = inner - max(1, inner // row) * row if row else 0
            if spare != self.viewportMargins().bottom():
                self.setViewportMargins(0, 0, 0, max(0, spare))
            if self.currentItem() is not None:
                self.scrollToItem(self.currentItem())  # the highlight stays in sight
        finally:
            self._fitting = False
