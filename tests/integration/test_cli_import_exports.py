"""``tempo-trainer import`` on other apps' exports, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.storage.store import Store
from tests.unit.storage.imports.exports import (
    FITBOD,
    HEVY_KG,
    HEVY_US_LBS,
    STRONG_CLASSIC,
    STRONG_V6,
    write,
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_importing_twice_adds_nothing_the_second_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    path = write(tmp_path, HEVY_KG)
    code, out, err = run(capsys, "--data-dir", data, "import", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "4 set(s) added, 0 already in the log."
    code, out, _ = run(capsys, "--data-dir", data, "import", "--json", str(path))
    assert code == 0
    assert json.loads(out)["imported"] == 0
    assert json.loads(out)["already_in_log"] == 4
    with Store(tmp_path / "data" / "training-log.sqlite3") as store:
        sets = store.sets()
    assert [(s.variation, s.role, s.reps) for s in sets] == [
        ("floor-push-up", "warm-up", 8),
        ("floor-push-up", "work", 15),
        ("floor-push-up", "work", 12),
        ("kneeling-push-up", "work", 10),
    ]
    assert sets[0].note == "Hevy: Push Up (warm-up)"


def test_a_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    path = write(tmp_path, STRONG_CLASSIC)
    code, out, _ = run(capsys, "--data-dir", str(data), "import", "--dry-run", "--json", str(path))
    assert code == 0
    report = json.loads(out)
    assert (report["dry_run"], report["imported"], report["format"]) == (True, 6, "strong-12")
    assert not (data / "training-log.sqlite3").exists()
    run(capsys, "--data-dir", str(data), "import", str(write(tmp_path, STRONG_V6, "v6.csv")))
    code, out, _ = run(capsys, "--data-dir", str(data), "import", "--dry-run", str(path))
    assert out.splitlines()[-1] == (
        "Dry run, nothing written: 6 set(s) would be added, 0 already in the log."
    )
    with Store(data / "training-log.sqlite3") as store:
        assert len(store.sets()) == 3


def test_one_bad_row_refuses_the_whole_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    path = write(tmp_path, FITBOD.replace(", 20,", ", 2x0,"))
    code, out, err = run(capsys, "--data-dir", str(data), "import", str(path))
    assert (code, out) == (2, "")
    assert err == f"{path}:6: Reps ' 2x0' is not a number\n"
    assert not (data / "training-log.sqlite3").exists()


def test_a_file_without_push_ups_imports_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "\n".join(line for line in STRONG_CLASSIC.splitlines() if "Push" not in line)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "import", str(write(tmp_path, text)))
    assert code == 0
    assert out.splitlines()[-1] == "No push-up sets in this file: nothing imported."


def test_imported_incline_sets_show_their_height_as_not_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    run(capsys, "--data-dir", data, "import", str(write(tmp_path, STRONG_V6)))
    code, out, _ = run(capsys, "--data-dir", data, "history")
    assert code == 0
    (incline,) = [line for line in out.splitlines() if "Hands-elevated" in line]
    assert "height not recorded" in incline
    code, out, _ = run(capsys, "--data-dir", data, "history", "--csv")
    (row,) = [line for line in out.splitlines() if "hands-elevated" in line]
    assert ",hands-elevated-push-up,,1-0-X-0,12,12," in row
    code, out, err = run(capsys, "--data-dir", data, "suggest", "--json")
    assert (code, err) == (0, "")


def test_the_coach_never_steps_from_a_box_height_that_was_not_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    text = "\n".join(line for line in HEVY_US_LBS.splitlines() if "Night" not in line)
    run(capsys, "--data-dir", data, "import", str(write(tmp_path, text)))
    for today in ("2025-09-25", "2025-10-20"):  # soon, weeks off
        code, out, err = run(capsys, "--data-dir", data, "suggest", "--json", "--today", today)
        assert (code, err) == (0, "")
        (advice,) = json.loads(out)
        assert advice["variation"] == "hands-elevated-push-up"
        assert advice["from_box_height_cm"] is None
        assert advice["box_height_cm"] == 45.0
        assert advice["reason"].startswith("These sets do not say how high your hands were")


def test_the_coach_reads_imported_floor_sets_by_the_reps_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    run(capsys, "--data-dir", data, "import", str(write(tmp_path, FITBOD)))
    code, out, _ = run(capsys, "--data-dir", data, "suggest", "--json", "--today", "2021-12-28")
    assert code == 0
    (advice,) = json.loads(out)
    assert (advice["from_variation"], advice["from_reps"]) == ("floor-push-up", "20")
    assert "test set" not in advice["reason"]
