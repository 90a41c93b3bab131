"""Fuzzing the settings file and the JSON backup importer: accepted or refused, never a crash."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.storage.backup import BackupError, check_backup
from app.storage.settings import AUDIO_CHOICES, Settings, read_settings, save_settings

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values: st.SearchStrategy[Any] = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=12),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
settings_keys = st.sampled_from(
    [
        "units",
        "theme",
        "volume",
        "muted",
        "count_in_s",
        "default_rest_s",
        "skip_practised_setup",
        "fullscreen",
        "audio",
        "equipment",
        "surfaces",
        "stature_cm",
        "height_cm",
        "name",
        "x",
    ]
)


@st.composite
def settings_like(draw: st.DrawFn) -> bytes:
    shape = draw(st.dictionaries(settings_keys, json_values, max_size=8))
    text = json.dumps(shape)
    for word in ("NaN", "Infinity", "-Infinity", "1e999"):
        if draw(st.booleans()):
            text = text.replace("null", word, 1)
    raw = text.encode()
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + raw


NOTICE = re.compile(r"^[^\n]+$")


@FUZZ
@given(
    st.one_of(
        settings_like(),
        st.binary(max_size=200),
        st.just(b""),
        st.integers(1, 5000).map(lambda n: b"[" * n + b"]" * n),
    )
)
# Seeds from issue 15: each once crashed timeline, play, load, suggest or the window.
@example(b'{"equipment":{"units":[]}}')
@example(b'{"equipment":{}}')
@example(b"{}")
@example(b'{"audio":"bogus"}')
@example(b'{"audio":"pipewire"}')
@example(b'{"audio":["qt"],"equipment":{"surfaces":[{"name":[],"height_cm":"x"}]}}')
@example(b'{"equipment":{"units":{"a":1},"stature_cm":1e999}}')
def test_settings_files(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_bytes(raw)
        loaded, notice = read_settings(path)
        assert isinstance(loaded, Settings)
        assert notice is None or NOTICE.match(notice)
        assert 0.0 <= loaded.volume <= 1.0
        assert loaded.audio in AUDIO_CHOICES
        # What the app writes back it reads back, and unknown keys survive the save.
        save_settings(path, loaded)
        again, notice = read_settings(path)
        assert (again, notice) == (loaded, None)


equipment_keys = st.sampled_from(["units", "surfaces", "stature_cm", "body_mass_kg", "x"])


@FUZZ
@given(st.dictionaries(equipment_keys, json_values, max_size=4), json_values)
def test_equipment_and_audio_of_any_shape(equipment: dict[str, Any], audio: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_text(json.dumps({"equipment": equipment, "audio": audio}), encoding="utf-8")
        loaded, notice = read_settings(path)
        assert loaded.audio in AUDIO_CHOICES
        assert notice is None or NOTICE.match(notice)


backup_keys = st.sampled_from(["format", "version", "sessions", "sets", "plans", "settings", "x"])


@FUZZ
@given(
    st.one_of(
        st.dictionaries(backup_keys, json_values, max_size=6).map(json.dumps),
        st.text(max_size=200),
        st.integers(1, 5000).map(lambda n: "[" * n + "]" * n),
    )
)
def test_backup_files(text: str) -> None:
    try:
        check_backup(text)
    except BackupError as error:
        lines = error.format("backup.json")
        assert lines
        assert all(re.match(r"^backup\.json:\d+: [^\n]+$", line) for line in lines), lines
