"""The strip across the window that says sets could not be saved, and offers to save them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

SAVE_LABEL = "Save log as CSV..."


class UnsavedBanner(QFrame):
    """Hidden while every set is in the log; otherwise says why not, in words, never a trace.

    The button never takes the keyboard focus, so the hands-free keys keep driving the
    session underneath.

    Signals:
        save_requested(): the person asked to save the unsaved sets to a file.
    """

    save_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("unsaved-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#unsaved-banner { background: #7a2e0e; border-radius: 6px; }"
            " #unsaved-banner QLabel { color: white; font-size: 15px; }"
        )
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(SAVE_LABEL)
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save_button.clicked.connect(self.save_requested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.save_button)
        self.hide()

    def show_unsaved(self, count: int, problem: str | None) -> None:
        sets = "1 set is" if count == 1 else f"{count} sets are"
        why = f" ({problem})" if problem else ""
        self.text.setText(
            f"The training log cannot be written{why}. The session goes on: {sets} kept "
            f"here until the log can take {'it' if count == 1 else 'them'}, or you save "
            f"{'it' if count == 1 else 'them'} elsewhere."
        )
        self.save_button.setVisible(count > 0)
        self.show()

    def show_kept_in_memory(self, count: int) -> None:
        """The log could not be opened at start: every set of this run is in memory only."""
        sets = "1 set is" if count == 1 else f"{count} sets are"
        them = "it" if count == 1 else "them"
        self.text.setText(
            f"The training log could not be opened, so {sets} kept in memory only. Save "
            f"{them} as CSV (quitting saves {them} for you too)."
        )
        self.save_button.setVisible(count > 0)
        self.show()

    def show_saved(self, count: int, path: Path) -> None:
        sets = "1 set" if count == 1 else f"{count} sets"
        self.text.setText(
            f"Saved {sets} to {path}. Add them to the log later with: tempo-trainer import {path}"
        )
        self.save_button.show()
        self.show()

    def show_failed(self, path: Path, error: OSError) -> None:
        self.text.setText(
            f"Could not save to {path}: {error.strerror or error}. Try another place."
        )
        self.save_button.show()
        self.show()
