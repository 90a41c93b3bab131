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
"""

from __future__ import annotations

import math
import os
import queue
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Protocol

from app.audio.output import CueOutput, output_notice
from app.audio.select import open_output, simpleaudio_missing
from app.domain.plain_text import printable
from app.domain.plan import SessionPlan, parse_plan
from app.domain.player import EventKind, Player, PlayerEvent, SetResult
from app.domain.problems import InputError
from app.domain.timeline import REP_STAGES, SetSchedule, Stage, compile_sets
from app.storage.catalog import Catalog, load_catalog
from app.storage.log_export import save_somewhere, unsaved_csv_name
from app.storage.plan_files import read_plan
from app.storage.rescue import import_rescued
from app.storage.resources import ResourceError, shipped_folder
from app.storage.safe_open import OpenedStore, open_store
from app.storage.session_log import SessionLog
from app.storage.settings import load_settings, settings_path
from app.storage.store import SessionRecord, Store

if TYPE_CHECKING:
    from app.audio.voice import Voice  # numpy: loaded only when the words are wanted

EXIT_OK = 0
EXIT_NOT_SAVED = 1
EXIT_INVALID = 2
EXIT_INTERRUPTED = 130
TICK_S = 0.01
TAIL_S = 1.0
"""How long to keep the output open after the last cue, so "session done" plays to its end."""
REST_WARNING_S = 10.0

STAGE_WORDS = {
    Stage.COUNT_IN: "Get ready",
    Stage.ECCENTRIC: "LOWER",
    Stage.BOTTOM: "HOLD",
    Stage.CONCENTRIC: "PUSH",
    Stage.RESET: "RESET",
    Stage.TOP: "TOP",
}


def _local_now() -> datetime:
    return datetime.now().astimezone()


class OutputOpener(Protocol):
    """How the sound output is opened: ``app.audio.select.open_output``, or a test's fake."""

    def __call__(
        self, name: str | None, *, clock: Callable[[], float], voice: Voice | None
    ) -> CueOutput: ...


class _EndOfInput:
    """Stdin is closed: accept the offered numbers from here on."""


_EOF = _EndOfInput()


class _Asker:
    """Asks one question at a time on a daemon thread; ``poll`` picks up the answer."""

    def __init__(self, input_fn: Callable[[str], str]) -> None:
        self._input = input_fn
        self._answers: queue.SimpleQueue[str | _EndOfInput] = queue.SimpleQueue()
        self.pending = False

    def ask(self, prompt: str) -> None:
        """Read one line; while a read is still waiting, only show ``prompt``: it answers this."""
        if self.pending:
            print(prompt, end="", flush=True)
            return
        self.pending = True
        threading.Thread(target=self._read, args=(prompt,), name="ask", daemon=True).start()

    def _read(self, prompt: str) -> None:
        try:
            self._answers.put(self._input(prompt))
        except (EOFError, OSError):
            self._answers.put(_EOF)

    def poll(self) -> str | _EndOfInput | None:
        try:
            answer = self._answers.get_nowait()
        except queue.Empty:
            return None
        self.pending = False
        return answer


