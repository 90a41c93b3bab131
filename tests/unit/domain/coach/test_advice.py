"""One piece of advice and its ``suggest --json`` form."""

from __future__ import annotations

import json

from app.domain.coach.advice import Rule, Suggestion
from app.domain.set_role import SetRole


def test_the_json_form_keeps_the_contract_and_adds_the_role() -> None:
    item = Suggestion(
        from_variation="floor-push-up",
        from_box_height_cm=None,
        from_reps="8-12",
        from_tempo="3-1-1-0",
        variation="loaded-push-up",
        box_height_cm=None,
        sets=3,
        reps="5-8",
        tempo="3-1-1-0",
        rest_s=120.0,
        rule=Rule.LOADED_BLOCK,
        reason="Add a little load.",
        role=SetRole.WARM_UP,
        extrapolated=True,
    )
    as_json = item.to_json()
    assert as_json["rule"] == "loaded_block" and as_json["role"] == "warm-up"
    assert list(as_json) == [
        "from_variation",
        "from_box_height_cm",
        "from_reps",
        "from_tempo",
        "variation",
        "box_height_cm",
        "sets",
        "reps",
        "tempo",
        "rest_s",
        "rule",
        "reason",
        "role",
    ]
    assert json.loads(json.dumps(as_json)) == as_json  # plain JSON values only
