"""UnsavedWatch: the banner follows the sets the log does not hold; Save as CSV and closing
save them, once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.plan import parse_plan
from app.domain.player import LoggedSet, Player
from app.domain.timeline import compile_sets
from app.gui.services import Services
from app.gui.unsaved_banner import UnsavedBanner
from app.gui.unsaved_watch import UnsavedWatch
from app.storage.catalog import Catalog
from app.storage.data_dir import store_path
from app.storage.history_csv import parse_csv
from app.storage.session_log import SessionLog
from tests.fixtures.faults import LogTurnsReadOnly
from tests.unit.session.helpers import PLAN, WallClock, play_one_set


def _watch(qtbot: QtBot, services: Services) -> tuple[UnsavedWatch, UnsavedBanner]:
    window = QWidget()
    qtbot.addWidget(window)
    banner = UnsavedBanner()
    banner.setParent(window)
    return UnsavedWatch(services, banner, window), banner


def _one_set(catalog: Catalog) -> LoggedSet:
    return play_one_set(Player(compile_sets(parse_plan(PLAN, catalog))), 0.0)


def _session(services: Services, watch: UnsavedWatch) -> SessionLog:
    log = SessionLog(services.store, WallClock())
    log.begin(title="Three floor sets", plan_source="p", plan_text=PLAN, rehearsal=False, speed=1)
    watch.on_session_begun(log)
    return log


def test_a_set_the_log_refuses_stays_on_the_banner_until_saved_as_csv(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    data_dir: Path,
    catalog: Catalog,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    failing = LogTurnsReadOnly(store_path(data_dir))
    failing.keep = 0
    with failing:
        services = replace(make_services(), store=failing)
        watch, banner = _watch(qtbot, services)
        watch.show_state()
        assert banner.isHidden()
        log = _session(services, watch)
        assert not log.record(_one_set(catalog))
        watch.show_state()
        assert not banner.isHidden()
        assert "1 set is kept here" in banner.text.text()
        assert "readonly" in banner.text.text()
        watch.on_session_ended(log)  # ended with the set waiting: still watched
        watch.show_state()
        assert "1 set is kept here" in banner.text.text()

        watch.ask_csv_path = lambda suggested: None  # the person cancelled
        watch.on_save_requested()
        assert "1 set is kept here" in banner.text.text()
        target = tmp_path / "my-sets.csv"
        watch.ask_csv_path = lambda suggested: target
        watch.on_save_requested()
        assert f"Saved 1 set to {target}" in banner.text.text()
        assert [r.reps for r in parse_csv(target.read_text(encoding="utf-8"))] == [2]
        watch.show_state()  # the saved copy stays said until the count changes
        assert f"Saved 1 set to {target}" in banner.text.text()
        watch.save_on_close()  # already saved: no second copy, nothing said
        assert capsys.readouterr().err == ""


def test_a_session_whose_sets_all_went_in_is_forgotten_when_it_ends(
    qtbot: QtBot, make_services: Callable[..., Services], catalog: Catalog
) -> None:
    services = make_services()
    watch, banner = _watch(qtbot, services)
    log = _session(services, watch)
    assert log.record(_one_set(catalog))
    watch.on_session_ended(log)
    watch.show_state()
    assert banner.isHidden()
    assert watch.unsaved_rows() == []


def test_closing_with_sets_never_saved_writes_them_to_a_csv_and_says_where(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    data_dir: Path,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    failing = LogTurnsReadOnly(store_path(data_dir))
    failing.keep = 0
    with failing:
        services = replace(make_services(), store=failing)
        watch, _ = _watch(qtbot, services)
        log = _session(services, watch)
        log.record(_one_set(catalog))
        watch.save_on_close()
    (saved,) = tmp_path.glob("tempo-trainer-unsaved-*.csv")
    assert [r.reps for r in parse_csv(saved.read_text(encoding="utf-8"))] == [2]
    assert f"1 set(s) could not be saved to the training log; saved in {saved}" in (
        capsys.readouterr().err
    )