class _Session:
    """One session's loop body: advance the player, play its cues, print, ask, log."""

    def __init__(
        self,
        *,
        player: Player,
        output: CueOutput,
        log: SessionLog,
        catalog: Catalog,
        asker: _Asker,
        assume_yes: bool,
        wall_clock: Callable[[], datetime],
        unsaved_folders: tuple[Path, ...],
        data_dir: Path | None = None,
    ) -> None:
        self.player = player
        self.output = output
        self.log = log
        self.catalog = catalog
        self.unsaved_folders = unsaved_folders
        self.data_dir = data_dir
        """Named in the rescue CSV's name, so that the next start of this log imports it."""
        self.unsaved_path: Path | None = None
        self.asker = asker
        self.assume_yes = assume_yes
        self.wall_clock = wall_clock
        self._revision = -1
        self._set_ended_at: datetime | None = None
        self._rest_warned = False
        self._finished_at: float | None = None
        self._awaiting_end = False
        """The read waiting is the Enter that ends the running max set."""
        self._input_closed = False
        self.logged = 0

    def start(self) -> None:
        self._report(self.player.start(self.output.now()))
        self._sync()

    def tick(self) -> bool:
        """One step; True once the session is over and its last sound has played."""
        now = self.output.now()
        self._report(self.player.advance(now))
        self._sync()
        self._collect_answer(now)
        self._warn_rest(now)
        if self.player.stage is Stage.FINISHED:
            if self._finished_at is None:
                last = max((c.at for c in self.player.cues), default=now)
                self._finished_at = max(now, last) + TAIL_S
            return now >= self._finished_at
        return False

    def _sync(self) -> None:
        if self.player.revision != self._revision:
            self._revision = self.player.revision
            self.output.follow(self.player.cues)

    def _report(self, events: list[PlayerEvent]) -> None:
        for event in events:
            schedule = self.player.schedules[event.set_index]
            if event.kind is EventKind.STAGE_CHANGED:
                if event.stage is Stage.COUNT_IN:
                    print(f"\n{self._set_title(schedule)}")
                    if schedule.target.is_max:
                        self._listen_for_end(schedule)
                    print(f"  {STAGE_WORDS[Stage.COUNT_IN]} ({_seconds(schedule.count_in_s)})")
                elif event.stage in STAGE_WORDS and event.rep is not None:
                    phase = next(
                        p for p in schedule.phases if p.rep == event.rep and p.stage is event.stage
                    )
                    of = "max" if schedule.target.is_max else schedule.reps
                    print(
                        f"  rep {event.rep}/{of}  {STAGE_WORDS[event.stage]}"
                        f" {_seconds(phase.duration_s)}"
                    )
            elif event.kind is EventKind.SET_ENDED:
                self._set_ended_at = self.wall_clock()
                self._rest_warned = False
                self._awaiting_end = False
                print("  Set done." if not schedule.is_last else "  Last set done.")
                self._ask_reps()

    def _set_title(self, schedule: SetSchedule) -> str:
        variation = self.catalog.get(schedule.variation_id)
        name = variation.name if variation else schedule.variation_id
        box = f", box {schedule.box_height_cm:g} cm" if schedule.box_height_cm is not None else ""
        return (
            f"Set {schedule.index + 1}/{len(self.player.schedules)}: {name}{box},"
            f" {schedule.target} reps at {schedule.tempo}"
        )

    def _listen_for_end(self, schedule: SetSchedule) -> None:
        """A max set: Enter ends it (with ``--yes`` too: only the person knows when)."""
        if self._input_closed:
            print(f"  Max set: it runs all {schedule.reps} scheduled reps (no keyboard input).")
            return
        print(f"  Max set: press Enter when you stop (it ends by itself after {schedule.reps}).")
        self._awaiting_end = True
        self.asker.ask("")

    def _reps_done(self) -> int:
        """Whole reps the timeline completed before the set ended (the GUI's log sheet too)."""
        return self.player.view(self.output.now()).reps_completed

    def _ask_reps(self) -> None:
        done = self._reps_done()
        if self.assume_yes:
            self._log(done)
            return
        default = f"Enter = {done}" if done else "type the number"
        self.asker.ask(f"  Reps done ({default}): ")

    def _collect_answer(self, now: float) -> None:
        answer = self.asker.poll()
        if answer is None:
            return
        if self._set_ended_at is not None:
            self._take_reps(answer)
        elif self._awaiting_end and self.player.stage in (Stage.COUNT_IN, *REP_STAGES):
            self._awaiting_end = False
            if isinstance(answer, _EndOfInput):
                self._input_closed = True
                print(
                    f"\n  (no more input: this set runs all {self.player.current.reps}"
                    " scheduled reps)"
                )
                return
            self._report(self.player.end_set(now))
            self._sync()
        # Else an Enter that came after its max set had run out: nothing waits for it.

    def _take_reps(self, answer: str | _EndOfInput) -> None:
        done = self._reps_done()
        if isinstance(answer, _EndOfInput):
            print(f"\n  (no more input: logging {done} and accepting the rest as offered)")
            self.assume_yes = True
            self._input_closed = True
            self._log(done)
            return
        text = answer.strip()
        if not text and done:
            self._log(done)
        elif text.isdecimal() and len(text) <= 3:
            self._log(int(text))
        else:
            print("  Please type a whole number of reps.")
            self._ask_reps()

    def _log(self, reps: int) -> None:
        schedule = self.player.current
        ended_at = self._set_ended_at or self.wall_clock()
        logged = self.player.log_set(
            self.output.now(), SetResult(reps=reps, box_height_cm=schedule.box_height_cm)
        )
        saved = self.log.record(logged, ended_at)
        self.logged += 1
        self._set_ended_at = None
        self._sync()
        done = f"{reps} rep{'s' if reps != 1 else ''}"
        if saved:
            print(f"  Logged {done}.")
        else:
            print(f"  Kept {done} (not in the training log yet).")
            self.keep_unsaved(schedule.index + 1)

    def keep_unsaved(self, set_number: int | None = None) -> None:
        """Copy the sets the log refused to a CSV; the first time, say where in one line."""
        rows = self.log.unsaved_rows()
        first = self.unsaved_path is None
        if not rows and not first:
            return
        name = unsaved_csv_name(self.wall_clock(), self.data_dir) if first else ""
        folders = self.unsaved_folders if self.unsaved_path is None else (self.unsaved_path.parent,)
        path = save_somewhere(rows, self.unsaved_path.name if self.unsaved_path else name, folders)
        if path is not None:
            self.unsaved_path = path
        if first:
            where = (
                f"unsaved sets are kept in {path}"
                if path is not None
                else "unsaved sets are kept in memory only (no folder could take a copy)"
            )
            which = f"set {set_number}" if set_number is not None else "the session"
            print(
                f"tempo-trainer: {which} could not be saved to the training log"
                f" ({self.log.problem}); the session goes on and {where}",
                file=sys.stderr,
            )
        if self.player.stage is Stage.REST:
            view = self.player.view(self.output.now())
            following = view.next_schedule
            after = f"; next: set {following.index + 1}" if following else ""
            print(f"  Rest {_seconds(math.ceil(view.rest_remaining_s - 1e-6))}{after}.")

    def _warn_rest(self, now: float) -> None:
        if self._rest_warned or self.player.stage not in (Stage.REST, Stage.LOGGING):
            return
        view = self.player.view(now)
        if view.rest_total_s >= 2 * REST_WARNING_S and 0 < view.rest_remaining_s <= REST_WARNING_S:
            self._rest_warned = True
            print(f"  {REST_WARNING_S:g} s of rest left.")


