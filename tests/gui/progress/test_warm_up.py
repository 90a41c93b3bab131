"""Home imports the charts on a thread once it is painted: not before, and cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.gui.home_screen import HomeScreen
from app.gui.progress.warm_up import ImportWarmUp
from app.storage.catalog import Catalog
from app.storage.settings import Settings

# A fresh interpreter, warnings as errors: reports whether pyqtgraph is imported when the
# window is built, after show(), and once the warm-up has started (home painted) and ended;
# every Qt message of warning level or worse; and every QObject that lives on another thread
# than the GUI's (there must be none: it would belong to a thread that has no event loop and
# ends).
CHILD = """
import gc, json, os, sys, threading
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QObject, QtMsgType, QTimer, qInstallMessageHandler
from app.gui.launch import application, open_window
from app.gui.progress.warm_up import PROGRESS_MODULE
from app.storage.store import Store

messages = []
def on_message(kind, context, text):
    if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in text:
        messages.append(text)
qInstallMessageHandler(on_message)

folder = Path(sys.argv[1])
app = application()
store = Store(folder / "log.sqlite3")
window = open_window(folder, store)
report = {"built": "pyqtgraph" in sys.modules}
window.show()
report["shown"] = "pyqtgraph" in sys.modules
main = app.thread()

def check():
    warm_up = window.home.warm_up
    if not warm_up.started and poll.remainingTime() > 0:
        return  # home not painted yet: the next tick looks again
    ticker.stop()
    report["started"] = warm_up.started
    report["finished"] = warm_up.wait(60)
    report["imported"] = "pyqtgraph" in sys.modules and PROGRESS_MODULE in sys.modules
    report["error"] = repr(warm_up.error)
    elsewhere = [o for o in gc.get_objects() if isinstance(o, QObject) and o.thread() != main]
    report["qobjects_off_the_gui_thread"] = [type(o).__name__ for o in elsewhere]
    report["threads"] = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    app.quit()

ticker = QTimer()
ticker.timeout.connect(check)
ticker.start(20)
poll = QTimer()
poll.setSingleShot(True)
poll.start(30_000)
app.exec()
window.close()
window.deleteLater()
store.close()
report["messages"] = messages
print(json.dumps(report))
"""


@pytest.mark.slow
def test_the_charts_are_imported_on_a_thread_once_home_is_painted(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert report == {
        "built": False,
        "shown": False,
        "started": True,
        "finished": True,
        "imported": True,
        "error": "None",
        "qobjects_off_the_gui_thread": [],
        "threads": [],
        "messages": [],
    }


class RecordingWarmUp(ImportWarmUp):
    def __init__(self) -> None:
        super().__init__("json")
        self.calls = 0

    def start(self) -> None:
        self.calls += 1


def test_home_starts_the_warm_up_after_its_first_paint_only(qtbot: QtBot, catalog: Catalog) -> None:
    warm_up = RecordingWarmUp()
    home = HomeScreen(catalog, Settings(), warm_up=warm_up)
    home.resize(1280, 800)
    assert warm_up.calls == 0
    home.show()
    qtbot.waitUntil(lambda: warm_up.calls == 1)
    home.update()
    qtbot.wait(20)  # later paints start nothing more
    assert warm_up.calls == 1
    home.close()
    home.deleteLater()


def write_module(folder: Path, name: str, body: str) -> str:
    (folder / f"{name}.py").write_text(body, encoding="utf-8")
    return name


def test_the_import_runs_on_its_own_thread_and_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    name = write_module(
        tmp_path, "warm_up_probe", "import threading\nTHREAD = threading.current_thread().name\n"
    )
    warm_up = ImportWarmUp(name)
    try:
        warm_up.start()
        assert warm_up.started
        assert warm_up.wait(10)
        assert sys.modules[name].THREAD == "import-warm-up"
        assert warm_up.error is None
        assert "import-warm-up" not in [t.name for t in threading.enumerate()]
        warm_up.start()  # once only
    finally:
        sys.modules.pop(name, None)


def test_an_imported_module_needs_no_thread() -> None:
    warm_up = ImportWarmUp("json")
    warm_up.start()
    assert not warm_up.started
    assert warm_up.wait(0)


def test_a_failed_import_is_kept_for_the_gui_thread_to_meet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    name = write_module(tmp_path, "warm_up_broken", "raise ImportError('no charts today')\n")
    warm_up = ImportWarmUp(name)
    warm_up.start()
    assert warm_up.wait(10)
    assert isinstance(warm_up.error, ImportError)
    assert name not in sys.modules
