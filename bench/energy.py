"""Benchmark: how much of one core the window uses while you rest, train, or leave it on home.

Each measurement is a fresh child process showing the real window (1280x800) on an Xvfb server
started here, driven by the test-only autopilot into the state measured: a rest (2 x 1 rep,
120 s rest), a set (3-1-1-0, 30 reps) or home. Once there and settled, the child reads its
own CPU time (``time.process_time``: every thread of the process, the sound feeder included)
and its context switches (every thread's, from /proc: how often the process woke) over
``--seconds`` of wall time. Sound: ``--audio none``, and the qt output playing into a null sink
of a private PulseAudio daemon (as the real-audio tests do). Xvfb's and PulseAudio's own CPU
are not counted: the machine is shared, and the process's CPU time is what a battery pays for
this app.

Baseline, measured in the same run: a bare QMainWindow showing a clock label that changes once
a second. ``--before PATH`` also measures another checkout of the app (e.g. the commit before
a change), interleaved with this one, so both see the same machine load.

Run: ``nice .venv/bin/python bench/energy.py [--repeat 3] [--seconds 20] [--before PATH]``.
Prints medians (and every run) as a markdown table.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

REST_PLAN = """\
title = "Energy bench: rest"
count_in_s = 3

[[block]]
variation = "floor-push-up"
sets = 2
reps = 1
tempo = "3-1-1-0"
rest_s = 120
"""
SET_PLAN = """\
title = "Energy bench: set"
count_in_s = 3

