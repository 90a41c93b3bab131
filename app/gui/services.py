"""What the window is built from, injected so tests can pass fakes (no singletons)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.gui.screen_awake import ScreenAwake
from app.storage.catalog import Catalog
from app.storage.settings import Settings
from app.storage.store import Store

if TYPE_CHECKING:
    from app.audio.output import CueOutput


def local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass
class Services:
    """The open log, the catalog, the settings and the factories the window needs."""

    data_dir: Path
    catalog: Catalog
    store: Store
    settings: Settings
    open_output: Callable[[Settings], CueOutput]
    screen_awake: ScreenAwake
    plan_folders: tuple[Path, ...]
    speed: float = 1.0
    wall_clock: Callable[[], datetime] = field(default=local_now)
    # What could not be used in the settings file, said once on the home screen.
    settings_notice: str | None = None
