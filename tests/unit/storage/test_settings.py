from __future__ import annotations

import json
from pathlib import Path

from app.domain.equipment import EquipmentProfile, Surface
from app.domain.units import Units
from app.storage.settings import Settings, Theme, load_settings, read_settings, save_settings


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


def test_the_equipment_profile_round_trips_in_the_chosen_units(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    profile = EquipmentProfile(
        surfaces=(Surface("bench", 45.0), Surface("stair", 18.5)),
        stature_cm=181.0,
        body_mass_kg=72.5,
    )
    settings = Settings(units=Units.INCHES, equipment=profile)
    assert settings.equipment.units is Units.INCHES
    save_settings(path, settings)
    assert read_settings(path) == (settings, None)
    saved = json.loads(path.read_text(encoding="utf-8"))["equipment"]
    assert saved["units"] == "in"
    assert saved["surfaces"][0] == {"name": "bench", "height_cm": 45.0}


def test_a_bad_profile_falls_back_whole_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"muted": True, "volume": 3, "equipment": {"surfaces": [{"name": ""}]}}),
        encoding="utf-8",
    )
    settings, notice = read_settings(path)
    assert settings == Settings(muted=True)
    assert notice == (
        f"{path}: defaults used for volume, equipment (surface 1: the name must be 1-40 "
        "characters)."
    )


def test_unreadable_json_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{\n "units": "cm",\n "theme": dark\n}\n', encoding="utf-8")
    assert read_settings(path) == (
        Settings(),
        f"{path}:3: not valid JSON, so the default settings are used.",
    )
    path.write_bytes(b"\xff\xfe{}")
    settings, notice = read_settings(path)
    assert settings == Settings()
    assert notice == f"{path} could not be read (not UTF-8 text): using the defaults."
