"""The window: one stack of screens, the hands-free keys, and the way through a session."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.plan import parse_plan, plan_text
from app.domain.player import PlayerEvent, SetResult
from app.domain.problems import InputError
from app.domain.progression import Suggestion, plan_from_suggestions
from app.domain.quick_session import QuickSession, quick_plan
from app.domain.set_role import SetRole
from app.domain.timeline import Stage
from app.gui import home_data
from app.gui.advice_text import advice_line, block_headlines
from app.gui.home_screen import HomeScreen
from app.gui.keys import REPEATABLE, TYPING_KEYS, Action, action_for
from app.gui.log_sheet import LogSheet
from app.gui.overlay import HelpOverlay, LeaveOverlay
from app.gui.player_screen import PlayerScreen
from app.gui.question_pause import QuestionPause
from app.gui.rest_screen import RestScreen
from app.gui.screen import Screen
from app.gui.services import Services
from app.gui.session_run import SessionRun
from app.gui.settings_screen import SettingsScreen
from app.gui.setup_screen import SetupScreen
from app.gui.summary_screen import SummaryScreen
from app.gui.theme import apply_theme
from app.gui.unsaved_banner import SAVE_LABEL, UnsavedBanner
from app.gui.window_size import FullScreen, with_size
from app.session.summary import summary_data
from app.session.training_session import SessionSource, unfinished_source
from app.session.unsaved_sets import save_unsaved
from app.storage.log_export import save_sets_csv, unsaved_csv_name
from app.storage.plan_files import PlanFile
from app.storage.session_log import SessionLog
from app.storage.settings import Settings, save_settings, settings_path
from app.storage.store import SetRecord, StoreError

if TYPE_CHECKING:
    from app.storage.progress_data import SetTableCache


class MainWindow(QMainWindow):
    """Tempo Trainer's only window.

    When the log cannot take a set, a banner above every screen says so and offers
    "Save log as CSV..."; ``ask_csv_path`` (a file dialog; tests replace it) picks the file.
    When the log could not be opened at all, the store is a log in memory
    (``show_log_unavailable`` says so on home): every set of the run is then such a set.

    Signals:
        screen_shown(str): a screen became current (its object name: home, setup, ...).
        leave_asked(): Esc opened the "leave this session?" question.
    """

    screen_shown = Signal(str)
    leave_asked = Signal()

    def __init__(self, services: Services, icon: QIcon | None = None) -> None:
        super().__init__()
        self.services = services
        self.setWindowTitle("Tempo Trainer")
        if icon is not None:
            self.setWindowIcon(icon)
        self.stack = QStackedWidget()
        self.banner = UnsavedBanner()
        self.banner.save_requested.connect(self.on_save_log_requested)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.notices: list[str] = []
        """Sentences for the person from start-up (e.g. the log was restored), shown on home."""
        self.unsaved_logs: list[SessionLog] = []
        self._saved_copy: tuple[int, Path] | None = None
        self.ask_csv_path: Callable[[Path], Path | None] = self._ask_csv_path
        self.home = HomeScreen(services.catalog, services.settings)
        self.home.plan_chosen.connect(self.on_plan_chosen)
        self.home.quick_session_chosen.connect(self.on_quick_session_chosen)
        self.home.resume_accepted.connect(self.on_resume_accepted)
        self.home.resume_declined.connect(self.on_resume_declined)
        self.home.settings_requested.connect(self.on_settings_requested)
        self.home.progress_requested.connect(self.on_progress_requested)
        self.home.history_requested.connect(self.on_history_requested)
        self.home.advice_accepted.connect(self.on_advice_accepted)
        self.stack.addWidget(self.home)
        self.home.action_requested.connect(self.on_action)
        self.help = HelpOverlay(central)
        self.help.closed.connect(self.toggle_help)
        self.leave = LeaveOverlay(central)
        self.leave.answered.connect(self.on_leave_answered)
        self.run: SessionRun | None = None
        self._question_pause = QuestionPause()
        self._side: Screen | None = None
        self.advice: list[Suggestion] = []
        self.progress_tables: SetTableCache | None = None
        self.full_screen = FullScreen(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.refresh_home()

    # --- screens -----------------------------------------------------------------------------

    @property
    def current(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def _show(self, screen: Screen) -> None:
        """Make ``screen`` current; the previous screen goes unless it is home."""
        previous = self.stack.currentWidget()
        self.stack.addWidget(screen)
        screen.action_requested.connect(self.on_action)
        self.stack.setCurrentWidget(screen)
        if previous is not None and previous is not self.home and previous is not screen:
            self.stack.removeWidget(previous)
            previous.deleteLater()
        screen.setFocus()
        self.show_unsaved_state()
        self.screen_shown.emit(screen.objectName())

    def show_home(self) -> None:
        self.refresh_home()
        previous = self.stack.currentWidget()
        self.stack.setCurrentWidget(self.home)
        if previous is not None and previous is not self.home:
            self.stack.removeWidget(previous)
            previous.deleteLater()
        self.home.plans.setFocus()
        self.show_unsaved_state()
        self.screen_shown.emit("home")

    def show_log_unavailable(self, reason: str) -> None:
        """The log file could not be opened: this run's sets live in a log in memory."""
        self.notices.append(
            f"The training log could not be opened ({reason}). Sets you train now are kept in"
            f" memory only: “{SAVE_LABEL}” saves them to a file, and quitting does it for you."
        )
        self.refresh_home()
        self.show_unsaved_state()

    def refresh_home(self) -> None:
        self.home.show_plans(home_data.plans(self.services))
        self.home.show_last_session(home_data.last_session_text(self.services))
        record = self.services.store.unfinished_session()
        self.home.offer_resume(
            None if record is None else home_data.resume_text(self.services, record)
        )
        notice = "\n".join([*self.notices, self.services.settings_notice or ""]).strip()
        try:
            self.advice = home_data.coach_advice(self.services)
        except (StoreError, ValueError) as error:  # advice is safe or silent
            self.advice = []
            notice = f"{notice}\nNo advice: {error}".strip()
        units = self.services.settings.units
        catalog = self.services.catalog
        lines = block_headlines(self.advice, catalog, units)
        self.home.show_advice(
            [(line, s.reason) for line, s in zip(lines, self.advice, strict=True)]
        )
        self.home.show_notice(notice)
        self.home.show_muted(self.services.settings.muted)

    # --- starting a session ------------------------------------------------------------------

    def on_plan_chosen(self, plan_file: PlanFile) -> None:
        if plan_file.plan is not None:
            self.begin(SessionSource(plan_file.plan, plan_file.text, str(plan_file.path)))

    def on_quick_session_chosen(self, quick: QuickSession) -> None:
        try:
            plan, text = quick_plan(quick, self.services.catalog)
        except InputError as error:
            self.home.quick.show_error("\n".join(p.message for p in error.problems))
            return
        self.begin(SessionSource(plan, text, "quick session"))

    def on_advice_accepted(self) -> None:
        """The coach's suggestions become today's session, through the normal flow."""
        if not self.advice:
            return
        catalog = self.services.catalog
        text = plan_text(plan_from_suggestions(self.advice, catalog))
        try:
            plan = parse_plan(text, catalog)
        except InputError as error:
            self.home.show_notice("\n".join(p.message for p in error.problems))
            return
        self.begin(SessionSource(plan, text, "coach"))

    def on_resume_accepted(self) -> None:
        try:
            source = unfinished_source(self.services.store, self.services.catalog)
        except InputError:
            return
        if source is None or (record := source.resumed) is None:
            return
        if record.next_set >= source.plan.total_sets:
            try:
                self.services.store.finish_session(record.id, self.services.wall_clock())
            except StoreError as error:
                self.home.show_notice(str(error))
                return
            self.refresh_home()
            return
        self.begin(source)

    def on_resume_declined(self) -> None:
        record = self.services.store.unfinished_session()
        if record is not None:
            try:
                self.services.store.abandon_session(record.id)
            except StoreError as error:
                self.home.show_notice(f"The session could not be set aside: {error}")
                return
        self.refresh_home()

    def begin(self, source: SessionSource) -> None:
        """Play ``source``: a new session, or the unfinished one it resumes."""
        self.run = SessionRun(source, self.services, parent=self)
        self.run.driver.set_ended.connect(self.on_set_ended)
        self.run.driver.stage_changed.connect(self.on_stage_changed)
        self.services.screen_awake.hold("A push-up session is running")
        self._next_screen()

    # --- during a session --------------------------------------------------------------------

    def _next_screen(self) -> None:
        """The screen for where the session stands, with a walkthrough first when due."""
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
            self._show(screen)
            return
        self._show_for_stage()

    def _show_for_stage(self) -> None:
        run = self.run
        assert run is not None
        view = run.driver.view()
        units = self.services.settings.units
        if view.stage is Stage.LOGGING:
            variation = run.variation(view.schedule.variation_id)
            sheet = LogSheet(run.driver, view, variation, units)
            sheet.accepted.connect(self.on_log_accepted)
            self._show(sheet)
        elif view.stage is Stage.REST:
            self._show(RestScreen(run, units))
        elif view.stage is Stage.FINISHED:
            self._show_summary()
        elif not isinstance(self.stack.currentWidget(), PlayerScreen):
            self._show(PlayerScreen(run, units))

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
            and not isinstance(self.stack.currentWidget(), SetupScreen)
        ):
            self._show_for_stage()

    def on_set_ended(self, event: PlayerEvent) -> None:
        del event
        self._show_for_stage()

    def on_log_accepted(self, result: SetResult) -> None:
        assert self.run is not None
        self.run.log(result)
        self.show_unsaved_state()
        self._next_screen()

    def _show_summary(self) -> None:
        run = self.run
        assert run is not None
        data = summary_data(
            run.session_log.rows(), self.services.store, self.services.catalog, run.session_id
        )
        screen = SummaryScreen(
            run.title,
            data.summary,
            data.comparisons,
            self.services.settings.units,
            rehearsal=run.rehearsal,
            next_steps=self._next_steps(data.trained, run.rehearsal),
        )
        screen.closed.connect(self.end_session)
        self._show(screen)

    def _next_steps(self, trained: list[str], rehearsal: bool) -> list[str]:
        """The coach's advice for the variations just trained (none after a rehearsal)."""
        if rehearsal:
            return []
        try:
            advice = home_data.coach_advice(self.services)
        except (StoreError, ValueError):
            return []
        units, catalog = self.services.settings.units, self.services.catalog
        return [
            advice_line(s, catalog, units)
            for s in advice
            if s.from_variation in trained and s.role is SetRole.WORK
        ]

    def end_session(self) -> None:
        if self.run is not None:
            if self.run.session_log.pending:
                self.unsaved_logs.append(self.run.session_log)
            self.run.stop()
            self.run.deleteLater()
            self.run = None
        self.services.screen_awake.release()
        self.leave.hide()
        self.show_home()

    def ask_leave(self) -> None:
        self._question_pause.hold(self.run)
        self.leave.popup()
        self.leave_asked.emit()

    def on_leave_answered(self, leave: bool) -> None:
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
            on_setup = isinstance(self.stack.currentWidget(), SetupScreen)
            self._question_pause.release(run, carry_on=not on_setup)

    # --- sets the log could not take ----------------------------------------------------------

    def _logs_with_unsaved(self) -> list[SessionLog]:
        logs = [*self.unsaved_logs]
        if self.run is not None and self.run.session_log not in logs:
            logs.append(self.run.session_log)
        return [log for log in logs if log.pending or log.problem]

    def _unsaved_rows(self) -> list[SetRecord]:
        """Every set not in the log file: all of a log in memory, and those waiting for it."""
        store = self.services.store
        kept = store.sets() if store.in_memory else []
        return kept + [row for log in self._logs_with_unsaved() for row in log.unsaved_rows()]

    def show_unsaved_state(self) -> None:
        """The banner over every screen while sets wait for the log; hidden when none do."""
        logs = self._logs_with_unsaved()
        in_memory = self.services.store.in_memory
        count = len(self._unsaved_rows())
        if not logs and not (in_memory and count):
            self._saved_copy = None
            self.banner.hide()
        elif self._saved_copy is None or self._saved_copy[0] != count:
            if in_memory:
                self.banner.show_kept_in_memory(count)
            else:
                problem = next((log.problem for log in logs if log.problem), None)
                self.banner.show_unsaved(count, problem)

    def on_save_log_requested(self) -> None:
        rows = self._unsaved_rows()
        name = unsaved_csv_name(self.services.wall_clock(), self.services.data_dir)
        path = self.ask_csv_path(Path.home() / name)
        if path is None:
            return
        try:
            save_sets_csv(rows, path)
        except OSError as error:
            self.banner.show_failed(path, error)
            return
        self._saved_copy = (len(rows), path)
        self.banner.show_saved(len(rows), path)

    def _ask_csv_path(self, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save log as CSV", str(suggested), "CSV files (*.csv)"
        )
        return Path(chosen) if chosen else None

    def _save_unsaved_on_close(self) -> None:
        """Closing with sets the log never took: they go to a CSV, and the path is printed."""
        rows = self._unsaved_rows()
        if not rows or (self._saved_copy is not None and self._saved_copy[0] == len(rows)):
            return
        # Named for this data folder: the next start that can write its log adds them back.
        path = save_unsaved(rows, self.services.wall_clock(), self.services.data_dir)
        where = f"saved in {path}" if path is not None else "lost: no folder could take them"
        print(
            f"tempo-trainer: {len(rows)} set(s) could not be saved to the training log; {where}",
            file=sys.stderr,
        )

    # --- side screens ------------------------------------------------------------------------

    def on_settings_requested(self) -> None:
        note = self.services.screen_awake.reason or "The screen is kept awake during a session."
        screen = SettingsScreen(self.services.settings, note, self.services.open_output)
        screen.changed.connect(self.apply_settings)
        screen.closed.connect(self.show_home)
        self._show(screen)

    def on_progress_requested(self) -> None:
        # Imported here: pyqtgraph costs start-up time and is only needed once charts show.
        from app.gui.progress.progress_screen import ProgressScreen
        from app.storage.progress_data import SetTableCache

        if self.progress_tables is None:
            self.progress_tables = SetTableCache()
        settings = self.services.settings
        screen = ProgressScreen(
            self.services.store,
            self.services.catalog,
            stature_cm=settings.equipment.stature_cm,
            units=settings.units,
            now=self.services.wall_clock,
            tables=self.progress_tables,
        )
        screen.closed.connect(self.show_home)
        self._show(screen)

    def on_history_requested(self) -> None:
        from app.gui.progress.history_screen import HistoryScreen

        screen = HistoryScreen(self.services.store, self.services.catalog)
        screen.closed.connect(self.show_home)
        self._show(screen)

    def apply_settings(self, settings: Settings) -> None:
        """Take effect now, and save."""
        self.services.settings = settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        self.home.quick.apply_settings(settings)
        self.home.show_muted(settings.muted)
        self.home.units = settings.units
        if self.run is not None:
            self.run.driver.output.set_volume(settings.volume)
        self._save_settings(settings)

    def _save_settings(self, settings: Settings) -> None:
        try:
            save_settings(settings_path(self.services.data_dir), settings)
        except OSError:
            self.statusBar().showMessage("Settings could not be saved", 5000)

    def toggle_mute(self) -> None:
        """M: this session's sound; on home and the Settings screen, the saved choice."""
        current = self.stack.currentWidget()
        if self.run is not None:
            self.run.toggle_mute()
        elif isinstance(current, SettingsScreen) or current is self.home:
            self.apply_settings(
                replace(self.services.settings, muted=not self.services.settings.muted)
            )
            if isinstance(current, SettingsScreen):
                current.show_muted(self.services.settings.muted)

    # --- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self:
            return False
        on_home = self.stack.currentWidget() is self.home and not self.help.isVisible()
        action = action_for(event.key(), on_home=on_home)
        if action is None:
            return False
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QAbstractSpinBox) and event.key() in TYPING_KEYS:
            return False
        if isinstance(focus, QAbstractSpinBox) and action in REPEATABLE:
            return False
        if event.isAutoRepeat() and action not in REPEATABLE:
            return True
        return self.on_action(action)

    def on_action(self, action: Action) -> bool:
        """One hands-free action, wherever it came from."""
        if action is Action.HELP or (
            self.help.isVisible() and action in (Action.LEAVE, Action.NEXT, Action.BACK)
        ):
            self.toggle_help()
            return True
        if self.leave.isVisible():
            if action in (Action.NEXT, Action.LEAVE, Action.BACK):
                self.on_leave_answered(action is Action.NEXT)
            return True
        if action is Action.FULLSCREEN:
            self.full_screen.toggle()
            return True
        if action is Action.MUTE:
            self.toggle_mute()
            return True
        if action is Action.LEAVE and self.run is not None:
            if isinstance(self.stack.currentWidget(), SummaryScreen):
                self.end_session()
            else:
                self.ask_leave()
            return True
        return self.current.handle(action)

    def toggle_help(self) -> None:
        """The help card; a running set waits under it and counts back in after."""
        if self.help.isVisible():
            self.help.hide()
            if not self.leave.isVisible():
                on_setup = isinstance(self.stack.currentWidget(), SetupScreen)
                self._question_pause.release(self.run, carry_on=not on_setup)
        else:
            self._question_pause.hold(self.run)
            self.help.popup()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing mid-session leaves it unfinished: the next launch offers to resume it."""
        if self.run is not None:
            self.run.stop()
        self._save_unsaved_on_close()
        sized = with_size(self.services.settings, self)
        if sized != self.services.settings:
            # Only saved: re-theming the application here would restyle whatever else it shows.
            self.services.settings = sized
            self._save_settings(sized)
        self.services.screen_awake.release()
        if self.progress_tables is not None:
            self.progress_tables.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().closeEvent(event)
