"""The command line's words: each subcommand's options, and the values refused at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.parser import build_parser


def test_gui_play_and_suggest_take_their_options() -> None:
    parser = build_parser()
    gui = parser.parse_args(["--data-dir", "d", "gui", "--session", "p.toml", "--speed", "20"])
    assert (gui.command, gui.data_dir, gui.session, gui.speed) == ("gui", "d", Path("p.toml"), 20)
    play = parser.parse_args(["play", "--resume", "--audio", "none", "--no-voice"])
    assert (play.plan, play.resume, play.audio, play.voice) == (None, True, "none", False)
    suggest = parser.parse_args(["suggest", "--surface", "stair=20", "--surface", "sill=90"])
    assert suggest.surface == ["stair=20", "sill=90"]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--data-dir", " ", "history"], "the folder name is empty"),
        (["play", "--speed", "fast"], "'fast' is not a number"),
        (["play", "--speed", "21"], "speed must be between 0.1 and 20"),
        (["gui", "--audio", "loud"], "invalid choice: 'loud'"),
    ],
)
def test_a_bad_value_is_refused_with_exit_2_and_says_why(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(argv)
    assert exited.value.code == 2
    assert said in capsys.readouterr().err
