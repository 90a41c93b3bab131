"""The Quick session form: one block of one variation, typed in on the home screen."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.limits import MAX_BOX_HEIGHT_CM, MAX_SETS_PER_BLOCK
from app.domain.quick_session import QuickSession
from app.domain.tempo import TempoError, parse_tempo
from app.domain.tempo_words import tempo_words
from app.domain.units import Units, from_display, to_display
from app.storage.catalog import Catalog
from app.storage.settings import Settings


class QuickSessionForm(QFrame):
    """Variation, box height, sets, reps, tempo and rest.

    Signals:
        submitted(QuickSession): the person pressed Start.
    """

    submitted = Signal(QuickSession)

    def __init__(
        self, catalog: Catalog, settings: Settings, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._catalog = catalog
        self._settings = settings
        self.variation = QComboBox()
        self.variation.setAccessibleName("Variation")
        # Not as wide as the longest name: on a 1024x600 screen the form's column is narrow,
        # and a wider form would be cut at the right (names elide instead).
        self.variation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.variation.setMinimumContentsLength(10)
        for variation in catalog.values():
            self.variation.addItem(variation.name, variation.id)
        self.box_height = QDoubleSpinBox()
        self.box_height.setDecimals(1)
        self.sets = QSpinBox()
        self.sets.setRange(1, MAX_SETS_PER_BLOCK)
        self.sets.setValue(3)
        self.reps = QLineEdit()
        self.reps.setPlaceholderText("10, 8-12 or max")
        self.tempo = QLineEdit()
        self.tempo.setPlaceholderText("3-1-1-0")
        self.rest = QSpinBox()
        self.rest.setRange(0, 600)
        self.rest.setSingleStep(15)
        self.rest.setSuffix(" s")
        self.note = QLabel()
        self.note.setObjectName("quick-note")
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.tempo.textChanged.connect(self.on_tempo_changed)
        self.error = QLabel()
        self.error.setProperty("role", "danger")
        self.error.setWordWrap(True)
        self.error.hide()
        self.start = QPushButton("Start quick session")
        self.start.setProperty("primary", True)
        self.start.clicked.connect(self.on_start_clicked)
        form = QFormLayout()
        form.addRow("Variation", self.variation)
        form.addRow("Box height", self.box_height)
        form.addRow("Sets", self.sets)
        form.addRow("Reps", self.reps)
        form.addRow("Tempo", self.tempo)
        form.addRow("Rest", self.rest)
        heading = QLabel("Quick session")
        heading.setProperty("role", "heading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.start)
        layout.addWidget(self.note)  # below Start: a short screen scrolls to it, not to Start
        self.variation.currentIndexChanged.connect(self.on_variation_changed)
        self.apply_settings(settings)

    def apply_settings(self, settings: Settings) -> None:
        self._settings = settings
        self.box_height.setSuffix(f" {settings.units.value}")
        self.box_height.setRange(0, to_display(MAX_BOX_HEIGHT_CM, settings.units))
        self.on_variation_changed()

    def on_variation_changed(self) -> None:
        variation = self._catalog[str(self.variation.currentData())]
        self.box_height.setEnabled(variation.uses_box)
        height = variation.default_box_height_cm or 0.0
        self.box_height.setValue(to_display(height, self._settings.units))
        self.reps.setText(str(variation.default_reps))
        self.tempo.setText(str(variation.default_tempo))
        self.rest.setValue(round(self._settings.default_rest_s))
        self.on_tempo_changed()

    def on_tempo_changed(self) -> None:
        """Under the form: the tempo in words, then what to know before choosing this one."""
        lines = []
        with contextlib.suppress(TempoError):
            lines.append(tempo_words(parse_tempo(self.tempo.text())))
        variation = self._catalog[str(self.variation.currentData())]
        if variation.caveat:
            lines.append(variation.caveat)
        self.note.setText("\n".join(lines))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def on_start_clicked(self) -> None:
        self.show_error("")
        units: Units = self._settings.units
        self.submitted.emit(
            QuickSession(
                variation_id=str(self.variation.currentData()),
                box_height_cm=from_display(self.box_height.value(), units),
                sets=self.sets.value(),
                reps=self.reps.text(),
                tempo=self.tempo.text(),
                rest_s=float(self.rest.value()),
            )
        )
