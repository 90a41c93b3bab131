"""The variation catalog: one TOML file per variation in ``resources/variations/``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from app.domain.problems import InputError
from app.domain.variation import Variation, check_ladder, parse_variation
from app.storage.resources import shipped_folder
from app.storage.text_files import read_text


class CatalogError(RuntimeError):
    """The shipped catalog is broken: a bug in this installation, with every problem listed."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Catalog(Mapping[str, Variation]):
    """Variations by id, ordered from the easiest."""

    variations: dict[str, Variation]

    def __getitem__(self, key: str) -> Variation:
        return self.variations[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.variations)

    def __len__(self) -> int:
        return len(self.variations)


def variation_problems(path: Path) -> tuple[Variation | None, list[str]]:
    """Parse one variation file: the variation, or the ``PATH:LINE: message`` lines."""
    try:
        variation = parse_variation(read_text(path))
    except InputError as error:
        return None, error.lines(str(path))
    if variation.id != path.stem:
        return None, [f"{path}:1: id {variation.id!r} must match the file name {path.stem!r}"]
    return variation, []


def load_catalog(folder: Path | None = None) -> Catalog:
    """Load and check every variation; CatalogError lists every problem."""
    folder = folder or shipped_folder("resources") / "variations"
    found: dict[str, Variation] = {}
    problems: list[str] = []
    paths: dict[str, Path] = {}
    for path in sorted(folder.glob("*.toml")):
        variation, lines = variation_problems(path)
        problems.extend(lines)
        if variation is not None:
            found[variation.id] = variation
            paths[variation.id] = path
    for variation_id, message in check_ladder(found):
        problems.append(f"{paths[variation_id]}: {message}")
    if not found and not problems:
        problems.append(f"{folder}: no variations found")
    if problems:
        raise CatalogError(problems)
    ordered = sorted(found.values(), key=lambda v: (v.difficulty, v.name))
    return Catalog({v.id: v for v in ordered})
