"""The charts' loads are the load model's: the same number for every variation and box height."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.domain.load_model import LOADED_ID, WALL_SHARE, box_share, estimate_load
from app.storage import progress_data as data
from app.storage.catalog import Catalog
from app.storage.data_dir import store_path
from app.storage.store import Store
from tests.unit.storage.test_progress_data import BOX, add_session

# Ebben's three points, the model's validated range, above it, and where it would fall
# below the wall estimate (about 85 cm for a 175 cm person) up to the tallest box.
HEIGHTS_CM = (0.0, 5.0, 12.5, 30.5, 45.0, 60.0, 61.0, 61.5, 75.0, 84.0, 90.0, 100.0, 120.0)


@pytest.mark.parametrize("stature_cm", [150.0, 175.0, 200.0])
def test_every_set_carries_the_load_models_share(
    tmp_path: Path, catalog: Catalog, stature_cm: float
) -> None:
    others = sorted(v for v in catalog if not catalog[v].uses_box)
    with Store(store_path(tmp_path)) as store:
        add_session(store, "2024-05-06T18:00", [(BOX, h, 10) for h in HEIGHTS_CM])
        add_session(store, "2024-05-07T18:00", [(v, None, 8) for v in others])
        table = data.load_set_table(store, catalog, stature_cm)
    expected = [
        estimate_load(catalog[v], None if np.isnan(h) else float(h), stature_cm).share_of_body_mass
        for v, h in zip(
            (table.variations[code] for code in table.variation), table.box_height_cm, strict=True
        )
    ]
    assert len(table) == len(HEIGHTS_CM) + len(others)
    assert list(table.share) == expected  # the very same numbers, not close ones
    on_box = table.variation == table.code(BOX)
    assert list(table.ladder_cm[on_box]) == list(HEIGHTS_CM)
    assert table.ladder_cm[table.variation == table.code(LOADED_ID)] == [data.LOADED_LADDER_CM]


def test_a_box_too_high_for_the_formula_carries_the_wall_estimate(
    tmp_path: Path, catalog: Catalog
) -> None:
    with Store(store_path(tmp_path)) as store:
        add_session(store, "2024-05-06T18:00", [(BOX, 61.0, 10), (BOX, 110.0, 10)])
        table = data.load_set_table(store, catalog)
    assert table.share[0] == box_share(61.0) > WALL_SHARE
    assert table.share[1] == WALL_SHARE
