"""Commands about the training log: ``history``, ``import``, ``backup`` and ``restore``."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from app.cli.log_access import log_to_read, open_log
from app.cli.output import EXIT_FAILURE, EXIT_INVALID, EXIT_OK, print_error, write_utf8
from app.domain.plain_text import printable
from app.domain.problems import InputError
from app.domain.units import Units, box_text
from app.domain.variation import Variation
from app.storage.backup import MAX_BACKUP_BYTES, BackupError, BackupTargetError, write_backup
from app.storage.catalog import load_catalog
from app.storage.data_dir import store_path
from app.storage.history_csv import to_csv
from app.storage.imports.names_file import load_exercise_names
from app.storage.imports.read_export import read_export
from app.storage.imports.report import report_json, report_lines
from app.storage.restore import restore_backup
from app.storage.store import SetRecord
from app.storage.text_files import read_text


def history(folder: Path, *, as_csv: bool) -> int:
    with log_to_read(folder, unwritable="the log is shown read-only") as store:
        sets = store.sets()
        if as_csv:
            write_utf8(to_csv(sets))
            return EXIT_OK
        for line in history_lines(sets, load_catalog()):
            print(printable(line))
        if not sets:
            print("No sets logged yet.")
    return EXIT_OK


def history_lines(sets: Sequence[SetRecord], catalog: Mapping[str, Variation]) -> list[str]:
    """Each session under its title and the local time of its first set, then its sets::

        Sat 28 Nov 2026 17:26  Evening
          Hands-elevated push up, box 45 cm, set 1: 12 reps (aimed 8-12) at 3-1-1-0

    Sessions come in the order of their first sets; one resumed after another session is
    shown once, all its sets together.
    """
    sessions: dict[int, list[SetRecord]] = {}
    for s in sets:
        sessions.setdefault(s.session_id, []).append(s)
    lines: list[str] = []
    for rows in sessions.values():
        first = rows[0]
        mark = "  (rehearsal: not counted)" if first.rehearsal else ""
        lines.append(
            f"{first.ended_at.astimezone():%a %d %b %Y %H:%M}  {first.session_title}{mark}"
        )
        lines += [f"  {_set_line(s, catalog)}" for s in rows]
    return lines


def _set_line(s: SetRecord, catalog: Mapping[str, Variation]) -> str:
    variation = catalog.get(s.variation)
    name = variation.name if variation is not None else s.variation
    uses_box = variation is not None and variation.uses_box
    box = box_text(s.box_height_cm, Units.CM, uses_box=uses_box)
    where = f", box {box}" if box else ""
    role = "" if s.role == "work" else f" ({s.role})"
    aim = "max set" if s.target_reps == "max" else f"aimed {s.target_reps}"
    reps = "1 rep" if s.reps == 1 else f"{s.reps} reps"
    return f"{name}{where}, set {s.set_number}{role}: {reps} ({aim}) at {s.tempo}"


def import_sets(folder: Path, path: Path, *, dry_run: bool, as_json: bool) -> int:
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
        with open_log(folder, rescue=False) as store:
            added = store.count_new_sets(preview.sets)
    else:
        with open_log(folder) as store:
            added = store.import_sets(preview.sets)
    if as_json:
        print(
            json.dumps(report_json(preview, added, dry_run=dry_run), indent=1, ensure_ascii=False)
        )
    else:
        names = {v.id: v.name for v in catalog.values()}
        print("\n".join(report_lines(preview, added, names, dry_run=dry_run)))
    return EXIT_OK


def backup(folder: Path, target: Path) -> int:
    # Checked (a damaged log repaired from a backup) as any start, then read as it is.
    log_to_read(folder, unwritable="the log is only read").close()
    try:
        write_backup(folder, target, datetime.now().astimezone())
    except BackupTargetError as error:
        print_error(f"{error}; nothing was written")
        return EXIT_INVALID
    except OSError as error:
        print_error(f"{target}: cannot write the backup: {error.strerror or error}")
        return EXIT_FAILURE
    print(f"Backed up the log, your plans and settings to {target}")
    return EXIT_OK


def restore(folder: Path, path: Path) -> int:
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
