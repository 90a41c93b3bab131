"""One terminal session's loop body: advance the player, play its cues, print, ask, log."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from datetime import datetime

from app.audio.output import CueOutput
from app.domain.phase_words import phase_words
from app.domain.player import EventKind, PlayerEvent, SetResult
from app.domain.stage import REP_STAGES, Stage
from app.domain.timeline import SetSchedule
from app.headless.asker import Asker, EndOfInput
from app.session.training_session import TrainingSession
from app.session.unsaved_sets import UnsavedCopy
from app.storage.catalog import Catalog

TAIL_S = 1.0
"""How long to keep the output open after the last cue, so "session done" plays to its end."""
REST_WARNING_S = 10.0


def _word(stage: Stage) -> str:
    return phase_words(stage).printed


class TerminalSession:
    """One session's loop body: advance the player, play its cues, print, ask, log."""

    def __init__(
        self,
        session: TrainingSession,
        *,
        output: CueOutput,
        catalog: Catalog,
        asker: Asker,
        assume_yes: bool,
        wall_clock: Callable[[], datetime],
        unsaved: UnsavedCopy,
    ) -> None:
        self.session = session
        self.player = session.player
        self.log = session.log
        self.output = output
        self.catalog = catalog
        self.unsaved = unsaved
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
                    print(f"  {_word(Stage.COUNT_IN)} ({seconds(schedule.count_in_s)})")
                elif event.stage in REP_STAGES and event.rep is not None:
                    phase = next(
                        p for p in schedule.phases if p.rep == event.rep and p.stage is event.stage
                    )
                    of = "max" if schedule.target.is_max else schedule.reps
                    print(
                        f"  rep {event.rep}/{of}  {_word(event.stage)} {seconds(phase.duration_s)}"
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

    def _offered(self) -> int:
        """The count Enter accepts: none for a max set that ran to its cap unended (the cap
        says nothing of the reps done), else the reps the timeline completed."""
        if self.player.current.target.is_max and self.player.ran_out:
            return 0
        return self._reps_done()

    def _ask_reps(self) -> None:
        if self.assume_yes:
            self._log(self._reps_done())
            return
        self.asker.ask(self._reps_question())

    def _reps_question(self) -> str:
        schedule = self.player.current
        offered = self._offered()
        if offered:
            return f"  Reps done (Enter = {offered}): "
        if schedule.target.is_max and self.player.ran_out:
            return f"  It stopped at its {schedule.reps}-rep limit: type the reps you did: "
        return "  Reps done (type the number): "

    def _collect_answer(self, now: float) -> None:
        answer = self.asker.poll()
        if answer is None:
            return
        if self._set_ended_at is not None:
            self._take_reps(answer)
        elif self._awaiting_end and self.player.stage in (Stage.COUNT_IN, *REP_STAGES):
            self._awaiting_end = False
            if isinstance(answer, EndOfInput):
                self._input_closed = True
                print(
                    f"\n  (no more input: this set runs all {self.player.current.reps}"
                    " scheduled reps)"
                )
                return
            self._report(self.player.end_set(now))
            self._sync()
        # Else an Enter that came after its max set had run out: nothing waits for it.

    def _take_reps(self, answer: str | EndOfInput) -> None:
        done = self._reps_done()
        if isinstance(answer, EndOfInput):
            print(f"\n  (no more input: logging {done} and accepting the rest as offered)")
            self.assume_yes = True
            self._input_closed = True
            self._log(done)
            return
        text = answer.strip()
        if not text and self._offered():
            self._log(done)
        elif text.isdecimal() and len(text) <= 3:
            self._log(int(text))
        else:
            if text or not self.player.ran_out:  # a late Enter: the question says it all
                print("  Please type a whole number of reps.")
            self._ask_reps()

    def _log(self, reps: int) -> None:
        schedule = self.player.current
        ended_at = self._set_ended_at or self.wall_clock()
        logged = self.player.log_set(
            self.output.now(), SetResult(reps=reps, box_height_cm=schedule.box_height_cm)
        )
        saved = self.session.record(logged, ended_at)
        self.logged += 1
        self._set_ended_at = None
        self._sync()
        done = f"{reps} rep{'s' if reps != 1 else ''}"
        if saved:
            print(f"  Logged {done}.")
            self._say_rest()
        else:
            print(f"  Kept {done} (not in the training log yet).")
            self.keep_unsaved(schedule.index + 1)  # says the rest after where the sets went

    def keep_unsaved(self, set_number: int | None = None) -> None:
        """Copy the sets the log refused to a CSV; the first time, say where in one line."""
        rows = self.log.unsaved_rows()
        first = self.unsaved.path is None
        if not rows and not first:
            return
        path = self.unsaved.keep(rows)
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
        self._say_rest()

    def _say_rest(self) -> None:
        """``Rest 1:30 min; next: set 2/3, hands to 30 cm.``: how long, and what comes."""
        if self.player.stage is not Stage.REST:
            return
        view = self.player.view(self.output.now())
        following = view.next_schedule
        after = ""
        if following is not None:
            after = f"; next: set {following.index + 1}/{len(self.player.schedules)}"
            current = self.player.current
            if following.variation_id != current.variation_id:
                variation = self.catalog.get(following.variation_id)
                after += f", {variation.name if variation else following.variation_id}"
            box = following.box_height_cm
            if box is not None and box != current.box_height_cm:
                after += f", hands to {box:g} cm"
        print(f"  Rest {seconds(math.ceil(view.rest_remaining_s - 1e-6))}{after}.")

    def _warn_rest(self, now: float) -> None:
        if self._rest_warned or self.player.stage not in (Stage.REST, Stage.LOGGING):
            return
        view = self.player.view(now)
        if view.rest_total_s >= 2 * REST_WARNING_S and 0 < view.rest_remaining_s <= REST_WARNING_S:
            self._rest_warned = True
            asking = self.player.stage is Stage.LOGGING
            # While the reps are still asked for, the question's line is open: end it, and
            # put the question back under the warning.
            print(f"{chr(10) if asking else ''}  {REST_WARNING_S:g} s of rest left.")
            if asking and not self.assume_yes:
                self.asker.ask(self._reps_question())


def seconds(value: float) -> str:
    return f"{value:g} s" if value < 60 else f"{int(value // 60)}:{round(value % 60):02d} min"
