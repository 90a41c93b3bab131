"""The person's settings: a small JSON file in the data folder (stdlib only, no Qt).

Unknown keys and bad values fall back to the defaults one by one, so a hand-edited or
older file never stops the app; ``read_settings`` also says, in one sentence, what it
could not use. The equipment profile is checked whole by ``parse_equipment``: a profile
with any bad part is replaced by the default one. Writes are whole or not at all
(``atomic_file``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.equipment import EquipmentProfile, equipment_to_dict, parse_equipment
from app.domain.problems import InputError, Problem
from app.domain.units import Units
from app.storage.atomic_file import write_text_atomically

SETTINGS_NAME = "settings.json"
AUDIO_CHOICES = ("", "qt", "pulse", "simpleaudio", "none")
"""The sound outputs a setting may name ("" = the default): app.audio.select's names."""


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
    voice_counts: bool = False
    """Speak the count and the phase words over the cue sounds."""
    window_width: float = 0.0
    window_height: float = 0.0
    """The window's size when it was last closed (not maximised or full screen); 0 = never."""
    equipment: EquipmentProfile = field(default_factory=EquipmentProfile)

    def __post_init__(self) -> None:
        # One choice of units: the profile follows the setting (the coach names heights in it).
        if self.equipment.units is not self.units:
            object.__setattr__(self, "equipment", replace(self.equipment, units=self.units))


_LIMITS: dict[str, tuple[float, float]] = {
    "volume": (0.0, 1.0),
    "count_in_s": (0.0, 10.0),
    "default_rest_s": (0.0, 600.0),
    "window_width": (0.0, 20000.0),
    "window_height": (0.0, 20000.0),
}


def settings_path(folder: Path) -> Path:
    return folder / SETTINGS_NAME


def load_settings(path: Path) -> Settings:
    """The saved settings; defaults for a missing or unreadable file or value."""
    return read_settings(path)[0]


def read_settings(path: Path) -> tuple[Settings, str | None]:
    """The saved settings and, when some could not be used, one sentence saying so."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), f"{path} could not be read ({_reason(error)}): using the defaults."
    try:
        raw: Any = json.loads(text)
    except RecursionError:
        return Settings(), f"{path}: nested too deeply, so the default settings are used."
    except ValueError as error:
        line = getattr(error, "lineno", None)
        where = f"{path}:{line}" if line else str(path)
        return Settings(), f"{where}: not valid JSON, so the default settings are used."
    if not isinstance(raw, dict):
        return Settings(), f"{path} does not hold settings: using the defaults."
    defaults = Settings()
    values: dict[str, Any] = {}
    rejected: list[str] = []
    for item in fields(Settings):
        if item.name not in raw:
            continue
        if item.name == "equipment":
            try:
                values["equipment"] = _equipment(raw["equipment"])
            except InputError as error:
                rejected.append(f"equipment ({error.problems[0].message})")
            continue
        checked = _checked(item.name, raw[item.name], getattr(defaults, item.name))
        if checked is _REJECTED:
            rejected.append(item.name)
        else:
            values[item.name] = checked
    settings = replace(defaults, **values)
    if not rejected:
        return settings, None
    return settings, f"{path}: defaults used for {', '.join(rejected)}."


def settings_to_dict(settings: Settings) -> dict[str, object]:
    """The JSON-ready form ``read_settings`` reads back into the same settings."""
    data: dict[str, object] = {item.name: getattr(settings, item.name) for item in fields(Settings)}
    data["equipment"] = equipment_to_dict(settings.equipment)
    return data


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically; OSError reaches the caller (the GUI says it could not save)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Keys this version does not know (a newer app's, a hand-added note) are kept as they are.
    data = {**_unknown_keys(path), **settings_to_dict(settings)}
    text = json.dumps(data, indent=1)
    write_text_atomically(path, text + "\n")


_REJECTED = object()


def _unknown_keys(path: Path) -> dict[str, Any]:
    """The saved keys that are no setting of this version; none when the file is unusable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(raw, dict):
        return {}
    known = {item.name for item in fields(Settings)}
    return {key: value for key, value in raw.items() if key not in known}


def _equipment(value: object) -> EquipmentProfile:
    if not isinstance(value, dict):
        raise InputError(Problem("it must be an object"))
    return parse_equipment(value)


def _reason(error: BaseException) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    return getattr(error, "strerror", None) or type(error).__name__


def _checked(name: str, value: object, default: object) -> object:
    if isinstance(default, Units):
        return Units(value) if value in [u.value for u in Units] else _REJECTED
    if isinstance(default, Theme):
        return Theme(value) if value in [t.value for t in Theme] else _REJECTED
    if isinstance(default, bool):
        return value if isinstance(value, bool) else _REJECTED
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return _REJECTED
        low, high = _LIMITS[name]
        return float(value) if low <= value <= high else _REJECTED
    if name == "audio":
        return value if value in AUDIO_CHOICES else _REJECTED
    if isinstance(default, str):
        return value if isinstance(value, str) else _REJECTED
    return _REJECTED
