"""Recording what an output really played: a private PulseAudio null sink and onset finding.

Used by the real-audio tests and by ``bench/audio_timing.py``. Lessons already paid for:

- the null sink runs at 50 kHz: at 44.1 or 48 kHz its clock runs 100-400 ppm fast;
- the recorder starts first and we wait for its first data: an idle null sink drops its first
  ~2 s;
- onsets are found per pitch on a band envelope (demodulated at the note's pitch, smoothed by a
  30 ms Hann window), not on raw sample thresholds; the same finder runs on the mixer's ideal
  render of the schedule, so its own delay cancels out.

Only the processes started here are stopped, by their id.
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from app.audio.mixer import CueMixer
from app.audio.sounds import SOUND_SPECS, cue_sounds
from app.domain.player import ScheduledCue
from app.domain.timeline import compile_timeline
from app.storage.catalog import load_catalog
from app.storage.plan_files import read_plan

SINK_RATE = 50000
SINK_NAME = "tt"
SILENT_SOURCE = "tt-silence"
Floats = npt.NDArray[np.float64]


class PulseUnavailableError(RuntimeError):
    """PulseAudio or its tools are missing, or the private daemon would not start."""


class PrivatePulse:
    """A PulseAudio daemon of our own with one null sink, in ``folder``; a context manager.

    ``extra_sinks`` adds more null sinks of those names (same rate, mono); the server's
    default sink stays ``SINK_NAME``. The default source is then a silent null source
    (``SILENT_SOURCE``), not a monitor: a recorder would otherwise be moved off its monitor
    when the default sink changes (the default source follows it), or onto another sink's
    monitor when its sink is unloaded.
    """

    def __init__(
        self, folder: Path, rate: int = SINK_RATE, *, extra_sinks: Sequence[str] = ()
    ) -> None:
        self.folder = folder
        self.rate = rate
        self.extra_sinks = tuple(extra_sinks)
        self.socket = folder / "run" / "native"
        self._process: subprocess.Popen[bytes] | None = None
        self._log = folder / "pulseaudio.log"

    @property
    def env(self) -> dict[str, str]:
        """Environment for a process that should play into (or record from) this daemon."""
        env = dict(os.environ)
        env.update(
            PULSE_SERVER=f"unix:{self.socket}",
            PULSE_RUNTIME_PATH=str(self.folder / "run"),
            XDG_RUNTIME_DIR=str(self.folder / "run"),
            HOME=str(self.folder / "home"),
            PULSE_SINK=SINK_NAME,
        )
        env.pop("PULSE_COOKIE", None)
        # The app asks for its own server latency (qt_output). A value leaked by an earlier
        # test's QtOutput in this process must not reach the recorder: parec given 60 ms
        # hands its samples over that much later, and the frame-sync bench read the screen as
        # 45 ms behind the sound (the app given the same value alone: +1.5 ms, 2026-12-07).
        env.pop("PULSE_LATENCY_MSEC", None)
        return env

    def pactl(self, *args: str) -> str:
        """Run ``pactl`` on this daemon; its output (raises CalledProcessError if it fails)."""
        done = subprocess.run(
            ["pactl", *args],
            env={**self.env, "LC_ALL": "C"},
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
        return done.stdout

    def __enter__(self) -> PrivatePulse:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def start(self) -> None:
        missing = [tool for tool in ("pulseaudio", "pactl", "parec") if not shutil.which(tool)]
        if missing:
            raise PulseUnavailableError(
                f"{', '.join(missing)} not found: install pulseaudio and pulseaudio-utils"
                " (scripts/install-system-deps.sh does)"
            )
        for sub in ("run", "home"):
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder / "run", 0o700)
        command = [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--system=false",
            "--disallow-exit",
            "--use-pid-file=no",
            "--log-target=stderr",
            "-L",
            f"module-null-sink sink_name={SINK_NAME} rate={self.rate} channels=1",
            *(
                arg
                for name in self.extra_sinks
                for arg in ("-L", f"module-null-sink sink_name={name} rate={self.rate} channels=1")
            ),
            *(
                (
                    "-L",
                    f"module-null-source source_name={SILENT_SOURCE} rate={self.rate} channels=1",
                )
                if self.extra_sinks
                else ()
            ),
            "-L",
            f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
        ]
        with self._log.open("wb") as log:
            # As root pulseaudio warns but runs in user mode; no D-Bus is needed.
            self._process = subprocess.Popen(
                command, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise PulseUnavailableError(
                    f"pulseaudio exited with {self._process.returncode}:\n{self.log_text()}"
                )
            done = subprocess.run(
                ["pactl", "info"], env=self.env, capture_output=True, check=False, timeout=5
            )
            if done.returncode == 0 and SINK_NAME in done.stdout.decode(errors="replace"):
                if self.extra_sinks:
                    self.pactl("set-default-sink", SINK_NAME)
                    self.pactl("set-default-source", SILENT_SOURCE)
                return
            time.sleep(0.1)
        self.stop()
        raise PulseUnavailableError(f"pulseaudio did not answer in 15 s:\n{self.log_text()}")

    def stop(self) -> None:
        _stop(self._process)
        self._process = None

    def log_text(self) -> str:
        try:
            return self._log.read_text(errors="replace")[-3000:]
        except OSError:
            return ""


class Recorder:
    """``parec`` on a null sink's monitor (``SINK_NAME``'s unless ``sink`` is given), collected
    in a thread; a context manager."""

    def __init__(self, pulse: PrivatePulse, *, sink: str = SINK_NAME) -> None:
        self.pulse = pulse
        self.sink = sink
        self._chunks: list[bytes] = []
        self._process: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None
        self._first_data = threading.Event()
        self.started_at = 0.0
        """Monotonic time of the recording's first sample (to within parec's buffer)."""
        self.arrivals: list[tuple[float, int]] = []
        """(monotonic time a chunk arrived, samples recorded up to its end)."""

    def __enter__(self) -> Recorder:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def start(self, settle_s: float = 0.5) -> None:
        """Start recording and return once data flows (plus ``settle_s``)."""
        self._process = subprocess.Popen(
            [
                "parec",
                f"--device={self.sink}.monitor",
                f"--rate={self.pulse.rate}",
                "--channels=1",
                "--format=s16le",
                "--raw",
                "--latency-msec=20",
            ],
            env=self.pulse.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._thread = threading.Thread(target=self._collect, name="parec-reader", daemon=True)
        self._thread.start()
        if not self._first_data.wait(timeout=10):
            self.stop()
            raise PulseUnavailableError("parec delivered no data in 10 s")
        time.sleep(settle_s)

    def _collect(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        stdout = self._process.stdout
        total = 0
        while chunk := os.read(stdout.fileno(), 65536):
            arrived = time.monotonic()
            total += len(chunk)
            if not self._chunks:
                self.started_at = arrived - len(chunk) / 2 / self.pulse.rate
            self._chunks.append(chunk)
            self.arrivals.append((arrived, total // 2))
            self._first_data.set()

    def first_sample_time(self, until: float = math.inf) -> float:
        """The latest monotonic time the first sample can have been recorded: tighter than
        ``started_at``, the least delayed of the chunks that arrived before ``until`` bounds it.
        (Pass the time the monitor went away: parec, moved to another source, may then be
        handed a burst that would spoil the bound.)"""
        return min(
            (at - samples / self.pulse.rate for at, samples in self.arrivals if at < until),
            default=self.started_at,
        )

    def stop(self) -> Floats:
        """Stop recording; the whole recording as floats in [-1, 1]."""
        process, self._process = self._process, None
        _stop(process)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if process is not None and process.stdout is not None:
            process.stdout.close()
        data = b"".join(self._chunks)
        data = data[: len(data) // 2 * 2]
        return np.frombuffer(data, dtype="<i2").astype(np.float64) / 32768.0


@contextmanager
def pulse_or_fail(folder: Path, *, extra_sinks: tuple[str, ...] = ()) -> Iterator[PrivatePulse]:
    """A private PulseAudio server; a machine without one fails the test (CI installs it)."""
    try:
        with PrivatePulse(folder, extra_sinks=extra_sinks) as daemon:
            yield daemon
    except PulseUnavailableError as error:
        pytest.fail(f"the real-audio tests need PulseAudio: {error}")


def play_recorded(
    pulse: PrivatePulse, command: Sequence[str], cwd: Path
) -> tuple[subprocess.CompletedProcess[str], Floats]:
    """Run ``command`` (a process that plays into ``pulse``) while recording the sink; the
    finished process and the recording, its tail included."""
    with Recorder(pulse) as recorder:
        done = subprocess.run(
            list(command),
            env=pulse.env,
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        time.sleep(0.3)
        recording = recorder.stop()
    return done, recording


def plan_cues(plan_path: Path, speed: float) -> list[ScheduledCue]:
    """The cues of the plan at ``plan_path`` as ``play --speed`` schedules them."""
    plan = read_plan(plan_path, load_catalog()).plan
    assert plan is not None
    return [ScheduledCue(c.t_s / speed, c.kind) for c in compile_timeline(plan).cues]


def _stop(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


# --- onsets ---------------------------------------------------------------------------------

ENVELOPE_WINDOW_S = 0.03
ON_FRACTION = 0.25
OFF_FRACTION = 0.1
PEAK_SEARCH_S = 0.06


def band_frequencies() -> list[float]:
    """Every pitch a note of a cue sound starts at."""
    return sorted({note.freq_hz for spec in SOUND_SPECS.values() for note in spec.notes})


def expected_notes(cues: Iterable[ScheduledCue]) -> dict[float, list[float]]:
    """Onset time of every note of every cue, by pitch."""
    notes: dict[float, list[float]] = {f: [] for f in band_frequencies()}
    for cue in cues:
        for note in SOUND_SPECS[cue.kind].notes:
            notes[note.freq_hz].append(cue.at + note.start_s)
    return {f: sorted(times) for f, times in notes.items()}


def band_envelope(signal_: Floats, rate: int, freq_hz: float) -> Floats:
    """Amplitude near ``freq_hz``: demodulated, then smoothed by a Hann window (zero phase)."""
    n = len(signal_)
    carrier = np.exp(-2j * math.pi * freq_hz * np.arange(n) / rate)
    window = np.hanning(max(3, round(ENVELOPE_WINDOW_S * rate)))
    window /= window.sum()
    size = 1 << math.ceil(math.log2(n + len(window)))
    spectrum = np.fft.fft(signal_ * carrier, size) * np.fft.fft(window, size)
    smoothed = np.fft.ifft(spectrum)[len(window) // 2 : len(window) // 2 + n]
    return np.asarray(2 * np.abs(smoothed), dtype=np.float64)


def band_onsets(signal_: Floats, rate: int, freq_hz: float, floor: float = 0.01) -> list[float]:
    """Seconds at which notes near ``freq_hz`` start: half-way up to each local peak."""
    env = band_envelope(signal_, rate, freq_hz)
    top = float(env.max()) if len(env) else 0.0
    if top < floor:
        return []
    on, off = ON_FRACTION * top, OFF_FRACTION * top
    onsets: list[float] = []
    index = 0
    search = round(PEAK_SEARCH_S * rate)
    while True:
        above = np.flatnonzero(env[index:] > on)
        if not len(above):
            return onsets
        start = index + int(above[0])
        peak = start + int(np.argmax(env[start : start + search]))
        half = env[peak] / 2
        rise = start
        while rise > 0 and env[rise - 1] >= half:
            rise -= 1
        while rise < peak and env[rise] < half:
            rise += 1
        if rise > 0:
            before, after = env[rise - 1], env[rise]
            fraction = (half - before) / (after - before) if after != before else 0.0
            onsets.append((rise - 1 + fraction) / rate)
        else:
            onsets.append(0.0)
        below = np.flatnonzero(env[peak:] < off)
        if not len(below):
            return onsets
        index = peak + int(below[0])


def all_onsets(signal_: Floats, rate: int) -> dict[float, list[float]]:
    return {f: band_onsets(signal_, rate, f) for f in band_frequencies()}


def ideal_track(cues: Sequence[ScheduledCue], rate: int, tail_s: float = 1.5) -> Floats:
    """The mixer's render of ``cues`` (times from 0): what a perfect output would play."""
    mixer = CueMixer(rate, cue_sounds(rate))
    mixer.schedule(cues)
    end = mixer.frame_of(max(c.at for c in cues) + tail_s)
    return mixer.render(0, end).astype(np.float64)


