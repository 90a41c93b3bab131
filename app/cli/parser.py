"""The command line's words: every subcommand and its options."""

from __future__ import annotations

import argparse
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tempo-trainer",
        description="Paces push-up reps with sound and big visual cues, and logs every set.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=_folder_name,
        help="where the log, plans and settings live "
        "(default: $TEMPO_TRAINER_DATA_DIR or the platform's user-data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the trainer window (the default)")
    gui.add_argument("--session", metavar="PLAN", type=Path, help="start with this plan file")
    gui.add_argument("--fullscreen", action="store_true", help="open full screen")
    _speed_and_audio(gui)

    play = commands.add_parser("play", help="run a session in the terminal, sound only")
    play.add_argument("plan", type=Path, metavar="PLAN", nargs="?")
    play.add_argument(
        "--resume", action="store_true", help="carry on with the unfinished session instead"
    )
    play.add_argument(
        "--yes",
        action="store_true",
        help="skip setup prompts, log the planned reps (a max set: the reps done)",
    )
    play.add_argument(
        "--voice",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="speak the counts and phase words over the cues (default: from Settings)",
    )
    _speed_and_audio(play)

    validate = commands.add_parser("validate", help="check plan and variation files")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    timeline = commands.add_parser("timeline", help="print a plan's compiled schedule")
    timeline.add_argument("plan", type=Path, metavar="PLAN")
    timeline.add_argument("--json", action="store_true")

    variations = commands.add_parser("variations", help="list the push-up variations")
    variations.add_argument("--json", action="store_true")

    history = commands.add_parser("history", help="print the training log")
    history.add_argument("--csv", action="store_true", help="one CSV row per set")

    importer = commands.add_parser(
        "import",
        help="add sets from history --csv or a Strong, Hevy, FitNotes or Fitbod export",
    )
    importer.add_argument("file", type=Path, metavar="FILE.csv")
    importer.add_argument(
        "--dry-run", action="store_true", help="check the file and say what would be added"
    )
    importer.add_argument("--json", action="store_true", help="print the report as JSON")
    _load_and_suggest_commands(commands)

    backup = commands.add_parser("backup", help="save everything (log, plans, settings) as JSON")
    backup.add_argument("file", type=Path, metavar="FILE.json")
    restore = commands.add_parser(
        "restore", help="replace everything with a backup (what it replaces is kept)"
    )
    restore.add_argument("file", type=Path, metavar="FILE.json")
    return parser


def _speed_and_audio(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--speed",
        type=_speed,
        default=1.0,
        metavar="F",
        help="rehearse faster or slower (0.1-20); logged as a rehearsal",
    )
    parser.add_argument(
        "--audio",
        choices=("qt", "pulse", "simpleaudio", "none"),
        default=None,
        help="sound output (default: from Settings, else pulse on Linux, qt elsewhere)",
    )


def _folder_name(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the folder name is empty")
    return text


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.1 <= value <= 20:
        raise argparse.ArgumentTypeError("speed must be between 0.1 and 20")
    return value


def _load_and_suggest_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    load = commands.add_parser(
        "load", help="estimate the share of body weight on the hands for a variation"
    )
    load.add_argument("--variation", required=True, metavar="ID", help="a variation id")
    load.add_argument(
        "--box-height-cm", type=float, metavar="H", help="hand height (box variations only)"
    )
    load.add_argument(
        "--stature-cm", type=float, metavar="S", help="your height (default: from Settings)"
    )
    load.add_argument("--json", action="store_true")
    suggest = commands.add_parser(
        "suggest", help="today's session from the coach, block by block, and why"
    )
    suggest.add_argument("--json", action="store_true")
    suggest.add_argument(
        "--today", metavar="YYYY-MM-DD", help="the day to advise for (default: today)"
    )
    suggest.add_argument(
        "--stature-cm", type=float, metavar="S", help="your height (default: from Settings)"
    )
    suggest.add_argument(
        "--surface",
        action="append",
        default=[],
        metavar="NAME=CM",
        help="a surface you can put your hands on (repeat; replaces the saved ones)",
    )
