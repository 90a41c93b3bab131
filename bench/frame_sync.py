"""Benchmark: does the GUI player's screen change phase within one display frame of the cue?

Runs the real GUI player in a child process (``SessionRun`` + ``PlayerScreen``, the classes
the window uses, under ``QT_QPA_PLATFORM=offscreen``) with the qt output playing into a
private PulseAudio null sink at 50 kHz, and records the sink's monitor with ``parec`` (see
tests/integration/audio_recording.py). For every phase change the child notes, on the
monotonic clock, when the driver's frame timer reported the stage change and when the phase
banner next painted the new word. The parent finds every cue's audible onset in the recording
and maps it onto the same clock, then reports screen minus sound per phase change (positive:
the screen changed after the sound), and the frame period of the driver's timer.

Mapping the recording onto the monotonic clock: each chunk ``parec`` hands over is stamped
with the time it arrived; sample ``n`` cannot have arrived before it was played, so the
recording's first sample played at most ``min(arrival - samples_so_far / rate)`` over all
chunks, and the chunk that arrived with least delay makes that bound tight (a fraction of a
millisecond when the machine is idle; the 50 kHz null sink runs on the monotonic clock).

Run: ``.venv/bin/python bench/frame_sync.py [--sets 2] [--reps 3]``. ``--results`` adds
the figures to bench/results-audio.md between its frame-sync markers.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audio_timing import write_section  # beside this file

from app.audio.sounds import SOUND_SPECS
from app.domain.player import ScheduledCue
from app.domain.timeline import CueKind
from tests.integration.audio_recording import (
    SINK_RATE,
    Floats,
    PrivatePulse,
    Recorder,
    all_onsets,
    compare,
    ideal_track,
)

FRAME_S = 1 / 60
"""One display frame at 60 Hz, the budget the issue sets."""
RESULTS_BEGIN = "<!-- frame-sync -->"
RESULTS_END = "<!-- /frame-sync -->"


def plan_text(sets: int, reps: int) -> str:
    return (
        f'title = "Frame sync bench"\ncount_in_s = 3\n\n[[block]]\n'
        f'variation = "floor-push-up"\nsets = {sets}\nreps = {reps}\ntempo = "2-1-1-1"\n'
        "rest_s = 8\n"
    )


# --- the child: the GUI player ----------------------------------------------------------------


def child(plan_path: Path, data_dir: Path, busy_ms: float, audio: str = "qt") -> int:
    """Play the plan in the GUI player; print one JSON line of what the screen did when."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from app.domain.phase_words import phase_words
    from app.domain.player import PlayerEvent, SetResult
    from app.domain.stage import Stage
    from app.domain.units import Units
    from app.gui.launch import output_factory
    from app.gui.player_screen import PlayerScreen
    from app.gui.screen_awake import NoScreenAwake
    from app.gui.services import Services
    from app.gui.session_run import SessionRun, SessionSource
    from app.storage.catalog import load_catalog
    from app.storage.data_dir import store_path
    from app.storage.plan_files import read_plan
    from app.storage.settings import Settings
    from app.storage.store import Store

    app = QApplication([])
    catalog = load_catalog()
    plan_file = read_plan(plan_path, catalog)
    assert plan_file.plan is not None, plan_file.problems
    stages: list[dict[str, Any]] = []
    paints: list[tuple[float, str]] = []
    ticks: list[float] = []
    cues: dict[tuple[float, str], ScheduledCue] = {}

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                paints.append((time.monotonic(), str(watched.property("word") or "")))
            return False

    with Store(store_path(data_dir)) as store:
        services = Services(
            data_dir=data_dir,
            catalog=catalog,
            store=store,
            settings=Settings(),
            open_output=output_factory(audio),
            screen_awake=NoScreenAwake("frame-sync bench"),
            plan_folders=(),
        )
        source = SessionSource(plan_file.plan, plan_file.text, str(plan_path))
        run = SessionRun(source, services)
        driver = run.driver
        screen = PlayerScreen(run, Units.CM)
        screen.resize(1280, 800)
        watch = PaintWatch(screen)
        screen.banner.installEventFilter(watch)
        screen.show()
        busy = QTimer(screen)

        def keep_busy() -> None:
            until = time.monotonic() + busy_ms / 1000
            while time.monotonic() < until:
                pass

        busy.timeout.connect(keep_busy)
        if busy_ms > 0:
            busy.start(50)

        def on_stage_changed(event: PlayerEvent) -> None:
            seen = time.monotonic()
            for cue in run.player.cues:
                cues[(round(cue.at, 6), cue.kind.value)] = cue
            word = phase_words(event.stage).word
            screen.banner.setProperty("word", word)
            stages.append(
                {
                    "stage": event.stage.value,
                    "word": word,
                    "at": event.at,
                    "seen_mono": seen,
                    "seen_clock": driver.now(),
                }
            )

        def on_set_ended(event: PlayerEvent) -> None:
            del event
            planned = run.player.view(driver.now()).reps_planned
            QTimer.singleShot(0, lambda: run.log(SetResult(planned, None)))

        def on_ticked() -> None:
            ticks.append(time.monotonic())
            view = run.player.view(driver.now())
            if run.player.stage is Stage.FINISHED or view.stage is Stage.FINISHED:
                QTimer.singleShot(1500, app.quit)
                driver.ticked.disconnect(on_ticked)

        driver.stage_changed.connect(on_stage_changed)
        driver.set_ended.connect(on_set_ended)
        driver.ticked.connect(on_ticked)
        driver.session_finished.connect(lambda _event: QTimer.singleShot(1500, app.quit))
        QTimer.singleShot(300, run.start)
        app.exec()
        busy.stop()
        for cue in run.player.cues:
            cues[(round(cue.at, 6), cue.kind.value)] = cue
        latency = getattr(driver.output, "latency_s", None)
        run.stop()
        screen.close()
    print(
        json.dumps(
            {
                "stages": stages,
                "paints": paints,
                "ticks": ticks,
                "cues": [[c.at, c.kind.value] for c in sorted(cues.values(), key=lambda c: c.at)],
                "latency_s": latency,
            }
        ),
        flush=True,
    )
    return 0


