"""The command line: ``tempo-trainer SUBCOMMAND``; the bare command opens the app."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from app.domain.equipment import EquipmentProfile, equipment_to_dict, parse_equipment
from app.domain.load_model import LoadError, estimate_load
from app.domain.plain_text import printable
from app.domain.problems import InputError, Problem
from app.domain.progression import suggest
from app.domain.set_role import SetRole
from app.domain.timeline import Timeline, compile_timeline
from app.domain.units import Units, box_text
from app.storage.backup import MAX_BACKUP_BYTES, BackupError, BackupTargetError, write_backup
from app.storage.catalog import Catalog, CatalogError, load_catalog, variation_problems
from app.storage.coach_input import coach_history
from app.storage.data_dir import data_dir, store_path
from app.storage.history_csv import to_csv
from app.storage.imports.names_file import load_exercise_names
from app.storage.imports.read_export import read_export
from app.storage.imports.report import report_json, report_lines
from app.storage.plan_files import read_plan
from app.storage.rescue import import_rescued
from app.storage.restore import restore_backup
from app.storage.safe_open import open_store
from app.storage.settings import load_settings, settings_path
from app.storage.store import Store, StoreError
from app.storage.text_files import read_text

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a closed pipe


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
    _add_load_and_suggest(commands)

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
        choices=("qt", "simpleaudio", "none"),
        default=None,
        help="sound output (default: from Settings, else qt)",
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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``tempo-trainer`` and ``python -m app``."""
    _safe_output()
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
    command = args.command or "gui"
    try:
        if command == "gui":
            return _gui(args)
        if command == "play":
            from app.headless import run_headless

            if (args.plan is None) == (not args.resume):
                _error("play needs a PLAN, or --resume to carry on the unfinished session")
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
        if command == "validate":
            return _validate(args.paths)
        if command == "timeline":
            return _timeline(args.plan, data_dir(args.data_dir), as_json=args.json)
        if command == "variations":
            return _variations(as_json=args.json)
        if command == "history":
            return _history(data_dir(args.data_dir), as_csv=args.csv)
        if command == "import":
            return _import(
                data_dir(args.data_dir), args.file, dry_run=args.dry_run, as_json=args.json
            )
        if command == "load":
            return _load(args, data_dir(args.data_dir))
        if command == "suggest":
            return _suggest(data_dir(args.data_dir), args)
        if command == "backup":
            return _backup(data_dir(args.data_dir), args.file)
        if command == "restore":
            return _restore(data_dir(args.data_dir), args.file)
    except CatalogError as error:
        _error("the shipped variation catalog is broken:\n" + "\n".join(error.lines))
        return EXIT_FAILURE
    except NoDataFolderError as error:
        _error(str(error))
        return EXIT_INVALID
    except StoreError as error:
        _error(str(error))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    raise AssertionError(f"unhandled command {command}")


def _safe_output() -> None:
    """Text the terminal's encoding cannot show is replaced, never a traceback.

    Under a Latin-1 locale, a plan titled in Greek would otherwise crash ``timeline`` and
    ``play``. What is meant to be read back (CSV, JSON) is written as UTF-8 whatever the locale.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _write_utf8(text: str) -> None:
    """Output a program reads back (CSV, JSON): UTF-8 bytes, whatever the locale says."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8", "surrogateescape"))
    buffer.flush()


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


def _error(message: str) -> None:
    print(f"tempo-trainer: {message}", file=sys.stderr)


def _validate(paths: Sequence[Path]) -> int:
    catalog = load_catalog()
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.toml")))
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    for path in files:
        problems.extend(_file_problems(path, catalog))
    for line in problems:
        print(line, file=sys.stderr)
    if not problems:
        print(f"{len(files)} file(s) valid")
    return EXIT_INVALID if problems else EXIT_OK


def _file_problems(path: Path, catalog: Catalog) -> list[str]:
    """A file under a ``variations`` folder is a variation; anything else is a plan."""
    if path.parent.name == "variations":
        return variation_problems(path)[1]
    return list(read_plan(path, catalog).problems)


