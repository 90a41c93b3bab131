"""Import the progress screen's code (numpy, pyqtgraph) ahead of time, on the GUI thread.

Importing it costs about half a second, which the first open of the progress screen would
otherwise spend with the window frozen. It is imported in the GUI thread's idle turns once
home is painted: one module a turn (numpy, then pyqtgraph, then the screen), so a key
pressed meanwhile waits for one module at most, never for all of them; and only while home
is in sight, so that no turn ever stops a session (it goes on when home shows again).

Never on a thread: PySide6 creates its Python types (QGradient, with its enums) lazily, the
first time anything touches them, and that creation is not safe against another thread.
pyqtgraph imported on a thread while the GUI thread painted a session's first screen let the
painter meet a half-made ``QGradient`` (``QBrush(colour)`` raised "QGradient has no attribute
'Preset'") and the process then crashed.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

PROGRESS_MODULE = "app.gui.progress.progress_screen"
PROGRESS_MODULES = ("numpy", "pyqtgraph", PROGRESS_MODULE)
"""One module a turn, each taking the slow part of the next out of it (about 130, 250 and
25 ms on the development machine)."""


def _always() -> bool:
    return True


class ImportWarmUp:
    """Imports ``modules`` in order, one per turn of the GUI thread's event loop.

    ``start`` asks for the next turn (again after a pause: it goes on where it stopped).
    A failed import is kept in ``error`` and ends the warm-up, not raised: the GUI thread
    meets the same error when it imports the module, at the moment it can say so.
    """

    def __init__(self, modules: Sequence[str] = PROGRESS_MODULES) -> None:
        if not modules:
            raise ValueError("nothing to warm up")
        self.modules = tuple(modules)
        self.module = self.modules[-1]  # what the warm-up is for
        self.error: Exception | None = None
        self._next = 0
        self._pending = False

    @property
    def started(self) -> bool:
        return self._pending or self._next > 0

    @property
    def finished(self) -> bool:
        """Every module imported (or one failed: nothing more will be tried)."""
        done = self._next >= len(self.modules) or self.module in sys.modules
        return done or self.error is not None

    def start(self, context: QObject | None = None, when: Callable[[], bool] = _always) -> None:
        """Import the next module in the next idle turn, and so on while ``when()`` holds.

        ``context``: the turns end with it (as QTimer's context object). A ``when()`` found
        false pauses the warm-up until ``start`` is called again. Call on the GUI thread.
        """
        if self._pending or self.finished:
            return
        self._pending = True

        def turn() -> None:
            self._pending = False
            if when() and self.step():
                self.start(context, when)

        if context is None:
            QTimer.singleShot(0, turn)
        else:
            QTimer.singleShot(0, context, turn)

    def step(self) -> bool:
        """Import the next module now; True while more are left."""
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("the warm-up imports Qt code: only on the GUI thread")
        while not self.finished and self._next < len(self.modules):
            name = self.modules[self._next]
            self._next += 1
            if name in sys.modules:
                continue  # imported meanwhile: no turn spent on it
            try:
                importlib.import_module(name)
            except Exception as error:  # the GUI thread's own import will raise it
                self.error = error
            break
        return not self.finished
