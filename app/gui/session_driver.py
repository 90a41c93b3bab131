"""The thin adapter between Qt's event loop and the pure player.

One single-shot QTimer, parented to the driver, wakes the window when the screen next looks
different (``app.domain.next_change``): a phase or rest ending, the countdown's next whole
second, the ring's arc end moving a pixel (at most ``MAX_FRAME_RATE_HZ`` times a second). At
each wake it calls ``player.advance(output.now())`` and emits ``ticked``; screens re-read the
view and repaint only what changed. While nothing moves (paused, before the start, a log sheet
whose rest has run out) no timer runs at all. The timer only says *when to look*: every value
shown is read from the player at the output's clock, so a late or early wake shifts nothing.

A wake is timed so that the frame it draws reaches the screen at the instant it stands for:
``DISPLAY_LEAD_S`` ahead of the clock, about what an update takes to be painted (a phase then
appears within a few milliseconds of its cue; bench/frame_sync.py measures this).

The output's clock is a played-frames clock when sound is on; a timer runs on the monotonic
clock. When the output's clock stops keeping pace with it (a device lost without Qt saying so,
which the qt output notices only while its clock is asked often), the driver polls every
``STALLED_POLL_S`` until it runs again.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from app.audio.output import CueOutput
from app.domain.next_change import Change, ChangeKind, next_change
from app.domain.player import EventKind, LoggedSet, Player, PlayerEvent, PlayerView, SetResult
from app.gui.progress_ring import ProgressRing

DISPLAY_LEAD_S = 0.004
MAX_FRAME_RATE_HZ = 60.0
"""The ring never moves faster than this, nor than the display refreshes: enough to read a
ring from 3 m away, half of what a 120 Hz laptop screen would cost."""
STALLED_POLL_S = 0.05
STALLED_JUDGE_S = 0.1
"""The output's clock is judged stalled when, over at least this long, it ran at less than
half the monotonic clock's pace; it is then polled every ``STALLED_POLL_S`` until it runs."""

RING_SIZE_EVENTS = frozenset({QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Resize})


def _frame_rate_hz() -> float:
    screen = QGuiApplication.primaryScreen()
    rate = screen.refreshRate() if screen is not None else 0.0
    return min(MAX_FRAME_RATE_HZ, rate) if rate >= 1 else MAX_FRAME_RATE_HZ


class SessionDriver(QObject):
    """Runs ``player`` on ``output``'s clock.

    Signals:
        stage_changed(PlayerEvent): a phase or moment began (count-in, lowering, ...).
        set_ended(PlayerEvent): a set ran out or was ended early; the log sheet is due.
        session_finished(PlayerEvent): the last set ended.
        ticked(): the shown moment may look different; screens re-read ``view()``.
    """

    stage_changed = Signal(PlayerEvent)
    set_ended = Signal(PlayerEvent)
    session_finished = Signal(PlayerEvent)
    ticked = Signal()

    def __init__(
        self,
        player: Player,
        output: CueOutput,
        parent: QObject | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.player = player
        self.output = output
        self._revision = -1
        self._running = False
        self._ring: ProgressRing | None = None
        self._frame_rate_hz = _frame_rate_hz()
        self._monotonic = monotonic
        self._judged_at = (monotonic(), output.now())
        self._stalled = False
        self._due: Change | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.on_tick)

    def now(self) -> float:
        """The moment the frame being drawn stands for, on the output's clock."""
        return self.output.now() + DISPLAY_LEAD_S

    def view(self) -> PlayerView:
        return self.player.view(self.now())

    @property
    def due(self) -> Change | None:
        """The next wake the timer is armed for (None: no timer runs)."""
        return self._due if self._timer.isActive() else None

    def follow_ring(self, ring: ProgressRing) -> None:
        """Wake as often as ``ring`` needs to move by whole pixels, while it is shown."""
        self._ring = ring
        ring.installEventFilter(self)
        self._arm()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._ring and event.type() in RING_SIZE_EVENTS:
            self._arm()  # shown, hidden or resized: its pixels move at another pace
        return False

    def _ring_steps(self) -> int:
        ring = self._ring
        if ring is None or not shiboken6.isValid(ring) or not ring.isVisible():
            return 0
        return ring.arc_steps()

    def start(self) -> None:
        self._running = True
        self._emit(self.player.start(self.now()))

    def stop(self) -> None:
        """Stop waking and release the sound device."""
        self._running = False
        self._timer.stop()
        self.output.close()

    def on_tick(self) -> None:
        """Look now: advance the player to the clock, tell the screens, arm the next wake."""
        self._judge_clock()
        self._emit(self.player.advance(self.now()))
        self.ticked.emit()

    # --- what the keys ask for ---------------------------------------------------------------

    def toggle_pause(self) -> None:
        self._emit(self.player.toggle_pause(self.now()))

    def pause(self) -> None:
        self.player.pause(self.now())
        self._follow()
        self._arm()

    def resume(self, count_in_s: float = 0.0) -> None:
        """Carry on; ``count_in_s`` counts the person back in first (after a question)."""
        self._emit(self.player.resume(self.now(), count_in_s))

    def end_set(self) -> None:
        self._emit(self.player.end_set(self.now()))

    def log_set(self, result: SetResult) -> LoggedSet:
        """Log the set; a rest that ran out meanwhile leaves the next set waiting for Start."""
        logged = self.player.log_set(self.now(), result, wait=True)
        self._emit(self.player.advance(self.now()))
        return logged

    def skip_rest(self) -> None:
        self._emit(self.player.skip_rest(self.now()))

    def add_rest(self) -> None:
        self.player.add_rest(self.now())
        self._follow()
        self._arm()

    def _emit(self, events: list[PlayerEvent]) -> None:
        self._follow()
        for event in events:
            if event.kind is EventKind.STAGE_CHANGED:
                self.stage_changed.emit(event)
            elif event.kind is EventKind.SET_ENDED:
                self.set_ended.emit(event)
            else:
                self.session_finished.emit(event)
        self._arm()

    def _follow(self) -> None:
        if self.player.revision != self._revision:
            self._revision = self.player.revision
            self.output.follow(self.player.cues)

    def _judge_clock(self) -> None:
        """Note whether the output's clock kept pace with the monotonic clock lately."""
        mono, clock = self._monotonic(), self.output.now()
        mono_0, clock_0 = self._judged_at
        if mono - mono_0 >= STALLED_JUDGE_S:
            self._stalled = clock - clock_0 < (mono - mono_0) / 2
            self._judged_at = (mono, clock)

    def _arm(self) -> None:
        """Arm the one timer for the next visible change, or stop it when nothing moves."""
        now = self.now()
        change = (
            next_change(
                self.player.view(now),
                now,
                speed=self.player.speed,
                ring_steps=self._ring_steps(),
                max_rate_hz=self._frame_rate_hz,
            )
            if self._running
            else None
        )
        if change is None:
            self._due = None
            self._timer.stop()
            return
        if self._stalled:
            # The qt output notices a lost device only while its clock is asked often.
            change = Change(min(change.at, now + STALLED_POLL_S), change.kind)
        self._due = change
        precise = change.kind is not ChangeKind.RING
        self._timer.setTimerType(Qt.TimerType.PreciseTimer if precise else Qt.TimerType.CoarseTimer)
        self._timer.start(max(1, math.ceil((change.at - now) * 1000)))
