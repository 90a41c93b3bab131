"""validate, timeline and variations, called as the CLI calls them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.output import EXIT_INVALID, EXIT_OK
from app.cli.plan_commands import timeline, validate, variations
from tests.conftest import plan_text

PLAN = plan_text(
    'variation = "floor-push-up"\nsets = 2\nreps = 3', title="Κάμψεις", head="count_in_s = 3"
)


def test_validate_counts_good_files_and_names_each_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.toml").write_text(PLAN, encoding="utf-8")
    assert validate([tmp_path]) == EXIT_OK
    assert capsys.readouterr().out == "1 file(s) valid\n"
    (tmp_path / "bad.toml").write_text(PLAN.replace("sets = 2", "sets = 0"), encoding="utf-8")
    assert validate([tmp_path, tmp_path / "gone.toml"]) == EXIT_INVALID
    err = capsys.readouterr().err
    assert f"{tmp_path / 'gone.toml'}: no such file or folder" in err
    assert "bad.toml:5: block 1: 'sets' is 0; it must be 1-20" in err


def test_timeline_as_text_and_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    assert timeline(plan, tmp_path / "data", as_json=False) == EXIT_OK
    text = capsys.readouterr().out.splitlines()
    assert text[0].startswith("Κάμψεις: ") and len(text) == 3
    assert "block 1 set 1/2: floor-push-up, 3 reps at" in text[1]
    assert timeline(plan, tmp_path / "data", as_json=True) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert [s["set"] for s in data["sets"]] == [1, 2]
    assert data["sets"][0]["start_s"] == 0 and data["sets"][0]["reps_start_s"] == 3
    assert data["cues"][0]["t"] == 0


def test_timeline_of_a_bad_plan_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text("title = \n", encoding="utf-8")
    assert timeline(plan, tmp_path / "data", as_json=False) == EXIT_INVALID
    assert "not valid TOML" in capsys.readouterr().err


def test_variations_list_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert variations(as_json=False) == EXIT_OK
    assert any(line.startswith("floor-push-up ") for line in capsys.readouterr().out.splitlines())
    assert variations(as_json=True) == EXIT_OK
    items = json.loads(capsys.readouterr().out)
    floor = next(item for item in items if item["id"] == "floor-push-up")
    assert floor["uses_box"] is False and floor["setup_steps"]
