"""Import the progress screen's code (numpy, pyqtgraph) ahead of time, on the GUI thread.

Importing it costs about half a second, which the first open of the progress screen would
otherwise spend with the window frozen. It is imported in the GUI thread's idle turns once
home is painted, a piece a turn, so a key pressed meanwhile waits for one piece at most
(numpy's import, about 130 ms, is the longest), never for all of them; and only while home
is in sight, so that no turn ever stops a session (it goes on when home shows again).

Most of pyqtgraph's import is PySide6 creating every type of QtCore, QtGui and QtWidgets
(with their enums), as pyqtgraph copies each name into a module of its own: those types are
created first, ``TYPES_PER_TURN`` a turn, and pyqtgraph's own turn is then about 110 ms
instead of 280.

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
"""In order, each taking the slow part of the next out of it (about 130, 110 and 25 ms on the
development machine, pyqtgraph's Qt types made before it)."""
PYQTGRAPH_MIRRORS = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
"""The modules whose every name pyqtgraph reads as it is imported (pyqtgraph.Qt)."""
TYPES_PER_TURN = 40
"""About 5 to 35 ms a turn."""


def _always() -> bool:
    return True


class _Import:
    """A step: imports ``module`` in one turn."""

    def __init__(self, module: str) -> None:
        self.module = module

    def __call__(self) -> bool:
        importlib.import_module(self.module)
        return False  # nothing more to do


class _QtTypes:
    """A step: has PySide6 make the types (and their enums) of ``module``, a few a turn."""

    def __init__(self, module: str, per_turn: int | None = None) -> None:
        self.module = module
        self.per_turn = TYPES_PER_TURN if per_turn is None else per_turn
        self._names: list[str] | None = None
        self._at = 0

    def __call__(self) -> bool:
        """Make the next ``per_turn`` names; True while more are left."""
        module = importlib.import_module(self.module)
        if self._names is None:
            self._names = dir(module)  # lists the names without making the types
        for name in self._names[self._at : self._at + self.per_turn]:
            getattr(module, name, None)
        self._at += self.per_turn
        return self._at < len(self._names)


def _steps(modules: Sequence[str]) -> list[Callable[[], bool]]:
    steps: list[Callable[[], bool]] = []
    for module in modules:
        if module == "pyqtgraph":
            steps += [_QtTypes(mirror) for mirror in PYQTGRAPH_MIRRORS]
        steps.append(_Import(module))
    return steps


class ImportWarmUp:
    """Imports ``modules`` in order, a piece per turn of the GUI thread's event loop (one
    module, or a few of the Qt types pyqtgraph's import would make).

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
        self._steps = _steps(self.modules)
        self._next = 0
        self._pending = False

    @property
    def started(self) -> bool:
        return self._pending or self._next > 0

    @property
    def finished(self) -> bool:
        """Every module imported (or one failed: nothing more will be tried)."""
        done = self._next >= len(self._steps) or self.module in sys.modules
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
        """Do the next piece now; True while more are left."""
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("the warm-up imports Qt code: only on the GUI thread")
        while not self.finished:
            step = self._steps[self._next]
            if isinstance(step, _Import) and step.module in sys.modules:
                self._next += 1
                continue  # imported meanwhile: no turn spent on it
            try:
                more = step()
            except Exception as error:  # the GUI thread's own import will raise it
                self.error = error
                break
            if not more:
                self._next += 1
            break
        return not self.finished
