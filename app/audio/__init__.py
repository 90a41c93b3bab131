"""Cue sounds, the mixer and the outputs that play them (the only package with sound devices)."""
