from __future__ import annotations

from app.storage.catalog import Catalog
from app.storage.imports.names_file import load_exercise_names


def test_every_variation_the_shipped_rules_name_is_in_the_catalog(catalog: Catalog) -> None:
    names = load_exercise_names()
    named = {names.plain.variation, names.plain.loaded_variation}
    for rule in names.rules:
        named |= {rule.match.variation, rule.match.loaded_variation}
    named.discard(None)
    assert named
    assert named <= set(catalog)
