"""Importing other apps' history: time and peak memory of ``tempo-trainer import``.

Two files: the largest real export found beside the checkout (``../shared/real-exports``,
skipped when absent) and a generated 200,000-row Strong file (classic 12 columns: push ups
with warm-ups and rest-timer rows among other exercises, like a long-time user's export).
Each measurement is a fresh Python process that runs the real command line and reports the
command's own time (monotonic clock) and the process's peak resident memory. The baseline,
measured in the same run and the same way, only reads the file with ``csv.reader``: what any
importer must pay. Prints medians; asserts nothing.

    python bench/import_history.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real-exports"
IMPORTABLE = ("strong", "hevy", "fitnotes", "fitbod")
GENERATED_ROWS = 200_000

CHILD = """
import csv, json, sys, time
from pathlib import Path
import app.cli
mode, path, data = sys.argv[1], sys.argv[2], sys.argv[3]
started = time.monotonic()
if mode == "baseline":
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = sum(1 for _ in csv.reader(handle))
    code = 0
else:
    args = ["--data-dir", data, "import", "--json", path]
    code = app.cli.main(args + (["--dry-run"] if mode == "dry-run" else []))
elapsed = time.monotonic() - started
# VmHWM starts afresh at exec, unlike ru_maxrss, which keeps the parent's peak.
status = Path("/proc/self/status").read_text().splitlines()
peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"code": code, "s": elapsed, "peak_mb": peak_kb / 1024}), file=sys.stderr)
"""

_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
_OTHERS = ("Bench Press (Barbell)", "Squat (Barbell)", "Pull Up", "Triceps Pushdown (Cable)")
_PUSH_UPS = ("Push Up", "Diamond Push Up", "Incline Push Up", "Pike Push Up", "Push Up (Knees)")


def write_strong(path: Path, rows: int, seed: int = 13) -> int:
    """A Strong classic export of ``rows`` data rows; returns how many name a push up
    (pike push ups and warm-ups included, rest-timer rows not)."""
    pick = random.Random(seed)
    moment = datetime(1998, 1, 5, 18, 0, 0)  # a workout a day: 26 years, ending in 2024
    written = push_up_sets = 0
    lines = [_HEADER]
    while written < rows:
        date = moment.strftime("%Y-%m-%d %H:%M:%S")
        title = pick.choice(("Push Day", "Upper", "Home", "Full Body"))
        for exercise in (*pick.sample(_OTHERS, 2), pick.choice(_PUSH_UPS)):
            orders = ["W", "1", "Rest Timer", "2", "Rest Timer", "3", "F"]
            for order in orders:
                if written == rows:
                    break
                reps = "0.0" if order == "Rest Timer" else f"{pick.randint(5, 25)}.0"
                weight = "0" if "Push" in exercise or exercise == "Pull Up" else "60.0"
                seconds = "90.0" if order == "Rest Timer" else "0.0"
                lines.append(
                    f'{date},"{title}",52m,"{exercise}",{order},{weight},{reps},0,{seconds},,,'
                )
                written += 1
                if "Push Up" in exercise and order != "Rest Timer":
                    push_up_sets += 1
        moment += timedelta(days=1, minutes=pick.randint(-30, 30))
    path.write_text("\n".join(lines))
    return push_up_sets


def measure(mode: str, path: Path, runs: int) -> dict[str, float]:
    """Medians over ``runs`` fresh processes; ``import`` starts each run from an empty log,
    ``again`` imports into a log that already holds the file (it adds nothing)."""
    times, peaks = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as data:
            if mode == "again":
                _child("import", path, data)
            result = _child(
                "dry-run" if mode == "dry-run" else mode.replace("again", "import"), path, data
            )
        times.append(result["s"])
        peaks.append(result["peak_mb"])
    return {"s": statistics.median(times), "peak_mb": statistics.median(peaks)}


def _child(mode: str, path: Path, data: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(path), data],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "TEMPO_TRAINER_DATA_DIR": data},
    )
    result: dict[str, float] = json.loads(done.stderr.strip().splitlines()[-1])
    if result["code"] != 0:
        raise SystemExit(f"{path}: import failed: {done.stdout}{done.stderr}")
    return result


def report(label: str, path: Path, runs: int) -> None:
    baseline = measure("baseline", path, runs)
    print(f"\n{label}: {path.name}, {path.stat().st_size / 1e6:.2f} MB")
    print(f"  {'what':34} {'median s':>9} {'x baseline':>10} {'peak MB':>8}")
    for mode, what in (
        ("baseline", "baseline: csv.reader only"),
        ("dry-run", "import --dry-run (check all rows)"),
        ("import", "import into an empty log"),
        ("again", "import again (adds nothing)"),
    ):
        figures = baseline if mode == "baseline" else measure(mode, path, runs)
        ratio = figures["s"] / baseline["s"] if baseline["s"] else float("nan")
        print(f"  {what:34} {figures['s']:9.3f} {ratio:10.1f} {figures['peak_mb']:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if REAL.is_dir():
        candidates = [p for app in IMPORTABLE for p in (REAL / app).glob("*.csv")]
        largest = max(candidates, key=lambda p: p.stat().st_size)
        report("Largest real export", largest, args.runs)
    else:
        print(f"{REAL} is not here: the real-export figures are skipped")
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / "strong-200000.csv"
        push_ups = write_strong(generated, GENERATED_ROWS)
        report(
            f"Generated Strong file ({GENERATED_ROWS:,} rows, {push_ups:,} push-up rows)",
            generated,
            args.runs,
        )


if __name__ == "__main__":
    main()
