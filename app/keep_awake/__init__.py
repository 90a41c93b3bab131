"""Keeping the screen on during a session through the system's own call, without Qt.

Windows (``windows.py``) and macOS (``macos.py``) are reached with ctypes; each class has the
small interface of ``app.gui.screen_awake.ScreenAwake`` (``available``, ``reason``, ``hold``,
``release``), and takes the system call as a constructor argument so tests can fake it.
Linux's D-Bus inhibitor goes through QtDBus and lives in ``app/gui/screen_awake.py``.
"""
