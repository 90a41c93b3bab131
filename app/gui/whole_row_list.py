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

    def visible_rows(self) -> int:
        """How many rows fit whole in the viewport (at least one)."""
        row = self._row_height()
        return max(1, self.viewport().height() // row) if row else 0

    def _row_height(self) -> int:
        if self.count() == 0:
            return 0
        return max(self.sizeHintForRow(r) for r in range(self.count())) + self.spacing() * 2

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        # Also called for the viewport's own resizes, which fit_rows causes: fit once only.
        super().resizeEvent(event)
        if not self._fitting:
            self.fit_rows()

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
