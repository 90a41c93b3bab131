"""Where the shipped data lives: ``resources/`` and ``sessions/``.

In a wheel they are packaged inside ``app/_data/``; in a checkout (an editable install or
``python -m app`` run from the project) they sit beside the ``app`` package. Names are
checked so that nothing outside those folders can be reached.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

_FOLDERS = ("resources", "sessions")


class ResourceError(LookupError):
    """A shipped file that is missing or a name that tries to leave its folder."""


def shipped_folder(folder: str) -> Path:
    """The shipped ``resources`` or ``sessions`` folder as a real directory."""
    if folder not in _FOLDERS:
        raise ResourceError(f"unknown shipped folder {folder!r}")
    package = files("app")
    candidates: list[Traversable] = [package / "_data" / folder]
    if isinstance(package, Path):
        candidates.append(package.parent / folder)
    for candidate in candidates:
        if isinstance(candidate, Path) and candidate.is_dir():
            return candidate
    raise ResourceError(f"the shipped {folder!r} folder is missing from this installation")


def resource_path(name: str) -> Path:
    """A file under ``resources/`` by its relative POSIX name, e.g. ``icons/tempo-trainer.svg``."""
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise ResourceError(f"resource name {name!r} must be a relative path inside resources/")
    path = shipped_folder("resources").joinpath(*relative.parts)
    if not path.is_file():
        raise ResourceError(f"resource {name!r} is missing")
    return path
