"""The way through a session: from what home chose, screen by screen, to the summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.domain.plan import parse_plan, plan_text
from app.domain.problems import InputError
from app.domain.progression import Suggestion, plan_from_suggestions
from app.domain.quick_session import QuickSession, quick_plan
from app.domain.stage import Stage
from app.gui.overlay import LeaveOverlay
from app.gui.question_pause import QuestionPause
from app.gui.screen_stack import ScreenStack
from app.gui.services import Services
from app.session.session_source import SessionSource, unfinished_source
from app.storage.plan_files import PlanFile
from app.storage.session_log import SessionLog
from app.storage.settings import Settings
from app.storage.store import StoreError

if TYPE_CHECKING:
    from app.domain.player import PlayerEvent, SetResult
    from app.gui.session_run import SessionRun

# The session's screens are imported when they are first shown: home comes up without them.


class SessionFlow(QObject):
    """Runs one session at a time on ``stack``, from home's choice to the summary.

    Shows the screen for where the session stands: a setup walkthrough first when one is
    due, then the player, the log sheet, the rest and the summary. Esc asks first
    (``leave``); a running set waits while a question covers it.

    Signals:
        session_begun(SessionLog): a session began; its sets go through this log.
        set_logged(): a set was logged, or waits for the log.
        session_ended(SessionLog): the session was finished or left; home is due.
        leave_asked(): Esc opened the "leave this session?" question.
        refused(str): what home chose could not begin or be set aside; why, for home.
        quick_refused(str): the quick session's values make no plan; why, for its form.
        resume_changed(): the unfinished session was closed or set aside without a session
            beginning; home's offer is out of date.
    """

    session_begun = Signal(SessionLog)
    set_logged = Signal()
    session_ended = Signal(SessionLog)
    leave_asked = Signal()
    refused = Signal(str)
    quick_refused = Signal(str)
    resume_changed = Signal()

    def __init__(
        self,
        services: Services,
        stack: ScreenStack,
        leave: LeaveOverlay,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.stack = stack
        self.leave = leave
        self.run: SessionRun | None = None
        self._question_pause = QuestionPause()
        leave.answered.connect(self.on_leave_answered)

    # --- starting a session ------------------------------------------------------------------

    def on_plan_chosen(self, plan_file: PlanFile) -> None:
        if plan_file.plan is not None:
            self.begin(SessionSource(plan_file.plan, plan_file.text, str(plan_file.path)))

    def on_quick_session_chosen(self, quick: QuickSession) -> None:
        try:
            plan, text = quick_plan(quick, self.services.catalog)
        except InputError as error:
            self.quick_refused.emit(_problems_text(error))
            return
        self.begin(SessionSource(plan, text, "quick session"))

    def begin_advice(self, advice: list[Suggestion]) -> None:
        """The coach's suggestions become today's session, through the normal flow."""
        if not advice:
            return
        catalog = self.services.catalog
        text = plan_text(plan_from_suggestions(advice, catalog))
        try:
            plan = parse_plan(text, catalog)
        except InputError as error:
            self.refused.emit(_problems_text(error))
            return
        self.begin(SessionSource(plan, text, "coach"))

    def on_resume_accepted(self) -> None:
        store = self.services.store
        try:
            source = unfinished_source(store, self.services.catalog)
        except InputError:
            return
        if source is None or (record := source.resumed) is None:
            return
        if record.next_set >= source.plan.total_sets:
            try:
                store.finish_session(record.id, self.services.wall_clock())
            except StoreError as error:
                self.refused.emit(str(error))
                return
            self.resume_changed.emit()
            return
        self.begin(source)

    def on_resume_declined(self) -> None:
        record = self.services.store.unfinished_session()
        if record is not None:
            try:
                self.services.store.abandon_session(record.id)
            except StoreError as error:
                self.refused.emit(f"The session could not be set aside: {error}")
                return
        self.resume_changed.emit()

    def begin(self, source: SessionSource) -> None:
        """Play ``source``: a new session, or the unfinished one it resumes."""
        from app.gui.session_run import SessionRun

        self.run = SessionRun(source, self.services, parent=self)
        self.run.driver.set_ended.connect(self.on_set_ended)
        self.run.driver.stage_changed.connect(self.on_stage_changed)
        self.services.screen_awake.hold("A push-up session is running")
        self.session_begun.emit(self.run.session_log)
        self._next_screen()

    # --- during a session --------------------------------------------------------------------

    def _next_screen(self) -> None:
        """The screen for where the session stands, with a walkthrough first when due."""
        from app.gui.setup_screen import SetupScreen

        run = self.run
        assert run is not None
        variation = run.setup_due()
        if variation is not None:
            view = run.driver.view()
            if view.stage is not Stage.READY:
                run.driver.pause()
            schedule = view.next_schedule if view.stage is Stage.REST else view.schedule
            assert schedule is not None
            screen = SetupScreen(
                variation,
                schedule.box_height_cm,
                self.services.settings.units,
                self.services.store.times_trained(variation.id),
            )
            screen.completed.connect(self.on_setup_completed)
            self.stack.show_screen(screen)
            return
        self._show_for_stage()

    def _show_for_stage(self) -> None:
        from app.gui.log_sheet import LogSheet
        from app.gui.player_screen import PlayerScreen
        from app.gui.rest_screen import RestScreen
        from app.gui.summary_view import summary_screen

        run = self.run
        assert run is not None
        view = run.driver.view()
        units = self.services.settings.units
        if view.stage is Stage.LOGGING:
            variation = run.variation(view.schedule.variation_id)
            sheet = LogSheet(run.driver, view, variation, units)
            sheet.accepted.connect(self.on_log_accepted)
            self.stack.show_screen(sheet)
        elif view.stage is Stage.REST:
            self.stack.show_screen(RestScreen(run, units))
        elif view.stage is Stage.FINISHED:
            summary = summary_screen(run, self.services)
            summary.closed.connect(self.end_session)
            self.stack.show_screen(summary)
        elif not isinstance(self.stack.currentWidget(), PlayerScreen):
            self.stack.show_screen(PlayerScreen(run, units))

    def _on_setup(self) -> bool:
        from app.gui.setup_screen import SetupScreen

        return isinstance(self.stack.currentWidget(), SetupScreen)

    def on_setup_completed(self) -> None:
        run = self.run
        assert run is not None
        run.setup_done()
        if run.player.paused:
            run.driver.resume()
        self._next_screen()

    def on_stage_changed(self, event: PlayerEvent) -> None:
        del event
        if (
            self.run is not None
            and self.run.player.stage not in (Stage.LOGGING, Stage.REST)
            and not self._on_setup()
        ):
            self._show_for_stage()

    def on_set_ended(self, event: PlayerEvent) -> None:
        del event
        self._show_for_stage()

    def on_log_accepted(self, result: SetResult) -> None:
        assert self.run is not None
        self.run.log(result)
        self.set_logged.emit()
        self._next_screen()

    def on_settings_applied(self, settings: Settings) -> None:
        if self.run is not None:
            self.run.driver.output.set_volume(settings.volume)

    def end_session(self) -> None:
        """Back to home; the log keeps whatever it could not take yet."""
        run = self.run
        if run is None:
            return
        run.stop()
        run.deleteLater()
        self.run = None
        self.services.screen_awake.release()
        self.leave.hide()
        self.session_ended.emit(run.session_log)

    def stop(self) -> None:
        """The window closes: the session stays unfinished, for the next launch to resume."""
        if self.run is not None:
            self.run.stop()

    # --- questions over a session -------------------------------------------------------------

    def pause_for_question(self) -> None:
        """A panel covers the session: a running set waits under it."""
        self._question_pause.hold(self.run)

    def carry_on_after_question(self) -> None:
        """The panel is gone: a set that was running counts back in (not on a setup step)."""
        self._question_pause.release(self.run, carry_on=not self._on_setup())

    def on_leave_pressed(self) -> None:
        """Esc in a session: from the summary straight home; elsewhere, ask first."""
        from app.gui.summary_screen import SummaryScreen

        if isinstance(self.stack.currentWidget(), SummaryScreen):
            self.end_session()
        else:
            self.ask_leave()

    def ask_leave(self) -> None:
        self.pause_for_question()
        self.leave.popup()
        self.leave_asked.emit()

    def on_leave_answered(self, leave: bool) -> None:
        from app.gui.log_sheet import LogSheet

        self.leave.hide()
        run = self.run
        assert run is not None
        if leave:
            sheet = self.stack.currentWidget()
            if isinstance(sheet, LogSheet):
                # The set just finished is logged as the sheet shows it: leaving loses nothing.
                run.log(sheet.result())
            run.leave()
            self.end_session()
        else:
            self.carry_on_after_question()


def _problems_text(error: InputError) -> str:
    return "\n".join(p.message for p in error.problems)
