"""Import the progress screen's code (pyqtgraph, numpy) ahead of time, on a thread.

Importing it costs about half a second, which the first open of the progress screen would
otherwise spend with the window frozen. Doing it on the GUI thread just after home shows
would freeze home instead, at the moment a key is most likely to be pressed; a thread keeps
home answering. Only modules are imported: pyqtgraph makes no QObject, widget or timer at
import, so nothing is created in the wrong thread. Should the GUI thread import the same
modules meanwhile (the progress screen opened at once), Python's import lock makes it wait
for this import to finish rather than start another.
"""

from __future__ import annotations

import importlib
import sys
import threading

PROGRESS_MODULE = "app.gui.progress.progress_screen"


class ImportWarmUp:
    """Imports ``module`` once, on a thread started by ``start``; ``wait`` joins it.

    Not a daemon: a window closed within the half second waits for the import to end
    rather than leave the interpreter shutting down around it. A failed import is kept in
    ``error``, not raised: the GUI thread meets the same error when it imports the module,
    at the moment it can say so.
    """

    def __init__(self, module: str = PROGRESS_MODULE) -> None:
        self.module = module
        self.error: Exception | None = None
        self._thread: threading.Thread | None = None

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        """Start importing, unless it was started or the module is imported already."""
        if self._thread is None and self.module not in sys.modules:
            self._thread = threading.Thread(target=self._run, name="import-warm-up")
            self._thread.start()

    def wait(self, timeout_s: float | None = None) -> bool:
        """True once the import is over (or was never needed)."""
        if self._thread is not None:
            self._thread.join(timeout_s)
            return not self._thread.is_alive()
        return True

    def _run(self) -> None:
        try:
            importlib.import_module(self.module)
        except Exception as error:  # the GUI thread's own import will raise it
            self.error = error
