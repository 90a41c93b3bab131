"""Benchmark: how exactly each sound output keeps time over a long session (not a test).

Plays the same plan (about ``--minutes`` long, 10 by default) through each design in turn into
a private PulseAudio null sink at 50 kHz, records the sink's monitor and finds every note's
onset (see tests/integration/audio_recording.py). Designs:

- ``qt``: the app's default, one persistent QAudioSink stream pulling from the mixer;
- ``simpleaudio``: the app's fallback, one pre-rendered buffer per stretch (Python 3.11 only);
- ``naive``: what interval-timer apps do, a precise Qt timer firing one ``play_buffer`` per cue
  (simpleaudio, so Python 3.11 only).

Each child process also keeps its Qt thread busy ``--busy-ms`` of every 50 ms, as a GUI
repainting would. Reported per design: start latency (first cue heard after it was due, on the
monotonic clock; +-parec's buffer of about 20 ms), jitter (sd and max of onset errors after
removing the constant latency), drift (ms per minute, slope of the errors), missing and extra
notes. Prints a markdown table and puts it into ``--results`` (bench/results-audio.md), between
its markers, leaving the rest of the file (bench/frame_sync.py's figures) alone.

Run: ``.venv/bin/python bench/audio_timing.py [--minutes 10]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.audio.output import CueOutput
from app.domain.player import ScheduledCue
from app.domain.timeline import compile_timeline
from app.storage.catalog import load_catalog
from app.storage.plan_files import read_plan
from tests.integration.audio_recording import (
    SINK_RATE,
    PrivatePulse,
    Recorder,
    all_onsets,
    compare,
    ideal_track,
)

DESIGNS = ("qt", "simpleaudio", "naive")
RESULTS_BEGIN = "<!-- audio-timing -->"
RESULTS_END = "<!-- /audio-timing -->"
LEAD_IN_S = 1.0
SIMPLEAUDIO_RATE = 48000
"""simpleaudio refuses 50 kHz ("weird sample rate"); PulseAudio resamples to the sink."""
SET_S = 53.0
REST_S = 30


def plan_text(minutes: float) -> str:
    sets = max(1, round((minutes * 60 + REST_S) / (SET_S + REST_S)))
    return (
        f'title = "Audio timing bench"\ncount_in_s = 3\n\n[[block]]\n'
        f'variation = "floor-push-up"\nsets = {sets}\nreps = 10\ntempo = "3-1-1-0"\n'
        f"rest_s = {REST_S}\n"
    )


def child(design: str, plan_path: Path, busy_ms: float) -> int:
    """Play the plan through ``design``; print the monotonic time the first cue was due."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer

    from app.audio.sounds import cue_sounds

    plan = read_plan(plan_path, load_catalog()).plan
    assert plan is not None
    cues = compile_timeline(plan).cues
    app = QCoreApplication([])
    loop = QEventLoop()
    busy = QTimer(loop)

    def keep_busy() -> None:
        until = time.monotonic() + busy_ms / 1000
        while time.monotonic() < until:
            pass

    busy.timeout.connect(keep_busy)
    if busy_ms > 0:
        busy.start(50)
    end_s = cues[-1].t_s + 1.5
    if design == "naive":
        from app.audio.simpleaudio_output import load_simpleaudio

        sa = load_simpleaudio()
        sounds = {
            kind: (s * 32767).round().astype("<i2").tobytes()
            for kind, s in cue_sounds(SIMPLEAUDIO_RATE).items()
        }
        sa.play_buffer(bytes(9600), 1, 2, SIMPLEAUDIO_RATE).wait_done()
        origin = time.monotonic() + LEAD_IN_S
        timers = []
        for cue in cues:

            def play(kind: object = cue.kind) -> None:
                sa.play_buffer(sounds[kind], 1, 2, SIMPLEAUDIO_RATE)  # type: ignore[index]

            timer = QTimer(loop)
            timer.setSingleShot(True)
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.timeout.connect(play)
            timer.start(max(0, round((origin + cue.t_s - time.monotonic()) * 1000)))
            timers.append(timer)
        QTimer.singleShot(round((LEAD_IN_S + end_s) * 1000), loop.quit)
        print(json.dumps({"due": origin}), flush=True)
        loop.exec()
        return 0
    if design == "qt":
        from app.audio.qt_output import QtOutput

        output: CueOutput = QtOutput()
    else:
        from app.audio.simpleaudio_output import SimpleaudioOutput

        output = SimpleaudioOutput(rate=SIMPLEAUDIO_RATE)
    start = output.now() + LEAD_IN_S
    due = time.monotonic() + LEAD_IN_S
    output.follow([ScheduledCue(start + c.t_s, c.kind) for c in cues])
    print(json.dumps({"due": due}), flush=True)
    tick = QTimer(loop)

    def stop_when_done() -> None:
        if output.now() > start + end_s:
            loop.quit()

    tick.timeout.connect(stop_when_done)
    tick.start(20)
    loop.exec()
    output.close()
    del app
    return 0


