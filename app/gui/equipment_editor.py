"""The equipment profile editor: surfaces (name + height), stature and body mass."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.equipment import MAX_SURFACE_NAME, MAX_SURFACES, EquipmentProfile, parse_equipment
from app.domain.load_model import MAX_BOX_HEIGHT_CM, MAX_STATURE_CM, MIN_STATURE_CM
from app.domain.problems import InputError
from app.domain.units import Units, from_display, to_display


class SurfaceRow(QWidget):
    """One surface: its name, its height in the person's units, and a way to remove it.

    Signals:
        edited(): its name or height changed.
        removed(): its Remove button was tapped.
    """

    edited = Signal()
    removed = Signal()

    def __init__(self, name: str, height_cm: float, units: Units) -> None:
        super().__init__()
        self.name = QLineEdit(name)
        self.name.setMaxLength(MAX_SURFACE_NAME)
        self.name.setAccessibleName("Surface name")
        self.name.setMinimumWidth(160)
        self.name.setCursorPosition(0)  # a narrow field shows the name's start, not its end
        self.height_spin = QDoubleSpinBox()
        self.height_spin.setDecimals(1)
        self.height_spin.setAccessibleName("Surface height")
        self.show_units(height_cm, units)
        remove = QPushButton("Remove")
        remove.clicked.connect(self.removed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 3)
        row.addWidget(self.height_spin, 2)
        row.addWidget(remove)
        self.name.textEdited.connect(self.edited)
        self.height_spin.valueChanged.connect(self.edited)

    def show_units(self, height_cm: float, units: Units) -> None:
        self.height_spin.blockSignals(True)
        self.height_spin.setSuffix(f" {units.value}")
        self.height_spin.setRange(0, to_display(MAX_BOX_HEIGHT_CM, units))
        self.height_spin.setValue(to_display(height_cm, units))
        self.height_spin.blockSignals(False)


class SurfaceHeader(QWidget):
    """The column headings over the surface rows, laid out like a row so they line up."""

    def __init__(self) -> None:
        super().__init__()
        self.surface = QLabel("Surface")
        self.height_label = QLabel("Height")
        for label in (self.surface, self.height_label):
            label.setProperty("role", "muted")
        # Takes the Remove button's width without showing, so the columns line up.
        spacer = QPushButton("Remove")
        policy = spacer.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        spacer.setSizePolicy(policy)
        spacer.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.surface, 3)
        row.addWidget(self.height_label, 2)
        row.addWidget(spacer)


class EquipmentEditor(QWidget):
    """Edits an equipment profile; says plainly what is wrong instead of saving a bad one.

    Signals:
        changed(EquipmentProfile): after every edit that gives a valid profile.
    """

    changed = Signal(EquipmentProfile)

    def __init__(self, profile: EquipmentProfile) -> None:
        super().__init__()
        self.profile = profile
        self.units = profile.units
        heading = QLabel("Your equipment")
        heading.setProperty("role", "subheading")
        explain = QLabel(
            "What you can put your hands on, and how high it is. "
            "The coach picks the next step from these."
        )
        explain.setProperty("role", "muted")
        explain.setWordWrap(True)
        self.stature = QDoubleSpinBox()
        self.stature.setAccessibleName("Your height")
        self.body_mass = QDoubleSpinBox()
        self.body_mass.setRange(0, 300)
        self.body_mass.setDecimals(1)
        self.body_mass.setSuffix(" kg")
        self.body_mass.setSpecialValueText("not set")
        self.body_mass.setValue(profile.body_mass_kg or 0)
        self.rows: list[SurfaceRow] = []
        self.header = SurfaceHeader()
        self.row_layout = QVBoxLayout()
        self.row_layout.setSpacing(6)
        self.add = QPushButton("+ Add surface")
        self.add.clicked.connect(self.on_add_clicked)
        self.error = QLabel()
        self.error.setProperty("role", "danger")
        self.error.setWordWrap(True)
        self.error.hide()
        body = QFormLayout()
        body.setVerticalSpacing(10)
        body.addRow("Your height", self.stature)
        body.addRow("Body mass", self.body_mass)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addLayout(body)
        layout.addWidget(self.header)
        layout.addLayout(self.row_layout)
        layout.addWidget(self.add)
        layout.addWidget(self.error)
        for surface in profile.surfaces:
            self._add_row(surface.name, surface.height_cm)
        self._show_stature(profile.stature_cm)
        self.stature.valueChanged.connect(self.on_edited)
        self.body_mass.valueChanged.connect(self.on_edited)

    def set_units(self, units: Units) -> None:
        """Show every length in ``units`` (from the last valid profile, kept in cm)."""
        self.units = units
        self.profile = replace(self.profile, units=units)
        self._show_stature(self.profile.stature_cm)
        for row in list(self.rows):
            self._remove_row(row)
        for surface in self.profile.surfaces:
            self._add_row(surface.name, surface.height_cm)
        self.error.hide()

    def _show_stature(self, stature_cm: float) -> None:
        self.stature.blockSignals(True)
        self.stature.setDecimals(1 if self.units is Units.INCHES else 0)
        self.stature.setSuffix(f" {self.units.value}")
        self.stature.setRange(
            to_display(MIN_STATURE_CM, self.units), to_display(MAX_STATURE_CM, self.units)
        )
        self.stature.setValue(to_display(stature_cm, self.units))
        self.stature.blockSignals(False)

    def _add_row(self, name: str, height_cm: float) -> SurfaceRow:
        row = SurfaceRow(name, height_cm, self.units)
        row.edited.connect(self.on_edited)
        row.removed.connect(partial(self.on_removed, row))
        self.rows.append(row)
        self.row_layout.addWidget(row)
        self._rows_changed()
        return row

    def _remove_row(self, row: SurfaceRow) -> None:
        self.rows.remove(row)
        self.row_layout.removeWidget(row)
        row.deleteLater()
        self._rows_changed()

    def _rows_changed(self) -> None:
        self.add.setEnabled(len(self.rows) < MAX_SURFACES)
        self.header.setVisible(bool(self.rows))

    def on_add_clicked(self) -> None:
        taken = {row.name.text().strip().casefold() for row in self.rows}
        number = next(n for n in range(1, MAX_SURFACES + 2) if f"surface {n}" not in taken)
        lowest = min((row.height_spin.value() for row in self.rows), default=None)
        height_cm = 40.0 if lowest is None else max(0.0, from_display(lowest, self.units) - 10)
        row = self._add_row(f"Surface {number}", height_cm)
        row.name.setFocus()
        row.name.selectAll()
        self.on_edited()

    def on_removed(self, row: SurfaceRow) -> None:
        self._remove_row(row)
        self.on_edited()

    def on_edited(self) -> None:
        units = self.units
        data: dict[str, object] = {
            "surfaces": [
                {"name": row.name.text(), "height_cm": from_display(row.height_spin.value(), units)}
                for row in self.rows
            ],
            "units": units.value,
            "stature_cm": from_display(self.stature.value(), units),
            "body_mass_kg": self.body_mass.value() or None,
        }
        try:
            profile = parse_equipment(data)
        except InputError as error:
            self.error.setText("Not saved: " + "; ".join(p.message for p in error.problems))
            self.error.show()
            return
        self.error.hide()
        self.profile = profile
        self.changed.emit(profile)
