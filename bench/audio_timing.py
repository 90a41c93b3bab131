"""Benchmark: how exactly each sound output keeps time over a long session (not a test).

Plays the same plan (about ``--minutes`` long, 10 by default) through each design in turn into
a private PulseAudio null sink at 50 kHz, records the sink's monitor and finds every note's
onset (see tests/integration/audio_recording.py). Designs:

- ``qt``: the app's default, one persistent QAudioSink stream pulling from the mixer;
- ``pulse``: one libpulse stream a second deep, rewritten in place at every change (Linux);
- ``simpleaudio``: the app's fallback, one pre-rendered buffer per stretch (Python 3.11 only);
- ``naive``: what interval-timer apps do, a precise Qt timer firing one ``play_buffer`` per cue
  (simpleaudio, so Python 3.11 only).

Each child process also keeps its Qt thread busy ``--busy-ms`` of every 50 ms, as a GUI
repainting would. Reported per design: start latency (first cue heard after it was due, on the
monotonic clock; +-parec's buffer of about 20 ms), jitter (sd and max of onset errors after
removing the constant latency), drift (ms per minute, slope of the errors), missing and extra
notes. Prints a markdown table and puts it into ``--results`` (bench/results-audio.md), between
its markers (those of ``--load`` runs apart, where each run's table is added after the earlier
ones), leaving the rest of the file alone.

``--load`` plays it under the mixed load of a busy laptop, started before each design and
stopped after it (all at the bench's own priority): one busy loop per core, a multithreaded
numpy matrix product and a disk writer that fsyncs 300 MB at a time. For ``qt`` and ``pulse``
the child also reports what its feeder thread saw (wake-up delays, the least audio queued
ahead of the sink, how far the sink's played clock fell behind the monotonic clock, gaps
healed).

Run: ``nice .venv/bin/python bench/audio_timing.py [--minutes 10] [--load]``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.audio.output import CueOutput
from app.audio.qt_output import BUFFER_S
from app.audio.stream_feeder import WAKE_BOUNDS_MS
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

DESIGNS = ("qt", "pulse", "simpleaudio", "naive")
RESULTS_BEGIN = "<!-- audio-timing -->"
RESULTS_END = "<!-- /audio-timing -->"
LOAD_BEGIN = "<!-- audio-timing-load -->"
LOAD_END = "<!-- /audio-timing-load -->"
LEAD_IN_S = 1.0
SIMPLEAUDIO_RATE = 48000
"""simpleaudio refuses 50 kHz ("weird sample rate"); PulseAudio resamples to the sink."""
SET_S = 53.0
REST_S = 30


LOAD_SCRIPTS = {
    "busy loop": "while True:\n    pass\n",
    "numpy matrix product": (
        "import numpy as np\na = np.random.default_rng(0).random((1200, 1200))\n"
        "while True:\n    a @ a\n"
    ),
    "fsync'ing disk writer": (
        "import os, sys\nchunk = os.urandom(1 << 20)\npath = sys.argv[1]\n"
        "while True:\n    with open(path, 'wb') as f:\n        for _ in range(300):\n"
        "            f.write(chunk)\n        f.flush()\n        os.fsync(f.fileno())\n"
        "    os.remove(path)\n"
    ),
}


class Load:
    """The mixed load of a busy laptop, in processes of its own; a context manager."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._processes: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> Load:
        scripts = [LOAD_SCRIPTS["busy loop"]] * (os.cpu_count() or 1)
        scripts += [LOAD_SCRIPTS["numpy matrix product"], LOAD_SCRIPTS["fsync'ing disk writer"]]
        for script in scripts:
            self._processes.append(
                subprocess.Popen(
                    [sys.executable, "-c", script, str(self._folder / "load.bin")],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        time.sleep(1.0)  # the numpy threads and the writer get going
        return self

    def __exit__(self, *_: object) -> None:
        for process in self._processes:
            process.kill()
        for process in self._processes:
            process.wait()
        (self._folder / "load.bin").unlink(missing_ok=True)


def plan_text(minutes: float) -> str:
    sets = max(1, round((minutes * 60 + REST_S) / (SET_S + REST_S)))
    return (
        f'title = "Audio timing bench"\ncount_in_s = 3\n\n[[block]]\n'
        f'variation = "floor-push-up"\nsets = {sets}\nreps = 10\ntempo = "3-1-1-0"\n'
        f"rest_s = {REST_S}\n"
    )


def child(design: str, plan_path: Path, busy_ms: float, options: dict[str, float]) -> int:
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

        output: CueOutput = QtOutput(
            buffer_s=options.get("buffer_s", BUFFER_S),
            raise_priority=bool(options.get("priority", 1)),
            heal_gaps=bool(options.get("heal", 1)),
        )
    elif design == "pulse":
        from app.audio.pulse_output import PulseOutput

        output = PulseOutput(raise_priority=bool(options.get("priority", 1)))
    else:
        from app.audio.simpleaudio_output import SimpleaudioOutput

        output = SimpleaudioOutput(rate=SIMPLEAUDIO_RATE)
    lead_in_s = max(LEAD_IN_S, output.lead_s + 0.1)  # a deeper buffer needs more
    start = output.now() + lead_in_s
    due = time.monotonic() + lead_in_s
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
    stats = getattr(output, "stats", None)
    if stats is not None:
        print(json.dumps({"stats": dataclasses.asdict(stats)}), flush=True)
    del app
    return 0


def measure(
    design: str,
    plan_path: Path,
    pulse: PrivatePulse,
    busy_ms: float,
    errors_folder: Path | None = None,
    *,
    load: bool = False,
    options: dict[str, float] | None = None,
) -> dict[str, str]:
    plan = read_plan(plan_path, load_catalog()).plan
    assert plan is not None
    cues = [ScheduledCue(c.t_s, c.kind) for c in compile_timeline(plan).cues]
    command = [
        *(sys.executable, __file__, "--child", design, "--plan", str(plan_path)),
        *("--busy-ms", str(busy_ms), "--options", json.dumps(options or {})),
    ]
    with Recorder(pulse) as recorder, contextlib.ExitStack() as stack:
        if load:
            stack.enter_context(Load(plan_path.parent))
        done = subprocess.run(command, env=pulse.env, capture_output=True, text=True, check=False)
        time.sleep(0.5)
        recording = recorder.stop()
        zero = recorder.started_at
    if done.returncode != 0:
        return {"design": design, "note": f"failed: {done.stderr.strip().splitlines()[-1:]}"}
    said = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    due = next(s["due"] for s in said if "due" in s)
    stats = next((s["stats"] for s in said if "stats" in s), None)
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
    errors = [e for _, e in result.errors_s]
    steps = sum(1 for a, b in itertools.pairwise(errors) if abs(b - a) > 0.001)
    row = {
        "design": design
        + (" (" + ", ".join(f"{k} {v:g}" for k, v in options.items()) + ")" if options else ""),
        "load": "mixed" if load else "none",
        "notes": str(sum(len(t) for t in ideal.values())),
        "start latency (ms)": f"{start_ms:.0f}",
        "jitter sd (ms)": f"{result.sd_s * 1000:.3f}",
        "jitter max (ms)": f"{result.max_abs_error_s * 1000:.3f}",
        "drift (ms/min)": f"{result.drift_s_per_min() * 1000:+.3f}",
        "steps > 1 ms": str(steps),
        "last minus first note (ms)": f"{(errors[-1] - errors[0]) * 1000:+.1f}" if errors else "",
        "missing": str(len(result.missing)),
        "extra": str(len(result.extra)),
    }
    if stats is not None and "buffers_ended" in stats:
        row |= {
            "buffers ended": str(stats["buffers_ended"]),
            "end overrun least / most (ms)": (
                f"{stats['least_overrun_s'] * 1000:.1f} / {stats['most_overrun_s'] * 1000:.1f}"
            ),
            "gaps found": f"{stats['gaps']} ({stats['gap_s'] * 1000:.0f} ms)",
        }
    elif stats is not None:
        late = sum(stats["wake_delay_ms"][WAKE_BOUNDS_MS.index(20) + 1 :])
        row |= {
            "feeder priority": stats["priority"],
            "wake-ups": str(stats["wake_ups"]),
            "wake-ups > 20 ms late": str(late),
            "latest wake-up (ms)": f"{stats['max_wake_delay_s'] * 1000:.1f}",
            "least queued (ms)": f"{stats['min_ahead_s'] * 1000:.1f}",
            "played clock behind (ms)": f"{stats['max_behind_s'] * 1000:.1f}",
        }
        if "gaps" in stats:
            row["gaps healed"] = f"{stats['gaps']} ({stats['gap_s'] * 1000:.0f} ms)"
    return row


def table(rows: list[dict[str, str]]) -> str:
    columns = list(dict.fromkeys(c for row in rows for c in row))
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(row.get(c, "") for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def write_section(path: Path, begin: str, end: str, text: str, *, keep: bool = False) -> None:
    """Replace the text between ``begin`` and ``end`` in ``path`` (append them if missing);
    ``keep``: add ``text`` after what is there instead (the load runs' history)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        kept, tail = rest.split(end, 1)
        body = f"{kept.strip()}\n\n{text.strip()}" if keep and kept.strip() else text.strip()
        block = f"{begin}\n{body}\n{end}\n"
        tail = tail.lstrip("\n")
        new = head + block + ("\n" + tail if tail else "")
    else:
        block = f"{begin}\n{text.strip()}\n{end}\n"
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
    parser.add_argument("--load", action="store_true", help="play under the mixed load")
    parser.add_argument(
        "--buffer-ms", type=float, help="the qt output's buffer ahead (default: the app's)"
    )
    parser.add_argument(
        "--no-priority", action="store_true", help="leave the qt feeder at normal priority"
    )
    parser.add_argument("--no-heal", action="store_true", help="let the qt output keep gaps")
    parser.add_argument("--child", choices=DESIGNS, help=argparse.SUPPRESS)
    parser.add_argument("--options", default="{}", help=argparse.SUPPRESS)
    parser.add_argument("--plan", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.plan, args.busy_ms, json.loads(args.options))
    options: dict[str, float] = {}
    if args.buffer_ms is not None:
        options["buffer_s"] = args.buffer_ms / 1000
    if args.no_priority:
        options["priority"] = 0
    if args.no_heal:
        options["heal"] = 0
    designs = [d for d in args.designs.split(",") if d]
    if sys.version_info >= (3, 12):
        designs = [d for d in designs if d in ("qt", "pulse")]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        plan_path = Path(folder) / "plan.toml"
        plan_path.write_text(plan_text(args.minutes), encoding="utf-8")
        with PrivatePulse(Path(folder) / "pulse") as pulse:
            for design in designs:
                print(f"playing {design} ...", file=sys.stderr, flush=True)
                rows.append(
                    measure(
                        design,
                        plan_path,
                        pulse,
                        args.busy_ms,
                        args.errors,
                        load=args.load,
                        options=options if design in ("qt", "pulse") else {},
                    )
                )
    text = (
        f"Audio timing, {args.minutes:g}-minute plan, Python {sys.version.split()[0]},"
        f" busy Qt thread {args.busy_ms:g} ms of every 50 ms,"
        f" {'mixed load (see --load)' if args.load else 'no load'}, PulseAudio null sink at"
        f" {SINK_RATE} Hz ({time.strftime('%Y-%m-%d')}):\n\n{table(rows)}\n"
    )
    print(text)
    begin, end = (LOAD_BEGIN, LOAD_END) if args.load else (RESULTS_BEGIN, RESULTS_END)
    write_section(args.results, begin, end, text, keep=args.load)
    return 0


if __name__ == "__main__":
    sys.exit(main())