def measure(
    design: str,
    plan_path: Path,
    pulse: PrivatePulse,
    busy_ms: float,
    errors_folder: Path | None = None,
) -> dict[str, str]:
    plan = read_plan(plan_path, load_catalog()).plan
    assert plan is not None
    cues = [ScheduledCue(c.t_s, c.kind) for c in compile_timeline(plan).cues]
    with Recorder(pulse) as recorder:
        done = subprocess.run(
            [
                *(sys.executable, __file__, "--child", design, "--plan", str(plan_path)),
                *("--busy-ms", str(busy_ms)),
            ],
            env=pulse.env,
            capture_output=True,
            text=True,
            check=False,
        )
        time.sleep(0.5)
        recording = recorder.stop()
        zero = recorder.started_at
    if done.returncode != 0:
        return {"design": design, "note": f"failed: {done.stderr.strip().splitlines()[-1:]}"}
    due = json.loads(done.stdout.strip().splitlines()[-1])["due"]
    ideal = all_onsets(ideal_track(cues, SINK_RATE), SINK_RATE)
    result = compare(ideal, all_onsets(recording, SINK_RATE), tolerance_s=0.2)
    ideal_first = min(min(t) for t in ideal.values() if t)
    if errors_folder is not None:
        # Every note's error, to tell steps (gaps in the stream) from a slope (a clock).
        (errors_folder / f"{design}.json").write_text(
            json.dumps({"errors_s": result.errors_s, "latency_s": result.latency_s}),
            encoding="utf-8",
        )
    start_ms = (zero + result.latency_s + ideal_first - (due + ideal_first)) * 1000
    return {
        "design": design,
        "notes": str(sum(len(t) for t in ideal.values())),
        "start latency (ms)": f"{start_ms:.0f}",
        "jitter sd (ms)": f"{result.sd_s * 1000:.3f}",
        "jitter max (ms)": f"{result.max_abs_error_s * 1000:.3f}",
        "drift (ms/min)": f"{result.drift_s_per_min() * 1000:+.3f}",
        "missing": str(len(result.missing)),
        "extra": str(len(result.extra)),
    }


def table(rows: list[dict[str, str]]) -> str:
    columns = list(dict.fromkeys(c for row in rows for c in row))
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(row.get(c, "") for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def write_section(path: Path, begin: str, end: str, text: str) -> None:
    """Replace the text between ``begin`` and ``end`` in ``path`` (append them if missing)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{begin}\n{text.rstrip()}\n{end}\n"
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        tail = rest.split(end, 1)[1].lstrip("\n")
        new = head + block + ("\n" + tail if tail else "")
    else:
        new = (old.rstrip() + "\n\n" if old.strip() else "") + block
    path.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--designs", default=",".join(DESIGNS))
    parser.add_argument("--busy-ms", type=float, default=10.0)
    parser.add_argument(
        "--results", type=Path, default=Path(__file__).with_name("results-audio.md")
    )
    parser.add_argument(
        "--errors",
        type=Path,
        metavar="FOLDER",
        help="also write every note's (ideal time, error) to FOLDER/DESIGN.json",
    )
    parser.add_argument("--child", choices=DESIGNS, help=argparse.SUPPRESS)
    parser.add_argument("--plan", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.plan, args.busy_ms)
    designs = [d for d in args.designs.split(",") if d]
    if sys.version_info >= (3, 12):
        designs = [d for d in designs if d == "qt"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        plan_path = Path(folder) / "plan.toml"
        plan_path.write_text(plan_text(args.minutes), encoding="utf-8")
        with PrivatePulse(Path(folder) / "pulse") as pulse:
            for design in designs:
                print(f"playing {design} ...", file=sys.stderr, flush=True)
                rows.append(measure(design, plan_path, pulse, args.busy_ms, args.errors))
    text = (
        f"Audio timing, {args.minutes:g}-minute plan, Python {sys.version.split()[0]},"
        f" busy Qt thread {args.busy_ms:g} ms of every 50 ms, PulseAudio null sink at"
        f" {SINK_RATE} Hz ({time.strftime('%Y-%m-%d')}):\n\n{table(rows)}\n"
    )
    print(text)
    write_section(args.results, RESULTS_BEGIN, RESULTS_END, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