def _timeline(path: Path, folder: Path, *, as_json: bool) -> int:
    plan_file = read_plan(path, load_catalog())
    if plan_file.plan is None:
        for line in plan_file.problems:
            print(line, file=sys.stderr)
        return EXIT_INVALID
    # The plan's own count_in_s wins; the saved setting is for plans without one.
    count_in_s = load_settings(settings_path(folder)).count_in_s
    timeline = compile_timeline(plan_file.plan, default_count_in_s=count_in_s)
    if as_json:
        print(json.dumps(timeline_json(timeline), indent=1))
    else:
        print(timeline_text(timeline))
    return EXIT_OK


def _ms(seconds: float) -> float:
    return round(seconds, 3)


def timeline_json(timeline: Timeline) -> dict[str, object]:
    """The ``timeline --json`` contract."""
    return {
        "title": timeline.title,
        "duration_s": _ms(timeline.duration_s),
        "sets": [
            {
                "block": timed.schedule.block,
                "set": timed.schedule.set_number,
                "variation": timed.schedule.variation_id,
                "box_height_cm": timed.schedule.box_height_cm,
                "tempo": str(timed.schedule.tempo),
                "reps": timed.schedule.reps,
                "start_s": _ms(timed.start_s),
                "reps_start_s": _ms(timed.reps_start_s),
                "end_s": _ms(timed.end_s),
                "rest_end_s": _ms(timed.rest_end_s),
            }
            for timed in timeline.sets
        ],
        "cues": [{"t": _ms(cue.t_s), "cue": cue.kind.value} for cue in timeline.cues],
    }


def timeline_text(timeline: Timeline) -> str:
    lines = [f"{printable(timeline.title)}: {_clock(timeline.duration_s)} in all"]
    for timed in timeline.sets:
        s = timed.schedule
        box = f", box {s.box_height_cm:g} cm" if s.box_height_cm is not None else ""
        lines.append(
            f"  {_clock(timed.start_s)}  block {s.block + 1} set {s.set_number}/{s.sets_in_block}:"
            f" {s.variation_id}{box}, {s.target} reps at {s.tempo}, ends {_clock(timed.end_s)},"
            f" rest until {_clock(timed.rest_end_s)}"
        )
    return "\n".join(lines)


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60:d}:{whole % 60:02d}"


def _variations(*, as_json: bool) -> int:
    catalog = load_catalog()
    if as_json:
        items = [
            {
                "id": v.id,
                "name": v.name,
                "summary": v.summary,
                "difficulty": v.difficulty,
                "muscles": list(v.muscles),
                "equipment": list(v.equipment),
                "uses_box": v.uses_box,
                "default_box_height_cm": v.default_box_height_cm,
                "default_tempo": str(v.default_tempo),
                "default_reps": str(v.default_reps),
                "default_rest_s": v.default_rest_s,
                "easier": list(v.easier),
                "harder": list(v.harder),
                "caveat": v.caveat,
                "setup_steps": [{"title": s.title, "text": s.text} for s in v.steps],
                "form_cues": list(v.form_cues),
                "mistakes": list(v.mistakes),
            }
            for v in catalog.values()
        ]
        _write_utf8(json.dumps(items, indent=1, ensure_ascii=False) + "\n")
        return EXIT_OK
    for v in catalog.values():
        print(f"{v.id:24} {v.name}: {v.summary}")
    return EXIT_OK