@dataclass
class Comparison:
    """Recorded onsets against the ideal ones, after removing the constant latency."""

    latency_s: float
    errors_s: list[tuple[float, float]] = field(default_factory=list)
    """(ideal time, error) for every matched note, error with the latency removed."""
    missing: list[tuple[float, float]] = field(default_factory=list)
    """(pitch, ideal time) of notes not found in the recording."""
    extra: list[tuple[float, float]] = field(default_factory=list)
    """(pitch, recorded time) of onsets that match no note."""

    @property
    def max_abs_error_s(self) -> float:
        return max((abs(e) for _, e in self.errors_s), default=0.0)

    @property
    def sd_s(self) -> float:
        return float(np.std([e for _, e in self.errors_s])) if self.errors_s else 0.0

    def drift_s_per_min(self) -> float:
        """Slope of the error over the session, seconds of error per minute played."""
        if len(self.errors_s) < 2:
            return 0.0
        times = np.array([t for t, _ in self.errors_s])
        errors = np.array([e for _, e in self.errors_s])
        if np.ptp(times) <= 0:
            return 0.0
        return float(np.polyfit(times, errors, 1)[0] * 60)

    def describe(self) -> str:
        return (
            f"{len(self.errors_s)} notes matched, {len(self.missing)} missing"
            f" {self.missing[:5]}, {len(self.extra)} extra {self.extra[:5]}, latency"
            f" {self.latency_s * 1000:.2f} ms, max error {self.max_abs_error_s * 1000:.3f} ms,"
            f" sd {self.sd_s * 1000:.3f} ms"
        )


