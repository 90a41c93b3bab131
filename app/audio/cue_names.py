"""What each cue's sound means, in the person's words (no numpy: the GUI loads it at start)."""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.timeline import CueKind

CUE_NAMES: Mapping[CueKind, str] = {
    CueKind.COUNT: "Count-in beep",
    CueKind.ECCENTRIC: "Lower (bright tone)",
    CueKind.TICK: "Tick, every second of a slow phase",
    CueKind.BOTTOM: "Hold at the bottom (low tone)",
    CueKind.CONCENTRIC: "Push (rising notes)",
    CueKind.RESET: "Reset, assisted (slow rising notes)",
    CueKind.TOP: "Pause at the top (short tone)",
    CueKind.SET_END: "Set done (falling notes)",
    CueKind.SESSION_END: "Session done",
    CueKind.REST_WARNING: "Rest ending (double beep)",
}
"""What each cue's sound means, in the person's words (the audio self-test shows these)."""