class NoDataFolderError(Exception):
    """A command that only reads was pointed at a data folder that does not exist."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"no data folder at {folder}")


def _open_log(folder: Path, *, rescue: bool = True) -> Store:
    """The log, checked (repaired from a backup, said on stderr) as the app opens it."""
    opened = open_store(folder, datetime.now().astimezone())
    if opened.notice:
        _error(opened.notice)
    # Like every start: sets rescued to a CSV during a log problem come back first.
    if rescue and (rescued := import_rescued(opened.store, folder).notice):
        _error(rescued)
    return opened.store


def _log_to_read(folder: Path, *, unwritable: str) -> Store:
    """The log of a command that only reads: never a new folder, read-only if it must be.

    NoDataFolderError when ``folder`` is not there: a mistyped ``--data-dir`` must not leave a
    fresh folder and an empty log behind. A folder that cannot be written (a read-only disk,
    a frozen folder) can still be read; ``unwritable`` then says so on stderr.
    """
    if not folder.is_dir():
        raise NoDataFolderError(folder)
    try:
        return _open_log(folder)
    except StoreError:
        if not store_path(folder).is_file():
            raise
    store = Store.read_only(store_path(folder))
    _error(f"{folder} cannot be written, so {unwritable}")
    return store


def _history(folder: Path, *, as_csv: bool) -> int:
    with _log_to_read(folder, unwritable="the log is shown read-only") as store:
        sets = store.sets()
        if as_csv:
            _write_utf8(to_csv(sets))
            return EXIT_OK
        uses_box = {v.id for v in load_catalog().values() if v.uses_box}
        for s in sets:
            box = box_text(s.box_height_cm, Units.CM, uses_box=s.variation in uses_box)
            box = f" box {box}" if box else ""
            mark = " (rehearsal)" if s.rehearsal else ""
            print(
                printable(
                    f"{s.ended_at}  {s.variation}{box}  set {s.set_number}:"
                    f" {s.reps}/{s.target_reps} reps at {s.tempo}{mark}"
                )
            )
        if not sets:
            print("No sets logged yet.")
    return EXIT_OK


def _import(folder: Path, path: Path, *, dry_run: bool, as_json: bool) -> int:
    """This app's CSV or another app's export, found from the file; all rows or none."""
    catalog = load_catalog()
    uses_box = frozenset(v.id for v in catalog.values() if v.uses_box)
    try:
        preview = read_export(path, load_exercise_names(), uses_box, date.today())
    except InputError as error:
        for line in error.lines(str(path)):
            print(line, file=sys.stderr)
        return EXIT_INVALID
    log = store_path(folder)
    if not preview.sets:
        added = 0
    elif dry_run and not log.exists():
        added = len({(s.session_uid, s.block, s.set_number) for s in preview.sets})
    elif dry_run:
        # Checked and backed up like any start, but nothing added: not even rescued sets.
        with _open_log(folder, rescue=False) as store:
            added = store.count_new_sets(preview.sets)
    else:
        with _open_log(folder) as store:
            added = store.import_sets(preview.sets)
    if as_json:
        print(
            json.dumps(report_json(preview, added, dry_run=dry_run), indent=1, ensure_ascii=False)
        )
    else:
        names = {v.id: v.name for v in catalog.values()}
        print("\n".join(report_lines(preview, added, names, dry_run=dry_run)))
    return EXIT_OK


# --- load and suggest (the progress issue) ----------------------------------------------------


def _add_load_and_suggest(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def _equipment(folder: Path) -> EquipmentProfile:
    """The profile saved in Settings; defaults when absent or bad."""
    return load_settings(settings_path(folder)).equipment


def _load(args: argparse.Namespace, folder: Path) -> int:
    catalog = load_catalog()
    variation = catalog.get(args.variation)
    if variation is None:
        _error(f"unknown variation {args.variation!r} (known: {', '.join(catalog)})")
        return EXIT_INVALID
    stature_cm = _equipment(folder).stature_cm if args.stature_cm is None else args.stature_cm
    try:
        estimate = estimate_load(variation, args.box_height_cm, stature_cm)
    except LoadError as error:
        _error(str(error))
        return EXIT_INVALID
    if args.json:
        print(
            json.dumps(
                {
                    "variation": estimate.variation_id,
                    "box_height_cm": estimate.box_height_cm,
                    "stature_cm": estimate.stature_cm,
                    "share_of_body_mass": round(estimate.share_of_body_mass, 4),
                    "source": estimate.source,
                    "extrapolated": estimate.extrapolated,
                },
                indent=1,
            )
        )
        return EXIT_OK
    height = estimate.box_height_cm
    box = f" with the hands at {height:g} cm" if height is not None else ""
    print(
        f"{variation.name}{box}: about {estimate.share_of_body_mass:.0%} of your body weight"
        f" on your hands (stature {estimate.stature_cm:g} cm)."
    )
    print(f"Source: {estimate.source}.")
    if estimate.extrapolated:
        print("This is an extrapolation beyond what was measured: treat it as a rough guide.")
    return EXIT_OK


def _suggest(folder: Path, args: argparse.Namespace) -> int:
    catalog = load_catalog()
    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        _error(f"--today {args.today!r} must be a date like 2026-11-22")
        return EXIT_INVALID
    try:
        profile = _profile_for_suggest(_equipment(folder), args.stature_cm, args.surface)
    except InputError as error:
        for problem in error.problems:
            _error(problem.message)
        return EXIT_INVALID
    with _log_to_read(folder, unwritable="the log is only read") as store:
        history = coach_history(store, today)
    advice = suggest(history, catalog, profile, today=today)
    if args.json:
        _write_utf8(json.dumps([s.to_json() for s in advice], indent=1, ensure_ascii=False) + "\n")
        return EXIT_OK
    if not advice:
        print("Nothing to suggest yet: log a session first.")
    for s in advice:
        box = f" at {s.box_height_cm:g} cm" if s.box_height_cm is not None else ""
        role = "" if s.role is SetRole.WORK else f" ({s.role})"
        print(f"{catalog[s.variation].name}{box}: {s.sets} x {s.reps} at {s.tempo}{role}")
        print(f"  {s.reason}")
    return EXIT_OK


def _profile_for_suggest(
    saved: EquipmentProfile, stature_cm: float | None, surfaces: Sequence[str]
) -> EquipmentProfile:
    """The saved profile with this run's ``--stature-cm`` and ``--surface`` in place."""
    data = equipment_to_dict(saved)
    if stature_cm is not None:
        data["stature_cm"] = stature_cm
    if surfaces:
        given: list[dict[str, object]] = []
        for text in surfaces:
            name, _, height = text.rpartition("=")
            try:
                value = float(height)
            except ValueError:
                raise InputError(
                    Problem(f"--surface {text!r} must be NAME=CM, like stair=20")
                ) from None
            given.append({"name": name, "height_cm": value})
        data["surfaces"] = given
    return parse_equipment(data)


