"""The window drives itself, for the GUI kill and fault tests and the energy bench.

It does what a person pressing Enter would: walks through every setup step, starts the set,
accepts each log sheet with the planned reps, accepts the resume offer on home, and closes
the window at the summary. It prints one line per thing done, flushed, so a test killing the
process knows what had happened: ``autopilot: logged set N`` is printed only once set N is
committed to the log. It is installed by ``tests.integration.run_with_autopilot``; the
shipped package knows nothing of it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from app.domain.stage import Stage
from app.gui.keys import Action
from app.gui.main_window import MainWindow
from app.gui.setup_screen import SetupScreen


class Autopilot(QObject):
    """Presses Enter for the person on every screen of ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.screen_shown.connect(self.on_screen_shown)
        QTimer.singleShot(0, self.on_started)

    def _say(self, text: str) -> None:
        print(f"autopilot: {text}", flush=True)

    def on_started(self) -> None:
        if self.window.run is not None:
            return  # launched straight into a session
        if self.window.home.resume_card.isVisible():
            self._say(f"resume offered: {self.window.home.resume_text.text()}")
            self.window.on_action(Action.NEXT)
            if self.window.run is None:  # every set was logged: the offer just closed it
                self._say("session done")
                self.window.close()
        else:
            self._say("nothing to resume")
            self.window.close()

    def on_screen_shown(self, name: str) -> None:
        QTimer.singleShot(0, lambda: self._act(name))

    def _act(self, name: str) -> None:
        window, run = self.window, self.window.run
        if run is None or window.current.objectName() != name:
            return
        if name == "setup":
            screen = window.current
            while window.current is screen and isinstance(screen, SetupScreen):
                window.on_action(Action.NEXT)
        elif name == "player" and run.player.stage is Stage.READY:
            window.on_action(Action.NEXT)
        elif name == "log":
            number = run.player.current.index + 1
            window.on_action(Action.NEXT)
            if run.session_log.saved:
                self._say(f"logged set {number}")
        elif name == "summary":
            self._say("session done")
            window.close()