def _seconds(value: float) -> str:
    return f"{value:g} s" if value < 60 else f"{int(value // 60)}:{round(value % 60):02d} min"


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
    open_log: Callable[[Path, datetime], OpenedStore] = open_store,
    voice: bool | None = None,
    open_sound: OutputOpener = open_output,
) -> int:
    """Run the plan at ``plan_path`` in the terminal; the exit code (0, 2 bad plan, 130 stopped).

    ``output`` (else ``open_sound(audio)``) supplies the clock; ``clock`` is only used for a
    silent output opened here. ``sleep`` paces the plain loop; tests pass a fake clock's.
    ``open_log`` opens the training log (checked and backed up); tests pass failing ones.
    ``voice``: speak the counts (None: as saved in Settings); the words go to ``open_sound``.
    """
    catalog = load_catalog()
    resumed: SessionRecord | None = None
    opened_store: Store | None = None
    if resume:
        opened = open_log(data_dir, wall_clock())
        opened_store = opened.store
        if opened.notice:
            print(opened.notice, file=sys.stderr)
        _add_rescued_sets(opened_store, data_dir)
        resumed = opened_store.unfinished_session()
        if resumed is None:
            opened_store.close()
            print("There is no unfinished session to resume.", file=sys.stderr)
            return EXIT_INVALID
        try:
            plan = parse_plan(resumed.plan_text, catalog)
        except InputError as error:
            opened_store.close()
            for line in error.lines(resumed.plan_source or "the resumed plan"):
                print(line, file=sys.stderr)
            return EXIT_INVALID
        plan_text = resumed.plan_text
        title = printable(plan.title)
        print(f"Resuming {title!r} at set {resumed.next_set + 1} of {plan.total_sets}.")
    else:
        # The text is read once: the session plays (and is resumed) from it, whatever
        # happens to the file meanwhile.
        plan_file = read_plan(plan_path, catalog)
        if plan_file.plan is None:
            for line in plan_file.problems:
                print(line, file=sys.stderr)
            return EXIT_INVALID
        plan, plan_text = plan_file.plan, plan_file.text
    first_set = resumed.next_set if resumed is not None else 0
    # Flags win; what is not given comes from the person's Settings, as in the GUI.
    settings = load_settings(settings_path(data_dir))
    audio = audio or settings.audio or None
    print_setup(plan, catalog)
    if not assume_yes:
        try:
            input_fn("\nPress Enter to start (Ctrl-C stops the session) ")
        except EOFError:
            assume_yes = True
    # qt plays, or stands in for a simpleaudio that is not installed: both need a Qt application.
    wants_qt = audio in (None, "qt") or (audio == "simpleaudio" and simpleaudio_missing())
    qt_app = _qt_application() if output is None and wants_qt else None
    own_output = output is None
    words: Voice | None = None
    if output is None and audio != "none" and (settings.voice_counts if voice is None else voice):
        words = _shipped_voice()
    if output is None:
        output = open_sound(audio, clock=clock, voice=words)
        output.set_volume(settings.volume)
        output.set_muted(settings.muted)
    spoken = " with spoken counts" if words is not None and output.name != "none" else ""
    rehearsal = f" at {speed:g}x speed (a rehearsal)" if speed != 1 else ""
    print(f"Sound: {output.name}{spoken}{rehearsal}")
    if notice := output_notice(output):
        print(notice)
    try:
        if opened_store is None:
            opened = open_log(data_dir, wall_clock())
            opened_store = opened.store
            if opened.notice:
                print(opened.notice, file=sys.stderr)
            _add_rescued_sets(opened_store, data_dir)
        with opened_store as store:
            log = SessionLog(store, wall_clock)
            if resumed is not None:
                log.resume(resumed)
            else:
                log.begin(
                    title=plan.title,
                    # Absolute: a resume from another folder must find the plan's rescue CSVs.
                    plan_source=str(plan_path.absolute()),
                    plan_text=plan_text,
                    rehearsal=speed != 1.0,
                    speed=speed,
                )
            if first_set >= plan.total_sets:
                log.finish()
                print("Every set of that session was already logged.")
                return EXIT_OK
            session = _Session(
                player=Player(
                    # The plan's own count_in_s wins; the setting is for plans without one.
                    compile_sets(plan, default_count_in_s=settings.count_in_s),
                    speed=speed,
                    lead_s=output.lead_s,
                    first_set=first_set,
                ),
                output=output,
                log=log,
                catalog=catalog,
                asker=_Asker(input_fn),
                assume_yes=assume_yes,
                wall_clock=wall_clock,
                unsaved_folders=_unsaved_folders(
                    None if resumed else plan_path,
                    # A session the log never began is unknown to it: only a CSV in the data
                    # folder itself is sure to be found by the next start.
                    data_dir if log.session_id is None else None,
                ),
                data_dir=data_dir,
            )
            if log.problem is not None:
                session.keep_unsaved()
            try:
                with _stop_on_sigint() as stopped:
                    if qt_app is not None and output.name == "qt":
                        _run_qt_loop(session, stopped)
                    else:
                        _run_plain_loop(session, stopped, sleep)
            except KeyboardInterrupt:
                print(f"\nStopped. {_done(session)}; the session can be resumed.")
                _say_unsaved(session)
                return EXIT_INTERRUPTED
            saved = log.finish()
            print(f"\nSession done: {_done(session)}.")
            if not saved:
                _say_unsaved(session)
                return EXIT_NOT_SAVED
            return EXIT_OK
    finally:
        if own_output:
            output.close()
        if qt_app is not None:
            from PySide6.QtCore import QCoreApplication, QEvent

            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _done(session: _Session) -> str:
    """How many sets were done, and how many of them the log holds (never more than it does)."""
    waiting = len(session.log.unsaved_rows())
    if not waiting:
        return f"{session.logged} set(s) logged"
    return f"{session.logged} set(s) done; only {session.logged - waiting} in the training log"


