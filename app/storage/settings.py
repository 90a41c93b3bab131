"""The person's settings: a small JSON file in the data folder (stdlib only, no Qt).

Unknown keys and bad values fall back to the defaults one by one, so a hand-edited or
older file never stops the app. Writes go to a temporary file that replaces the old one.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.units import Units

SETTINGS_NAME = "settings.json"


class Theme(StrEnum):
    DARK = "dark"
    LIGHT = "light"


@dataclass(frozen=True, slots=True)
class Settings:
    units: Units = Units.CM
    theme: Theme = Theme.DARK
    volume: float = 0.8
    muted: bool = False
    count_in_s: float = 3.0
    default_rest_s: float = 90.0
    skip_practised_setup: bool = False
    fullscreen_on_start: bool = False
    audio: str = ""


_LIMITS: dict[str, tuple[float, float]] = {
    "volume": (0.0, 1.0),
    "count_in_s": (0.0, 10.0),
    "default_rest_s": (0.0, 600.0),
}


def settings_path(folder: Path) -> Path:
    return folder / SETTINGS_NAME


def load_settings(path: Path) -> Settings:
    """The saved settings; defaults for a missing or unreadable file or value."""
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    values: dict[str, Any] = {}
    for field in fields(Settings):
        if field.name in raw:
            values[field.name] = _checked(
                field.name, raw[field.name], getattr(defaults, field.name)
            )
    return replace(defaults, **values)


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically; OSError reaches the caller (the GUI says it could not save)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _checked(name: str, value: object, default: object) -> object:
    if isinstance(default, Units):
        return Units(value) if value in {u.value for u in Units} else default
    if isinstance(default, Theme):
        return Theme(value) if value in {t.value for t in Theme} else default
    if isinstance(default, bool):
        return value if isinstance(value, bool) else default
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return default
        low, high = _LIMITS[name]
        return float(value) if low <= value <= high else default
    if isinstance(default, str):
        return value if isinstance(value, str) else default
    return default
