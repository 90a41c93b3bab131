"""Session plan files: the shipped ``sessions/`` folder and the person's own plans folder."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from app.domain.plan import SessionPlan, parse_plan
from app.domain.problems import InputError
from app.domain.variation import Variation
from app.storage.resources import shipped_folder
from app.storage.text_files import read_text

MAX_PLANS_PER_FOLDER = 2000


@dataclass(frozen=True)
class PlanFile:
    """One plan file: the plan when it is valid, else its ``PATH:LINE: message`` lines."""

    path: Path
    plan: SessionPlan | None
    problems: tuple[str, ...]
    text: str = ""

    @property
    def ok(self) -> bool:
        return self.plan is not None


def read_plan(path: Path, catalog: Mapping[str, Variation]) -> PlanFile:
    """Read and check one plan file; never raises for bad content."""
    try:
        text = read_text(path)
        return PlanFile(path, parse_plan(text, catalog), (), text)
    except InputError as error:
        return PlanFile(path, None, tuple(error.lines(str(path))))


def list_plans(folders: Iterable[Path], catalog: Mapping[str, Variation]) -> list[PlanFile]:
    """Every ``*.toml`` plan in the folders (missing folders are skipped), sorted by name."""
    plans: list[PlanFile] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        paths = sorted(folder.glob("*.toml"))
        plans.extend(read_plan(path, catalog) for path in paths[:MAX_PLANS_PER_FOLDER])
        if len(paths) > MAX_PLANS_PER_FOLDER:
            more = len(paths) - MAX_PLANS_PER_FOLDER
            # Said where the plans are listed, not left out in silence.
            plans.append(
                PlanFile(
                    folder / f"({more} more plans)",
                    None,
                    (f"only the first {MAX_PLANS_PER_FOLDER} plans of {folder} are listed",),
                )
            )
    return plans


def shipped_plans_folder() -> Path:
    return shipped_folder("sessions")
