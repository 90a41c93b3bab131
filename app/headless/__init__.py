"""``tempo-trainer play PLAN``: a whole session in the terminal, paced by sound alone.

The person may train with the screen off: the setup steps are printed first (Enter to go on,
unless ``--yes``), then the cues play exactly on the timeline while each phase is printed;
after each set the reps done are asked for (Enter = the reps the timeline completed, as the
GUI's log sheet offers; ``--yes`` accepts all) and logged at once, like the GUI does. A max set
runs until the person presses Enter (or its scheduled reps run out), so what is offered and
``--yes`` logs are the whole reps done by then. The rest runs on while the question waits, and
questions are read on a helper thread so that sound never waits for the keyboard.

Spoken counts (``voice``; default: the saved setting, as in the GUI) are handed to the output,
whose mixer says the words over the cue sounds.

The player runs on the output's clock. A Qt output needs Qt's event loop, so with it the loop
is a QEventLoop and a precise 10 ms QTimer (no GUI); other outputs use a plain sleep loop.

This package is the terminal's input and printing only: the session itself (the log, the
player, the sound, the refused sets) is ``app/session``, shared with the window.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.audio.output import CueOutput, output_notice
from app.audio.select import open_output, simpleaudio_missing
from app.domain.plain_text import printable
from app.domain.plan import SessionPlan
from app.domain.problems import InputError
from app.headless.asker import Asker
from app.headless.loops import (
    qt_application,
    release_qt,
    run_plain_loop,
    run_qt_loop,
    stop_on_sigint,
)
from app.headless.terminal_session import TerminalSession
from app.session.session_source import SessionSource, unfinished_source
from app.session.sound import OutputOpener, Sound, open_session_output, set_levels
from app.session.training_log import LogOpener, open_training_log
from app.session.training_session import TrainingSession
from app.session.unsaved_sets import UnsavedCopy
from app.storage.catalog import Catalog, load_catalog
from app.storage.log_export import unsaved_folders
from app.storage.plan_files import read_plan
from app.storage.safe_open import open_store
from app.storage.settings import load_settings, settings_path
from app.storage.store import Store

__all__ = ["EXIT_INTERRUPTED", "EXIT_INVALID", "EXIT_NOT_SAVED", "EXIT_OK", "run_headless"]

EXIT_OK = 0
EXIT_NOT_SAVED = 1
EXIT_INVALID = 2
EXIT_INTERRUPTED = 130


def _local_now() -> datetime:
    return datetime.now().astimezone()


def print_setup(plan: SessionPlan, catalog: Catalog) -> None:
    """The plan's summary and every variation's setup steps, in order of first use."""
    print(printable(plan.title))
    if plan.description:
        print(printable(plan.description.strip()))
    seen: list[str] = []
    for block in plan.blocks:
        if block.variation_id not in seen:
            seen.append(block.variation_id)
    for variation_id in seen:
        variation = catalog[variation_id]
        print(f"\nSetting up: {variation.name}")
        for number, step in enumerate(variation.steps, start=1):
            print(f"  {number}. {step.title}: {step.text}")


def run_headless(
    plan_path: Path,
    *,
    data_dir: Path,
    speed: float = 1.0,
    audio: str | None = None,
    assume_yes: bool = False,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    input_fn: Callable[[str], str] = input,
    output: CueOutput | None = None,
    wall_clock: Callable[[], datetime] = _local_now,
    resume: bool = False,
    open_log: LogOpener = open_store,
    voice: bool | None = None,
    open_sound: OutputOpener = open_output,
) -> int:
    """Run the plan at ``plan_path`` in the terminal; the exit code (0, 2 bad plan, 130 stopped).

    ``output`` (else ``open_sound(audio)``) supplies the clock; ``clock`` is only used for a
    silent output opened here. ``sleep`` paces the plain loop; tests pass a fake clock's.
    ``open_log`` opens the training log (checked and backed up); tests pass failing ones.
    ``voice``: speak the counts (None: as saved in Settings); the words go to the opener.
    """
    catalog = load_catalog()
    store: Store | None = None
    if resume:
        store = _open_log(open_log, data_dir, wall_clock)
        source: SessionSource | int = _resumed_source(store, catalog)
    else:
        source = _source_from_file(plan_path, catalog)
    if isinstance(source, int):
        if store is not None:
            store.close()
        return source
    # Flags win; what is not given comes from the person's Settings, as in the GUI.
    settings = load_settings(settings_path(data_dir))
    audio = audio or settings.audio or None
    print_setup(source.plan, catalog)
    if not assume_yes:
        try:
            input_fn("\nPress Enter to start (Ctrl-C stops the session) ")
        except EOFError:
            assume_yes = True
    # qt plays, or stands in for a pulse server or a simpleaudio that is missing: both need a
    # Qt application.
    wants_qt = audio in (None, "qt", "pulse") or (audio == "simpleaudio" and simpleaudio_missing())
    qt_app = qt_application() if output is None and wants_qt else None
    if output is None:
        sound = open_session_output(open_sound, audio, settings, voice=voice, clock=clock)
        set_levels(sound.output, settings)
    else:
        sound = Sound(output, spoken=False)
    _say_sound(sound, speed)
    try:
        if store is None:
            store = _open_log(open_log, data_dir, wall_clock)
        with store:
            session = TrainingSession(
                source,
                store=store,
                settings=settings,
                output=sound.output,
                speed=speed,
                wall_clock=wall_clock,
            )
            terminal = _terminal(
                session,
                output=sound.output,
                catalog=catalog,
                input_fn=input_fn,
                assume_yes=assume_yes,
                data_dir=data_dir,
            )
            return _play(terminal, qt_app is not None, sleep)
    finally:
        if output is None:
            sound.output.close()
        release_qt(qt_app)


def _open_log(open_log: LogOpener, data_dir: Path, wall_clock: Callable[[], datetime]) -> Store:
    """The log, checked and backed up; what opening it found is said on stderr."""
    opened, notices = open_training_log(open_log, data_dir, wall_clock())
    for notice in notices:
        print(notice, file=sys.stderr)
    return opened.store


def _resumed_source(store: Store, catalog: Catalog) -> SessionSource | int:
    """The unfinished session to carry on, said in one line; else the exit code."""
    try:
        source = unfinished_source(store, catalog)
    except InputError as error:
        record = store.unfinished_session()
        where = record.plan_source if record is not None else ""
        for line in error.lines(where or "the resumed plan"):
            print(line, file=sys.stderr)
        return EXIT_INVALID
    if source is None or source.resumed is None:
        print("There is no unfinished session to resume.", file=sys.stderr)
        return EXIT_INVALID
    title = printable(source.plan.title)
    print(f"Resuming {title!r} at set {source.resumed.next_set + 1} of {source.plan.total_sets}.")
    return source


def _source_from_file(plan_path: Path, catalog: Catalog) -> SessionSource | int:
    # The text is read once: the session plays (and is resumed) from it, whatever happens to
    # the file meanwhile.
    plan_file = read_plan(plan_path, catalog)
    if plan_file.plan is None:
        for line in plan_file.problems:
            print(line, file=sys.stderr)
        return EXIT_INVALID
    # Absolute: a resume from another folder must find the plan's rescue CSVs.
    return SessionSource(plan_file.plan, plan_file.text, str(plan_path.absolute()))


def _say_sound(sound: Sound, speed: float) -> None:
    spoken = " with spoken counts" if sound.spoken else ""
    rehearsal = f" at {speed:g}x speed (a rehearsal)" if speed != 1 else ""
    print(f"Sound: {sound.output.name}{spoken}{rehearsal}")
    if notice := output_notice(sound.output):
        print(notice)


def _terminal(
    session: TrainingSession,
    *,
    output: CueOutput,
    catalog: Catalog,
    input_fn: Callable[[str], str],
    assume_yes: bool,
    data_dir: Path,
) -> TerminalSession:
    """Begin (or resume) the session in the log, and the terminal's side of it."""
    session.begin()
    source = session.source
    beside_plan = () if source.resumed else (Path(source.plan_source).resolve().parent,)
    # A session the log never began is unknown to it: only a CSV in the data folder itself is
    # sure to be found by the next start.
    own = (data_dir,) if session.log.session_id is None else ()
    return TerminalSession(
        session,
        output=output,
        catalog=catalog,
        asker=Asker(input_fn),
        assume_yes=assume_yes,
        wall_clock=session.log.wall_clock,
        unsaved=UnsavedCopy(unsaved_folders(*own, *beside_plan), data_dir, session.log.wall_clock),
    )


