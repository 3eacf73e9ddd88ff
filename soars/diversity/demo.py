"""Demo self-identification: most executives answer some questions, a few choose not to answer.

Its own random numbers, so adding it leaves every other app's demo data as it was.
"""

from __future__ import annotations

import random

from soars.core.demo import DemoContext
from soars.diversity.models import DECLINED, SelfIdentification

RACES = [(["white"], 60), (["black"], 14), (["asian"], 8), (["american_indian"], 2), (["pacific_islander"], 1)]
RACES += [(["black", "white"], 3), (["asian", "white"], 2), ([DECLINED], 6), ([], 4)]


def _pick(rng: random.Random, weighted):
    return rng.choices([value for value, _ in weighted], weights=[weight for _, weight in weighted])[0]


def seed(ctx: DemoContext) -> None:
    if not ctx.executive_ids or SelfIdentification.objects.exists():
        return
    rng = random.Random(181)
    rows = []
    for person in ctx.executive_ids:
        if rng.random() < 0.3:
            continue  # never opened the page
        rows.append(
            SelfIdentification(
                person_id=person,
                ethnicity=_pick(rng, [("hispanic", 8), ("not_hispanic", 84), (DECLINED, 5), ("", 3)]),
                races=_pick(rng, RACES),
                sex=_pick(rng, [("female", 38), ("male", 56), (DECLINED, 4), ("", 2)]),
                disability=_pick(rng, [("yes", 9), ("no", 80), (DECLINED, 8), ("", 3)]),
                veteran=_pick(rng, [("yes", 18), ("no", 75), (DECLINED, 4), ("", 3)]),
            )
        )
    SelfIdentification.objects.bulk_create(rows, batch_size=1000)
