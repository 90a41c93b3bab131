"""The command line: ``tempo-trainer SUBCOMMAND``; the bare command opens the app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.cli.log_access import NoDataFolderError
from app.cli.output import (
    EXIT_BROKEN_PIPE,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    print_error,
    safe_output,
)
from app.cli.parser import build_parser
from app.storage.catalog import CatalogError
from app.storage.data_dir import data_dir
from app.storage.store import StoreError

__all__ = ["build_parser", "main", "main_gui"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``tempo-trainer`` and ``python -m app``."""
    safe_output()
    args = build_parser().parse_args(argv)
    try:
        code = _run(args)
        sys.stdout.flush()  # inside the try: a reader that left early is found here
    except BrokenPipeError:
        # `tempo-trainer history | head`: the reader has what it wanted. Point stdout at
        # /dev/null so that the flush at exit cannot raise again, and end as a pipe does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return code


def _run(args: argparse.Namespace) -> int:
    run = _COMMANDS[args.command or "gui"]
    try:
        return run(args)
    except CatalogError as broken:
        print_error("the shipped variation catalog is broken:\n" + "\n".join(broken.lines))
        return EXIT_FAILURE
    except NoDataFolderError as missing:
        print_error(str(missing))
        return EXIT_INVALID
    except StoreError as refused:
        print_error(str(refused))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def main_gui() -> int:
    """Entry point of the ``tempo-trainer-gui`` launcher (no console window on Windows)."""
    return main(["gui", *sys.argv[1:]])


def _gui(args: argparse.Namespace) -> int:
    from app.gui.launch import run_gui

    return run_gui(
        data_dir=data_dir(args.data_dir),
        session=getattr(args, "session", None),
        fullscreen=getattr(args, "fullscreen", False),
        speed=getattr(args, "speed", 1.0),
        audio=getattr(args, "audio", None),
    )


def _play(args: argparse.Namespace) -> int:
    from app.headless import run_headless

    if (args.plan is None) == (not args.resume):
        print_error("play needs a PLAN, or --resume to carry on the unfinished session")
        return EXIT_INVALID
    return run_headless(
        args.plan,
        data_dir=data_dir(args.data_dir),
        speed=args.speed,
        audio=args.audio,
        assume_yes=args.yes,
        resume=args.resume,
        voice=args.voice,
    )


def _folder(args: argparse.Namespace) -> Path:
    return data_dir(args.data_dir)


# Each command imports what it runs when it runs: the window comes up without the code of
# the terminal's commands (exports, imports, timelines), which it never uses.


def _validate(args: argparse.Namespace) -> int:
    from app.cli.plan_commands import validate

    return validate(args.paths)


def _timeline(args: argparse.Namespace) -> int:
    from app.cli.plan_commands import timeline

    return timeline(args.plan, _folder(args), as_json=args.json)


def _variations(args: argparse.Namespace) -> int:
    from app.cli.plan_commands import variations

    return variations(as_json=args.json)


def _history(args: argparse.Namespace) -> int:
    from app.cli.log_commands import history

    return history(_folder(args), as_csv=args.csv)


def _import(args: argparse.Namespace) -> int:
    from app.cli.log_commands import import_sets

    return import_sets(_folder(args), args.file, dry_run=args.dry_run, as_json=args.json)


def _load(args: argparse.Namespace) -> int:
    from app.cli.coach_commands import load

    return load(args, _folder(args))


def _suggest(args: argparse.Namespace) -> int:
    from app.cli.coach_commands import suggest_today

    return suggest_today(_folder(args), args)


def _backup(args: argparse.Namespace) -> int:
    from app.cli.log_commands import backup

    return backup(_folder(args), args.file)


def _restore(args: argparse.Namespace) -> int:
    from app.cli.log_commands import restore

    return restore(_folder(args), args.file)


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": _gui,
    "play": _play,
    "validate": _validate,
    "timeline": _timeline,
    "variations": _variations,
    "history": _history,
    "import": _import,
    "load": _load,
    "suggest": _suggest,
    "backup": _backup,
    "restore": _restore,
}
"""Each subcommand and what runs it; the bare command opens the window."""
