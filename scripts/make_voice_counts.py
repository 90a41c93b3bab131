"""Generate the spoken counts and phase words under resources/voice/ (run once; commit them).

Each word is spoken by espeak-ng, then sox makes it small and clean: mono, 16 kHz, 16-bit,
silence trimmed at both ends, a 5 ms fade in and out (no click), peak-normalised to -3 dBFS.
The app resamples them to the output's rate and mixes them at the cue onsets when "Speak the
count and phase words" is on (app/audio/voice.py).

Run: ``.venv/bin/python scripts/make_voice_counts.py [--voice en-us] [--speed 175]``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.audio.voice import VOICE_RATE, WORDS

OUT = Path(__file__).resolve().parent.parent / "resources" / "voice"


def make(word: str, folder: Path, voice: str, speed: int) -> Path:
    """Speak ``word`` into ``folder/word.wav``."""
    with tempfile.TemporaryDirectory() as scratch:
        raw = Path(scratch) / "raw.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), word], check=True
        )
        trimmed = Path(scratch) / "trimmed.wav"
        subprocess.run(
            [
                *("sox", str(raw), "-r", str(VOICE_RATE), "-c", "1", "-b", "16", str(trimmed)),
                *("silence", "1", "0.005", "1%", "reverse", "silence", "1", "0.005", "1%"),
                "reverse",
            ],
            check=True,
        )
        out = folder / f"{word}.wav"
        # A second pass: sox only knows the trimmed length, which the fade-out needs, now.
        subprocess.run(
            ["sox", str(trimmed), str(out), "fade", "t", "0.005", "-0", "0.005", "norm", "-3"],
            check=True,
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voice", default="en-us", help="an espeak-ng voice")
    parser.add_argument("--speed", type=int, default=175, help="words per minute")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    if missing:
        print(f"install {' and '.join(missing)} first", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for word in WORDS:
        path = make(word, args.out, args.voice, args.speed)
        print(f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
