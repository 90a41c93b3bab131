"""``tempo-trainer import`` then ``suggest`` on every history the coach was seen to get wrong."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.storage.data_dir import store_path
from app.storage.history_csv import to_csv
from app.storage.store import Store
from tests.fixtures.coach_histories import TODAY, B, cases, imported, session

TODAY_EVENING = datetime(TODAY.year, TODAY.month, TODAY.day, 18, tzinfo=UTC)

CONTRACT = {
    "from_variation",
    "from_box_height_cm",
    "from_reps",
    "from_tempo",
    "variation",
    "box_height_cm",
    "sets",
    "reps",
    "tempo",
    "rest_s",
    "rule",
    "reason",
    "role",
}
RULES = {
    "keep",
    "harder",
    "easier",
    "deload",
    "vary",
    "return",
    "retest",
    "off_the_knees",
    "longer_lowering",
    "loaded_block",
    "add_load",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def export(tmp_path: Path, name: str, sets: list) -> Path:  # type: ignore[type-arg]
    """The history as the CSV file a person would import."""
    with Store(tmp_path / f"{name}.sqlite3") as store:
        store.import_sets(imported(sets))
        text = to_csv(store.sets())
    path = tmp_path / f"{name}.csv"
    path.write_text(text, encoding="utf-8")
    return path


def profile_args(name: str) -> list[str]:
    profile = cases()[name][1]
    args = ["--stature-cm", f"{profile.stature_cm:g}"]
    for surface in profile.surfaces:
        args += ["--surface", f"{surface.name}={surface.height_cm:g}"]
    return args


@pytest.mark.parametrize("name", sorted(set(cases()) - {"a set dated 2062"}))
def test_suggest_answers_with_the_json_contract_on_every_seen_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data = str(tmp_path / "data")
    path = export(tmp_path, "log", cases()[name][0])
    assert run(capsys, "--data-dir", data, "import", str(path))[0] == 0
    args = ["--data-dir", data, "suggest", "--json", "--today", TODAY.isoformat()]
    code, out, err = run(capsys, *args, *profile_args(name))
    assert (code, err) == (0, "")
    advice = json.loads(out)
    assert advice
    for item in advice:
        assert set(item) == CONTRACT
        assert item["rule"] in RULES
        assert item["variation"] != "kneeling-push-up"
        assert item["reason"].endswith(".")


def test_import_refuses_a_set_dated_2062_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export(tmp_path, "log", cases()["a set dated 2062"][0])
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "data"), "import", str(path))
    assert code == 2
    assert err.startswith(f"{path}:5: date '2062-")
    assert "check the year" in err


def test_the_command_itself_opens_on_a_100_cm_surface_for_a_155_cm_person(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    path = export(tmp_path, "log", session(2, B("hands-elevated-push-up", [12, 12, 12], 100)))
    command = [sys.executable, "-m", "app", "--data-dir", str(data)]
    subprocess.run([*command, "import", str(path)], check=True, capture_output=True)
    done = subprocess.run(
        [*command, "suggest", "--json", "--today", TODAY.isoformat(), "--stature-cm", "155"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, "")
    (item,) = json.loads(done.stdout)
    assert (item["rule"], item["box_height_cm"]) == ("harder", 95.0)
    assert "extrapolated" in item["reason"]
    plain = subprocess.run(
        [*command, "suggest", "--today", TODAY.isoformat(), "--stature-cm", "155"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert plain.returncode == 0
    assert plain.stdout.startswith("Hands-elevated push up at 95 cm: 3 x 8-12 at 3-1-1-0\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--today", "next week"], "--today 'next week' must be a date like 2026-11-22"),
        (["--surface", "stair"], "--surface 'stair' must be NAME=CM, like stair=20"),
        (["--surface", "stair=500"], "height_cm must be a number from 0 to 120"),
        (["--stature-cm", "20"], "stature_cm must be a number from 100 to 230"),
    ],
)
def test_bad_suggest_options_get_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "suggest", *args)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert message in err


def test_saved_surfaces_give_way_to_the_ones_given_for_this_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    path = export(tmp_path, "log", session(2, B("hands-elevated-push-up", [12, 12, 12], 45)))
    run(capsys, "--data-dir", data, "import", str(path))
    base = ["--data-dir", data, "suggest", "--json", "--today", TODAY.isoformat()]
    (plain,) = json.loads(run(capsys, *base)[1])
    assert plain["box_height_cm"] == 35
    (own,) = json.loads(run(capsys, *base, "--surface", "step=40")[1])
    assert own["box_height_cm"] == 40
    assert "the step (40 cm)" in own["reason"]


def test_nothing_to_suggest_says_what_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    run(capsys, "--data-dir", str(data), "history")  # the log exists, empty
    with Store(store_path(data)) as store:  # a rehearsal only: not evidence
        store.begin_session(title="Rehearsal", started_at=TODAY_EVENING, rehearsal=True)
    code, out, _ = run(capsys, "--data-dir", str(data), "suggest", "--today", str(TODAY))
    assert code == 0
    assert out == (
        "Nothing to suggest yet: log a session trained at normal speed"
        " (rehearsals, played with --speed, do not count).\n"
    )