def _add_rescued_sets(store: Store, data_dir: Path) -> None:
    """Sets saved to a CSV during an earlier log problem go back into the log first."""
    if notice := import_rescued(store, data_dir).notice:
        print(notice, file=sys.stderr)


def _shipped_voice() -> Voice | None:
    """The spoken counts shipped in resources/voice/; None (said on stderr) if unusable."""
    from app.audio.voice import VoiceError, load_voice

    try:
        return load_voice(shipped_folder("resources") / "voice")
    except (ResourceError, VoiceError) as error:
        print(f"tempo-trainer: spoken counts are off: {error}", file=sys.stderr)
        return None


def _unsaved_folders(plan_path: Path | None, data_dir: Path | None = None) -> tuple[Path, ...]:
    """Where sets the log refused may go: (the data folder,) beside the plan, here, home, temp."""
    folders = [] if data_dir is None else [data_dir]
    folders += [] if plan_path is None else [plan_path.resolve().parent]
    folders += [Path.cwd(), Path(os.path.expanduser("~")), Path(tempfile.gettempdir())]
    return tuple(dict.fromkeys(folders))


def _say_unsaved(session: _Session) -> None:
    rows = session.log.unsaved_rows()
    if not rows:
        return
    session.keep_unsaved()
    path = session.unsaved_path
    if path is None:
        print(
            f"{len(rows)} set(s) could not be saved anywhere: {session.log.problem}",
            file=sys.stderr,
        )
        return
    print(
        f"{len(rows)} set(s) are not in the training log; they are saved in {path}."
        f" Add them to the log later with: tempo-trainer import {path}",
        file=sys.stderr,
    )