[[block]]
variation = "floor-push-up"
sets = 1
reps = 30
tempo = "3-1-1-0"
"""
SETTLE_S = 2.0
HOME_SETTLE_S = 5.0
"""Home imports the progress charts on a thread once shown: measure after that."""


def context_switches() -> int:
    """Voluntary and involuntary context switches of every thread of this process so far."""
    total = 0
    for task in Path("/proc/self/task").iterdir():
        try:
            text = (task / "status").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                total += int(line.split()[1])
    return total


def thread_times() -> dict[str, float]:
    """CPU seconds of each thread of this process so far, by thread name (same names summed)."""
    tick = os.sysconf("SC_CLK_TCK")
    python_names = {thread.native_id: thread.name for thread in threading.enumerate()}
    times: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            name = python_names.get(int(task.name)) or (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime and stime: fields 14 and 15 of stat, 12 and 13 after the ")" of the name
        times[name] = times.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return times


# --- the child: one measurement -------------------------------------------------------------


def child(args: argparse.Namespace) -> int:
    if args.app_root:
        sys.path.insert(0, str(args.app_root))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    result: dict[str, Any] = {"scenario": args.scenario}

    def measure(app: QApplication, check: Any) -> None:
        start = (time.process_time(), time.monotonic(), context_switches())
        threads_before = thread_times()

        def done() -> None:
            cpu, wall, switches = time.process_time(), time.monotonic(), context_switches()
            result["cpu_pct"] = (cpu - start[0]) / (wall - start[1]) * 100
            result["wakes_per_s"] = (switches - start[2]) / (wall - start[1])
            result["threads_pct"] = {
                name: round((cpu_s - threads_before.get(name, 0.0)) / (wall - start[1]) * 100, 2)
                for name, cpu_s in thread_times().items()
                if cpu_s - threads_before.get(name, 0.0) > 0
            }
            result["state"] = check()
            app.quit()

        QTimer.singleShot(round(args.seconds * 1000), done)

    if args.scenario == "baseline":
        app = QApplication([])
        window = QMainWindow()
        label = QLabel()
        window.setCentralWidget(label)
        tick = QTimer(window)
        tick.timeout.connect(lambda: label.setText(time.strftime("%H:%M:%S")))
        tick.start(1000)
        window.resize(1280, 800)
        window.show()
        QTimer.singleShot(round(SETTLE_S * 1000), lambda: measure(app, lambda: "clock"))
        app.exec()
        print(json.dumps(result), flush=True)
        return 0

    import app as app_package

    try:
        autopilot = importlib.import_module("tests.integration.autopilot")
    except ImportError:  # --before a checkout whose autopilot was still in the app
        autopilot = importlib.import_module("app.gui.autopilot")
    from app.gui.launch import application, open_window
    from app.storage.data_dir import store_path
    from app.storage.plan_files import read_plan
    from app.storage.store import Store

    result["app"] = str(Path(app_package.__file__).parent.parent)
    qt_app = application()
    store = Store(store_path(args.data_dir))
    audio = None if args.audio == "default" else args.audio
    window = open_window(args.data_dir, store, audio=audio)
    window.resize(1280, 800)
    window.show()

    def screen() -> str:
        current = window.stack.currentWidget()
        return current.objectName() if current is not None else ""

    if args.scenario == "home":
        QTimer.singleShot(round(HOME_SETTLE_S * 1000), lambda: measure(qt_app, screen))
    else:
        wanted = "rest" if args.scenario == "rest" else "player"
        plan_file = read_plan(args.plan, window.services.catalog)
        assert plan_file.ok, plan_file.problems
        autopilot.Autopilot(window)  # first: it answers the screens the plan opens
        window.on_plan_chosen(plan_file)

        def wait_for_state() -> None:
            run = window.run
            started = run is not None and run.player.stage.value not in ("ready", "count_in")
            if screen() == wanted and started:
                QTimer.singleShot(round(SETTLE_S * 1000), lambda: measure(qt_app, screen))
            else:
                QTimer.singleShot(100, wait_for_state)

        wait_for_state()
    qt_app.exec()
    if window.run is not None:
        window.run.stop()
    window.close()
    store.close()
    print(json.dumps(result), flush=True)
    return 0


# --- the parent: Xvfb, PulseAudio, the runs ---------------------------------------------------


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        [
            *("Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24"),
            *("-nolisten", "tcp"),
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        raise SystemExit("Xvfb did not start")
    return xvfb, f":{number}"


def one_run(
    scenario: str, audio: str, app_root: Path | None, env: dict[str, str], args: argparse.Namespace
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.toml"
        plan.write_text(REST_PLAN if scenario == "rest" else SET_PLAN, encoding="utf-8")
        command = [
            *(sys.executable, __file__, "--child", "--scenario", scenario, "--audio", audio),
            *("--data-dir", str(Path(folder) / "data"), "--plan", str(plan)),
            *("--seconds", str(args.seconds)),
        ]
        if app_root is not None:
            command += ["--app-root", str(app_root)]
        done = subprocess.run(
            command,
            env=env,
            cwd=app_root or REPO,
            capture_output=True,
            text=True,
            timeout=args.seconds + 120,
            check=False,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{scenario} ({audio}) failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(lines[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--before", type=Path, help="another checkout to measure alongside")
    parser.add_argument(
        "--only", help="measure only these, e.g. rest:qt,set:qt (the baseline always runs)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    parser.add_argument("--audio", default="none", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--plan", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--app-root", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)

    from tests.integration.audio_recording import PrivatePulse

    roots: list[tuple[str, Path | None]] = [("this", None)]
    if args.before is not None:
        roots.append(("before", args.before.resolve()))
    cases: list[tuple[str, str, Path | None, str]] = [("baseline", "none", None, "-")]
    for label, root in roots:
        cases += [
            ("home", "none", root, label),
            ("rest", "none", root, label),
            ("set", "none", root, label),
            ("rest", "qt", root, label),
            ("set", "qt", root, label),
            ("rest", "pulse", root, label),
            ("set", "pulse", root, label),
        ]
    if args.only:
        wanted = {tuple(item.split(":")) for item in args.only.split(",")}
        cases = [case for case in cases if case[0] == "baseline" or case[:2] in wanted]
    results: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as folder, PrivatePulse(Path(folder)) as pulse:
            plain = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            with_pulse = {**pulse.env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            for round_number in range(args.repeat):
                for scenario, audio, root, label in cases:
                    env = plain if audio == "none" else with_pulse
                    figures = one_run(scenario, audio, root, env, args)
                    results.setdefault((label, scenario, audio), []).append(figures)
                    print(
                        f"round {round_number + 1}: {label:6} {scenario:8} {audio:4}"
                        f" {figures['cpu_pct']:5.2f} % of a core,"
                        f" {figures['wakes_per_s']:6.1f} wakes/s, ended on {figures['state']};"
                        f" by thread: {figures.get('threads_pct', {})}",
                        file=sys.stderr,
                        flush=True,
                    )
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    print(
        f"CPU of one core (process CPU time / wall time) over {args.seconds:g} s, Xvfb 1280x800,"
        f" median of {args.repeat} runs ({time.strftime('%Y-%m-%d')}):\n"
    )
    print("| code | state | sound | CPU % of one core (median) | runs | wakes/s (median) |")
    print("|---|---|---|---|---|---|")
    for (label, scenario, audio), runs in results.items():
        cpu = [r["cpu_pct"] for r in runs]
        wakes = [r["wakes_per_s"] for r in runs]
        print(
            f"| {label} | {scenario} | {audio} | {statistics.median(cpu):.2f} |"
            f" {', '.join(f'{c:.2f}' for c in cpu)} | {statistics.median(wakes):.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
