"""A scroll area as tall as what it holds while there is room, scrolling when there is not."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

MIN_HEIGHT_PX = 90
"""Never squeezed below about two lines of text."""


class FittedScroll(QScrollArea):
    """Holds ``content``: asks for its full height (up to ``max_hint_px``), gives way down to
    ``min_hint_px`` (None: never, while the layout can give it room); the rest scrolls.

    ``line_px``: the content is lines of text this tall; when it scrolls, the part in sight
    ends on a whole line (the space left below stays empty) instead of half of the next.
    ``whole_rows``: the content is a column of widgets (labels of several sizes); when it
    scrolls, the part in sight ends after the last one whole at the top of the scroll.
    """

    def __init__(
        self, content: QWidget, max_hint_px: int = 10_000, min_hint_px: int | None = MIN_HEIGHT_PX
    ) -> None:
        super().__init__()
        # A viewport made here, so that Python already knows it: for one Qt made itself,
        # PySide6 would first load every QtWidgets class to learn its type (~9 ms at start).
        self.setViewport(QWidget())
        self.max_hint_px = max_hint_px
        self.min_hint_px = min_hint_px
        self.line_px: int | None = None
        self.whole_rows = False
        self._content = content
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # It sits on a card: the card's colour shows through (a rule of the theme's style
        # sheet, not a sheet of its own: that would style the whole content once more).
        self.setProperty("fitted", True)

    def _content_height(self) -> int:
        content = self._content
        width = max(1, self.viewport().width())
        if content.hasHeightForWidth():
            return content.heightForWidth(width)
        return content.sizeHint().height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wrapped text: another width, another height
        self.show_whole_lines()

    def show_whole_lines(self) -> None:
        """With ``line_px`` or ``whole_rows`` set and the content scrolling, hide the part
        line (or row) at the bottom."""
        height = self.height() - 2 * self.frameWidth()
        cut = 0
        if self._content_height() > height:
            if self.line_px is not None:
                cut = height % self.line_px
            elif self.whole_rows:
                bottoms = [
                    child.geometry().bottom() + 1
                    for child in self._content.findChildren(QWidget)
                    if child.parentWidget() is self._content and child.isVisibleTo(self._content)
                ]
                whole = [bottom for bottom in bottoms if bottom <= height]
                cut = height - max(whole) if whole else 0
        if cut != self.viewportMargins().bottom():
            self.setViewportMargins(0, 0, 0, cut)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        height = min(self.max_hint_px, self._content_height() + 2)
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        whole = self._content_height() + 2
        least = whole if self.min_hint_px is None else self.min_hint_px
        return QSize(0, min(least, self.max_hint_px, whole))
