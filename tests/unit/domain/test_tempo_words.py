import pytest

from app.domain.tempo import parse_tempo
from app.domain.tempo_words import tempo_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("4-1-R-0", "4-1-R-0: 4 s down, 1 s hold, assisted return"),
        ("3-1-1-0", "3-1-1-0: 3 s down, 1 s hold, 1 s up"),
        ("2-0-X-0", "2-0-X-0: 2 s down, up as fast as you can"),
        ("2.5-0-1-2", "2.5-0-1-2: 2.5 s down, 1 s up, 2 s rest at the top"),
    ],
)
def test_every_field_is_said_and_zeros_are_left_out(text: str, words: str) -> None:
    assert tempo_words(parse_tempo(text)) == words
