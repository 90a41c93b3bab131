"""Child process of test_device_change.py: evenly spaced cues played through ``QtOutput``.

Run it with a private PulseAudio's environment. It prints one JSON line once the schedule is
set (``due``: the monotonic time the first cue is due, roughly), then one when the schedule
has played out (or ``--timeout`` passed): the output's clock sampled against the monotonic
clock every 10 ms, the device it streamed to over time (``""`` while it had none), whether
the clock reached the end, and the output's ``notice`` and ``silenced``. The output's log goes
to stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QTimer

from app.audio.qt_output import QtOutput
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind

TAIL_S = 1.0
SAMPLE_MS = 10


def _device_id(output: QtOutput) -> str:
    """The id (PulseAudio sink name) of the device the output streams to, "" if none."""
    if output._sink is None:  # the test's window into the output
        return ""
    return bytes(output._device.id().data()).decode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cues", type=int, default=20)
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--lead", type=float, default=1.0)
    parser.add_argument("--kind", type=CueKind, default=CueKind.COUNT)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    app = QCoreApplication([])
    output = QtOutput()
    start = output.now() + args.lead
    due = time.monotonic() + args.lead
    cues = [ScheduledCue(start + i * args.interval, args.kind) for i in range(args.cues)]
    output.follow(cues)
    end = cues[-1].at + TAIL_S
    give_up = time.monotonic() + args.timeout
    clock: list[tuple[float, float]] = []
    devices: list[tuple[float, str]] = []

    def sample() -> None:
        now = output.now()
        mono = time.monotonic()
        clock.append((mono, now))
        device = _device_id(output)
        if not devices or devices[-1][1] != device:
            devices.append((mono, device))
        if now > end or mono > give_up:
            app.quit()

    print(json.dumps({"due": due, "start": start, "device": _device_id(output)}), flush=True)
    timer = QTimer()
    timer.timeout.connect(sample)
    timer.start(SAMPLE_MS)
    app.exec()
    timer.stop()
    result = {
        "clock": clock,
        "devices": devices,
        "finished": bool(clock) and clock[-1][1] > end,
        "notice": output.notice,
        "silenced": output.silenced,
    }
    print(json.dumps(result), flush=True)
    output.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
