"""Where the person is in a session: a phase of a rep, or a moment around the sets.

Its own module so that what only asks "where are we?" (home's session flow, the screens)
does not import the timeline compiler.
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where the person is: a phase of a rep, or one of the moments around the sets."""

    READY = "ready"
    COUNT_IN = "count_in"
    ECCENTRIC = "eccentric"
    BOTTOM = "bottom"
    CONCENTRIC = "concentric"
    RESET = "reset"
    TOP = "top"
    LOGGING = "logging"
    REST = "rest"
    FINISHED = "finished"


REP_STAGES = frozenset({Stage.ECCENTRIC, Stage.BOTTOM, Stage.CONCENTRIC, Stage.RESET, Stage.TOP})
