"""The bounds a plan, a logged set and every file of the log are held to, written down once.

A plan, the log sheet, the history, the CSV import and the backup check all read them from
here, so a value one of them accepts is never refused by another.
"""

from __future__ import annotations

CM_PER_INCH = 2.54
MAX_BOX_HEIGHT_CM = 120.0
"""The highest box (or bench, or step) a hands-elevated push-up is done on."""
MAX_TARGET_REPS = 100
"""The most reps a plan may ask for in one set."""
MAX_LOGGED_REPS = 1000
"""The most reps a logged or imported set may hold (more than a plan asks: a max set)."""
MAX_REPS_IN_RESERVE = 10
MAX_NOTE_CHARS = 2000
"""The longest note on a set."""
MAX_TITLE_CHARS = 80
"""The longest session title: a plan's, or an imported workout's name (cut to it)."""
MAX_BLOCKS = 50
"""The most blocks in one plan; blocks are numbered from 0 in the log."""
MAX_SETS_PER_BLOCK = 20
