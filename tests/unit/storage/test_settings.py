from __future__ import annotations

import json
from pathlib import Path

from app.domain.units import Units
from app.storage.settings import Settings, Theme, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == Settings()


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.json"
    settings = Settings(units=Units.INCHES, theme=Theme.LIGHT, volume=0.3, muted=True)
    save_settings(path, settings)
    assert load_settings(path) == settings
    assert not path.with_suffix(".json.tmp").exists()


def test_bad_values_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"units": "furlongs", "volume": 7, "muted": "yes", "count_in_s": 5, "extra": 1}),
        encoding="utf-8",
    )
    loaded = load_settings(path)
    assert loaded == Settings(count_in_s=5.0)


def test_garbage_file_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("[1, 2", encoding="utf-8")
    assert load_settings(path) == Settings()
