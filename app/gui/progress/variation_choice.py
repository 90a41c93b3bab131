"""The list to pick a variation from, at the top of the progress and history screens."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

SHORT_NAME_CHARS = 12
"""How narrow the list may get on a short row: about a dozen characters ("Hands-elevat…")."""
ARROW_PX = 48
"""The list's drop-down arrow and its padding."""


def variation_choice(accessible_name: str) -> QComboBox:
    """As wide as its longest name where the row has room; where it has not (1024 px, or a
    portrait tablet), it gives way down to about a dozen characters, so the buttons beside it
    keep their words whole."""
    choice = QComboBox()
    choice.setAccessibleName(accessible_name)
    choice.ensurePolished()  # the theme's font, to measure with
    metrics = choice.fontMetrics()
    choice.setMinimumWidth(metrics.averageCharWidth() * SHORT_NAME_CHARS + ARROW_PX)
    return choice
