"""load and suggest, called as the CLI calls them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from app.cli.coach_commands import load, suggest_today
from app.cli.log_access import open_log
from app.cli.output import EXIT_INVALID, EXIT_OK
from app.cli.parser import build_parser
from tests.fixtures.coach_histories import BOX, TODAY, B, imported, session


def args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


def test_load_says_the_share_on_the_hands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parsed = args("load", "--variation", BOX, "--box-height-cm", "45", "--stature-cm", "175")
    assert load(parsed, tmp_path) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Hands-elevated push up with the hands at 45 cm: about ")
    as_json = args("load", "--variation", "floor-push-up", "--json")
    assert load(as_json, tmp_path) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["variation"] == "floor-push-up"


def test_load_of_an_unknown_variation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert load(args("load", "--variation", "handstand"), tmp_path) == EXIT_INVALID
    assert "unknown variation 'handstand'" in capsys.readouterr().err


def test_suggest_advises_from_the_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    with open_log(data) as store:
        store.import_sets(imported(session(2, B(BOX, [12, 12, 12], 45))))
    today = ("--today", TODAY.isoformat())
    assert suggest_today(data, args("suggest", *today)) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Hands-elevated push up at 35 cm: 3 x 8-12 at 3-1-1-0"
    assert suggest_today(data, args("suggest", "--json", *today)) == EXIT_OK
    assert json.loads(capsys.readouterr().out)[0]["rule"] == "harder"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--today", "tomorrow"], "--today 'tomorrow' must be a date like 2026-11-22"),
        (["--surface", "stair"], "--surface 'stair' must be NAME=CM, like stair=20"),
    ],
)
def test_suggest_refuses_bad_options(
    argv: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert suggest_today(tmp_path, args("suggest", *argv)) == EXIT_INVALID
    assert said in capsys.readouterr().err
