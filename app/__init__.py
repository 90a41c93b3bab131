"""Tempo Trainer: paces push-up reps with sound and big visual cues, and logs the sets."""

__version__ = "0.1.0"
