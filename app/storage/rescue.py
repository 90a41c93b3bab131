"""Sets rescued to a CSV during a log problem, added back to the log at the next start.

When the log refused sets, the front ends saved them as ``tempo-trainer-unsaved-*.csv``
(``log_export``) in the first folder that took them. The next start that can write the log
calls ``import_rescued``: each such file is imported (an import never adds a set the log
already holds), then renamed ``*.imported.csv`` so that it is read once, and the person is told
how many sets came back. An unfinished session then resumes after its rescued sets, not before
them (``Store.import_sets`` moves its resume point).

Only files meant for this log are taken: named for its data folder (``log_tag``), or holding
only sessions the log already knows. Another data folder's rescued sets are left alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.domain.problems import InputError
from app.storage.history_csv import MAX_CSV_BYTES, parse_csv
from app.storage.log_export import UNSAVED_NAME, UNSAVED_PREFIX, log_tag, unsaved_folders
from app.storage.store import Store, StoreError
from app.storage.text_files import read_text

IMPORTED_SUFFIX = ".imported.csv"


@dataclass(frozen=True, slots=True)
class Rescued:
    """What ``import_rescued`` did: sets added, files moved aside, and what it could not do."""

    added: int = 0
    files: tuple[Path, ...] = ()
    """The files read, under their new ``*.imported.csv`` names (or the old, if they stayed)."""
    problems: tuple[str, ...] = ()

    @property
    def notice(self) -> str | None:
        """One sentence for the person, or None when there is nothing to say."""
        lines = list(self.problems)
        if self.added:
            sets = "1 set" if self.added == 1 else f"{self.added} sets"
            were = "was" if self.added == 1 else "were"
            lines.insert(0, f"{sets} saved during a log problem {were} added to your log.")
        return "\n".join(lines) or None


def import_rescued(store: Store, data_dir: Path, folders: Iterable[Path] | None = None) -> Rescued:
    """Add the rescued sets found in ``folders`` (default: ``rescue_folders``) to ``store``.

    Never raises for a file or a log it cannot use: a file that cannot be read stays where it
    is (said in ``problems`` when it was named for this log); a log that refuses the import
    leaves every file for the next start.
    """
    if store.in_memory:
        return Rescued()
    try:
        return _import(
            store,
            log_tag(data_dir),
            rescue_folders(store, data_dir) if folders is None else folders,
        )
    except sqlite3.Error as error:  # the log failed under us: every file waits for next time
        return Rescued(problems=(f"Sets saved during a log problem were not added: {error}",))


def _import(store: Store, tag: str, folders: Iterable[Path]) -> Rescued:
    added = 0
    files: list[Path] = []
    problems: list[str] = []
    for path in _rescue_files(folders):
        match = UNSAVED_NAME.fullmatch(path.name)
        assert match is not None
        named_for_us = match["log"] == tag
        try:
            rows = parse_csv(read_text(path, max_bytes=MAX_CSV_BYTES))
        except InputError as error:
            if named_for_us:
                first = error.lines(str(path))[0]
                problems.append(
                    f"Sets saved during a log problem could not be added ({first});"
                    f" fix the file, then: tempo-trainer import {path}"
                )
            continue
        uids = {row.session_uid for row in rows}
        if not named_for_us and store.known_sessions(uids) != uids:
            continue  # another data folder's sets
        try:
            added += store.import_sets(rows)
        except (StoreError, sqlite3.Error) as error:
            problems.append(
                f"Sets saved during a log problem wait in {path}: the log did not take them"
                f" ({error}); they are added at the next start."
            )
            break
        files.append(_move_aside(path))
    return Rescued(added, tuple(files), tuple(problems))


def rescue_folders(store: Store, data_dir: Path | None = None) -> tuple[Path, ...]:
    """Where the front ends save refused sets: the data folder (a session that never began
    there), beside an open session's plan, home, here, temp."""
    beside_plans = [
        Path(source).absolute().parent
        for source in store.open_plan_sources()
        if source.endswith(".toml")
    ]
    own = [] if data_dir is None else [data_dir]
    return tuple(dict.fromkeys([*own, *beside_plans, *unsaved_folders()]))


def _rescue_files(folders: Iterable[Path]) -> list[Path]:
    """The rescue CSVs in ``folders``, oldest name first, each file once."""
    found: dict[Path, Path] = {}
    for folder in folders:
        try:
            candidates = [
                path
                for path in folder.glob(f"{UNSAVED_PREFIX}*.csv")
                if UNSAVED_NAME.fullmatch(path.name) and path.is_file()
            ]
            for path in candidates:
                found.setdefault(path.resolve(), path)
        except (OSError, RuntimeError):  # an unreadable folder or a symlink loop: none there
            continue
    return sorted(found.values(), key=lambda path: (path.name, str(path)))


def _move_aside(path: Path) -> Path:
    """Rename ``path`` to ``*.imported.csv`` (never over another file); the path it ends at."""
    stem = path.name.removesuffix(".csv")
    for number in range(1, 100):
        suffix = IMPORTED_SUFFIX if number == 1 else f".imported-{number}.csv"
        target = path.with_name(stem + suffix)
        if target.exists():
            continue
        try:
            path.rename(target)
        except OSError:
            return path  # imported all the same: importing it again adds nothing
        return target
    return path
