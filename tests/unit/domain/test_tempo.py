from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.tempo import Concentric, Tempo, TempoError, parse_tempo


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3-1-1-0", Tempo(3, 1, 1, 0)),
        ("3110", Tempo(3, 1, 1, 0)),
        ("4-1-R-0", Tempo(4, 1, 0, 0, Concentric.RESET)),
        ("2-0-x-0", Tempo(2, 0, 0, 0, Concentric.EXPLOSIVE)),
        ("20X0", Tempo(2, 0, 0, 0, Concentric.EXPLOSIVE)),
        (" 2.5-0.5-1-0 ", Tempo(2.5, 0.5, 1, 0)),
        ("30-30-30-30", Tempo(30, 30, 30, 30)),
    ],
)
def test_reads_valid_tempos(text: str, expected: Tempo) -> None:
    assert parse_tempo(text) == expected


def test_rep_duration_uses_one_second_for_explosive_and_reset_s_for_an_assisted_reset() -> None:
    assert parse_tempo("3-1-1-0").rep_duration_s(reset_s=3) == 5
    assert parse_tempo("3-1-X-0").rep_duration_s(reset_s=3) == 5
    assert parse_tempo("4-1-R-0").rep_duration_s(reset_s=3) == 8


@pytest.mark.parametrize("text", ["3-1-1-0", "4-1-R-0", "2-0-X-0", "2.5-0.5-1-0"])
def test_prints_back_in_the_canonical_form(text: str) -> None:
    assert str(parse_tempo(text)) == text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("3-1-1", "has 3 field(s)"),
        ("3-1-1-0-0", "has 5 field(s)"),
        ("31101", "four fields"),
        ("3-1-1-a", "field 4 (top pause) is 'a'"),
        ("X-1-1-0", "only the concentric field may be X or R"),
        ("3-1-1-31", "field 4 (top pause) is 31 s"),
        ("3-R-1-0", "field 2 (bottom pause)"),
        ("3--1-1-0", "has 5 field(s)"),
        ("-1-1-1-0", "has 5 field(s)"),
        ("0-0-0-0", "all four fields are 0"),
        ("1e3-0-1-0", "field 1 (eccentric) is '1e3'"),
        ("nan-0-1-0", "field 1 (eccentric)"),
    ],
)
def test_errors_say_what_is_wrong_and_where(text: str, fragment: str) -> None:
    with pytest.raises(TempoError) as raised:
        parse_tempo(text)
    assert fragment in str(raised.value)


@given(st.text(max_size=30))
def test_arbitrary_text_raises_only_our_error(text: str) -> None:
    try:
        tempo = parse_tempo(text)
    except TempoError:
        return
    assert 0 <= tempo.eccentric_s <= 30
    assert tempo.rep_duration_s(reset_s=3) > 0


@given(
    st.tuples(*[st.integers(0, 30)] * 4).filter(lambda t: sum(t) > 0),
    st.sampled_from(["", "X", "R"]),
)
def test_round_trips(fields: tuple[int, int, int, int], concentric: str) -> None:
    parts = [str(f) for f in fields]
    if concentric:
        parts[2] = concentric
    text = "-".join(parts)
    assert str(parse_tempo(text)) == text