def _play(terminal: TerminalSession, qt_loop: bool, sleep: Callable[[float], None]) -> int:
    """Play the session to its end (or Ctrl-C); the exit code."""
    log = terminal.log
    if terminal.session.all_logged:
        log.finish()
        print("Every set of that session was already logged.")
        return EXIT_OK
    if log.problem is not None:
        terminal.keep_unsaved()
    try:
        with stop_on_sigint() as stopped:
            if qt_loop and terminal.output.name == "qt":
                run_qt_loop(terminal, stopped)
            else:
                run_plain_loop(terminal, stopped, sleep)
    except KeyboardInterrupt:
        print(f"\nStopped. {_done(terminal)}; the session can be resumed.")
        _say_unsaved(terminal)
        return EXIT_INTERRUPTED
    saved = log.finish()
    print(f"\nSession done: {_done(terminal)}.")
    if not saved:
        _say_unsaved(terminal)
        return EXIT_NOT_SAVED
    return EXIT_OK


def _done(terminal: TerminalSession) -> str:
    """How many sets were done, and how many of them the log holds (never more than it does)."""
    waiting = len(terminal.log.unsaved_rows())
    if not waiting:
        return f"{terminal.logged} set(s) logged"
    return f"{terminal.logged} set(s) done; only {terminal.logged - waiting} in the training log"


def _say_unsaved(terminal: TerminalSession) -> None:
    rows = terminal.log.unsaved_rows()
    if not rows:
        return
    terminal.keep_unsaved()
    path = terminal.unsaved.path
    if path is None:
        print(
            f"{len(rows)} set(s) could not be saved anywhere: {terminal.log.problem}",
            file=sys.stderr,
        )
        return
    print(
        f"{len(rows)} set(s) are not in the training log; they are saved in {path}."
        f" Add them to the log later with: tempo-trainer import {path}",
        file=sys.stderr,
    )
