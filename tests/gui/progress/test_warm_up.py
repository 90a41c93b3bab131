"""Home imports the charts ahead of time on the GUI thread, once painted: never on a thread."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from app.gui.home_screen import HomeScreen
from app.gui.progress import warm_up
from app.gui.progress.warm_up import PROGRESS_MODULES, ImportWarmUp
from app.storage.catalog import Catalog
from app.storage.settings import Settings

# A fresh interpreter, warnings as errors. An import hook, in place before anything else is
# imported, notes every module imported on a thread other than the GUI's: PySide6 creates
# its types lazily and not safely against another thread, so none of them (PySide6, shiboken,
# pyqtgraph, numpy, the app's GUI) may be. A thread importing pyqtgraph while home painted
# let the painter meet a half-made QGradient and crash. Also reports whether pyqtgraph is
# imported when the window is built, after show(), and once the warm-up is over; every Qt
# message of warning level or worse; every QObject on another thread than the GUI's; and
# any thread left.
CHILD = """
import sys, threading

imported_off_the_gui_thread = []

class Recorder:
    def find_spec(self, name, path=None, target=None):
        if threading.current_thread() is not threading.main_thread():
            imported_off_the_gui_thread.append((name, threading.current_thread().name))
        return None

sys.meta_path.insert(0, Recorder())

import gc, json, os
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
    over = PROGRESS_MODULE in sys.modules and threading.active_count() == 1
    if not over and poll.remainingTime() > 0:
        return  # not painted or not warmed up yet: the next tick looks again
    ticker.stop()
    warm_up = window.home.warm_up
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
report["imported_off_the_gui_thread"] = imported_off_the_gui_thread
print(json.dumps(report))
"""


@pytest.mark.slow
def test_the_charts_are_imported_on_the_gui_thread_once_home_is_painted(tmp_path: Path) -> None:
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
        "imported": True,
        "error": "None",
        "qobjects_off_the_gui_thread": [],
        "threads": [],
        "messages": [],
        "imported_off_the_gui_thread": [],
    }


def test_the_progress_screen_is_warmed_up_in_turns_ending_with_it() -> None:
    assert PROGRESS_MODULES[-1] == ImportWarmUp().module == "app.gui.progress.progress_screen"
    assert PROGRESS_MODULES.index("numpy") < PROGRESS_MODULES.index("pyqtgraph")


class LazyModule(types.ModuleType):
    """Makes each of its names when first read, as PySide6's modules make their types."""

    NAMES = tuple(f"Q{n:03}" for n in range(100))

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.made: list[str] = []

    def __dir__(self) -> list[str]:
        return list(self.NAMES)

    def __getattr__(self, name: str) -> object:
        if name not in self.NAMES:
            raise AttributeError(name)
        self.made.append(name)
        setattr(self, name, object())
        return getattr(self, name)


def test_the_qt_types_pyqtgraph_reads_are_made_a_few_a_turn_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mirrors = [LazyModule(f"lazy_qt_{n}") for n in range(2)]
    for mirror in mirrors:
        monkeypatch.setitem(sys.modules, mirror.__name__, mirror)
    monkeypatch.setattr(warm_up, "PYQTGRAPH_MIRRORS", tuple(m.__name__ for m in mirrors))
    monkeypatch.setattr(warm_up, "TYPES_PER_TURN", 30)
    steps = warm_up._steps(["json", "pyqtgraph", "xml"])
    names = [type(step).__name__ + ":" + step.module for step in steps]  # type: ignore[attr-defined]
    assert names == [
        "_Import:json",
        "_QtTypes:lazy_qt_0",
        "_QtTypes:lazy_qt_1",
        "_Import:pyqtgraph",
        "_Import:xml",
    ]
    made = mirrors[0].made
    assert steps[1]()
    assert made == list(LazyModule.NAMES[:30])
    assert steps[1]() and steps[1]()
    assert not steps[1]()  # 100 names: four turns
    assert made == list(LazyModule.NAMES)
    assert mirrors[1].made == []


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., list[str]]]:
    """Writes modules that note, as they are imported, their name and thread in ``ORDER``."""
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "warm_up_order.py").write_text("ORDER = []\n", encoding="utf-8")
    written: list[str] = ["warm_up_order"]

    def write(*names: str, body: str = "") -> list[str]:
        for name in names:
            (tmp_path / f"{name}.py").write_text(
                "import threading, warm_up_order\n"
                "warm_up_order.ORDER.append((__name__, threading.current_thread().name))\n" + body,
                encoding="utf-8",
            )
        written.extend(names)
        return list(names)

    yield write
    for name in written:
        sys.modules.pop(name, None)


def order() -> list[tuple[str, str]]:
    return list(sys.modules["warm_up_order"].ORDER) if "warm_up_order" in sys.modules else []