def _run_plain_loop(
    session: _Session, stopped: threading.Event, sleep: Callable[[float], None]
) -> None:
    session.start()
    while not session.tick():
        if stopped.is_set():
            raise KeyboardInterrupt
        sleep(TICK_S)


def _run_qt_loop(session: _Session, stopped: threading.Event) -> None:
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    loop = QEventLoop()
    timer = QTimer(loop)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(round(TICK_S * 1000))
    failure: list[BaseException] = []

    def on_tick() -> None:
        try:
            if stopped.is_set():
                raise KeyboardInterrupt
            if session.tick():
                loop.quit()
        except BaseException as error:
            failure.append(error)
            loop.quit()

    timer.timeout.connect(on_tick)
    session.start()
    timer.start()
    loop.exec()
    timer.stop()
    if failure:
        raise failure[0]


@contextmanager
def _stop_on_sigint() -> Iterator[threading.Event]:
    """Ctrl-C sets the event (Qt's loop would otherwise swallow the KeyboardInterrupt)."""
    stopped = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stopped
        return

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        stopped.set()

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield stopped
    finally:
        signal.signal(signal.SIGINT, previous)


def _qt_application() -> object | None:
    """The running QCoreApplication, or a new one for the Qt output; None without Qt."""
    try:
        from PySide6.QtCore import QCoreApplication
    except ImportError:
        return None
    return QCoreApplication.instance() or QCoreApplication(["tempo-trainer"])
