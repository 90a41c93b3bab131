"""Home lists every plan (broken ones with their error); settings apply at once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow
from app.gui.player_screen import PlayerScreen
from app.gui.settings_screen import SettingsScreen
from app.storage.settings import Settings, Theme
from app.storage.store import Store
from tests.gui.helpers import TINY_PLAN, press, running, screen_name, write_plan


def _items(window: MainWindow) -> list[str]:
    plans = window.home.plans
    return [plans.item(row).text() for row in range(plans.count())]


def test_a_broken_plan_is_listed_with_its_error_beside_the_others(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    write_plan(data_dir, "broken.toml", 'title = "Broken"\n[[block]]\nvariation = "nope"\n')
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window()
    items = _items(window)
    broken = [text for text in items if "broken.toml cannot be used" in text]
    assert broken and "unknown variation 'nope'" in broken[0]
    assert any(text.startswith("Tiny test plan") for text in items)
    assert any(text.startswith("Test day") for text in items)


def test_the_window_is_titled_and_home_shows_entry_points(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    assert window.windowTitle() == "Tempo Trainer"
    assert window.home.last_session.text() == "No sessions logged yet."
    for signal, name in (
        (window.home.progress_requested, "progress"),
        (window.home.history_requested, "history"),
        (window.home.settings_requested, "settings"),
    ):
        signal.emit()
        assert screen_name(window) == name
        press(qtbot, window, Qt.Key.Key_Escape)
        assert screen_name(window) == "home"


def test_quick_session_starts_and_reports_a_bad_tempo(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    form = window.home.quick
    form.variation.setCurrentIndex(form.variation.findData("hands-elevated-push-up"))
    form.tempo.setText("3-1-")
    form.start.click()
    assert form.error.isVisibleTo(window)
    assert screen_name(window) == "home"
    form.tempo.setText("3-1-1-0")
    form.box_height.setValue(50)
    form.sets.setValue(2)
    form.start.click()
    assert screen_name(window) == "setup"
    run = running(window)
    assert run.schedules[0].box_height_cm == 50
    assert len(run.schedules) == 2
    assert run.source.plan_source == "quick session"


def test_help_overlay_toggles_on_question_mark_and_f1(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.help.isVisible()
    press(qtbot, window, Qt.Key.Key_Question)
    assert not window.help.isVisible()


def test_m_on_the_settings_screen_mutes_and_the_setting_is_saved(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    window = make_window()  # (M on home: tests/gui/test_sound_status.py)
    window.on_settings_requested()
    press(qtbot, window, Qt.Key.Key_M)
    assert window.services.settings.muted
    saved = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["muted"] is True


def test_settings_take_effect_without_restart(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    window.home.settings_requested.emit()
    screen = window.stack.currentWidget()
    assert isinstance(screen, SettingsScreen)
    screen.theme.setCurrentIndex(1)
    assert window.services.settings.theme is Theme.LIGHT
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().window().color().lightness() > 200
    screen.units.setCurrentIndex(1)
    assert window.home.quick.box_height.suffix() == " in"
    screen.theme.setCurrentIndex(0)


def test_practised_variations_skip_the_walkthrough_when_asked(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, store: Store
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window(Settings(skip_practised_setup=True))
    for _ in range(3):
        window.home.plan_chosen.emit(
            next(
                p
                for p in __import__("app.gui.home_data", fromlist=["plans"]).plans(window.services)
                if p.path.name == "tiny.toml"
            )
        )
        run = running(window)
        press(qtbot, window, Qt.Key.Key_Right, times=6) if screen_name(window) == "setup" else None
        press(qtbot, window, Qt.Key.Key_Space)
        press(qtbot, window, Qt.Key.Key_Right)
        press(qtbot, window, Qt.Key.Key_Return)
        press(qtbot, window, Qt.Key.Key_Right)
        press(qtbot, window, Qt.Key.Key_Right)
        press(qtbot, window, Qt.Key.Key_Return)
        assert run.finished
        press(qtbot, window, Qt.Key.Key_Return)
    assert store.times_trained("hands-elevated-push-up") == 3
    window.home.plan_chosen.emit(
        next(
            p
            for p in __import__("app.gui.home_data", fromlist=["plans"]).plans(window.services)
            if p.path.name == "tiny.toml"
        )
    )
    assert isinstance(window.stack.currentWidget(), PlayerScreen)


def test_speed_marks_a_rehearsal(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, store: Store
) -> None:
    write_plan(data_dir, "tiny.toml", TINY_PLAN)
    window = make_window(speed=4.0)
    from tests.gui.helpers import select_plan

    select_plan(window, "Tiny test plan")
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Right, times=6)
    player = window.stack.currentWidget()
    assert isinstance(player, PlayerScreen)
    assert player.rehearsal.text() == "REHEARSAL ×4"
    press(qtbot, window, Qt.Key.Key_Space)
    run = running(window)
    assert run.session_id is not None
    record = store.session(run.session_id)
    assert record.rehearsal and record.speed == 4.0
