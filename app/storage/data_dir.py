"""The person's data folder: the log store, their own plans and their settings."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "TEMPO_TRAINER_DATA_DIR"
STORE_NAME = "training-log.sqlite3"
PLANS_FOLDER = "plans"


def data_dir(override: str | Path | None = None) -> Path:
    """``--data-dir``, else ``$TEMPO_TRAINER_DATA_DIR``, else the platform's user-data folder."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir("tempo-trainer", appauthor=False))


def store_path(folder: Path) -> Path:
    return folder / STORE_NAME


def plans_folder(folder: Path) -> Path:
    return folder / PLANS_FOLDER
