"""Settings: each change applies at once and is saved; the equipment profile beside them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.audio.cue_names import CUE_NAMES
from app.audio.output import CueOutput
from app.domain.equipment import EquipmentProfile
from app.domain.timeline import CueKind
from app.domain.units import Units
from app.gui.audio_self_test import AudioSelfTest
from app.gui.equipment_editor import EquipmentEditor
from app.gui.keys import Action
from app.gui.screen import Screen
from app.storage.settings import Settings, Theme

SIDE_MARGINS_PX = 120
"""The screen's margins and the scroll bar, beside the two columns."""


class SettingsScreen(Screen):
    """Signals: changed(Settings) after every edit; closed().

    With ``open_output`` (the services' factory) the screen offers the audio self-test.
    """

    changed = Signal(Settings)
    closed = Signal()

    def __init__(
        self,
        settings: Settings,
        screen_awake_note: str,
        open_output: Callable[[Settings], CueOutput] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("settings")
        self.settings = settings
        heading = QLabel("Settings")
        heading.setProperty("role", "heading")
        self.units = QComboBox()
        self.units.setAccessibleName("Units")
        self.units.addItem("centimetres", Units.CM.value)
        self.units.addItem("inches", Units.INCHES.value)
        self.units.setCurrentIndex(0 if settings.units is Units.CM else 1)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        self.theme.addItem("dark", Theme.DARK.value)
        self.theme.addItem("light", Theme.LIGHT.value)
        self.theme.setCurrentIndex(0 if settings.theme is Theme.DARK else 1)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(settings.volume * 100))
        self.muted = QCheckBox("Muted (M)")
        self.muted.setChecked(settings.muted)
        self.voice = QCheckBox("Speak the count and phase words")
        self.voice.setChecked(settings.voice_counts)
        self.sound_test = QPushButton("Play every sound")
        self.sound_test.setToolTip("Each cue once, a second apart, at the volume set above")
        self.sound_playing = QLabel("")
        self.sound_playing.setObjectName("sound-playing")
        self.sound_playing.setWordWrap(True)
        self.self_test: AudioSelfTest | None = None
        if open_output is not None:
            self.self_test = AudioSelfTest(open_output, self)
            self.self_test.cue_played.connect(self.on_cue_played)
            self.self_test.finished.connect(self.on_self_test_finished)
            self.sound_test.clicked.connect(self.on_sound_test_clicked)
        else:
            self.sound_test.setEnabled(False)
        self.count_in = QSpinBox()
        self.count_in.setRange(0, 10)
        self.count_in.setSuffix(" s")
        self.count_in.setValue(round(settings.count_in_s))
        self.count_in.setToolTip(
            "Counted before each set of quick sessions and of plans without their own"
            " count-in (a plan's count_in_s wins)"
        )
        self.rest = QSpinBox()
        self.rest.setRange(0, 600)
        self.rest.setSingleStep(15)
        self.rest.setSuffix(" s")
        self.rest.setValue(round(settings.default_rest_s))
        self.skip_setup = QCheckBox("Skip setup for practised variations")
        self.skip_setup.setChecked(settings.skip_practised_setup)
        self.fullscreen = QCheckBox("Open full screen")
        self.fullscreen.setChecked(settings.fullscreen_on_start)
        form = QFormLayout()
        form.addRow("Units", self.units)
        form.addRow("Theme", self.theme)
        form.addRow("Volume", self.volume)
        form.addRow("", self.muted)
        form.addRow("", self.voice)
        form.addRow("Sound check", self.sound_test)
        form.addRow("", self.sound_playing)
        form.addRow("Default count-in", self.count_in)
        form.addRow("Default rest", self.rest)
        form.addRow("", self.skip_setup)
        form.addRow("", self.fullscreen)
        awake = QLabel(screen_awake_note)
        awake.setWordWrap(True)
        awake.setProperty("role", "muted")
        self.equipment = EquipmentEditor(settings.equipment)
        self.equipment.changed.connect(self.on_equipment_changed)
        back = QPushButton("← Back")
        back.setAccessibleName("Back home")
        back.clicked.connect(self.closed)

        # Spacing set here: a layout without its own takes its parent's wide column gap.
        form.setVerticalSpacing(14)
        general = QVBoxLayout()
        general.setSpacing(14)
        general.addLayout(form)
        general.addWidget(awake)
        general.addStretch(1)
        gear = QVBoxLayout()
        gear.setSpacing(14)
        gear.addWidget(self.equipment)
        gear.addStretch(1)
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._columns.setSpacing(48)
        self._columns.addLayout(general, 5)
        self._columns.addLayout(gear, 6)
        self._general, self._gear = general, gear
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 12, 0)
        page_layout.addWidget(heading)
        page_layout.addLayout(self._columns)
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(scroll, 1)
        layout.addWidget(back)
        self.units.currentIndexChanged.connect(self.on_units_changed)
        self.theme.currentIndexChanged.connect(self.on_edited)
        for spin in (self.count_in, self.rest, self.volume):
            spin.valueChanged.connect(self.on_edited)
        for box in (self.muted, self.voice, self.skip_setup, self.fullscreen):
            box.toggled.connect(self.on_edited)

    def on_edited(self) -> None:
        self.settings = replace(
            self.settings,
            units=Units(self.units.currentData()),
            theme=Theme(self.theme.currentData()),
            volume=self.volume.value() / 100,
            muted=self.muted.isChecked(),
            voice_counts=self.voice.isChecked(),
            count_in_s=float(self.count_in.value()),
            default_rest_s=float(self.rest.value()),
            skip_practised_setup=self.skip_setup.isChecked(),
            fullscreen_on_start=self.fullscreen.isChecked(),
            equipment=self.equipment.profile,
        )
        self.changed.emit(self.settings)

    def on_units_changed(self) -> None:
        self.equipment.set_units(Units(self.units.currentData()))
        self.on_edited()

    def on_equipment_changed(self, profile: EquipmentProfile) -> None:
        del profile  # the editor keeps it; on_edited reads it from there
        self.on_edited()

    def on_sound_test_clicked(self) -> None:
        assert self.self_test is not None
        if self.self_test.running:
            self.self_test.stop()
            return
        if not self.self_test.start(self.settings):
            return  # nothing could play: finished has already said why
        self.sound_test.setText("Stop")
        self.sound_playing.setText(self.self_test.report)

    def on_cue_played(self, kind: CueKind) -> None:
        self.sound_playing.setText(f"♪ {CUE_NAMES[kind]}")

    def on_self_test_finished(self) -> None:
        self.sound_test.setText("Play every sound")
        assert self.self_test is not None
        self.sound_playing.setText(self.self_test.report)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        if self.self_test is not None:
            self.self_test.stop()
        super().hideEvent(event)

    def show_muted(self, muted: bool) -> None:
        self.muted.blockSignals(True)
        self.muted.setChecked(muted)
        self.muted.blockSignals(False)
        self.settings = replace(self.settings, muted=muted)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        # One column when two would not fit side by side (portrait, or a 1024x600 netbook):
        # the page then scrolls down instead of cutting the equipment off at the right.
        side_by_side = (
            self._general.minimumSize().width()
            + self._gear.minimumSize().width()
            + self._columns.spacing()
            + SIDE_MARGINS_PX
        )
        stacked = self.height() > self.width() or self.width() < side_by_side
        self._columns.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)

    def handle(self, action: Action) -> bool:
        if action is Action.LEAVE:
            self.closed.emit()
            return True
        return False