def _rough_latency(
    ideal: Mapping[float, Sequence[float]],
    recorded: Mapping[float, Sequence[float]],
    tolerance_s: float,
) -> float:
    """The delay that lines up the most notes: tried from the first few recordings of the
    first note's pitch (a stray early onset must not shift every match out of tolerance)."""
    first_at, first_pitch = min((min(t), f) for f, t in ideal.items() if t)
    tries = sorted(recorded.get(first_pitch, ()))[:8]
    if not tries:
        firsts = [min(times) for times in recorded.values() if times]
        return (min(firsts) - first_at) if firsts else 0.0

    def lined_up(delay: float) -> int:
        return sum(
            any(abs(r - delay - t) <= tolerance_s for r in recorded.get(f, ()))
            for f, wanted in ideal.items()
            for t in wanted
        )

    return max((r - first_at for r in tries), key=lambda d: (lined_up(d), -d))


def compare(
    ideal: Mapping[float, Sequence[float]],
    recorded: Mapping[float, Sequence[float]],
    *,
    tolerance_s: float = 0.03,
    groups: Sequence[tuple[float, float]] = (),
) -> Comparison:
    """Match recorded onsets to ideal ones per pitch; errors lose one constant latency.

    ``groups`` (start, end) of ideal time split the session into stretches that each get their
    own latency (simpleaudio plays each stretch from its own buffer).
    """
    rough = _rough_latency(ideal, recorded, tolerance_s)
    pairs: list[tuple[float, float]] = []
    result = Comparison(latency_s=rough)
    for freq, wanted in ideal.items():
        got = sorted(recorded.get(freq, ()))
        used = [False] * len(got)
        for t in wanted:
            best = None
            for i, r in enumerate(got):
                if (
                    not used[i]
                    and abs(r - rough - t) <= tolerance_s
                    and (best is None or abs(r - rough - t) < abs(got[best] - rough - t))
                ):
                    best = i
            if best is None:
                result.missing.append((freq, t))
            else:
                used[best] = True
                pairs.append((t, got[best] - t))
        result.extra.extend((freq, r) for i, r in enumerate(got) if not used[i])
    if not pairs:
        return result
    spans = list(groups) or [(-math.inf, math.inf)]
    pairs.sort()
    result.latency_s = float(np.median([d for _, d in pairs]))
    for low, high in spans:
        inside = [(t, d) for t, d in pairs if low <= t < high]
        if inside:
            latency = float(np.median([d for _, d in inside]))
            result.errors_s.extend((t, d - latency) for t, d in inside)
    result.errors_s.sort()
    return result