def test_one_step_imports_one_module_on_the_gui_thread(modules: Callable[..., list[str]]) -> None:
    warm_up = ImportWarmUp(modules("warm_a", "warm_b"))
    assert not warm_up.started
    assert not warm_up.finished
    assert warm_up.step()
    assert order() == [("warm_a", "MainThread")]
    assert warm_up.started
    assert not warm_up.step()
    assert order() == [("warm_a", "MainThread"), ("warm_b", "MainThread")]
    assert warm_up.finished
    assert warm_up.error is None


def test_the_turns_import_in_order_and_end(qtbot: QtBot, modules: Callable[..., list[str]]) -> None:
    warm_up = ImportWarmUp(modules("warm_a", "warm_b", "warm_c"))
    warm_up.start()
    assert order() == []  # not now: in the event loop's next turn
    qtbot.waitUntil(lambda: warm_up.finished)
    assert [name for name, _ in order()] == ["warm_a", "warm_b", "warm_c"]
    assert {thread for _, thread in order()} == {"MainThread"}
    assert [t.name for t in threading.enumerate()] == ["MainThread"]
    warm_up.start()  # over: nothing more
    qtbot.wait(20)
    assert len(order()) == 3


def test_a_warm_up_not_wanted_now_pauses_and_goes_on_when_started_again(
    qtbot: QtBot, modules: Callable[..., list[str]]
) -> None:
    asked: list[int] = []

    def once() -> bool:  # wanted for the first turn only
        asked.append(1)
        return len(asked) == 1

    warm_up = ImportWarmUp(modules("warm_a", "warm_b", "warm_c"))
    warm_up.start(when=once)
    qtbot.waitUntil(lambda: len(asked) == 2)
    qtbot.wait(30)
    assert [name for name, _ in order()] == ["warm_a"]
    assert len(asked) == 2  # paused: nothing goes on by itself
    assert not warm_up.finished
    warm_up.start()
    qtbot.waitUntil(lambda: warm_up.finished)
    assert [name for name, _ in order()] == ["warm_a", "warm_b", "warm_c"]


def test_the_turns_end_with_their_context(qtbot: QtBot, modules: Callable[..., list[str]]) -> None:
    context = QObject()
    warm_up = ImportWarmUp(modules("warm_a"))
    warm_up.start(context)
    shiboken6.delete(context)  # gone before the turn comes
    qtbot.wait(30)
    assert order() == []


def test_imported_modules_take_no_turn() -> None:
    warm_up = ImportWarmUp(["json"])
    assert warm_up.finished
    warm_up.start()
    assert not warm_up.started


def test_the_steps_refuse_another_thread(modules: Callable[..., list[str]]) -> None:
    warm_up = ImportWarmUp(modules("warm_a"))
    errors: list[Exception] = []

    def run() -> None:
        try:
            warm_up.step()
        except RuntimeError as error:
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert len(errors) == 1
    assert order() == []


def test_a_failed_import_is_kept_for_the_gui_thread_to_meet(
    qtbot: QtBot, modules: Callable[..., list[str]]
) -> None:
    names = modules("warm_broken", body="raise ImportError('no charts today')\n")
    names += modules("warm_after")
    warm_up = ImportWarmUp(names)
    warm_up.start()
    qtbot.waitUntil(lambda: warm_up.finished)
    assert isinstance(warm_up.error, ImportError)
    assert "warm_broken" not in sys.modules
    assert [name for name, _ in order()] == ["warm_broken"]  # nothing after a failure


class RecordingWarmUp(ImportWarmUp):
    def __init__(self) -> None:
        super().__init__(["json", "a_module_never_imported"])
        self.calls: list[tuple[QObject | None, Callable[[], bool]]] = []

    def start(self, context: QObject | None = None, when: Callable[[], bool] = bool) -> None:
        self.calls.append((context, when))


def test_home_starts_the_warm_up_once_painted_while_in_sight(
    qtbot: QtBot, catalog: Catalog
) -> None:
    warm_up = RecordingWarmUp()
    home = HomeScreen(catalog, Settings(), warm_up=warm_up)
    home.resize(1280, 800)
    assert warm_up.calls == []
    home.show()
    qtbot.waitUntil(lambda: len(warm_up.calls) >= 1)
    context, when = warm_up.calls[0]
    assert context is home  # its turns end with home
    assert when()
    home.hide()
    assert not when()  # hidden (a session on screen): the warm-up waits for home
    home.close()
    home.deleteLater()


class CountingWarmUp(ImportWarmUp):
    def __init__(self) -> None:
        super().__init__(["json"])
        self.starts = 0

    def start(self, context: QObject | None = None, when: Callable[[], bool] = bool) -> None:
        self.starts += 1
        super().start(context, when)


def test_home_paints_no_warm_up_once_it_is_over(qtbot: QtBot, catalog: Catalog) -> None:
    warm_up = CountingWarmUp()
    home = HomeScreen(catalog, Settings(), warm_up=warm_up)
    home.resize(1280, 800)
    home.show()
    qtbot.waitExposed(home)
    home.repaint()
    assert warm_up.starts == 0
    home.close()
    home.deleteLater()
