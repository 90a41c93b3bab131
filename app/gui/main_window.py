"""The window: home under a stack of screens, the unsaved-sets banner over them, and the
objects that each do one job, wired together by their signals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QIcon, QShowEvent
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from app.domain.progression import Suggestion
from app.gui import home_data
from app.gui.advice_text import block_headlines
from app.gui.hands_free import HandsFree
from app.gui.home_screen import HomeScreen
from app.gui.keys import Action
from app.gui.overlay import HelpOverlay, LeaveOverlay
from app.gui.screen import Screen
from app.gui.screen_stack import ScreenStack
from app.gui.services import Services
from app.gui.session_flow import SessionFlow
from app.gui.settings_keeper import SettingsKeeper
from app.gui.side_screens import SideScreens
from app.gui.unsaved_banner import SAVE_LABEL, UnsavedBanner
from app.gui.unsaved_watch import UnsavedWatch
from app.gui.window_size import FullScreen, with_size
from app.storage.plan_files import PlanFile
from app.storage.settings import Settings
from app.storage.store import StoreError

if TYPE_CHECKING:
    from app.gui.session_run import SessionRun


class MainWindow(QMainWindow):
    """Tempo Trainer's only window.

    Its jobs are each one object's: ``stack`` shows the screens, ``flow`` runs a session
    through them, ``unsaved`` keeps the banner and saves sets the log could not take,
    ``settings`` applies and saves settings, ``side_screens`` opens settings, progress and
    history, and ``keys`` turns keys and taps into actions. The window builds home's data
    and wires the objects together.

    When the log could not be opened at all, the store is a log in memory
    (``show_log_unavailable`` says so on home): every set of the run is then unsaved.

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
        self.banner = UnsavedBanner()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        self.setCentralWidget(central)
        # Home is built inside the window, in the stack: never styled first as a window of its
        # own, nor restyled when moved in.
        self.stack = ScreenStack(
            lambda stack: HomeScreen(services.catalog, services.settings, parent=stack), central
        )
        self.home = self.stack.home
        column.addWidget(self.stack, 1)
        self.notices: list[str] = []
        """Sentences for the person from start-up (e.g. the log was restored), shown on home."""
        self.advice: list[Suggestion] = []
        self.help = HelpOverlay(central)
        self.leave = LeaveOverlay(central)
        self.full_screen = FullScreen(self)
        self.settings = SettingsKeeper(services, self)
        self.unsaved = UnsavedWatch(services, self.banner, self)
        self.flow = SessionFlow(services, self.stack, self.leave, self)
        self.side_screens = SideScreens(services, self.stack, self.settings, self)
        self.keys = HandsFree(
            self,
            self.stack,
            self.flow,
            self.settings,
            help_card=self.help,
            leave=self.leave,
            full_screen=self.full_screen,
        )
        self._connect()
        self.refresh_home()

    def _connect(self) -> None:
        home, flow, unsaved, settings = self.home, self.flow, self.unsaved, self.settings
        home.plan_chosen.connect(flow.on_plan_chosen)
        home.quick_session_chosen.connect(flow.on_quick_session_chosen)
        home.resume_accepted.connect(flow.on_resume_accepted)
        home.resume_declined.connect(flow.on_resume_declined)
        home.advice_accepted.connect(self.on_advice_accepted)
        home.settings_requested.connect(self.side_screens.on_settings_requested)
        home.progress_requested.connect(self.side_screens.on_progress_requested)
        home.history_requested.connect(self.side_screens.on_history_requested)
        # The banner is brought up to date before anyone hears of the new screen.
        self.stack.screen_shown.connect(unsaved.show_state)
        self.stack.screen_shown.connect(self.screen_shown)
        flow.session_begun.connect(unsaved.on_session_begun)
        flow.set_logged.connect(unsaved.show_state)
        # The ended log is kept (or not) before home shows the banner for it.
        flow.session_ended.connect(unsaved.on_session_ended)
        flow.session_ended.connect(self.show_home)
        flow.leave_asked.connect(self.leave_asked)
        flow.refused.connect(home.show_notice)
        flow.quick_refused.connect(home.quick.show_error)
        flow.resume_changed.connect(self.refresh_home)
        settings.applied.connect(self.on_settings_applied)
        settings.applied.connect(flow.on_settings_applied)
        settings.save_failed.connect(self.on_settings_save_failed)
        self.side_screens.closed.connect(self.show_home)

    # --- home --------------------------------------------------------------------------------

    def show_home(self) -> None:
        self.refresh_home()
        self.stack.show_home()

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

    def show_log_unavailable(self, reason: str) -> None:
        """The log file could not be opened: this run's sets live in a log in memory."""
        self.notices.append(
            f"The training log could not be opened ({reason}). Sets you train now are kept in"
            f" memory only: “{SAVE_LABEL}” saves them to a file, and quitting does it for you."
        )
        self.refresh_home()
        self.unsaved.show_state()

    def on_advice_accepted(self) -> None:
        self.flow.begin_advice(self.advice)

    def on_settings_applied(self, settings: Settings) -> None:
        self.home.quick.apply_settings(settings)
        self.home.show_muted(settings.muted)
        self.home.units = settings.units

    def on_settings_save_failed(self) -> None:
        self.statusBar().showMessage("Settings could not be saved", 5000)

    # --- what the launcher, scripts and tests ask of the window -------------------------------

    @property
    def current(self) -> Screen:
        return self.stack.current

    @property
    def run(self) -> SessionRun | None:
        """The session being trained, if any."""
        return self.flow.run

    def on_action(self, action: Action) -> bool:
        """One hands-free action, as if its key were pressed."""
        return self.keys.on_action(action)

    def on_plan_chosen(self, plan_file: PlanFile) -> None:
        self.flow.on_plan_chosen(plan_file)

    def apply_settings(self, settings: Settings) -> None:
        self.settings.apply(settings)

    def on_settings_requested(self) -> None:
        self.side_screens.on_settings_requested()

    def on_progress_requested(self) -> None:
        self.side_screens.on_progress_requested()

    def on_history_requested(self) -> None:
        self.side_screens.on_history_requested()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing mid-session leaves it unfinished: the next launch offers to resume it."""
        self.flow.stop()
        self.unsaved.save_on_close()
        sized = with_size(self.services.settings, self)
        if sized != self.services.settings:
            self.settings.save(sized)
        self.services.screen_awake.release()
        self.side_screens.close()
        if (handle := self.windowHandle()) is not None:
            self.keys.stop_listening(handle)
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """The keys are read from the window's QWindow, which exists once the window is shown."""
        if (handle := self.windowHandle()) is not None:
            self.keys.listen(handle)
        super().showEvent(event)