# --- backup and restore -----------------------------------------------------------------------


def _backup(folder: Path, target: Path) -> int:
    # Checked (a damaged log repaired from a backup) as any start, then read as it is.
    _log_to_read(folder, unwritable="the log is only read").close()
    try:
        write_backup(folder, target, datetime.now().astimezone())
    except BackupTargetError as error:
        _error(f"{error}; nothing was written")
        return EXIT_INVALID
    except OSError as error:
        _error(f"{target}: cannot write the backup: {error.strerror or error}")
        return EXIT_FAILURE
    print(f"Backed up the log, your plans and settings to {target}")
    return EXIT_OK


def _restore(folder: Path, path: Path) -> int:
    """Nothing changes unless the whole file checks out; the replaced data is kept."""
    try:
        text = read_text(path, max_bytes=MAX_BACKUP_BYTES)
        kept = restore_backup(folder, text, datetime.now().astimezone())
    except InputError as error:
        for line in error.lines(str(path)):
            print(line, file=sys.stderr)
        return EXIT_INVALID
    except BackupError as error:
        for line in error.format(str(path)):
            print(line, file=sys.stderr)
        return EXIT_INVALID
    print(f"Restored {path}.")
    print(f"What it replaced (log, plans, settings) is kept in {kept}")
    return EXIT_OK
