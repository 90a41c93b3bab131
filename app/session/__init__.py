"""One session, from opening the log to its summary: the core the terminal and the window share.

No Qt here: ``app/headless.py`` (the terminal player) and ``app/gui`` (the window) are thin
adapters over these modules, adding only their input and their display.
"""