# --- the parent: recording and comparing -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PhaseChange:
    stage: str
    sound_mono: float
    tick_mono: float
    paint_mono: float | None
    by_key: bool = False
    """Started by a key (the session's start): shown at once, its cue ``lead_s`` later."""

    @property
    def tick_offset_ms(self) -> float:
        return (self.tick_mono - self.sound_mono) * 1000

    @property
    def paint_offset_ms(self) -> float | None:
        return None if self.paint_mono is None else (self.paint_mono - self.sound_mono) * 1000


def sink_latency(pulse: PrivatePulse, stop: threading.Event, out: list[float]) -> None:
    """Sample the null sink's latency (microseconds) while the session plays."""
    while not stop.wait(0.5):
        done = subprocess.run(
            ["pactl", "list", "sinks"],
            env={**pulse.env, "LC_ALL": "C"},
            capture_output=True,
            text=True,
            check=False,
        )
        out.extend(float(m) for m in re.findall(r"^\s*Latency: (\d+) usec", done.stdout, re.M))


def measure(
    plan_path: Path, pulse: PrivatePulse, busy_ms: float, audio: str = "qt"
) -> tuple[list[PhaseChange], dict[str, Any], list[float]]:
    latencies: list[float] = []
    stop = threading.Event()
    watcher = threading.Thread(target=sink_latency, args=(pulse, stop, latencies), daemon=True)
    recorder = Recorder(pulse)
    with tempfile.TemporaryDirectory() as data_dir, recorder:
        watcher.start()
        done = subprocess.run(
            [
                *(sys.executable, __file__, "--child", "--plan", str(plan_path)),
                *("--data-dir", data_dir, "--busy-ms", str(busy_ms), "--audio", audio),
            ],
            env={**pulse.env, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            check=False,
        )
        time.sleep(0.5)
        stop.set()
        recording = recorder.stop()
        zero = recorder.first_sample_time()
        rough_zero = recorder.started_at
    watcher.join(timeout=5)
    if done.returncode != 0:
        raise SystemExit(f"the GUI player failed:\n{done.stderr}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    report["zero_correction_ms"] = (zero - rough_zero) * 1000
    return phase_changes(report, recording, zero), report, latencies


def phase_changes(report: dict[str, Any], recording: Floats, zero: float) -> list[PhaseChange]:
    """Each stage change with a cue, its audible onset and screen times on the monotonic clock."""
    cues = [ScheduledCue(at, CueKind(kind)) for at, kind in report["cues"]]
    ideal = all_onsets(ideal_track(cues, SINK_RATE), SINK_RATE)
    result = compare(ideal, all_onsets(recording, SINK_RATE), tolerance_s=0.2)
    if result.missing or result.extra:
        print(f"warning: {result.describe()}", file=sys.stderr)
    # Error of each matched note, keyed by the ideal (detected) time of its first note.
    errors = dict(result.errors_s)
    ideal_first: dict[tuple[float, float], float] = {}
    for freq, times in ideal.items():
        for t in times:
            ideal_first[(freq, round(t, 2))] = t
    paints = [(at, word) for at, word in report["paints"]]
    changes: list[PhaseChange] = []
    for stage in report["stages"]:
        cue = next((c for c in cues if abs(c.at - stage["at"]) < 1e-6), None)
        if cue is None:
            continue
        freq = SOUND_SPECS[cue.kind].notes[0].freq_hz
        near = [t for t in ideal.get(freq, ()) if abs(t - cue.at) < 0.05]
        if not near or min(near, key=lambda t: abs(t - cue.at)) not in errors:
            continue
        error = errors[min(near, key=lambda t: abs(t - cue.at))]
        sound = zero + cue.at + result.latency_s + error
        paint = next(
            (at for at, word in paints if at >= stage["seen_mono"] and word == stage["word"]),
            None,
        )
        changes.append(
            PhaseChange(
                stage["stage"],
                sound,
                stage["seen_mono"],
                paint,
                by_key=stage["seen_clock"] < stage["at"] - 0.05,
            )
        )
    return changes


def summary(changes: list[PhaseChange], report: dict[str, Any], latencies: list[float]) -> str:
    ticks = report["ticks"]
    periods = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    keyed = [p for c in changes if c.by_key and (p := c.paint_offset_ms) is not None]
    changes = [c for c in changes if not c.by_key]
    tick = [c.tick_offset_ms for c in changes]
    paint = [p for c in changes if (p := c.paint_offset_ms) is not None]

    def row(name: str, values: list[float]) -> str:
        return (
            f"| {name} | {len(values)} | {min(values):+.1f} | {statistics.median(values):+.1f} |"
            f" {max(values):+.1f} |"
        )

    sink_ms = statistics.median(latencies) / 1000 if latencies else 0.0
    nominal = [p - sink_ms for p in paint]
    lines = [
        "| screen change, against | phase changes | min (ms) | median (ms) | max (ms) |",
        "|---|---|---|---|---|",
        row("driver tick, the sink's monitor", tick),
        row("banner painted, the sink's monitor", paint),
        row("banner painted, the sink's play time", nominal),
    ]
    within = min(nominal) > -FRAME_S * 1000 and max(nominal) < FRAME_S * 1000
    return (
        "\n".join(lines)
        + f"\n\nScreen minus sound (positive: the screen changed after the cue was heard)."
        f" Driver frame period: median {statistics.median(periods):.1f} ms, 95th percentile"
        f" {sorted(periods)[int(len(periods) * 0.95)]:.1f} ms, max {max(periods):.1f} ms"
        f" ({len(periods)} frames); one display frame at 60 Hz is {FRAME_S * 1000:.1f} ms:"
        f" {'within' if within else 'NOT within'} one frame of the play time."
        f" Not counted: {len(keyed)} change(s) started by a key (the session's start), shown"
        f" at once, {', '.join(f'{-k:.0f}' for k in keyed)} ms before their first beep"
        " (the output's lead, so that no cue is cut)."
        f" The null sink hands a sample to its monitor when it renders it, a median"
        f" {sink_ms:.1f} ms before its play time (PulseAudio's sink latency, which a real"
        f" device spends in its buffer). The output's latency estimate:"
        f" {(report.get('latency_s') or 0) * 1000:.1f} ms."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=2)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--busy-ms", type=float, default=0.0)
    parser.add_argument("--audio", choices=("qt", "pulse"), default="qt", help="the output")
    parser.add_argument("--results", type=Path, help="add the figures to this markdown file")
    parser.add_argument("--json", type=Path, help="also write the offsets (ms) to this file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--plan", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.plan, args.data_dir, args.busy_ms, args.audio)
    with tempfile.TemporaryDirectory() as folder:
        plan_path = Path(folder) / "plan.toml"
        plan_path.write_text(plan_text(args.sets, args.reps), encoding="utf-8")
        with PrivatePulse(Path(folder) / "pulse") as pulse:
            changes, report, latencies = measure(plan_path, pulse, args.busy_ms, args.audio)
    for change in changes:
        paint = change.paint_offset_ms
        print(
            f"{change.stage:12} tick {change.tick_offset_ms:+7.1f} ms"
            f"  paint {'-' if paint is None else f'{paint:+7.1f}'} ms",
            file=sys.stderr,
        )
    print(f"recording start corrected by {report['zero_correction_ms']:+.1f} ms", file=sys.stderr)
    text = (
        f"Frame sync, GUI player (offscreen) with the {args.audio} output,"
        f" {args.sets} x {args.reps} reps,"
        f" busy Qt thread {args.busy_ms:g} ms of every 50 ms, Python {sys.version.split()[0]},"
        f" `bench/frame_sync.py` ({time.strftime('%Y-%m-%d')}):\n\n"
        + summary(changes, report, latencies)
    )
    print(text)
    if args.results:
        write_section(args.results, RESULTS_BEGIN, RESULTS_END, text)
    if args.json:
        sink_ms = statistics.median(latencies) / 1000 if latencies else 0.0
        played = [c for c in changes if not c.by_key and c.paint_offset_ms is not None]
        figures = {
            "monitor_ms": [c.paint_offset_ms for c in played],
            "play_time_ms": [(c.paint_offset_ms or 0.0) - sink_ms for c in played],
            "phase_changes": len([c for c in changes if not c.by_key]),
            "frame_ms": FRAME_S * 1000,
        }
        args.json.write_text(json.dumps(figures), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
