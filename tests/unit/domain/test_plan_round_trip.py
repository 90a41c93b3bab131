"""``parse_plan(plan_text(plan)) == plan`` for any plan the app can hold, whatever its title
and description say: quotes, backslashes, control characters and any script included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.limits import MAX_BOX_HEIGHT_CM, MAX_TARGET_REPS
from app.domain.plan import Block, SessionPlan, parse_plan, plan_text
from app.domain.reps import MAX_SET_SCHEDULED_REPS, RepTarget
from app.domain.set_role import SetRole
from app.domain.tempo import MAX_FIELD_S, Concentric, Tempo
from app.storage.catalog import load_catalog

CATALOG = load_catalog()

# Every character a UTF-8 file can hold (all but the lone surrogates).
ANY_CHARACTER = st.characters(codec="utf-8")
TRICKY = st.sampled_from(['"', "\\", "\x00", "\x1b", "\x7f", "\n", "\r\n", "\t", "'''", '"""'])


def text(max_len: int, *, min_len: int) -> st.SearchStrategy[str]:
    """Text as parse_plan keeps it: stripped, at most ``max_len`` characters."""
    pieces = st.lists(st.one_of(st.text(ANY_CHARACTER, max_size=8), TRICKY), max_size=12)
    return (
        pieces.map("".join)
        .map(lambda joined: joined.strip()[:max_len].strip())
        .filter(lambda kept: len(kept) >= min_len)
    )


def seconds(high: float) -> st.SearchStrategy[float]:
    return st.one_of(
        st.floats(0, high, allow_nan=False),
        st.integers(0, int(high)).map(float),
        st.decimals(0, high, places=2).map(float),
    )


@st.composite
def reps(draw: st.DrawFn) -> RepTarget:
    if draw(st.booleans()):
        return RepTarget(1, MAX_SET_SCHEDULED_REPS, is_max=True)
    low = draw(st.integers(1, MAX_TARGET_REPS))
    return RepTarget(low, draw(st.integers(low, MAX_TARGET_REPS)))


@st.composite
def tempos(draw: st.DrawFn) -> Tempo:
    concentric = draw(st.sampled_from(Concentric))
    up = draw(seconds(MAX_FIELD_S)) if concentric is Concentric.TIMED else 0.0
    down, bottom, top = (draw(seconds(MAX_FIELD_S)) for _ in range(3))
    if concentric is Concentric.TIMED and down + bottom + up + top <= 0:
        down = 1.0
    return Tempo(down, bottom, up, top, concentric)


@st.composite
def blocks(draw: st.DrawFn) -> Block:
    variation = draw(st.sampled_from(sorted(CATALOG.values(), key=lambda v: v.id)))
    tempo = draw(tempos())
    reset_s = draw(seconds(30))
    if tempo.rep_duration_s(reset_s) <= 0:
        reset_s = 1.0
    return Block(
        variation_id=variation.id,
        sets=draw(st.integers(1, 20)),
        reps=draw(reps()),
        tempo=tempo,
        rest_s=draw(seconds(600)),
        box_height_cm=draw(seconds(MAX_BOX_HEIGHT_CM)) if variation.uses_box else None,
        reset_s=reset_s,
        role=draw(st.sampled_from(SetRole)),
    )


plans = st.builds(
    SessionPlan,
    title=text(80, min_len=1),
    blocks=st.lists(blocks(), min_size=1, max_size=4).map(tuple),
    description=text(2000, min_len=0),
    count_in_s=st.none() | seconds(10),
)


@given(plans)
def test_any_plan_reads_back_from_its_text(plan: SessionPlan) -> None:
    assert parse_plan(plan_text(plan), CATALOG) == plan


def test_a_control_character_in_the_title_reads_back() -> None:
    floor = Block("floor-push-up", 3, RepTarget(8, 12), Tempo(3, 1, 1, 0), 90.0, None)
    plan = SessionPlan('Bell\x07 "quoted" C:\\path\x1b[0m ✓', (floor,), "two\r\nlines")
    written = plan_text(plan)
    assert "\x07" not in written and "\x1b" not in written and "\r" not in written
    assert parse_plan(written, CATALOG) == plan
