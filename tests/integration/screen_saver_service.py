"""A stand-in desktop's org.freedesktop.ScreenSaver on a test's private session bus.

Run as a script: it prints ``ready``, then ``inhibit APP WHY`` for each Inhibit call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

NAME = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"


# The interface name Qt exports the slots under (PySide6's stubs mistype ClassInfo's argument).
class_info: Any = ClassInfo
EXPORTED_AS = class_info({"D-Bus Interface": NAME})


@EXPORTED_AS
class ScreenSaver(QObject):
    @Slot(str, str, result="uint")
    def Inhibit(self, app: str, why: str) -> int:  # noqa: N802 (the D-Bus method's name)
        print(f"inhibit {app} {why}", flush=True)
        return 7


def main() -> None:
    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    saver = ScreenSaver()
    bus.registerObject(PATH, saver, QDBusConnection.RegisterOption.ExportAllSlots)
    if not bus.registerService(NAME):
        raise SystemExit(f"cannot own {NAME}")
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
