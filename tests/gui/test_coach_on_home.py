"""The coach's advice on home, "Train this today", and the next step on the summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.domain.equipment import EquipmentProfile, Surface
from app.gui.keys import Action
from app.gui.main_window import MainWindow
from app.gui.summary_screen import SummaryScreen
from app.storage.settings import Settings
from app.storage.store import ImportedSet, Store
from tests.fake_clock import FakeClock
from tests.fixtures.coach_histories import cases, imported
from tests.gui.helpers import running, screen_name

BOX = "hands-elevated-push-up"


def log_session(
    store: Store, day: str, reps: list[int], box_cm: float = 45.0, *, rehearsal: bool = False
) -> None:
    """A finished session of hands-elevated push ups (8-12 at 3-1-1-0) on ``day``."""
    store.import_sets(
        ImportedSet(
            session_uid=f"{day}-{rehearsal}",
            session_title="Box day",
            block=0,
            set_number=number,
            variation=BOX,
            box_height_cm=box_cm,
            tempo="3-1-1-0",
            target_reps="8-12",
            reps=count,
            reps_in_reserve=1,
            note="",
            ended_at=datetime.fromisoformat(f"{day}T18:{number:02d}:00+00:00"),
            rehearsal=rehearsal,
        )
        for number, count in enumerate(reps, start=1)
    )


def advice_texts(window: MainWindow) -> list[str]:
    return [label.text().replace("\u00a0", " ") for label in window.home.advice_labels]


def test_home_says_how_advice_comes_before_any_session(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window()
    assert "coach suggests" in advice_texts(window)[0]
    assert not window.home.train_advice.isVisibleTo(window)


def test_home_shows_the_next_step_for_a_hand_made_history(
    make_window: Callable[..., MainWindow], store: Store
) -> None:
    log_session(store, "2024-05-01", [10, 9, 8])
    log_session(store, "2024-05-03", [12, 12, 12])
    window = make_window()
    headline, reason = advice_texts(window)
    assert (
        headline == "Step up · Hands-elevated push up · hands at 35 cm · 3 × 8-12 · tempo 3-1-1-0"
    )
    assert reason.startswith("Every set reached 12 clean reps: lower your hands to 35 cm")
    assert window.home.train_advice.isVisibleTo(window)


def test_a_rehearsal_does_not_move_the_advice(
    make_window: Callable[..., MainWindow], store: Store
) -> None:
    log_session(store, "2024-05-01", [12, 12, 12])
    log_session(store, "2024-05-03", [3, 3, 3], box_cm=20, rehearsal=True)
    window = make_window()
    assert "hands at 35 cm" in advice_texts(window)[0]


def test_the_coach_uses_the_surfaces_from_settings(
    make_window: Callable[..., MainWindow], store: Store
) -> None:
    log_session(store, "2024-05-03", [12, 12, 12])
    profile = EquipmentProfile(surfaces=(Surface("kitchen counter", 90), Surface("stair", 35)))
    window = make_window(Settings(equipment=profile))
    assert "hands at 35 cm" in advice_texts(window)[0]
    assert "the stair (35 cm)" in advice_texts(window)[1]


def test_train_this_today_starts_the_suggested_session_and_the_summary_says_what_next(
    qtbot: QtBot, make_window: Callable[..., MainWindow], store: Store, clock: FakeClock
) -> None:
    log_session(store, "2024-05-03", [12, 12, 12])
    window = make_window()
    QTest.mouseClick(window.home.train_advice, Qt.MouseButton.LeftButton)
    run = running(window)
    assert [(s.variation_id, s.box_height_cm) for s in run.schedules] == [(BOX, 35.0)] * 3
    assert str(run.schedules[0].target) == "8-12"
    assert run.source.plan_source == "coach"
    finish(window, clock)
    summary = window.current
    assert isinstance(summary, SummaryScreen)
    steps = [line for line in summary.lines if line.startswith("Next time: ")]
    assert len(steps) == 1
    # Every set was logged at the planned 12 reps: one more step down.
    assert "Hands-elevated push up · hands at 25 cm" in steps[0]
    assert all("progression rules (later)" not in line for line in summary.lines)


def test_a_rehearsal_summary_gives_no_next_step(
    make_window: Callable[..., MainWindow], store: Store, clock: FakeClock
) -> None:
    log_session(store, "2024-05-03", [12, 12, 12])
    window = make_window(speed=4.0)
    window.home.train_advice.click()
    finish(window, clock)
    summary = window.current
    assert isinstance(summary, SummaryScreen)
    assert not [line for line in summary.lines if line.startswith("Next time: ")]
    assert "A rehearsal does not count towards the coach's advice." in summary.lines


def finish(window: MainWindow, clock: FakeClock) -> None:
    """Walk through the setup, play every set to its end and accept each log sheet."""
    run = running(window)
    for _ in range(200):
        if run.finished:
            break
        if screen_name(window) == "setup":
            window.current.handle(Action.NEXT)
            continue
        stage = run.player.stage.value
        if stage == "ready":
            run.start()
        elif stage == "rest":
            run.driver.skip_rest()
        elif stage == "logging":
            window.current.handle(Action.NEXT)
            continue
        clock.advance(200)
        run.driver.on_tick()
    assert screen_name(window) == "summary"


GUI_TODAY = date(2024, 5, 6)  # the wall clock of the test window (tests/gui/conftest.py)


@pytest.mark.parametrize("name", sorted(cases(GUI_TODAY)))
def test_the_window_opens_with_advice_on_every_history_the_coach_got_wrong(
    make_window: Callable[..., MainWindow], store: Store, name: str
) -> None:
    sets, profile = cases(GUI_TODAY)[name]
    store.import_sets(imported(sets))
    window = make_window(Settings(equipment=profile))
    texts = advice_texts(window)
    assert len(texts) >= 2 and "coach suggests" not in texts[0]
    assert "No advice" not in window.home.notice.text()
    assert "Kneeling" not in " ".join(texts)


def test_home_shows_the_ladder_block_by_block_and_trains_it_as_a_ladder(
    make_window: Callable[..., MainWindow], store: Store
) -> None:
    sets, _ = cases(GUI_TODAY)["ladder at the top"]
    store.import_sets(imported(sets))
    window = make_window()
    texts = advice_texts(window)
    # the variation is named once; the rungs below it say only what changes
    assert texts[::2] == [
        "Warm-up · Hands-elevated push up · hands at 55 cm · 2 × 10 · tempo 3-1-1-0",
        "Step up · hands at 35 cm · 3 × 8-12 · tempo 3-1-1-0",
        "Step up · hands at 20 cm · 2 × 5-8 · tempo 3-1-1-0",
    ]
    assert "shift the whole ladder one step down" in texts[3]
    window.home.train_advice.click()
    run = running(window)
    blocks = [(s.block, s.box_height_cm, str(s.target), s.role.value) for s in run.schedules]
    assert blocks == [
        (0, 55.0, "10", "warm-up"),
        (0, 55.0, "10", "warm-up"),
        (1, 35.0, "8-12", "work"),
        (1, 35.0, "8-12", "work"),
        (1, 35.0, "8-12", "work"),
        (2, 20.0, "5-8", "work"),
        (2, 20.0, "5-8", "work"),
    ]
