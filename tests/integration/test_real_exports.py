"""Real exports published by people (``../shared/real-exports``), imported with the real CLI.

The files are test data only and never part of the project: this test runs only where they
are present, beside the checkout. The numbers below come from their ``SOURCES.md``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.domain.exercise_names import UNKNOWN_PUSH_UP
from app.storage.store import Store

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "real-exports"
pytestmark = pytest.mark.skipif(
    not REAL.is_dir(), reason=f"{REAL} is not here: the real exports live beside the checkout"
)

FLOOR, LOADED, BOX, KNEES = (
    "floor-push-up",
    "loaded-push-up",
    "hands-elevated-push-up",
    "kneeling-push-up",
)
# file: (variations, warm-ups, push-up names left out)
EXPECTED: dict[str, tuple[dict[str, int], int, dict[str, int]]] = {
    "strong/gymtracker-2025.csv": ({FLOOR: 91}, 7, {}),
    "strong/fitness-tracker-v6-semicolon.csv": ({FLOOR: 5}, 0, {}),
    "strong/strong-app-analysis-10col.csv": ({FLOOR: 47}, 0, {}),
    "hevy/you-better-werk-kg.csv": ({FLOOR: 48, KNEES: 26, BOX: 14}, 0, {"Plank Pushup": 32}),
    "hevy/project-atlas-lbs-crlf.csv": ({FLOOR: 29}, 0, {"Decline Push Up": 2}),
    "hevy/hevy-flow-us-12h.csv": ({FLOOR: 4}, 0, {}),
    "fitnotes/barbell-beasts-lbs.csv": (
        {FLOOR: 179, LOADED: 16, BOX: 19},
        0,
        {
            "Archer Pushups": 94,
            "Burpees - Pushup": 39,
            "Decline Pushups": 30,
            "Medicine Ball Single Arm Pushups": 28,
            "Bosu Pushups": 17,
            "Incline Pushup Twist": 13,
            "Pike Pushups": 11,
        },
    ),
    "fitnotes/kaiserlift-unit-column.csv": (
        {FLOOR: 55},
        0,
        {"Decline Push-up": 12, "Pike Push Up": 4},
    ),
    "fitnotes/drobotnik-kgs-2016.csv": ({}, 0, {}),
    "fitbod/fitbod-data-exploration.csv": (
        {FLOOR: 152, KNEES: 36, BOX: 29},
        0,
        {
            "Decline Push Up": 54,
            "Pike Push Up": 27,
            "Downward Dog Push Up": 23,
            "Rotation Push Up": 11,
            "Walkout to Push Up": 2,
        },
    ),
}
NOT_READ = {
    "jefit/walkshard-2026.csv": "JEFIT",
    "liftosaur/heber.csv": "Liftosaur",
    "healthexport/healthexport-workouts.csv": "HealthExport",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_file_is_covered() -> None:
    found = {str(p.relative_to(REAL)) for p in REAL.glob("*/*.csv")}
    assert found == set(EXPECTED) | set(NOT_READ)


def test_every_export_imports_its_push_ups_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    total = 0
    for name, (variations, warm_ups, left_out) in EXPECTED.items():
        path = str(REAL / name)
        code, out, err = run(capsys, "--data-dir", str(data), "import", "--json", path)
        assert (name, code, err) == (name, 0, "")
        report = json.loads(out)
        assert (name, report["by_variation"]) == (name, variations)
        assert (name, report["warm_ups"]) == (name, warm_ups)
        unmatched = {
            key.removeprefix(f"{UNKNOWN_PUSH_UP}: "): count
            for key, count in report["skipped"].items()
            if key.startswith(f"{UNKNOWN_PUSH_UP}: ")
        }
        assert (name, unmatched) == (name, left_out)
        assert report["imported"] == sum(variations.values())
        total += report["imported"]
        code, out, _ = run(capsys, "--data-dir", str(data), "import", "--json", path)
        assert (name, code, json.loads(out)["imported"]) == (name, 0, 0)
    with Store(data / "training-log.sqlite3") as store:
        sets = store.sets()
    assert len(sets) == total
    assert sum(s.role == "warm-up" for s in sets) == 7
    assert all(s.note.startswith(("Strong: ", "Hevy: ", "FitNotes: ", "Fitbod: ")) for s in sets)
    assert all("ush" in s.note for s in sets)
    assert all(s.box_height_cm is None for s in sets)


def test_apps_that_cannot_be_imported_are_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, app in NOT_READ.items():
        path = REAL / name
        code, out, err = run(capsys, "--data-dir", str(tmp_path), "import", str(path))
        assert (code, out) == (2, "")
        assert err.startswith(f"{path}:1: this looks like ")
        assert app in err
    assert not (tmp_path / "training-log.sqlite3").exists()
