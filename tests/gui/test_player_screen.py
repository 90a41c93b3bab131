"""The set screen's count: a fixed count counts up to it; a range and a max set say the aim."""

from __future__ import annotations

import pytest

from app.domain.reps import parse_rep_target
from app.gui.player_screen import rep_words


@pytest.mark.parametrize(
    ("target", "rep", "words"),
    [
        ("10", 4, ("Rep 4 / 10", "")),
        ("8-12", 5, ("Rep 5", "8-12 reps")),  # 12 is the top of the range, not an order
        ("max", 17, ("Rep 17", "as many as you can")),
        ("8-12", None, ("Rep 0", "8-12 reps")),  # before the first rep
    ],
)
def test_the_count_and_the_aim(target: str, rep: int | None, words: tuple[str, str]) -> None:
    parsed = parse_rep_target(target)
    assert rep_words(parsed, rep, parsed.scheduled_reps) == words
