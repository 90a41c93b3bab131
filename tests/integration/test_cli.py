from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.storage.history_csv import COLUMNS
from app.storage.plan_files import shipped_plans_folder
from app.storage.resources import shipped_folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_accepts_everything_shipped(capsys: pytest.CaptureFixture[str]) -> None:
    variations = shipped_folder("resources") / "variations"
    code, out, err = run(capsys, "validate", str(shipped_plans_folder()), str(variations))
    assert (code, err) == (0, "")
    assert "file(s) valid" in out


def test_validate_names_the_file_and_line_of_each_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'title = "Bad"\n\n[[block]]\nvariation = "floor-push-up"\nsets = 50\nreps = 10\n'
    )
    broken = tmp_path / "broken.toml"
    broken.write_text('title = "Broken\n')
    good = tmp_path / "good.toml"
    good.write_text('title = "Good"\n[[block]]\nvariation = "floor-push-up"\nsets = 1\nreps = 10\n')
    code, _, err = run(capsys, "validate", str(tmp_path), str(tmp_path / "nope.toml"))
    assert code == 2
    lines = err.splitlines()
    assert f"{bad}:5: block 1: 'sets' is 50; it must be 1-20" in lines
    assert any(line.startswith(f"{broken}:1: not valid TOML") for line in lines)
    assert f"{tmp_path / 'nope.toml'}: no such file or folder" in lines
    assert not any(str(good) in line for line in lines)
    assert "Traceback" not in err


def test_timeline_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    plan = shipped_plans_folder() / "hands-elevated-ladder.toml"
    code, out, _ = run(capsys, "timeline", str(plan), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"title", "duration_s", "sets", "cues"}
    first = data["sets"][0]
    assert set(first) == {
        "block",
        "set",
        "variation",
        "box_height_cm",
        "tempo",
        "reps",
        "start_s",
        "reps_start_s",
        "end_s",
        "rest_end_s",
    }
    assert (first["block"], first["set"], first["start_s"]) == (0, 1, 0.0)
    assert first["variation"] == "hands-elevated-push-up"
    assert first["box_height_cm"] == 60
    times = [c["t"] for c in data["cues"]]
    assert times == sorted(times)
    assert data["cues"][-1]["cue"] == "session_end"
    assert data["duration_s"] == data["sets"][-1]["rest_end_s"]


def test_variations_lists_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "variations", "--json")
    ids = [v["id"] for v in json.loads(out)]
    assert code == 0
    assert "negative-knee-push-up" in ids
    assert len(ids) >= 7


def test_import_then_history_round_trip_and_a_bad_file_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = ",".join(COLUMNS)
    good = tmp_path / "good.csv"
    good.write_text(
        f"{header}\n2026-11-20T18:05:00+01:00,s1,Ladder,0,1,hands-elevated-push-up,45,3-1-1-0,8-12,10,2,\n"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"{header}\n2026-11-21T18:05:00+01:00,s2,Ladder,0,1,floor-push-up,,3-1-1-0,8-12,10,2,\n"
        "2026-11-21T18:09:00+01:00,s2,Ladder,0,2,floor-push-up,,3-1-1-0,8-12,many,2,\n"
    )
    data = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data, "import", str(good))[0] == 0
    code, out, _ = run(capsys, "--data-dir", data, "import", str(good))
    assert code == 0
    assert out.splitlines()[-1] == "0 set(s) added, 1 already in the log."
    code, _, err = run(capsys, "--data-dir", data, "import", str(bad))
    assert code == 2
    assert err.strip() == f"{bad}:3: reps 'many' must be a whole number 0-1000"
    code, out, _ = run(capsys, "--data-dir", data, "history", "--csv")
    assert out.splitlines() == [
        header + ",rehearsal,role,form_flags,time_under_tension_s",
        "2026-11-20T18:05:00+01:00,s1,Ladder,0,1,hands-elevated-push-up,45,3-1-1-0,8-12,10,2,,0,work,,0",
    ]


def test_data_dir_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "env-data").mkdir()
    monkeypatch.setenv("TEMPO_TRAINER_DATA_DIR", str(tmp_path / "env-data"))
    assert run(capsys, "history")[1].strip() == "No sets logged yet."
    assert (tmp_path / "env-data" / "training-log.sqlite3").is_file()


def test_python_dash_m_app_and_the_console_script_both_run(tmp_path: Path) -> None:
    plan = str(shipped_plans_folder() / "test-day.toml")
    module = subprocess.run(
        [sys.executable, "-m", "app", "timeline", plan], capture_output=True, text=True, check=False
    )
    assert module.returncode == 0, module.stderr
    assert module.stdout.startswith("Test day")
    script = Path(sys.executable).parent / "tempo-trainer"
    console = subprocess.run(
        [script, "timeline", plan], capture_output=True, text=True, check=False
    )
    assert console.stdout == module.stdout


def test_a_bad_speed_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["play", "x.toml", "--speed", "50"])
    assert raised.value.code == 2
    assert "speed must be between 0.1 and 20" in capsys.readouterr().err


def test_timeline_uses_the_saved_count_in_only_for_plans_without_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.conftest import plan_text

    (tmp_path / "settings.json").write_text('{"count_in_s": 1}', encoding="utf-8")
    block = 'variation = "floor-push-up"\nsets = 1\nreps = 1\ntempo = "1-0-1-0"'
    for head, count_in_s in (("count_in_s = 5", 5), ("", 1)):
        plan = tmp_path / "plan.toml"
        plan.write_text(plan_text(block, head=head), encoding="utf-8")
        code, out, _ = run(capsys, "--data-dir", str(tmp_path), "timeline", str(plan), "--json")
        assert code == 0
        assert json.loads(out)["sets"][0]["reps_start_s"] == count_in_s


def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path: Path) -> None:
    """`tempo-trainer variations --json | head -1`: the command ends quietly, as a pipe does."""
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path), "variations", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # long before the child has started writing
    with process.stderr:
        err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert err == ""
