"""SettingsKeeper: settings take effect at once, are saved, and say when they cannot be."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.gui.services import Services
from app.gui.settings_keeper import SettingsKeeper
from app.storage.settings import Settings, read_settings, settings_path


def test_settings_apply_at_once_and_are_saved(
    make_services: Callable[..., Services], data_dir: Path
) -> None:
    services = make_services()
    keeper = SettingsKeeper(services)
    applied: list[Settings] = []
    keeper.applied.connect(applied.append)
    quieter = replace(services.settings, volume=0.3)
    keeper.apply(quieter)
    assert services.settings == quieter
    assert applied == [quieter]
    assert read_settings(settings_path(data_dir))[0] == quieter
    assert keeper.toggle_muted()
    assert services.settings.muted and read_settings(settings_path(data_dir))[0].muted


def test_settings_that_cannot_be_saved_still_apply_and_say_so(
    make_services: Callable[..., Services], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("", encoding="utf-8")
    services = replace(make_services(), data_dir=not_a_folder)
    keeper = SettingsKeeper(services)
    failures: list[bool] = []
    keeper.save_failed.connect(lambda: failures.append(True))
    keeper.apply(replace(services.settings, volume=0.3))
    assert services.settings.volume == 0.3
    assert failures == [True]
