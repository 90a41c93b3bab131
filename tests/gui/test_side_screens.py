"""Progress, History and the equipment editor, reached from home."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.domain.equipment import EquipmentProfile, Surface
from app.domain.units import Units
from app.gui.main_window import MainWindow
from app.gui.progress.charts import RepsChart
from app.gui.progress.history_screen import HistoryScreen
from app.gui.progress.progress_screen import ProgressScreen
from app.gui.settings_screen import SettingsScreen
from app.storage.settings import Settings, load_settings, read_settings, settings_path
from app.storage.store import Store
from tests.gui.helpers import screen_name
from tests.gui.test_coach_on_home import log_session


def nav_button(window: MainWindow, text: str) -> QPushButton:
    return next(b for b in window.home.findChildren(QPushButton) if b.text() == text)


def test_progress_opens_with_charts_and_back_returns_home(
    qtbot: QtBot, make_window: Callable[..., MainWindow], store: Store
) -> None:
    log_session(store, "2024-04-29", [8, 9, 10])
    log_session(store, "2024-05-03", [10, 11, 12])
    window = make_window(
        Settings(equipment=EquipmentProfile(stature_cm=190.0, surfaces=(Surface("bench", 45),)))
    )
    QTest.mouseClick(nav_button(window, "Progress"), Qt.MouseButton.LeftButton)
    screen = window.current
    assert isinstance(screen, ProgressScreen)
    chart = screen.chart()
    assert isinstance(chart, RepsChart)
    assert list(screen.shown_sets.set_reps) == [8, 9, 10, 10, 11, 12]
    assert screen.variation.currentText() == "Hands-elevated push up"
    # The load chart uses the stature from Settings: a taller person carries a little more.
    share = screen.table.share[0]
    with Store(store.path) as same:
        from app.storage.progress_data import load_set_table

        default = load_set_table(same, window.services.catalog).share[0]
    assert share > default
    screen.closed.emit()
    assert screen_name(window) == "home"


def test_history_shows_the_table(
    qtbot: QtBot, make_window: Callable[..., MainWindow], store: Store
) -> None:
    log_session(store, "2024-05-03", [10, 11, 12])
    log_session(store, "2024-05-04", [3], rehearsal=True)
    window = make_window()
    QTest.mouseClick(nav_button(window, "History"), Qt.MouseButton.LeftButton)
    screen = window.current
    assert isinstance(screen, HistoryScreen)
    assert screen.model.rowCount() == 4
    assert "4 sets shown" in screen.count.text()
    QTest.mouseClick(
        next(b for b in screen.findChildren(QPushButton) if b.text() == "← Back"),
        Qt.MouseButton.LeftButton,
    )
    assert screen_name(window) == "home"


def settings_screen(window: MainWindow) -> SettingsScreen:
    window.home.settings_requested.emit()
    screen = window.current
    assert isinstance(screen, SettingsScreen)
    return screen


def test_the_equipment_editor_persists_the_profile(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    window = make_window()
    editor = settings_screen(window).equipment
    editor.add.click()
    editor.add.click()
    first, second = editor.rows
    first.name.setText("kitchen counter")
    first.name.textEdited.emit("kitchen counter")
    first.height_spin.setValue(90)
    second.name.setText("stair")
    second.name.textEdited.emit("stair")
    second.height_spin.setValue(20)
    editor.stature.setValue(168)
    editor.body_mass.setValue(61.5)
    expected = EquipmentProfile(
        surfaces=(Surface("kitchen counter", 90.0), Surface("stair", 20.0)),
        stature_cm=168.0,
        body_mass_kg=61.5,
    )
    assert window.services.settings.equipment == expected
    assert load_settings(settings_path(data_dir)).equipment == expected

    remove = editor.rows[1].findChild(QPushButton)
    assert remove is not None
    remove.click()
    assert [s.name for s in load_settings(settings_path(data_dir)).equipment.surfaces] == [
        "kitchen counter"
    ]


def test_a_bad_surface_is_explained_and_not_saved(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    window = make_window()
    editor = settings_screen(window).equipment
    editor.add.click()
    editor.add.click()
    editor.rows[1].name.setText("Surface 1")
    editor.rows[1].name.textEdited.emit("Surface 1")
    assert editor.error.isVisibleTo(window)
    assert "used twice" in editor.error.text()
    saved = load_settings(settings_path(data_dir)).equipment
    assert [s.name for s in saved.surfaces] == ["Surface 1", "Surface 2"]


def test_switching_to_inches_shows_every_length_in_inches(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    profile = EquipmentProfile(surfaces=(Surface("bench", 45.72),), stature_cm=177.8)
    window = make_window(Settings(equipment=profile))
    screen = settings_screen(window)
    screen.units.setCurrentIndex(1)
    assert screen.equipment.rows[0].height_spin.value() == 18.0
    assert screen.equipment.rows[0].height_spin.suffix() == " in"
    assert screen.equipment.stature.value() == 70.0
    saved = load_settings(settings_path(data_dir))
    assert saved.units is Units.INCHES
    assert saved.equipment.surfaces == profile.surfaces
    assert saved.equipment.units is Units.INCHES


def test_a_bad_settings_file_opens_with_defaults_and_one_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"theme": "light", "equipment": {"stature_cm": 12, "surfaces": "many"}}),
        encoding="utf-8",
    )
    settings, notice = read_settings(path)
    assert settings.theme.value == "light"
    assert settings.equipment == EquipmentProfile()
    assert notice is not None and "defaults used for equipment (stature_cm" in notice


def test_a_bad_settings_file_is_named_on_the_home_screen(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings_path(data_dir).write_text('{"volume": 0.5,\n "units": ', encoding="utf-8")
    settings, notice = read_settings(settings_path(data_dir))
    assert settings == Settings()
    window = make_window()
    window.services.settings_notice = notice
    window.refresh_home()
    assert window.home.notice.isVisibleTo(window)
    assert window.home.notice.text() == (
        f"{settings_path(data_dir)}:2: not valid JSON, so the default settings are used."
    )


def test_building_the_window_imports_neither_pyqtgraph_nor_numpy(tmp_path: Path) -> None:
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from pathlib import Path; from app.gui.launch import open_window;"
        "from app.storage.store import Store;"
        f"store = Store(Path({str(tmp_path)!r}) / 'log.sqlite3');"
        f"window = open_window(Path({str(tmp_path)!r}), store);"
        "print('pyqtgraph' in sys.modules, 'numpy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "False"]
